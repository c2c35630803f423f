"""Writing, claiming and settling outbox events."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import asyncpg

from services.core.events import queries
from services.core.events.models import DeadLetter, Event, OutboxLag


async def emit(
    conn: asyncpg.Connection,
    event_type: str,
    *,
    aggregate_type: str,
    aggregate_id: str,
    payload: dict[str, Any] | None = None,
    delay_seconds: float = 0.0,
) -> UUID:
    """Add an event to the outbox in the caller's transaction; it is sent once that commits
    (and not before `delay_seconds` have passed: a retry with backoff)."""
    event_id: UUID = await conn.fetchval(
        queries.INSERT_EVENT, event_type, aggregate_type, aggregate_id, payload or {}, delay_seconds
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
    return OutboxLag(row["unpublished"], row["unprocessed"], row["dead"], row["oldest_seconds"])


async def prune(conn: asyncpg.Connection, *, older_than_days: int) -> int:
    """Delete settled events (and their processing marks) older than the given age."""
    status = await conn.execute(queries.DELETE_PROCESSED_BEFORE, older_than_days)
    return int(status.split()[-1])


async def mark_dead(conn: asyncpg.Connection, event_id: UUID) -> None:
    """Stop sending an event that keeps failing; an admin may replay it."""
    await conn.execute(queries.MARK_DEAD, event_id)


async def worn_out(conn: asyncpg.Connection, max_attempts: int) -> list[asyncpg.Record]:
    """Lock events sent `max_attempts` times or more without being processed."""
    return list(await conn.fetch(queries.SELECT_WORN_OUT, max_attempts))


async def revive(conn: asyncpg.Connection, event_id: UUID) -> bool:
    """Make a dead (or stuck) event due again, with a fresh attempt count."""
    return await conn.execute(queries.REVIVE, event_id) != "UPDATE 0"


async def record_dead_letter(
    conn: asyncpg.Connection,
    task_name: str,
    task_id: str,
    args: list[Any],
    error: str,
    attempts: int,
) -> int:
    """Keep a message that failed for good, for an admin to inspect and replay."""
    dead_id: int = await conn.fetchval(
        queries.RECORD_DEAD_LETTER, task_name, task_id, args, error[:1000], attempts
    )
    return dead_id


async def dead_letters(conn: asyncpg.Connection, *, include_replayed: bool) -> list[DeadLetter]:
    """Dead letters, oldest first."""
    rows = await conn.fetch(queries.LIST_DEAD_LETTERS, include_replayed)
    return [DeadLetter(**dict(r)) for r in rows]


async def claim_dead_letter(conn: asyncpg.Connection, dead_id: int) -> asyncpg.Record | None:
    """Mark a dead letter replayed; None when there is no such open dead letter."""
    return await conn.fetchrow(queries.CLAIM_DEAD_LETTER, dead_id)
