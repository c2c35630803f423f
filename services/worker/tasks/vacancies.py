"""The daily close of vacancies whose closing day has passed (core/vacancies)."""

from __future__ import annotations

import logging
from datetime import date

import asyncpg

from services.core.vacancies import service as vacancies
from services.worker.opstap_task import opstap_task

log = logging.getLogger(__name__)


@opstap_task("vacancies.close_expired")
async def close_expired(conn: asyncpg.Connection, today: str | None = None) -> None:
    """Close the open vacancies past their closing day (a second run closes none)."""
    day = date.fromisoformat(today) if today else None
    closed = await vacancies.close_expired(conn, day)
    log.info("closed %d vacancies past their closing day", closed)
