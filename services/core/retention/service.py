"""Enforce the retention periods: one bounded batch per kind, in the caller's transaction.

The caller passes `now` (the task: the database clock; tests: any instant), so what expires
is decided by one clock per run and can be tested without waiting months.
"""

from __future__ import annotations

from datetime import datetime

import asyncpg

from services.core.privacy import erasure
from services.core.retention import repository
from services.core.retention.models import Periods, Removed


async def enforce(
    conn: asyncpg.Connection, *, now: datetime, periods: Periods, batch_size: int
) -> Removed:
    """Delete up to `batch_size` rows of each kind that are past their period at `now`."""
    cut = await repository.cutoffs(conn, now, periods)
    inactive = await repository.lock_inactive_people(conn, cut["inactive_people"], batch_size)
    people = len(await erasure.erase_people(conn, inactive, reason="retention", at=now))
    vacancies = await repository.delete_vacancies(conn, cut["closed_vacancies"], batch_size)
    notifications = await repository.delete_notifications(
        conn, cut["read_notifications"], cut["unread_notifications"], batch_size
    )
    audit_rows = await repository.delete_audit_rows(conn, cut["audit"], batch_size)
    suggestions = await repository.delete_suggestions(conn, cut["suggestions"], batch_size)
    sessions = await repository.delete_page_sessions(
        conn, now, cut["idle_page_sessions"], batch_size
    )
    return Removed(people, vacancies, notifications, audit_rows, suggestions, sessions)
