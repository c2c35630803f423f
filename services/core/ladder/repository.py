"""Reading and writing the ladder over time."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from uuid import UUID

import asyncpg

from services.core.ladder import queries
from services.core.ladder.models import LadderChange


async def history(conn: asyncpg.Connection, employee_id: UUID) -> list[LadderChange]:
    """Every change of the person, oldest first."""
    rows = await conn.fetch(queries.SELECT_HISTORY, employee_id)
    return [LadderChange.model_validate(dict(r)) for r in rows]


async def newest(conn: asyncpg.Connection, employee_id: UUID) -> LadderChange | None:
    """The person's newest change; None when none is recorded."""
    row = await conn.fetchrow(queries.SELECT_NEWEST, employee_id)
    return LadderChange.model_validate(dict(row)) if row else None


async def insert(
    conn: asyncpg.Connection,
    employee_id: UUID,
    *,
    rung: int,
    previous_rung: int | None,
    changed_on: date,
    decided_by: UUID | None,
    decided_role: str | None,
    note: str | None = None,
) -> int:
    """Record one change; its id."""
    change_id: int = await conn.fetchval(
        queries.INSERT_CHANGE,
        employee_id,
        rung,
        previous_rung,
        changed_on,
        decided_by,
        decided_role,
        note,
    )
    return change_id


async def set_rung(conn: asyncpg.Connection, employee_id: UUID, rung: int) -> None:
    """Put the person's record on `rung`."""
    await conn.execute(queries.SET_RUNG, employee_id, rung)


async def on_rung_since(conn: asyncpg.Connection, employee_ids: Sequence[UUID]) -> dict[UUID, date]:
    """Per person, the date of their newest change (people without one are left out)."""
    rows = await conn.fetch(queries.SELECT_ON_RUNG_SINCE, list(employee_ids))
    return {r["employee_id"]: r["changed_on"] for r in rows}
