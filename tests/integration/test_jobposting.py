"""Open formats: a vacancy as schema.org JobPosting JSON-LD, the organisation's public feed, and
the JSON-LD blocks of the digital window."""

from __future__ import annotations

import json
import re
import uuid
from datetime import UTC, date, datetime, timedelta

import asyncpg
import httpx

from services.core.vacancies.jobposting import employment_types, jobposting, script_json
from tests import factories
from tests.factories import Scene, ok

LD = "application/ld+json"
# What schema.org and the big job boards (Google for Jobs, Indeed) require of a JobPosting.
REQUIRED = ("title", "description", "datePosted", "hiringOrganization", "jobLocation")
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


async def _open(client: httpx.AsyncClient, s: Scene, pool: asyncpg.Pool, **fields: object) -> dict:
    """An open vacancy of the scene's WISE (posted by its admin) with skills and
    accommodations; fields override."""
    body = {
        "title": f"Medewerker groen {uuid.uuid4().hex[:4]}",
        "contract_kind": "sheltered",
        "hours_min": 16,
        "hours_max": 24,
        "postcode": "1012 AB",
        "latitude": 52.37,
        "longitude": 4.89,
        "skills": [{"skill_uri": uri} for uri in s.skills[:3]],
        "accommodations": ["quiet_workspace", "extra_breaks"],
        "places": 2,
        "closing_date": (date.today() + timedelta(days=30)).isoformat(),
    } | fields
    return await factories.vacancy(client, s.admin, s.occupation, published=True, **body)


async def test_an_open_vacancy_is_a_public_jobposting_with_esco_skills_and_isco(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    await pool.execute(
        "UPDATE organisation SET website = 'https://groen.example.org' WHERE id = $1",
        s.admin.organisation_id,
    )
    made = await _open(client, s, pool, description="")
    response = await client.get(f"/api/v1/vacancies/{made['id']}/jobposting")  # no sign-in
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(LD)
    posting = response.json()
    assert posting["@context"] == "https://schema.org"
    assert posting["@type"] == "JobPosting"
    for name in REQUIRED:
        assert posting[name], name
    assert posting["title"] == made["title"]
    assert made["title"] in posting["description"]  # the sentence made when there is none
    assert posting["datePosted"] == date.fromisoformat(made["published_at"][:10]).isoformat()
    assert posting["validThrough"].startswith(made["closing_date"])
    org = posting["hiringOrganization"]
    assert org["@type"] == "Organization" and org["name"] == made["organisation"]["name"]
    assert org["sameAs"] == "https://groen.example.org"
    place = posting["jobLocation"]
    assert place["@type"] == "Place"
    assert place["address"] == {
        "@type": "PostalAddress",
        "postalCode": "1012AB",
        "addressCountry": "NL",
    }
    assert place["geo"]["latitude"] == 52.37 and place["geo"]["longitude"] == 4.89
    assert posting["employmentType"] == ["PART_TIME"]
    assert posting["workHours"] == "16-24 uur per week"
    assert posting["totalJobOpenings"] == 2
    assert {t["@id"] for t in posting["skills"]} == set(s.skills[:3])
    for term in posting["skills"]:
        assert term["@type"] == "DefinedTerm" and term["url"] == term["@id"] and term["name"]
        assert term["inDefinedTermSet"] == "https://esco.ec.europa.eu/"
    isco = await pool.fetchval("SELECT isco_code FROM occupation WHERE uri = $1", s.occupation)
    category = posting["occupationalCategory"]
    assert category["@type"] == "CategoryCode"
    assert category["codeValue"] == isco and category["url"] == s.occupation
    assert posting["jobBenefits"] == "Aanpassingen: Extra pauzes, Rustige werkplek."
    assert posting["identifier"] == made["id"]


async def test_a_draft_or_closed_vacancy_is_not_found_by_the_public(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    draft = await factories.vacancy(client, s.employer, s.occupation)
    closed = await _open(client, s, pool)
    await ok(await client.post(f"/api/v1/vacancies/{closed['id']}/close", headers=s.admin.headers))
    for vacancy_id in (draft["id"], closed["id"], str(uuid.uuid4())):
        response = await client.get(f"/api/v1/vacancies/{vacancy_id}/jobposting")
        assert response.status_code == 404, response.text
    # Those who may see the vacancy get its JobPosting in any status; others do not.
    mine = await client.get(
        f"/api/v1/vacancies/{draft['id']}/jobposting", headers=s.employer.headers
    )
    assert mine.status_code == 200 and mine.json()["employmentType"] == ["PART_TIME"]
    other = await client.get(f"/api/v1/vacancies/{draft['id']}/jobposting", headers=s.coach.headers)
    assert other.status_code == 404
    bad = {"Authorization": "Bearer not-a-token"}
    assert (
        await client.get(f"/api/v1/vacancies/{draft['id']}/jobposting", headers=bad)
    ).status_code == 401


async def test_the_feed_lists_only_the_open_vacancies(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    shown = [await _open(client, s, pool, title=t) for t in ("Bezorger", "Afwasser")]
    await factories.vacancy(client, s.admin, s.occupation, title="Concept")
    closed = await _open(client, s, pool, title="Gesloten")
    await ok(await client.post(f"/api/v1/vacancies/{closed['id']}/close", headers=s.admin.headers))
    # Open, but its closing day has passed (nothing closes a vacancy by itself yet).
    lapsed = await _open(client, s, pool, title="Verlopen")
    await pool.execute(
        "UPDATE vacancy SET closing_date = current_date - 2 WHERE id = $1", uuid.UUID(lapsed["id"])
    )
    response = await client.get(f"/api/v1/organisations/{s.admin.organisation_id}/jobpostings")
    assert response.status_code == 200 and response.headers["content-type"].startswith(LD)
    feed = response.json()
    assert feed["@context"] == "https://schema.org" and feed["@type"] == "ItemList"
    assert feed["numberOfItems"] == 2
    items = feed["itemListElement"]
    assert [i["position"] for i in items] == [1, 2]
    assert [i["item"]["title"] for i in items] == ["Afwasser", "Bezorger"]
    assert {i["item"]["identifier"] for i in items} == {v["id"] for v in shown}
    assert all(i["item"]["@type"] == "JobPosting" and "@context" not in i["item"] for i in items)
    # An employer has a feed too (empty here); an unknown id or a municipality has none.
    employer = await client.get(f"/api/v1/organisations/{s.employer_org}/jobpostings")
    assert employer.status_code == 200 and employer.json()["itemListElement"] == []
    municipality = await factories.organisation(pool, "municipality")
    for org in (uuid.uuid4(), municipality):
        assert (await client.get(f"/api/v1/organisations/{org}/jobpostings")).status_code == 404


async def test_the_window_carries_one_jobposting_per_open_vacancy(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    hostile = "Schoonmaker </script><script>alert(1)</script> <!-- & zo"
    opened = [await _open(client, s, pool, title=t) for t in ("Kok", hostile)]
    await factories.vacancy(client, s.admin, s.occupation, title="Nog een concept")
    page = await client.get(f"/window/{s.admin.organisation_id}")
    assert page.status_code == 200
    blocks = SCRIPT.findall(page.text)
    assert len(blocks) == 2
    postings = [json.loads(block) for block in blocks]
    assert sorted(p["title"] for p in postings) == sorted(v["title"] for v in opened)
    assert all(p["@type"] == "JobPosting" and p["hiringOrganization"]["name"] for p in postings)
    assert "alert(1)</script>" not in page.text and "Nog een concept" not in page.text
    # A WISE without open vacancies has no block at all.
    empty = await factories.organisation(pool)
    assert SCRIPT.findall((await client.get(f"/window/{empty}")).text) == []


def test_employment_types_follow_the_contract_kind_and_the_hours() -> None:
    for kind in ("regular", "regular_with_wage_subsidy", "sheltered", "wise_paid"):
        assert employment_types(kind, 8, 24) == ["PART_TIME"]
        assert employment_types(kind, 16, 31) == ["PART_TIME"]
        assert employment_types(kind, 32, 40) == ["FULL_TIME"]
        assert employment_types(kind, 24, 36) == ["FULL_TIME", "PART_TIME"]
    assert employment_types("work_experience", 32, 40) == ["INTERN"]
    assert employment_types("volunteer", 4, 8) == ["VOLUNTEER"]
    assert employment_types("day_activity", 16, 24) == ["OTHER"]


def test_the_script_text_cannot_close_the_block() -> None:
    row = {
        "id": uuid.uuid4(),
        "title": "Kok </script><script>alert(1)</script>",
        "description": "<!-- & -->",
        "organisation_name": "A & B",
        "created_at": datetime(2026, 12, 1, 12, tzinfo=UTC),
        "contract_kind": "volunteer",
        "hours_min": 4,
        "hours_max": 4,
        "places": 1,
        "occupation_uri": "http://data.europa.eu/esco/occupation/x",
        "skills": [],
        "accommodations": [],
    }
    text = str(script_json(jobposting(row)))
    assert "<" not in text and ">" not in text and "&" not in text
    found = json.loads(text)
    assert found["title"] == row["title"] and found["description"] == "<!-- & -->"
    assert found["occupationalCategory"] == row["occupation_uri"]  # no ISCO code known
    assert found["workHours"] == "4 uur per week" and found["datePosted"] == "2026-12-01"
    assert "validThrough" not in found and "jobBenefits" not in found
    assert found["jobLocation"]["address"] == {"@type": "PostalAddress", "addressCountry": "NL"}
