"""Reading and replacing capacity levels and demands (callers authorize first)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from uuid import UUID

import asyncpg

from services.core.capacity import queries
from services.core.capacity.items import BY_CODE
from services.core.capacity.models import Demand, Level, LevelIn


def _category(item: str) -> str:
    found = BY_CODE.get(item)
    return found.category if found else "unknown"


async def levels(conn: asyncpg.Connection, employee_id: UUID) -> list[Level]:
    """A person's stored levels, by item."""
    rows = await conn.fetch(queries.SELECT_PROFILE, employee_id)
    return [Level(category=_category(r["item"]), **dict(r)) for r in rows]


async def replace_levels(
    conn: asyncpg.Connection,
    employee_id: UUID,
    given: Sequence[LevelIn],
    assessed_on: date | None,
    recorded_by: UUID,
) -> bool:
    """Make the person's levels these; whether anything changed."""
    items = [g.item for g in given]
    deleted = await conn.execute(queries.DELETE_PROFILE_EXCEPT, employee_id, items)
    written = await conn.execute(
        queries.UPSERT_LEVELS,
        employee_id,
        items,
        [g.level for g in given],
        assessed_on,
        recorded_by,
    )
    return _count(deleted) + _count(written) > 0


async def demands(conn: asyncpg.Connection, vacancy_id: UUID) -> list[Demand]:
    """A vacancy's demands, by item."""
    rows = await conn.fetch(queries.SELECT_DEMANDS, vacancy_id)
    return [Demand(category=_category(r["item"]), **dict(r)) for r in rows]


async def replace_demands(
    conn: asyncpg.Connection, vacancy_id: UUID, given: Sequence[LevelIn]
) -> bool:
    """Make the vacancy's demands these; whether anything changed."""
    items = [g.item for g in given]
    deleted = await conn.execute(queries.DELETE_DEMANDS_EXCEPT, vacancy_id, items)
    written = await conn.execute(
        queries.UPSERT_DEMANDS, vacancy_id, items, [g.level for g in given]
    )
    return _count(deleted) + _count(written) > 0


def _count(status: str) -> int:
    """The row count of a command status such as 'INSERT 0 3' or 'DELETE 2'."""
    return int(status.rsplit(" ", 1)[-1])


async def failing(
    conn: asyncpg.Connection, employee_id: UUID, vacancy_ids: Sequence[UUID]
) -> set[UUID]:
    """The vacancies among these whose capacity demands the person does not meet (an item
    without a level, or a shortfall an offered accommodation can make workable, is no fail)."""
    if not vacancy_ids:
        return set()
    return {r["id"] for r in await conn.fetch(queries.FAILING, employee_id, list(vacancy_ids))}
