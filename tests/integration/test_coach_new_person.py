"""The new-person page and the person form it shares with the profile page, used as a browser
without script would: a coach (or an admin) adds a person with every field, a form with
mistakes comes back (422) saying what to fix and keeping what was typed, an occupation is found
without script, and only coaches and admins get the page."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import httpx
import pytest

from services.core.settings import Settings
from tests.browser import world as pages_world
from tests.browser.http import csrf_of, form_data, page_client, sign_in

NEW = "/coach/people/new"


@pytest.fixture(scope="module")
async def world(pool: asyncpg.Pool, settings: Settings) -> pages_world.World:
    """This module's own world (people are added to it)."""
    return await pages_world.build(pool, settings)


@pytest.fixture
async def as_role(app: Any, world: pages_world.World) -> AsyncIterator[Any]:
    """A signed-in browser for a login of the world."""
    managers: list[Any] = []

    async def open_as(login: str) -> httpx.AsyncClient:
        manager = page_client(app)
        http = await manager.__aenter__()
        managers.append(manager)
        if login:
            assert (await sign_in(http, world.logins[login].email)).status_code == 303
        return http

    yield open_as
    for manager in managers:
        await manager.__aexit__(None, None, None)


async def _occupation(pool: asyncpg.Pool, world: pages_world.World) -> tuple[str, str]:
    """An occupation of the taxonomy (the world's) and its Dutch label."""
    row = await pool.fetchrow(
        "SELECT uri, coalesce(label_nl, label_en) AS label FROM occupation WHERE uri = $1",
        world.occupation,
    )
    assert row is not None
    return row["uri"], row["label"]


def _messages(html: str) -> list[str]:
    """The error summary's lines, as text."""
    summary = re.search(r'<div class="error-summary".*?</ul>', html, re.S)
    assert summary, "no error summary"
    return [re.sub(r"<[^>]+>", "", m).strip() for m in re.findall(r"<li>(.*?)</li>", summary[0])]


async def _form(http: httpx.AsyncClient, url: str = NEW) -> tuple[str, dict[str, Any]]:
    page = await http.get(url)
    assert page.status_code == 200, page.status_code
    return page.text, form_data(page.text, url.split("#")[0])


async def test_a_coach_adds_a_person_with_every_field_and_becomes_their_jobcoach(
    as_role: Any, world: pages_world.World, pool: asyncpg.Pool
) -> None:
    coach = await as_role("coach")
    uri, _ = await _occupation(pool, world)
    _, data = await _form(coach)
    assert 'href="/coach/people/new"' in (await coach.get("/coach")).text
    data |= {
        "name": "Sanne de Wit",
        "email": "sanne@example.org",
        "phone": "06 1234 5678",
        "ladder_rung": "4",
        "work_setting": "volunteer",
        "hours_min": "12",
        "hours_max": "24",
        "postcode": "1094 ab",
        "max_travel_km": "15",
        "current_occupation_uri": uri,
        "target_occupation_uri": uri,
        "language": ["nl", "ar"],
        "cefr": ["B1", "C2"],
        "accommodations": ["quiet_workspace", "extra_breaks"],
        "notes": "Werkt graag in de ochtend. Afspraak: elke vrijdag even bellen.",
    }
    answer = await coach.post(NEW, data=data)
    assert answer.status_code == 303, _messages(answer.text) if answer.status_code == 422 else ""
    location = answer.headers["location"]
    assert re.fullmatch(r"/coach/people/[0-9a-f-]{36}\?done=coach_new_added", location)
    person = location.split("/")[3].split("?")[0]
    opened = await coach.get(location)
    assert opened.status_code == 200 and "Sanne de Wit" in opened.text
    assert "De persoon is toegevoegd." in opened.text
    row = await pool.fetchrow("SELECT * FROM employee WHERE id = $1", person)
    assert row["organisation_id"] == world.wise
    assert row["jobcoach_id"] == world.logins["coach"].account_id
    assert (row["email"], row["phone"], row["postcode"]) == (
        "sanne@example.org",
        "06 1234 5678",
        "1094AB",
    )
    assert (row["ladder_rung"], row["work_setting"]) == (4, "volunteer")
    assert (row["hours_min"], row["hours_max"], row["max_travel_km"]) == (12, 24, 15)
    assert row["current_occupation_uri"] == row["target_occupation_uri"] == uri
    assert row["notes"].startswith("Werkt graag in de ochtend.")
    languages = await pool.fetch(
        "SELECT language, cefr FROM employee_language WHERE employee_id = $1 ORDER BY language",
        person,
    )
    assert [tuple(r) for r in languages] == [("ar", "C2"), ("nl", "B1")]
    needs = await pool.fetch(
        "SELECT accommodation_code FROM employee_accommodation WHERE employee_id = $1", person
    )
    assert {r[0] for r in needs} == {"quiet_workspace", "extra_breaks"}
    # The profile page shows the same fields, filled in, to change.
    url = f"/coach/people/{person}/profile"
    profile = form_data((await coach.get(url)).text, url)
    assert profile["language"][:2] == ["ar", "nl"] and profile["cefr"][:2] == ["C2", "B1"]
    assert profile["target_occupation_uri"] == uri
    assert profile["notes"].startswith("Werkt graag")
    assert "jobcoach_id" not in profile  # a jobcoach does not hand people on here


async def test_a_form_with_mistakes_comes_back_saying_what_to_fix_and_keeping_everything(
    as_role: Any, world: pages_world.World, pool: asyncpg.Pool
) -> None:
    coach = await as_role("coach")
    before = await pool.fetchval(
        "SELECT count(*) FROM employee WHERE organisation_id = $1", world.wise
    )
    _, data = await _form(coach)
    data |= {
        "name": "",
        "ladder_rung": "",
        "email": "no-at-sign",
        "postcode": "12",
        "hours_min": "30",
        "hours_max": "20",
        "language": ["nl", "en"],
        "cefr": ["", "B2"],
        "target_occupation_q": "something typed, nothing chosen",
        "notes": "Kan goed met klanten omgaan.",
    }
    answer = await coach.post(NEW, data=data)
    assert answer.status_code == 422
    messages = _messages(answer.text)
    assert "Naam: Vul dit in." in messages
    assert "Trede op de participatieladder: Kies de trede op de participatieladder." in messages
    assert "E-mailadres: Vul een geldig e-mailadres in." in messages
    assert "Postcode: Vul een postcode in zoals 1094 AB." in messages
    assert "Niveau van taal 1: Kies het niveau van deze taal, of maak de taal leeg." in messages
    assert any(m.startswith("Doelberoep: Kies een beroep uit de lijst") for m in messages)
    # Each message links to its field, and the field says it is wrong.
    assert 'href="#cefr-0"' in answer.text and 'id="cefr-0"' in answer.text
    assert 'aria-describedby="name-error" aria-invalid="true"' in answer.text
    kept = form_data(answer.text, NEW)
    for field in ("email", "postcode", "notes", "target_occupation_q"):
        assert kept[field] == data[field], field
    assert kept["language"][:2] == ["nl", "en"] and kept["cefr"][:2] == ["", "B2"]
    after = await pool.fetchval(
        "SELECT count(*) FROM employee WHERE organisation_id = $1", world.wise
    )
    assert after == before

    # The hours in the wrong order are the service's check, after the form's own.
    fixed = kept | {"name": "Ravi", "ladder_rung": "3", "email": "", "postcode": "1094AB"}
    fixed |= {"cefr": ["B1", "B2"], "target_occupation_q": "", "notes": "x" * 2001}
    again = await coach.post(NEW, data=fixed)
    assert again.status_code == 422
    assert _messages(again.text) == ["Notities: Dit is te lang: hoogstens 2.000 tekens."]
    again = await coach.post(NEW, data=fixed | {"notes": "Kort."})
    assert _messages(again.text) == [
        "Minimaal aantal uren per week: Het minimum aantal uren is meer dan het maximum."
    ]


async def test_an_occupation_is_found_and_a_language_added_without_script(
    as_role: Any, world: pages_world.World, pool: asyncpg.Pool
) -> None:
    coach = await as_role("coach")
    uri, label = await _occupation(pool, world)
    _, data = await _form(coach)
    data |= {"name": "Mo", "notes": "Wil buiten werken.", "target_occupation_q": label}
    found = await coach.post(NEW, data=data | {"intent": "search:target_occupation"})
    assert found.status_code == 200
    assert re.search(rf'<option value="{re.escape(uri)}"[^>]*>', found.text)
    kept = form_data(found.text, NEW)
    assert (kept["name"], kept["notes"]) == ("Mo", "Wil buiten werken.")
    assert len(kept["language"]) == 2
    more = await coach.post(NEW, data=kept | {"intent": "add_language"})
    assert len(form_data(more.text, NEW)["language"]) == 3
    nothing = await coach.post(
        NEW, data=kept | {"target_occupation_q": "zzzzzzzz", "intent": "search:target_occupation"}
    )
    assert nothing.status_code == 422
    assert _messages(nothing.text) == ["Doelberoep: Niets gevonden. Probeer een ander woord."]


async def test_an_admin_adds_a_person_for_a_jobcoach_of_their_own_organisation(
    as_role: Any, world: pages_world.World, pool: asyncpg.Pool
) -> None:
    admin = await as_role("admin")
    html, data = await _form(admin)
    coach_id = str(world.logins["coach"].account_id)
    assert f'<option value="{coach_id}"' in html
    assert str(world.logins["coach_b"].account_id) not in html  # another WISE's coach
    data |= {"name": "Ilse", "ladder_rung": "2", "language": ["nl"], "cefr": ["A2"]}
    foreign = await admin.post(
        NEW, data=data | {"jobcoach_id": str(world.logins["coach_b"].account_id)}
    )
    assert foreign.status_code == 422
    assert _messages(foreign.text) == ["Jobcoach: Kies een jobcoach uit de lijst."]
    answer = await admin.post(NEW, data=data | {"jobcoach_id": coach_id})
    assert answer.status_code == 303
    person = answer.headers["location"].split("/")[3].split("?")[0]
    row = await pool.fetchrow(
        "SELECT jobcoach_id, organisation_id FROM employee WHERE id = $1", person
    )
    assert (str(row["jobcoach_id"]), row["organisation_id"]) == (coach_id, world.wise)


async def test_a_coach_cannot_hand_a_new_person_to_someone_else(
    as_role: Any, world: pages_world.World, pool: asyncpg.Pool
) -> None:
    coach = await as_role("coach")
    _, data = await _form(coach)
    other = str(world.logins["coach_b"].account_id)
    answer = await coach.post(
        NEW, data=data | {"name": "Eva", "ladder_rung": "5", "jobcoach_id": other}
    )
    assert answer.status_code == 303
    person = answer.headers["location"].split("/")[3].split("?")[0]
    jobcoach = await pool.fetchval("SELECT jobcoach_id FROM employee WHERE id = $1", person)
    assert jobcoach == world.logins["coach"].account_id


@pytest.mark.parametrize(("login", "status"), [("employer", 403), ("employee", 403), ("", 303)])
async def test_only_coaches_and_admins_get_the_page(
    as_role: Any, world: pages_world.World, pool: asyncpg.Pool, login: str, status: int
) -> None:
    http = await as_role(login)
    opened = await http.get(NEW)
    assert opened.status_code == status
    if status == 303:
        assert opened.headers["location"] == "/sign-in?next=%2Fcoach%2Fpeople%2Fnew"
    token = csrf_of((await http.get("/sign-in")).text) if not login else None
    before = await pool.fetchval("SELECT count(*) FROM employee")
    sent = await http.post(NEW, data={"csrf_token": token or "", "name": "X", "ladder_rung": "3"})
    assert sent.status_code in (303, 403)
    assert await pool.fetchval("SELECT count(*) FROM employee") == before


async def test_the_profile_page_changes_languages_occupations_and_notes(
    as_role: Any, world: pages_world.World, pool: asyncpg.Pool
) -> None:
    coach = await as_role("coach")
    uri, _ = await _occupation(pool, world)
    person = world.people["daan"]
    url = f"/coach/people/{person}/profile"
    _, data = await _form(coach, url)
    data |= {
        "language": ["nl", "tr"],
        "cefr": ["A2", "C1"],
        "current_occupation_uri": uri,
        "notes": "Afspraak: begint om 9 uur.",
    }
    answer = await coach.post(url, data=data)
    assert answer.status_code == 303, _messages(answer.text) if answer.status_code == 422 else ""
    row = await pool.fetchrow(
        "SELECT current_occupation_uri, notes FROM employee WHERE id = $1", person
    )
    assert tuple(row) == (uri, "Afspraak: begint om 9 uur.")
    languages = await pool.fetch(
        "SELECT language, cefr FROM employee_language WHERE employee_id = $1 ORDER BY language",
        person,
    )
    assert [tuple(r) for r in languages] == [("nl", "A2"), ("tr", "C1")]
    # Clearing works too, and a half-filled row is refused on this page as well.
    _, data = await _form(coach, url)
    cleared = data | {"current_occupation_uri": "", "notes": "", "language": ["nl", "tr", "en"]}
    cleared |= {"cefr": ["A2", "C1", ""]}
    refused = await coach.post(url, data=cleared)
    assert refused.status_code == 422
    assert _messages(refused.text) == [
        "Niveau van taal 3: Kies het niveau van deze taal, of maak de taal leeg."
    ]
    cleared["language"] = ["nl", ""]
    cleared["cefr"] = ["A2", ""]
    assert (await coach.post(url, data=cleared)).status_code == 303
    row = await pool.fetchrow(
        "SELECT current_occupation_uri, notes FROM employee WHERE id = $1", person
    )
    assert tuple(row) == (None, None)
    count = await pool.fetchval(
        "SELECT count(*) FROM employee_language WHERE employee_id = $1", person
    )
    assert count == 1
