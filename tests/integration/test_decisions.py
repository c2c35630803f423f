"""The decision log: every shown suggestion and every human decision, with who and when."""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg
import httpx
import pytest

from services.core import db
from services.core.access.policy import Actor, Role
from services.core.matching import service as matching
from services.core.next_steps import service as next_steps
from tests import factories
from tests.factories import Scene, ok


async def _vacancy(pool: asyncpg.Pool, http: httpx.AsyncClient, s: Scene) -> str:
    """An open vacancy of the scene's employer asking the person's skills, scored."""
    vacancy = await factories.publish(
        http, s, "Decision test", contract_kind="regular", hours_min=16, hours_max=24
    )
    async with db.transaction(pool) as conn:
        await matching.rescore_vacancy(conn, vacancy)
    return str(vacancy)


async def _share(http: httpx.AsyncClient, s: Scene) -> None:
    await ok(
        await http.post(
            f"/api/v1/employees/{s.employee_id}/consents",
            headers=s.coach.headers,
            json={"purpose": "share_with_employer", "employer_id": str(s.employer_org)},
        )
    )


def _decision(s: Scene, vacancy: str, decision: str, **extra: Any) -> dict[str, Any]:
    return {"employee_id": str(s.employee_id), "vacancy_id": vacancy, "decision": decision, **extra}


@pytest.fixture
async def placed(pool: asyncpg.Pool, client: httpx.AsyncClient) -> tuple[Scene, str]:
    """A person who consents to share with the employer, and a scored vacancy of it."""
    s = await factories.scene(pool, client)
    await _share(client, s)
    return s, await _vacancy(pool, client, s)


async def test_a_placement_from_suggestion_to_hire_is_in_the_log_with_who_and_when(
    pool: asyncpg.Pool, client: httpx.AsyncClient, placed: tuple[Scene, str]
) -> None:
    s, vacancy = placed
    shown = await ok(
        await client.get(f"/api/v1/vacancies/{vacancy}/matches", headers=s.coach.headers)
    )
    assert [i["employee_id"] for i in shown["items"]] == [str(s.employee_id)]
    introduced = await client.post(
        "/api/v1/decisions", headers=s.coach.headers, json=_decision(s, vacancy, "introduced")
    )
    assert introduced.status_code == 201, introduced.text
    for step in ("trial_placement", "hired"):
        await ok(
            await client.post(
                "/api/v1/decisions", headers=s.employer.headers, json=_decision(s, vacancy, step)
            )
        )
    log = await ok(
        await client.get(f"/api/v1/employees/{s.employee_id}/decision-log", headers=s.admin.headers)
    )
    lines = [(e["kind"], e["context"] or e["decision"], e["role"]) for e in log["items"]]
    assert lines == [
        ("suggestion", "vacancy_matches", "jobcoach"),
        ("decision", "introduced", "jobcoach"),
        ("decision", "trial_placement", "employer"),
        ("decision", "hired", "employer"),
    ]
    suggestion, *decisions = log["items"]
    assert suggestion["actor_id"] == str(s.coach.account_id)
    assert suggestion["score"] == pytest.approx(shown["items"][0]["score"], abs=0.01)
    assert suggestion["model_version"] and suggestion["explanation"]["components"]
    assert [d["actor_id"] for d in decisions] == [
        str(s.coach.account_id),
        str(s.employer.account_id),
        str(s.employer.account_id),
    ]
    assert all(d["suggestion_id"] == int(suggestion["id"]) for d in decisions)
    assert all(d["score"] == suggestion["score"] for d in decisions)
    times = [e["at"] for e in log["items"]]
    assert times == sorted(times)
    by_vacancy = await ok(
        await client.get(f"/api/v1/vacancies/{vacancy}/decision-log", headers=s.coach.headers)
    )
    assert [e["id"] for e in by_vacancy["items"]] == [e["id"] for e in log["items"]]
    status = await pool.fetchval("SELECT status FROM vacancy WHERE id = $1", uuid.UUID(vacancy))
    assert status == "open"  # a hire is recorded; filling the vacancy stays the employer's act


async def test_a_person_sees_their_own_matches_and_that_is_logged(
    pool: asyncpg.Pool, client: httpx.AsyncClient, placed: tuple[Scene, str]
) -> None:
    s, vacancy = placed
    await ok(
        await client.get(f"/api/v1/employees/{s.employee_id}/matches", headers=s.person.headers)
    )
    row = await pool.fetchrow(
        "SELECT shown_to, audience, context, vacancy_id, score, model_version "
        "FROM suggestion_log WHERE employee_id = $1",
        s.employee_id,
    )
    assert row["shown_to"] == s.person.account_id and row["audience"] == "employee"
    assert row["context"] == "employee_matches" and str(row["vacancy_id"]) == vacancy
    assert row["score"] > 0 and row["model_version"]
    # Shown again the same day (a reload): logged once; to another reader: logged for them.
    for headers in (s.person.headers, s.person.headers, s.coach.headers):
        await ok(await client.get(f"/api/v1/employees/{s.employee_id}/matches", headers=headers))
    readers = await pool.fetch(
        "SELECT shown_to FROM suggestion_log WHERE employee_id = $1 AND vacancy_id = $2 "
        "AND context = 'employee_matches' ORDER BY id",
        s.employee_id,
        uuid.UUID(vacancy),
    )
    assert [r["shown_to"] for r in readers] == [s.person.account_id, s.coach.account_id]


async def test_next_steps_shown_to_a_coach_are_logged(
    pool: asyncpg.Pool, client: httpx.AsyncClient, placed: tuple[Scene, str], settings: Any
) -> None:
    s, vacancy = placed
    coach = Actor(s.coach.account_id, s.coach.organisation_id, "wise", Role.JOBCOACH, "Coach")
    async with db.transaction(pool) as conn:
        steps = await next_steps.next_steps(conn, settings, s.employee_id, coach)
        # The same, computed for no one (worded for a coach): nothing is logged for it.
        unseen = await next_steps.next_steps(conn, settings, s.employee_id, reader="coach")
    assert steps == unseen
    rows = await pool.fetch(
        "SELECT vacancy_id, occupation_uri, context, audience FROM suggestion_log "
        "WHERE employee_id = $1",
        s.employee_id,
    )
    shown = {v.vacancy_id for v in (*steps.fits_now, *steps.stepping_stones.vacancies)}
    occupations = {o.occupation.uri for o in steps.stepping_stones.occupations}
    assert {r["vacancy_id"] for r in rows if r["vacancy_id"]} == shown
    assert uuid.UUID(vacancy) in shown
    assert {r["occupation_uri"] for r in rows if r["occupation_uri"]} == occupations
    assert len(rows) == len(shown) + len(occupations)
    assert {(r["context"], r["audience"]) for r in rows} == {("next_steps", "jobcoach")}
    async with db.transaction(pool) as conn:
        assert await next_steps.next_steps(conn, settings, s.employee_id, coach) == steps
    again = await pool.fetchval(
        "SELECT count(*) FROM suggestion_log WHERE employee_id = $1", s.employee_id
    )
    assert again == len(rows), "the same suggestions shown again the same day: logged once"


async def test_a_hire_needs_an_introduction_first(
    client: httpx.AsyncClient, placed: tuple[Scene, str]
) -> None:
    s, vacancy = placed
    early = await client.post(
        "/api/v1/decisions", headers=s.coach.headers, json=_decision(s, vacancy, "hired")
    )
    assert early.status_code == 422
    assert "follows an introduction" in early.json()["detail"]
    assert early.json()["fields"] == {"decision": "not possible after nothing"}


async def test_declining_and_overriding_need_a_reason(
    client: httpx.AsyncClient, placed: tuple[Scene, str]
) -> None:
    s, vacancy = placed
    for decision in ("declined", "overridden"):
        bare = await client.post(
            "/api/v1/decisions",
            headers=s.coach.headers,
            json=_decision(s, vacancy, decision, reason="  "),
        )
        assert bare.status_code == 422 and bare.json()["fields"] == {"reason": "required"}
    declined = await client.post(
        "/api/v1/decisions",
        headers=s.coach.headers,
        json=_decision(s, vacancy, "declined", reason="Travel is too long for now."),
    )
    assert declined.status_code == 201
    assert declined.json()["reason"] == "Travel is too long for now."
    again = await client.post(
        "/api/v1/decisions", headers=s.coach.headers, json=_decision(s, vacancy, "introduced")
    )
    assert again.status_code == 201  # after a decline, a new introduction may follow


async def test_nothing_follows_a_hire(client: httpx.AsyncClient, placed: tuple[Scene, str]) -> None:
    s, vacancy = placed
    for step in ("introduced", "hired"):
        await ok(
            await client.post(
                "/api/v1/decisions", headers=s.coach.headers, json=_decision(s, vacancy, step)
            )
        )
    late = await client.post(
        "/api/v1/decisions",
        headers=s.admin.headers,
        json=_decision(s, vacancy, "overridden", reason="Another candidate."),
    )
    assert late.status_code == 422 and "hired" in late.json()["detail"]


async def test_an_employer_may_not_introduce_and_a_person_may_not_decide(
    client: httpx.AsyncClient, placed: tuple[Scene, str]
) -> None:
    s, vacancy = placed
    employer = await client.post(
        "/api/v1/decisions", headers=s.employer.headers, json=_decision(s, vacancy, "introduced")
    )
    assert employer.status_code == 403
    person = await client.post(
        "/api/v1/decisions", headers=s.person.headers, json=_decision(s, vacancy, "introduced")
    )
    assert person.status_code == 403


async def test_an_employer_decides_only_on_its_own_vacancy_and_consenting_people(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)  # no consent to share with the employer
    vacancy = await _vacancy(pool, client, s)
    hidden = await client.post(
        "/api/v1/decisions",
        headers=s.employer.headers,
        json=_decision(s, vacancy, "declined", reason="No."),
    )
    assert hidden.status_code == 422 and "employee_id" in hidden.json()["fields"]
    other = await factories.scene(pool, client)
    await _share(client, other)
    foreign = await client.post(
        "/api/v1/decisions",
        headers=other.employer.headers,
        json=_decision(other, vacancy, "declined", reason="No."),
    )
    assert foreign.status_code == 422
    assert foreign.json()["fields"] == {"vacancy_id": "not a visible vacancy"}


async def test_unknown_ids_and_a_foreign_suggestion_are_refused_alike(
    pool: asyncpg.Pool, client: httpx.AsyncClient, placed: tuple[Scene, str]
) -> None:
    s, vacancy = placed
    unknown = await client.post(
        "/api/v1/decisions",
        headers=s.coach.headers,
        json=_decision(s, vacancy, "introduced", employee_id=str(uuid.uuid4())),
    )
    assert unknown.status_code == 422 and "employee_id" in unknown.json()["fields"]
    other = await factories.scene(pool, client)  # another WISE: its coach may not see the person
    hidden = await client.post(
        "/api/v1/decisions", headers=other.coach.headers, json=_decision(s, vacancy, "introduced")
    )
    assert hidden.status_code == 422 and hidden.json()["detail"] == unknown.json()["detail"]
    await ok(
        await client.get(f"/api/v1/employees/{s.employee_id}/matches", headers=s.coach.headers)
    )
    foreign_suggestion = await pool.fetchval(
        "INSERT INTO suggestion_log (audience, context, employee_id, model_version) "
        "VALUES ('jobcoach', 'test', $1, 'm') RETURNING id",
        s.employee_id,
    )
    wrong = await client.post(
        "/api/v1/decisions",
        headers=s.coach.headers,
        json=_decision(s, vacancy, "introduced", suggestion_id=foreign_suggestion),
    )
    assert wrong.status_code == 422 and "suggestion_id" in wrong.json()["fields"]


async def test_the_log_is_for_coaches_and_admins_only(
    client: httpx.AsyncClient, placed: tuple[Scene, str]
) -> None:
    s, vacancy = placed
    for user in (s.person, s.employer):
        response = await client.get(
            f"/api/v1/employees/{s.employee_id}/decision-log", headers=user.headers
        )
        assert response.status_code == 403
    response = await client.get(
        f"/api/v1/vacancies/{vacancy}/decision-log", headers=s.employer.headers
    )
    assert response.status_code == 403
