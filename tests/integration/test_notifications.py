"""Notifications end to end: API commit -> outbox -> relay -> real worker -> feed, email, webhook.

Everything runs for real: the API in-process, `opstap relay` and `opstap worker` as
subprocesses, a local SMTP server and a local webhook receiver.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, TypeVar

import asyncpg
import httpx
import pytest

from services.core.notifications import channels
from services.core.notifications import service as notifications
from services.core.settings import Settings
from services.worker.app import create_celery
from services.worker.dead_letters import replay
from tests import factories
from tests.receivers import SmtpReceiver, WebhookReceiver

T = TypeVar("T")


async def eventually(
    probe: Callable[[], Awaitable[T]], check: Callable[[T], bool], within: float = 30
) -> T:
    """Poll `probe` until `check` holds on its value; fail with the last value after `within`."""
    deadline = time.monotonic() + within
    while True:
        value = await probe()
        if check(value):
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"still {value!r} after {within} s")
        await asyncio.sleep(0.1)


Scene = factories.Scene
_ok = factories.ok


@pytest.fixture(scope="module")
async def app(settings: Settings) -> AsyncIterator[object]:
    """The API with webhooks to the local receiver allowed (development settings: plain http
    to 127.0.0.1), as the session's worker has them."""
    from services.api.app import create_app

    development = {"webhook_allow_http": True, "webhook_allow_private": True}
    application = create_app(settings.model_copy(update=development))
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture(scope="module")
async def http(app: object) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://n") as client:
        yield client


@pytest.fixture
async def scene(pool: asyncpg.Pool, http: httpx.AsyncClient) -> AsyncIterator[Scene]:
    """A fresh scene for each test, so counts are the test's own; afterwards its vacancies
    close and its person leaves matching, so they cannot show up in a later test's counts."""
    made = await factories.scene(pool, http)
    yield made
    await pool.execute(
        "UPDATE vacancy SET status = 'closed' WHERE organisation_id = $1", made.employer_org
    )
    await pool.execute(
        "UPDATE consent SET withdrawn_at = now() WHERE employee_id = $1", made.employee_id
    )


async def _publish(http: httpx.AsyncClient, scene: Scene, title: str, **extra: Any) -> str:
    return str(await factories.publish(http, scene, title, **extra))


async def _feed(http: httpx.AsyncClient, user: factories.User, **params: Any) -> dict[str, Any]:
    response = await http.get("/api/v1/notifications", headers=user.headers, params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _of_vacancy(feed: dict[str, Any], vacancy_id: str) -> list[dict[str, Any]]:
    return [n for n in feed["items"] if n["vacancy_id"] == vacancy_id]


async def _settled(pool: asyncpg.Pool) -> None:
    """Wait until the outbox has nothing due left (retries scheduled later excepted)."""
    await eventually(
        lambda: pool.fetchval(
            "SELECT count(*) FROM outbox_event WHERE processed_at IS NULL AND dead_at IS NULL "
            "AND available_at <= now()"
        ),
        lambda n: n == 0,
    )


async def test_publishing_a_fitting_vacancy_tells_the_person_and_the_coach_once(
    pool: asyncpg.Pool,
    http: httpx.AsyncClient,
    scene: Scene,
    celery_worker: subprocess.Popen[bytes],
    relay: subprocess.Popen[bytes],
    smtp_receiver: SmtpReceiver,
) -> None:
    vacancy = await _publish(http, scene, "Magazijnmedewerker")

    mine = await eventually(
        lambda: _feed(http, scene.person), lambda f: bool(_of_vacancy(f, vacancy))
    )
    coach = await eventually(
        lambda: _feed(http, scene.coach), lambda f: bool(_of_vacancy(f, vacancy))
    )
    # Changing the vacancy rescores it: the same match must not be announced again.
    await _ok(
        await http.patch(
            f"/api/v1/vacancies/{vacancy}", headers=scene.employer.headers, json={"places": 2}
        )
    )
    await _settled(pool)
    mine, coach = await _feed(http, scene.person), await _feed(http, scene.coach)
    assert [n["kind"] for n in _of_vacancy(mine, vacancy)] == ["match_found"]
    assert [n["kind"] for n in _of_vacancy(coach, vacancy)] == ["caseload_match"]
    told = _of_vacancy(mine, vacancy)[0]
    assert "Magazijnmedewerker" in told["title"] and "Je kunt al 5 van de 5" in told["body"]
    assert told["data"]["score"] >= 60
    english = _of_vacancy(await _feed(http, scene.person, lang="en"), vacancy)[0]
    assert "You can already do 5 of the 5" in english["body"]
    assert "Noor Visser" in _of_vacancy(coach, vacancy)[0]["title"]
    # Nobody else hears of it: the employer has no consent to see this person.
    assert _of_vacancy(await _feed(http, scene.employer), vacancy) == []
    # Email is on by default: one message each, in Dutch, to the right people.
    await eventually(
        lambda: _to_thread(lambda: [m.to for m in smtp_receiver.messages]),
        lambda to: scene.person.email in to and scene.coach.email in to,
    )
    subjects = [m.subject for m in smtp_receiver.messages if m.to == scene.person.email]
    assert subjects == ["Werk dat bij je past: Magazijnmedewerker"]


async def _to_thread(fn: Callable[[], T]) -> T:
    return await asyncio.to_thread(fn)


async def test_the_employer_hears_only_of_candidates_who_share_their_profile(
    pool: asyncpg.Pool,
    http: httpx.AsyncClient,
    scene: Scene,
    celery_worker: subprocess.Popen[bytes],
    relay: subprocess.Popen[bytes],
) -> None:
    await _ok(
        await http.post(
            f"/api/v1/employees/{scene.employee_id}/consents",
            headers=scene.coach.headers,
            json={"purpose": "share_with_employer", "employer_id": str(scene.employer_org)},
        )
    )
    vacancy = await _publish(http, scene, "Schoonmaker")
    feed = await eventually(
        lambda: _feed(http, scene.employer), lambda f: bool(_of_vacancy(f, vacancy))
    )
    told = _of_vacancy(feed, vacancy)
    assert [n["kind"] for n in told] == ["candidate_found"]
    assert "Noor" not in told[0]["title"] + told[0]["body"]  # no name in the message
    assert "learn" not in told[0]["data"]


async def test_closing_a_vacancy_tells_those_it_was_suggested_to(
    pool: asyncpg.Pool,
    http: httpx.AsyncClient,
    scene: Scene,
    celery_worker: subprocess.Popen[bytes],
    relay: subprocess.Popen[bytes],
) -> None:
    vacancy = await _publish(http, scene, "Productiemedewerker")
    await eventually(lambda: _feed(http, scene.person), lambda f: bool(_of_vacancy(f, vacancy)))
    await _ok(await http.post(f"/api/v1/vacancies/{vacancy}/fill", headers=scene.employer.headers))
    mine = await eventually(
        lambda: _feed(http, scene.person),
        lambda f: any(n["kind"] == "vacancy_closed" for n in _of_vacancy(f, vacancy)),
    )
    closed = next(n for n in _of_vacancy(mine, vacancy) if n["kind"] == "vacancy_closed")
    assert "heeft iemand gevonden" in closed["body"] and "We zoeken verder" in closed["body"]
    coach = await eventually(
        lambda: _feed(http, scene.coach),
        lambda f: any(n["kind"] == "vacancy_closed" for n in _of_vacancy(f, vacancy)),
    )
    assert (
        "Noor Visser"
        in next(n for n in _of_vacancy(coach, vacancy) if n["kind"] == "vacancy_closed")["body"]
    )
    matches = await pool.fetchval("SELECT count(*) FROM match WHERE vacancy_id = $1", vacancy)
    assert matches == 0


async def test_the_feed_is_your_own_and_can_be_marked_read(
    pool: asyncpg.Pool, http: httpx.AsyncClient, scene: Scene
) -> None:
    reader, other = scene.admin, scene.employer  # accounts no match will ever notify here
    ids = [
        await pool.fetchval(
            "INSERT INTO notification (account_id, kind, dedupe_key, data) "
            "VALUES ($1, 'match_found', $2, '{}') RETURNING id",
            reader.account_id,
            f"test:{n}",
        )
        for n in range(3)
    ]
    count = await http.get("/api/v1/notifications/unread-count", headers=reader.headers)
    assert count.json() == {"unread": 3}
    read = await http.post(
        f"/api/v1/notifications/{ids[0]}/read", headers=reader.headers, params={"lang": "en"}
    )
    assert read.status_code == 200 and read.json()["read_at"] is not None
    assert read.json()["title"].startswith("Work that fits you")
    # Someone else's notification is not found, and stays unread.
    elsewhere = await http.post(f"/api/v1/notifications/{ids[1]}/read", headers=other.headers)
    assert elsewhere.status_code == 404
    unread = await _feed(http, reader, unread="true")
    assert {n["id"] for n in unread["items"]} == {str(ids[1]), str(ids[2])}
    assert unread["unread"] == 2 and unread["total"] == 2
    everything = await _feed(http, reader, limit=2)
    assert everything["total"] == 3 and len(everything["items"]) == 2
    done = await http.post("/api/v1/notifications/read-all", headers=reader.headers)
    assert done.json() == {"updated": 2}
    assert (await _feed(http, reader))["unread"] == 0
    assert (await _feed(http, other))["total"] == 0
    bad = await http.get("/api/v1/notifications", headers=reader.headers, params={"limit": 0})
    assert bad.status_code == 422 and "limit" in bad.text


async def test_preferences_are_stored_and_bad_ones_are_refused(
    http: httpx.AsyncClient, scene: Scene
) -> None:
    url = "/api/v1/notifications/preferences"
    assert (await http.get(url, headers=scene.person.headers)).json() == {
        "email": "instant",
        "webhook": False,
        "language": "nl",
    }
    chosen = {"email": "digest", "webhook": True, "language": "en"}
    assert (await http.put(url, headers=scene.person.headers, json=chosen)).json() == chosen
    bad = await http.put(url, headers=scene.person.headers, json={**chosen, "email": "often"})
    assert bad.status_code == 422 and "email" in bad.text
    assert (await http.get(url, headers=scene.person.headers)).json() == chosen
    # The language choice is the feed's default language.
    feed = await _feed(http, scene.person)
    assert feed["items"] == [] or feed["items"][0]["title"].isascii()


async def _webhook_for(
    http: httpx.AsyncClient, scene: Scene, receiver: WebhookReceiver
) -> dict[str, Any]:
    hook = await _ok(
        await http.post("/api/v1/webhooks", headers=scene.admin.headers, json={"url": receiver.url})
    )
    await _ok(
        await http.put(
            "/api/v1/notifications/preferences",
            headers=scene.coach.headers,
            json={"email": "off", "webhook": True, "language": "en"},
        )
    )
    return dict(hook)


async def test_a_webhook_that_fails_three_times_gets_the_notification_once_signed(
    pool: asyncpg.Pool,
    http: httpx.AsyncClient,
    scene: Scene,
    celery_worker: subprocess.Popen[bytes],
    relay: subprocess.Popen[bytes],
    webhook_receiver: WebhookReceiver,
) -> None:
    hook = await _webhook_for(http, scene, webhook_receiver)
    webhook_receiver.fail_next(3, status=503)
    vacancy = await _publish(http, scene, "Kok")
    [received] = await asyncio.to_thread(webhook_receiver.wait_for, 1, 30.0)
    await asyncio.sleep(1.5)  # room for a wrong second delivery to show up
    assert len(webhook_receiver.requests) == 1
    assert [r.status for r in webhook_receiver.attempts] == [503, 503, 503, 204]
    timestamp = int(received.header("Opstap-Timestamp") or 0)
    signature = (received.header("Opstap-Signature") or "").removeprefix("v1=")
    assert channels.verify(hook["secret"], timestamp, received.body, signature)
    assert not channels.verify("whsec_wrong", timestamp, received.body, signature)
    document = json.loads(received.body)
    assert document["type"] == "notification.caseload_match"
    assert document["notification"]["vacancy_id"] == vacancy
    assert document["notification"]["title"].startswith("New match for Noor Visser")
    assert received.header("Opstap-Delivery-Id") == document["delivery_id"]
    row = await pool.fetchrow(
        "SELECT status, attempts FROM delivery WHERE id = $1", uuid.UUID(document["delivery_id"])
    )
    assert (row["status"], row["attempts"]) == ("sent", 4)
    state = await pool.fetchrow(
        "SELECT enabled, consecutive_failures FROM webhook WHERE id = $1", uuid.UUID(hook["id"])
    )
    assert (state["enabled"], state["consecutive_failures"]) == (True, 0)


async def test_a_failing_webhook_is_switched_off_and_an_admin_switches_it_on(
    pool: asyncpg.Pool,
    http: httpx.AsyncClient,
    scene: Scene,
    celery_worker: subprocess.Popen[bytes],
    relay: subprocess.Popen[bytes],
    webhook_receiver: WebhookReceiver,
) -> None:
    hook = await _webhook_for(http, scene, webhook_receiver)
    webhook_receiver.fail_next(50, status=500)
    await _publish(http, scene, "Tuinman")
    listed = await eventually(
        lambda: http.get("/api/v1/webhooks", headers=scene.admin.headers),
        lambda r: r.json()[0]["enabled"] is False,
    )
    assert listed.json()[0]["consecutive_failures"] == 5
    assert listed.json()[0]["disabled_at"] is not None
    await _settled(pool)
    attempts = len(webhook_receiver.attempts)
    assert attempts == 5  # switched off: no more calls
    elsewhere = await http.post(
        f"/api/v1/webhooks/{hook['id']}/enable", headers=scene.employer.headers
    )
    assert elsewhere.status_code == 404  # another organisation's webhook
    not_admin = await http.post(
        f"/api/v1/webhooks/{hook['id']}/enable", headers=scene.coach.headers
    )
    assert not_admin.status_code == 403
    enabled = await http.post(f"/api/v1/webhooks/{hook['id']}/enable", headers=scene.admin.headers)
    assert enabled.status_code == 200, enabled.text
    assert enabled.json()["enabled"] is True and enabled.json()["consecutive_failures"] == 0


async def test_a_delivery_refused_for_good_becomes_a_dead_letter_and_can_be_replayed(
    pool: asyncpg.Pool,
    http: httpx.AsyncClient,
    scene: Scene,
    worker_settings: Settings,
    celery_worker: subprocess.Popen[bytes],
    relay: subprocess.Popen[bytes],
    webhook_receiver: WebhookReceiver,
) -> None:
    await _webhook_for(http, scene, webhook_receiver)
    webhook_receiver.fail_next(1, status=410)  # permanent: no retry
    await _publish(http, scene, "Fietsenmaker")
    delivery = await eventually(
        lambda: pool.fetchrow(
            "SELECT d.id, d.status, d.attempts FROM delivery d "
            "JOIN webhook w ON w.id = d.webhook_id WHERE w.organisation_id = $1",
            scene.admin.organisation_id,
        ),
        lambda r: r is not None and r["status"] == "failed",
    )
    assert delivery["attempts"] == 1
    dead = await pool.fetchrow(
        "SELECT id, task_name, error FROM dead_letter WHERE task_id = $1 AND replayed_at IS NULL",
        str(delivery["id"]),
    )
    assert dead["task_name"] == "notifications.delivery" and "410" in dead["error"]
    async with pool.acquire() as conn, conn.transaction():
        what = await replay(conn, create_celery(worker_settings), dead["id"])
    assert "pending again" in what
    await asyncio.to_thread(webhook_receiver.wait_for, 1, 30.0)
    await eventually(
        lambda: pool.fetchval("SELECT status FROM delivery WHERE id = $1", delivery["id"]),
        lambda status: status == "sent",
    )
    assert len(webhook_receiver.requests) == 1


async def test_an_event_that_cannot_be_handled_becomes_a_dead_letter_not_a_loop(
    pool: asyncpg.Pool,
    redis_client: Any,
    celery_worker: subprocess.Popen[bytes],
    relay: subprocess.Popen[bytes],
) -> None:
    broken = await pool.fetchval(
        "INSERT INTO outbox_event (event_type, aggregate_type, aggregate_id) "
        "VALUES ('delivery.requested', 'delivery', 'not-a-uuid') RETURNING id"
    )
    row = await eventually(
        lambda: pool.fetchrow(
            "SELECT dead_at, attempts, processed_at FROM outbox_event WHERE id = $1", broken
        ),
        lambda r: r["dead_at"] is not None,
    )
    assert row["processed_at"] is None and row["attempts"] == 1
    error = await pool.fetchval("SELECT error FROM dead_letter WHERE task_id = $1", str(broken))
    assert error.startswith("ValueError")
    # A message that kills its worker looks like this in Redis: the same attempt started again
    # and again. The next start is refused and the event is given up on without running it.
    looping = uuid.uuid4()
    redis_client.set(f"opstap:task-starts:{looping}:0", 3)
    await pool.execute(
        "INSERT INTO outbox_event (id, event_type, aggregate_type, aggregate_id) "
        "VALUES ($1, 'employee.profile_updated', 'employee', $2)",
        looping,
        str(uuid.uuid4()),
    )
    await eventually(
        lambda: pool.fetchval("SELECT dead_at FROM outbox_event WHERE id = $1", looping),
        lambda dead_at: dead_at is not None,
    )
    error = await pool.fetchval("SELECT error FROM dead_letter WHERE task_id = $1", str(looping))
    assert "started 4 times" in error
    ready_outbox = await pool.fetchval(
        "SELECT count(*) FROM outbox_event WHERE dead_at IS NOT NULL"
    )
    assert ready_outbox >= 2


async def test_the_weekly_digest_goes_out_once(
    pool: asyncpg.Pool,
    http: httpx.AsyncClient,
    scene: Scene,
    worker_settings: Settings,
    celery_worker: subprocess.Popen[bytes],
    relay: subprocess.Popen[bytes],
    smtp_receiver: SmtpReceiver,
) -> None:
    await pool.execute(
        "INSERT INTO notification (account_id, kind, dedupe_key, data, created_at) "
        "VALUES ($1, 'match_found', 'digest:1', '{}', now() - interval '7 days')",
        scene.coach.account_id,
    )
    for _ in range(2):  # asked twice, as a beat that fired twice would
        await pool.execute(
            "INSERT INTO outbox_event (event_type, aggregate_type, aggregate_id) "
            "VALUES ('digest.due', 'account', $1)",
            str(scene.coach.account_id),
        )
    await _settled(pool)
    digests = [
        m for m in smtp_receiver.messages if m.to == scene.coach.email and "Je week" in m.subject
    ]
    assert len(digests) == 1
    assert "Werk dat bij je past" in digests[0].text


async def test_a_step_up_is_announced_from_a_lower_score_than_the_same_rung(
    conn: asyncpg.Connection, scene: Scene, settings: Settings
) -> None:
    # Vacancies made in this test's transaction: no worker sees them, so no race.
    vacancies = {}
    for title, kind, rung in (
        ("Inpakker", "work_experience", 4),
        ("Monteur", "wise_paid", 5),
        ("Teamleider", "regular", 6),
    ):
        vacancies[title] = await factories.vacancy_row(
            conn,
            scene.employer_org,
            scene.occupation,
            title=title,
            contract_kind=kind,
            ladder_rung=rung,
            hours_min=20,
            hours_max=24,
            status="open",
        )
    person = scene.employee_id
    await conn.execute("UPDATE employee SET ladder_rung = 4 WHERE id = $1", person)
    explanation = json.dumps({"matched": [], "related": [], "missing_essential": []})
    for title, score in (("Inpakker", 55), ("Monteur", 55), ("Teamleider", 59)):
        await conn.execute(
            "INSERT INTO match (vacancy_id, employee_id, score, explanation, model_version) "
            "VALUES ($1, $2, $3, $4::text::jsonb, 'test')",
            vacancies[title],
            person,
            score,
            explanation,
        )
    made = await notifications.notify_matches(conn, settings, employee_ids=[person])
    told = await conn.fetch(
        "SELECT vacancy_id, data FROM notification WHERE account_id = $1 "
        "AND vacancy_id = ANY($2::uuid[])",
        scene.person.account_id,
        list(vacancies.values()),
    )
    assert [r["vacancy_id"] for r in told] == [vacancies["Monteur"]]
    assert told[0]["data"]["step_up"] is True and told[0]["data"]["score"] == 55
    assert made == 2  # the person and their coach
    assert await notifications.notify_matches(conn, settings, employee_ids=[person]) == 0
