"""Building the occupation transition graph from the taxonomy in use, and storing it."""

from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass

import asyncpg

from services.core.matching import live
from services.core.matching import repository as matching_repository
from services.core.transitions import repository
from services.matcher.transition_thresholds import Thresholds, families
from services.matcher.transitions import Distribution, build_transitions
from services.matcher.types import OccupationInfo


@dataclass(frozen=True)
class Report:
    """What a build made."""

    version: str
    occupations: int
    transitions: int
    viable: int
    thresholds: Thresholds
    distribution: Distribution
    seconds: float


async def build(conn: asyncpg.Connection) -> Report:
    """Build the graph for the taxonomy in use and make it the one in use (in `conn`'s
    transaction)."""
    started = time.perf_counter()
    data, engine = await live.loaded(conn)
    family = families(await repository.occupation_broader(conn))
    infos = [
        OccupationInfo(r["uri"], r["isco_code"], r["skill_level"], family.get(r["uri"]))
        for r in await repository.occupations(conn)
    ]
    graph = build_transitions(data, infos, engine.model)
    rows = [
        (
            r.origin_uri,
            r.destination_uri,
            r.similarity,
            r.viable,
            r.highly_viable,
            r.level_delta,
            r.gap,
            r.missing_essential,
        )
        for r in graph.rows()
    ]
    seconds = time.perf_counter() - started
    distribution = graph.distribution()
    await repository.replace(
        conn,
        version=graph.version,
        taxonomy=data.fingerprint,
        thresholds=dataclasses.asdict(graph.thresholds),
        distribution=dataclasses.asdict(distribution),
        seconds=seconds,
        rows=rows,
    )
    return Report(
        version=graph.version,
        occupations=len(infos),
        transitions=len(rows),
        viable=sum(1 for r in rows if r[3]),
        thresholds=graph.thresholds,
        distribution=distribution,
        seconds=time.perf_counter() - started,
    )


async def ensure_built(conn: asyncpg.Connection) -> Report | None:
    """Build the graph unless the one in use is for the taxonomy in use; the report if built."""
    current = await repository.current(conn)
    fingerprint = await matching_repository.taxonomy_fingerprint(conn)
    if current is not None and current["taxonomy"] == fingerprint:
        return None
    return await build(conn)
