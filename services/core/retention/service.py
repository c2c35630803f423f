"""Enforce the retention periods: one bounded batch per kind, in the caller's transaction.

The caller passes `now` (the task: the database clock; tests: any instant), so what expires
is decided by one clock per run and can be tested without waiting months.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import asyncpg

from services.core.privacy import erasure
from services.core.retention import queries
from services.core.settings import Settings


@dataclass(frozen=True)
class Periods:
    """How long each kind of data is kept."""

    inactive_people_months: int = 24
    closed_vacancies_months: int = 12
    read_notifications_days: int = 180
    unread_notifications_days: int = 365
    audit_months: int = 24
    suggestions_months: int = 24

    @classmethod
    def from_settings(cls, settings: Settings) -> Periods:
        """The periods configured in `settings`."""
        return cls(
            inactive_people_months=settings.retain_inactive_people_months,
            closed_vacancies_months=settings.retain_closed_vacancies_months,
            read_notifications_days=settings.retain_notifications_days,
            unread_notifications_days=settings.retain_unread_notifications_days,
            audit_months=settings.retain_audit_months,
            suggestions_months=settings.retain_suggestions_months,
        )


@dataclass(frozen=True)
class Removed:
    """How many rows of each kind one run removed (counts only: no ids, no personal data)."""

    people: int = 0
    vacancies: int = 0
    notifications: int = 0
    audit_rows: int = 0
    suggestions: int = 0

    def any_batch_full(self, batch_size: int) -> bool:
        """Whether some kind filled its batch, so more may be waiting."""
        counts = (self.people, self.vacancies, self.notifications, self.audit_rows)
        return any(n >= batch_size for n in (*counts, self.suggestions))


async def database_now(conn: asyncpg.Connection) -> datetime:
    """The database's clock, the one every timestamp compared here was written with."""
    now: datetime = await conn.fetchval(queries.SELECT_NOW)
    return now


async def enforce(
    conn: asyncpg.Connection, *, now: datetime, periods: Periods, batch_size: int
) -> Removed:
    """Delete up to `batch_size` rows of each kind that are past their period at `now`."""
    cut = await conn.fetchrow(
        queries.SELECT_CUTOFFS,
        now,
        periods.inactive_people_months,
        periods.closed_vacancies_months,
        periods.read_notifications_days,
        periods.unread_notifications_days,
        periods.audit_months,
        periods.suggestions_months,
    )
    inactive_rows = await conn.fetch(
        queries.SELECT_INACTIVE_PEOPLE, cut["inactive_people"], batch_size
    )
    inactive = [r["id"] for r in inactive_rows]
    people = len(await erasure.erase_people(conn, inactive, reason="retention", at=now))
    vacancies = await _delete_vacancies(conn, cut["closed_vacancies"], batch_size)
    notifications = await conn.fetchval(
        queries.DELETE_NOTIFICATIONS,
        cut["read_notifications"],
        cut["unread_notifications"],
        batch_size,
    )
    audit_rows = await conn.fetchval(queries.DELETE_AUDIT_ROWS, cut["audit"], batch_size)
    suggestions = await conn.fetchval(queries.DELETE_SUGGESTIONS, cut["suggestions"], batch_size)
    return Removed(people, vacancies, notifications, audit_rows, suggestions)


async def _delete_vacancies(conn: asyncpg.Connection, cutoff: datetime, limit: int) -> int:
    ids = [r["id"] for r in await conn.fetch(queries.SELECT_EXPIRED_VACANCIES, cutoff, limit)]
    if not ids:
        return 0
    await conn.execute(queries.DELETE_VACANCY_EVENTS, [str(i) for i in ids])
    status = await conn.execute(queries.DELETE_VACANCIES, ids)
    return int(status.split()[-1])
