"""Reading and writing the logbook."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import asyncpg

from services.core.logbook import queries
from services.core.logbook.models import LogbookEntry


async def entries(conn: asyncpg.Connection, employee_id: UUID, limit: int) -> list[LogbookEntry]:
    """The person's notes, newest first."""
    rows = await conn.fetch(queries.SELECT_ENTRIES, employee_id, limit)
    return [LogbookEntry.model_validate(dict(r)) for r in rows]


async def entry(conn: asyncpg.Connection, entry_id: UUID, employee_id: UUID) -> LogbookEntry | None:
    """One note of the person, or None."""
    row = await conn.fetchrow(queries.SELECT_ENTRY, entry_id, employee_id)
    return LogbookEntry.model_validate(dict(row)) if row else None


async def insert(
    conn: asyncpg.Connection,
    employee_id: UUID,
    happened_on: date,
    body: str,
    written_by: UUID,
    written_role: str,
) -> UUID:
    """Write a note; its id."""
    entry_id: UUID = await conn.fetchval(
        queries.INSERT_ENTRY, employee_id, happened_on, body, written_by, written_role
    )
    return entry_id


async def delete(conn: asyncpg.Connection, entry_id: UUID, employee_id: UUID) -> bool:
    """Delete a note; False when there was none."""
    status: str = await conn.execute(queries.DELETE_ENTRY, entry_id, employee_id)
    return status.endswith(" 1")
