"""Matches end to end: scored from PostgreSQL, stored with reasons, read through the API."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import asyncpg
import httpx
import pytest

from services.core import db
from services.core.matching import recompute
from services.core.matching import service as matching
from services.worker.app import create_celery
from services.worker.relay import relay_batch
from tests import factories


@dataclass
class World:
    """A WISE with a coach and three people; an employer with one open vacancy."""

    coach: factories.User
    employer: factories.User
    other_employer: factories.User
    people: list[str]
    vacancy: str
    skills: list[str]


@pytest.fixture(scope="module")
async def world(app: object, pool: asyncpg.Pool) -> AsyncIterator[World]:
    """Built once: three people whose skills cover the vacancy fully, half, and fully."""
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://m") as http:
        wise = await factories.organisation(pool)
        employer_org = await factories.organisation(pool, "employer")
        coach = await factories.user(pool, http, wise, "jobcoach")
        employer = await factories.user(pool, http, employer_org, "employer")
        other = await factories.user(
            pool, http, await factories.organisation(pool, "employer"), "employer"
        )
        occupation, skills = await _occupation(pool)
        vacancy = await factories.vacancy(
            http,
            employer,
            occupation,
            published=True,
            title="Match test",
            hours_min=16,
            hours_max=24,
            skills=factories.essential(skills),
        )
        people = []
        for n, owned in enumerate((skills, skills[: len(skills) // 2], skills)):
            person = await factories.employee(
                http,
                coach,
                name=f"Match {n}",
                ladder_rung=4,
                hours_min=16,
                hours_max=32,
                skills=factories.observed(owned),
            )
            people.append(person["id"])
            if n < 2:  # the third person gives no consent to matching
                await factories.consent(http, coach, person["id"])
        await factories.consent(
            http, coach, people[0], "share_with_employer", employer_id=employer_org
        )
        yield World(coach, employer, other, people, vacancy["id"], skills)


async def _occupation(pool: asyncpg.Pool) -> tuple[str, list[str]]:
    row = await pool.fetchrow(
        "SELECT occupation_uri, array_agg(skill_uri ORDER BY skill_uri) AS skills "
        "FROM occupation_skill WHERE relation = 'essential' GROUP BY occupation_uri "
        "HAVING count(*) >= 6 ORDER BY occupation_uri LIMIT 1"
    )
    return row["occupation_uri"], list(row["skills"])[:6]


async def _rescore(pool: asyncpg.Pool, world: World) -> None:
    async with db.transaction(pool) as conn:
        await matching.rescore_vacancy(conn, world.vacancy)  # type: ignore[arg-type]


async def test_a_coach_sees_ranked_candidates_with_reasons(
    pool: asyncpg.Pool, client: httpx.AsyncClient, world: World
) -> None:
    await _rescore(pool, world)
    response = await client.get(
        f"/api/v1/vacancies/{world.vacancy}/matches?explain=true", headers=world.coach.headers
    )
    assert response.status_code == 200, response.text
    body = response.json()
    ranked = [item["employee_id"] for item in body["items"]]
    assert ranked == [world.people[0], world.people[1]]  # full cover first; no consent, no match
    full, half = body["items"]
    assert full["score"] > half["score"] > 0
    why = half["explanation"]
    direct = {e["skill_uri"] for e in why["matched"]}
    partly = {e["skill_uri"] for e in why["related"]}
    assert len(direct) == len(world.skills) // 2
    # Every required skill is accounted for: had, covered through a related skill, or the gap.
    assert direct | partly | set(why["missing_essential"]) == set(world.skills)
    assert all(e["via_uri"] for e in why["related"])
    # Every skill the explanation names comes with words to show (en, and nl when there is one).
    assert direct | partly | set(why["missing_essential"]) <= set(why["labels"])
    assert all(label["en"] for label in why["labels"].values())
    assert {c["code"] for c in full["explanation"]["constraints"]} >= {"hours", "consent"}
    assert full["explanation"]["model_version"]


async def test_matches_without_explain_are_scores_only_and_explain_when_asked(
    pool: asyncpg.Pool, client: httpx.AsyncClient, world: World
) -> None:
    await _rescore(pool, world)
    person = world.people[0]
    await pool.execute(
        "UPDATE match SET explanation = NULL WHERE employee_id = $1", person
    )  # stored with scores only, as a full recompute stores them
    await pool.execute("DELETE FROM suggestion_log WHERE employee_id = $1", person)
    path = f"/api/v1/employees/{person}/matches"
    small = await client.get(path, headers=world.coach.headers)
    assert small.status_code == 200, small.text
    items = small.json()["items"]
    assert items and all(i["explanation"] is None and i["score"] > 0 for i in items)
    stored = "SELECT count(*) FROM match WHERE employee_id = $1 AND explanation IS NOT NULL"
    assert await pool.fetchval(stored, person) == 0  # nothing was computed for it
    audited = await pool.fetchval(
        "SELECT fields FROM audit_log WHERE employee_id = $1 AND purpose = 'person_matches'"
        " ORDER BY at DESC LIMIT 1",
        person,
    )
    assert audited == ["matches"]
    logged = "SELECT explanation FROM suggestion_log WHERE employee_id = $1 ORDER BY shown_at"
    assert [r["explanation"] for r in await pool.fetch(logged, person)] == [{}] * len(items)

    full = await client.get(path, headers=world.coach.headers, params={"explain": "true"})
    explained = full.json()["items"]
    assert [(i["vacancy_id"], i["score"]) for i in explained] == [
        (i["vacancy_id"], i["score"]) for i in items
    ]
    assert all(i["explanation"]["matched"] or i["explanation"]["related"] for i in explained)
    assert await pool.fetchval(stored, person) == len(items)  # computed once, kept
    # The decision log now holds what was shown with it, the same day, beside the first read.
    assert [r["explanation"] != {} for r in await pool.fetch(logged, person)] == [False] * len(
        items
    ) + [True] * len(items)
    audited = await pool.fetchval(
        "SELECT fields FROM audit_log WHERE employee_id = $1 AND purpose = 'person_matches'"
        " ORDER BY at DESC LIMIT 1",
        person,
    )
    assert set(audited) == {"matches", "skills", "accommodations", "capacity"}
    wrong = await client.get(path, headers=world.coach.headers, params={"explain": "maybe"})
    assert wrong.status_code == 422 and "explain" in wrong.json()["fields"]


async def test_an_employer_sees_only_people_who_share_and_counts_the_rest(
    pool: asyncpg.Pool, client: httpx.AsyncClient, world: World
) -> None:
    await _rescore(pool, world)
    response = await client.get(
        f"/api/v1/vacancies/{world.vacancy}/matches", headers=world.employer.headers
    )
    body = response.json()
    assert [i["employee_id"] for i in body["items"]] == [world.people[0]]
    assert body["others"] == 1
    foreign = await client.get(
        f"/api/v1/vacancies/{world.vacancy}/matches", headers=world.other_employer.headers
    )
    assert foreign.status_code == 404


async def test_a_person_sees_the_vacancies_that_fit_and_reads_are_audited(
    pool: asyncpg.Pool, client: httpx.AsyncClient, world: World
) -> None:
    await _rescore(pool, world)
    before = await pool.fetchval(
        "SELECT count(*) FROM audit_log WHERE employee_id = $1", world.people[1]
    )
    response = await client.get(
        f"/api/v1/employees/{world.people[1]}/matches", headers=world.coach.headers
    )
    assert response.status_code == 200
    items = response.json()["items"]
    assert [i["vacancy_id"] for i in items] == [world.vacancy]
    after = await pool.fetchval(
        "SELECT count(*) FROM audit_log WHERE employee_id = $1", world.people[1]
    )
    assert after == before + 1


async def test_withdrawn_consent_removes_the_person_from_matching(
    pool: asyncpg.Pool, client: httpx.AsyncClient, world: World
) -> None:
    consents = (
        await client.get(
            f"/api/v1/employees/{world.people[1]}/consents", headers=world.coach.headers
        )
    ).json()
    active = [c for c in consents if c["purpose"] == "matching" and c["active"]]
    if active:
        await client.post(
            f"/api/v1/employees/{world.people[1]}/consents/{active[0]['id']}/withdraw",
            headers=world.coach.headers,
        )
    async with db.transaction(pool) as conn:
        assert await matching.rescore_employee(conn, world.people[1]) == 0  # type: ignore[arg-type]
    await _rescore(pool, world)
    body = (
        await client.get(f"/api/v1/vacancies/{world.vacancy}/matches", headers=world.coach.headers)
    ).json()
    assert world.people[1] not in [i["employee_id"] for i in body["items"]]


async def test_full_recompute_agrees_with_the_incremental_scores(
    pool: asyncpg.Pool, world: World
) -> None:
    await _rescore(pool, world)
    incremental = dict(
        await pool.fetch(
            "SELECT employee_id::text, score FROM match WHERE vacancy_id = $1", world.vacancy
        )
    )
    async with db.transaction(pool) as conn:
        report = await recompute.run_here(conn)
    assert report.status == "done" and report.matches is not None
    assert report.matches >= len(incremental)
    full = dict(
        await pool.fetch(
            "SELECT employee_id::text, score FROM match WHERE vacancy_id = $1", world.vacancy
        )
    )
    for person, score in incremental.items():
        assert full[person] == pytest.approx(score, abs=1e-3)


async def test_publishing_a_vacancy_reaches_the_worker_and_brings_matches(
    pool: asyncpg.Pool,
    client: httpx.AsyncClient,
    world: World,
    worker_settings: Any,
    celery_worker: Any,
) -> None:
    occupation, skills = await _occupation(pool)
    vacancy = await factories.vacancy(
        client,
        world.employer,
        occupation,
        title="Via events",
        hours_min=16,
        hours_max=24,
        skills=factories.essential(skills),
    )
    published = await client.post(
        f"/api/v1/vacancies/{vacancy['id']}/publish", headers=world.employer.headers
    )
    assert published.status_code == 200
    celery = create_celery(worker_settings)
    deadline = time.monotonic() + 120  # the worker builds its skill model on first use
    found = 0
    while time.monotonic() < deadline and not found:
        await relay_batch(pool, celery, worker_settings)
        found = await pool.fetchval(
            "SELECT count(*) FROM match WHERE vacancy_id = $1", vacancy["id"]
        )
        await asyncio.sleep(0.5)
    assert found >= 1, "the worker did not store matches for the published vacancy"
    handled = await pool.fetchval(
        "SELECT count(*) FROM processed_event p JOIN outbox_event o ON o.id = p.event_id "
        "WHERE o.aggregate_id = $1 AND o.event_type = 'vacancy.published'",
        vacancy["id"],
    )
    assert handled == 1


async def test_vacancies_for_a_person_can_be_narrowed_by_rung_and_kind(
    pool: asyncpg.Pool, client: httpx.AsyncClient, world: World
) -> None:
    await _rescore(pool, world)
    path = f"/api/v1/employees/{world.people[0]}/matches"
    regular = await client.get(
        path, headers=world.coach.headers, params={"contract_kind": "regular", "ladder_rung": 6}
    )
    items = regular.json()["items"]
    assert world.vacancy in [i["vacancy_id"] for i in items]
    assert {(i["contract_kind"], i["ladder_rung"]) for i in items} == {("regular", 6)}
    sheltered = await client.get(
        path, headers=world.coach.headers, params={"contract_kind": "sheltered"}
    )
    assert sheltered.json()["items"] == [] and sheltered.json()["total"] == 0
    wrong = await client.get(path, headers=world.coach.headers, params={"ladder_rung": 9})
    assert wrong.status_code == 422 and "ladder_rung" in wrong.json()["fields"]
