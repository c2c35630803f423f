"""Sign-in under load and abuse: argon2 off the event loop, and limits per email, per client
address and for everyone, counted in Redis under keys that hold no email."""

from __future__ import annotations

import asyncio
import random
import statistics
import threading
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any

import asyncpg
import httpx
import redis

from services.core import ratelimit, security
from services.core.settings import Settings
from tests import factories
from tests.factories import PASSWORD


@contextmanager
def limits(app: Any, **values: int) -> Iterator[Settings]:
    """The app's settings with some limits changed, for the duration of a test."""
    before: Settings = app.state.settings
    app.state.settings = before.model_copy(update=values)
    try:
        yield app.state.settings
    finally:
        app.state.settings = before


@asynccontextmanager
async def client_at(app: Any, address: str | None = None) -> AsyncIterator[httpx.AsyncClient]:
    """A client whose requests come from `address` (by default one of its own, so failures
    of other tests and of parallel sessions, all from 127.0.0.1, do not count here)."""
    address = (
        address or f"10.{random.randrange(256)}.{random.randrange(256)}.{random.randrange(1, 255)}"
    )
    transport = httpx.ASGITransport(app=app, client=(address, 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://opstap.test") as http:
        yield http


async def _try(http: httpx.AsyncClient, email: str, password: str = "not the password") -> Any:
    return await http.post("/api/v1/auth/token", data={"username": email, "password": password})


def _unknown_email() -> str:
    return f"nobody-{uuid.uuid4().hex[:10]}@example.org"


async def test_sixteen_parallel_sign_ins_leave_health_answering(
    pool: asyncpg.Pool, app: Any, client: httpx.AsyncClient
) -> None:
    org = await factories.organisation(pool)
    users = [await factories.user(pool, client, org, "jobcoach") for _ in range(16)]
    latencies: list[float] = []
    done = asyncio.Event()

    async def probe() -> None:
        while not done.is_set():
            started = time.perf_counter()
            assert (await client.get("/health")).status_code == 200
            latencies.append(time.perf_counter() - started)
            await asyncio.sleep(0.01)

    prober = asyncio.create_task(probe())
    answers = await asyncio.gather(*(_try(client, u.email, PASSWORD) for u in users))
    done.set()
    await prober
    assert [a.status_code for a in answers] == [200] * 16
    assert latencies
    # The hashing ran in the pool of its own threads, not on the event loop.
    assert any(t.name.startswith("argon2") for t in threading.enumerate())
    # Reported, not asserted: timing on a shared machine is not a test.
    print(
        f"/health during 16 sign-ins: n={len(latencies)} "
        f"median={statistics.median(latencies) * 1000:.1f}ms max={max(latencies) * 1000:.1f}ms"
    )


async def test_many_unknown_emails_from_one_address_are_refused_with_429(app: Any) -> None:
    with limits(app, login_address_attempts=5):
        async with client_at(app) as http, client_at(app) as elsewhere:
            answers = [await _try(http, _unknown_email()) for _ in range(8)]
            assert [a.status_code for a in answers] == [401] * 5 + [429] * 3
            refused = answers[-1]
            assert refused.json()["error"] == "too_many_requests"
            assert "Too many failed sign-ins from your address" in refused.json()["detail"]
            assert 0 < int(refused.headers["retry-after"]) <= 900
            # Another address is not held back by this one's failures.
            assert (await _try(elsewhere, _unknown_email())).status_code == 401


async def test_a_right_password_does_not_clear_an_addresss_failures(
    pool: asyncpg.Pool, app: Any, client: httpx.AsyncClient
) -> None:
    org = await factories.organisation(pool)
    coach = await factories.user(pool, client, org, "jobcoach")
    with limits(app, login_address_attempts=3):
        async with client_at(app) as http:
            for _ in range(2):
                assert (await _try(http, _unknown_email())).status_code == 401
            assert (await _try(http, coach.email, PASSWORD)).status_code == 200
            assert (await _try(http, _unknown_email())).status_code == 401
            assert (await _try(http, coach.email, PASSWORD)).status_code == 429


async def test_the_per_email_limit_still_holds_from_many_addresses(
    pool: asyncpg.Pool, app: Any, client: httpx.AsyncClient
) -> None:
    org = await factories.organisation(pool)
    coach = await factories.user(pool, client, org, "jobcoach")
    for _ in range(5):
        async with client_at(app) as http:
            assert (await _try(http, coach.email)).status_code == 401
    async with client_at(app) as http:
        blocked = await _try(http, coach.email, PASSWORD)
        assert blocked.status_code == 429
        assert "for this email" in blocked.json()["detail"]
        assert int(blocked.headers["retry-after"]) > 0
        # Another email from the same address still gets its answer.
        assert (await _try(http, _unknown_email())).status_code == 401


async def test_the_global_limit_refuses_sign_ins_from_everyone(
    pool: asyncpg.Pool, app: Any, client: httpx.AsyncClient
) -> None:
    org = await factories.organisation(pool)
    coach = await factories.user(pool, client, org, "jobcoach")
    limit = 3
    with limits(app, login_global_attempts=limit):
        codes = []
        # The global counter is shared with any session running beside this one and its
        # window may roll over once meanwhile: within 2 * limit + 1 attempts one is refused.
        for _ in range(2 * limit + 1):
            async with client_at(app) as http:
                answer = await _try(http, coach.email, PASSWORD)
            codes.append(answer.status_code)
            if answer.status_code == 429:
                assert "Too many sign-ins at the moment" in answer.json()["detail"]
                assert 0 < int(answer.headers["retry-after"]) <= 60
                break
        assert codes[-1] == 429, codes


async def test_the_counters_in_redis_hold_no_email(
    app: Any, settings: Settings, redis_client: redis.Redis
) -> None:
    email = _unknown_email()
    async with client_at(app) as http:
        assert (await _try(http, email)).status_code == 401
    keys = [k.decode() for k in redis_client.scan_iter(match="opstap:*", count=1000)]
    local = email.split("@")[0]
    assert keys and not [k for k in keys if local in k or "@" in k]
    expected = ratelimit.counter_key(settings.secret(), "login-email", email)
    assert redis_client.get(expected) == b"1"


async def test_a_page_sign_in_over_the_limit_says_when_to_try_again(app: Any) -> None:
    from tests.browser.http import csrf_of

    with limits(app, login_address_attempts=2):
        async with client_at(app) as http:
            for expected in (422, 422, 429):
                form = await http.get("/sign-in")
                data = {
                    "csrf_token": csrf_of(form.text),
                    "email": _unknown_email(),
                    "password": "not the password",
                }
                answer = await http.post("/sign-in", data=data)
                assert answer.status_code == expected, answer.text
            assert int(answer.headers["retry-after"]) > 0


async def test_hashing_off_the_loop_gives_the_same_answers() -> None:
    hashed = await security.hash_password_off_loop(PASSWORD)
    assert await security.verify_password_off_loop(hashed, PASSWORD)
    assert not await security.verify_password_off_loop(hashed, "another password")
    assert not await security.verify_password_off_loop(None, PASSWORD)
