"""Notifications, preferences and webhooks as the API shows them."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal
from uuid import UUID

from pydantic import AnyHttpUrl, BaseModel, Field, StrictBool

from services.core.paging import Page, PageQuery

Kind = Literal["match_found", "caseload_match", "candidate_found", "vacancy_closed", "followup_due"]
EmailChoice = Literal["off", "instant", "digest"]
Language = Literal["nl", "en"]


class Notification(BaseModel):
    """One message in the reader's feed, in the reader's language."""

    id: UUID
    kind: Kind
    title: str
    body: str
    employee_id: UUID | None
    vacancy_id: UUID | None
    data: dict[str, Any] = Field(description="The facts the texts are made from (score etc.)")
    created_at: datetime
    read_at: datetime | None


class NotificationFeed(Page[Notification]):
    """A page of the reader's notifications, newest first, and how many of all are unread."""

    unread: int


class FeedQuery(PageQuery):
    """Which of the reader's notifications to show."""

    unread: bool = Field(False, description="Only unread ones.")


class UnreadCount(BaseModel):
    """How many notifications are unread."""

    unread: int


class MarkedRead(BaseModel):
    """How many notifications were marked read."""

    updated: int


class Preferences(BaseModel):
    """How the account hears about notifications beyond the in-app feed."""

    email: EmailChoice = Field(
        "instant", description="off, instant (one email each) or digest (one email a week)"
    )
    webhook: StrictBool = Field(False, description="Also send to the organisation's webhooks")
    language: Language = Field("nl", description="Language of emails and notification texts")


class Webhook(BaseModel):
    """An endpoint of the organisation that receives signed notifications."""

    id: UUID
    organisation_id: UUID
    url: str
    enabled: bool
    consecutive_failures: int
    disabled_at: datetime | None
    created_at: datetime


class WebhookCreated(Webhook):
    """A new webhook with its signing secret, shown this once."""

    secret: str = Field(
        description="HMAC-SHA256 key: Opstap-Signature is v1=hex(hmac(secret, ts + '.' + body))"
    )


class WebhookIn(BaseModel):
    """A webhook to add."""

    url: AnyHttpUrl = Field(description="https URL on a public address that accepts POSTed JSON")
