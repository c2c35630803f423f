"""Work capacity on the pages: the coach's tab (a select per item in a fieldset per category,
saved without script, a date in the future sent back with its message), the person's own
profile in "je" words and the "only work that fits what I can do" filter on /me/work, and the
demands on the employer's vacancy form."""

from __future__ import annotations

import re
import uuid
from typing import Any

import asyncpg
import pytest

from services.core.settings import Settings
from tests.browser import world as pages_world
from tests.browser.http import form_data, page_client, sign_in, submit

JOB_LINK = re.compile(r'href="/me/jobs/([0-9a-f-]{36})"')


@pytest.fixture(scope="module")
async def world(pool: asyncpg.Pool, settings: Settings) -> pages_world.World:
    """The pages' world, built once for this module."""
    return await pages_world.build(pool, settings)


def _selected(page: str, field: str) -> str | None:
    """The value of the chosen option of the select `field` (by its id)."""
    start = page.find(f'<select id="{field}"')
    assert start >= 0, field
    block = page[start : page.index("</select>", start)]
    found = re.search(r'<option value="([^"]*)"[^>]* selected', block)
    return found.group(1) if found else None


async def test_a_coach_records_capacity_on_the_tab_by_category(
    app: Any, pool: asyncpg.Pool, world: pages_world.World
) -> None:
    noor = world.people["noor"]
    url = f"/coach/people/{noor}/capacity"
    async with page_client(app) as http:
        await sign_in(http, world.logins["coach"].email)
        shown = await http.get(f"{url}?lang=nl")
        assert shown.status_code == 200
        assert shown.text.count("<fieldset") == 6
        assert f'href="{url}" aria-current="page"' in shown.text  # the tab is marked
        assert "Niet bekend" in shown.text and "tot een half uur achter elkaar" in shown.text
        data = {"level_standing": "2", "level_noise": "0", "assessed_on": "2026-11-02"}
        saved = await submit(http, url, url, data)
        assert saved.status_code == 303 and "done=capacity_saved" in saved.headers["location"]
        again = await http.get(url)
    assert _selected(again.text, "level-standing") == "2"
    assert _selected(again.text, "level-lifting") is None
    rows = await pool.fetch(
        "SELECT item, level, assessed_on::text FROM employee_capacity WHERE employee_id = $1 "
        "ORDER BY item",
        noor,
    )
    assert [tuple(r) for r in rows] == [("noise", 0, "2026-11-02"), ("standing", 2, "2026-11-02")]


async def test_a_date_in_the_future_comes_back_with_its_message_and_nothing_is_written(
    app: Any, pool: asyncpg.Pool, world: pages_world.World
) -> None:
    daan = world.people["daan"]
    url = f"/coach/people/{daan}/capacity"
    async with page_client(app) as http:
        await sign_in(http, world.logins["coach"].email)
        data = {"level_lifting": "3", "assessed_on": "2099-01-01"}
        answer = await submit(http, f"{url}?lang=en", url, data)
        wrong = await submit(http, url, url, {"level_lifting": "9"})
    assert answer.status_code == 422
    assert 'id="assessed-on-error"' in answer.text and "today or earlier" in answer.text
    assert _selected(answer.text, "level-lifting") == "3"  # what was chosen stays
    assert wrong.status_code == 422 and 'id="level-lifting-error"' in wrong.text
    count = "SELECT count(*) FROM employee_capacity WHERE employee_id = $1"
    assert await pool.fetchval(count, daan) == 0


async def test_the_person_reads_their_capacity_and_filters_the_work_that_fits(
    app: Any, pool: asyncpg.Pool, world: pages_world.World
) -> None:
    noor = world.people["noor"]
    await pool.execute(
        "INSERT INTO employee_capacity (employee_id, item, level) VALUES ($1, 'lifting', 1) "
        "ON CONFLICT (employee_id, item) DO UPDATE SET level = 1",
        noor,
    )
    async with page_client(app) as http:
        await sign_in(http, world.logins["employee"].email)
        every = await http.get("/me/work?lang=nl")
        jobs = list(dict.fromkeys(JOB_LINK.findall(every.text)))
        assert jobs, "Noor has work on her page"
        heavy = uuid.UUID(jobs[0])
        await pool.execute(
            "INSERT INTO vacancy_capacity_demand (vacancy_id, item, level) "
            "VALUES ($1, 'lifting', 4) ON CONFLICT (vacancy_id, item) DO UPDATE SET level = 4",
            heavy,
        )
        try:
            fits = await http.get("/me/work?capacity=fits")
            still = await http.get("/me/work")
        finally:
            await pool.execute("DELETE FROM vacancy_capacity_demand WHERE vacancy_id = $1", heavy)
    assert "Wat je aankunt in het werk" in every.text
    assert "Tillen en dragen</strong>: lichte dingen, tot 2 kilo" in every.text
    assert 'href="/me/work?capacity=fits"' in every.text
    assert f"/me/jobs/{heavy}" not in fits.text
    assert set(jobs[1:]) <= set(JOB_LINK.findall(fits.text))
    assert "Je ziet alleen werk dat past bij wat je aankunt." in fits.text
    assert f"/me/jobs/{heavy}" in still.text
    assert await pool.fetchval(
        "SELECT count(*) FROM audit_log WHERE employee_id = $1 AND purpose = 'own_capacity'",
        noor,
    )


async def test_the_employer_states_demands_on_the_vacancy_form(
    app: Any, pool: asyncpg.Pool, world: pages_world.World
) -> None:
    vacancy = world.vacancies["employer_journey"]
    url = f"/employer/vacancies/{vacancy}/edit"
    async with page_client(app) as http:
        await sign_in(http, world.logins["employer"].email)
        form = await http.get(f"{url}?lang=nl")
        assert "Wat vraagt dit werk? (niet verplicht)" in form.text
        assert '<details class="capacity-demands">' in form.text  # closed: nothing asked yet
        page = await http.get(url)
        values = _form_values(page.text)
        saved = await submit(http, url, url, {**values, "demand_lifting": "3"})
        assert saved.status_code == 303, saved.text[:2000]
        again = await http.get(url)
        wrong = await submit(http, url, url, {**values, "demand_noise": "7"})
    assert '<details class="capacity-demands" open>' in again.text
    assert _selected(again.text, "demand-lifting") == "3"
    rows = await pool.fetch(
        "SELECT item, level FROM vacancy_capacity_demand WHERE vacancy_id = $1", vacancy
    )
    assert [tuple(r) for r in rows] == [("lifting", 3)]
    assert wrong.status_code == 422 and 'id="demand-noise-error"' in wrong.text
    await pool.execute("DELETE FROM vacancy_capacity_demand WHERE vacancy_id = $1", vacancy)


def _form_values(page: str) -> dict[str, Any]:
    """The vacancy form as a browser sends it (its token left out), saving."""
    found = form_data(page, "/employer/vacancies/")
    found.pop("csrf_token", None)
    return {**found, "intent": "save"}
