"""Skills suggested from a pasted text on the coach's profile page and on the vacancy form,
over HTTP as a browser without script: asking shows checkboxes and adds nothing, the add button
adds exactly the ticked ones (through the employees service, with its events), a text that
cannot be read comes back (422) with the text kept, and a label in the other language than the
page's carries its own lang attribute.

Runs on whichever taxonomy the session holds (the texts name work both know)."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import pytest
from markupsafe import escape

from services.core.settings import Settings
from tests import factories
from tests.browser import world as pages_world
from tests.browser.http import form_data, page_client, sign_in

# Work the starter taxonomy has Dutch labels for ("keuken en keukenapparatuur schoonmaken",
# "tafels afruimen", "voorraad tellen") and the Dutch vocabulary maps to ESCO skills.
NOTES = """Sem werkt sinds maart in de keuken van het buurtrestaurant.
- Hij maakt de keuken schoon en wast af.
- Hij ruimt de tafels af na de lunch.
- Op vrijdag telt hij de voorraad in het magazijn."""
VACANCY = """Keukenhulp gezocht (24 uur per week)
Wat ga je doen?
- Je wast af en maakt de keuken schoon.
- Je ruimt de tafels af.
- Je telt de voorraad en vult de koeling."""
CHECKBOX = re.compile(
    r'<input type="checkbox" id="(suggested-\d+)" name="suggested" value="([^"]+)"'
)


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


@pytest.fixture
async def employer(app: Any, world: pages_world.World) -> AsyncIterator[Any]:
    """A signed-in employer's browser."""
    async with page_client(app) as http:
        assert (await sign_in(http, world.logins["employer"].email)).status_code == 303
        yield http


def _suggested(html: str) -> list[str]:
    """The URIs offered as checkboxes, in order."""
    return [uri for _, uri in CHECKBOX.findall(html)]


def _ticked(html: str) -> list[str]:
    return re.findall(r'name="suggested" value="([^"]+)" checked', html)


async def _skills(pool: asyncpg.Pool, person: Any) -> dict[str, tuple[int, str]]:
    rows = await pool.fetch(
        "SELECT skill_uri, level, source FROM employee_skill WHERE employee_id = $1", person
    )
    return {r["skill_uri"]: (r["level"], r["source"]) for r in rows}


async def _events(pool: asyncpg.Pool, person: Any) -> int:
    return int(
        await pool.fetchval(
            "SELECT count(*) FROM outbox_event WHERE aggregate_type = 'employee' "
            "AND aggregate_id = $1 AND event_type = 'employee.profile_updated'",
            str(person),
        )
    )


async def test_coach_suggestions_show_checkboxes_and_add_nothing(
    coach: Any, pool: asyncpg.Pool, world: pages_world.World
) -> None:
    person = world.people["daan"]
    action = f"/coach/people/{person}/skills/suggest"
    before, events = await _skills(pool, person), await _events(pool, person)
    opened = await coach.get(f"/coach/people/{person}/profile")
    assert 'id="from-text"' in opened.text and 'id="suggest-text"' in opened.text
    assert f'action="{action}#from-text"' in opened.text
    data = form_data(opened.text, action, suggest_text=NOTES, intent="suggest")
    response = await coach.post(action, data=data)
    assert response.status_code == 200, response.text
    html = response.text
    offered = _suggested(html)
    assert len(offered) >= 2, html
    assert "<legend>Voorgestelde vaardigheden</legend>" in html
    assert "Aangevinkte vaardigheden toevoegen" in html
    assert re.search(
        r'class="confidence confidence-(certain|likely|possible)">'
        r"(zeker|waarschijnlijk|misschien)<",
        html,
    )
    assert "uit: \u201c" in html  # the phrase it came from, in quotes
    assert "Sem werkt sinds maart" in html  # the text is kept
    assert not set(offered) & set(before)  # what the person has is not offered again
    assert _ticked(html) == []  # a person's skills are for the coach to tick, one by one
    assert await _skills(pool, person) == before
    assert await _events(pool, person) == events


async def test_coach_adds_exactly_the_ticked_suggestions(
    coach: Any, pool: asyncpg.Pool, world: pages_world.World
) -> None:
    person = world.people["shy"]
    action = f"/coach/people/{person}/skills/suggest"
    before, events = await _skills(pool, person), await _events(pool, person)
    opened = await coach.get(f"/coach/people/{person}/profile")
    data = form_data(opened.text, action, suggest_text=NOTES, intent="suggest")
    shown = await coach.post(action, data=data)
    offered = _suggested(shown.text)
    assert len(offered) >= 3, shown.text
    # Tick the second and the third (whatever was ticked in advance), level 3, certified.
    chosen = offered[1:3]
    data = form_data(
        shown.text,
        action,
        suggested=chosen,
        suggest_level="3",
        suggest_source="certified",
        intent="add",
    )
    added = await coach.post(action, data=data)
    assert added.status_code == 303
    assert added.headers["location"] == (f"/coach/people/{person}/profile?done=skills_added#skills")
    after = await _skills(pool, person)
    assert set(after) - set(before) == set(chosen)
    assert {after[uri] for uri in chosen} == {(3, "certified")}
    assert {k: after[k] for k in before} == before  # the others as they were
    assert await _events(pool, person) > events  # the service's event, as a single add
    page = await coach.get(added.headers["location"])
    assert "De aangevinkte vaardigheden zijn toegevoegd." in page.text


async def test_coach_adding_nothing_ticked_comes_back_with_the_suggestions(
    coach: Any, pool: asyncpg.Pool, world: pages_world.World
) -> None:
    person = world.people["daan"]
    action = f"/coach/people/{person}/skills/suggest"
    before = await _skills(pool, person)
    opened = await coach.get(f"/coach/people/{person}/profile")
    shown = await coach.post(
        action, data=form_data(opened.text, action, suggest_text=NOTES, intent="suggest")
    )
    offered = _suggested(shown.text)
    data = form_data(shown.text, action, suggested=None, intent="add")
    response = await coach.post(action, data=data)
    assert response.status_code == 422
    html = response.text
    assert 'class="error-summary"' in html and 'href="#suggested"' in html
    assert "Vink minstens één vaardigheid aan." in html
    assert 'aria-describedby="suggested-hint suggested-error"' in html
    assert _suggested(html) == offered and _ticked(html) == []
    assert "Sem werkt sinds maart" in html
    assert await _skills(pool, person) == before


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("   ", "Plak eerst een tekst."),
        ("12345 678 90 !!", "In deze tekst staan geen woorden."),
        ("Я умею мыть посуду и убирать кухню", "alleen voor Nederlandse en Engelse tekst"),
        ("afwassen " * 2300, "hoogstens 20.000 tekens"),
    ],
)
async def test_coach_text_that_cannot_be_read_comes_back_kept(
    coach: Any, world: pages_world.World, text: str, message: str
) -> None:
    person = world.people["daan"]
    action = f"/coach/people/{person}/skills/suggest"
    opened = await coach.get(f"/coach/people/{person}/profile")
    data = form_data(opened.text, action, suggest_text=text, intent="suggest")
    response = await coach.post(action, data=data)
    assert response.status_code == 422
    html = response.text
    assert 'href="#suggest-text"' in html
    assert 'aria-describedby="suggest-text-hint suggest-text-error"' in html
    assert message in html
    if text.strip():
        kept = re.search(r'<textarea id="suggest-text"[^>]*>([^<]*)</textarea>', html)
        assert kept is not None and kept[1].strip() == text.strip()
    assert _suggested(html) == []


async def test_vacancy_suggestions_join_the_form_and_are_saved_with_it(
    employer: Any, pool: asyncpg.Pool, world: pages_world.World
) -> None:
    action = "/employer/vacancies/new"
    count = "SELECT count(*) FROM vacancy WHERE organisation_id = $1"
    before = await pool.fetchval(count, world.employer_org)
    opened = await employer.get(action)
    assert "Plak de vacaturetekst" in opened.text
    data = form_data(
        opened.text, action, title="Keukenhulp", suggest_text=VACANCY, intent="suggest_skills"
    )
    shown = await employer.post(action, data=data)
    assert shown.status_code == 200, shown.text
    html = shown.text
    offered = _suggested(html)
    assert len(offered) >= 3, html
    assert 'formaction="/employer/vacancies/new#from-text"' in html
    # Each suggestion asks essential or optional: essential when certain, else optional.
    relations = re.findall(
        r'class="confidence confidence-(\w+)">.*?name="suggested_relation">(.*?)</select>',
        html,
        re.S,
    )
    assert len(relations) == len(offered)
    for band, select in relations:
        chosen = re.search(r'value="(\w+)" selected', select)
        assert chosen is not None
        assert chosen[1] == ("essential" if band == "certain" else "optional")
    assert 'value="Keukenhulp"' in html  # the rest of the form is kept
    assert await pool.fetchval(count, world.employer_org) == before  # nothing saved

    # Tick two (the first one optional), add them: they join the form's skill rows.
    chosen_uris = offered[:2]
    relation = ["optional"] + [
        "essential" if b == "certain" else "optional" for b, _ in relations[1:]
    ]
    data = form_data(
        html, action, suggested=chosen_uris, suggested_relation=relation, intent="add_suggested"
    )
    added = await employer.post(action, data=data)
    assert added.status_code == 200, added.text
    rows = re.findall(r'<input type="hidden" name="skill_uri" value="([^"]+)">', added.text)
    assert rows == chosen_uris
    assert _suggested(added.text) == []  # the suggestions are done with
    assert await pool.fetchval(count, world.employer_org) == before  # still not saved

    # Nothing ticked: the form says so and keeps the suggestions.
    again = await employer.post(
        action,
        data=form_data(added.text, action, intent="suggest_skills"),
    )
    left = _suggested(again.text)
    assert left and not set(left) & set(chosen_uris)  # what the form holds is not offered
    refused = await employer.post(
        action, data=form_data(again.text, action, suggested=None, intent="add_suggested")
    )
    assert refused.status_code == 422
    assert 'href="#suggested"' in refused.text and _suggested(refused.text) == left

    # Saved with the form's save button, as always.
    occupation = world.occupation
    data = form_data(
        refused.text,
        action,
        occupation_uri=occupation,
        contract_kind="wise_paid",
        hours_min="16",
        hours_max="24",
        intent="save",
    )
    saved = await employer.post(action, data=data)
    assert saved.status_code == 303, saved.text
    vacancy_id = saved.headers["location"].split("/")[3].split("?")[0]
    stored = await pool.fetch(
        "SELECT skill_uri, relation FROM vacancy_skill WHERE vacancy_id = $1::uuid", vacancy_id
    )
    assert {(r["skill_uri"], r["relation"]) for r in stored} == {
        (chosen_uris[0], "optional"),
        (chosen_uris[1], relation[1]),
    }


async def test_vacancy_text_that_cannot_be_read_comes_back_kept(employer: Any) -> None:
    action = "/employer/vacancies/new"
    opened = await employer.get(action)
    data = form_data(
        opened.text, action, title="Inpakker", suggest_text="😀🎉👍🚀", intent="suggest_skills"
    )
    response = await employer.post(action, data=data)
    assert response.status_code == 422
    assert 'href="#suggest-text"' in response.text
    assert "In deze tekst staan geen woorden." in response.text
    assert "😀🎉👍🚀" in response.text and 'value="Inpakker"' in response.text


@pytest.fixture
async def english_only_skill(pool: asyncpg.Pool, world: pages_world.World) -> AsyncIterator[str]:
    """A skill of the world with an English label only (as every ESCO skill is); on the starter
    taxonomy one of them loses its Dutch label for the test."""
    uri = world.skills[4]
    dutch = await pool.fetchval("SELECT label_nl FROM skill WHERE uri = $1", uri)
    await pool.execute("UPDATE skill SET label_nl = NULL WHERE uri = $1", uri)
    yield uri
    await pool.execute("UPDATE skill SET label_nl = $2 WHERE uri = $1", uri, dutch)


async def test_english_labels_on_a_dutch_page_carry_lang_en(
    coach: Any, employer: Any, pool: asyncpg.Pool, world: pages_world.World, english_only_skill: str
) -> None:
    label = await pool.fetchval("SELECT label_en FROM skill WHERE uri = $1", english_only_skill)
    # The person's skill list on the coach's profile page.
    person = world.people["noor"]
    await factories.skill_row(pool, person, english_only_skill, level=2)
    page = (await coach.get(f"/coach/people/{person}/profile")).text
    names = re.findall(r'<p class="skill-name" id="s\d+-name"([^>]*)>([^<]*)</p>', page)
    assert len(names) >= 2
    # The English ones are marked (on full ESCO all; on the starter taxonomy this one), and a
    # Dutch label on a Dutch page needs nothing.
    labels = await pool.fetch(
        "SELECT s.label_en, s.label_nl FROM employee_skill e JOIN skill s ON s.uri = e.skill_uri "
        "WHERE e.employee_id = $1",
        person,
    )
    expected = {(' lang="en"', str(escape(r["label_en"]))) if r["label_nl"] is None
                else ("", str(escape(r["label_nl"]))) for r in labels}  # fmt: skip
    assert {(attr, text) for attr, text in names} == expected
    assert (' lang="en"', str(escape(label))) in expected
    # The same page in English marks nothing.
    english = (await coach.get(f"/coach/people/{person}/profile?lang=en")).text
    assert re.findall(r'<p class="skill-name" id="s\d+-name" lang=', english) == []
    await coach.get(f"/coach/people/{person}/profile?lang=nl")
    # Search hits in the select.
    found = (await coach.get(f"/coach/people/{person}/profile", params={"skill_q": label})).text
    assert re.search(rf'<option value="{re.escape(english_only_skill)}" lang="en"', found)
    # A suggestion with an English label: the vacancy form's skill row and the suggestions.
    action = "/employer/vacancies/new"
    opened = await employer.get(action)
    data = form_data(
        opened.text,
        action,
        skill_uri=[world.skills[0], english_only_skill],
        skill_relation=["essential", "essential"],
        skill_level=["1", "1"],
        intent="add_skill",
    )
    form = (await employer.post(action, data=data)).text
    assert re.search(
        rf'class="skill-name" id="skills-1-name" lang="en">{re.escape(str(escape(label)))}<', form
    )
    dutch = await pool.fetchval("SELECT label_nl FROM skill WHERE uri = $1", world.skills[0])
    assert ('id="skills-0-name">' in form) == (dutch is not None)  # a Dutch label: not marked
    carried = form_data(
        form,
        action,
        suggested_uri=english_only_skill,
        suggested_phrase="iets",
        suggested_confidence="0.9",
        intent="search_skill",
        skill_uri=world.skills[0],
        skill_relation="essential",
        skill_level="1",
    )
    shown = (await employer.post(action, data=carried)).text
    assert re.search(
        rf'<span class="skill-name" lang="en">{re.escape(str(escape(label)))}</span>', shown
    )
