"""Reminders of follow-up moments after a placement (core/followup)."""

from __future__ import annotations

import logging
from datetime import date

import asyncpg

from services.core.followup import service as followup
from services.worker.opstap_task import opstap_task

log = logging.getLogger(__name__)


@opstap_task("followups.remind_due")
async def remind_due(conn: asyncpg.Connection, today: str | None = None) -> None:
    """Remind jobcoaches of the follow-up moments due (once each; a second run sends none)."""
    day = date.fromisoformat(today) if today else None
    reminded = await followup.remind_due(conn, day)
    log.info("reminded jobcoaches of %d follow-up moments", reminded)
