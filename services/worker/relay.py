"""The outbox relay: committed events go to the task queue, none lost, several relays at once."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from uuid import UUID

import asyncpg
import kombu.exceptions
from celery import Celery

from services.core import db
from services.core.errors import Unavailable
from services.core.events import repository as events
from services.core.metrics import EVENTS_RELAYED
from services.core.settings import Settings
from services.worker.app import create_celery

log = logging.getLogger(__name__)
CHANNEL = "outbox_event"
HANDLE_TASK = "events.handle"


async def relay_batch(pool: asyncpg.Pool, celery: Celery, settings: Settings) -> int:
    """Send one batch of due events; returns how many were sent.

    Sending happens inside the claiming transaction: if the broker refuses, the rows stay
    unpublished; if the commit fails after sending, the event is sent again later and the
    idempotent handler ignores the copy. The task id is the event id.
    """
    async with db.transaction(pool) as conn:
        await _bury_worn_out(conn, settings.outbox_max_attempts)
        due = await events.claim_due(
            conn, limit=settings.relay_batch_size, lease_seconds=settings.outbox_lease_seconds
        )
        if due:
            await asyncio.to_thread(_send_all, celery, [row["id"] for row in due])
    EVENTS_RELAYED.inc(len(due))
    return len(due)


async def _bury_worn_out(conn: asyncpg.Connection, max_attempts: int) -> None:
    """Events sent `max_attempts` times and never processed become dead letters."""
    for row in await events.worn_out(conn, max_attempts):
        error = f"sent {row['attempts']} times and never processed"
        await events.record_dead_letter(
            conn, HANDLE_TASK, str(row["id"]), [str(row["id"])], error, row["attempts"]
        )
        await events.mark_dead(conn, row["id"])
        log.error("event %s (%s) is now a dead letter: %s", row["id"], row["event_type"], error)


# PostgreSQL or Redis away: wait and try again (asyncpg and kombu raise these).
UNREACHABLE = (
    OSError,
    ConnectionError,
    Unavailable,
    asyncpg.InterfaceError,
    kombu.exceptions.OperationalError,
)


async def _listen(url: str, wake: asyncio.Event) -> asyncpg.Connection:
    """A connection that wakes the relay on every NOTIFY of a new event."""
    listener = await db.connect(url)
    await listener.add_listener(CHANNEL, lambda *_: wake.set())
    return listener


def _send_all(celery: Celery, event_ids: list[UUID]) -> None:
    with celery.producer_or_acquire() as producer:
        for event_id in event_ids:
            celery.send_task(
                HANDLE_TASK, args=[str(event_id)], task_id=str(event_id), producer=producer
            )


async def run_relay(settings: Settings, *, once: bool = False) -> None:
    """Relay until stopped: woken by NOTIFY, and polling as a backstop (NOTIFY is not stored)."""
    assert settings.database_url
    url = settings.database_url
    celery = create_celery(settings)
    wake, stopping = asyncio.Event(), asyncio.Event()
    loop = asyncio.get_running_loop()

    def stop() -> None:
        stopping.set()
        wake.set()

    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop)
    # The pool connects lazily (min_size=0): a relay started while PostgreSQL is away waits.
    pool = await db.create_pool(url, min_size=0, max_size=2)
    listener: asyncpg.Connection | None = None
    log.info("relay started")
    try:
        while not stopping.is_set():
            wake.clear()
            try:
                if listener is None or listener.is_closed():
                    listener = await _listen(url, wake)
                sent = await relay_batch(pool, celery, settings)
            except (*UNREACHABLE, asyncpg.PostgresError) as exc:
                log.warning("relay could not send a batch (%s); retrying", type(exc).__name__)
                sent = 0
                await asyncio.sleep(1)
            if sent:
                log.info("relayed %d events", sent)
            if once and sent == 0:
                break
            if sent < settings.relay_batch_size:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(wake.wait(), settings.relay_poll_seconds)
    finally:
        if listener is not None:
            listener.terminate()
        await pool.close()
        log.info("relay stopped")
