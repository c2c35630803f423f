"""Repeated skill steps without a page load (static/keep-place.js) over HTTP: asked with the
header X-Opstap-Fragment, the coach's skill handler and the vacancy form answer with the skills
part alone (the focus and the announcement in headers; errors as 422 with the message beside the
field); asked without it, the same posts redirect or answer the full page, as before."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import unquote

import asyncpg
import httpx
import pytest

from services.api.pages.fragments import ANNOUNCE, FOCUS, HEADER
from services.core.settings import Settings
from tests.browser import world as pages_world
from tests.browser.http import csrf_of, page_client, sign_in

ASK = {HEADER: "skill-editor"}


@pytest.fixture(scope="module")
async def world(pool: asyncpg.Pool, settings: Settings) -> pages_world.World:
    """The pages' world, built once for this module."""
    return await pages_world.build(pool, settings, tag="keep")


@pytest.fixture
async def coach(app: Any, world: pages_world.World) -> AsyncIterator[httpx.AsyncClient]:
    """A signed-in jobcoach's browser."""
    async with page_client(app) as http:
        assert (await sign_in(http, world.logins["coach"].email)).status_code == 303
        yield http


@pytest.fixture
async def employer(app: Any, world: pages_world.World) -> AsyncIterator[httpx.AsyncClient]:
    """A signed-in employer's browser."""
    async with page_client(app) as http:
        assert (await sign_in(http, world.logins["employer"].email)).status_code == 303
        yield http


def _is_part(response: httpx.Response) -> None:
    """The skills part alone: no page around it, marked as a fragment."""
    assert response.headers[HEADER] == "1"
    assert "<html" not in response.text and "<main" not in response.text
    assert response.text.count('id="skill-editor"') == 1
    assert response.headers["cache-control"] == "no-store"


async def _skills_of(pool: asyncpg.Pool, person: Any) -> list[str]:
    rows = await pool.fetch(
        "SELECT skill_uri FROM employee_skill WHERE employee_id = $1 ORDER BY skill_uri", person
    )
    return [r["skill_uri"] for r in rows]


async def test_a_coach_adds_and_removes_skills_as_parts_with_the_focus_where_the_work_goes_on(
    coach: httpx.AsyncClient, pool: asyncpg.Pool, world: pages_world.World
) -> None:
    person = world.people["daan"]  # has the first three of the world's skills
    profile = f"/coach/people/{person}/profile"
    token = csrf_of((await coach.get(profile)).text)
    post = f"/coach/people/{person}/skills"
    added = world.skills[4]

    response = await coach.post(
        post,
        data={
            "csrf_token": token,
            "action": "add",
            "skill_uri": added,
            "level": "3",
            "source": "observed",
        },
        headers=ASK,
    )
    assert response.status_code == 200
    _is_part(response)
    assert response.headers[FOCUS] == "skill-q"
    assert unquote(response.headers[ANNOUNCE]) == "De vaardigheid is toegevoegd."
    assert f'value="{added}"' in response.text  # the new row
    assert 'id="skill-q"' in response.text and 'value=""' in response.text  # search emptied
    assert response.text.count('id="s4-remove"') == 1  # four rows now
    assert await _skills_of(pool, person) == sorted([*world.skills[:3], added])

    # Removing the second row: the focus goes to the row that takes its place.
    now = await _skills_of(pool, person)
    response = await coach.post(
        post, data={"csrf_token": token, "action": "remove", "skill_uri": now[1]}, headers=ASK
    )
    assert response.status_code == 200
    _is_part(response)
    assert response.headers[FOCUS] == "s2-remove"
    assert unquote(response.headers[ANNOUNCE]) == "De vaardigheid is verwijderd."
    assert f'value="{now[1]}"' not in response.text
    # Removing the last row: the focus goes to the row before it.
    response = await coach.post(
        post, data={"csrf_token": token, "action": "remove", "skill_uri": now[-1]}, headers=ASK
    )
    assert response.headers[FOCUS] == "s2-remove"
    # Changing a level: the focus stays on that row's save button.
    response = await coach.post(
        post,
        data={
            "csrf_token": token,
            "action": "update",
            "skill_uri": now[2],
            "level": "1",
            "source": "self",
        },
        headers=ASK,
    )
    assert response.headers[FOCUS] == "s2-save"
    assert unquote(response.headers[ANNOUNCE]) == "De vaardigheid is opgeslagen."
    assert await _skills_of(pool, person) == [now[0], now[2]]

    # Without the header the same post redirects to the page, as it always did.
    response = await coach.post(
        post, data={"csrf_token": token, "action": "remove", "skill_uri": now[0]}
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"{profile}?done=skill_removed#skills"
    assert HEADER not in response.headers
    # The last one goes: nothing is left to focus in the list, so the search takes it.
    response = await coach.post(
        post, data={"csrf_token": token, "action": "remove", "skill_uri": now[2]}, headers=ASK
    )
    assert response.headers[FOCUS] == "skill-q"
    assert await _skills_of(pool, person) == []


async def test_a_coachs_refused_skill_comes_back_as_a_part_with_the_error_at_the_field(
    coach: httpx.AsyncClient, pool: asyncpg.Pool, world: pages_world.World
) -> None:
    person = world.people["noor"]
    before = await _skills_of(pool, person)
    token = csrf_of((await coach.get(f"/coach/people/{person}/profile")).text)
    post = f"/coach/people/{person}/skills"
    cases = (
        ({"skill_uri": ""}, "add-skill-uri", "Kies eerst een vaardigheid."),
        ({"skill_uri": "urn:opstap:skill:none"}, "add-skill-uri", "kent Opstap niet"),
        ({"skill_uri": world.skills[4], "level": "9"}, "add-level", "hoogstens 4"),
    )
    for sent, field_id, message in cases:
        data = {"csrf_token": token, "action": "add", "level": "2", "source": "self", **sent}
        response = await coach.post(post, data=data, headers=ASK)
        assert response.status_code == 422, sent
        _is_part(response)
        assert response.headers[FOCUS] == field_id
        assert ANNOUNCE not in response.headers
        field = re.search(f'<select id="{field_id}"[^>]*>', response.text)
        assert field is not None, sent
        assert 'aria-invalid="true"' in field[0], sent
        assert f'aria-describedby="{field_id}-error"' in field[0]
        error = re.search(f'id="{field_id}-error">(.*?)</p>', response.text)
        assert error is not None and message in error[1], sent
    # Without the header: the whole page, with the same error.
    response = await coach.post(post, data={"csrf_token": token, "action": "add"})
    assert response.status_code == 422
    assert "<main" in response.text and 'id="add-skill-uri-error"' in response.text
    assert await _skills_of(pool, person) == before


async def test_a_part_needs_the_form_token_like_any_post(
    coach: httpx.AsyncClient, pool: asyncpg.Pool, world: pages_world.World
) -> None:
    person = world.people["noor"]
    before = await _skills_of(pool, person)
    response = await coach.post(
        f"/coach/people/{person}/skills",
        data={"action": "remove", "skill_uri": before[0]},
        headers=ASK,
    )
    assert response.status_code == 403
    assert HEADER not in response.headers  # not a part: the script sends the form plainly
    assert await _skills_of(pool, person) == before


def _vacancy_data(token: str, skills: list[str], **more: str) -> dict[str, Any]:
    return {
        "csrf_token": token,
        "title": "Magazijn",
        "skill_uri": skills,
        "skill_relation": ["essential"] * len(skills),
        "skill_level": ["2"] * len(skills),
        **more,
    }


async def test_the_vacancy_forms_skill_steps_answer_with_the_skills_part(
    employer: httpx.AsyncClient, pool: asyncpg.Pool, world: pages_world.World
) -> None:
    new = "/employer/vacancies/new"
    token = csrf_of((await employer.get(new)).text)
    first, second = world.skills[0], world.skills[1]

    response = await employer.post(
        new,
        data=_vacancy_data(token, [first], intent="add_skill", skill_pick=second, skill_q="x"),
        headers=ASK,
    )
    assert response.status_code == 200
    _is_part(response)
    assert response.headers[FOCUS] == "skill-q"
    assert unquote(response.headers[ANNOUNCE]).startswith("De vaardigheid staat in de lijst.")
    assert re.findall(r'name="skill_uri" value="([^"]+)"', response.text) == [first, second]
    assert 'id="skills-1-remove"' in response.text
    assert "<form" not in response.text  # the part of the form, not a second form
    assert 'formaction="/employer/vacancies/new#from-text"' in response.text

    # The same skill again: nothing doubles, and the live region says why.
    response = await employer.post(
        new,
        data=_vacancy_data(token, [first, second], intent="add_skill", skill_pick=second),
        headers=ASK,
    )
    assert re.findall(r'name="skill_uri" value="([^"]+)"', response.text) == [first, second]
    assert unquote(response.headers[ANNOUNCE]) == "Deze vaardigheid stond al in de lijst."

    # Removing the first: the focus goes to the row that takes its place; the last: the search.
    response = await employer.post(
        new, data=_vacancy_data(token, [first, second], intent="remove_skill:0"), headers=ASK
    )
    assert re.findall(r'name="skill_uri" value="([^"]+)"', response.text) == [second]
    assert response.headers[FOCUS] == "skills-0-remove"
    response = await employer.post(
        new, data=_vacancy_data(token, [second], intent="remove_skill:0"), headers=ASK
    )
    assert response.headers[FOCUS] == "skill-q"
    assert 'name="skill_uri"' not in response.text

    # Adding without choosing: 422, the message beside the list to choose from, focus there.
    response = await employer.post(
        new, data=_vacancy_data(token, [], intent="add_skill"), headers=ASK
    )
    assert response.status_code == 422
    _is_part(response)
    assert response.headers[FOCUS] == "skill-pick"
    assert 'id="skill-pick-error"' in response.text
    assert re.search(r'<select id="skill-pick"[^>]*aria-invalid="true"', response.text)


async def test_without_the_header_the_vacancy_form_loads_whole_and_saving_is_never_a_part(
    employer: httpx.AsyncClient, pool: asyncpg.Pool, world: pages_world.World
) -> None:
    new = "/employer/vacancies/new"
    token = csrf_of((await employer.get(new)).text)
    data = _vacancy_data(token, [], intent="add_skill", skill_pick=world.skills[2])
    response = await employer.post(new, data=data)
    assert response.status_code == 200
    assert HEADER not in response.headers
    assert "<h1>" in response.text and 'value="Magazijn"' in response.text
    assert f'name="skill_uri" value="{world.skills[2]}"' in response.text

    # Saving with the header (a stray one) is the plain save: a redirect to the vacancy.
    data = _vacancy_data(
        token,
        [world.skills[2]],
        intent="save",
        occupation_uri=world.occupation,
        contract_kind="wise_paid",
        hours_min="8",
        hours_max="16",
        title="Magazijn keep",
    )
    response = await employer.post(new, data=data, headers=ASK)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/employer/vacancies/")
    vacancy = response.headers["location"].split("/")[3].split("?")[0]

    # The edit form's skill steps are parts too.
    edit = f"/employer/vacancies/{vacancy}/edit"
    data = _vacancy_data(token, [world.skills[2]], intent="add_skill", skill_pick=world.skills[3])
    response = await employer.post(edit, data=data, headers=ASK)
    assert response.status_code == 200
    _is_part(response)
    assert f'formaction="{edit}#from-text"' in response.text
    stored = await pool.fetchval(
        "SELECT count(*) FROM vacancy_skill WHERE vacancy_id = $1::uuid", vacancy
    )
    assert stored == 1  # a step is not a save
