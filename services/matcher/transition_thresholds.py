"""Transition thresholds: the similarity a move needs to be viable, calibrated on the taxonomy.

Calibrated as Nesta's calibration notebook does: per group of two or more occupations the mean
similarity over its ordered pairs; a threshold is the mean minus one (population) standard
deviation of those group means, rounded to 2 decimals (Nesta rounded to 1, too coarse for a bar
near 0.1). Viable: over ISCO unit groups (4 digits). Highly viable:
over broad ESCO occupations (an occupation directly under an ISCO unit group with all its
narrower occupations: `family`), as Nesta did; not over ISCO's broader (3-digit) groups, whose
occupations are less alike than a unit group's, so that bar would sit below the viable one.
Without a family of two, the highly-viable bar is the unit groups' mean itself; without a unit
group of two, Nesta's 0.30 and 0.40 apply. Highly viable is never below viable. A pair at the
bar passes it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from .types import OccupationInfo

DEFAULT_VIABLE, DEFAULT_HIGHLY_VIABLE = 0.30, 0.40  # Nesta's published thresholds
THRESHOLD_DECIMALS = 2


@dataclass(frozen=True)
class Calibration:
    """One threshold calibrated on groups of occupations, with the figures behind it."""

    basis: str  # isco_unit_group | esco_broad_occupation | isco_unit_group_mean | ...
    groups: int  # groups with two or more occupations
    mean: float  # of the groups' mean within-group similarities
    sd: float  # population standard deviation of the same
    value: float


@dataclass(frozen=True)
class Thresholds:
    """The similarity a transition needs to be viable and highly viable."""

    viable: float
    highly_viable: float
    viable_from: Calibration | None = None  # None: given, not calibrated
    highly_viable_from: Calibration | None = None


def families(broader: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each narrower occupation's broad occupation, from (occupation, broader occupation) pairs.

    An occupation under no other is not listed: it is its own family.
    """
    parent: dict[str, str] = {}
    for child, up in sorted(set(broader)):
        parent.setdefault(child, up)  # the lowest URI when an occupation has two
    top: dict[str, str] = {}
    for start in parent:
        node, seen = start, {start}
        while node in parent and parent[node] not in seen:
            node = parent[node]
            seen.add(node)
        top[start] = node
    return top


def calibrate(
    similarity: np.ndarray,
    groups: Sequence[str],
    basis: str,
    destinations: np.ndarray | None = None,
) -> Calibration | None:
    """Mean minus one SD of the groups' mean within-group similarity; None without a group of two.

    `destinations` (bool per occupation) leaves out pairs into occupations that cannot be one.
    """
    members: dict[str, list[int]] = {}
    for i, group in enumerate(groups):
        members.setdefault(group, []).append(i)
    means = []
    for group in sorted(members):
        idx = np.array(members[group])
        if len(idx) < 2:
            continue
        mask = ~np.eye(len(idx), dtype=bool)
        if destinations is not None:
            mask &= destinations[idx][None, :]
        if mask.any():
            means.append(float(similarity[np.ix_(idx, idx)][mask].astype(np.float64).mean()))
    if not means:
        return None
    mean, sd = float(np.mean(means)), float(np.std(means))
    return Calibration(basis, len(means), mean, sd, round(mean - sd, THRESHOLD_DECIMALS))


def calibrate_thresholds(
    similarity: np.ndarray, occupations: Sequence[OccupationInfo], destinations: np.ndarray
) -> Thresholds:
    """Viable over ISCO unit groups, highly viable over broad ESCO occupations (docstring)."""
    viable = calibrate(
        similarity, [o.isco_code for o in occupations], "isco_unit_group", destinations
    )
    family = [o.family or o.uri for o in occupations]
    highly = calibrate(similarity, family, "esco_broad_occupation", destinations)
    if viable is None:
        return Thresholds(DEFAULT_VIABLE, DEFAULT_HIGHLY_VIABLE)
    if highly is None:
        mean = round(viable.mean, THRESHOLD_DECIMALS)
        highly = Calibration("isco_unit_group_mean", viable.groups, viable.mean, viable.sd, mean)
    return Thresholds(viable.value, max(viable.value, highly.value), viable, highly)
