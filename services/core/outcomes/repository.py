"""Reading the outcome report's counts and profile completeness facts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from uuid import UUID

import asyncpg

from services.core.outcomes import queries


async def organisation_kind(conn: asyncpg.Connection, organisation_id: UUID) -> str | None:
    """The organisation's kind (wise, employer, municipality), None when there is none."""
    kind: str | None = await conn.fetchval(queries.ORGANISATION_KIND, organisation_id)
    return kind


async def rungs_on(conn: asyncpg.Connection, organisation_id: UUID, day: date) -> dict[int, int]:
    """People per rung on a day."""
    rows = await conn.fetch(queries.RUNGS_ON, organisation_id, day)
    return {r["rung"]: r["people"] for r in rows}


async def moves(
    conn: asyncpg.Connection, organisation_id: UUID, start: date, end: date
) -> asyncpg.Record:
    """Moves up and down (and the people who made them) in the period."""
    row: asyncpg.Record = await conn.fetchrow(queries.MOVES, organisation_id, start, end)
    return row


async def placements(
    conn: asyncpg.Connection, organisation_id: UUID, start: date, end: date
) -> dict[str, asyncpg.Record]:
    """Trial placements and hires in the period, per kind."""
    rows = await conn.fetch(queries.PLACEMENTS, organisation_id, start, end)
    return {r["kind"]: r for r in rows}


async def retention(
    conn: asyncpg.Connection, organisation_id: UUID, start: date, end: date
) -> dict[int, asyncpg.Record]:
    """Follow-up moments at 3, 6 and 12 months due in the period, per moment."""
    rows = await conn.fetch(queries.RETENTION, organisation_id, start, end)
    return {r["months"]: r for r in rows}


async def days_to_placement(
    conn: asyncpg.Connection, organisation_id: UUID, start: date, end: date
) -> list[int | None]:
    """Per person placed in the period: days from their first suggestion (None: none before)."""
    rows = await conn.fetch(queries.TIME_TO_PLACEMENT, organisation_id, start, end)
    return [r["days"] for r in rows]


async def person_facts(conn: asyncpg.Connection, employee_id: UUID) -> asyncpg.Record | None:
    """What completeness reads of one person."""
    return await conn.fetchrow(queries.PERSON_FACTS, employee_id)


async def people_facts(
    conn: asyncpg.Connection, employee_ids: Sequence[UUID]
) -> dict[UUID, asyncpg.Record]:
    """What completeness reads of many people, by id."""
    rows = await conn.fetch(queries.PEOPLE_FACTS, list(employee_ids))
    return {r["id"]: r for r in rows}
