"""Next steps and training plans through the API, on whichever taxonomy the session holds."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import asyncpg
import httpx
import pytest

from services.core import db
from services.core.matching import live
from services.core.matching import service as matching
from services.matcher.types import Person, PersonSkill, Vacancy, VacancySkill
from tests import factories


@dataclass
class Scene:
    coach: factories.User
    person: factories.User
    employer: factories.User
    other_coach: factories.User
    employee_id: str
    origin: str
    destination: str
    fits_vacancy: str
    step_vacancy: str
    missing: list[str]
    module: uuid.UUID


async def _ok(response: httpx.Response) -> Any:
    assert response.status_code in (200, 201), response.text
    return response.json()


async def _move(pool: asyncpg.Pool) -> asyncpg.Record:
    """A viable move to the same skill level or one up that leaves something to learn."""
    row = await pool.fetchrow(
        "SELECT t.origin_uri, t.destination_uri, t.missing_essential, "
        "  (SELECT array_agg(skill_uri ORDER BY skill_uri) FROM occupation_skill "
        "   WHERE occupation_uri = t.origin_uri AND relation = 'essential') AS origin_skills, "
        "  (SELECT array_agg(skill_uri ORDER BY skill_uri) FROM occupation_skill "
        "   WHERE occupation_uri = t.destination_uri AND relation = 'essential') AS dest_skills "
        "FROM occupation_transition t WHERE t.viable AND coalesce(t.level_delta, 0) IN (0, 1) "
        "AND cardinality(t.missing_essential) BETWEEN 1 AND 4 "
        "ORDER BY t.similarity DESC, t.origin_uri, t.destination_uri LIMIT 1"
    )
    assert row is not None, "the transition graph has no usable move"
    return row


async def _step_skills(pool: asyncpg.Pool, owned: list[str], missing: list[str]) -> list[str]:
    """Skills for a step-up vacancy that scores 50-60 for the person now: some they have,
    plus what they miss, so it is a stepping stone but not yet viable."""
    async with pool.acquire() as conn:
        engine = await live.matcher(conn)
    person = Person(
        "p", tuple(PersonSkill(u, 3, "observed") for u in owned), 4, 16, 32, consent_matching=True
    )
    for n in range(len(owned), 0, -1):
        skills = owned[:n] + missing
        vacancy = Vacancy(
            "v", tuple(VacancySkill(u, "essential") for u in skills), 5, "wise_paid", 20, 24
        )
        if 50 <= engine.score(person, vacancy) < 60:
            return skills
    pytest.skip("no mix of skills scores between 50 and 60 on this taxonomy")


@pytest.fixture
async def scene(app: object, pool: asyncpg.Pool) -> AsyncIterator[Scene]:
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://ns") as http:
        wise, other = await factories.organisation(pool), await factories.organisation(pool)
        employer_org = await factories.organisation(pool, "employer")
        coach = await factories.user(pool, http, wise, "jobcoach")
        person = await factories.user(pool, http, wise, "employee")
        employer = await factories.user(pool, http, employer_org, "employer")
        other_coach = await factories.user(pool, http, other, "jobcoach")
        move = await _move(pool)
        owned = [u for u in move["origin_skills"] if u not in move["missing_essential"]]
        missing = list(move["missing_essential"])[:2]
        employee = await factories.employee(
            http,
            coach,
            name="Sam de Boer",
            ladder_rung=4,
            hours_min=16,
            hours_max=32,
            account_id=str(person.account_id),
            current_occupation_uri=move["origin_uri"],
            target_occupation_uri=move["destination_uri"],
            skills=factories.observed(owned),
        )
        await factories.consent(http, coach, employee["id"])
        vacancies = []
        for title, kind, occupation, skills in (
            ("Schoonmaakhulp", "work_experience", move["origin_uri"], owned[:5]),
            (
                "Volgende stap",
                "wise_paid",
                move["destination_uri"],
                await _step_skills(pool, owned, missing),
            ),
        ):
            made = await factories.vacancy(
                http,
                employer,
                occupation,
                published=True,
                title=title,
                contract_kind=kind,
                hours_min=20,
                hours_max=24,
                skills=factories.essential(skills),
            )
            vacancies.append(made["id"])
        module = await pool.fetchval(
            "INSERT INTO training_module (code, title_nl, title_en, provider_kind, level, hours) "
            "VALUES ($1, 'Praktijkleren op de werkvloer', 'Learning on the job', "
            "'on_the_job', 3, 24) RETURNING id",
            f"test-{uuid.uuid4().hex[:8]}",
        )
        await pool.executemany(
            "INSERT INTO training_module_skill (module_id, skill_uri) VALUES ($1, $2)",
            [(module, u) for u in missing],
        )
        async with db.transaction(pool) as conn:  # what the worker does on these events
            await matching.rescore_employee(conn, uuid.UUID(employee["id"]))
        yield Scene(
            coach,
            person,
            employer,
            other_coach,
            employee["id"],
            move["origin_uri"],
            move["destination_uri"],
            vacancies[0],
            vacancies[1],
            missing,
            module,
        )
        await pool.execute("UPDATE training_module SET active = false WHERE id = $1", module)
        await pool.execute(
            "UPDATE vacancy SET status = 'closed' WHERE organisation_id = $1", employer_org
        )


async def test_next_steps_show_what_fits_a_step_up_a_route_and_a_plan(
    client: httpx.AsyncClient, scene: Scene
) -> None:
    body = await _ok(
        await client.get(
            f"/api/v1/employees/{scene.employee_id}/next-steps", headers=scene.coach.headers
        )
    )
    assert body["current_occupation"]["uri"] == scene.origin
    assert [v["vacancy_id"] for v in body["fits_now"]][:1] == [scene.fits_vacancy]
    fits = body["fits_now"][0]
    # The coach reads about the person; the person reads "je" (below).
    assert fits["score"] >= 60 and fits["why"]["nl"].startswith("Schoonmaakhulp. Deze persoon kan")
    step = [
        v for v in body["stepping_stones"]["vacancies"] if v["vacancy_id"] == scene.step_vacancy
    ]
    assert len(step) == 1 and 50 <= step[0]["score"] < 60
    assert {s["uri"] for s in step[0]["missing"]} == set(scene.missing)
    assert "stap verder" in step[0]["why"]["nl"] and "step up" in step[0]["why"]["en"]
    stones = body["stepping_stones"]["occupations"]
    assert scene.destination in {s["occupation"]["uri"] for s in stones}
    assert all(s["from_occupation"]["uri"] == scene.origin for s in stones)
    route = body["route"]
    assert route["found"] and route["steps"][-1]["occupation"]["uri"] == scene.destination
    assert route["total_gap"] == pytest.approx(sum(s["gap"] for s in route["steps"]), abs=0.02)
    plan = body["training_plan"]
    assert plan is not None and plan["why"]["nl"] and plan["why"]["en"]
    assert body["why"]["nl"].startswith("Er pas") and "bij deze persoon" in body["why"]["nl"]
    own = await _ok(
        await client.get(
            f"/api/v1/employees/{scene.employee_id}/next-steps", headers=scene.person.headers
        )
    )
    assert own["fits_now"][0]["why"]["nl"].startswith("Schoonmaakhulp. Je kunt al")
    assert " you " in own["why"]["en"] and " you " not in body["why"]["en"]
    digital = body["digital"]
    assert [a["area_id"] for a in digital] == [1, 2, 3, 4, 5]
    assert all(a["name"]["nl"] and a["name"]["en"] and 0 <= a["level"] <= 8 for a in digital)
    assert all(len(a["missing"]) <= a["asked"] for a in digital)


async def test_the_plan_for_a_step_up_names_the_module_and_what_it_opens(
    client: httpx.AsyncClient, scene: Scene
) -> None:
    plan = await _ok(
        await client.get(
            f"/api/v1/employees/{scene.employee_id}/training-plan",
            headers=scene.person.headers,
            params={"vacancy_id": scene.step_vacancy},
        )
    )
    assert plan["goal"] == "vacancy" and plan["goal_title"] == "Volgende stap"
    essentials = [s for s in plan["skills"] if s["essential"]]
    assert {s["skill"]["uri"] for s in essentials} >= set(scene.missing)
    assert plan["skills"][: len(essentials)] == essentials  # essential ones come first
    # Modules (the test's own, or catalogue ones) teach every missing skill.
    taught = {s["uri"] for m in plan["modules"] for s in m["teaches"]}
    assert taught >= set(scene.missing)
    assert plan["total_hours"] == sum(m["hours"] for m in plan["modules"])
    for module in plan["modules"]:
        assert f"{module['hours']} uur" in module["why"]["nl"]
        assert f"{module['hours']} hours" in module["why"]["en"]
    # Learning it all makes the step-up vacancy (at least) viable.
    assert plan["viable_after"] >= plan["viable_now"] + 1
    assert {s["uri"] for s in plan["uncovered"]} == {
        s["skill"]["uri"] for s in plan["skills"]
    } - taught
    assert all(s["opens"] >= 1 for s in essentials)  # the step vacancy asks for each


async def test_plans_for_an_occupation_and_the_route(
    client: httpx.AsyncClient, scene: Scene
) -> None:
    url = f"/api/v1/employees/{scene.employee_id}/training-plan"
    occupation = await _ok(
        await client.get(
            url, headers=scene.coach.headers, params={"occupation_uri": scene.destination}
        )
    )
    assert occupation["goal"] == "occupation" and occupation["skills"]
    route = await _ok(await client.get(url, headers=scene.coach.headers, params={"route": "true"}))
    assert route["goal"] == "route"
    assert {s["skill"]["uri"] for s in route["skills"]} >= set(scene.missing)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, None),
        ({"route": "true", "occupation_uri": "x"}, None),
        ({"occupation_uri": "urn:nowhere"}, "occupation_uri"),
        ({"vacancy_id": str(uuid.uuid4())}, "vacancy_id"),
    ],
)
async def test_a_plan_needs_exactly_one_real_goal(
    client: httpx.AsyncClient, scene: Scene, params: dict[str, str], field: str | None
) -> None:
    response = await client.get(
        f"/api/v1/employees/{scene.employee_id}/training-plan",
        headers=scene.coach.headers,
        params=params,
    )
    assert response.status_code == 422, response.text
    if field:
        assert field in response.json()["fields"]


async def test_next_steps_are_for_the_person_and_those_who_guide_them(
    client: httpx.AsyncClient, scene: Scene
) -> None:
    url = f"/api/v1/employees/{scene.employee_id}/next-steps"
    assert (await client.get(url, headers=scene.person.headers)).status_code == 200
    assert (await client.get(url, headers=scene.employer.headers)).status_code in (403, 404)
    assert (await client.get(url, headers=scene.other_coach.headers)).status_code == 404
    assert (await client.get(url)).status_code == 401
