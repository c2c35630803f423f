"""Running the export's and the erasure's statements; who may, and in what order, is decided
by export.py and erasure.py."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

import asyncpg

from services.core.privacy import queries


async def personal_data(
    conn: asyncpg.Connection, employee_id: UUID, account_id: UUID | None
) -> dict[str, Any]:
    """Every section of the export as JSON values, unscoped (callers authorize first)."""
    return {
        name: await conn.fetchval(sql, employee_id, account_id)
        for name, sql in queries.SECTIONS.items()
    }


async def lock_employees(conn: asyncpg.Connection, employee_ids: Sequence[UUID]) -> list[UUID]:
    """The ids among `employee_ids` that exist, locked for the erasure, in id order."""
    return [r["id"] for r in await conn.fetch(queries.SELECT_FOR_ERASURE, list(employee_ids))]


async def own_accounts(conn: asyncpg.Connection, employee_ids: list[UUID]) -> list[UUID]:
    """The people's own sign-in accounts (never a staff account)."""
    return [r["id"] for r in await conn.fetch(queries.SELECT_OWN_ACCOUNTS, employee_ids)]


async def insert_tombstones(
    conn: asyncpg.Connection, employee_ids: list[UUID], at: datetime | None, reason: str
) -> list[int]:
    """One tombstone per person, in id order; their ids."""
    rows = await conn.fetch(queries.INSERT_TOMBSTONES, employee_ids, at, reason)
    return [r["id"] for r in rows]


async def delete_derived(
    conn: asyncpg.Connection, employee_ids: list[UUID], accounts: list[UUID]
) -> dict[str, int]:
    """Delete the events, notifications and audit rows about the people; counts by kind."""
    return {
        "events": await _count(conn, queries.DELETE_EVENTS, employee_ids, accounts),
        "notifications": await _count(conn, queries.DELETE_NOTIFICATIONS, employee_ids, accounts),
        "audit": await _count(conn, queries.DELETE_AUDIT, employee_ids),
    }


async def delete_people(
    conn: asyncpg.Connection, employee_ids: list[UUID], accounts: list[UUID]
) -> None:
    """Delete the employee rows (the rest cascades), then their own accounts, after clearing
    the references to those accounts that do not cascade."""
    await conn.execute(queries.DELETE_EMPLOYEES, employee_ids)
    if accounts:
        await conn.fetchval(queries.FORGET_ACCOUNTS, accounts)
        await conn.execute(queries.DELETE_ACCOUNTS, accounts)


async def _count(conn: asyncpg.Connection, sql: str, *args: object) -> int:
    status: str = await conn.execute(sql, *args)
    return int(status.split()[-1])
