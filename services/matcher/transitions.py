"""Occupation-to-occupation transitions: where a worker in one occupation can move next.

Nesta's method (Kanders et al. 2020, "Mapping career causeways") on the matcher's skill model:
how well an origin covers a destination and the training gap between them in
transition_coverage.py, the viable and highly-viable bars in transition_thresholds.py.

Preparation: a step may go at most MAX_LEVEL_UP ISCO skill level up (1 -> 3 is not viable),
like Nesta's job-zone difference of at most 1. It may go down any number of levels: after time
out of work a lower-skilled job is a realistic way back in, and skill coverage still decides.
An occupation without a skill level (armed forces) is not held back by this rule.
A skill is listed as missing when c_oj < credit.GAP_BELOW, as in the matcher's explanations
(c_oj: the best credit the origin's skills give for destination skill j).

Kept per origin: its viable destinations by similarity (at most MAX_PER_ORIGIN) plus its TOP_N
most similar destinations even when not viable, so that every occupation shows its nearest
options. n_viable counts all viable destinations, also those past the cap.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

import numpy as np

from . import credit
from .index import ranges
from .similarity import SkillModel, build_skill_model
from .transition_coverage import DECIMALS, Coverage, coverage
from .transition_thresholds import Thresholds, calibrate_thresholds
from .types import OccupationInfo, TaxonomyData

ALGORITHM_VERSION = "essential-coverage+idf+isco-level/1"
MAX_LEVEL_UP = 1
TOP_N = 10
MAX_PER_ORIGIN = 300
MAX_STEPS = 3
PAIR_CHUNK = 1 << 16  # kept pairs whose missing skills are listed at once


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
    gap: float  # skill equivalents to learn (transition_coverage.py)
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
