"""Events that change who fits where: rescore the vacancy or the person they are about."""

from __future__ import annotations

from uuid import UUID

import asyncpg

from services.core.events.repository import Event
from services.worker import matching
from services.worker.tasks.events import on


@on("vacancy.published", "matching.rescore_vacancy")
@on("vacancy.updated", "matching.rescore_vacancy")
@on("vacancy.closed", "matching.rescore_vacancy")
@on("vacancy.filled", "matching.rescore_vacancy")
async def rescore_vacancy(conn: asyncpg.Connection, event: Event) -> None:
    """Score the vacancy against everyone again (a closed one loses its matches)."""
    await matching.rescore_vacancy(conn, UUID(event.aggregate_id))


@on("employee.created", "matching.rescore_employee")
@on("employee.profile_updated", "matching.rescore_employee")
@on("consent.changed", "matching.rescore_employee")
async def rescore_employee(conn: asyncpg.Connection, event: Event) -> None:
    """Score the person against every open vacancy again (no consent: no matches)."""
    await matching.rescore_employee(conn, UUID(event.aggregate_id))
