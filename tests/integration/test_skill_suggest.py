"""Skill suggestions from free text and the hybrid skill search, through the API.

Runs on whichever taxonomy the session holds; the Dutch examples are checked on full ESCO
(which has no Dutch skill labels: the vocabulary and the model must carry them).
"""

from __future__ import annotations

from typing import Any

import asyncpg
import httpx
import pytest

from tests import factories

SUGGEST = "/api/v1/taxonomy/skills/suggest"

VACANCY_NL = """Keukenhulp gezocht (24 uur per week)
Wat ga je doen?
- Je wast af met de vaatwasser en houdt de keuken schoon.
- Je snijdt groente en helpt bij het koken.
- Je dweilt aan het eind van de dag de vloer.
Wat bieden wij? Een vast rooster en een jobcoach op de werkvloer."""


@pytest.fixture
async def coach(pool: asyncpg.Pool, client: httpx.AsyncClient) -> factories.User:
    org = await factories.organisation(pool)
    return await factories.user(pool, client, org, "jobcoach")


async def _suggest(client: httpx.AsyncClient, coach: factories.User, **body: Any) -> httpx.Response:
    return await client.post(SUGGEST, json=body, headers=coach.headers)


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("1234 5678 90", "no_words"),
        ("😀🎉👍🚀🙂", "no_words"),
        ("我会洗碗和打扫厨房,我也会切菜", "script"),
        ("Я умею мыть посуду и убирать кухню", "script"),
    ],
)
async def test_text_without_readable_words_is_a_422_that_says_what_to_fix(
    client: httpx.AsyncClient, coach: factories.User, text: str, field: str
) -> None:
    response = await _suggest(client, coach, text=text, lang="nl")
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["error"] == "invalid"
    assert body["fields"] == {"text": field}
    assert len(body["detail"]) > 20


async def test_a_text_of_50000_characters_is_a_422_naming_the_limit(
    client: httpx.AsyncClient, coach: factories.User
) -> None:
    response = await _suggest(client, coach, text="afwassen " * 5600, lang="nl")
    assert response.status_code == 422, response.text
    assert "text" in response.json()["fields"]
    assert "20000" in response.json()["detail"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"lang": "nl"}, "text"),
        ({"text": 12, "lang": "nl"}, "text"),
        ({"text": "afwassen", "lang": "de"}, "lang"),
        ({"text": "afwassen", "limit": 0}, "limit"),
        ({"text": "afwassen", "unknown": 1}, "unknown"),
    ],
)
async def test_malformed_bodies_are_422_in_the_error_shape(
    client: httpx.AsyncClient, coach: factories.User, body: dict[str, Any], field: str
) -> None:
    response = await client.post(SUGGEST, json=body, headers=coach.headers)
    assert response.status_code == 422, response.text
    assert field in response.json()["fields"]


async def test_suggestions_need_a_sign_in(client: httpx.AsyncClient) -> None:
    response = await client.post(SUGGEST, json={"text": "afwassen", "lang": "nl"})
    assert response.status_code == 401


async def test_a_dutch_vacancy_text_gives_ranked_skills_with_their_phrase(
    client: httpx.AsyncClient, coach: factories.User, taxonomy_is_esco: bool
) -> None:
    response = await _suggest(client, coach, text=VACANCY_NL, lang="nl", limit=15)
    assert response.status_code == 200, response.text
    body = response.json()
    skills = body["skills"]
    assert 0 < len(skills) <= 15
    assert len({s["uri"] for s in skills}) == len(skills)
    confidences = [s["confidence"] for s in skills]
    assert all(0 < c <= 1 for c in confidences)
    for skill in skills:
        assert skill["phrase"] and skill["phrase"].lower() in VACANCY_NL.lower(), skill
        assert skill["source"] in ("vocabulary", "semantic", "context")
        assert skill["label_lang"] in ("nl", "en")
    assert body["phrases"] > 5
    assert body["occupations"] and body["occupations"][0]["confidence"] == 1.0
    if taxonomy_is_esco:
        labels = {s["label"] for s in skills[:10]}
        # "wast af met de vaatwasser": washing up by machine is the ESCO skill
        dishes = {"wash the dishes", "do the dishes", "operate dishwashing machine"}
        assert labels & dishes, labels
        assert labels & {"clean kitchen equipment", "tidy the kitchen", "clean floors"}, labels
        occupations = {o["label"] for o in body["occupations"]}
        assert occupations & {"keukenhulp", "afwasser"}, occupations


async def test_suggesting_records_nothing(
    client: httpx.AsyncClient, coach: factories.User, conn: asyncpg.Connection
) -> None:
    before = await conn.fetchval("SELECT count(*) FROM outbox_event")
    response = await _suggest(client, coach, text=VACANCY_NL, lang="en")
    assert response.status_code == 200
    assert await conn.fetchval("SELECT count(*) FROM outbox_event") == before


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("afwassen", {"wash the dishes", "do the dishes", "use dishwashing machines"}),
        ("schoonmaken", {"clean", "cleaning techniques", "clean floors", "clean rooms"}),
        ("koken", {"use cooking techniques", "cook", "prepare dishes", "cook meat dishes"}),
        ("vloer dweilen", {"clean floors", "mop floors", "clean building floors"}),
        ("heftruck rijden", {"operate forklift"}),
    ],
)
async def test_everyday_dutch_finds_a_right_skill_in_the_top_five(
    client: httpx.AsyncClient, taxonomy_is_esco: bool, query: str, expected: set[str]
) -> None:
    if not taxonomy_is_esco:
        pytest.skip("needs full ESCO")
    response = await client.get(
        "/api/v1/taxonomy/skills", params={"q": query, "lang": "nl", "limit": 5}
    )
    assert response.status_code == 200
    items = response.json()["items"]
    assert {item["label"] for item in items} & expected, [i["label"] for i in items]
    assert all(item["label_lang"] == "en" and item["fallback"] for item in items)
    assert "understand spoken Korean" not in {item["label"] for item in items}


MOVER_NL = """Verhuizer / medewerker verhuisservice
Wat ga je doen?
- Je pakt dozen in en draagt meubels naar de verhuiswagen.
- Je zet kasten uit elkaar en bij de klant weer in elkaar.
Wat vragen wij? Je kunt goed tillen en werkt graag in een team."""


async def test_a_dutch_title_names_its_occupation_among_the_likely_ones(
    client: httpx.AsyncClient, coach: factories.User, taxonomy_is_esco: bool
) -> None:
    if not taxonomy_is_esco:
        pytest.skip("needs full ESCO")
    response = await _suggest(client, coach, text=MOVER_NL, lang="en")
    assert response.status_code == 200, response.text
    occupations = [o["label"] for o in response.json()["occupations"]]
    # "verhuizer" is an ESCO Dutch label of mover and a curated title (titles.py)
    assert "mover" in occupations[:3], occupations
