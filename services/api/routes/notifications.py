"""The reader's own notifications, their preferences, and the organisation's webhooks."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Path, Query, Response, status

from services.api.access import CurrentActor, authorizes
from services.api.dependencies import AppSettings, Conn
from services.api.errors import ERROR_RESPONSES
from services.core.notifications import service
from services.core.notifications.models import (
    FeedQuery,
    Language,
    MarkedRead,
    Notification,
    NotificationFeed,
    Preferences,
    UnreadCount,
    Webhook,
    WebhookCreated,
    WebhookIn,
)

router = APIRouter(tags=["notifications"], responses=ERROR_RESPONSES)
Lang = Annotated[
    Language | None, Query(description="Language of the texts (default: your preference).")
]


@router.get("/notifications", summary="Your notifications")
async def list_notifications(
    actor: CurrentActor,
    conn: Conn,
    filters: Annotated[FeedQuery, Query()],
    lang: Lang = None,
) -> NotificationFeed:
    """Newest first, each saying what happened, why, and what to do next."""
    return await service.feed(
        conn,
        actor,
        unread_only=filters.unread,
        limit=filters.limit,
        offset=filters.offset,
        lang=lang,
    )


@router.get("/notifications/unread-count", summary="How many notifications are unread")
async def unread_count(actor: CurrentActor, conn: Conn) -> UnreadCount:
    """The number for a badge."""
    return UnreadCount(unread=await service.unread_count(conn, actor))


@router.post("/notifications/read-all", summary="Mark all your notifications read")
async def mark_all_read(actor: CurrentActor, conn: Conn) -> MarkedRead:
    """Every unread notification of yours becomes read."""
    return MarkedRead(updated=await service.mark_all_read(conn, actor))


@authorizes
async def own_notification_id(
    notification_id: Annotated[UUID, Path()], actor: CurrentActor, conn: Conn
) -> UUID:
    """The id of one of the actor's own notifications; 404 for anyone else's."""
    await service.own_notification(conn, actor, notification_id)
    return notification_id


@router.post("/notifications/{notification_id:uuid}/read", summary="Mark a notification read")
async def mark_read(
    notification_id: Annotated[UUID, Depends(own_notification_id)],
    actor: CurrentActor,
    conn: Conn,
    lang: Lang = None,
) -> Notification:
    """Only your own notifications; any other id answers 404."""
    return await service.mark_read(conn, actor, notification_id, lang)


@router.get("/notifications/preferences", summary="How you hear about notifications")
async def get_preferences(actor: CurrentActor, conn: Conn) -> Preferences:
    """Email (off, instant or a weekly digest), webhooks, and your language."""
    return await service.preferences(conn, actor)


@router.put("/notifications/preferences", summary="Choose how you hear about notifications")
async def put_preferences(body: Preferences, actor: CurrentActor, conn: Conn) -> Preferences:
    """Store your choices; the in-app feed always stays on."""
    return await service.set_preferences(conn, actor, body)


@router.get("/webhooks", summary="Your organisation's webhooks")
async def list_webhooks(actor: CurrentActor, conn: Conn) -> list[Webhook]:
    """Admins and employers see their organisation's webhooks (secrets are never shown again)."""
    return await service.list_webhooks(conn, actor)


@router.post("/webhooks", status_code=status.HTTP_201_CREATED, summary="Add a webhook")
async def add_webhook(
    body: WebhookIn, actor: CurrentActor, conn: Conn, settings: AppSettings
) -> WebhookCreated:
    """Notifications of accounts that switched webhooks on are POSTed here, signed with the
    secret in this answer (shown once): `Opstap-Signature: v1=hex(HMAC-SHA256(secret,
    timestamp + "." + body))` with the timestamp in `Opstap-Timestamp`. The URL must be
    https and its host public: a loopback, private, link-local or otherwise reserved address
    (also when the name resolves to one) is refused with 422, and checked again at each send.
    Redirects are not followed."""
    return await service.add_webhook(conn, settings, actor, body)


@authorizes
async def visible_webhook(
    webhook_id: Annotated[UUID, Path()], actor: CurrentActor, conn: Conn
) -> Webhook:
    """A webhook of the actor's organisation; 404 for any other."""
    return await service.visible_webhook(conn, actor, webhook_id)


VisibleWebhook = Annotated[Webhook, Depends(visible_webhook)]


@router.delete(
    "/webhooks/{webhook_id:uuid}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Remove a webhook",
)
async def delete_webhook(webhook: VisibleWebhook, actor: CurrentActor, conn: Conn) -> Response:
    """Nothing more is sent to it."""
    await service.delete_webhook(conn, actor, webhook)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/webhooks/{webhook_id:uuid}/enable", summary="Switch a webhook back on")
async def enable_webhook(webhook: VisibleWebhook, actor: CurrentActor, conn: Conn) -> Webhook:
    """After repeated failures a webhook is switched off; an admin switches it on again."""
    return await service.enable_webhook(conn, actor, webhook)
