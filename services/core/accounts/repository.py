"""Reading and writing organisations, accounts, refresh tokens, API keys and page sessions."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import asyncpg

from services.core.accounts import queries

# An organisation's profile after its name, in the order of the statements' $3..$7.
_PROFILE_FIELDS = ("description", "goods_and_services", "support_offered", "website", "postcode")


def _profile(data: dict[str, Any]) -> tuple[Any, ...]:
    """The name and profile fields (None when left out): $2..$7 of the insert and the update."""
    return (data["name"], *(data.get(field) for field in _PROFILE_FIELDS))


async def insert_organisation(conn: asyncpg.Connection, kind: str, data: dict[str, Any]) -> dict:
    """A new organisation."""
    row = await conn.fetchrow(queries.INSERT_ORGANISATION, kind, *_profile(data))
    return dict(row)


async def get_organisation(conn: asyncpg.Connection, organisation_id: UUID) -> dict | None:
    """One organisation, or None."""
    row = await conn.fetchrow(queries.SELECT_ORGANISATION, organisation_id)
    return dict(row) if row else None


async def window_vacancies(conn: asyncpg.Connection, organisation_id: UUID) -> list[dict]:
    """The open vacancies (id, title) an organisation shows in its public digital window."""
    return [dict(r) for r in await conn.fetch(queries.SELECT_WINDOW_VACANCIES, organisation_id)]


async def organisation_id_by_name(conn: asyncpg.Connection, name: str) -> UUID | None:
    """The id of the (oldest) organisation with this name, any case."""
    found: UUID | None = await conn.fetchval(queries.SELECT_ORGANISATION_ID_BY_NAME, name)
    return found


async def update_organisation(
    conn: asyncpg.Connection, organisation_id: UUID, data: dict[str, Any]
) -> dict:
    """The organisation with its new profile."""
    row = await conn.fetchrow(queries.UPDATE_ORGANISATION, organisation_id, *_profile(data))
    return dict(row)


async def insert_account(
    conn: asyncpg.Connection,
    organisation_id: UUID,
    email: str,
    name: str,
    role: str,
    password_hash: str | None,
) -> UUID:
    """A new account's id."""
    account_id: UUID = await conn.fetchval(
        queries.INSERT_ACCOUNT, organisation_id, email, name, role, password_hash
    )
    return account_id


async def account_by_email(conn: asyncpg.Connection, email: str) -> asyncpg.Record | None:
    """The account with this email (any case), or None."""
    return await conn.fetchrow(queries.SELECT_ACCOUNT_BY_EMAIL, email)


async def account_by_id(conn: asyncpg.Connection, account_id: UUID) -> asyncpg.Record | None:
    """The account with this id, or None."""
    return await conn.fetchrow(queries.SELECT_ACCOUNT, account_id)


async def organisation_accounts(
    conn: asyncpg.Connection, organisation_id: UUID, role: str | None
) -> list[asyncpg.Record]:
    """An organisation's accounts, optionally of one role."""
    return list(await conn.fetch(queries.SELECT_ORGANISATION_ACCOUNTS, organisation_id, role))


async def set_password(conn: asyncpg.Connection, account_id: UUID, password_hash: str) -> None:
    """Store a new password hash; every access token, refresh token, API key and page session
    issued before stops working."""
    await conn.execute(queries.SET_PASSWORD, account_id, password_hash)
    await conn.execute(queries.REVOKE_ALL_REFRESH_TOKENS, account_id)
    await conn.execute(queries.REVOKE_ALL_API_KEYS, account_id, "password_change")
    await conn.execute(queries.REVOKE_ALL_PAGE_SESSIONS, account_id)


async def insert_refresh_token(
    conn: asyncpg.Connection, account_id: UUID, token_hash: str, days: int
) -> None:
    """Remember a refresh token by its hash."""
    await conn.execute(queries.INSERT_REFRESH_TOKEN, account_id, token_hash, days)


async def consume_refresh_token(conn: asyncpg.Connection, token_hash: str) -> UUID | None:
    """Use a refresh token up; its account when it was valid."""
    account_id: UUID | None = await conn.fetchval(queries.CONSUME_REFRESH_TOKEN, token_hash)
    return account_id


async def refresh_token_owner(conn: asyncpg.Connection, token_hash: str) -> UUID | None:
    """Whose token this is, valid or not."""
    owner: UUID | None = await conn.fetchval(queries.SELECT_REFRESH_TOKEN_OWNER, token_hash)
    return owner


async def revoke_refresh_token(conn: asyncpg.Connection, token_hash: str, account_id: UUID) -> None:
    """Revoke one of the account's refresh tokens."""
    await conn.execute(queries.REVOKE_REFRESH_TOKEN, token_hash, account_id)


async def revoke_all_refresh_tokens(conn: asyncpg.Connection, account_id: UUID) -> None:
    """Revoke every refresh token of the account."""
    await conn.execute(queries.REVOKE_ALL_REFRESH_TOKENS, account_id)


async def insert_api_key(
    conn: asyncpg.Connection, account_id: UUID, name: str, prefix: str, key_hash: str, days: int
) -> dict:
    """A new API key's row (without the secret), living `days` days."""
    row = await conn.fetchrow(queries.INSERT_API_KEY, account_id, name, prefix, key_hash, days)
    return dict(row)


async def api_keys(conn: asyncpg.Connection, account_id: UUID) -> list[dict]:
    """The account's API keys, newest first."""
    return [dict(r) for r in await conn.fetch(queries.SELECT_API_KEYS, account_id)]


async def revoke_api_key(
    conn: asyncpg.Connection, key_id: UUID, account_id: UUID, reason: str
) -> bool:
    """Revoke one of the account's keys; False when there was no such active key."""
    return await conn.fetchval(queries.REVOKE_API_KEY, key_id, account_id, reason) is not None


async def api_key_by_hash(
    conn: asyncpg.Connection, key_hash: str, use_seconds: int
) -> asyncpg.Record | None:
    """A key by the hash of its secret, valid or not, with `expired` and `use_is_stale` (its
    last use is older than `use_seconds`)."""
    return await conn.fetchrow(queries.SELECT_API_KEY_BY_HASH, key_hash, use_seconds)


async def note_api_key_use(conn: asyncpg.Connection, key_id: UUID, use_seconds: int) -> None:
    """Note the key's use now, unless that was done within `use_seconds`."""
    await conn.execute(queries.NOTE_API_KEY_USE, key_id, use_seconds)


async def note_sign_in(conn: asyncpg.Connection, account_id: UUID) -> None:
    """Note that the account signed in now (activity that keeps a person's file)."""
    await conn.execute(queries.NOTE_SIGN_IN, account_id)


async def insert_page_session(
    conn: asyncpg.Connection,
    session_id: str,
    account_id: UUID,
    seconds: int,
    user_agent: str | None,
) -> None:
    """A new page session, known by `session_id` (the hash of its token), ending in `seconds`."""
    await conn.execute(queries.INSERT_PAGE_SESSION, session_id, account_id, seconds, user_agent)


async def page_session_account(
    conn: asyncpg.Connection, session_id: str, idle_seconds: int, seen_seconds: int
) -> asyncpg.Record | None:
    """The account row (see queries._ACCOUNT_COLUMNS) of a live session, with `seen_is_stale`
    (last seen longer than `seen_seconds` ago); None for an unknown, revoked, expired or idle
    session, or an account switched off."""
    return await conn.fetchrow(
        queries.SELECT_PAGE_SESSION_ACCOUNT, session_id, idle_seconds, seen_seconds
    )


async def note_page_session_seen(
    conn: asyncpg.Connection, session_id: str, seen_seconds: int
) -> None:
    """Note the session seen now, unless that was done within `seen_seconds`."""
    await conn.execute(queries.NOTE_PAGE_SESSION_SEEN, session_id, seen_seconds)


async def revoke_page_session(conn: asyncpg.Connection, session_id: str) -> None:
    """End one page session (nothing happens for an unknown or ended one)."""
    await conn.execute(queries.REVOKE_PAGE_SESSION, session_id)
