"""Periodic housekeeping."""

from __future__ import annotations

import logging
from datetime import datetime

import asyncpg

from services.core.events import repository as events
from services.core.matching import live
from services.core.notifications import repository as notifications
from services.core.retention import repository as retention_repository
from services.core.retention import service as retention_service
from services.core.retention.models import Periods
from services.worker import runtime
from services.worker.opstap_task import opstap_task

log = logging.getLogger(__name__)


@opstap_task("maintenance.prune_events")
async def prune_events(conn: asyncpg.Connection) -> None:
    """Delete settled outbox events older than the retention period, and the matcher's change
    log older than a day."""
    days = runtime.settings().outbox_retention_days
    deleted = await events.prune(conn, older_than_days=days)
    log.info("pruned %d settled events older than %d days", deleted, days)
    changes = await live.prune_changes(conn)
    log.info("pruned %d match input changes older than %d hours", changes, live.CHANGES_KEPT_HOURS)


@opstap_task("maintenance.weekly_digest")
async def weekly_digest(conn: asyncpg.Connection) -> None:
    """Ask for a digest for every account that gets one (one event each, sent once a week)."""
    accounts = await notifications.digest_accounts(conn)
    for account in accounts:
        await events.emit(
            conn, "digest.due", aggregate_type="account", aggregate_id=str(account["id"])
        )
    log.info("asked for %d weekly digests", len(accounts))


@opstap_task("maintenance.retention")
async def retention(conn: asyncpg.Connection, now: str | None = None) -> None:
    """Delete one batch of each kind of data past its retention period; continue if more."""
    settings = runtime.settings()
    at = datetime.fromisoformat(now) if now else await retention_repository.database_now(conn)
    batch = settings.retention_batch_size
    removed = await retention_service.enforce(
        conn, now=at, periods=Periods.from_settings(settings), batch_size=batch
    )
    log.info(
        "retention removed %d people, %d vacancies, %d notifications, %d audit rows, "
        "%d suggestions",
        removed.people,
        removed.vacancies,
        removed.notifications,
        removed.audit_rows,
        removed.suggestions,
        extra={"retention": removed.__dict__, "retention_at": at.isoformat()},
    )
    if removed.any_batch_full(batch):
        # The next batch runs in a transaction of its own, on the same clock as this one.
        retention.apply_async(kwargs={"now": at.isoformat()}, countdown=1)
