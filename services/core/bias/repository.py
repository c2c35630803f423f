"""Reading the counts the bias report is made of."""

from __future__ import annotations

from uuid import UUID

import asyncpg

from services.core.bias import queries


async def group_counts(
    conn: asyncpg.Connection, organisation_id: UUID | None, source: str, year: int, threshold: float
) -> list[asyncpg.Record]:
    """(dimension, grp, people, suggested, outcomes) per group."""
    return list(await conn.fetch(queries.GROUP_COUNTS, organisation_id, source, year, threshold))


async def organisation_by_name(conn: asyncpg.Connection, name: str) -> UUID | None:
    """The id of the organisation with this name (any case), or None."""
    found: UUID | None = await conn.fetchval(queries.ORGANISATION_BY_NAME, name)
    return found
