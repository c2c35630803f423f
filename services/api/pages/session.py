"""Page sessions: the accounts service signs in, an HttpOnly cookie carries the tokens, and a
per-session token guards every form against cross-site requests.

The cookie holds a session id (what the CSRF token is bound to, stable for the whole session),
the access token and the refresh token. An access token that ran out is renewed with the
refresh token (rotated, as `POST /auth/refresh` does) unless the session was idle longer than
IDLE_LIMIT; anything else sends the browser back to the sign-in page.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated
from uuid import UUID

import asyncpg
import jwt
import redis.asyncio as aioredis
from fastapi import Depends, Request

from services.api.access import REVOKED_PREFIX, Redis
from services.api.dependencies import AppSettings, Conn
from services.core import security
from services.core.access.policy import Actor, Role, require_role
from services.core.accounts import repository as accounts_repository
from services.core.accounts import service as accounts
from services.core.errors import Forbidden, Unauthorized
from services.core.settings import Settings

SESSION_COOKIE = "opstap_session"
# Before sign-in there is no session: the sign-in form's token is bound to this cookie.
PRESESSION_COOKIE = "opstap_presession"
CSRF_FIELD = "csrf_token"
# A session whose access token ran out longer ago than this has been idle: sign in again.
IDLE_LIMIT = timedelta(hours=2)
# Two requests may renew the same session at once (two tabs); the second waits for the first.
RENEW_LOCK = "opstap:page-renew-lock:"
RENEWED = "opstap:page-renewed:"
RENEW_WAIT_SECONDS = 3.0


class SignInRequired(Unauthorized):
    """No valid page session: the browser goes to the sign-in page."""


class CsrfRejected(Forbidden):
    """A form came without the session's token (or with another one)."""


@dataclass(frozen=True)
class Session:
    """What the session cookie holds."""

    sid: str
    access: str
    refresh: str

    def encode(self) -> str:
        """The cookie value."""
        return f"{self.sid}~{self.access}~{self.refresh}"

    @staticmethod
    def decode(value: str | None) -> Session | None:
        """The session in a cookie value, or None when it is not one."""
        parts = (value or "").split("~")
        if len(parts) != 3 or not all(parts) or len(value or "") > 2000:
            return None
        return Session(*parts)


def _new_sid() -> str:
    return secrets.token_urlsafe(18)


def current_session(request: Request) -> Session | None:
    """The session of this request: renewed during it, else from its cookie."""
    renewed: Session | None = getattr(request.state, "new_session", None)
    return renewed or Session.decode(request.cookies.get(SESSION_COOKIE))


def csrf_token(request: Request, settings: Settings) -> str:
    """The token every form of this page carries: bound to the session, or before sign-in to
    the pre-session cookie (made here when there is none yet)."""
    session = current_session(request)
    if session is not None:
        binding = "session:" + session.sid
    else:
        presession = request.cookies.get(PRESESSION_COOKIE) or getattr(
            request.state, "new_presession", None
        )
        if not presession:
            presession = secrets.token_urlsafe(18)
            request.state.new_presession = presession
        binding = "presession:" + presession
    key = settings.secret().encode()
    return hmac.new(key, ("csrf:" + binding).encode(), hashlib.sha256).hexdigest()


async def check_csrf(request: Request, settings: AppSettings) -> None:
    """Refuse a form whose token is missing or not this session's (403)."""
    form = await request.form()
    sent = form.get(CSRF_FIELD)
    has_binding = current_session(request) or request.cookies.get(PRESESSION_COOKIE)
    if not isinstance(sent, str) or not has_binding:
        raise CsrfRejected("This form has no valid security token; reload the page.")
    if not hmac.compare_digest(sent, csrf_token(request, settings)):
        raise CsrfRejected("This form has no valid security token; reload the page.")


async def sign_in(
    conn: asyncpg.Connection,
    redis: aioredis.Redis,
    settings: Settings,
    email: str,
    password: str,
    address: str | None,
) -> Session:
    """A new session, with the API's sign-in rules: TooManyRequests after repeated failures
    for an email or from an address, Unauthorized for a wrong email or password."""
    pair = await accounts.sign_in(conn, redis, settings, email, password, address)
    return Session(_new_sid(), pair.access_token, pair.refresh_token)


async def session_actor(conn: asyncpg.Connection, settings: Settings, session: Session) -> Actor:
    """The actor of a session just made (its cookie reaches the browser with the response)."""
    found = await accounts.actor_for_token(conn, session.access, settings)
    if found is None:
        raise SignInRequired("This session has ended.")
    return found[0]


def _claims_even_if_expired(settings: Settings, token: str) -> security.AccessClaims | None:
    """The claims of a token we signed, whether or not it has run out."""
    try:
        payload = jwt.decode(
            token, settings.secret(), algorithms=[security.ALGORITHM], options={"verify_exp": False}
        )
        return security.AccessClaims(
            UUID(payload["sub"]),
            int(payload["ver"]),
            str(payload["jti"]),
            datetime.fromtimestamp(payload["exp"], UTC),
        )
    except (jwt.PyJWTError, ValueError, KeyError, TypeError):
        return None


async def sign_out(
    conn: asyncpg.Connection, redis: aioredis.Redis, settings: Settings, session: Session
) -> None:
    """End the session as the API's logout does: its refresh token and access token stop."""
    claims = _claims_even_if_expired(settings, session.access)
    if claims is None:
        return
    row = await accounts_repository.account_by_id(conn, claims.account_id)
    if row is not None:
        await accounts.logout(conn, accounts.actor_of(row), session.refresh)
    remaining = int((claims.expires_at - datetime.now(UTC)).total_seconds()) + 1
    if remaining > 0:
        await redis.set(REVOKED_PREFIX + claims.jti, "1", ex=remaining)


async def _renew(request: Request, settings: Settings, redis: aioredis.Redis) -> Session | None:
    """The session with fresh tokens, or None when it cannot be renewed (sign in again)."""
    session = Session.decode(request.cookies.get(SESSION_COOKIE))
    claims = _claims_even_if_expired(settings, session.access) if session else None
    if session is None or claims is None:
        return None
    if await redis.exists(REVOKED_PREFIX + claims.jti):
        return None  # signed out
    if datetime.now(UTC) - claims.expires_at > IDLE_LIMIT:
        return None
    key = security.secret_hash(session.refresh)
    if await redis.set(RENEW_LOCK + key, "1", nx=True, ex=10):
        # Its own transaction: a refresh token is used up (or a reuse revokes them all) even
        # when this request later fails, as with POST /auth/refresh.
        pool: asyncpg.Pool = request.app.state.pool
        async with pool.acquire() as own, own.transaction():
            pair = await accounts.refresh(own, session.refresh, settings)
        if pair is None:
            return None
        renewed = Session(session.sid, pair.access_token, pair.refresh_token)
        await redis.set(RENEWED + key, renewed.encode(), ex=30)
        return renewed
    deadline = time.monotonic() + RENEW_WAIT_SECONDS
    while time.monotonic() < deadline:
        if value := await redis.get(RENEWED + key):
            return Session.decode(value.decode() if isinstance(value, bytes) else value)
        await asyncio.sleep(0.05)
    return None


async def page_actor(request: Request, conn: Conn, settings: AppSettings, redis: Redis) -> Actor:
    """The signed-in actor of a page; SignInRequired (a redirect) without a valid session."""
    session = Session.decode(request.cookies.get(SESSION_COOKIE))
    if session is None:
        raise SignInRequired("Sign in first.")
    found = await accounts.actor_for_token(conn, session.access, settings)
    if found is not None and await redis.exists(REVOKED_PREFIX + found[1].jti):
        raise SignInRequired("This session has ended.")
    if found is None:
        renewed = await _renew(request, settings, redis)
        found = await accounts.actor_for_token(conn, renewed.access, settings) if renewed else None
        if found is None:
            raise SignInRequired("This session has ended.")
        request.state.new_session = renewed
    actor, claims = found
    request.state.actor = actor
    request.state.token_claims = claims
    return actor


PageActor = Annotated[Actor, Depends(page_actor)]


async def coach_actor(actor: PageActor) -> Actor:
    """The jobcoach pages are for jobcoaches and admins."""
    require_role(actor, Role.ADMIN, Role.JOBCOACH, action="use the jobcoach pages")
    return actor


async def employer_actor(actor: PageActor) -> Actor:
    """The employer pages are for employers and admins (who post vacancies too)."""
    require_role(actor, Role.ADMIN, Role.EMPLOYER, action="use the employer pages")
    return actor


async def employee_actor(actor: PageActor) -> Actor:
    """The employee's own pages."""
    require_role(actor, Role.EMPLOYEE, action="use these pages")
    return actor


CoachActor = Annotated[Actor, Depends(coach_actor)]
EmployerActor = Annotated[Actor, Depends(employer_actor)]
EmployeeActor = Annotated[Actor, Depends(employee_actor)]
