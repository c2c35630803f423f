"""Page sessions: the accounts service signs in, an HttpOnly cookie carries an opaque session
token, and a per-session token guards every form against cross-site requests.

The cookie holds only a random token; the database holds its hash with the account, the
session's absolute end, its last sighting (for the idle limit) and its revocation
(`services/core/accounts`, `page_session`). Sign-in always starts a new session; sign-out and a
password change end sessions at once. A session that is unknown, ended or idle sends the
browser back to the sign-in page.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Annotated

import asyncpg
import redis.asyncio as aioredis
from fastapi import Depends, Request

from services.api.dependencies import AppSettings, Conn
from services.core import security
from services.core.access.policy import Actor, Role, require_role
from services.core.accounts import service as accounts
from services.core.accounts.models import NewPageSession
from services.core.errors import Forbidden, Unauthorized
from services.core.settings import Settings

SESSION_COOKIE = "opstap_session"
# Before sign-in there is no session: the sign-in form's token is bound to this cookie.
PRESESSION_COOKIE = "opstap_presession"
CSRF_FIELD = "csrf_token"
# A token we hand out is about 50 characters; anything far longer is not one of ours.
MAX_TOKEN_CHARS = 200


class SignInRequired(Unauthorized):
    """No valid page session: the browser goes to the sign-in page."""


class CsrfRejected(Forbidden):
    """A form came without the session's token (or with another one)."""


def current_session(request: Request) -> str | None:
    """The session token of this request: started during it, else from its cookie (not yet
    checked against the database: `page_actor` does that)."""
    started: str | None = getattr(request.state, "new_session", None)
    if started:
        return started
    value = request.cookies.get(SESSION_COOKIE)
    return value if value and len(value) <= MAX_TOKEN_CHARS else None


def csrf_token(request: Request, settings: Settings) -> str:
    """The token every form of this page carries: bound to the session, or before sign-in to
    the pre-session cookie (made here when there is none yet)."""
    session = current_session(request)
    if session is not None:
        binding = "session:" + security.secret_hash(session)
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
    request: Request,
    conn: asyncpg.Connection,
    redis: aioredis.Redis,
    settings: Settings,
    email: str,
    password: str,
    address: str | None,
) -> NewPageSession:
    """A new session, with the API's sign-in rules (TooManyRequests after repeated failures
    for an email or from an address, Unauthorized for a wrong email or password); the session
    this browser held before ends. The response sets the new cookie."""
    started = await accounts.start_page_session(
        conn,
        redis,
        settings,
        email,
        password,
        address,
        user_agent=request.headers.get("user-agent"),
        replaces=current_session(request),
    )
    request.state.new_session = started.token
    request.state.actor = started.actor
    return started


async def sign_out(request: Request, conn: asyncpg.Connection) -> None:
    """End this browser's session (its cookie stops working at once) and forget the cookie."""
    if (token := current_session(request)) is not None:
        await accounts.end_page_session(conn, token)
    request.state.end_session = True


async def page_actor(request: Request, conn: Conn, settings: AppSettings) -> Actor:
    """The signed-in actor of a page; SignInRequired (a redirect) without a live session."""
    token = current_session(request)
    if token is None:
        raise SignInRequired("Sign in first.")
    actor = await accounts.page_session_actor(conn, token, settings)
    if actor is None:
        raise SignInRequired("This session has ended.")
    request.state.actor = actor
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
