"""Periodic housekeeping."""

from __future__ import annotations

import logging

import asyncpg

from services.core.events import repository as events
from services.worker import runtime
from services.worker.base import opstap_task

log = logging.getLogger(__name__)


@opstap_task("maintenance.prune_events")
async def prune_events(conn: asyncpg.Connection) -> None:
    """Delete settled outbox events older than the retention period."""
    days = runtime.settings().outbox_retention_days
    deleted = await events.prune(conn, older_than_days=days)
    log.info("pruned %d settled events older than %d days", deleted, days)
