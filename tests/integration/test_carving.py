"""Job carving: an occupation's tasks with how many people hold each, how many more people fit
a carved job than the full one (counts only), and the carved vacancy that matches and explains
like any other."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import asyncpg
import httpx
import pytest

from services.core import db
from services.core.matching import service as matching
from tests import factories
from tests.browser.http import form_data, page_client, sign_in
from tests.factories import Scene, ok

KEPT = 3  # tasks the carved job keeps
PARTIAL = 6  # people who hold only the kept tasks: more than a small group


@pytest.fixture(scope="module")
async def http(app: object) -> AsyncIterator[httpx.AsyncClient]:
    """One client for the module, whose world is built once."""
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://carve") as client:
        yield client


@dataclass
class World:
    """A scene whose occupation has many essential tasks; people who hold only the first few
    of them, and one who holds them all."""

    s: Scene
    occupation: str
    tasks: list[str]  # every skill of the occupation, essential first
    essential: list[str]
    kept: list[str]


async def _world(pool: asyncpg.Pool, http: httpx.AsyncClient) -> World:
    s = await factories.scene(pool, http)
    row = await pool.fetchrow(
        "SELECT occupation_uri, array_agg(skill_uri ORDER BY skill_uri) AS skills "
        "FROM occupation_skill WHERE relation = 'essential' GROUP BY occupation_uri "
        "HAVING count(*) >= 8 ORDER BY count(*) DESC, occupation_uri LIMIT 1"
    )
    occupation, essential = row["occupation_uri"], list(row["skills"])
    tasks = [
        r["skill_uri"]
        for r in await pool.fetch(
            "SELECT skill_uri FROM occupation_skill WHERE occupation_uri = $1 "
            "ORDER BY relation, skill_uri",
            occupation,
        )
    ]
    kept = essential[:KEPT]
    for n in range(PARTIAL):
        person = await factories.employee(
            http,
            s.coach,
            name=f"Deels {n}",
            hours_min=16,
            hours_max=32,
            skills=factories.observed(kept),
        )
        await factories.consent(http, s.coach, person["id"])
    whole = await factories.employee(
        http, s.coach, name="Heel", hours_min=16, hours_max=32, skills=factories.observed(tasks)
    )
    await factories.consent(http, s.coach, whole["id"])
    return World(s, occupation, tasks, essential, kept)


@pytest.fixture(scope="module")
async def world(pool: asyncpg.Pool, http: httpx.AsyncClient) -> World:
    """The module's world, built once: its counts stay as they are between tests."""
    return await _world(pool, http)


def _carved(w: World, **more: Any) -> dict[str, Any]:
    return {"occupation_uri": w.occupation, "kept": w.kept} | more


async def test_tasks_list_the_occupations_skills_essential_first_with_holders(
    world: World, http: httpx.AsyncClient
) -> None:
    found = await ok(
        await http.get(
            "/api/v1/carving/tasks",
            params={"occupation_uri": world.occupation, "lang": "en"},
            headers=world.s.employer.headers,
        )
    )
    assert [t["skill_uri"] for t in found["tasks"]] != []
    assert {t["skill_uri"] for t in found["tasks"]} == set(world.tasks)
    relations = [t["relation"] for t in found["tasks"]]
    assert relations == sorted(relations)  # essential before optional
    held = {t["skill_uri"]: t["holders"] for t in found["tasks"]}
    for uri in world.kept:  # the partial people and the whole one hold these
        assert held[uri] is not None and held[uri] >= PARTIAL + 1
    assert all(t["label"] and t["label_lang"] in ("nl", "en") for t in found["tasks"])
    assert found["people"] is None or found["people"] >= PARTIAL + 2


async def test_the_carved_job_fits_more_people_than_the_full_one(
    world: World, http: httpx.AsyncClient
) -> None:
    found = await ok(
        await http.post(
            "/api/v1/carving/preview", json=_carved(world), headers=world.s.employer.headers
        )
    )
    # Only the people who hold every task fit the full job: too few to show exactly.
    assert found["full"] is None and found["difference"] is None, found
    # The people who hold just the kept tasks fit the carved job (one who holds every task of
    # a long ESCO occupation may not: the carved job uses little of their profile).
    assert found["carved"] is not None and found["carved"] >= PARTIAL, found
    assert found["kept"] == world.kept
    assert set(found["left_out"]) == set(world.tasks) - set(world.kept)
    # Hours that nobody of the world works rule them all out.
    none = await ok(
        await http.post(
            "/api/v1/carving/preview",
            json=_carved(world, hours_min=40, hours_max=40),
            headers=world.s.employer.headers,
        )
    )
    assert none["carved"] < found["carved"]


async def test_who_may_carve_is_who_may_post_vacancies(
    world: World, http: httpx.AsyncClient
) -> None:
    params = {"occupation_uri": world.occupation}
    for user, expected in (
        (world.s.admin, 200),
        (world.s.employer, 200),
        (world.s.coach, 403),
        (world.s.person, 403),
    ):
        tasks = await http.get("/api/v1/carving/tasks", params=params, headers=user.headers)
        preview = await http.post(
            "/api/v1/carving/preview", json=_carved(world), headers=user.headers
        )
        assert (tasks.status_code, preview.status_code) == (expected, expected), user.role
    anonymous = await http.post("/api/v1/carving/preview", json=_carved(world))
    assert anonymous.status_code == 401


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"kept": []}, "kept"),
        ({"kept": ["urn:opstap:skill:no-such-task"]}, "kept.0"),
        ({"occupation_uri": "urn:opstap:occupation:no-such-job"}, "occupation_uri"),
        ({"hours_min": 30, "hours_max": 20}, "hours_max"),
        ({"accommodations": ["no_such_code"]}, "accommodations.0"),
    ],
)
async def test_a_carved_job_that_is_not_one_is_a_422_naming_the_field(
    world: World, http: httpx.AsyncClient, change: dict[str, Any], field: str
) -> None:
    for path, extra in (
        ("/api/v1/carving/preview", {}),
        ("/api/v1/carving/vacancies", {"title": "Op maat", "contract_kind": "regular"}),
    ):
        body = _carved(world, hours_min=8, hours_max=24) | extra | change
        answer = await http.post(path, json=body, headers=world.s.employer.headers)
        assert answer.status_code == 422, (path, answer.text)
        assert field in answer.json()["fields"], (path, answer.json())


async def test_a_task_of_another_occupation_is_refused(
    world: World, http: httpx.AsyncClient, pool: asyncpg.Pool
) -> None:
    other = await pool.fetchval(
        "SELECT skill_uri FROM occupation_skill WHERE skill_uri <> ALL($2::text[]) "
        "AND occupation_uri <> $1 ORDER BY skill_uri LIMIT 1",
        world.occupation,
        world.tasks,
    )
    body = _carved(world, kept=[*world.kept, other])
    answer = await http.post("/api/v1/carving/preview", json=body, headers=world.s.admin.headers)
    assert answer.status_code == 422 and "kept.3" in answer.json()["fields"]
    unknown = await http.get(
        "/api/v1/carving/tasks",
        params={"occupation_uri": "urn:opstap:occupation:no-such-job"},
        headers=world.s.admin.headers,
    )
    assert unknown.status_code == 422 and "occupation_uri" in unknown.json()["fields"]


async def test_a_carved_vacancy_publishes_matches_and_explains_like_any_other(
    world: World, http: httpx.AsyncClient, pool: asyncpg.Pool
) -> None:
    employer = world.s.employer.headers
    body = _carved(
        world,
        title="Fietsen poetsen op maat",
        contract_kind="wise_paid",
        hours_min=16,
        hours_max=24,
        accommodations=["job_coach_on_site"],
    )
    made = await ok(await http.post("/api/v1/carving/vacancies", json=body, headers=employer))
    assert made["status"] == "draft" and made["carved"] is True
    assert [s["skill_uri"] for s in made["skills"]] == sorted(world.kept)
    assert {s["relation"] for s in made["skills"]} == {"essential"}
    assert set(made["left_out"]) == set(world.tasks) - set(world.kept)
    vacancy_id = made["id"]
    opened = await ok(await http.post(f"/api/v1/vacancies/{vacancy_id}/publish", headers=employer))
    assert opened["status"] == "open" and opened["carved"] is True
    async with db.transaction(pool) as conn:
        assert await matching.rescore_vacancy(conn, uuid.UUID(vacancy_id)) >= PARTIAL
    found = await ok(
        await http.get(
            f"/api/v1/vacancies/{vacancy_id}/matches?explain=true", headers=world.s.coach.headers
        )
    )
    partial = [m for m in found["items"] if m["name"].startswith("Deels")]
    assert len(partial) == PARTIAL
    assert all(m["explanation"] and not m["explanation"]["missing_essential"] for m in partial)
    # The employer sees none of them by name, and all of them as a count.
    theirs = await ok(await http.get(f"/api/v1/vacancies/{vacancy_id}/matches", headers=employer))
    assert theirs["visible"] == 0 and theirs["others"] >= PARTIAL
    # Changed like any vacancy, it stays carved; what is left out follows its skills.
    changed = await ok(
        await http.patch(
            f"/api/v1/vacancies/{vacancy_id}",
            json={"skills": factories.essential(world.kept[:2])},
            headers=employer,
        )
    )
    assert changed["carved"] is True and world.kept[2] in changed["left_out"]
    plain = await ok(await http.get(f"/api/v1/vacancies/{vacancy_id}", headers=employer))
    assert plain["carved"] is True


async def test_the_carving_page_works_without_script_from_occupation_to_draft(
    world: World, app: object, pool: asyncpg.Pool
) -> None:
    async with page_client(app) as browser:
        assert (await sign_in(browser, world.s.employer.email)).status_code == 303
        home = await browser.get("/employer")
        assert 'href="/employer/carve"' in home.text
        first = await browser.get(f"/employer/carve?occupation_uri={world.occupation}")
        assert first.status_code == 200, first.text
        # The full job first: every essential task ticked, the counts beside it.
        data = form_data(first.text, "/employer/carve")
        assert set(data["kept"]) == set(world.essential)
        # Keep the three tasks, count again: more candidates, in words.
        counted = await browser.post(
            "/employer/carve",
            data=form_data(first.text, "/employer/carve", kept=world.kept, intent="count"),
        )
        assert counted.status_code == 200
        assert "Minder dan 5 kandidaten passen bij het volledige werk" in counted.text
        assert "bij het werk op maat" in counted.text
        # No task kept: the page says what to fix.
        none = await browser.post(
            "/employer/carve",
            data=form_data(counted.text, "/employer/carve", kept=None, intent="count"),
        )
        assert none.status_code == 422 and "Kies minstens één taak van dit beroep." in none.text
        # Save it as a draft vacancy.
        fields = {
            "title": "Remmen stellen op maat",
            "contract_kind": "wise_paid",
            "hours_min": "16",
            "hours_max": "24",
            "accommodations": ["job_coach_on_site"],
            "intent": "create",
        }
        saved = await browser.post(
            "/employer/carve", data=form_data(counted.text, "/employer/carve", **fields)
        )
        assert saved.status_code == 303, saved.text
        page = await browser.get(saved.headers["location"])
    vacancy_id = saved.headers["location"].split("/")[-1].split("?")[0]
    row = await pool.fetchrow(
        "SELECT carved, status, organisation_id FROM vacancy WHERE id = $1", uuid.UUID(vacancy_id)
    )
    assert row["carved"] and row["status"] == "draft"
    assert row["organisation_id"] == world.s.employer.organisation_id
    assert "Uit het volledige werk gehaald" in page.text
    assert "bij het werk op maat" in page.text
