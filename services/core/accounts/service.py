"""Sign-in, tokens, page sessions, passwords, accounts and API keys."""

from __future__ import annotations

from uuid import UUID

import asyncpg
import redis.asyncio as aioredis

from services.core import ratelimit, security
from services.core.access.policy import Actor, Role, can_create_api_keys
from services.core.accounts import repository
from services.core.accounts.models import (
    Account,
    AccountIn,
    ApiKey,
    ApiKeyIn,
    NewApiKey,
    NewPageSession,
    RevokedReason,
    TokenPair,
)
from services.core.errors import Conflict, Invalid, NotFound, TooManyRequests, Unauthorized
from services.core.settings import Settings

API_KEY_PREFIX = "opk"
REFRESH_PREFIX = "opr"
# A key's last use is written at most this often: not a write per request.
API_KEY_USE_SECONDS = 60
PAGE_SESSION_PREFIX = "ops"
# A page session's last sighting is written at most this often (its idle limit is minutes).
PAGE_SESSION_SEEN_SECONDS = 60
USER_AGENT_CHARS = 200
REVOKED_BECAUSE = {
    "owner": " by its owner",
    "admin": " by an admin of your organisation",
    "password_change": " when its owner's password changed",
}


def actor_of(row: asyncpg.Record) -> Actor:
    """The actor for an account row (see queries._ACCOUNT_COLUMNS)."""
    return Actor(
        account_id=row["id"],
        organisation_id=row["organisation_id"],
        organisation_kind=row["organisation_kind"],
        role=Role(row["role"]),
        name=row["name"],
        employee_id=row["employee_id"],
    )


def account_of(row: asyncpg.Record | dict) -> Account:
    """The public view of an account row."""
    return Account.model_validate(dict(row))


async def authenticate(
    conn: asyncpg.Connection, email: str, password: str
) -> asyncpg.Record | None:
    """The active account whose email and password these are, else None (same time either way)."""
    row = await repository.account_by_email(conn, email.strip())
    ok = await security.verify_password_off_loop(row["password_hash"] if row else None, password)
    return row if ok and row and row["active"] else None


# Every attempt counts here, whatever its outcome: it bounds the CPU all sign-ins may take.
GLOBAL_SIGN_IN_KEY = ratelimit.PREFIX + "login-global"


async def _refuse_when_over(
    redis: aioredis.Redis, settings: Settings, email_key: str, address_key: str | None
) -> None:
    """TooManyRequests, saying which limit and for how long, when one is reached."""
    checks = (
        (email_key, settings.login_attempts, "Too many failed sign-ins for this email"),
        (
            address_key,
            settings.login_address_attempts,
            "Too many failed sign-ins from your address",
        ),
        (GLOBAL_SIGN_IN_KEY, settings.login_global_attempts, "Too many sign-ins at the moment"),
    )
    for key, limit, reason in checks:
        if key and (wait := await ratelimit.over_limit(redis, key, limit)):
            raise TooManyRequests(f"{reason}; try again in {wait} seconds.", retry_after=wait)


async def _signed_in(
    conn: asyncpg.Connection,
    redis: aioredis.Redis,
    settings: Settings,
    email: str,
    password: str,
    address: str | None,
) -> asyncpg.Record:
    """The account of a right email and password, its sign-in noted. TooManyRequests once the
    failures for the email or from the client `address` reach their limit within the login
    window, or all sign-ins reach the global limit; Unauthorized for a wrong email or password.
    """
    secret = settings.secret()
    email_key = ratelimit.counter_key(secret, "login-email", email.strip().lower())
    address_key = ratelimit.counter_key(secret, "login-address", address) if address else None
    await _refuse_when_over(redis, settings, email_key, address_key)
    await ratelimit.hit(redis, GLOBAL_SIGN_IN_KEY, settings.login_global_window_seconds)
    row = await authenticate(conn, email, password)
    if row is None:
        for key in (email_key, address_key):
            if key:
                await ratelimit.hit(redis, key, settings.login_window_seconds)
        raise Unauthorized("The email or password is not right.")
    # Only the email's count starts over: one good account must not clear an address that is
    # trying many others.
    await ratelimit.clear(redis, email_key)
    await repository.note_sign_in(conn, row["id"])
    return row


async def sign_in(
    conn: asyncpg.Connection,
    redis: aioredis.Redis,
    settings: Settings,
    email: str,
    password: str,
    address: str | None,
) -> TokenPair:
    """Tokens for a right email and password (the JSON API), with the limits of `_signed_in`."""
    row = await _signed_in(conn, redis, settings, email, password, address)
    return await issue_tokens(conn, row, settings)


async def start_page_session(
    conn: asyncpg.Connection,
    redis: aioredis.Redis,
    settings: Settings,
    email: str,
    password: str,
    address: str | None,
    *,
    user_agent: str | None,
    replaces: str | None,
) -> NewPageSession:
    """Sign in to the pages, with the limits of `_signed_in`: a new session, whose token is in
    the answer and only its hash in the database. The session the browser held before
    (`replaces`, its token) ends: a session is never carried across a sign-in."""
    row = await _signed_in(conn, redis, settings, email, password, address)
    if replaces:
        await repository.revoke_page_session(conn, security.secret_hash(replaces))
    token, session_id = security.new_secret(PAGE_SESSION_PREFIX)
    await repository.insert_page_session(
        conn,
        session_id,
        row["id"],
        settings.page_session_hours * 3600,
        (user_agent or "")[:USER_AGENT_CHARS] or None,
    )
    return NewPageSession(token=token, actor=actor_of(row))


async def page_session_actor(
    conn: asyncpg.Connection, token: str, settings: Settings
) -> Actor | None:
    """The actor of a live page session (its use noted, see PAGE_SESSION_SEEN_SECONDS); None
    for an unknown, revoked, expired or idle session or an account switched off."""
    session_id = security.secret_hash(token)
    row = await repository.page_session_account(
        conn, session_id, settings.page_session_idle_minutes * 60, PAGE_SESSION_SEEN_SECONDS
    )
    if row is None:
        return None
    if row["seen_is_stale"]:
        await repository.note_page_session_seen(conn, session_id, PAGE_SESSION_SEEN_SECONDS)
    return actor_of(row)


async def end_page_session(conn: asyncpg.Connection, token: str) -> None:
    """Sign out of the pages: the session stops working at once."""
    await repository.revoke_page_session(conn, security.secret_hash(token))


async def issue_tokens(
    conn: asyncpg.Connection, row: asyncpg.Record, settings: Settings
) -> TokenPair:
    """A new access token and refresh token for a signed-in account."""
    access, _ = security.make_access_token(
        settings.secret(), row["id"], row["token_version"], settings.access_token_minutes
    )
    refresh, refresh_hash = security.new_secret(REFRESH_PREFIX)
    await repository.insert_refresh_token(
        conn, row["id"], refresh_hash, settings.refresh_token_days
    )
    return TokenPair(
        access_token=access, expires_in=settings.access_token_minutes * 60, refresh_token=refresh
    )


async def refresh(conn: asyncpg.Connection, token: str, settings: Settings) -> TokenPair | None:
    """Exchange a refresh token for a new pair; None when it is not valid.

    A token that was used or revoked before is taken as stolen: every refresh token of its
    account is revoked. That must be committed, so this returns None rather than raising.
    """
    token_hash = security.secret_hash(token)
    account_id = await repository.consume_refresh_token(conn, token_hash)
    row = await repository.account_by_id(conn, account_id) if account_id else None
    if row is None or not row["active"]:
        owner = account_id or await repository.refresh_token_owner(conn, token_hash)
        if owner is not None:
            await repository.revoke_all_refresh_tokens(conn, owner)
        return None
    return await issue_tokens(conn, row, settings)


async def logout(conn: asyncpg.Connection, actor: Actor, token: str | None) -> None:
    """Revoke the given refresh token, or all of the actor's when none is given."""
    if token:
        await repository.revoke_refresh_token(conn, security.secret_hash(token), actor.account_id)
    else:
        await repository.revoke_all_refresh_tokens(conn, actor.account_id)


async def change_password(conn: asyncpg.Connection, actor: Actor, current: str, new: str) -> None:
    """Set a new password; every token, API key and page session issued before stops working
    (the caller signs in again, as with the API's tokens)."""
    row = await repository.account_by_id(conn, actor.account_id)
    if row is None or not await security.verify_password_off_loop(row["password_hash"], current):
        raise Invalid(
            "The current password is not right.", fields={"current_password": "does not match"}
        )
    if problem := security.password_problem(new, row["email"]):
        raise Invalid(f"Choose another password: {problem}.", fields={"new_password": problem})
    new_hash = await security.hash_password_off_loop(new)
    await repository.set_password(conn, actor.account_id, new_hash)


async def create_account(
    conn: asyncpg.Connection, organisation_id: UUID, data: AccountIn
) -> Account:
    """A new account in an organisation; Conflict (naming `email`) when the email is taken."""
    if problem := security.password_problem(data.password, data.email):
        raise Invalid(f"Choose another password: {problem}.", fields={"password": problem})
    if await repository.account_by_email(conn, data.email) is not None:
        raise Conflict(
            f"An account with email {data.email} exists already.",
            fields={"email": "already in use"},
        )
    password_hash = await security.hash_password_off_loop(data.password)
    account_id = await repository.insert_account(
        conn, organisation_id, data.email, data.name, data.role.value, password_hash
    )
    row = await repository.account_by_id(conn, account_id)
    assert row is not None
    return account_of(row)


async def get_account(conn: asyncpg.Connection, account_id: UUID) -> Account:
    """One account; NotFound when it does not exist."""
    row = await repository.account_by_id(conn, account_id)
    if row is None:
        raise NotFound("No account has this id.")
    return account_of(row)


async def actor_for_token(
    conn: asyncpg.Connection, token: str, settings: Settings
) -> tuple[Actor, security.AccessClaims] | None:
    """The actor of a valid access token whose account is active and whose version is current."""
    claims = security.read_access_token(settings.secret(), token)
    if claims is None:
        return None
    row = await repository.account_by_id(conn, claims.account_id)
    if row is None or not row["active"] or row["token_version"] != claims.token_version:
        return None
    return actor_of(row), claims


async def actor_for_api_key(conn: asyncpg.Connection, key: str) -> Actor:
    """The actor of a valid API key (its use noted, see API_KEY_USE_SECONDS); Unauthorized
    saying why for an unknown, revoked or expired key or a switched-off account."""
    key_hash = security.secret_hash(key)
    found = await repository.api_key_by_hash(conn, key_hash, API_KEY_USE_SECONDS)
    if found is None:
        raise Unauthorized("This API key is not valid; check it or ask for a new one.")
    if found["revoked_at"] is not None:
        why = REVOKED_BECAUSE.get(found["revoked_reason"], "")
        raise Unauthorized(f"This API key was revoked{why}; create a new one.")
    if found["expired"]:
        raise Unauthorized(
            f"This API key expired on {found['expires_at']:%Y-%m-%d %H:%M} UTC; create a new one."
        )
    row = await repository.account_by_id(conn, found["account_id"])
    if row is None or not row["active"]:
        raise Unauthorized("The account of this API key is switched off.")
    if found["use_is_stale"]:
        await repository.note_api_key_use(conn, found["id"], API_KEY_USE_SECONDS)
    return actor_of(row)


def key_lifetime(settings: Settings, days: int | None) -> int:
    """Days a new key lives: the asked number, else the default; Invalid above the maximum."""
    if days is not None and days > settings.api_key_max_days:
        raise Invalid(
            f"An API key lives at most {settings.api_key_max_days} days; ask for fewer.",
            fields={"expires_in_days": f"at most {settings.api_key_max_days}"},
        )
    return days or min(settings.api_key_days, settings.api_key_max_days)


async def create_api_key(
    conn: asyncpg.Connection, actor: Actor, data: ApiKeyIn, settings: Settings
) -> NewApiKey:
    """A new API key for the actor (admins and employers); the secret is in the answer and
    nowhere else."""
    can_create_api_keys(actor)
    days = key_lifetime(settings, data.expires_in_days)
    key, key_hash = security.new_secret(API_KEY_PREFIX)
    row = await repository.insert_api_key(
        conn, actor.account_id, data.name, key[:12], key_hash, days
    )
    return NewApiKey(**row, key=key)


async def list_api_keys(conn: asyncpg.Connection, account_id: UUID) -> list[ApiKey]:
    """An account's API keys, newest first."""
    return [ApiKey(**row) for row in await repository.api_keys(conn, account_id)]


async def revoke_api_key(
    conn: asyncpg.Connection, account_id: UUID, key_id: UUID, reason: RevokedReason
) -> None:
    """Revoke one of an account's active API keys (callers authorize first)."""
    if not await repository.revoke_api_key(conn, key_id, account_id, reason):
        raise NotFound("No active API key of this account has this id.")
