"""Reading and writing follow-up moments."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import asyncpg

from services.core.access.policy import Actor
from services.core.clock import LOCAL_TIME
from services.core.followup import queries
from services.core.followup.models import MONTHS, FollowupDue, FollowupIn


async def create_for_decision(conn: asyncpg.Connection, decision_id: UUID) -> None:
    """The four moments of a placement decision, unless the pair has them already."""
    await conn.execute(queries.INSERT_FOR_DECISION, decision_id, list(MONTHS), LOCAL_TIME.key)


async def for_employee(conn: asyncpg.Connection, employee_id: UUID) -> list[asyncpg.Record]:
    """A person's moments with their placement, newest placement first."""
    return list(await conn.fetch(queries.SELECT_FOR_EMPLOYEE, employee_id, LOCAL_TIME.key))


async def get(
    conn: asyncpg.Connection, followup_id: UUID, employee_id: UUID
) -> asyncpg.Record | None:
    """One moment of one person, or None."""
    row: asyncpg.Record | None = await conn.fetchrow(queries.SELECT_ONE, followup_id, employee_id)
    return row


async def lock(conn: asyncpg.Connection, followup_id: UUID, employee_id: UUID) -> None:
    """Lock a moment until the transaction ends."""
    await conn.execute(queries.LOCK_ONE, followup_id, employee_id)


async def record(
    conn: asyncpg.Connection, followup_id: UUID, employee_id: UUID, body: FollowupIn, by: UUID
) -> None:
    """Store the answers of a moment (again, when corrected)."""
    await conn.execute(
        queries.RECORD,
        followup_id,
        employee_id,
        body.still_working,
        body.hours,
        body.support_needed,
        body.satisfaction,
        body.note,
        by,
    )


async def claim_due(conn: asyncpg.Connection, today: date, limit: int) -> list[UUID]:
    """Ids of moments due by `today` that nobody was reminded of, locked."""
    return [r["id"] for r in await conn.fetch(queries.CLAIM_DUE, today, limit)]


async def mark_reminded(conn: asyncpg.Connection, ids: list[UUID]) -> None:
    """Note that the jobcoach was reminded of these moments."""
    await conn.execute(queries.MARK_REMINDED, ids)


async def due_for_caseload(
    conn: asyncpg.Connection, actor: Actor, today: date, until: date, limit: int
) -> tuple[list[FollowupDue], int]:
    """Unrecorded moments due by `until` of the people the actor may see; and how many."""
    rows = await conn.fetch(
        queries.SELECT_DUE_FOR_CASELOAD, *actor.as_params(), until, today, limit
    )
    total: int = await conn.fetchval(queries.COUNT_DUE_FOR_CASELOAD, *actor.as_params(), until)
    return [FollowupDue.model_validate(dict(r)) for r in rows], total
