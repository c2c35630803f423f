"""Events that change who fits where: rescore, then tell people about new good matches."""

from __future__ import annotations

from uuid import UUID

import asyncpg

from services.core.events.models import Event
from services.core.matching import recompute
from services.core.matching import service as matching
from services.core.notifications import service as notifications
from services.worker import runtime
from services.worker.tasks.events import on


@on("vacancy.published", "matching.rescore_vacancy")
@on("vacancy.updated", "matching.rescore_vacancy")
@on("vacancy.closed", "matching.rescore_vacancy")
@on("vacancy.filled", "matching.rescore_vacancy")
async def rescore_vacancy(conn: asyncpg.Connection, event: Event) -> None:
    """Score the vacancy against everyone again (a closed one loses its matches)."""
    vacancy_id = UUID(event.aggregate_id)
    await matching.rescore_vacancy(conn, vacancy_id)
    await notifications.notify_matches(conn, runtime.settings(), vacancy_ids=[vacancy_id])


@on("vacancy.closed", "notifications.vacancy_closed")
@on("vacancy.filled", "notifications.vacancy_closed")
async def tell_vacancy_closed(conn: asyncpg.Connection, event: Event) -> None:
    """Everyone who heard of the vacancy hears that it closed."""
    await notifications.notify_closed(conn, UUID(event.aggregate_id))


@on("employee.created", "matching.rescore_employee")
@on("employee.profile_updated", "matching.rescore_employee")
@on("consent.changed", "matching.rescore_employee")
@on("training.completed", "matching.rescore_employee")
async def rescore_employee(conn: asyncpg.Connection, event: Event) -> None:
    """Score the person against every open vacancy again (no consent: no matches); a finished
    training may close gaps."""
    employee_id = UUID(event.aggregate_id)
    await matching.rescore_employee(conn, employee_id)
    await notifications.notify_matches(conn, runtime.settings(), employee_ids=[employee_id])


@on("match.recompute_score", "matching.recompute_score")
async def recompute_score(conn: asyncpg.Connection, event: Event) -> None:
    """Score one shard of a full recompute (services/core/matching/recompute.py); the last
    one stores the run's matches."""
    threads = runtime.settings().matcher_threads
    shard = int(event.payload["shard"])
    await recompute.score_shard(conn, UUID(event.aggregate_id), shard, threads=threads)


@on("match.recomputed", "notifications.after_recompute")
async def tell_after_recompute(conn: asyncpg.Connection, event: Event) -> None:
    """New notable matches of a full recompute that nobody has heard of yet."""
    await recompute.announce(conn, runtime.settings())
