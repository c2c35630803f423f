"""Training suggestions fit the goal: a module is offered for a missing skill only when the
skill model credits that skill through the skill itself after the module (not a neighbouring
skill it already credits, nor an unrelated one), a module about another trade is not offered,
and when no course teaches a skill the plan says so plainly, never "0 more vacancies"."""

from __future__ import annotations

import re
import uuid
from typing import Any

import asyncpg
import numpy as np
import pytest

from services.core.matching import live
from services.core.next_steps import plan, service
from services.core.settings import Settings
from services.matcher.scoring import Matcher
from services.matcher.types import Person, PersonSkill, Vacancy, VacancySkill
from tests.browser import world as pages_world
from tests.browser.http import page_client, sign_in


def _module(code: str, skills: list[str], level: int = 2) -> dict[str, Any]:
    return {"code": code, "skills": skills, "level": level, "hours": 8}


def _neighbours(engine: Matcher, column: int) -> list[int]:
    """The model's skills that give related credit to the skill in `column`, most first."""
    found = engine.related_by_column[:, column]
    rows, values = found.nonzero()[0], found.data
    return [int(r) for r in rows[np.argsort(-values, kind="stable")] if r != column]


async def _skill_with_two_neighbours(engine: Matcher) -> tuple[str, str, str, str]:
    """(a skill, two skills the model relates to it, a skill it does not relate to it)."""
    uris = engine.model.skill_uris
    for column in range(len(uris)):
        near = _neighbours(engine, column)
        if len(near) >= 2:
            related = set(near) | {column}
            far = next(i for i in range(len(uris)) if i not in related)
            return uris[column], uris[near[0]], uris[near[1]], uris[far]
    raise AssertionError("the skill model relates no skill to two others")


@pytest.fixture
async def engine(conn: asyncpg.Connection) -> Matcher:
    return await live.matcher(conn)


async def test_only_a_module_that_teaches_the_skill_itself_is_offered(engine: Matcher) -> None:
    skill, sibling, other_sibling, unrelated = await _skill_with_two_neighbours(engine)
    # The person has a neighbour of the skill: the model already credits the skill through it.
    person = Person("p", (PersonSkill(sibling, 3, "observed"),), ladder_rung=4)
    goal = Vacancy("v", (VacancySkill(skill, "essential"),), 4, "regular", 8, 32)
    modules = [
        _module("the-skill", [skill]),
        _module("a-sibling", [other_sibling]),
        _module("unrelated", [unrelated]),
    ]
    judged = plan.judged(engine, person, goal, [skill], modules)  # type: ignore[arg-type]
    assert set(judged) == {"the-skill"}
    assert judged["the-skill"].teaches == [skill]
    assert plan.cover([skill], modules, judged) == [modules[0]]  # type: ignore[arg-type]


async def test_a_module_the_goal_hardly_uses_is_not_offered(engine: Matcher) -> None:
    skill, _, _, _ = await _skill_with_two_neighbours(engine)
    person = Person("p", (), ladder_rung=4)
    goal = Vacancy("v", (VacancySkill(skill, "essential"),), 4, "regular", 8, 32)
    # A course on another trade that mentions the skill among many others of its own.
    column = engine.model.index[skill]
    near = set(engine.affinity_by_column[:, column].nonzero()[0].tolist()) | {column}
    rest = [u for i, u in enumerate(engine.model.skill_uris) if i not in near][:40]
    trade = _module("another-trade", [skill, *rest])
    assert plan.module_fit(engine, trade, goal) < plan.MIN_MODULE_FIT  # type: ignore[arg-type]
    assert plan.judged(engine, person, goal, [skill], [trade]) == {}  # type: ignore[arg-type]
    assert set(plan.judged(engine, person, goal, [skill], [_module("own", [skill])]))  # type: ignore[arg-type]


@pytest.fixture(scope="module")
async def world(pool: asyncpg.Pool, settings: Settings) -> pages_world.World:
    return await pages_world.build(pool, settings)


async def _plan(conn: asyncpg.Connection, settings: Settings, world: pages_world.World, **kw: Any):  # type: ignore[no-untyped-def]
    return await service.training_plan(
        conn, settings, world.people["noor"], vacancy_id=world.vacancies["coach_journey"], **kw
    )


async def test_without_a_course_the_plan_says_so_to_the_person_and_the_coach(
    conn: asyncpg.Connection, settings: Settings, world: pages_world.World
) -> None:
    await conn.execute("UPDATE training_module SET active = false")
    found = await _plan(conn, settings, world)
    assert found.skills and not found.modules
    assert found.no_course is not None
    assert found.no_course.nl == "Voor deze vaardigheid is nog geen cursus. Vraag je jobcoach."
    assert "nog geen cursus" in found.why.nl and not re.search(r"\b0\b", found.why.nl)
    coach = await _plan(conn, settings, world, reader="coach")
    assert coach.no_course is not None
    assert "deze persoon" in coach.no_course.nl and "je jobcoach" not in coach.no_course.nl


async def test_a_module_for_the_missing_skill_is_offered_and_one_for_another_is_not(
    conn: asyncpg.Connection, settings: Settings, world: pages_world.World
) -> None:
    await conn.execute("UPDATE training_module SET active = false")
    missing = world.skills[4]  # Noor has the first four
    other = await conn.fetchval(
        "SELECT uri FROM skill WHERE uri <> ALL($1::text[]) ORDER BY uri LIMIT 1", world.skills
    )
    for code, skills in (("fit-own", [missing]), ("fit-other", [other])):
        module_id = await conn.fetchval(
            "INSERT INTO training_module (code, title_nl, title_en, provider_kind, level, hours) "
            "VALUES ($1, $1, $1, 'course', 2, 8) RETURNING id",
            f"{code}-{uuid.uuid4().hex[:6]}",
        )
        await conn.executemany(
            "INSERT INTO training_module_skill (module_id, skill_uri) VALUES ($1, $2)",
            [(module_id, s) for s in skills],
        )
    found = await _plan(conn, settings, world)
    assert [m.code.rsplit("-", 1)[0] for m in found.modules] == ["fit-own"]
    assert [s.uri for s in found.modules[0].teaches] == [missing]
    assert found.no_course is None


async def test_the_coach_page_never_says_nothing_opens_in_numbers(
    app: Any, world: pages_world.World
) -> None:
    async with page_client(app) as http:
        assert (await sign_in(http, world.logins["coach"].email)).status_code == 303
        page = await http.get(f"/coach/people/{world.people['noor']}")
    assert page.status_code == 200
    assert "Nu passen" not in page.text and "na het hele plan 0" not in page.text
