"""Running retention's statements: cut-offs, and bounded deletes that skip locked rows."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import asyncpg

from services.core.retention import queries
from services.core.retention.models import Periods


async def database_now(conn: asyncpg.Connection) -> datetime:
    """The database's clock, the one every timestamp compared here was written with."""
    now: datetime = await conn.fetchval(queries.SELECT_NOW)
    return now


async def cutoffs(conn: asyncpg.Connection, now: datetime, periods: Periods) -> asyncpg.Record:
    """The instant before which each kind expires, by kind (see SELECT_CUTOFFS)."""
    return await conn.fetchrow(
        queries.SELECT_CUTOFFS,
        now,
        periods.inactive_people_months,
        periods.closed_vacancies_months,
        periods.read_notifications_days,
        periods.unread_notifications_days,
        periods.audit_months,
        periods.suggestions_months,
        periods.page_session_idle_minutes,
    )


async def lock_inactive_people(
    conn: asyncpg.Connection, cutoff: datetime, limit: int
) -> list[UUID]:
    """Up to `limit` people nobody acted for since `cutoff`, locked, in id order."""
    return [r["id"] for r in await conn.fetch(queries.SELECT_INACTIVE_PEOPLE, cutoff, limit)]


async def delete_vacancies(conn: asyncpg.Connection, cutoff: datetime, limit: int) -> int:
    """Delete up to `limit` vacancies closed or filled before `cutoff`, with their events."""
    ids = [r["id"] for r in await conn.fetch(queries.SELECT_EXPIRED_VACANCIES, cutoff, limit)]
    if not ids:
        return 0
    await conn.execute(queries.DELETE_VACANCY_EVENTS, [str(i) for i in ids])
    status = await conn.execute(queries.DELETE_VACANCIES, ids)
    return int(status.split()[-1])


async def delete_notifications(
    conn: asyncpg.Connection, read_cutoff: datetime, unread_cutoff: datetime, limit: int
) -> int:
    """Delete up to `limit` notifications, read ones before `read_cutoff`, others before
    `unread_cutoff`."""
    deleted: int = await conn.fetchval(
        queries.DELETE_NOTIFICATIONS, read_cutoff, unread_cutoff, limit
    )
    return deleted


async def delete_audit_rows(conn: asyncpg.Connection, cutoff: datetime, limit: int) -> int:
    """Delete up to `limit` audit rows written before `cutoff`."""
    deleted: int = await conn.fetchval(queries.DELETE_AUDIT_ROWS, cutoff, limit)
    return deleted


async def delete_suggestions(conn: asyncpg.Connection, cutoff: datetime, limit: int) -> int:
    """Delete up to `limit` suggestion log rows shown before `cutoff`."""
    deleted: int = await conn.fetchval(queries.DELETE_SUGGESTIONS, cutoff, limit)
    return deleted


async def delete_page_sessions(
    conn: asyncpg.Connection, now: datetime, idle_cutoff: datetime, limit: int
) -> int:
    """Delete up to `limit` page sessions ended by `now`, idle since `idle_cutoff`, or revoked."""
    deleted: int = await conn.fetchval(queries.DELETE_PAGE_SESSIONS, now, idle_cutoff, limit)
    return deleted
