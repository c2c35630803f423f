"""Sign-in, tokens, passwords, accounts and API keys."""

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
    RevokedReason,
    TokenPair,
)
from services.core.errors import Conflict, Invalid, NotFound, TooManyRequests, Unauthorized
from services.core.settings import Settings

API_KEY_PREFIX = "opk"
REFRESH_PREFIX = "opr"
# A key's last use is written at most this often: not a write per request.
API_KEY_USE_SECONDS = 60
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


async def sign_in(
    conn: asyncpg.Connection,
    redis: aioredis.Redis,
    settings: Settings,
    email: str,
    password: str,
    address: str | None,
) -> TokenPair:
    """Tokens for a right email and password (API and pages alike). TooManyRequests once the
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
    return await issue_tokens(conn, row, settings)


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
    """Set a new password; every token and API key issued before stops working."""
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
