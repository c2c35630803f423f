"""The ladder over time: every rung change is recorded with its date and who decided, through
the employee record and as a dated move; the person reads their own; employers read nothing."""

from __future__ import annotations

from datetime import date, timedelta

import asyncpg
import httpx

from services.core.clock import today
from services.core.ladder.service import months_between
from tests import factories
from tests.browser.http import page_client, sign_in, submit
from tests.factories import Scene, ok


def _url(s: Scene) -> str:
    return f"/api/v1/employees/{s.employee_id}/ladder"


async def _backdate(pool: asyncpg.Pool, s: Scene, day: date) -> None:
    """Put the person's recorded history back to `day` (as if recorded then)."""
    await pool.execute(
        "UPDATE ladder_change SET changed_on = $2 WHERE employee_id = $1", s.employee_id, day
    )


async def test_creating_a_person_records_their_first_rung_with_who_decided(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    history = await ok(await client.get(_url(s), headers=s.coach.headers))
    assert history["current_rung"] == 5
    [first] = history["changes"]
    assert first["rung"] == 5 and first["previous_rung"] is None
    assert first["changed_on"] == today().isoformat()
    assert first["decided_by"] == str(s.coach.account_id)
    assert first["decided_role"] == "jobcoach"
    assert history["on_rung_since"] == today().isoformat()
    assert history["months_on_rung"] == 0


async def test_a_rung_change_through_patch_records_a_row_with_previous_rung_and_who(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    person = f"/api/v1/employees/{s.employee_id}"
    await ok(await client.patch(person, headers=s.admin.headers, json={"ladder_rung": 6}))
    # A patch that leaves the rung as it is records nothing.
    await ok(await client.patch(person, headers=s.admin.headers, json={"ladder_rung": 6}))
    await ok(await client.patch(person, headers=s.coach.headers, json={"max_travel_km": 9}))
    history = await ok(await client.get(_url(s), headers=s.admin.headers))
    assert [(c["previous_rung"], c["rung"]) for c in history["changes"]] == [(None, 5), (5, 6)]
    moved = history["changes"][-1]
    assert moved["decided_by"] == str(s.admin.account_id)
    assert moved["decided_role"] == "admin"
    assert moved["decided_by_name"]
    assert history["current_rung"] == 6


async def test_a_recorded_move_has_its_date_and_note_and_updates_the_record(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    await _backdate(pool, s, date(2025, 1, 10))
    body = {"rung": 4, "changed_on": "2025-06-02", "note": "Meer uren in de kantine."}
    made = await client.post(_url(s), headers=s.coach.headers, json=body)
    assert made.status_code == 201, made.text
    change = made.json()
    assert (change["previous_rung"], change["rung"]) == (5, 4)
    assert change["changed_on"] == "2025-06-02" and change["note"] == "Meer uren in de kantine."
    assert change["decided_by"] == str(s.coach.account_id)
    record = await ok(
        await client.get(f"/api/v1/employees/{s.employee_id}", headers=s.coach.headers)
    )
    assert record["ladder_rung"] == 4
    # The same day as the newest move is allowed (a correction made that day).
    again = {"rung": 5, "changed_on": "2025-06-02"}
    assert (await client.post(_url(s), headers=s.admin.headers, json=again)).status_code == 201
    history = await ok(await client.get(_url(s), headers=s.person.headers))
    assert [c["rung"] for c in history["changes"]] == [5, 4, 5]
    assert history["on_rung_since"] == "2025-06-02"
    assert history["months_on_rung"] >= 17
    # The change is a fact for the matcher: the record's event is in the outbox.
    fields = await pool.fetch(
        "SELECT payload FROM outbox_event WHERE aggregate_id = $1 "
        "AND event_type = 'employee.profile_updated'",
        str(s.employee_id),
    )
    assert len(fields) == 2


async def test_a_move_in_the_future_before_the_newest_or_to_the_same_rung_is_422(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    await _backdate(pool, s, date(2025, 3, 1))
    tomorrow = (today() + timedelta(days=1)).isoformat()
    cases = [
        ({"rung": 4, "changed_on": tomorrow}, {"changed_on"}, "future"),
        ({"rung": 4, "changed_on": "2025-02-28"}, {"changed_on"}, "2025-03-01"),
        ({"rung": 5, "changed_on": "2025-04-01"}, {"rung"}, "already"),
        ({"rung": 5, "changed_on": tomorrow}, {"rung", "changed_on"}, "future"),
        ({"rung": 7, "changed_on": "2025-04-01"}, {"rung"}, ""),
        ({"rung": 4, "changed_on": "not a date"}, {"changed_on"}, ""),
        ({"rung": 4, "changed_on": "2025-04-01", "note": "x" * 501}, {"note"}, ""),
    ]
    for body, wrong, word in cases:
        refused = await client.post(_url(s), headers=s.coach.headers, json=body)
        assert refused.status_code == 422, (body, refused.text)
        fields = refused.json()["fields"]
        assert set(fields) == wrong, (body, fields)
        assert word in " ".join(str(v) for v in fields.values()), (body, fields)
    history = await ok(await client.get(_url(s), headers=s.coach.headers))
    assert len(history["changes"]) == 1


async def test_the_person_reads_their_own_line_and_may_not_write_it(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    own = await client.get(_url(s), headers=s.person.headers)
    assert own.status_code == 200 and own.json()["current_rung"] == 5
    body = {"rung": 6, "changed_on": today().isoformat()}
    assert (await client.post(_url(s), headers=s.person.headers, json=body)).status_code == 403


async def test_an_employer_reads_no_ladder_even_when_the_profile_is_shared(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    assert (await client.get(_url(s), headers=s.employer.headers)).status_code == 404
    share = {"purpose": "share_with_employer", "employer_id": str(s.employer_org)}
    await ok(
        await client.post(
            f"/api/v1/employees/{s.employee_id}/consents", headers=s.coach.headers, json=share
        )
    )
    assert (await client.get(_url(s), headers=s.employer.headers)).status_code == 403
    body = {"rung": 6, "changed_on": today().isoformat()}
    assert (await client.post(_url(s), headers=s.employer.headers, json=body)).status_code == 403


async def test_the_ladder_is_exported_and_erased_with_the_person(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    await _backdate(pool, s, date(2025, 1, 10))
    note = {"rung": 6, "changed_on": "2025-09-01", "note": "Vaste baan gevonden."}
    await ok(await client.post(_url(s), headers=s.coach.headers, json=note))
    data = await ok(
        await client.get(f"/api/v1/employees/{s.employee_id}/export", headers=s.person.headers)
    )
    assert [(c["rung"], c["changed_on"]) for c in data["ladder_changes"]] == [
        (5, "2025-01-10"),
        (6, "2025-09-01"),
    ]
    assert data["ladder_changes"][1]["decided_by_name"]
    assert data["ladder_changes"][1]["note"] == "Vaste baan gevonden."
    gone = await client.delete(f"/api/v1/employees/{s.employee_id}", headers=s.admin.headers)
    assert gone.status_code in (200, 204), gone.text
    left = await pool.fetchval(
        "SELECT count(*) FROM ladder_change WHERE employee_id = $1", s.employee_id
    )
    assert left == 0


async def test_the_coach_records_a_move_on_the_progress_page_and_sees_the_line(
    pool: asyncpg.Pool, client: httpx.AsyncClient, app: object
) -> None:
    s = await factories.scene(pool, client)
    await _backdate(pool, s, date(2025, 1, 10))
    page = f"/coach/people/{s.employee_id}/progress"
    async with page_client(app) as http:
        assert (await sign_in(http, s.coach.email)).status_code == 303
        http.cookies.set("opstap_lang", "nl")
        shown = await http.get(page)
        assert shown.status_code == 200
        assert 'role="img"' in shown.text and "<polyline" in shown.text
        assert "Voortgang" in shown.text and 'aria-current="page"' in shown.text
        # A date before the newest move: the field says which dates may be chosen.
        early = {"rung": "4", "changed_on": "2024-12-01", "note": ""}
        refused = await submit(http, page, f"/coach/people/{s.employee_id}/ladder", early)
        assert refused.status_code == 422
        assert "Kies een datum van 10 januari 2025 of later" in refused.text
        same = {"rung": "5", "changed_on": "2025-05-01"}
        refused = await submit(http, page, f"/coach/people/{s.employee_id}/ladder", same)
        assert refused.status_code == 422 and "Kies een andere trede" in refused.text
        move = {"rung": "6", "changed_on": "2025-05-01", "note": "Vaste baan"}
        done = await submit(http, page, f"/coach/people/{s.employee_id}/ladder", move)
        assert done.status_code == 303
        after = await http.get(done.headers["location"])
        assert "De nieuwe trede is vastgelegd." in after.text
        assert "Omhoog, van trede 5" in after.text and "Vaste baan" in after.text
    history = await ok(await client.get(_url(s), headers=s.coach.headers))
    assert [c["rung"] for c in history["changes"]] == [5, 6]


async def test_the_person_sees_their_line_on_their_path_page(
    pool: asyncpg.Pool, client: httpx.AsyncClient, app: object
) -> None:
    s = await factories.scene(pool, client)
    await _backdate(pool, s, date(2025, 2, 3))
    move = {"rung": 4, "changed_on": "2025-08-01"}
    await ok(await client.post(_url(s), headers=s.coach.headers, json=move))
    async with page_client(app) as http:
        assert (await sign_in(http, s.person.email)).status_code == 303
        http.cookies.set("opstap_lang", "nl")
        path = await http.get("/me/path")
    assert path.status_code == 200
    assert "Jouw treden door de tijd" in path.text
    assert "Je staat sinds 1 augustus 2025 op trede 4." in path.text
    assert "Omlaag, van trede 5" in path.text
    assert 'href="/me/logbook"' in path.text


async def test_a_year_on_one_rung_is_time_to_look_at_the_next_step_together(
    pool: asyncpg.Pool, client: httpx.AsyncClient, app: object
) -> None:
    s = await factories.scene(pool, client)
    since = today() - timedelta(days=430)
    await _backdate(pool, s, since)
    months = months_between(since, today())
    assert months >= 12
    steps = f"/api/v1/employees/{s.employee_id}/next-steps"
    coach = await ok(await client.get(steps, headers=s.coach.headers))
    assert coach["rung_time"]["nl"] == (
        f"Noor staat al {months} maanden op trede 5: tijd om samen naar de volgende stap te kijken."
    )
    own = await ok(await client.get(steps, headers=s.person.headers))
    assert own["rung_time"]["nl"].startswith(f"Je staat al {months} maanden op trede 5.")
    async with page_client(app) as http:
        assert (await sign_in(http, s.coach.email)).status_code == 303
        http.cookies.set("opstap_lang", "nl")
        page = await http.get(f"/coach/people/{s.employee_id}/progress")
        assert f"Noor staat al {months} maanden op trede 5" in page.text
    # Less than a year on the rung, or on the top rung: nothing to say.
    await ok(
        await client.post(
            _url(s), headers=s.coach.headers, json={"rung": 6, "changed_on": since.isoformat()}
        )
    )
    assert (await ok(await client.get(steps, headers=s.coach.headers)))["rung_time"] is None
    recent = {"rung": 4, "changed_on": (today() - timedelta(days=40)).isoformat()}
    await ok(await client.post(_url(s), headers=s.coach.headers, json=recent))
    assert (await ok(await client.get(steps, headers=s.coach.headers)))["rung_time"] is None
