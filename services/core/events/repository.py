"""Writing, claiming and settling outbox events."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

import asyncpg

from services.core.events import queries


@dataclass(frozen=True)
class Event:
    """A past-tense fact about one aggregate, e.g. `vacancy.published`."""

    id: UUID
    event_type: str
    aggregate_type: str
    aggregate_id: str
    payload: dict[str, Any]
    created_at: datetime
    processed_at: datetime | None


@dataclass(frozen=True)
class OutboxLag:
    """How far the workers are behind the database."""

    unpublished: int
    unprocessed: int
    oldest_seconds: float


async def emit(
    conn: asyncpg.Connection,
    event_type: str,
    *,
    aggregate_type: str,
    aggregate_id: str,
    payload: dict[str, Any] | None = None,
) -> UUID:
    """Add an event to the outbox in the caller's transaction; it is sent once that commits."""
    event_id: UUID = await conn.fetchval(
        queries.INSERT_EVENT, event_type, aggregate_type, aggregate_id, payload or {}
    )
    return event_id


async def claim_due(
    conn: asyncpg.Connection, *, limit: int, lease_seconds: float
) -> list[asyncpg.Record]:
    """Lock and lease up to `limit` events that should be (re)sent now."""
    return list(await conn.fetch(queries.CLAIM_DUE_EVENTS, limit, lease_seconds))


async def get(conn: asyncpg.Connection, event_id: UUID) -> Event | None:
    """One event by id, or None when it is gone (erased or pruned)."""
    row = await conn.fetchrow(queries.SELECT_EVENT, event_id)
    return Event(**dict(row)) if row else None


async def claim_handling(conn: asyncpg.Connection, handler: str, event_id: UUID) -> bool:
    """True the first time `handler` sees this event in a committed transaction."""
    return await conn.fetchval(queries.CLAIM_HANDLING, handler, event_id) is not None


async def mark_processed(conn: asyncpg.Connection, event_id: UUID) -> None:
    """Settle an event so the relay stops leasing it."""
    await conn.execute(queries.MARK_PROCESSED, event_id)


async def lag(conn: asyncpg.Connection) -> OutboxLag:
    """Counts and age of events not yet processed."""
    row = await conn.fetchrow(queries.SELECT_LAG)
    return OutboxLag(row["unpublished"], row["unprocessed"], row["oldest_seconds"])


async def prune(conn: asyncpg.Connection, *, older_than_days: int) -> int:
    """Delete settled events (and their processing marks) older than the given age."""
    status = await conn.execute(queries.DELETE_PROCESSED_BEFORE, older_than_days)
    return int(status.split()[-1])
