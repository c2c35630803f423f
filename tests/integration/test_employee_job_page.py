"""GET /me/jobs/{vacancy_id}: a person opens a job matched to them or told to them, explained in
plain words; any other vacancy is not found."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any
from uuid import UUID

import asyncpg
import pytest

from services.core.settings import Settings
from services.core.vacancies import service as vacancies
from services.core.vacancies.models import VacancyIn
from tests.browser import world as pages_world
from tests.browser.http import page_client, sign_in


@pytest.fixture(scope="module")
async def world(pool: asyncpg.Pool, settings: Settings) -> pages_world.World:
    """The page world, with an open vacancy nobody was matched to or told about."""
    found = await pages_world.build(pool, settings)
    async with pool.acquire() as conn, conn.transaction():
        employer = found.logins["employer"].actor
        item = VacancyIn(
            title=f"Niet voor Noor {found.tag}",
            occupation_uri=found.occupation,
            contract_kind="wise_paid",
            hours_min=16,
            hours_max=32,
            skills=[{"skill_uri": u, "relation": "essential"} for u in found.skills],
        )
        vacancy = await vacancies.create(conn, employer, item)
        await vacancies.transition(conn, employer, vacancy, "publish")  # not scored
        found.vacancies["unmatched"] = vacancy.id
    return found


@pytest.fixture(scope="module")
async def noor(app: Any, world: pages_world.World) -> AsyncIterator[Any]:
    """Noor's browser, signed in, reading Dutch."""
    async with page_client(app) as http:
        assert (await sign_in(http, world.logins["employee"].email)).status_code == 303
        http.cookies.set("opstap_lang", "nl")
        yield http


def _text(html: str) -> str:
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    return " ".join(
        re.sub(r"<[^>]+>", " ", re.sub(r"<svg.*?</svg>", " ", main, flags=re.S)).split()
    )


async def test_a_job_matched_to_the_person_opens_explained(
    noor: Any, pool: asyncpg.Pool, world: pages_world.World
) -> None:
    vacancy = world.vacancies["coach_journey"]
    match = await pool.fetchrow(
        "SELECT score, explanation FROM match WHERE employee_id = $1 AND vacancy_id = $2",
        world.people["noor"],
        vacancy,
    )
    assert match is not None
    response = await noor.get(f"/me/jobs/{vacancy}")
    assert response.status_code == 200
    text = _text(response.text)
    assert f"Medewerker bakkerij {world.tag}" in text
    assert "Bij Bakkerij Test" in text
    why = match["explanation"]
    can, almost = len(why["matched"]), len(why["related"])
    total = can + almost + len(why["missing_essential"]) + len(why["missing_optional"])
    # The same counts as the picture's legend: what you can do, and what you nearly can.
    said = f"Je kunt {can} van de {total} dingen al, en {almost} bijna."
    assert said in text if almost else f"Je kunt al {can} van de {total} dingen." in text
    if why["missing_essential"] or why["missing_optional"]:
        assert "Dit moet je nog leren" in text
    assert "Vraag je jobcoach." in text  # what to do next
    assert "Je jobcoach kan je voorstellen aan de werkgever." in text
    assert "16 tot 32 uur per week." in text
    assert "Je hebt eenvoudig Nederlands nodig." in text  # A2, in words
    assert 'data-verdict="' in response.text


async def test_a_job_the_person_was_only_told_about_opens_and_says_it_closed(
    noor: Any, pool: asyncpg.Pool, world: pages_world.World
) -> None:
    vacancy = world.vacancies["unmatched"]
    account = world.logins["employee"].account_id
    assert (await noor.get(f"/me/jobs/{vacancy}")).status_code == 404
    await pool.execute(
        "INSERT INTO notification (account_id, kind, dedupe_key, employee_id, vacancy_id, data) "
        "VALUES ($1, 'match_found', $2, $3, $4, '{}'::jsonb)",
        account,
        f"match_found:{vacancy}:{world.people['noor']}",
        world.people["noor"],
        vacancy,
    )
    told = await noor.get(f"/me/jobs/{vacancy}")
    assert told.status_code == 200
    assert "Opstap heeft dit werk nu niet met jou vergeleken." in _text(told.text)
    await pool.execute("UPDATE vacancy SET status = 'closed' WHERE id = $1", vacancy)
    closed = await noor.get(f"/me/jobs/{vacancy}")
    assert closed.status_code == 200
    assert 'data-verdict="closed"' in closed.text
    assert "Dit werk is niet meer open." in _text(closed.text)


async def test_any_other_vacancy_is_not_found(noor: Any, world: pages_world.World) -> None:
    # A draft of another employer; an id that is no vacancy; not an id at all.
    assert (await noor.get(f"/me/jobs/{world.hidden_draft}")).status_code == 404
    assert (await noor.get(f"/me/jobs/{UUID(int=7)}")).status_code == 404
    assert (await noor.get("/me/jobs/not-an-id")).status_code in (404, 422)


async def test_only_the_person_opens_their_jobs(app: Any, world: pages_world.World) -> None:
    vacancy = world.vacancies["coach_journey"]
    async with page_client(app) as coach:
        assert (await sign_in(coach, world.logins["coach"].email)).status_code == 303
        assert (await coach.get(f"/me/jobs/{vacancy}")).status_code == 403


async def test_the_work_page_links_every_job_to_its_page(noor: Any) -> None:
    work = (await noor.get("/me/work")).text
    linked = set(re.findall(r'href="/me/jobs/([0-9a-f-]{36})"', work))
    assert linked
    for vacancy_id in linked:
        assert (await noor.get(f"/me/jobs/{vacancy_id}")).status_code == 200
