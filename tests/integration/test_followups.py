"""Follow-up after a placement: the four moments a trial placement or hire creates, recording
them (and the 422s), the coach's reminder (domain, task and a real worker), the caseload's
overview, the placement tab, export and erasure."""

from __future__ import annotations

import asyncio
import subprocess
import time
import uuid
from datetime import timedelta
from typing import Any

import asyncpg
import httpx

from services.core.access.policy import Actor, Role
from services.core.caseload import service as caseload
from services.core.clock import today
from services.core.followup import repository, service
from services.core.notifications import service as notifications
from services.core.settings import Settings
from services.worker.app import create_celery
from tests import factories
from tests.browser.http import csrf_of, page_client, sign_in
from tests.factories import ok
from tests.integration.followup_world import decide, placed


def _actor(user: factories.User, role: Role) -> Actor:
    return Actor(user.account_id, user.organisation_id, "wise", role, "Test")


async def _moments(
    db: asyncpg.Pool | asyncpg.Connection, employee_id: object
) -> list[asyncpg.Record]:
    return list(
        await db.fetch(
            "SELECT * FROM placement_followup WHERE employee_id = $1 ORDER BY months",
            employee_id,
        )
    )


async def test_a_trial_placement_creates_four_moments_and_a_later_hire_keeps_them(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s, vacancy, trial = await placed(pool, client)
    moments = await _moments(pool, s.employee_id)
    assert [m["months"] for m in moments] == [1, 3, 6, 12]
    assert {m["decision_id"] for m in moments} == {uuid.UUID(trial["id"])}
    assert {m["vacancy_id"] for m in moments} == {uuid.UUID(vacancy)}
    assert all(m["recorded_at"] is None and m["reminded_at"] is None for m in moments)
    await decide(client, s, vacancy, "hired", s.employer)
    again = await _moments(pool, s.employee_id)
    assert [(m["id"], m["due_on"], m["decision_id"]) for m in again] == [
        (m["id"], m["due_on"], m["decision_id"]) for m in moments
    ]
    listed = await ok(
        await client.get(f"/api/v1/employees/{s.employee_id}/followups", headers=s.coach.headers)
    )
    (placement,) = listed["placements"]
    assert placement["status"] == "hired"
    assert placement["placed_on"] == today().isoformat()
    assert [f["months"] for f in placement["followups"]] == [1, 3, 6, 12]
    assert {f["state"] for f in placement["followups"]} == {"later"}


async def test_due_dates_are_months_after_the_decision_date_in_the_netherlands(
    conn: asyncpg.Connection, pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s, vacancy, _ = await placed(pool, client)
    other = await factories.employee(client, s.coach, name="Sam de Wit")
    cases = (
        # 23:30 UTC on 31 January is 1 February in Amsterdam.
        ("2026-01-31 23:30+00", ["2026-03-01", "2026-05-01", "2026-08-01", "2027-02-01"]),
        # The 31st plus a month is the last day of a shorter month.
        ("2026-01-31 12:00+00", ["2026-02-28", "2026-04-30", "2026-07-31", "2027-01-31"]),
    )
    for decided_at, expected in cases:
        await conn.execute("DELETE FROM placement_followup WHERE employee_id = $1", other["id"])
        decision = await conn.fetchval(
            "INSERT INTO placement_decision (employee_id, vacancy_id, decision, decided_role, "
            "decided_at) VALUES ($1, $2, 'hired', 'employer', $3::text::timestamptz) RETURNING id",
            uuid.UUID(other["id"]),
            uuid.UUID(vacancy),
            decided_at,
        )
        await repository.create_for_decision(conn, decision)
        due = await conn.fetch(
            "SELECT due_on FROM placement_followup WHERE employee_id = $1 ORDER BY months",
            uuid.UUID(other["id"]),
        )
        assert [r["due_on"].isoformat() for r in due] == expected


async def test_recording_a_moment_and_its_refusals(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s, _, _ = await placed(pool, client)
    first = (await _moments(pool, s.employee_id))[0]
    url = f"/api/v1/employees/{s.employee_id}/followups/{first['id']}"
    answers = {"still_working": True, "hours": 24, "satisfaction": 4, "support_needed": " Vaste "}
    early = await client.put(url, headers=s.coach.headers, json=answers)
    assert early.status_code == 422, early.text
    assert "due_on" in early.json()["fields"]
    # 14 days before the due date is the first day a visit may be recorded.
    await pool.execute(
        "UPDATE placement_followup SET due_on = $2 WHERE id = $1",
        first["id"],
        today() + timedelta(days=14),
    )
    for body, field in (
        ({"still_working": False, "hours": 12}, "hours"),
        ({"still_working": True, "satisfaction": 6}, "satisfaction"),
        ({"hours": 12}, "still_working"),
        ({"still_working": "ja"}, "still_working"),
        ({"still_working": True, "diagnosis": "x"}, "diagnosis"),
    ):
        refused = await client.put(url, headers=s.coach.headers, json=body)
        assert refused.status_code == 422, (body, refused.text)
        assert field in str(refused.json()["fields"]), (body, refused.text)
    recorded = await ok(await client.put(url, headers=s.coach.headers, json=answers))
    assert recorded["state"] == "recorded"
    assert (recorded["still_working"], recorded["hours"], recorded["satisfaction"]) == (True, 24, 4)
    assert recorded["support_needed"] == "Vaste"
    assert recorded["recorded_by"] == str(s.coach.account_id)
    # Recording again corrects the answers; someone who stopped may have 0 hours.
    corrected = await ok(
        await client.put(url, headers=s.admin.headers, json={"still_working": False, "hours": 0})
    )
    assert (corrected["still_working"], corrected["hours"], corrected["satisfaction"]) == (
        False,
        0,
        None,
    )
    assert corrected["recorded_by"] == str(s.admin.account_id)


async def test_who_may_read_and_record_follow_ups(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s, _, _ = await placed(pool, client)
    first = (await _moments(pool, s.employee_id))[0]
    await pool.execute(
        "UPDATE placement_followup SET due_on = $2 WHERE id = $1", first["id"], today()
    )
    colleague = await factories.user(pool, client, s.admin.organisation_id, "jobcoach")
    listed = f"/api/v1/employees/{s.employee_id}/followups"
    one = f"{listed}/{first['id']}"
    body = {"still_working": True}
    assert (await client.get(listed, headers=s.person.headers)).status_code == 200
    assert (await client.get(listed, headers=s.employer.headers)).status_code == 403
    assert (await client.get(listed, headers=colleague.headers)).status_code == 404
    assert (await client.put(one, headers=s.person.headers, json=body)).status_code == 403
    assert (await client.put(one, headers=s.employer.headers, json=body)).status_code == 403
    assert (await client.put(one, headers=colleague.headers, json=body)).status_code == 404
    other = await placed(pool, client)
    other_moment = (await _moments(pool, other[0].employee_id))[0]
    foreign = f"{listed}/{other_moment['id']}"
    assert (await client.put(foreign, headers=s.coach.headers, json=body)).status_code == 404
    await ok(await client.get(listed, headers=s.coach.headers))
    audited = await pool.fetchval(
        "SELECT count(*) FROM audit_log WHERE employee_id = $1 AND actor_id = $2 "
        "AND purpose = 'view_followups' AND 'placement_followup' = ANY(fields)",
        s.employee_id,
        s.coach.account_id,
    )
    assert audited == 1


async def test_the_reminder_goes_once_to_the_persons_own_jobcoach(
    conn: asyncpg.Connection, pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s, vacancy, _ = await placed(pool, client)
    b, vacancy_b, _ = await placed(pool, client)
    moments = {m["months"]: m for m in await _moments(conn, s.employee_id)}
    day = today()
    await conn.execute(
        "UPDATE placement_followup SET due_on = $2 WHERE employee_id = $1 AND months IN (1, 3)",
        s.employee_id,
        day - timedelta(days=1),
    )
    await conn.execute(
        "UPDATE placement_followup SET due_on = $2, still_working = true, recorded_at = now() "
        "WHERE employee_id = $1 AND months = 6",
        s.employee_id,
        day,
    )
    await conn.execute(
        "UPDATE placement_followup SET due_on = $2 WHERE employee_id = $1 AND months = 1",
        b.employee_id,
        day,
    )
    theirs = {m["months"]: m["id"] for m in await _moments(conn, b.employee_id)}
    mine = [moments[1]["id"], moments[3]["id"], *theirs.values()]
    assert await service.remind_due(conn, day) >= 3
    told = await conn.fetch(
        "SELECT account_id, employee_id, vacancy_id, data FROM notification "
        "WHERE kind = 'followup_due' AND employee_id = ANY($1::uuid[]) ORDER BY data ->> 'months'",
        [s.employee_id, b.employee_id],
    )
    assert sorted((r["account_id"], r["employee_id"], r["data"]["months"]) for r in told) == sorted(
        [
            (s.coach.account_id, s.employee_id, 1),
            (s.coach.account_id, s.employee_id, 3),
            (b.coach.account_id, b.employee_id, 1),
        ]
    )
    assert {str(r["vacancy_id"]) for r in told} == {vacancy, vacancy_b}
    reminded = await conn.fetch(
        "SELECT id FROM placement_followup WHERE id = ANY($1::uuid[]) AND reminded_at IS NOT NULL",
        mine,
    )
    assert {r["id"] for r in reminded} == {moments[1]["id"], moments[3]["id"], theirs[1]}
    # A second run reminds of nothing and writes nothing.
    assert await service.remind_due(conn, day) == 0
    again = await conn.fetchval(
        "SELECT count(*) FROM notification WHERE kind = 'followup_due' "
        "AND employee_id = ANY($1::uuid[])",
        [s.employee_id, b.employee_id],
    )
    assert again == 3
    feed = await notifications.feed(
        conn, _actor(s.coach, Role.JOBCOACH), unread_only=True, limit=10, offset=0, lang="nl"
    )
    texts = [(n.title, n.body) for n in feed.items if n.kind == "followup_due"]
    assert len(texts) == 2
    assert all("Noor Visser" in title for title, _ in texts)
    assert any("3 maanden" in body for _, body in texts)
    assert all("Plaatsing" in body for _, body in texts)


async def test_the_task_reminds_in_a_real_worker_and_a_second_run_sends_nothing(
    pool: asyncpg.Pool,
    client: httpx.AsyncClient,
    worker_settings: Settings,
    celery_worker: subprocess.Popen[bytes],
) -> None:
    s, _, _ = await placed(pool, client)
    first = (await _moments(pool, s.employee_id))[0]
    await pool.execute(
        "UPDATE placement_followup SET due_on = $2 WHERE id = $1", first["id"], today()
    )
    celery = create_celery(worker_settings)
    for run in range(2):  # a beat that fired twice
        celery.send_task("followups.remind_due")
        deadline = time.monotonic() + 60
        while not await pool.fetchval(
            "SELECT reminded_at FROM placement_followup WHERE id = $1", first["id"]
        ):
            assert time.monotonic() < deadline, "the worker did not remind the coach"
            assert celery_worker.poll() is None
            await asyncio.sleep(0.3)
        if run == 1:
            await asyncio.sleep(2)  # the second run has had time to (not) remind again
    told = await pool.fetch(
        "SELECT account_id FROM notification WHERE kind = 'followup_due' AND employee_id = $1",
        s.employee_id,
    )
    assert [r["account_id"] for r in told] == [s.coach.account_id]


async def test_the_caseload_and_the_placement_tab_show_what_is_due(
    app: Any, pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s, _, _ = await placed(pool, client)
    moments = await _moments(pool, s.employee_id)
    await pool.execute(
        "UPDATE placement_followup SET due_on = $2 WHERE id = $1",
        moments[0]["id"],
        today() - timedelta(days=3),
    )
    await pool.execute(
        "UPDATE placement_followup SET due_on = $2 WHERE id = $1",
        moments[1]["id"],
        today() + timedelta(days=10),
    )
    async with pool.acquire() as conn:
        overview = await caseload.overview(conn, _actor(s.coach, Role.JOBCOACH), 101)
    due = [(f.id, f.months, f.overdue) for f in overview.followups_due]
    assert due == [(moments[0]["id"], 1, True), (moments[1]["id"], 3, False)]
    assert overview.followups_total == 2
    async with page_client(app) as http:
        assert (await sign_in(http, s.coach.email)).status_code == 303
        home = await http.get("/coach")
        assert f"/coach/people/{s.employee_id}/placement#followup-{moments[0]['id']}" in home.text
        page = await http.get(f"/coach/people/{s.employee_id}/placement")
        assert page.status_code == 200
        assert page.text.count('action="/coach/people/') >= 4  # two moments, wage, register
        assert f'id="followup-{moments[3]["id"]}"' in page.text
        form = {"csrf_token": csrf_of(page.text), "still_working": "no", "hours": "8"}
        url = f"/coach/people/{s.employee_id}/placement/followups/{moments[0]['id']}"
        refused = await http.post(url, data=form)
        assert refused.status_code == 422
        assert "error-summary" in refused.text
        form["hours"] = ""
        saved = await http.post(url, data=form)
        assert saved.status_code == 303
        assert saved.headers["location"].endswith(f"#followup-{moments[0]['id']}")
    row = await pool.fetchrow(
        "SELECT still_working, hours, recorded_by FROM placement_followup WHERE id = $1",
        moments[0]["id"],
    )
    assert (row["still_working"], row["hours"], row["recorded_by"]) == (
        False,
        None,
        s.coach.account_id,
    )


async def test_follow_ups_are_exported_and_erased_with_the_person(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s, _, _ = await placed(pool, client)
    exported = await ok(
        await client.get(f"/api/v1/employees/{s.employee_id}/export", headers=s.person.headers)
    )
    assert [f["months"] for f in exported["placement_followups"]] == [1, 3, 6, 12]
    assert {f["vacancy_title"] for f in exported["placement_followups"]} != {None}
    await ok(await client.delete(f"/api/v1/employees/{s.employee_id}", headers=s.admin.headers))
    left = await pool.fetchval(
        "SELECT count(*) FROM placement_followup WHERE employee_id = $1", s.employee_id
    )
    assert left == 0
