"""Storing and reading notifications, deliveries, preferences, webhooks and digests."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import NamedTuple
from uuid import UUID

import asyncpg

from services.core.notifications import queries


class Notable(NamedTuple):
    """Which matches may be worth telling about: of these vacancies or people, at or over the
    score, or one rung up and at or over the stepping-stone score."""

    vacancy_ids: Sequence[UUID]
    employee_ids: Sequence[UUID]
    min_score: float
    step_up_min_score: float

    def params(self) -> tuple[list[UUID], list[UUID], float, float]:
        ids = list(self.vacancy_ids), list(self.employee_ids)
        return *ids, self.min_score, self.step_up_min_score


async def create_for_matches(conn: asyncpg.Connection, notable: Notable) -> list[asyncpg.Record]:
    """Notifications (id, kind) for notable matches not yet told."""
    return list(await conn.fetch(queries.INSERT_MATCH_NOTIFICATIONS, *notable.params()))


async def untold_unexplained(conn: asyncpg.Connection, notable: Notable) -> list[tuple[UUID, UUID]]:
    """(vacancy, employee) of the notable matches someone is yet to be told of that are stored
    without an explanation."""
    rows = await conn.fetch(queries.UNTOLD_UNEXPLAINED, *notable.params())
    return [(r["vacancy_id"], r["employee_id"]) for r in rows]


async def create_for_closed_vacancy(
    conn: asyncpg.Connection, vacancy_id: UUID
) -> list[asyncpg.Record]:
    """Notifications (id, kind) telling those who heard of a vacancy that it closed."""
    return list(await conn.fetch(queries.INSERT_CLOSED_NOTIFICATIONS, vacancy_id))


async def create_for_followups(
    conn: asyncpg.Connection, followup_ids: Sequence[UUID]
) -> list[asyncpg.Record]:
    """Notifications (id, kind) reminding jobcoaches of follow-up moments that are due."""
    return list(await conn.fetch(queries.INSERT_FOLLOWUP_NOTIFICATIONS, list(followup_ids)))


async def create_deliveries(
    conn: asyncpg.Connection, notification_ids: Sequence[UUID]
) -> list[UUID]:
    """Deliveries for new notifications on the channels their accounts chose; their ids."""
    rows = await conn.fetch(queries.INSERT_DELIVERIES, list(notification_ids))
    return [r["id"] for r in rows]


async def page(
    conn: asyncpg.Connection, account_id: UUID, *, unread_only: bool, limit: int, offset: int
) -> tuple[list[asyncpg.Record], int, int]:
    """(a page of an account's notifications, how many match, how many are unread)."""
    rows = await conn.fetch(queries.LIST_FOR_ACCOUNT, account_id, unread_only, limit, offset)
    counts = await conn.fetchrow(queries.COUNT_FOR_ACCOUNT, account_id, unread_only)
    return list(rows), counts["total"], counts["unread"]


async def unread(conn: asyncpg.Connection, account_id: UUID) -> int:
    """How many of an account's notifications are unread."""
    counts = await conn.fetchrow(queries.COUNT_FOR_ACCOUNT, account_id, True)
    return int(counts["unread"])


async def get(conn: asyncpg.Connection, notification_id: UUID) -> asyncpg.Record | None:
    """One notification with the names it mentions."""
    return await conn.fetchrow(queries.SELECT_ONE, notification_id)


async def mark_read(conn: asyncpg.Connection, notification_id: UUID, account_id: UUID) -> bool:
    """Mark one of the account's notifications read; False when it has no such notification."""
    return await conn.fetchval(queries.MARK_READ, notification_id, account_id) is not None


async def mark_all_read(conn: asyncpg.Connection, account_id: UUID) -> int:
    """Mark all of an account's notifications read; how many changed."""
    return int((await conn.execute(queries.MARK_ALL_READ, account_id)).split()[-1])


async def since(
    conn: asyncpg.Connection, account_id: UUID, start: datetime, end: datetime
) -> list[asyncpg.Record]:
    """An account's notifications created in [start, end)."""
    return list(await conn.fetch(queries.LIST_SINCE, account_id, start, end))


async def preferences(conn: asyncpg.Connection, account_id: UUID) -> asyncpg.Record:
    """An account's language, email choice and webhook switch (defaults when never set)."""
    row = await conn.fetchrow(queries.SELECT_PREFERENCES, account_id)
    assert row is not None, "the actor's account exists"
    return row


async def set_preferences(
    conn: asyncpg.Connection, account_id: UUID, email: str, webhook: bool, language: str
) -> None:
    """Store an account's choices."""
    await conn.execute(queries.UPSERT_PREFERENCES, account_id, email, webhook)
    await conn.execute(queries.SET_LANGUAGE, account_id, language)


async def digest_accounts(conn: asyncpg.Connection) -> list[asyncpg.Record]:
    """Accounts that get a weekly digest."""
    return list(await conn.fetch(queries.DIGEST_ACCOUNTS))


async def claim_digest(conn: asyncpg.Connection, account_id: UUID, period: str, items: int) -> bool:
    """True the first time a digest for this account and period is recorded."""
    return await conn.fetchval(queries.CLAIM_DIGEST, account_id, period, items) is not None


async def lock_delivery(conn: asyncpg.Connection, delivery_id: UUID) -> asyncpg.Record | None:
    """A delivery with its recipient and webhook, locked for sending."""
    return await conn.fetchrow(queries.LOCK_DELIVERY, delivery_id)


async def mark_delivery(
    conn: asyncpg.Connection,
    delivery_id: UUID,
    status: str,
    *,
    attempted: bool = True,
    error: str | None = None,
) -> None:
    """Record the outcome of an attempt (or a decision not to attempt)."""
    await conn.execute(queries.MARK_DELIVERY, delivery_id, status, int(attempted), error)


async def webhooks(conn: asyncpg.Connection, organisation_id: UUID) -> list[asyncpg.Record]:
    """An organisation's webhooks."""
    return list(await conn.fetch(queries.LIST_WEBHOOKS, organisation_id))


async def webhook(conn: asyncpg.Connection, webhook_id: UUID) -> asyncpg.Record | None:
    """One webhook (without its secret)."""
    return await conn.fetchrow(queries.SELECT_WEBHOOK, webhook_id)


async def add_webhook(
    conn: asyncpg.Connection, organisation_id: UUID, url: str, secret: str, created_by: UUID
) -> asyncpg.Record:
    """Store a new webhook."""
    row = await conn.fetchrow(queries.INSERT_WEBHOOK, organisation_id, url, secret, created_by)
    assert row is not None
    return row


async def delete_webhook(conn: asyncpg.Connection, webhook_id: UUID) -> None:
    """Remove a webhook (its pending deliveries go with it)."""
    await conn.execute(queries.DELETE_WEBHOOK, webhook_id)


async def enable_webhook(conn: asyncpg.Connection, webhook_id: UUID) -> asyncpg.Record:
    """Switch a webhook back on with a clean failure count."""
    row = await conn.fetchrow(queries.ENABLE_WEBHOOK, webhook_id)
    assert row is not None
    return row


async def webhook_failed(conn: asyncpg.Connection, webhook_id: UUID, limit: int) -> bool:
    """Count a failure; returns whether the webhook is still enabled."""
    return bool(await conn.fetchval(queries.WEBHOOK_FAILED, webhook_id, limit))


async def webhook_succeeded(conn: asyncpg.Connection, webhook_id: UUID) -> None:
    """Reset a webhook's failure count."""
    await conn.execute(queries.WEBHOOK_SUCCEEDED, webhook_id)


async def reset_delivery(conn: asyncpg.Connection, delivery_id: UUID) -> None:
    """Make a failed delivery pending again with no attempts."""
    await conn.execute(queries.RESET_DELIVERY, delivery_id)


async def account(conn: asyncpg.Connection, account_id: UUID) -> asyncpg.Record | None:
    """The account a digest goes to."""
    return await conn.fetchrow(queries.SELECT_ACCOUNT, account_id)
