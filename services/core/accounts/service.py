"""Sign-in, tokens, passwords, accounts and API keys."""

from __future__ import annotations

from uuid import UUID

import asyncpg
import redis.asyncio as aioredis

from services.core import ratelimit, security
from services.core.access.policy import Actor, Role
from services.core.accounts import repository
from services.core.accounts.models import Account, AccountIn, ApiKey, NewApiKey, TokenPair
from services.core.errors import Invalid, NotFound, TooManyRequests, Unauthorized
from services.core.settings import Settings

API_KEY_PREFIX = "opk"
REFRESH_PREFIX = "opr"


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
    ok = security.verify_password(row["password_hash"] if row else None, password)
    return row if ok and row and row["active"] else None


def _login_key(email: str) -> str:
    return f"opstap:login-failures:{email.strip().lower()}"


async def sign_in(
    conn: asyncpg.Connection, redis: aioredis.Redis, settings: Settings, email: str, password: str
) -> TokenPair:
    """Tokens for a right email and password (API and pages alike): TooManyRequests after
    `login_attempts` failures for the email within the window, Unauthorized otherwise."""
    key = _login_key(email)
    if wait := await ratelimit.over_limit(redis, key, settings.login_attempts):
        raise TooManyRequests(
            f"Too many failed sign-ins for this email; try again in {wait} seconds.",
            retry_after=wait,
        )
    row = await authenticate(conn, email, password)
    if row is None:
        await ratelimit.hit(redis, key, settings.login_window_seconds)
        raise Unauthorized("The email or password is not right.")
    await ratelimit.clear(redis, key)
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
    """Set a new password; every token issued before stops working."""
    row = await repository.account_by_id(conn, actor.account_id)
    if row is None or not security.verify_password(row["password_hash"], current):
        raise Invalid(
            "The current password is not right.", fields={"current_password": "does not match"}
        )
    if problem := security.password_problem(new, row["email"]):
        raise Invalid(f"Choose another password: {problem}.", fields={"new_password": problem})
    await repository.set_password(conn, actor.account_id, security.hash_password(new))


async def create_account(
    conn: asyncpg.Connection, organisation_id: UUID, data: AccountIn
) -> Account:
    """A new account in an organisation; Invalid (naming `email`) when the email is taken."""
    if problem := security.password_problem(data.password, data.email):
        raise Invalid(f"Choose another password: {problem}.", fields={"password": problem})
    if await repository.account_by_email(conn, data.email) is not None:
        raise Invalid(
            f"An account with email {data.email} exists already.",
            fields={"email": "already in use"},
        )
    account_id = await repository.insert_account(
        conn,
        organisation_id,
        data.email,
        data.name,
        data.role.value,
        security.hash_password(data.password),
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


async def actor_for_api_key(conn: asyncpg.Connection, key: str) -> Actor | None:
    """The actor of an active API key."""
    account_id = await repository.use_api_key(conn, security.secret_hash(key))
    row = await repository.account_by_id(conn, account_id) if account_id else None
    return actor_of(row) if row is not None and row["active"] else None


async def create_api_key(conn: asyncpg.Connection, actor: Actor, name: str) -> NewApiKey:
    """A new API key for the actor; the secret is in the answer and nowhere else."""
    key, key_hash = security.new_secret(API_KEY_PREFIX)
    row = await repository.insert_api_key(conn, actor.account_id, name, key[:12], key_hash)
    return NewApiKey(**row, key=key)


async def list_api_keys(conn: asyncpg.Connection, actor: Actor) -> list[ApiKey]:
    """The actor's API keys."""
    return [ApiKey(**row) for row in await repository.api_keys(conn, actor.account_id)]


async def revoke_api_key(conn: asyncpg.Connection, actor: Actor, key_id: UUID) -> None:
    """Revoke one of the actor's API keys."""
    if not await repository.revoke_api_key(conn, key_id, actor.account_id):
        raise NotFound("No active API key of yours has this id.")
