"""Export (GDPR art. 15, 20) and erasure (art. 17) of a person, through the API, on a real
database: what the export holds, that no table about a person is left out (derived from the
schema), what erasure leaves, and that an old event for an erased person does nothing."""

from __future__ import annotations

import json
import logging
import uuid
from dataclasses import dataclass
from typing import Any

import asyncpg
import httpx
import pytest

from services.core import db, security
from services.core.events import repository as events
from services.core.matching import service as matching
from services.core.notifications import service as notifications
from services.core.privacy import queries
from services.core.privacy.export import EXPORTED_TABLES
from services.core.settings import Settings
from tests import factories
from tests.factories import Scene, ok

# Tables that refer to an account or a person but hold nothing about the person whose data is
# exported: each says why. A table added later that refers to a person fails the schema test
# until it is exported (services/core/privacy/export.py, EXPORTED_TABLES) or listed here.
NOT_ABOUT_THE_PERSON = {
    # An organisation's vacancy; created_by is the admin or employer who posted it (an
    # employee's account cannot post one). Vacancies in the person's matches are named there.
    "vacancy": "organisation-level: authorship of a vacancy",
    # An organisation's webhook endpoint; created_by is its admin or employer.
    "webhook": "organisation-level: authorship of a webhook",
    # A running full recompute's working rows (scores), deleted when the run ends; what it
    # stores are the person's matches, which are exported. Erasure removes them (cascade).
    "match_recompute_pair": "transient: a running recompute's working rows",
    # A staff account's own DigComp self-assessment and learning plan (jobcoach, admin,
    # employer): an employee's account is refused both (their digital skills are their
    # profile's, which is exported); erased with the account (cascade).
    "staff_digcomp": "staff-only: a jobcoach's, admin's or employer's own self-assessment",
    "staff_learning_plan": "staff-only: a jobcoach's, admin's or employer's own learning plan",
}


@dataclass
class Lived:
    """A scene in which the person has data in every table that can hold some."""

    scene: Scene
    vacancy_id: str
    api_key: str
    event_ids: list[uuid.UUID]


async def _lived_in(pool: asyncpg.Pool, http: httpx.AsyncClient, settings: Settings) -> Lived:
    s = await factories.scene(pool, http)
    person, coach = s.employee_id, s.coach.headers
    url = f"/api/v1/employees/{person}"
    await ok(
        await http.patch(
            url,
            headers=coach,
            json={
                "email": "noor.visser@example.org",
                "phone": "+31 6 1234 5678",
                "languages": [{"language": "nl", "cefr": "B1"}],
                "accommodations": ["quiet_workspace"],
            },
        )
    )
    share = {"purpose": "share_with_employer", "employer_id": str(s.employer_org)}
    await ok(await http.post(f"{url}/consents", headers=coach, json=share))
    other_employer = await factories.organisation(pool, "employer")
    gone = await ok(
        await http.post(
            f"{url}/consents",
            headers=s.person.headers,
            json={"purpose": "share_with_employer", "employer_id": str(other_employer)},
        )
    )
    await ok(await http.post(f"{url}/consents/{gone['id']}/withdraw", headers=s.person.headers))
    vacancy = await factories.publish(
        http,
        s,
        "Magazijnmedewerker",
        contract_kind="regular_with_wage_subsidy",
        hours_min=16,
        hours_max=32,
        skills=[{"skill_uri": u} for u in s.skills],
    )
    async with db.transaction(pool) as conn:  # what the worker does on these events
        await matching.rescore_employee(conn, person)
        await notifications.notify_matches(conn, settings, employee_ids=[person])
    module = await pool.fetchval(
        "INSERT INTO training_module (code, title_nl, title_en, provider_kind, level, hours) "
        "VALUES ($1, 'Veilig werken', 'Working safely', 'course', 1, 8) RETURNING id",
        f"privacy-{uuid.uuid4().hex[:8]}",
    )
    record = {"module_id": str(module), "completed_on": "2026-01-15"}
    await ok(await http.post(f"{url}/training-records", headers=coach, json=record))
    suggestion = await pool.fetchval(
        "INSERT INTO suggestion_log (shown_to, audience, context, employee_id, vacancy_id, score, "
        "model_version, explanation) VALUES ($1, 'employee', 'matches', $2, $3, 71, 'test', "
        '\'{"why": "skills"}\') RETURNING id',
        s.person.account_id,
        person,
        vacancy,
    )
    await pool.execute(
        "INSERT INTO placement_decision (employee_id, vacancy_id, decision, suggestion_id, score, "
        "model_version, decided_by, decided_role) "
        "VALUES ($1, $2, 'introduced', $3, 71, 'test', $4, 'jobcoach')",
        person,
        vacancy,
        suggestion,
        s.coach.account_id,
    )
    # Made before only admins and employers could make API keys; it still works until it ends.
    key, key_hash = security.new_secret("opk")
    await pool.execute(
        "INSERT INTO api_key (account_id, name, prefix, key_hash, expires_at) "
        "VALUES ($1, 'mine', $2, $3, now() + interval '90 days')",
        s.person.account_id,
        key[:12],
        key_hash,
    )
    prefs = {"email": "digest", "webhook": False, "language": "nl"}
    await ok(
        await http.put("/api/v1/notifications/preferences", headers=s.person.headers, json=prefs)
    )
    await pool.execute(
        "INSERT INTO digest (account_id, period, items) VALUES ($1, '2026-W48', 2)",
        s.person.account_id,
    )
    await ok(await http.get(url, headers=s.person.headers))  # an audited read
    event_ids = await pool.fetch("SELECT id FROM outbox_event WHERE aggregate_id = $1", str(person))
    return Lived(s, str(vacancy), key, [r["id"] for r in event_ids])


def _keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


async def test_the_export_holds_every_section_and_no_secret(
    pool: asyncpg.Pool, client: httpx.AsyncClient, settings: Settings
) -> None:
    lived = await _lived_in(pool, client, settings)
    s = lived.scene
    data = await ok(
        await client.get(f"/api/v1/employees/{s.employee_id}/export", headers=s.person.headers)
    )
    assert data["employee_id"] == str(s.employee_id)
    assert data["profile"]["name"] == "Noor Visser"
    assert data["profile"]["email"] == "noor.visser@example.org"
    assert "birth_year" in data["profile"]  # whole rows: a new column is exported as it comes
    assert {x["skill_uri"] for x in data["skills"]} == set(s.skills)
    assert data["languages"] == [
        {"employee_id": str(s.employee_id), "language": "nl", "cefr": "B1"}
    ]
    assert [a["accommodation_code"] for a in data["accommodations"]] == ["quiet_workspace"]
    assert len(data["consents"]) == 3
    assert sum(c["withdrawn_at"] is not None for c in data["consents"]) == 1
    match = next(m for m in data["matches"] if m["vacancy_id"] == lived.vacancy_id)
    assert match["explanation"] and match["vacancy_title"] == "Magazijnmedewerker"
    assert any(n["kind"] == "match_found" for n in data["notifications"])
    assert all("deliveries" in n for n in data["notifications"])
    about = {(n["kind"], n["recipient_role"]) for n in data["notifications_about_you"]}
    assert ("caseload_match", "jobcoach") in about
    assert any(a["purpose"] == "view_profile" for a in data["audit"])
    assert any(a["purpose"] == "export" for a in data["audit"])  # this export, audited
    assert [r["title_en"] for r in data["training_records"]] == ["Working safely"]
    assert data["suggestions"][0]["shown_to_you"] is True
    assert data["placement_decisions"][0]["decision"] == "introduced"
    assert data["account"]["email"] == s.person.email
    assert data["sessions"] and data["api_keys"][0]["name"] == "mine"
    assert data["notification_preference"]["email"] == "digest"
    assert data["digests"][0]["period"] == "2026-W48"
    secrets = {"password_hash", "token_version", "token_hash", "key_hash", "prefix", "secret"}
    assert not _keys(data) & secrets
    assert lived.api_key not in json.dumps(data)


async def test_an_admin_exports_on_the_persons_behalf_and_others_may_not(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    url = f"/api/v1/employees/{s.employee_id}/export"
    share = {"purpose": "share_with_employer", "employer_id": str(s.employer_org)}
    await ok(
        await client.post(
            f"/api/v1/employees/{s.employee_id}/consents", headers=s.coach.headers, json=share
        )
    )
    assert (await client.get(url, headers=s.admin.headers)).status_code == 200
    assert (await client.get(url, headers=s.coach.headers)).status_code == 403
    assert (await client.get(url, headers=s.employer.headers)).status_code == 403
    other = await factories.user(pool, client, await factories.organisation(pool), "admin")
    assert (await client.get(url, headers=other.headers)).status_code == 404
    reads = await pool.fetchval(
        "SELECT count(*) FROM audit_log WHERE employee_id = $1 AND purpose = 'export'",
        s.employee_id,
    )
    assert reads == 1


async def test_every_table_that_refers_to_a_person_is_exported_or_allowed(
    pool: asyncpg.Pool,
) -> None:
    tables = {r["table_name"] for r in await pool.fetch(queries.SELECT_PERSON_COLUMNS)}
    assert {"employee_skill", "audit_log", "suggestion_log", "refresh_token"} <= tables
    missing = tables - set(EXPORTED_TABLES) - set(NOT_ABOUT_THE_PERSON)
    assert not missing, f"export these, or say in NOT_ABOUT_THE_PERSON why not: {missing}"
    assert not set(NOT_ABOUT_THE_PERSON) & set(EXPORTED_TABLES)
    assert set(NOT_ABOUT_THE_PERSON) <= tables  # no stale entries


async def test_erasure_removes_the_person_and_everything_derived(
    pool: asyncpg.Pool,
    client: httpx.AsyncClient,
    settings: Settings,
    caplog: pytest.LogCaptureFixture,
) -> None:
    lived = await _lived_in(pool, client, settings)
    s = lived.scene
    person, account = s.employee_id, s.person.account_id
    assert lived.event_ids
    caplog.set_level(logging.DEBUG)
    response = await client.delete(f"/api/v1/employees/{person}", headers=s.admin.headers)
    assert response.status_code == 204, response.text

    for column in await pool.fetch(queries.SELECT_PERSON_COLUMNS):
        table, name = column["table_name"], column["column_name"]
        left = await pool.fetchval(
            f"SELECT count(*) FROM {table} WHERE {name} = ANY($1::uuid[])",
            [person, account],
        )
        assert left == 0, f"{table}.{name} still refers to the erased person"
    assert await pool.fetchval("SELECT count(*) FROM account WHERE id = $1", account) == 0
    tombstone = await pool.fetchrow(
        "SELECT * FROM erasure_tombstone WHERE organisation_id = $1", s.admin.organisation_id
    )
    assert (tombstone["ladder_rung"], tombstone["reason"]) == (5, "request")
    left = await pool.fetch(
        "SELECT event_type, payload FROM outbox_event "
        "WHERE aggregate_id = $1 OR strpos(payload::text, $1) > 0 OR strpos(payload::text, $2) > 0",
        str(person),
        str(account),
    )
    assert [r["event_type"] for r in left] == ["employee.erased"]
    assert set(left[0]["payload"]) == {"tombstone_id", "reason"}
    logged = " ".join(f"{r.getMessage()} {r.__dict__}" for r in caplog.records)
    assert "employee erased" in logged
    for personal in ("Noor", "Visser", "noor.visser@example.org", s.person.email, "1234 5678"):
        assert personal not in logged


async def test_after_erasure_every_endpoint_answers_404(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    url = f"/api/v1/employees/{s.employee_id}"
    await ok(await client.delete(url, headers=s.admin.headers))
    for method, path in (
        ("GET", url),
        ("PATCH", url),
        ("DELETE", url),
        ("GET", f"{url}/consents"),
        ("POST", f"{url}/consents"),
        ("GET", f"{url}/audit"),
        ("GET", f"{url}/matches"),
        ("GET", f"{url}/next-steps"),
        ("GET", f"{url}/training-plan"),
        ("GET", f"{url}/training-records"),
        ("GET", f"{url}/export"),
    ):
        body = {"json": {"purpose": "matching"}} if method == "POST" else {}
        if method == "PATCH":
            body = {"json": {"max_travel_km": 5}}
        for who in (s.admin, s.coach):
            answer = await client.request(method, path, headers=who.headers, **body)
            assert answer.status_code == 404, (method, path, who.role, answer.text)
    # The person's own login went with them.
    assert (await client.get("/api/v1/auth/me", headers=s.person.headers)).status_code == 401


async def test_a_redelivered_old_event_for_an_erased_person_does_nothing(
    pool: asyncpg.Pool, client: httpx.AsyncClient, settings: Settings
) -> None:
    lived = await _lived_in(pool, client, settings)
    s = lived.scene
    await ok(await client.delete(f"/api/v1/employees/{s.employee_id}", headers=s.admin.headers))
    async with db.transaction(pool) as conn:
        for event_id in lived.event_ids:  # what events.handle loads first: gone, so it stops
            assert await events.get(conn, event_id) is None
        # And were a handler to run anyway, rescoring and notifying a missing person make nothing.
        assert await matching.rescore_employee(conn, s.employee_id) == 0
        assert await notifications.notify_matches(conn, settings, employee_ids=[s.employee_id]) == 0
        assert await notifications.notify_closed(conn, uuid.UUID(lived.vacancy_id)) == 0
    for table in ("match", "notification"):
        left = await pool.fetchval(
            f"SELECT count(*) FROM {table} WHERE employee_id = $1",
            s.employee_id,
        )
        assert left == 0


async def test_only_an_admin_of_the_persons_wise_erases(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    url = f"/api/v1/employees/{s.employee_id}"
    share = {"purpose": "share_with_employer", "employer_id": str(s.employer_org)}
    await ok(await client.post(f"{url}/consents", headers=s.coach.headers, json=share))
    assert (await client.delete(url, headers=s.person.headers)).status_code == 403
    assert (await client.delete(url, headers=s.coach.headers)).status_code == 403
    assert (await client.delete(url, headers=s.employer.headers)).status_code == 403
    other = await factories.user(pool, client, await factories.organisation(pool), "admin")
    assert (await client.delete(url, headers=other.headers)).status_code == 404
    assert (await client.get(url, headers=s.admin.headers)).status_code == 200
    assert (await client.delete(url)).status_code == 401
