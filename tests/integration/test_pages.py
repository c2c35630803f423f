"""Page rules over HTTP (no browser): sessions, CSRF, who sees what, forms that come back with
what to fix, and nothing half-written."""

from __future__ import annotations

import re
import uuid
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import pytest

from services.api.pages.session import SESSION_COOKIE
from services.core.settings import Settings
from tests.browser import world as pages_world
from tests.browser.http import csrf_of, page_client, sign_in, submit


@pytest.fixture(scope="module")
async def world(pool: asyncpg.Pool, settings: Settings) -> pages_world.World:
    """The pages' world, built once for this module."""
    return await pages_world.build(pool, settings)


@pytest.fixture
async def coach(app: Any, world: pages_world.World) -> AsyncIterator[Any]:
    """A signed-in jobcoach's browser."""
    async with page_client(app) as http:
        assert (await sign_in(http, world.logins["coach"].email)).status_code == 303
        yield http


async def test_sign_in_sets_a_protected_cookie_and_lands_on_the_role_home(
    app: Any, world: pages_world.World
) -> None:
    async with page_client(app) as http:
        response = await sign_in(http, world.logins["employer"].email)
        assert response.status_code == 303
        assert response.headers["location"] == "/employer"
        cookie = next(c for c in response.headers.get_list("set-cookie") if SESSION_COOKIE in c)
        assert "HttpOnly" in cookie and "SameSite=lax" in cookie
        assert "Secure" not in cookie  # plain http here; https marks it Secure
        assert (await http.get("/employer")).status_code == 200
        assert (await http.get("/")).headers["location"] == "/employer"


async def test_a_wrong_password_comes_back_with_the_email_kept(
    app: Any, world: pages_world.World
) -> None:
    async with page_client(app) as http:
        response = await sign_in(http, world.logins["coach"].email, "not the password")
        assert response.status_code == 422
        assert world.logins["coach"].email in response.text
        assert 'class="error-summary"' in response.text
        assert 'aria-describedby="email-error"' in response.text


async def test_a_form_without_the_session_token_is_refused_and_changes_nothing(
    app: Any, pool: asyncpg.Pool, world: pages_world.World
) -> None:
    async with page_client(app) as http, page_client(app) as other:
        await sign_in(http, world.logins["employer"].email)
        await sign_in(other, world.logins["employer_b"].email)
        foreign_token = csrf_of((await other.get("/organisation")).text)
        before = await pool.fetchval(
            "SELECT name FROM organisation WHERE id = $1", world.employer_org
        )
        for data in ({}, {"csrf_token": "0" * 64}, {"csrf_token": foreign_token}):
            response = await http.post("/organisation", data={"name": "Overgenomen", **data})
            assert response.status_code == 403
            assert "<h1>Geen toegang</h1>" in response.text
        after = await pool.fetchval(
            "SELECT name FROM organisation WHERE id = $1", world.employer_org
        )
        assert after == before


async def test_a_foreign_persons_page_is_not_found(coach: Any, world: pages_world.World) -> None:
    other = world.people["other"]
    for path in (
        f"/coach/people/{other}",
        f"/coach/people/{other}/profile",
        f"/coach/people/{other}/consents",
        "/coach/people/not-an-id",
        f"/coach/vacancies/{uuid.uuid4()}",
    ):
        response = await coach.get(path)
        assert response.status_code == 404, path
        assert "text/html" in response.headers["content-type"]
        assert world.names["other"] not in response.text
    own = await coach.get(f"/coach/people/{world.people['noor']}")
    assert own.status_code == 200
    assert world.names["noor"] in own.text


async def test_employer_never_sees_who_does_not_share_nor_their_needs(
    app: Any, pool: asyncpg.Pool, world: pages_world.World
) -> None:
    vacancy = world.vacancies["coach_journey"]
    async with page_client(app) as http:
        await sign_in(http, world.logins["employer"].email)
        page = await http.get(f"/employer/vacancies/{vacancy}")
        assert page.status_code == 200
        assert world.names["noor"] in page.text  # shares her profile with this employer
        for hidden in (world.names["shy"], world.names["daan"], str(world.people["shy"])):
            assert hidden not in page.text
        assert "Extra pauzes" not in page.text  # Sem's need, and Sem does not share
        # Sem, Daan and Olga (of the other WISE) fit too, and so may people of other tests:
        # a count, no names.
        shown = re.search(r"hun profiel niet met jullie delen: (\d+)", page.text)
        assert shown is not None
        hidden_matches = await pool.fetchval(
            "SELECT count(*) FROM match m WHERE m.vacancy_id = $1 AND NOT EXISTS ("
            " SELECT 1 FROM consent c WHERE c.employee_id = m.employee_id"
            " AND c.purpose = 'share_with_employer' AND c.employer_id = $2"
            " AND c.withdrawn_at IS NULL)",
            vacancy,
            world.employer_org,
        )
        assert int(shown[1]) == hidden_matches >= 3
        # The coach (who may see Sem) does see the need to discuss.
        await sign_in(http, world.logins["coach"].email)
        coach_page = await http.get(f"/coach/vacancies/{vacancy}")
        assert world.names["shy"] in coach_page.text and "extra pauzes" in coach_page.text.lower()


async def test_the_organisation_form_comes_back_with_input_kept_and_nothing_stored(
    app: Any, pool: asyncpg.Pool, world: pages_world.World
) -> None:
    async with page_client(app) as http:
        await sign_in(http, world.logins["employer"].email)
        response = await submit(
            http,
            "/organisation",
            "/organisation",
            {"name": "", "website": "niet-een-adres", "description": "Brood en banket"},
        )
        assert response.status_code == 422
        html = response.text
        assert 'href="#name"' in html and 'href="#website"' in html  # the summary links
        assert 'aria-describedby="website-hint website-error"' in html
        assert 'value="niet-een-adres"' in html and "Brood en banket" in html
        stored = await pool.fetchrow(
            "SELECT name, website FROM organisation WHERE id = $1", world.employer_org
        )
        assert stored["name"].startswith("Bakkerij Test") and stored["website"] is None


async def test_a_vacancy_that_does_not_add_up_is_not_written(
    app: Any, pool: asyncpg.Pool, world: pages_world.World
) -> None:
    count = "SELECT count(*) FROM vacancy WHERE organisation_id = $1"
    before = await pool.fetchval(count, world.employer_org)
    async with page_client(app) as http:
        await sign_in(http, world.logins["employer"].email)
        data = {
            "intent": "save",
            "title": "Inpakker",
            "occupation_uri": world.occupation,
            "contract_kind": "wise_paid",
            "hours_min": "30",
            "hours_max": "12",
            "skill_uri": ["urn:opstap:skill:does-not-exist"],
            "skill_relation": ["essential"],
            "skill_level": ["1"],
        }
        response = await submit(http, "/employer/vacancies/new", "/employer/vacancies/new", data)
        assert response.status_code == 422
        assert 'value="Inpakker"' in response.text
        assert 'id="hours-max-error"' in response.text
        data["hours_max"] = "32"
        response = await submit(http, "/employer/vacancies/new", "/employer/vacancies/new", data)
        assert response.status_code == 422  # the unknown skill, found by the service
        assert 'href="#skills-0"' in response.text
    assert await pool.fetchval(count, world.employer_org) == before


async def test_a_decline_without_a_reason_is_refused_and_not_logged(
    coach: Any, pool: asyncpg.Pool, world: pages_world.World
) -> None:
    person, vacancy = world.people["daan"], world.vacancies["coach_journey"]
    page = f"/coach/vacancies/{vacancy}"
    response = await submit(
        coach, page, f"{page}/decisions", {"employee_id": str(person), "decision": "declined"}
    )
    assert response.status_code == 422
    assert f'id="d-{person}-reason-error"' in response.text
    assert f'href="#d-{person}-reason"' in response.text
    decided = "SELECT count(*) FROM placement_decision WHERE employee_id = $1"
    assert await pool.fetchval(decided, person) == 0
    response = await submit(
        coach,
        page,
        f"{page}/decisions",
        {"employee_id": str(person), "decision": "declined", "reason": "Te ver reizen"},
    )
    assert response.status_code == 303
    assert await pool.fetchval(decided, person) == 1


async def test_an_employer_cannot_introduce_or_decide_on_someone_who_does_not_share(
    app: Any, pool: asyncpg.Pool, world: pages_world.World
) -> None:
    vacancy = world.vacancies["coach_journey"]
    page = f"/employer/vacancies/{vacancy}"
    async with page_client(app) as http:
        await sign_in(http, world.logins["employer"].email)
        introduce = {"employee_id": str(world.people["noor"]), "decision": "introduced"}
        assert (await submit(http, page, f"{page}/decisions", introduce)).status_code == 403
        hidden = {"employee_id": str(world.people["shy"]), "decision": "trial_placement"}
        response = await submit(http, page, f"{page}/decisions", hidden)
        assert response.status_code == 422
        assert world.names["shy"] not in response.text
    decided = "SELECT count(*) FROM placement_decision WHERE employee_id = ANY($1::uuid[])"
    ids = [world.people["shy"]]
    assert await pool.fetchval(decided, ids) == 0


async def test_the_public_window_shows_a_wise_without_sign_in(
    app: Any, world: pages_world.World
) -> None:
    async with page_client(app) as http:
        page = await http.get(f"/window/{world.wise}")
        assert page.status_code == 200
        assert f"Vakkracht {world.tag}" in page.text  # the WISE's open vacancy
        assert (await http.get(f"/window/{world.employer_org}")).status_code == 404
        assert (await http.get(f"/window/{uuid.uuid4()}")).status_code == 404


async def test_the_language_comes_from_the_switch_and_stays(
    app: Any, world: pages_world.World
) -> None:
    async with page_client(app) as http:
        assert '<html lang="nl">' in (await http.get("/sign-in")).text
        switched = await http.get("/sign-in?lang=en")
        assert (
            '<html lang="en">' in switched.text
            and "<title>Sign in \u2013 Opstap</title>" in switched.text
        )
        assert '<html lang="en">' in (await http.get("/sign-in")).text
        assert '<html lang="nl">' in (await http.get("/sign-in?lang=nl")).text


async def test_an_employee_downloads_their_own_data(app: Any, world: pages_world.World) -> None:
    async with page_client(app) as http:
        await sign_in(http, world.logins["employee"].email)
        response = await http.get("/me/data")
        assert response.status_code == 200
        assert response.headers["content-disposition"].startswith("attachment;")
        data = response.json()
        assert data["employee_id"] == str(world.people["noor"])
        assert (await http.get("/coach")).status_code == 403


async def test_pages_carry_the_security_headers_and_no_inline_code(
    coach: Any, world: pages_world.World
) -> None:
    response = await coach.get(f"/coach/people/{world.people['noor']}")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["cache-control"] == "no-store"
    html = response.text
    assert "<script>" not in html and "style=" not in html and "<style" not in html
    assert " on" not in html.replace(" one", "").split("<body", 1)[1].split(">", 1)[0]


async def test_an_unknown_address_is_a_page_for_browsers_and_json_for_the_api(app: Any) -> None:
    async with page_client(app) as http:
        page = await http.get("/no-such-page", headers={"Accept": "text/html"})
        assert page.status_code == 404 and "<h1>Niet gevonden</h1>" in page.text
        api = await http.get("/api/v1/no-such-thing", headers={"Accept": "text/html"})
        assert api.status_code == 404 and api.json()["error"] == "not_found"
