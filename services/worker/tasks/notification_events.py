"""Sending notifications: one delivery at a time, and the weekly digests."""

from __future__ import annotations

from uuid import UUID

import asyncpg

from services.core.events.models import Event
from services.core.notifications import delivery
from services.core.notifications import repository as notifications
from services.worker import runtime
from services.worker.tasks.events import on


@on("delivery.requested", "notifications.deliver")
async def deliver(conn: asyncpg.Connection, event: Event) -> None:
    """Send one email or webhook call (a failure schedules its own retry)."""
    await delivery.deliver(conn, runtime.settings(), UUID(event.aggregate_id))


@on("digest.due", "notifications.digest")
async def send_digest(conn: asyncpg.Connection, event: Event) -> None:
    """Send one account its weekly digest, once per week."""
    account = await notifications.account(conn, UUID(event.aggregate_id))
    if account is not None and account["active"]:
        await delivery.send_digest(conn, runtime.settings(), account, event.created_at)
