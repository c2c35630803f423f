"""Notifications: who hears of what, the reader's feed, preferences and webhooks.

Workers call `notify_matches` and `notify_closed` in the transaction that changed the matches,
so a notification exists exactly when its cause does. Each new notification gets a delivery per
channel its reader chose, and each delivery an outbox event, so sending happens after commit.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from uuid import UUID

import asyncpg

from services.core.access.policy import Actor, Role, require_role
from services.core.errors import NotFound
from services.core.events import repository as events
from services.core.matching import service as matching
from services.core.metrics import NOTIFICATIONS
from services.core.notifications import channels, repository, targets
from services.core.notifications.models import (
    Language,
    Notification,
    NotificationFeed,
    Preferences,
    Webhook,
    WebhookCreated,
    WebhookIn,
)
from services.core.notifications.texts import Facts, render
from services.core.settings import Settings

DELIVERY_REQUESTED = "delivery.requested"


async def notify_matches(
    conn: asyncpg.Connection,
    settings: Settings,
    *,
    vacancy_ids: Sequence[UUID] = (),
    employee_ids: Sequence[UUID] = (),
) -> int:
    """Tell the person, their jobcoach and (with consent) the employer of new notable matches."""
    which = repository.Notable(
        vacancy_ids, employee_ids, settings.notify_min_score, settings.notify_step_up_min_score
    )
    # A notification is written from its match's explanation: the matches someone is yet to be
    # told of and that have none get theirs first (not every notable match: most were told).
    await matching.explained(conn, await repository.untold_unexplained(conn, which))
    created = await repository.create_for_matches(conn, which)
    await _announce(conn, created)
    return len(created)


async def notify_closed(conn: asyncpg.Connection, vacancy_id: UUID) -> int:
    """Tell everyone who heard of a vacancy that it closed or was filled."""
    created = await repository.create_for_closed_vacancy(conn, vacancy_id)
    await _announce(conn, created)
    return len(created)


async def notify_followups_due(conn: asyncpg.Connection, followup_ids: Sequence[UUID]) -> int:
    """Remind each person's jobcoach, once, of their follow-up moments that are due."""
    created = await repository.create_for_followups(conn, followup_ids)
    await _announce(conn, created)
    return len(created)


async def _announce(conn: asyncpg.Connection, created: list[asyncpg.Record]) -> None:
    for row in created:
        NOTIFICATIONS.labels(row["kind"]).inc()
    for delivery_id in await repository.create_deliveries(conn, [r["id"] for r in created]):
        await request_delivery(conn, delivery_id)


async def request_delivery(
    conn: asyncpg.Connection, delivery_id: UUID, *, delay_seconds: float = 0.0
) -> None:
    """Ask a worker to send a delivery after this transaction commits (and the delay)."""
    await events.emit(
        conn,
        DELIVERY_REQUESTED,
        aggregate_type="delivery",
        aggregate_id=str(delivery_id),
        delay_seconds=delay_seconds,
    )


def facts_of(row: asyncpg.Record) -> Facts:
    """What a stored notification (with the names it mentions) is about."""
    names = row["employee_name"], row["vacancy_title"], row["organisation_name"]
    return Facts(row["kind"], row["data"], *names)


def to_model(row: asyncpg.Record, lang: Language) -> Notification:
    """A stored notification rendered in `lang`."""
    title, body = render(facts_of(row), lang)
    return Notification(
        id=row["id"],
        kind=row["kind"],
        title=title,
        body=body,
        employee_id=row["employee_id"],
        vacancy_id=row["vacancy_id"],
        data=row["data"],
        created_at=row["created_at"],
        read_at=row["read_at"],
    )


async def _language(conn: asyncpg.Connection, actor: Actor, lang: Language | None) -> Language:
    if lang is not None:
        return lang
    chosen: Language = (await repository.preferences(conn, actor.account_id))["language"]
    return chosen


async def feed(
    conn: asyncpg.Connection,
    actor: Actor,
    *,
    unread_only: bool,
    limit: int,
    offset: int,
    lang: Language | None,
) -> NotificationFeed:
    """The actor's own notifications, newest first."""
    language = await _language(conn, actor, lang)
    rows, total, unread = await repository.page(
        conn, actor.account_id, unread_only=unread_only, limit=limit, offset=offset
    )
    return NotificationFeed(
        items=[to_model(r, language) for r in rows],
        total=total,
        unread=unread,
        limit=limit,
        offset=offset,
    )


async def unread_count(conn: asyncpg.Connection, actor: Actor) -> int:
    """How many of the actor's notifications are unread."""
    return await repository.unread(conn, actor.account_id)


async def own_notification(
    conn: asyncpg.Connection, actor: Actor, notification_id: UUID
) -> asyncpg.Record:
    """One of the actor's own notifications; 404 for anyone else's."""
    row = await repository.get(conn, notification_id)
    if row is None or row["account_id"] != actor.account_id:
        raise NotFound("You have no notification with this id.")
    return row


async def mark_read(
    conn: asyncpg.Connection, actor: Actor, notification_id: UUID, lang: Language | None
) -> Notification:
    """Mark one of the actor's notifications read; 404 for anyone else's."""
    if not await repository.mark_read(conn, notification_id, actor.account_id):
        raise NotFound("You have no notification with this id.")
    return to_model(
        await own_notification(conn, actor, notification_id), await _language(conn, actor, lang)
    )


async def mark_all_read(conn: asyncpg.Connection, actor: Actor) -> int:
    """Mark all the actor's notifications read."""
    return await repository.mark_all_read(conn, actor.account_id)


async def preferences(conn: asyncpg.Connection, actor: Actor) -> Preferences:
    """The actor's notification choices."""
    row = await repository.preferences(conn, actor.account_id)
    return Preferences(email=row["email"], webhook=row["webhook"], language=row["language"])


async def set_preferences(conn: asyncpg.Connection, actor: Actor, body: Preferences) -> Preferences:
    """Store the actor's notification choices."""
    await repository.set_preferences(
        conn, actor.account_id, body.email, body.webhook, body.language
    )
    return await preferences(conn, actor)


def _can_manage_webhooks(actor: Actor) -> None:
    require_role(actor, Role.ADMIN, Role.EMPLOYER, action="manage the organisation's webhooks")


async def list_webhooks(conn: asyncpg.Connection, actor: Actor) -> list[Webhook]:
    """The webhooks of the actor's organisation."""
    _can_manage_webhooks(actor)
    return [Webhook(**dict(r)) for r in await repository.webhooks(conn, actor.organisation_id)]


async def add_webhook(
    conn: asyncpg.Connection, settings: Settings, actor: Actor, body: WebhookIn
) -> WebhookCreated:
    """A new webhook for the actor's organisation; its secret is shown once.

    An http URL, or one whose host is or resolves to a non-public address, is refused (422).
    """
    _can_manage_webhooks(actor)
    await asyncio.to_thread(targets.check, str(body.url), settings)
    secret = channels.generate_secret()
    row = await repository.add_webhook(
        conn, actor.organisation_id, str(body.url), secret, actor.account_id
    )
    return WebhookCreated(**dict(row), secret=secret)


async def visible_webhook(conn: asyncpg.Connection, actor: Actor, webhook_id: UUID) -> Webhook:
    """A webhook of the actor's organisation; 404 for any other."""
    row = await repository.webhook(conn, webhook_id)
    if row is None or row["organisation_id"] != actor.organisation_id:
        raise NotFound("Your organisation has no webhook with this id.")
    return Webhook(**dict(row))


async def delete_webhook(conn: asyncpg.Connection, actor: Actor, webhook: Webhook) -> None:
    """Remove one of the organisation's webhooks."""
    _can_manage_webhooks(actor)
    await repository.delete_webhook(conn, webhook.id)


async def enable_webhook(conn: asyncpg.Connection, actor: Actor, webhook: Webhook) -> Webhook:
    """Switch a webhook that was switched off after failures back on (admins)."""
    require_role(actor, Role.ADMIN, action="switch a webhook back on")
    return Webhook(**dict(await repository.enable_webhook(conn, webhook.id)))
