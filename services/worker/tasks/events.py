"""`events.handle`: apply one outbox event with every handler registered for its type."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from uuid import UUID

import asyncpg

from services.core.events import repository as events
from services.core.events.models import Event
from services.worker.opstap_task import opstap_task

log = logging.getLogger(__name__)

Handler = Callable[[asyncpg.Connection, Event], Awaitable[None]]
HANDLERS: dict[str, list[tuple[str, Handler]]] = {}


def on(event_type: str, name: str) -> Callable[[Handler], Handler]:
    """Register a handler for `event_type`; `name` keys its idempotency record."""

    def register(handler: Handler) -> Handler:
        HANDLERS.setdefault(event_type, []).append((name, handler))
        return handler

    return register


@opstap_task("events.handle")
async def handle(conn: asyncpg.Connection, event_id: str) -> None:
    """Apply an event once per handler, in the same transaction as the handlers' effects."""
    event = await events.get(conn, UUID(event_id))
    if event is None:
        log.info("event %s is gone (erased or pruned); nothing to do", event_id)
        return
    for name, handler in HANDLERS.get(event.event_type, []):
        if await events.claim_handling(conn, name, event.id):
            await handler(conn, event)
    await events.mark_processed(conn, event.id)
