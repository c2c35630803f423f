"""Occupation-to-occupation transitions: where a worker in one occupation can move next.

Nesta's method (Kanders et al. 2020, "Mapping career causeways") on the matcher's skill model.

Similarity, asymmetric: how well the origin's skills cover the destination's essential skills.
sim(o -> d) = sum_j idf_j c_oj / sum_j idf_j over d's essential skills j, with idf the
matcher's specificity (similarity.py) and c_oj the best credit o's skills give for j: the max
over o's skills i of related[i, j] (1.0 for j itself, at most RELATED_CAP for a related skill)
times ORIGIN_FACTOR of i (essential 1; optional 0.5, as not every worker in o has an optional
skill, and Nesta's skills facet half counts all-to-essential, half essential-to-essential).
A max, as Nesta pairs each destination skill with its best origin skill and as credit.py does.
A destination without essential skills has similarity 0 and is never a destination.
Similarities and gaps are rounded to 4 decimals.

Thresholds, calibrated on the taxonomy as Nesta's calibration notebook does: per group of two
or more occupations the mean similarity over its ordered pairs; a threshold is the mean minus
one (population) standard deviation of those group means, rounded to 2 decimals (Nesta rounded
to 1, too coarse for a bar near 0.1). Viable: over ISCO unit groups (4 digits). Highly viable:
over broad ESCO occupations (an occupation directly under an ISCO unit group with all its
narrower occupations: `family`), as Nesta did; not over ISCO's broader (3-digit) groups, whose
occupations are less alike than a unit group's, so that bar would sit below the viable one.
Without a family of two, the highly-viable bar is the unit groups' mean itself; without a unit
group of two, Nesta's 0.30 and 0.40 apply. Highly viable is never below viable. A pair at the
bar passes it.

Preparation: a step may go at most MAX_LEVEL_UP ISCO skill level up (1 -> 3 is not viable),
like Nesta's job-zone difference of at most 1. It may go down any number of levels: after time
out of work a lower-skilled job is a realistic way back in, and skill coverage still decides.
An occupation without a skill level (armed forces) is not held back by this rule.

Training gap of a step: sum over the destination's essential skills of (1 - c_oj): skill
equivalents to learn. A skill the origin lacks counts 1, one a related skill half covers 0.5.
A skill is listed as missing when c_oj < credit.GAP_BELOW, as in the matcher's explanations.

Kept per origin: its viable destinations by similarity (at most MAX_PER_ORIGIN) plus its TOP_N
most similar destinations even when not viable, so that every occupation shows its nearest
options. n_viable counts all viable destinations, also those past the cap.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

import numpy as np
from scipy import sparse

from . import credit
from .index import ranges
from .similarity import SkillModel, build_skill_model
from .types import TaxonomyData

ALGORITHM_VERSION = "essential-coverage+idf+isco-level/1"
ORIGIN_FACTOR = {"essential": 1.0, "optional": 0.5}
MAX_LEVEL_UP = 1
TOP_N = 10
MAX_PER_ORIGIN = 300
MAX_STEPS = 3
DEFAULT_VIABLE, DEFAULT_HIGHLY_VIABLE = 0.30, 0.40  # Nesta's published thresholds
DECIMALS = 4
THRESHOLD_DECIMALS = 2
PAIR_CHUNK = 1 << 16  # kept pairs whose missing skills are listed at once


@dataclass(frozen=True)
class OccupationInfo:
    """What the transition graph needs of an occupation besides its skills."""

    uri: str
    isco_code: str  # ISCO-08 unit group, 4 digits
    skill_level: int | None  # ISCO-08 skill level 1-4; None when unknown (armed forces)
    family: str | None = None  # its broad ESCO occupation (see families()); None: itself


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


class TransitionRow(NamedTuple):
    """One transition as a table row."""

    origin_uri: str
    destination_uri: str
    similarity: float
    highly_viable: bool
    missing_essential: list[str]
    viable: bool
    level_delta: int | None
    gap: float


@dataclass(frozen=True)
class Transition:
    """A move from one occupation to another, with what it takes."""

    origin_uri: str
    destination_uri: str
    similarity: float  # 0..1: how well the origin covers the destination's essential skills
    viable: bool
    highly_viable: bool
    level_delta: int | None  # destination's ISCO skill level minus the origin's
    gap: float  # skill equivalents to learn (module docstring)
    missing_essential: tuple[str, ...]  # skill URIs, in URI order

    def row(self) -> TransitionRow:
        """The transition as a table row."""
        return TransitionRow(
            self.origin_uri,
            self.destination_uri,
            self.similarity,
            self.highly_viable,
            list(self.missing_essential),
            self.viable,
            self.level_delta,
            self.gap,
        )


@dataclass(frozen=True)
class Path:
    """A route of viable transitions from an occupation to a target; no steps when not found."""

    origin_uri: str
    target_uri: str
    found: bool
    steps: tuple[Transition, ...] = ()

    @property
    def total_gap(self) -> float | None:
        """The sum of the steps' training gaps; None when there is no path."""
        return round(sum(step.gap for step in self.steps), DECIMALS) if self.found else None


@dataclass(frozen=True)
class Distribution:
    """How many viable transitions occupations have."""

    occupations: int
    minimum: int
    median: float
    p90: float
    maximum: int
    mean: float
    without: int  # occupations with none


@dataclass(frozen=True, eq=False)
class Coverage:
    """Similarity and training gap of every ordered pair of occupations (dense, origin rows)."""

    uris: list[str]  # occupations, rows and columns in this order
    similarity: np.ndarray  # n x n float32 [origin, destination]
    gap: np.ndarray  # n x n float32 [origin, destination]
    skill_uris: list[str]  # the skills some occupation lists as essential, model order
    credit: np.ndarray  # skills x n float32: each origin's best credit for each such skill
    essential: sparse.csr_matrix  # n x skills 0/1: each occupation's essential skills


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


def coverage(data: TaxonomyData, model: SkillModel, uris: Sequence[str]) -> Coverage:
    """Similarity and gap of every ordered pair among `uris` (module docstring)."""
    position = {uri: i for i, uri in enumerate(uris)}
    factor: dict[tuple[int, str], float] = {}
    for occupation, skill, relation in data.occupation_skills:
        if occupation in position:
            key = (position[occupation], skill)
            factor[key] = max(factor.get(key, 0.0), ORIGIN_FACTOR[relation])
    columns = _columns(model, {skill for _, skill in factor})
    essential_keys = sorted(k for k, v in factor.items() if v == ORIGIN_FACTOR["essential"])
    used = sorted({columns[skill] for _, skill in essential_keys})
    row_of = np.full(len(columns), -1, dtype=np.int64)
    row_of[used] = np.arange(len(used))
    skill_uris = sorted(columns, key=columns.__getitem__)
    credit_matrix = _best_credit(factor, columns, model, row_of, len(uris))
    rows = [o for o, _ in essential_keys]
    cols = [int(row_of[columns[s]]) for _, s in essential_keys]
    essential = _zero_one(rows, cols, (len(uris), len(used)))
    idf = np.array([model.specificity(skill_uris[c]) for c in used], dtype=np.float64)
    weights = sparse.csr_matrix(essential.multiply(idf[None, :]))
    totals = np.asarray(weights.sum(axis=1)).ravel()
    scale = np.divide(1.0, totals, where=totals > 0, out=np.zeros_like(totals))
    weighted = sparse.csr_matrix(sparse.diags(scale) @ weights, dtype=np.float32)
    similarity = np.asarray(weighted @ credit_matrix, dtype=np.float32).T
    counts = np.diff(essential.indptr).astype(np.float32)
    covered = np.asarray(essential @ credit_matrix, dtype=np.float32).T
    gap = np.maximum(counts[None, :] - covered, np.float32(0.0))
    return Coverage(
        list(uris),
        np.round(np.ascontiguousarray(similarity), DECIMALS),
        np.round(np.ascontiguousarray(gap), DECIMALS),
        [skill_uris[c] for c in used],
        credit_matrix,
        essential,
    )


def _zero_one(rows: list[int], cols: list[int], shape: tuple[int, int]) -> sparse.csr_matrix:
    """A float32 matrix with 1 at each (row, col)."""
    return sparse.csr_matrix(
        (np.ones(len(rows), np.float32), (np.array(rows, np.int64), np.array(cols, np.int64))),
        shape=shape,
    )


def _columns(model: SkillModel, skills: set[str]) -> dict[str, int]:
    """Model skills at their index; others after them in URI order (they cover only themselves)."""
    columns = dict(model.index)
    for uri in sorted(skills - columns.keys()):
        columns[uri] = len(columns)
    return columns


def _best_credit(
    factor: dict[tuple[int, str], float],
    columns: dict[str, int],
    model: SkillModel,
    row_of: np.ndarray,
    n: int,
) -> np.ndarray:
    """credit[s, o] = max over o's skills i of related[i, s] * ORIGIN_FACTOR (float32)."""
    result = np.zeros((int((row_of >= 0).sum()), n), dtype=np.float32)
    if not factor:
        return result
    owner = np.array([o for o, _ in factor], dtype=np.int64)
    column = np.array([columns[s] for _, s in factor], dtype=np.int64)
    value = np.array(list(factor.values()), dtype=np.float32)
    inside = column < model.related.shape[0]
    related = model.related
    starts = related.indptr[column[inside]]
    counts = related.indptr[column[inside] + 1] - starts
    positions = ranges(starts, counts)
    targets = np.concatenate([related.indices[positions], column[~inside]])
    owners = np.concatenate([np.repeat(owner[inside], counts), owner[~inside]])
    values = np.concatenate(
        [related.data[positions] * np.repeat(value[inside], counts), value[~inside]]
    )
    keep = row_of[targets] >= 0
    np.maximum.at(result, (row_of[targets[keep]], owners[keep]), values[keep])
    return result


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


def build_transitions(
    data: TaxonomyData,
    occupations: Sequence[OccupationInfo],
    model: SkillModel | None = None,
    *,
    thresholds: Thresholds | None = None,
    top_n: int = TOP_N,
    max_per_origin: int = MAX_PER_ORIGIN,
    max_level_up: int = MAX_LEVEL_UP,
) -> TransitionGraph:
    """The transition graph of the occupations in `occupations` (module docstring).

    `model` must be built from `data` (built here when None); `thresholds` pins the bars
    instead of calibrating them. Every occupation in `data` needs an OccupationInfo.
    """
    infos = _checked(data, occupations)
    model = model if model is not None else build_skill_model(data)
    cov = coverage(data, model, [info.uri for info in infos])
    destinations = np.diff(cov.essential.indptr) > 0
    limits = thresholds or calibrate_thresholds(cov.similarity, infos, destinations)
    levels = np.array([info.skill_level or 0 for info in infos], dtype=np.int64)
    n = len(infos)
    eligible = (cov.similarity > 0) & destinations[None, :]
    eligible[np.arange(n), np.arange(n)] = False
    step_ok = levels[None, :] <= levels[:, None] + max_level_up
    step_ok |= (levels[:, None] == 0) | (levels[None, :] == 0)
    viable = eligible & step_ok & (cov.similarity >= np.float32(limits.viable))
    pairs = _kept(cov.similarity, eligible, viable, top_n, max_per_origin)
    missing_ptr, missing = _missing(cov, pairs)
    params = {"top_n": top_n, "max_per_origin": max_per_origin, "max_level_up": max_level_up}
    origin, destination = pairs
    similarity = cov.similarity[origin, destination]
    return TransitionGraph(
        version=_version(model, infos, limits, params),
        thresholds=limits,
        occupations=tuple(infos),
        index={info.uri: i for i, info in enumerate(infos)},
        skill_uris=cov.skill_uris,
        n_viable=viable.sum(axis=1).astype(np.int64),
        origin_ptr=np.concatenate([[0], np.cumsum(np.bincount(origin, minlength=n))]),
        destination=destination,
        similarity=similarity,
        gap=cov.gap[origin, destination],
        viable=viable[origin, destination],
        highly_viable=viable[origin, destination]
        & (similarity >= np.float32(limits.highly_viable)),
        missing_ptr=missing_ptr,
        missing=missing,
    )


def _checked(data: TaxonomyData, occupations: Sequence[OccupationInfo]) -> list[OccupationInfo]:
    """The occupations sorted by URI; ValueError for a bad ISCO code or level, or a gap."""
    infos = sorted({info.uri: info for info in occupations}.values(), key=lambda i: i.uri)
    for info in infos:
        if len(info.isco_code) != 4 or not info.isco_code.isdigit():
            raise ValueError(f"{info.uri}: ISCO code {info.isco_code!r} is not 4 digits")
        if info.skill_level is not None and not 1 <= info.skill_level <= 4:
            raise ValueError(f"{info.uri}: ISCO skill level {info.skill_level} is not 1-4")
    lacking = sorted(set(data.occupation_uris) - {info.uri for info in infos})
    if lacking:
        raise ValueError(f"{len(lacking)} occupations have no OccupationInfo, e.g. {lacking[0]}")
    return infos


def _kept(
    similarity: np.ndarray, eligible: np.ndarray, viable: np.ndarray, top_n: int, cap: int
) -> tuple[np.ndarray, np.ndarray]:
    """(origins, destinations) kept: per origin by similarity, ties by destination."""
    origins: list[np.ndarray] = []
    destinations: list[np.ndarray] = []
    for o in range(similarity.shape[0]):
        candidates = np.flatnonzero(eligible[o])
        ranked = candidates[np.lexsort((candidates, -similarity[o, candidates]))]
        keep = np.zeros(len(ranked), dtype=bool)
        keep[:top_n] = True
        keep[np.flatnonzero(viable[o, ranked])[:cap]] = True
        destinations.append(ranked[keep])
        origins.append(np.full(int(keep.sum()), o, dtype=np.int64))
    if not origins:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    return np.concatenate(origins), np.concatenate(destinations)


def _missing(cov: Coverage, pairs: tuple[np.ndarray, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Per kept pair, the destination's essential skills the origin lacks (CSR: ptr, skills)."""
    origin, destination = pairs
    ptr, skills = cov.essential.indptr, cov.essential.indices
    counts: list[np.ndarray] = []
    found: list[np.ndarray] = []
    for start in range(0, len(origin), PAIR_CHUNK):
        o, d = origin[start : start + PAIR_CHUNK], destination[start : start + PAIR_CHUNK]
        sizes = ptr[d + 1] - ptr[d]
        wanted = skills[ranges(ptr[d], sizes)]
        lacking = cov.credit[wanted, np.repeat(o, sizes)] < credit.GAP_BELOW
        pair = np.repeat(np.arange(len(o)), sizes)
        counts.append(np.bincount(pair[lacking], minlength=len(o)))
        found.append(wanted[lacking].astype(np.int32))
    if not counts:
        return np.zeros(1, np.int64), np.zeros(0, np.int32)
    return np.concatenate([[0], np.cumsum(np.concatenate(counts))]), np.concatenate(found)


def _version(
    model: SkillModel,
    infos: Sequence[OccupationInfo],
    limits: Thresholds,
    params: dict[str, int],
) -> str:
    """A short hash of the algorithm, the skill model (and so the taxonomy) and the inputs."""
    occupations = [[i.uri, i.isco_code, i.skill_level, i.family] for i in infos]
    text = json.dumps(
        [ALGORITHM_VERSION, model.version, occupations, limits.viable, limits.highly_viable, params]
    )
    return hashlib.sha256(text.encode()).hexdigest()[:12]


@dataclass(frozen=True, eq=False)
class TransitionGraph:
    """The kept transitions, by origin, as flat arrays; a version names the whole."""

    version: str
    thresholds: Thresholds
    occupations: tuple[OccupationInfo, ...]  # sorted by URI
    index: dict[str, int]
    skill_uris: list[str]
    n_viable: np.ndarray  # per occupation: all its viable destinations, also past the cap
    origin_ptr: np.ndarray  # pairs of origin o: origin_ptr[o]:origin_ptr[o + 1]
    destination: np.ndarray
    similarity: np.ndarray
    gap: np.ndarray
    viable: np.ndarray
    highly_viable: np.ndarray
    missing_ptr: np.ndarray  # missing skills of pair p: missing[missing_ptr[p]:missing_ptr[p+1]]
    missing: np.ndarray

    def transitions_from(self, origin_uri: str, *, viable_only: bool = True) -> list[Transition]:
        """An origin's kept transitions, most similar first (ties by destination URI).

        With viable_only=False also its nearest non-viable destinations (TOP_N in all).
        """
        o = self._position(origin_uri)
        pairs = range(int(self.origin_ptr[o]), int(self.origin_ptr[o + 1]))
        return [self._transition(p) for p in pairs if self.viable[p] or not viable_only]

    def transition(self, origin_uri: str, destination_uri: str) -> Transition | None:
        """The kept transition between two occupations, or None."""
        o, d = self._position(origin_uri), self._position(destination_uri)
        lo, hi = int(self.origin_ptr[o]), int(self.origin_ptr[o + 1])
        hits = np.flatnonzero(self.destination[lo:hi] == d)
        return self._transition(lo + int(hits[0])) if len(hits) else None

    def stepping_stones(self, origin_uri: str, k: int = 10) -> list[Transition]:
        """Viable moves to the same ISCO skill level or one up, most similar first."""
        stones = [t for t in self.transitions_from(origin_uri) if t.level_delta in (0, 1)]
        return stones[:k]

    def rows(self) -> Iterator[TransitionRow]:
        """Every kept transition as a table row, by origin URI, most similar first."""
        for p in range(len(self.destination)):
            yield self._transition(p).row()

    def distribution(self) -> Distribution:
        """Viable transitions per occupation (all of them, not only the kept ones)."""
        counts = self.n_viable
        if len(counts) == 0:
            return Distribution(0, 0, 0.0, 0.0, 0, 0.0, 0)
        return Distribution(
            occupations=len(counts),
            minimum=int(counts.min()),
            median=float(np.median(counts)),
            p90=float(np.percentile(counts, 90)),
            maximum=int(counts.max()),
            mean=round(float(counts.mean()), 2),
            without=int((counts == 0).sum()),
        )

    def find_path(self, origin_uri: str, target_uri: str, max_steps: int = MAX_STEPS) -> Path:
        """The route of at most `max_steps` viable transitions with the least total gap.

        Ties go to fewer steps. Only kept transitions count (all viable ones up to the cap).
        """
        start, target = self._position(origin_uri), self._position(target_uri)
        if start == target:
            return Path(origin_uri, target_uri, True)
        route = _cheapest_route(self._edges, start, target, max_steps)
        if route is None:
            return Path(origin_uri, target_uri, False)
        return Path(origin_uri, target_uri, True, tuple(self._transition(p) for p in route))

    @cached_property
    def _edges(self) -> _Edges:
        """The viable pairs, grouped by origin, for the route search."""
        pairs = np.flatnonzero(self.viable)
        origins = np.repeat(np.arange(len(self.occupations)), np.diff(self.origin_ptr))
        counts = np.bincount(origins[pairs], minlength=len(self.occupations))
        ptr = np.concatenate([[0], np.cumsum(counts)])
        return _Edges(ptr, pairs, origins[pairs], self.destination[pairs], self.gap[pairs])

    def _position(self, uri: str) -> int:
        try:
            return self.index[uri]
        except KeyError:
            raise ValueError(f"unknown occupation {uri!r}") from None

    def _transition(self, p: int) -> Transition:
        origin = int(np.searchsorted(self.origin_ptr, p, side="right")) - 1
        destination = int(self.destination[p])
        a, b = self.occupations[origin], self.occupations[destination]
        delta = None
        if a.skill_level is not None and b.skill_level is not None:
            delta = b.skill_level - a.skill_level
        lo, hi = int(self.missing_ptr[p]), int(self.missing_ptr[p + 1])
        return Transition(
            origin_uri=a.uri,
            destination_uri=b.uri,
            similarity=round(float(self.similarity[p]), DECIMALS),
            viable=bool(self.viable[p]),
            highly_viable=bool(self.highly_viable[p]),
            level_delta=delta,
            gap=round(float(self.gap[p]), DECIMALS),
            missing_essential=tuple(self.skill_uris[s] for s in self.missing[lo:hi]),
        )


class _Edges(NamedTuple):
    ptr: np.ndarray  # edges of origin o: ptr[o]:ptr[o + 1]
    pair: np.ndarray  # the graph's pair id of each edge
    origin: np.ndarray
    destination: np.ndarray
    gap: np.ndarray


def _cheapest_route(edges: _Edges, start: int, target: int, max_steps: int) -> list[int] | None:
    """Pair ids of the least-gap route of at most max_steps edges (fewer steps on ties).

    Step k keeps, per node, the cheapest route of exactly k edges (ties by edge), never back
    through the start; the last step looks only at edges into the target.
    """
    n = len(edges.ptr) - 1
    cost = np.full(n, np.inf)
    cost[start] = 0.0
    layers: list[np.ndarray] = []  # per step: the edge reaching each node, -1 for none
    best_cost, best_steps = np.inf, 0
    for step in range(1, max_steps + 1):
        sources = np.flatnonzero(np.isfinite(cost))
        counts = edges.ptr[sources + 1] - edges.ptr[sources]
        edge = ranges(edges.ptr[sources], counts)
        to = edges.destination[edge]
        keep = (to == target) if step == max_steps else (to != start)
        edge, to = edge[keep], to[keep]
        reach = cost[edges.origin[edge]] + edges.gap[edge]
        order = np.lexsort((edge, reach, to))
        first = order[np.r_[True, to[order][1:] != to[order][:-1]]] if len(order) else order
        cost = np.full(n, np.inf)
        cost[to[first]] = reach[first]
        via = np.full(n, -1, dtype=np.int64)
        via[to[first]] = edge[first]
        layers.append(via)
        if cost[target] < best_cost:
            best_cost, best_steps = float(cost[target]), step
    if best_steps == 0:
        return None
    route, node = [], target
    for via in reversed(layers[:best_steps]):
        route.append(int(edges.pair[via[node]]))
        node = int(edges.origin[via[node]])
    return route[::-1]
