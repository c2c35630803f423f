"""Replaying dead letters: a message given up on is tried again from a clean start."""

from __future__ import annotations

from uuid import UUID

import asyncpg
from celery import Celery

from services.core.errors import NotFound
from services.core.events import repository as events
from services.core.notifications import delivery
from services.worker.opstap_task import EVENT_TASK


async def replay(conn: asyncpg.Connection, celery: Celery, dead_id: int) -> str:
    """Replay one open dead letter; returns what was done, in words.

    An event becomes due again for the relay (its attempts reset); a delivery becomes pending
    with a new request event; any other task is sent again with its arguments, after commit
    is not needed for those (they read their state fresh).
    """
    row = await events.claim_dead_letter(conn, dead_id)
    if row is None:
        raise NotFound(f"There is no dead letter {dead_id} waiting for a replay.")
    name, args = row["task_name"], row["args"]
    if name == EVENT_TASK:
        await events.revive(conn, UUID(row["task_id"]))
        return f"event {row['task_id']} is due again"
    if name == delivery.DEAD_LETTER_TASK:
        await delivery.replay(conn, UUID(args[0]))
        return f"delivery {args[0]} is pending again"
    celery.send_task(name, args=args)
    return f"task {name} sent again"
