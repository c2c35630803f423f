"""A jobcoach's notes on a person (migration 0015): kept to 2,000 characters by the API and by
the database, part of the whole record and of the person's export, never in what an employer
sees (the API, the candidate list, the employer's pages), and gone when the person is erased."""

from __future__ import annotations

import asyncpg
import httpx
import pytest

from tests import factories
from tests.factories import ok

NOTE = "Werkt het best met vaste taken; afspraak: elke maandag even bellen."


async def _noted(pool: asyncpg.Pool, http: httpx.AsyncClient) -> factories.Scene:
    s = await factories.scene(pool, http)
    url = f"/api/v1/employees/{s.employee_id}"
    saved = await ok(await http.patch(url, headers=s.coach.headers, json={"notes": f"  {NOTE} "}))
    assert saved["notes"] == NOTE  # trimmed
    return s


async def test_notes_are_part_of_the_record_and_at_most_2000_characters(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await _noted(pool, client)
    url = f"/api/v1/employees/{s.employee_id}"
    assert (await ok(await client.get(url, headers=s.coach.headers)))["notes"] == NOTE
    assert (await ok(await client.get(url, headers=s.person.headers)))["notes"] == NOTE
    too_long = await client.patch(url, headers=s.coach.headers, json={"notes": "x" * 2001})
    assert too_long.status_code == 422
    assert "notes" in too_long.json()["fields"]
    assert (await ok(await client.patch(url, headers=s.coach.headers, json={"notes": " "})))[
        "notes"
    ] is None
    with pytest.raises(asyncpg.CheckViolationError):
        await pool.execute(
            "UPDATE employee SET notes = $2 WHERE id = $1", s.employee_id, "x" * 2001
        )


async def test_an_employer_never_sees_the_notes(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await _noted(pool, client)
    share = {"purpose": "share_with_employer", "employer_id": str(s.employer_org)}
    await ok(
        await client.post(
            f"/api/v1/employees/{s.employee_id}/consents", headers=s.coach.headers, json=share
        )
    )
    one = await client.get(f"/api/v1/employees/{s.employee_id}", headers=s.employer.headers)
    assert one.status_code == 200 and one.json()["name"] == "Noor Visser"
    assert "notes" not in one.json() and NOTE not in one.text
    listed = await client.get("/api/v1/employees", headers=s.employer.headers)
    assert listed.status_code == 200 and [p["id"] for p in listed.json()["items"]]
    assert NOTE not in listed.text and '"notes"' not in listed.text


async def test_notes_are_exported_and_erased_with_the_person(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await _noted(pool, client)
    url = f"/api/v1/employees/{s.employee_id}"
    exported = await ok(await client.get(f"{url}/export", headers=s.person.headers))
    assert exported["profile"]["notes"] == NOTE
    assert (await client.delete(url, headers=s.admin.headers)).status_code == 204
    assert await pool.fetchval("SELECT count(*) FROM employee WHERE id = $1", s.employee_id) == 0
    events = await pool.fetchval(
        "SELECT count(*) FROM outbox_event WHERE strpos(payload::text, $1) > 0", NOTE
    )
    assert events == 0  # no event ever carried the words
    tombstone = await pool.fetchrow(
        "SELECT to_jsonb(t)::text AS row FROM erasure_tombstone t WHERE organisation_id = $1",
        s.admin.organisation_id,
    )
    assert tombstone is not None and NOTE not in tombstone["row"]
