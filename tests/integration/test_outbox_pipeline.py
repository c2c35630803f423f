"""Outbox -> relay -> Celery worker: a committed event is processed, once."""

from __future__ import annotations

import asyncio
import subprocess
import time

import asyncpg

from services.core import db
from services.core.events import repository as events
from services.core.settings import Settings
from services.worker.app import create_celery
from services.worker.relay import relay_batch


async def _processed_at(pool: asyncpg.Pool, event_id: object, within: float = 30) -> object:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        value = await pool.fetchval("SELECT processed_at FROM outbox_event WHERE id = $1", event_id)
        if value is not None:
            return value
        await asyncio.sleep(0.1)
    raise AssertionError(f"event {event_id} was not processed within {within} s")


async def test_committed_event_reaches_a_real_worker_and_is_processed(
    pool: asyncpg.Pool, worker_settings: Settings, celery_worker: subprocess.Popen[bytes]
) -> None:
    async with db.transaction(pool) as conn:
        event_id = await events.emit(
            conn, "taxonomy.imported", aggregate_type="taxonomy", aggregate_id="test"
        )
    sent = 0
    while (n := await relay_batch(pool, create_celery(worker_settings), worker_settings)) > 0:
        sent += n
    assert sent >= 1
    assert await _processed_at(pool, event_id) is not None
    assert celery_worker.poll() is None


async def test_a_redelivered_event_has_no_second_effect(
    pool: asyncpg.Pool, worker_settings: Settings, celery_worker: subprocess.Popen[bytes]
) -> None:
    async with db.transaction(pool) as conn:
        event_id = await events.emit(
            conn, "taxonomy.imported", aggregate_type="taxonomy", aggregate_id="twice"
        )
    celery = create_celery(worker_settings)
    celery.send_task("events.handle", args=[str(event_id)], task_id=str(event_id))
    first = await _processed_at(pool, event_id)
    celery.send_task("events.handle", args=[str(event_id)], task_id=str(event_id))
    await asyncio.sleep(1.0)
    assert await _processed_at(pool, event_id) == first


async def test_an_event_whose_lease_ran_out_unprocessed_is_sent_again(
    conn: asyncpg.Connection,
) -> None:
    event_id = await events.emit(conn, "probe.sent", aggregate_type="probe", aggregate_id="1")
    first = await events.claim_due(conn, limit=1000, lease_seconds=300)
    assert event_id in {row["id"] for row in first}
    assert event_id not in {
        r["id"] for r in await events.claim_due(conn, limit=1000, lease_seconds=300)
    }
    await conn.execute(
        "UPDATE outbox_event SET lease_until = now() - interval '1 second' WHERE id = $1",
        event_id,
    )
    again = {
        r["id"]: r["attempts"] for r in await events.claim_due(conn, limit=1000, lease_seconds=300)
    }
    assert again[event_id] == 2


async def test_a_processed_event_is_never_sent_again(conn: asyncpg.Connection) -> None:
    event_id = await events.emit(conn, "probe.sent", aggregate_type="probe", aggregate_id="2")
    await events.claim_due(conn, limit=1000, lease_seconds=0)
    await events.mark_processed(conn, event_id)
    await asyncio.sleep(0.01)
    assert event_id not in {
        r["id"] for r in await events.claim_due(conn, limit=1000, lease_seconds=0)
    }


async def test_outbox_lag_counts_what_is_waiting(conn: asyncpg.Connection) -> None:
    before = await events.lag(conn)
    await events.emit(conn, "probe.sent", aggregate_type="probe", aggregate_id="3")
    after = await events.lag(conn)
    assert after.unpublished == before.unpublished + 1
    assert after.unprocessed == before.unprocessed + 1
