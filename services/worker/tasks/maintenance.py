"""Periodic housekeeping."""

from __future__ import annotations

import logging

import asyncpg

from services.core.events import repository as events
from services.core.notifications import repository as notifications
from services.worker import runtime
from services.worker.base import opstap_task

log = logging.getLogger(__name__)


@opstap_task("maintenance.prune_events")
async def prune_events(conn: asyncpg.Connection) -> None:
    """Delete settled outbox events older than the retention period."""
    days = runtime.settings().outbox_retention_days
    deleted = await events.prune(conn, older_than_days=days)
    log.info("pruned %d settled events older than %d days", deleted, days)


@opstap_task("maintenance.weekly_digest")
async def weekly_digest(conn: asyncpg.Connection) -> None:
    """Ask for a digest for every account that gets one (one event each, sent once a week)."""
    accounts = await notifications.digest_accounts(conn)
    for account in accounts:
        await events.emit(
            conn, "digest.due", aggregate_type="account", aggregate_id=str(account["id"])
        )
    log.info("asked for %d weekly digests", len(accounts))
