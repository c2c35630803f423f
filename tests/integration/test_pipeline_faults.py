"""Fault drills (issue 6): real workers, relays, Redis and PostgreSQL, broken on purpose.

Each drill starts its own `opstap worker` and `opstap relay` on a queue of its own, builds its
own scene through the API, breaks something at a chosen moment and then checks that every
committed event was applied exactly once: one match per vacancy and person, one notification
for the person and one for the coach, one email each, one processing mark per handler.

Events that earlier test modules left unprocessed are parked (made due a day later) while a
drill runs and put back afterwards, so the drill's relay and worker deal with its own events only.
"""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import datetime
from typing import Any

import asyncpg
import httpx
import pytest
import redis

from services.core.settings import Settings
from tests.factories import draft, publish
from tests.faults import (
    Crew,
    CuttableProxy,
    Scene,
    ThrowawayRedis,
    build_scene,
    effects,
    emails_about,
    eventually,
    free_port,
    ok,
    once,
    outbox_since,
    postgres_target,
    published_event,
    publishing,
    queued_task_ids,
    retire_scene,
    settled,
    via_proxy,
)
from tests.receivers import SmtpReceiver

NOTHING = {"matches": {}, "notifications": [], "deliveries": [], "handled": []}

# A worker backend stuck behind another transaction's lock on the match table.
BLOCKED_ON_MATCH = """
SELECT pid, query FROM pg_stat_activity
WHERE datname = current_database() AND pid <> $1 AND wait_event_type = 'Lock'
"""

# The real relay's first half: claim and send inside the transaction, then die before COMMIT.
SEND_THEN_DIE = """
import asyncio, os, signal
from services.core import db
from services.core.events import repository as events
from services.core.settings import Settings
from services.worker.app import create_celery
from services.worker.relay import _send_all

async def main():
    settings = Settings()
    celery = create_celery(settings)
    pool = await db.create_pool(settings.database_url, min_size=1, max_size=1)
    async with db.transaction(pool) as conn:
        due = await events.claim_due(
            conn, limit=settings.relay_batch_size, lease_seconds=settings.outbox_lease_seconds
        )
        _send_all(celery, [row["id"] for row in due])
        backend = await conn.fetchval("SELECT pg_backend_pid()")
        print(backend, *[row["id"] for row in due], flush=True)
        os.kill(os.getpid(), signal.SIGKILL)

asyncio.run(main())
"""


@pytest.fixture(scope="module")
async def http(app: object) -> AsyncIterator[httpx.AsyncClient]:
    """The API in-process, on the session database."""
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://drill") as client:
        yield client


@pytest.fixture
async def scene(
    pool: asyncpg.Pool, http: httpx.AsyncClient, since: datetime
) -> AsyncIterator[Scene]:
    made = await build_scene(pool, http)
    yield made
    await retire_scene(pool, made)


@pytest.fixture
def throwaway_redis() -> Iterator[ThrowawayRedis]:
    server = ThrowawayRedis()
    server.start()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def pg_proxy(worker_settings: Settings) -> Iterator[CuttableProxy]:
    assert worker_settings.database_url
    proxy = CuttableProxy(postgres_target(worker_settings.database_url))
    proxy.start()
    try:
        yield proxy
    finally:
        proxy.close()


async def _barrier(pool: asyncpg.Pool) -> None:
    """Wait until an event written now is processed: with one worker process taking messages in
    order, everything queued before it has been handled by then."""
    event_id = await pool.fetchval(
        "INSERT INTO outbox_event (event_type, aggregate_type, aggregate_id) "
        "VALUES ('drill.barrier', 'drill', 'barrier') RETURNING id"
    )
    await eventually(
        lambda: pool.fetchval("SELECT processed_at FROM outbox_event WHERE id = $1", event_id),
        lambda at: at is not None,
        40,
        "the barrier event processed",
    )


def _assert_emailed_once(smtp: SmtpReceiver, scene: Scene, title: str) -> None:
    sent = smtp.messages
    assert emails_about(sent, scene.person.email, title) == 1
    assert emails_about(sent, scene.coach.email, title) == 1


def _starts(client: redis.Redis, event_id: uuid.UUID) -> int:
    """How often the worker started the event's first attempt (runtime.count_start's key)."""
    return int(client.get(f"opstap:task-starts:{event_id}:0") or 0)


async def _gone(pool: asyncpg.Pool, backend: int) -> None:
    """Wait until a PostgreSQL backend has ended (its open transaction rolled back)."""
    await eventually(
        lambda: pool.fetchval("SELECT count(*) FROM pg_stat_activity WHERE pid = $1", backend),
        lambda n: n == 0,
        30,
        f"backend {backend} of a killed process ending",
    )


async def test_a_worker_killed_in_the_middle_of_scoring_finishes_after_a_restart_once(
    pool: asyncpg.Pool,
    http: httpx.AsyncClient,
    since: datetime,
    scene: Scene,
    crew: Crew,
    redis_client: redis.Redis,
    smtp_receiver: SmtpReceiver,
) -> None:
    crew.start("relay")
    first = crew.start("worker", "--concurrency", "1")
    await settled(pool, since, within=60)  # the scene's own events: the worker is warm and idle
    title = f"Heftruckchauffeur {uuid.uuid4().hex[:6]}"
    async with pool.acquire() as blocker:
        # Holding the match table makes the worker stop exactly where it writes its scores,
        # after it has claimed the event for its handler in the same transaction.
        lock = blocker.transaction()
        await lock.start()
        try:
            await blocker.execute("LOCK TABLE match IN EXCLUSIVE MODE")
            vacancy = await publish(http, scene, title)
            event_id = await published_event(pool, vacancy)
            blocked = await eventually(
                lambda: pool.fetch(BLOCKED_ON_MATCH, blocker.get_server_pid()),
                lambda rows: len(rows) > 0,
                30,
                "the worker waiting on the match table",
            )
            crew.kill(first)
        finally:
            await lock.rollback()
    assert [r["query"].split()[:3] for r in blocked] == [["DELETE", "FROM", "match"]]
    assert first.returncode == -signal.SIGKILL
    await _gone(pool, blocked[0]["pid"])
    # Nothing of the interrupted run survived it.
    assert await effects(pool, vacancy, scene) == NOTHING
    assert (
        await pool.fetchval("SELECT processed_at FROM outbox_event WHERE id = $1", event_id) is None
    )
    assert _starts(redis_client, event_id) == 1

    second = crew.start("worker", "--concurrency", "1")
    await settled(pool, since)
    await _barrier(pool)
    assert await effects(pool, vacancy, scene) == once(scene)
    _assert_emailed_once(smtp_receiver, scene, title)
    # It was really run again, after the relay's lease ran out (the killed copy stays unacked).
    assert _starts(redis_client, event_id) >= 2
    assert await pool.fetchval("SELECT attempts FROM outbox_event WHERE id = $1", event_id) >= 2
    assert second.poll() is None


async def test_a_relay_killed_between_sending_and_committing_sends_again_and_applies_once(
    pool: asyncpg.Pool,
    http: httpx.AsyncClient,
    since: datetime,
    scene: Scene,
    crew: Crew,
    drill_settings: Settings,
    redis_client: redis.Redis,
    smtp_receiver: SmtpReceiver,
) -> None:
    title = f"Orderpicker {uuid.uuid4().hex[:6]}"
    vacancy = await publish(http, scene, title)
    event_id = await published_event(pool, vacancy)

    killed = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-c", SEND_THEN_DIE],
        env=crew.env,
        capture_output=True,
        timeout=60,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr.decode()
    backend, *sent = killed.stdout.decode().split()
    assert str(event_id) in sent
    await _gone(pool, int(backend))
    # Sent, but the claim was rolled back with the dead relay's transaction.
    row = await pool.fetchrow(
        "SELECT published_at, attempts FROM outbox_event WHERE id = $1", event_id
    )
    assert (row["published_at"], row["attempts"]) == (None, 0)
    queue = drill_settings.queue
    assert queued_task_ids(redis_client, queue).count(str(event_id)) == 1

    relay = crew.start("relay")
    await eventually(
        lambda: asyncio.to_thread(queued_task_ids, redis_client, queue),
        lambda ids: ids.count(str(event_id)) >= 2,
        30,
        "a second copy of the event, sent by a normal relay",
    )

    crew.start("worker", "--concurrency", "1")
    await settled(pool, since)
    await eventually(
        lambda: asyncio.to_thread(queued_task_ids, redis_client, queue),
        lambda ids: ids == [],
        30,
        "the worker taking every copy",
    )
    await _barrier(pool)
    assert _starts(redis_client, event_id) >= 2  # the worker ran it for each copy
    assert await effects(pool, vacancy, scene) == once(scene)
    _assert_emailed_once(smtp_receiver, scene, title)
    assert relay.poll() is None


async def test_events_in_flight_when_redis_loses_its_data_are_sent_again_and_applied_once(
    pool: asyncpg.Pool,
    http: httpx.AsyncClient,
    since: datetime,
    scene: Scene,
    throwaway_redis: ThrowawayRedis,
    crew: Crew,
    drill_settings: Settings,
    smtp_receiver: SmtpReceiver,
) -> None:
    crew.env["REDIS_URL"] = throwaway_redis.url
    titles = [f"Magazijnmedewerker {n} {uuid.uuid4().hex[:6]}" for n in range(3)]
    vacancies = [await publish(http, scene, title) for title in titles]
    written = await outbox_since(pool, since)
    assert written["events"] >= len(vacancies)

    relay = crew.start("relay")
    await eventually(
        lambda: outbox_since(pool, since),
        lambda c: c["unpublished"] == 0,
        30,
        "every event sent to Redis",
    )
    committed = {
        str(r["id"])
        for r in await pool.fetch("SELECT id FROM outbox_event WHERE created_at >= $1", since)
    }
    with throwaway_redis.client() as client:
        assert set(queued_task_ids(client, drill_settings.queue)) == committed
        client.set("drill:before-the-crash", 1)
    throwaway_redis.kill()
    throwaway_redis.start()
    with throwaway_redis.client() as client:
        assert client.exists("drill:before-the-crash") == 0  # everything it held is gone

    crew.start("worker", "--concurrency", "1")
    counts = await settled(pool, since, within=45)
    assert counts["events"] > len(committed)  # the handlers' deliveries were sent as well
    resent = await pool.fetchval(
        "SELECT count(*) FROM outbox_event WHERE id = ANY($1::uuid[]) AND attempts >= 2",
        [uuid.UUID(i) for i in committed],
    )
    assert resent == len(committed)
    await _barrier(pool)
    for vacancy, title in zip(vacancies, titles, strict=True):
        assert await effects(pool, vacancy, scene) == once(scene)
        _assert_emailed_once(smtp_receiver, scene, title)
    assert relay.poll() is None


async def _status(client: httpx.AsyncClient, path: str, **kwargs: Any) -> int:
    try:
        return (await client.get(path, **kwargs)).status_code
    except httpx.HTTPError:
        return 0


async def test_the_pipeline_rides_out_postgresql_being_unreachable(
    pool: asyncpg.Pool,
    http: httpx.AsyncClient,
    since: datetime,
    scene: Scene,
    pg_proxy: CuttableProxy,
    crew: Crew,
    drill_settings: Settings,
    smtp_receiver: SmtpReceiver,
) -> None:
    assert drill_settings.database_url
    crew.env["DATABASE_URL"] = via_proxy(drill_settings.database_url, pg_proxy.port)
    port = free_port()
    api = crew.start("api", OPSTAP_PORT=str(port), OPSTAP_SECRET_KEY=drill_settings.secret())
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=15) as remote:
        await eventually(lambda: _status(remote, "/ready"), lambda s: s == 200, 180, "api ready")
        worker = crew.start("worker", "--concurrency", "1")
        warm_up = crew.start("relay")
        await settled(pool, since, within=60)  # everyone now holds connections through the proxy
        crew.stop(warm_up)

        titles = [f"Schoonmaker {n} {uuid.uuid4().hex[:6]}" for n in range(3)]
        vacancies = [await publish(http, scene, title) for title in titles[:2]]
        vacancies.append(await draft(http, scene, titles[2]))
        assert (await outbox_since(pool, since))["unpublished"] == 2
        # The outage begins while the api commits a third publication: its COMMIT is on the
        # wire when the connections drop.
        pg_proxy.hold(b"COMMIT")
        async with httpx.AsyncClient(base_url=str(remote.base_url), timeout=15) as employer:
            answer = asyncio.create_task(publishing(employer, scene, vacancies[2]))
            await eventually(lambda: _held(pg_proxy), lambda n: n > 0, 10, "the api committing")
            dropped = pg_proxy.cut()
            cut_at = time.monotonic()
            third = await answer
        assert third.status_code in (200, 503), third.text
        assert dropped >= 2  # at least the api's and the worker's pooled connections
        relay = crew.start("relay")
        ready = await remote.get("/ready")
        assert ready.status_code == 503, ready.text
        assert ready.json()["checks"]["database"].startswith("unreachable")
        feed = await remote.get("/api/v1/notifications", headers=scene.person.headers)
        assert feed.status_code == 503, feed.text
        assert feed.json()["error"] == "unavailable"
        # The outage lasts a few seconds, with the relay trying to reach the database.
        await asyncio.sleep(max(0.0, 4.0 - (time.monotonic() - cut_at)))
        assert (await remote.get("/ready")).status_code == 503
        assert (await outbox_since(pool, since))["unpublished"] == 2
        assert [p.poll() for p in (api, worker, relay)] == [None, None, None]
        connected_before = pg_proxy.accepted

        pg_proxy.restore()
        await eventually(lambda: _status(remote, "/ready"), lambda s: s == 200, 30, "ready again")
        if third.status_code == 503:  # told it failed: the client tries again
            await ok(await publishing(remote, scene, vacancies[2]))
        await settled(pool, since)
        for vacancy, title in zip(vacancies[:2], titles[:2], strict=True):
            assert await effects(pool, vacancy, scene) == once(scene)
            _assert_emailed_once(smtp_receiver, scene, title)
        feed = await remote.get("/api/v1/notifications", headers=scene.person.headers)
        assert feed.status_code == 200
        assert pg_proxy.accepted > connected_before  # the processes came back through it
        assert [p.poll() for p in (api, worker, relay)] == [None, None, None]

        # What the api said about the third publication must be what happened.
        status = await pool.fetchval("SELECT status FROM vacancy WHERE id = $1", vacancies[2])
        assert status == "open", (
            f"the api answered {third.status_code} to publishing vacancy {vacancies[2]}, "
            f"yet it is {status!r} and no event was written: the answer left before the COMMIT"
        )
        assert await effects(pool, vacancies[2], scene) == once(scene)
        _assert_emailed_once(smtp_receiver, scene, titles[2])


async def _held(proxy: CuttableProxy) -> int:
    return proxy.held
