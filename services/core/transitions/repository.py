"""Storing the transition graph and reading stepping stones and routes from it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import asyncpg

from services.core.transitions import queries

# origin, destination, similarity, viable, highly viable, level delta, gap, missing skills
TransitionRecord = tuple[str, str, float, bool, bool, int | None, float, list[str]]


async def occupations(conn: asyncpg.Connection) -> list[asyncpg.Record]:
    """Every occupation's URI, ISCO unit group and skill level."""
    return list(await conn.fetch(queries.OCCUPATIONS))


async def occupation_broader(conn: asyncpg.Connection) -> list[tuple[str, str]]:
    """(occupation, broader occupation) pairs."""
    return [(r[0], r[1]) for r in await conn.fetch(queries.OCCUPATION_BROADER)]


async def replace(
    conn: asyncpg.Connection,
    *,
    version: str,
    taxonomy: str,
    thresholds: dict[str, Any],
    distribution: dict[str, Any],
    seconds: float,
    rows: Sequence[TransitionRecord],
) -> None:
    """Store a build: its transitions replace the previous build's."""
    await conn.execute(queries.DELETE_TRANSITIONS)
    await conn.copy_records_to_table(
        "occupation_transition",
        records=rows,
        columns=[
            "origin_uri",
            "destination_uri",
            "similarity",
            "viable",
            "highly_viable",
            "level_delta",
            "gap",
            "missing_essential",
        ],
    )
    await conn.execute(queries.INSERT_GRAPH, version, taxonomy, thresholds, distribution, seconds)


async def current(conn: asyncpg.Connection) -> asyncpg.Record | None:
    """The graph in use (the newest build), or None before any build."""
    return await conn.fetchrow(queries.CURRENT_GRAPH)


async def stepping_stones(
    conn: asyncpg.Connection, origin_uri: str, limit: int
) -> list[asyncpg.Record]:
    """Viable moves to the same skill level or one up, most similar first."""
    return list(await conn.fetch(queries.STEPPING_STONES, origin_uri, limit))


async def move(
    conn: asyncpg.Connection, origin_uri: str, destination_uri: str
) -> asyncpg.Record | None:
    """One stored move, viable or not."""
    return await conn.fetchrow(queries.ONE_MOVE, origin_uri, destination_uri)


async def cheapest_route(
    conn: asyncpg.Connection, origin_uri: str, target_uri: str
) -> list[str] | None:
    """The stops (start first, target last) of the cheapest route of at most 3 moves."""
    row = await conn.fetchrow(queries.CHEAPEST_ROUTE, origin_uri, target_uri)
    return list(row["stops"]) if row else None


async def find_occupation(conn: asyncpg.Connection, name: str) -> list[asyncpg.Record]:
    """Occupations whose URI or preferred label (en or nl) is `name`."""
    return list(await conn.fetch(queries.FIND_OCCUPATION, name))


async def moves_from(conn: asyncpg.Connection, origin_uri: str, limit: int) -> list[asyncpg.Record]:
    """The stored moves from an occupation, viable first, most similar first."""
    return list(await conn.fetch(queries.MOVES_FROM, origin_uri, limit))
