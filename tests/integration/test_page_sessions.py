"""Page sessions held by the server, on a real database: the cookie's token is never stored,
an idle or expired session goes to the sign-in page, sign-out and a password change end
sessions at once, sign-in never keeps an earlier session, and retention deletes ended ones.
Time moves by changing the rows, never by waiting."""

from __future__ import annotations

import hashlib
import uuid
from datetime import datetime, timedelta
from typing import Any

import asyncpg
import httpx
import pytest

from services.api.pages.session import SESSION_COOKIE
from services.core.retention import service as retention
from services.core.retention.models import Periods
from tests import factories
from tests.browser.http import csrf_of, page_client, sign_in
from tests.factories import PASSWORD


@pytest.fixture
async def coach(pool: asyncpg.Pool, client: httpx.AsyncClient) -> factories.User:
    """A jobcoach with a password (and API tokens, for the password change)."""
    return await factories.user(pool, client, await factories.organisation(pool), "jobcoach")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def _signed_in(http: httpx.AsyncClient, email: str) -> str:
    response = await sign_in(http, email)
    assert response.status_code == 303, response.text
    token: str = http.cookies[SESSION_COOKIE]
    return token


def _use(http: httpx.AsyncClient, value: str) -> None:
    """Put `value` in the browser's session cookie, in place of the one the site set."""
    http.cookies.set(SESSION_COOKIE, value, domain="opstap.test")


async def _sent_to_sign_in(http: httpx.AsyncClient, path: str = "/coach") -> None:
    response = await http.get(path)
    assert response.status_code == 303
    assert response.headers["location"] == "/sign-in?next=" + path.replace("/", "%2F")
    # The dead cookie is dropped, as for any session that ended.
    assert f'{SESSION_COOKIE}=""' in response.headers.get("set-cookie", "")


async def _move(pool: asyncpg.Pool, token: str, **ago: timedelta) -> None:
    """Set the session's `<column> = now() - ago` (the clock moves for this row only)."""
    for column, delta in ago.items():
        assert column in ("last_seen_at", "expires_at", "created_at")
        await pool.execute(
            f"UPDATE page_session SET {column} = now() - $2::interval WHERE id = $1",
            _hash(token),
            delta,
        )


async def test_the_cookie_holds_a_random_token_and_the_table_only_its_hash(
    app: Any, pool: asyncpg.Pool, coach: factories.User
) -> None:
    async with page_client(app) as http:
        response = await sign_in(http, coach.email)
        assert response.status_code == 303
        cookie = next(c for c in response.headers.get_list("set-cookie") if SESSION_COOKIE in c)
        assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Path=/" in cookie
        token = http.cookies[SESSION_COOKIE]
        assert token.startswith("ops_") and len(token) >= 40
        assert (await http.get("/coach")).status_code == 200
    rows = await pool.fetch("SELECT * FROM page_session WHERE account_id = $1", coach.account_id)
    assert len(rows) == 1
    row = dict(rows[0])
    assert row["id"] == _hash(token)
    assert token not in repr(row) and token.removeprefix("ops_") not in repr(row)
    assert row["revoked_at"] is None and row["user_agent"]
    lifetime = row["expires_at"] - row["created_at"]
    assert timedelta(hours=11, minutes=59) < lifetime <= timedelta(hours=12)
    signed_in = await pool.fetchval(
        "SELECT last_sign_in_at FROM account WHERE id = $1", coach.account_id
    )
    assert signed_in is not None and signed_in >= row["created_at"] - timedelta(seconds=1)


async def test_last_seen_is_written_at_most_once_a_minute(
    app: Any, pool: asyncpg.Pool, coach: factories.User
) -> None:
    async with page_client(app) as http:
        token = await _signed_in(http, coach.email)

        async def seen() -> datetime:
            found: datetime = await pool.fetchval(
                "SELECT last_seen_at FROM page_session WHERE id = $1", _hash(token)
            )
            return found

        await _move(pool, token, last_seen_at=timedelta(seconds=20))
        before = await seen()
        assert (await http.get("/coach")).status_code == 200
        assert await seen() == before  # seen 20 s ago: no write
        await _move(pool, token, last_seen_at=timedelta(minutes=5))
        stale = await seen()
        assert (await http.get("/coach")).status_code == 200
        assert await seen() > stale + timedelta(minutes=4)


async def test_an_idle_session_goes_to_sign_in_and_a_used_one_slides_on(
    app: Any, pool: asyncpg.Pool, coach: factories.User
) -> None:
    async with page_client(app) as http:
        token = await _signed_in(http, coach.email)
        # 29 minutes without a request: still good, and the use restarts the idle clock.
        await _move(pool, token, last_seen_at=timedelta(minutes=29))
        assert (await http.get("/coach")).status_code == 200
        await _move(pool, token, last_seen_at=timedelta(minutes=31))
        await _sent_to_sign_in(http)
        # Signing in again gives a new session; the idle one does not come back.
        fresh = await _signed_in(http, coach.email)
        assert fresh != token
        assert (await http.get("/coach")).status_code == 200
        _use(http, token)
        await _sent_to_sign_in(http)


async def test_a_session_ends_at_its_absolute_end_however_busy(
    app: Any, pool: asyncpg.Pool, coach: factories.User
) -> None:
    async with page_client(app) as http:
        token = await _signed_in(http, coach.email)
        await _move(pool, token, created_at=timedelta(hours=12), expires_at=timedelta(seconds=1))
        await _sent_to_sign_in(http, "/coach/vacancies")


async def test_sign_out_revokes_the_session_and_the_old_cookie_no_longer_works(
    app: Any, pool: asyncpg.Pool, coach: factories.User
) -> None:
    async with page_client(app) as http:
        token = await _signed_in(http, coach.email)
        page = await http.get("/coach")
        response = await http.post("/sign-out", data={"csrf_token": csrf_of(page.text)})
        assert response.status_code == 303
        assert response.headers["location"].startswith("/sign-in")
        assert SESSION_COOKIE not in http.cookies
    revoked = await pool.fetchval("SELECT revoked_at FROM page_session WHERE id = $1", _hash(token))
    assert revoked is not None
    async with page_client(app) as replay:  # the old cookie, kept by someone else
        _use(replay, token)
        await _sent_to_sign_in(replay)


async def test_a_password_change_ends_every_page_session_of_the_account(
    app: Any, pool: asyncpg.Pool, client: httpx.AsyncClient, coach: factories.User
) -> None:
    other = await factories.user(pool, client, coach.organisation_id, "jobcoach")
    async with page_client(app) as laptop, page_client(app) as phone, page_client(app) as own:
        await _signed_in(laptop, coach.email)
        await _signed_in(phone, coach.email)
        await _signed_in(own, other.email)
        changed = await client.post(
            "/api/v1/auth/password",
            headers=coach.headers,
            json={"current_password": PASSWORD, "new_password": "a much longer new secret"},
        )
        assert changed.status_code == 204
        await _sent_to_sign_in(laptop)
        await _sent_to_sign_in(phone)
        assert (await own.get("/coach")).status_code == 200  # someone else's stays
        live = await pool.fetchval(
            "SELECT count(*) FROM page_session WHERE account_id = $1 AND revoked_at IS NULL",
            coach.account_id,
        )
        assert live == 0
        assert (await sign_in(laptop, coach.email, "a much longer new secret")).status_code == 303
        assert (await laptop.get("/coach")).status_code == 200


async def test_sign_in_never_keeps_a_session_the_browser_had_before(
    app: Any, pool: asyncpg.Pool, client: httpx.AsyncClient, coach: factories.User
) -> None:
    # A made-up cookie is not adopted: sign-in hands out its own token.
    made_up = "ops_" + "A" * 43
    async with page_client(app) as http:
        _use(http, made_up)
        token = await _signed_in(http, coach.email)
        assert token != made_up
    assert not await pool.fetchval(
        "SELECT count(*) FROM page_session WHERE id = $1", _hash(made_up)
    )
    # An attacker's own live session planted in the victim's browser is replaced, and ends.
    attacker = await factories.user(pool, client, coach.organisation_id, "jobcoach")
    async with page_client(app) as theirs, page_client(app) as victim:
        planted = await _signed_in(theirs, attacker.email)
        _use(victim, planted)
        assert (await victim.get("/coach")).status_code == 200  # it works until sign-in...
        mine = await _signed_in(victim, coach.email)
        assert mine != planted
        owner = await pool.fetchval(
            "SELECT account_id FROM page_session WHERE id = $1", _hash(mine)
        )
        assert owner == coach.account_id
        await _sent_to_sign_in(theirs)  # ...and not after it


async def test_unknown_malformed_or_switched_off_sessions_go_to_sign_in(
    app: Any, pool: asyncpg.Pool, coach: factories.User
) -> None:
    for value in ("ops_" + uuid.uuid4().hex, "not~a~session", "x" * 5000, ""):
        async with page_client(app) as http:
            _use(http, value)
            response = await http.get("/coach")
            assert response.status_code == 303
            assert response.headers["location"].startswith("/sign-in")
    async with page_client(app) as http:
        await _signed_in(http, coach.email)
        await pool.execute("UPDATE account SET active = false WHERE id = $1", coach.account_id)
        try:
            await _sent_to_sign_in(http)
        finally:
            await pool.execute("UPDATE account SET active = true WHERE id = $1", coach.account_id)


async def test_erasing_a_person_removes_their_page_sessions(
    app: Any, pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    async with page_client(app) as http:
        token = await _signed_in(http, s.person.email)
        assert (await http.get("/me")).status_code == 200
        erased = await client.delete(f"/api/v1/employees/{s.employee_id}", headers=s.admin.headers)
        assert erased.status_code == 204, erased.text
        gone = await pool.fetchval(
            "SELECT count(*) FROM page_session WHERE id = $1 OR account_id = $2",
            _hash(token),
            s.person.account_id,
        )
        assert gone == 0
        await _sent_to_sign_in(http, "/me")


async def test_retention_deletes_ended_sessions_and_keeps_live_ones(
    app: Any, pool: asyncpg.Pool, coach: factories.User
) -> None:
    tokens = {}
    for state in ("live", "expired", "idle", "revoked"):
        async with page_client(app) as http:
            tokens[state] = await _signed_in(http, coach.email)
    await _move(pool, tokens["expired"], expires_at=timedelta(seconds=1))
    await _move(pool, tokens["idle"], last_seen_at=timedelta(minutes=31))
    await pool.execute(
        "UPDATE page_session SET revoked_at = now() WHERE id = $1", _hash(tokens["revoked"])
    )
    # Rolled back afterwards: other tests' rows in this database are theirs.
    async with pool.acquire() as conn:
        transaction = conn.transaction()
        await transaction.start()
        try:
            now = await conn.fetchval("SELECT now()")
            removed = await retention.enforce(conn, now=now, periods=Periods(), batch_size=10_000)
            left = await conn.fetch(
                "SELECT id FROM page_session WHERE account_id = $1", coach.account_id
            )
        finally:
            await transaction.rollback()
    assert removed.page_sessions >= 3
    assert {r["id"] for r in left} == {_hash(tokens["live"])}
