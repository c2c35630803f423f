"""The coach's person page and the employer's candidates speak about the person (by first name)
and the person's own reads speak to them; the page calls a job a fit only at or above the
notification threshold and shows each count once; an introduction needs the person's consent to
share their profile with that employer, on the pages and in the API; the employer's vacancy page
shows the facts entered."""

from __future__ import annotations

import re
import uuid
from html import unescape
from typing import Any

import asyncpg
import httpx
import pytest

from services.core.matching import service as matching
from services.core.settings import Settings
from services.core.vacancies import service as vacancies
from services.core.vacancies.models import VacancyIn
from tests import factories
from tests.browser import world as pages_world
from tests.browser.http import page_client, sign_in, submit

SECOND_PERSON = re.compile(r"\b(je|jij|jou|jouw|your|you)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
async def world(pool: asyncpg.Pool, settings: Settings) -> pages_world.World:
    """This module's own world (introductions and consents below change it)."""
    return await pages_world.build(pool, settings)


def _text(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def _constraints(html: str) -> list[str]:
    """The sentences of the explanations' constraints on a page."""
    items = re.findall(r'<li class="constraint-\w+">(.*?)</li>', html, re.S)
    return [_text(i).split(":", 1)[1].strip() for i in items]


def _card(html: str, vacancy: uuid.UUID) -> str:
    """The card of one match on the person's page."""
    card = html[html.index(f'id="match-{vacancy}"') :]
    ends = [i for i in (card.find('<li class="card"', 1), card.find("</ol>")) if i > 0]
    return card[: min(ends)]


def _section(html: str, heading_id: str) -> str:
    start = html.index(f'aria-labelledby="{heading_id}"')
    return html[start : html.index("</section>", start)]


async def test_the_coach_and_the_employer_read_about_the_person_and_the_person_reads_je(
    app: Any, pool: asyncpg.Pool, world: pages_world.World
) -> None:
    noor = world.people["noor"]
    async with page_client(app) as http:
        await sign_in(http, world.logins["coach"].email)
        coach = _constraints((await http.get(f"/coach/people/{noor}")).text)
        await sign_in(http, world.logins["employer"].email)
        page = await http.get(f"/employer/vacancies/{world.vacancies['coach_journey']}")
        employer = _constraints(page.text)
    assert "Noor vindt het goed dat we werk zoeken." in coach
    assert "De werkgever biedt de aanpassingen die Noor nodig heeft." in coach
    assert "Jullie bieden de aanpassingen die Noor nodig heeft." in employer
    assert any("het Nederlands van Noor" in s for s in employer)
    assert [s for s in coach + employer if SECOND_PERSON.search(s)] == []
    # The API's reads: the person is spoken to; the employer reads about them by name.
    async with pool.acquire() as conn:
        mine = await matching.for_employee(
            conn, world.logins["employee"].actor, noor, limit=5, offset=0
        )
        theirs = await matching.for_vacancy(
            conn, world.logins["employer"].actor, world.vacancies["coach_journey"], 5, 0
        )
    assert mine.items and mine.items[0].explanation is not None
    consent = [c for c in mine.items[0].explanation.constraints if c.code == "consent"]
    assert consent[0].label_nl == "Je vindt het goed dat we werk voor je zoeken."
    about = theirs.items[0].explanation
    assert about is not None
    sentences = [c.label_nl for c in about.constraints]
    assert "Noor vindt het goed dat we werk zoeken." in sentences
    assert [s for s in sentences if SECOND_PERSON.search(s)] == []


async def test_the_coach_page_counts_what_fits_once_and_lists_nothing_below_the_threshold(
    app: Any, pool: asyncpg.Pool, settings: Settings, world: pages_world.World
) -> None:
    noor = world.people["noor"]
    # A vacancy that asks two of Noor's skills and three she lacks: a weaker match for her,
    # whatever the taxonomy (her two journey matches score alike on full ESCO).
    async with pool.acquire() as conn, conn.transaction():
        lacking = await conn.fetch(
            "SELECT uri FROM skill WHERE uri <> ALL($1::text[]) ORDER BY uri LIMIT 3",
            world.skills,
        )
        weaker = await pages_world._vacancy(
            conn,
            world.logins["employer"].actor,
            f"Allround medewerker {world.tag}",
            world.occupation,
            [*world.skills[:2], *(r["uri"] for r in lacking)],
            "wise_paid",
        )
        await matching.rescore_vacancy(conn, weaker)
    scores = await pool.fetch(
        "SELECT m.score FROM match m JOIN vacancy v ON v.id = m.vacancy_id "
        "WHERE m.employee_id = $1 AND v.status = 'open'",
        noor,
    )
    bar = factories.splitting_threshold([r["score"] for r in scores], settings.notify_min_score)
    fits = sum(1 for r in scores if r["score"] >= bar)
    lower = len(scores) - fits
    assert fits >= 1 and lower >= 1
    with factories.fits_from(app, bar):
        async with page_client(app) as http:
            await sign_in(http, world.logins["coach"].email)
            html = (await http.get(f"/coach/people/{noor}")).text
            shown = _section(html, "matches-heading")
            said = re.findall(r"Er passen nu (\d+) vacatures? bij Noor", _text(html))
            assert said == [str(fits)]  # said once, and nowhere else on the page
            assert "Er passen nu" not in _text(html.replace(shown, ""))
            scores = [int(s) for s in re.findall(r"Score: (\d+) van 100", _text(shown))]
            assert len(scores) == fits and min(scores) >= bar
            below = _section(html, "lower-heading")
            assert f"{lower} vacature" in _text(below) and "Score:" not in _text(below)
            # Asked for, the lower ones come under their own heading, never under "passen".
            html = (await http.get(f"/coach/people/{noor}?matches=lower")).text
            below = _text(_section(html, "lower-heading"))
            assert [int(s) for s in re.findall(r"Score: (\d+) van 100", below)]
            assert all(int(s) < bar for s in re.findall(r"Score: (\d+) van 100", below))
            shown = _text(_section(html, "matches-heading"))
            assert all(int(s) >= bar for s in re.findall(r"Score: (\d+) van 100", shown))
    await pool.execute("UPDATE vacancy SET status = 'closed' WHERE id = $1", weaker)


async def test_an_introduction_without_consent_is_refused_on_the_page_and_nothing_is_written(
    app: Any, pool: asyncpg.Pool, world: pages_world.World
) -> None:
    daan, vacancy = world.people["daan"], world.vacancies["coach_journey"]
    page = f"/coach/people/{daan}"
    decided = "SELECT count(*) FROM placement_decision WHERE employee_id = $1"
    async with page_client(app) as http:
        await sign_in(http, world.logins["coach"].email)
        html = (await http.get(page)).text
        card = _card(html, vacancy)
        assert "Voorstellen aan de werkgever" not in card  # no one-click introduction
        assert "Voorstellen kan pas als Daan het profiel wil delen met" in _text(card)
        assert f"/coach/people/{daan}/vacancies/{vacancy}/share-consent" in card
        refused = await submit(
            http,
            page,
            f"{page}/decisions",
            {"vacancy_id": str(vacancy), "decision": "introduced"},
        )
        assert refused.status_code == 422
        assert "Leg die toestemming eerst vast" in refused.text
        assert f'href="#d-{vacancy}-consent"' in refused.text
        assert await pool.fetchval(decided, daan) == 0
        # On the vacancy's page too.
        other = f"/coach/vacancies/{world.vacancies['employer_journey']}"
        refused = await submit(
            http, other, f"{other}/decisions", {"employee_id": str(daan), "decision": "introduced"}
        )
        assert refused.status_code == 422
        assert await pool.fetchval(decided, daan) == 0


async def test_the_api_refuses_an_introduction_without_consent_and_allows_it_with(
    app: Any, client: httpx.AsyncClient, pool: asyncpg.Pool, world: pages_world.World
) -> None:
    shy, vacancy = world.people["shy"], world.vacancies["employer_journey"]
    headers = await factories.sign_in(client, world.logins["coach"].email)
    body = {"employee_id": str(shy), "vacancy_id": str(vacancy), "decision": "introduced"}
    refused = await client.post("/api/v1/decisions", headers=headers, json=body)
    assert refused.status_code == 422, refused.text
    assert "consent" in refused.json()["fields"]
    decided = "SELECT count(*) FROM placement_decision WHERE employee_id = $1"
    assert await pool.fetchval(decided, shy) == 0
    share = {"purpose": "share_with_employer", "employer_id": str(world.employer_org)}
    given = await client.post(f"/api/v1/employees/{shy}/consents", headers=headers, json=share)
    assert given.status_code == 201, given.text
    allowed = await client.post("/api/v1/decisions", headers=headers, json=body)
    assert allowed.status_code == 201, allowed.text
    assert await pool.fetchval(decided, shy) == 1


async def test_the_coach_records_the_share_consent_and_then_introduces(
    app: Any, pool: asyncpg.Pool, world: pages_world.World
) -> None:
    daan, vacancy = world.people["daan"], world.vacancies["coach_journey"]
    page = f"/coach/people/{daan}"
    async with page_client(app) as http:
        await sign_in(http, world.logins["coach"].email)
        consent = f"/coach/people/{daan}/vacancies/{vacancy}/share-consent"
        recorded = await submit(http, page, consent, {"back": "person"})
        assert recorded.status_code == 303
        assert recorded.headers["location"].startswith(f"{page}?done=consent_given")
        assert recorded.headers["location"].endswith(f"#match-{vacancy}")
        shares = (
            "SELECT count(*) FROM consent WHERE employee_id = $1 AND employer_id = $2 "
            "AND purpose = 'share_with_employer' AND withdrawn_at IS NULL"
        )
        assert await pool.fetchval(shares, daan, world.employer_org) == 1
        html = (await http.get(page)).text
        assert "Voorstellen aan de werkgever" in _card(html, vacancy)
        introduced = await submit(
            http, page, f"{page}/decisions", {"vacancy_id": str(vacancy), "decision": "introduced"}
        )
        assert introduced.status_code == 303
    decided = "SELECT decision FROM placement_decision WHERE employee_id = $1 AND vacancy_id = $2"
    assert await pool.fetchval(decided, daan, vacancy) == "introduced"
    # The employer sees Daan now, as the consent says.
    async with page_client(app) as http:
        await sign_in(http, world.logins["employer"].email)
        assert world.names["daan"] in (await http.get(f"/employer/vacancies/{vacancy}")).text


async def test_a_consent_for_a_vacancy_the_coach_cannot_see_is_not_found(
    app: Any, pool: asyncpg.Pool, world: pages_world.World
) -> None:
    daan = world.people["daan"]
    async with page_client(app) as http:
        await sign_in(http, world.logins["coach"].email)
        for vacancy in (world.hidden_draft, uuid.uuid4()):
            path = f"/coach/people/{daan}/vacancies/{vacancy}/share-consent"
            response = await submit(http, f"/coach/people/{daan}", path, {})
            assert response.status_code == 404
    other = "SELECT count(*) FROM consent WHERE employee_id = $1 AND employer_id = $2"
    assert await pool.fetchval(other, daan, world.other_employer_org) == 0


async def test_the_employer_vacancy_page_shows_language_places_and_postcode(
    app: Any, pool: asyncpg.Pool, world: pages_world.World
) -> None:
    employer = world.logins["employer"].actor
    item = VacancyIn(
        title=f"Inpakker {world.tag}",
        occupation_uri=world.occupation,
        contract_kind="regular",
        hours_min=12,
        hours_max=24,
        postcode="1011 AB",
        places=3,
        language={"language": "nl", "cefr": "B1"},
    )
    async with pool.acquire() as conn, conn.transaction():
        vacancy = await vacancies.create(conn, employer, item)
    async with page_client(app) as http:
        await sign_in(http, world.logins["employer"].email)
        html = (await http.get(f"/employer/vacancies/{vacancy.id}")).text
    facts = _text(html[html.index('<dl class="facts">') : html.index("</dl>")])
    assert "Aantal plaatsen 3" in facts
    assert "Taal van het werk Nederlands, niveau B1" in facts
    assert "Postcode van de werkplek 1011 AB" in facts
    assert "Uren per week 12 tot 24 uur" in facts
