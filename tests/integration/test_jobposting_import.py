"""Import of vacancies as schema.org JobPosting JSON: valid postings become drafts of the
caller's organisation, bad ones are reported by number and JobPosting property."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import asyncpg
import httpx

from services.core.vacancies.jobposting_import import parse_hours, text_of
from tests import factories
from tests.factories import User

API = "/api/v1/vacancies/import"


async def _taxonomy(pool: asyncpg.Pool) -> tuple[str, str, list[str]]:
    """An occupation, its ISCO code and three skills."""
    async with pool.acquire() as conn:
        occupation = await conn.fetchrow(
            "SELECT uri, isco_code FROM occupation ORDER BY uri LIMIT 1"
        )
        skills = [r["uri"] for r in await conn.fetch("SELECT uri FROM skill ORDER BY uri LIMIT 3")]
    return occupation["uri"], occupation["isco_code"], skills


def _posting(occupation: str, terms: list[str], **changes: Any) -> dict[str, Any]:
    """A JobPosting with its skills as DefinedTerms (the first by @id, the others by url)."""
    posting = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": "Medewerker inpak",
        "description": "<p>Producten <b>inpakken</b> &amp; stickeren.</p><ul><li>Rustig</li></ul>",
        "employmentType": "PART_TIME",
        "workHours": "16-24 uur per week",
        "occupationalCategory": occupation,
        "skills": [
            {"@type": "DefinedTerm", "@id" if n == 0 else "url": uri, "name": f"skill {n}"}
            for n, uri in enumerate(terms)
        ],
        "jobLocation": {
            "@type": "Place",
            "address": {"@type": "PostalAddress", "postalCode": "3511 ab"},
        },
        "validThrough": (date.today() + timedelta(days=30)).isoformat() + "T23:59",
        "totalJobOpenings": 2,
    }
    return posting | changes


def _without(posting: dict[str, Any], name: str) -> dict[str, Any]:
    return {k: v for k, v in posting.items() if k != name}


async def _employer(pool: asyncpg.Pool, client: httpx.AsyncClient) -> User:
    org = await factories.organisation(pool, "employer")
    return await factories.user(pool, client, org, "employer")


async def _send(
    client: httpx.AsyncClient, user: User, body: Any, kind: str = "application/ld+json"
) -> httpx.Response:
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    headers = user.headers | {"content-type": kind}
    return await client.post(API, content=content, headers=headers)


async def test_a_jobposting_with_esco_skills_becomes_a_draft_with_its_skills_and_hours(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    employer = await _employer(pool, client)
    occupation, _, skills = await _taxonomy(pool)
    answer = await _send(client, employer, _posting(occupation, skills[:2]))
    assert answer.status_code == 200, answer.text
    result = answer.json()
    assert result["imported"] == 1 and result["errors"] == []
    vacancy = (
        await client.get(f"/api/v1/vacancies/{result['ids'][0]}", headers=employer.headers)
    ).json()
    assert vacancy["status"] == "draft"
    assert vacancy["organisation"]["id"] == str(employer.organisation_id)
    assert vacancy["title"] == "Medewerker inpak"
    assert vacancy["description"] == "Producten inpakken & stickeren.\nRustig"
    assert (vacancy["hours_min"], vacancy["hours_max"]) == (16, 24)
    assert vacancy["contract_kind"] == "regular"
    assert vacancy["occupation_uri"] == occupation
    assert vacancy["postcode"] == "3511AB"
    assert vacancy["places"] == 2
    assert vacancy["closing_date"] == (date.today() + timedelta(days=30)).isoformat()
    assert {(s["skill_uri"], s["relation"]) for s in vacancy["skills"]} == {
        (skills[0], "essential"),
        (skills[1], "essential"),
    }


async def test_an_array_and_an_item_list_are_imported_and_an_isco_code_finds_its_occupation(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    employer = await _employer(pool, client)
    occupation, isco, skills = await _taxonomy(pool)
    array = [
        _posting(occupation, skills, title="Een"),
        _without(
            _posting(occupation, skills[2:], title="Twee", employmentType="VOLUNTEER", hours=8),
            "workHours",
        ),
    ]
    answer = await _send(client, employer, array, "application/json")
    assert answer.status_code == 200, answer.text
    assert answer.json()["imported"] == 2
    listed = {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "itemListElement": [
            {"@type": "ListItem", "position": 1, "item": _posting(occupation, skills)},
            _posting(occupation, [], occupationalCategory=isco, skills=skills[:1]),  # URI strings,
        ],
    }
    answer = await _send(client, employer, listed)
    assert answer.status_code == 200, answer.text
    result = answer.json()
    assert result["imported"] == 2 and result["errors"] == []
    by_isco = (
        await client.get(f"/api/v1/vacancies/{result['ids'][1]}", headers=employer.headers)
    ).json()
    async with pool.acquire() as conn:
        code = await conn.fetchval(
            "SELECT isco_code FROM occupation WHERE uri = $1", by_isco["occupation_uri"]
        )
    assert code == isco


async def test_each_bad_posting_is_reported_by_number_and_property(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    employer = await _employer(pool, client)
    occupation, _, skills = await _taxonomy(pool)
    postings: list[Any] = [
        _posting(occupation, skills),  # 1: fine
        _posting(occupation, skills, workHours="flexibel"),  # 2
        _without(_posting(occupation, skills, hours="veel"), "workHours"),  # 3
        _posting(occupation, ["urn:opstap:skill:no-such-skill"]),  # 4
        _posting(occupation, ["lekker koken"]),  # 5
        _posting("urn:opstap:occupation:none", skills),  # 6
        _posting(occupation, skills, occupationalCategory="kok"),  # 7
        _posting(occupation, skills, employmentType="OTHER"),  # 8
        _without(_posting(occupation, skills), "title"),  # 9
        _posting(occupation, skills, validThrough="morgen"),  # 10
        _posting(occupation, skills, totalJobOpenings=0),  # 11
        _posting(occupation, skills, jobLocation={"address": {"postalCode": "SW1A 1AA"}}),  # 12
        _posting(occupation, skills, workHours="30-20"),  # 13
    ]
    answer = await _send(client, employer, postings)
    assert answer.status_code == 200, answer.text
    result = answer.json()
    assert result["imported"] == 1
    found = {(e["line"], e["field"]) for e in result["errors"]}
    assert found == {
        (2, "workHours"),
        (3, "hours"),
        (4, "skills"),
        (5, "skills"),
        (6, "occupationalCategory"),
        (7, "occupationalCategory"),
        (8, "employmentType"),
        (9, "title"),
        (10, "validThrough"),
        (11, "totalJobOpenings"),
        (12, "jobLocation.address.postalCode"),
        (13, "workHours"),
    }, result["errors"]
    details = {e["line"]: e["detail"] for e in result["errors"]}
    assert "flexibel" in details[2] and "no-such-skill" in details[4]
    assert "lekker koken" in details[5]


async def test_junk_json_is_refused_with_a_422_and_never_a_500(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    employer = await _employer(pool, client)
    for body in (
        b"42",
        b'"een vacature"',
        b"{not json",
        b"null",
        b'{"itemListElement": 3}',
        b'{"@type": {}, "itemListElement": []}',
        b"[[null, null]]",
        b'[{"title": "Afwasser"}, 42]',
        b'{"@type": "JobPosting", "itemListElement": []}',
        b"[" * 100_000,
    ):
        answer = await _send(client, employer, body, "application/json")
        assert answer.status_code == 422, (body, answer.text)
        assert answer.json()["fields"], body
    answer = await _send(client, employer, {"description": "geen titel"})
    assert answer.status_code == 200, answer.text
    fields = {e["field"] for e in answer.json()["errors"]}
    assert {"title", "employmentType", "workHours", "occupationalCategory"} <= fields
    assert answer.json()["imported"] == 0
    answer = await _send(client, employer, b"title\r\n", "text/plain")
    assert answer.status_code == 422, answer.text


async def test_a_csv_body_is_still_imported_and_a_wise_coach_may_not_import(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    employer = await _employer(pool, client)
    occupation, _, skills = await _taxonomy(pool)
    data = (
        f"title,occupation_uri,contract_kind,hours_min,hours_max\r\nA,{occupation},regular,8,16\r\n"
    )
    answer = await _send(client, employer, data.encode(), "text/csv")
    assert answer.status_code == 200 and answer.json()["imported"] == 1, answer.text
    wise = await factories.organisation(pool, "wise")
    coach = await factories.user(pool, client, wise, "jobcoach")
    answer = await _send(client, coach, [_posting(occupation, skills)])
    assert answer.status_code == 403, answer.text


def test_hours_and_html_are_read() -> None:
    assert parse_hours("16-24") == (16, 24)
    assert parse_hours("32 uur") == (32, 32)
    assert parse_hours("20 tot 28 uur per week") == (20, 28)
    assert parse_hours("24 hours per week") == (24, 24)
    assert parse_hours(12) == (12, 12)
    assert parse_hours({"minValue": 8, "maxValue": 16}) == (8, 16)
    assert parse_hours("flexibel") is None and parse_hours(True) is None
    assert text_of("<h2>Wat</h2><p>Koffie &amp; thee</p>") == "Wat\nKoffie & thee"


async def test_an_opstap_jobposting_imports_back_as_the_same_vacancy(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    vacancy = await factories.publish(
        client, s, "Magazijnmedewerker", hours_min=16, hours_max=24, postcode="3511 AB"
    )
    posting = await factories.ok(
        await client.get(f"/api/v1/vacancies/{vacancy}/jobposting", headers=s.employer.headers)
    )
    other = await _employer(pool, client)
    answer = await _send(client, other, posting)
    assert answer.status_code == 200, answer.text
    result = answer.json()
    assert result["imported"] == 1, result["errors"]
    copy = await factories.ok(
        await client.get(f"/api/v1/vacancies/{result['ids'][0]}", headers=other.headers)
    )
    assert copy["occupation_uri"] == s.occupation and copy["status"] == "draft"
    assert (copy["hours_min"], copy["hours_max"], copy["postcode"]) == (16, 24, "3511AB")
    assert {k["skill_uri"] for k in copy["skills"]} == set(s.skills)
