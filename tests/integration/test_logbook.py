"""The jobcoach's logbook: written by the WISE's coaches and admins, read by them (audited)
and by the person themself, never by an employer; exported and erased with the person."""

from __future__ import annotations

from datetime import timedelta

import asyncpg
import httpx

from services.core.clock import today
from tests import factories
from tests.browser.http import page_client, sign_in, submit
from tests.factories import Scene, ok


def _url(s: Scene) -> str:
    return f"/api/v1/employees/{s.employee_id}/logbook"


async def _write(client: httpx.AsyncClient, s: Scene, day: str, body: str) -> dict:
    made = await client.post(
        _url(s), headers=s.coach.headers, json={"happened_on": day, "body": body}
    )
    assert made.status_code == 201, made.text
    entry: dict = made.json()
    return entry


async def test_a_coach_writes_notes_and_reads_them_newest_first_audited(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    first = await _write(client, s, "2026-03-02", "Afgesproken: dinsdag en donderdag 4 uur.")
    assert first["written_by"] == str(s.coach.account_id)
    assert first["written_role"] == "jobcoach" and first["written_by_name"]
    await _write(client, s, "2026-05-11", "Werkt zelfstandig aan de inpaklijn.")
    found = await ok(await client.get(_url(s), headers=s.admin.headers))
    assert [e["happened_on"] for e in found] == ["2026-05-11", "2026-03-02"]
    audited = await pool.fetch(
        "SELECT actor_role, fields FROM audit_log WHERE employee_id = $1 "
        "AND purpose = 'read_logbook'",
        s.employee_id,
    )
    assert [(r["actor_role"], list(r["fields"])) for r in audited] == [("admin", ["logbook"])]


async def test_the_person_reads_their_own_logbook_and_may_not_write_in_it(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    await _write(client, s, today().isoformat(), "Goed gesprek over meer uren.")
    own = await ok(await client.get(_url(s), headers=s.person.headers))
    assert [e["body"] for e in own] == ["Goed gesprek over meer uren."]
    body = {"happened_on": today().isoformat(), "body": "Zelf geschreven"}
    assert (await client.post(_url(s), headers=s.person.headers, json=body)).status_code == 403


async def test_an_employer_never_reads_the_logbook_even_with_a_shared_profile(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    entry = await _write(client, s, today().isoformat(), "Afspraak gemaakt.")
    assert (await client.get(_url(s), headers=s.employer.headers)).status_code == 404
    share = {"purpose": "share_with_employer", "employer_id": str(s.employer_org)}
    await ok(
        await client.post(
            f"/api/v1/employees/{s.employee_id}/consents", headers=s.coach.headers, json=share
        )
    )
    assert (await client.get(_url(s), headers=s.employer.headers)).status_code == 403
    delete = await client.delete(f"{_url(s)}/{entry['id']}", headers=s.employer.headers)
    assert delete.status_code == 403


async def test_a_note_in_the_future_empty_or_too_long_is_422_with_its_field(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    tomorrow = (today() + timedelta(days=1)).isoformat()
    cases = [
        ({"happened_on": tomorrow, "body": "Later"}, {"happened_on"}),
        ({"happened_on": today().isoformat(), "body": "   "}, {"body"}),
        ({"happened_on": today().isoformat(), "body": ""}, {"body"}),
        ({"happened_on": today().isoformat(), "body": "x" * 4001}, {"body"}),
        ({"happened_on": "gisteren", "body": "Iets"}, {"happened_on"}),
    ]
    for body, wrong in cases:
        refused = await client.post(_url(s), headers=s.coach.headers, json=body)
        assert refused.status_code == 422, (body, refused.text)
        assert set(refused.json()["fields"]) == wrong, refused.json()
    assert await ok(await client.get(_url(s), headers=s.coach.headers)) == []


async def test_the_writer_or_an_admin_deletes_a_note_and_no_one_else(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    by_admin = await ok(
        await client.post(
            _url(s),
            headers=s.admin.headers,
            json={"happened_on": today().isoformat(), "body": "Van de beheerder."},
        )
    )
    by_coach = await _write(client, s, today().isoformat(), "Van de jobcoach.")
    # The jobcoach did not write the admin's note; the person deletes nothing.
    refused = await client.delete(f"{_url(s)}/{by_admin['id']}", headers=s.coach.headers)
    assert refused.status_code == 403
    mine = await client.delete(f"{_url(s)}/{by_coach['id']}", headers=s.person.headers)
    assert mine.status_code == 403
    done = await client.delete(f"{_url(s)}/{by_coach['id']}", headers=s.coach.headers)
    assert done.status_code == 204
    assert (
        await client.delete(f"{_url(s)}/{by_admin['id']}", headers=s.admin.headers)
    ).status_code == 204
    again = await client.delete(f"{_url(s)}/{by_admin['id']}", headers=s.admin.headers)
    assert again.status_code == 404
    # Another WISE's coach does not even see the person.
    other = await factories.user(pool, client, await factories.organisation(pool), "jobcoach")
    assert (await client.get(_url(s), headers=other.headers)).status_code == 404


async def test_the_logbook_is_exported_and_erased_with_the_person(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    await _write(client, s, "2026-04-01", "Start op de inpaklijn.")
    data = await ok(
        await client.get(f"/api/v1/employees/{s.employee_id}/export", headers=s.person.headers)
    )
    [entry] = data["logbook"]
    assert entry["body"] == "Start op de inpaklijn." and entry["written_by_name"]
    gone = await client.delete(f"/api/v1/employees/{s.employee_id}", headers=s.admin.headers)
    assert gone.status_code in (200, 204), gone.text
    left = await pool.fetchval(
        "SELECT count(*) FROM logbook_entry WHERE employee_id = $1", s.employee_id
    )
    assert left == 0


async def test_the_coach_writes_on_the_progress_page_and_the_person_reads_it(
    pool: asyncpg.Pool, client: httpx.AsyncClient, app: object
) -> None:
    s = await factories.scene(pool, client)
    page = f"/coach/people/{s.employee_id}/progress"
    action = f"/coach/people/{s.employee_id}/logbook"
    async with page_client(app) as http:
        assert (await sign_in(http, s.coach.email)).status_code == 303
        http.cookies.set("opstap_lang", "nl")
        shown = await http.get(page)
        assert "Schrijf geen medische informatie of diagnoses op" in shown.text
        tomorrow = (today() + timedelta(days=1)).isoformat()
        late = await submit(http, page, action, {"happened_on": tomorrow, "body": "Later"})
        assert late.status_code == 422 and "Kies vandaag of een eerdere datum." in late.text
        empty = await submit(http, page, action, {"happened_on": today().isoformat(), "body": ""})
        assert empty.status_code == 422
        note = {"happened_on": "2026-02-03", "body": "Afgesproken: elke maandag bellen."}
        done = await submit(http, page, action, note)
        assert done.status_code == 303
        after = await http.get(done.headers["location"])
        assert "De notitie is opgeslagen." in after.text
        assert "Afgesproken: elke maandag bellen." in after.text
        entry = await pool.fetchval(
            "SELECT id FROM logbook_entry WHERE employee_id = $1", s.employee_id
        )
        assert f'name="entry_id" value="{entry}"' in after.text
    async with page_client(app) as http:
        assert (await sign_in(http, s.person.email)).status_code == 303
        http.cookies.set("opstap_lang", "nl")
        mine = await http.get("/me/logbook")
        assert mine.status_code == 200
        assert "Afgesproken: elke maandag bellen." in mine.text
        assert "entry_id" not in mine.text  # the person reads; they delete nothing
    async with page_client(app) as http:
        assert (await sign_in(http, s.coach.email)).status_code == 303
        gone = await submit(http, page, f"{action}/delete", {"entry_id": str(entry)})
        assert gone.status_code == 303
    assert await pool.fetchval("SELECT count(*) FROM logbook_entry WHERE id = $1", entry) == 0
