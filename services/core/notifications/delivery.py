"""Sending a notification by email or webhook, and the weekly digest.

A delivery is sent by the worker that handles its `delivery.requested` event. A transient
failure is recorded and a new event is scheduled with backoff, in the same transaction; after
`delivery_max_attempts` the delivery fails for good and becomes a dead letter. Sending is
at least once: receivers deduplicate on the Opstap-Delivery-Id header.
"""

from __future__ import annotations

import asyncio
import json
import logging
from datetime import UTC, datetime, timedelta
from uuid import UUID

import asyncpg

from services.core import i18n
from services.core.errors import Unavailable
from services.core.events import repository as events
from services.core.metrics import DELIVERIES
from services.core.notifications import channels, repository, service
from services.core.notifications.texts import render
from services.core.settings import Settings

log = logging.getLogger(__name__)
DEAD_LETTER_TASK = "notifications.delivery"


async def deliver(conn: asyncpg.Connection, settings: Settings, delivery_id: UUID) -> str:
    """Send one delivery unless it is settled already; returns its new status."""
    row = await repository.lock_delivery(conn, delivery_id)
    if row is None or row["status"] != "pending":
        return row["status"] if row else "gone"
    if not row["active"]:
        return await _settle(conn, row, "skipped", "the account is no longer active")
    notification = await repository.get(conn, row["notification_id"])
    assert notification is not None, "a delivery goes with its notification"
    lang = row["language"]
    title, body = render(service.facts_of(notification), lang)
    try:
        if row["channel"] == "email":
            text = body + "\n\n" + i18n.text(lang, "notification.footer", url=settings.public_url)
            await asyncio.to_thread(
                channels.send_email,
                settings,
                row["email"],
                title,
                text,
                message_id=f"<{delivery_id}@opstap>",
            )
        else:
            if not row["webhook_enabled"]:
                return await _settle(conn, row, "skipped", "the webhook is switched off")
            payload = _webhook_payload(delivery_id, notification, title, body, lang)
            await asyncio.to_thread(
                channels.post_webhook,
                settings,
                row["webhook_url"],
                row["webhook_secret"],
                payload,
                delivery_id=str(delivery_id),
            )
            await repository.webhook_succeeded(conn, row["webhook_id"])
    except channels.ChannelNotConfigured as exc:
        return await _settle(conn, row, "skipped", str(exc))
    except channels.DeliveryFailed as exc:
        return await _failed(conn, settings, row, exc)
    DELIVERIES.labels(row["channel"], "sent").inc()
    await repository.mark_delivery(conn, delivery_id, "sent")
    return "sent"


def _webhook_payload(
    delivery_id: UUID, notification: asyncpg.Record, title: str, body: str, lang: str
) -> bytes:
    document = {
        "delivery_id": str(delivery_id),
        "type": f"notification.{notification['kind']}",
        "sent_at": datetime.now(UTC).isoformat(),
        "notification": {
            "id": str(notification["id"]),
            "kind": notification["kind"],
            "language": lang,
            "title": title,
            "body": body,
            "vacancy_id": str(notification["vacancy_id"]) if notification["vacancy_id"] else None,
            "employee_id": (
                str(notification["employee_id"]) if notification["employee_id"] else None
            ),
            "data": notification["data"],
            "created_at": notification["created_at"].isoformat(),
        },
    }
    return json.dumps(document, separators=(",", ":")).encode()


async def _settle(conn: asyncpg.Connection, row: asyncpg.Record, status: str, why: str) -> str:
    DELIVERIES.labels(row["channel"], status).inc()
    log.info("delivery %s %s: %s", row["id"], status, why)
    await repository.mark_delivery(conn, row["id"], status, attempted=False, error=why)
    return status


async def _failed(
    conn: asyncpg.Connection,
    settings: Settings,
    row: asyncpg.Record,
    exc: channels.DeliveryFailed,
) -> str:
    attempt = row["attempts"] + 1
    DELIVERIES.labels(row["channel"], "failed").inc()
    if row["webhook_id"] is not None:
        await repository.webhook_failed(conn, row["webhook_id"], settings.webhook_failure_limit)
    error = f"attempt {attempt}: {exc}"
    if exc.transient and attempt < settings.delivery_max_attempts:
        await repository.mark_delivery(conn, row["id"], "pending", error=error)
        delay = max(
            exc.retry_after or 0.0,  # a receiver that asked us to wait (Retry-After)
            channels.backoff_seconds(
                attempt, settings.delivery_retry_seconds, settings.delivery_retry_max_seconds
            ),
        )
        await service.request_delivery(conn, row["id"], delay_seconds=delay)
        log.warning("delivery %s failed (%s); retrying in %.1f s", row["id"], exc, delay)
        return "pending"
    await repository.mark_delivery(conn, row["id"], "failed", error=error)
    await events.record_dead_letter(
        conn, DEAD_LETTER_TASK, str(row["id"]), [str(row["id"])], error, attempt
    )
    log.error("delivery %s failed for good after %d attempts: %s", row["id"], attempt, exc)
    return "failed"


async def replay(conn: asyncpg.Connection, delivery_id: UUID) -> None:
    """Try a failed delivery again from scratch (a dead letter's replay)."""
    await repository.reset_delivery(conn, delivery_id)
    await service.request_delivery(conn, delivery_id)


def week_of(moment: datetime) -> tuple[str, datetime, datetime]:
    """(ISO week label like '2026-W48', its Monday 00:00 UTC, the next Monday)."""
    year, week, weekday = moment.astimezone(UTC).isocalendar()
    start = (moment.astimezone(UTC) - timedelta(days=weekday - 1)).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    return f"{year}-W{week:02d}", start, start + timedelta(days=7)


async def send_digest(
    conn: asyncpg.Connection, settings: Settings, account: asyncpg.Record, now: datetime
) -> bool:
    """Email an account the digest of the week before `now`, once; True when sent now."""
    period, start, _ = week_of(now - timedelta(days=7))
    items = await repository.since(conn, account["id"], start, start + timedelta(days=7))
    if not await repository.claim_digest(conn, account["id"], period, len(items)):
        return False
    lang = account["language"]
    lines = []
    for item in items:
        title, body = render(service.facts_of(item), lang)
        lines.append(f"- {title}\n  {body}")
    text = "\n\n".join(lines) if lines else i18n.text(lang, "notification.digest.empty")
    text += "\n\n" + i18n.text(lang, "notification.footer", url=settings.public_url)
    try:
        await asyncio.to_thread(
            channels.send_email,
            settings,
            account["email"],
            i18n.text(lang, "notification.digest.subject", period=period),
            text,
            message_id=f"<digest-{period}-{account['id']}@opstap>",
        )
    except channels.ChannelNotConfigured:
        log.info("digest %s for %s not sent: SMTP is not configured", period, account["id"])
    except channels.DeliveryFailed as exc:
        if exc.transient:  # rolls the claim back; the task is retried
            raise Unavailable(f"the digest email could not be sent: {exc}") from exc
        log.error("digest %s for %s failed for good: %s", period, account["id"], exc)
        return True
    DELIVERIES.labels("digest", "sent").inc()
    return True
