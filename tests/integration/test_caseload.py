"""The caseload page: every column sorts both ways with plain links (aria-sort says which),
an unknown order is ignored, paging keeps the order, and the overview lists the caseload's
fitting matches nobody decided on and the introductions awaiting an answer."""

from __future__ import annotations

import re
import uuid
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

import asyncpg
import pytest

from services.core import clock
from services.core.employees import service as employees
from services.core.employees.models import EmployeeIn
from services.core.settings import Settings
from tests import factories
from tests.browser import world as pages_world
from tests.browser.http import page_client, sign_in

ROW = re.compile(r'<th scope="row"><a href="/coach/people/([0-9a-f-]{36})">')
HEADER = re.compile(r'<th scope="col"( aria-sort="(\w+)")?><a class="sort-link" href="([^"]+)">')
KEYS = ("name", "rung", "best", "open", "changed", "profile")


@pytest.fixture(scope="module")
async def world(pool: asyncpg.Pool, settings: Settings) -> pages_world.World:
    """The pages' world, with the coach's people made to differ in every column: rungs,
    profile changes days apart, and one person without any match."""
    found = await pages_world.build(pool, settings)
    async with pool.acquire() as conn, conn.transaction():
        coach = found.logins["coach"].actor
        body = EmployeeIn(name=f"Aafke Zonder {found.tag}", ladder_rung=2, hours_min=8)
        found.people["unmatched"] = (await employees.create(conn, coach, body)).id
        for key, rung, days in (("noor", 5, 9), ("shy", 3, 1), ("daan", 4, 30)):
            await conn.execute(
                "UPDATE employee SET ladder_rung = $2, "
                "updated_at = now() - make_interval(days => $3) WHERE id = $1",
                found.people[key],
                rung,
                days,
            )
    return found


@pytest.fixture
async def coach(app: Any, world: pages_world.World) -> AsyncIterator[Any]:
    """A signed-in jobcoach's browser."""
    async with page_client(app) as http:
        assert (await sign_in(http, world.logins["coach"].email)).status_code == 303
        yield http


async def _facts(pool: asyncpg.Pool, world: pages_world.World) -> dict[uuid.UUID, dict[str, Any]]:
    """Each of the coach's people as the columns should show them, read from the tables."""
    coach = world.logins["coach"].account_id
    people = await pool.fetch(
        "SELECT id, name, ladder_rung, updated_at FROM employee WHERE jobcoach_id = $1", coach
    )
    facts: dict[uuid.UUID, dict[str, Any]] = {}
    for p in people:
        best = await pool.fetchval(
            "SELECT max(m.score) FROM match m JOIN vacancy v ON v.id = m.vacancy_id "
            "WHERE m.employee_id = $1 AND v.status = 'open'",
            p["id"],
        )
        decisions = await pool.fetch(
            "SELECT d.vacancy_id, d.decision, d.decided_at, v.status FROM placement_decision d "
            "JOIN vacancy v ON v.id = d.vacancy_id "
            "WHERE d.employee_id = $1 AND d.decision <> 'overridden' ORDER BY d.decided_at",
            p["id"],
        )
        newest = {d["vacancy_id"]: d for d in decisions}  # the last one per vacancy wins
        waiting = [
            d
            for d in newest.values()
            if d["decision"] in ("introduced", "trial_placement") and d["status"] == "open"
        ]
        changed: datetime = max([p["updated_at"], *(d["decided_at"] for d in decisions)])
        profile = await _profile_gaps(pool, p["id"])
        facts[p["id"]] = {
            "name": p["name"].lower(),
            "rung": p["ladder_rung"],
            "best": best,
            "open": len(waiting),
            "changed": changed,
            "profile": profile,
        }
    return facts


async def _profile_gaps(pool: asyncpg.Pool, employee_id: uuid.UUID) -> int:
    """Missing parts and stale skills, counted by hand: no skills, no target occupation, no
    hours, no languages, no capacity profile, skills last confirmed a year ago or longer."""
    person = await pool.fetchrow("SELECT * FROM employee WHERE id = $1", employee_id)
    dated = [
        r["assessed_on"]
        for r in await pool.fetch(
            "SELECT assessed_on FROM employee_skill WHERE employee_id = $1", employee_id
        )
    ]
    languages = await pool.fetch(
        "SELECT 1 FROM employee_language WHERE employee_id = $1", employee_id
    )
    capacity = await pool.fetch(
        "SELECT 1 FROM employee_capacity WHERE employee_id = $1", employee_id
    )
    today = clock.today()
    confirmed = max((d for d in dated if d is not None), default=None)
    return sum(
        (
            not dated,
            person["target_occupation_uri"] is None,
            person["hours_min"] is None and person["hours_max"] is None,
            not languages,
            not capacity,
            confirmed is not None and confirmed <= today.replace(year=today.year - 1),
        )
    )


def _expected(facts: dict[uuid.UUID, dict[str, Any]], key: str, descending: bool) -> list[Any]:
    """The order a column should give: no value (no match) last either way, ties by name."""
    having = [i for i in facts if facts[i][key] is not None]
    by_name = sorted(having, key=lambda i: (facts[i]["name"], str(i)))
    ordered = sorted(by_name, key=lambda i: facts[i][key], reverse=descending)
    return ordered + sorted(
        (i for i in facts if facts[i][key] is None), key=lambda i: facts[i]["name"]
    )


def _rows(html: str) -> list[uuid.UUID]:
    return [uuid.UUID(i) for i in ROW.findall(html)]


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize("descending", [False, True])
async def test_each_column_sorts_both_ways(
    coach: Any, pool: asyncpg.Pool, world: pages_world.World, key: str, descending: bool
) -> None:
    facts = await _facts(pool, world)
    # The world differs in this column, so a wrong order shows.
    assert len({str(f[key]) for f in facts.values()}) > 1, key
    sort = f"-{key}" if descending else key
    page = await coach.get("/coach", params={"sort": sort})
    assert page.status_code == 200
    assert _rows(page.text) == _expected(facts, key, descending)
    headers = HEADER.findall(page.text)
    assert len(headers) == len(KEYS)
    marked = [(state, href) for _, state, href in headers if state]
    assert marked == [
        (
            "descending" if descending else "ascending",
            f"/coach?sort={'' if descending else '-'}{key}",
        )
    ]


async def test_the_headers_offer_a_first_direction_per_column(coach: Any) -> None:
    page = await coach.get("/coach")
    hrefs = [href for _, _, href in HEADER.findall(page.text)]
    # Sorted by name now: its link turns the order round; numbers start with the most.
    assert hrefs == [
        "/coach?sort=-name",
        "/coach?sort=rung",
        "/coach?sort=-best",
        "/coach?sort=-open",
        "/coach?sort=-changed",
        "/coach?sort=-profile",
    ]
    assert 'aria-sort="ascending"' in page.text


@pytest.mark.parametrize("sort", ["bogus", "-", "name;drop table employee", "--name", ""])
async def test_an_unknown_order_is_ignored_not_an_error(
    coach: Any, pool: asyncpg.Pool, world: pages_world.World, sort: str
) -> None:
    page = await coach.get("/coach", params={"sort": sort})
    assert page.status_code == 200
    assert _rows(page.text) == _expected(await _facts(pool, world), "name", False)


async def test_the_filter_and_the_pager_keep_the_order(
    coach: Any, world: pages_world.World
) -> None:
    page = await coach.get("/coach", params={"sort": "-best", "rung": "5"})
    assert '<input type="hidden" name="sort" value="-best">' in page.text
    hrefs = [href for _, _, href in HEADER.findall(page.text)]
    assert "/coach?rung=5&amp;sort=name" in hrefs  # the filter stays when the order changes
    assert _rows(page.text) == [world.people["noor"]]


async def test_the_overview_shows_fitting_undecided_matches_and_open_steps(
    coach: Any, app: Any, pool: asyncpg.Pool, world: pages_world.World, settings: Settings
) -> None:
    coach_id = world.logins["coach"].account_id
    scores = await pool.fetch(
        "SELECT m.score FROM match m JOIN employee e ON e.id = m.employee_id "
        "WHERE e.jobcoach_id = $1",
        coach_id,
    )
    bar = factories.splitting_threshold([r["score"] for r in scores], settings.notify_min_score)
    fitting = await pool.fetch(
        "SELECT m.employee_id, m.vacancy_id FROM match m "
        "JOIN employee e ON e.id = m.employee_id JOIN vacancy v ON v.id = m.vacancy_id "
        "WHERE e.jobcoach_id = $1 AND v.status = 'open' AND m.score >= $2 "
        "AND NOT EXISTS (SELECT 1 FROM placement_decision d "
        "WHERE d.employee_id = m.employee_id AND d.vacancy_id = m.vacancy_id)",
        coach_id,
        bar,
    )
    below = await pool.fetch(
        "SELECT m.employee_id, m.vacancy_id FROM match m JOIN employee e ON e.id = m.employee_id "
        "WHERE e.jobcoach_id = $1 AND m.score < $2",
        coach_id,
        bar,
    )
    assert fitting and below  # both sides of the threshold are there to tell apart
    with factories.fits_from(app, bar):
        page = await coach.get("/coach")
    overview = page.text.split('id="overview-heading"', 1)[1]
    best, waiting = overview.split('id="open-heading"', 1)
    shown = {
        (uuid.UUID(e), uuid.UUID(v))
        for e, v in re.findall(
            r'href="/coach/people/([0-9a-f-]+)\?matches=all#match-([0-9a-f-]+)"', best
        )
    }
    assert shown == {(r["employee_id"], r["vacancy_id"]) for r in fitting}
    assert not shown & {(r["employee_id"], r["vacancy_id"]) for r in below}
    # The world's introduction awaits the employer's answer; it is not a new match any more.
    introduced = (world.people["noor"], world.vacancies["employer_journey"])
    assert introduced not in shown
    assert f'href="/coach/people/{introduced[0]}?matches=all#match-{introduced[1]}"' in waiting
    assert "voorgesteld op" in waiting
    assert f"score {round(bar)} of hoger" in best


async def test_a_coach_sees_only_their_own_people_in_the_overview(
    app: Any, world: pages_world.World
) -> None:
    async with page_client(app) as http:
        assert (await sign_in(http, world.logins["coach_b"].email)).status_code == 303
        page = await http.get("/coach", params={"sort": "-open"})
    assert str(world.people["noor"]) not in page.text
    assert world.names["noor"] not in page.text
    assert _rows(page.text) == [world.people["other"]]
