"""A person's data export as a JSON Resume document: what it holds for a known person, who may
download it (API and the person's own page), and that the download is audited."""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg
import httpx

from tests import factories
from tests.browser.http import page_client, sign_in
from tests.factories import Scene, ok


async def _known(pool: asyncpg.Pool, http: httpx.AsyncClient) -> Scene:
    """Noor Visser with contact details, a language, a completed module and a hired placement."""
    s = await factories.scene(pool, http)
    url = f"/api/v1/employees/{s.employee_id}"
    body = {
        "email": "noor.visser@example.org",
        "phone": "+31 6 1234 5678",
        "postcode": "3511 AB",
        "current_occupation_uri": s.occupation,
        "languages": [{"language": "nl", "cefr": "B1"}, {"language": "en", "cefr": "A2"}],
    }
    await ok(await http.patch(url, headers=s.coach.headers, json=body))
    module = await pool.fetchval(
        "INSERT INTO training_module (code, title_nl, title_en, provider_kind, level, hours) "
        "VALUES ($1, 'Veilig werken', 'Working safely', 'course', 1, 8) RETURNING id",
        f"resume-{uuid.uuid4().hex[:8]}",
    )
    record = {"module_id": str(module), "completed_on": "2026-01-15"}
    await ok(await http.post(f"{url}/training-records", headers=s.coach.headers, json=record))
    vacancy = await factories.publish(http, s, "Magazijnmedewerker")
    await pool.execute(
        "INSERT INTO placement_decision (employee_id, vacancy_id, decision, decided_by, "
        "decided_role) VALUES ($1, $2, 'hired', $3, 'jobcoach')",
        s.employee_id,
        vacancy,
        s.coach.account_id,
    )
    return s


async def _audited(pool: asyncpg.Pool, employee_id: uuid.UUID) -> int:
    count: int = await pool.fetchval(
        "SELECT count(*) FROM audit_log WHERE employee_id = $1 AND purpose = 'export'",
        employee_id,
    )
    return count


async def test_the_document_holds_basics_work_skills_languages_and_certificates(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await _known(pool, client)
    url = f"/api/v1/employees/{s.employee_id}/export/jsonresume"
    before = await _audited(pool, s.employee_id)
    doc: dict[str, Any] = await ok(await client.get(url, headers=s.person.headers))
    assert await _audited(pool, s.employee_id) > before
    assert doc["$schema"].startswith("https://") and "jsonresume" in doc["$schema"]
    assert doc["basics"] == {
        "name": "Noor Visser",
        "email": "noor.visser@example.org",
        "phone": "+31 6 1234 5678",
        "location": {"postalCode": "3511AB", "countryCode": "NL"},
    }
    labels = {
        r["uri"]: r["label"]
        for r in await pool.fetch(
            "SELECT uri, coalesce(label_nl, label_en) AS label FROM skill WHERE uri = ANY($1)",
            s.skills,
        )
    }
    assert sorted(doc["skills"], key=lambda k: k["keywords"][0]) == [
        {"name": labels[uri], "level": "kan het zelfstandig", "keywords": [uri]}
        for uri in sorted(s.skills)
    ]
    assert doc["languages"] == [
        {"language": "Engels", "fluency": "A2"},
        {"language": "Nederlands", "fluency": "B1"},
    ]
    assert doc["certificates"] == [{"name": "Veilig werken", "date": "2026-01-15"}]
    occupation = await pool.fetchval(
        "SELECT coalesce(label_nl, label_en) FROM occupation WHERE uri = $1", s.occupation
    )
    positions = [w["position"] for w in doc["work"]]
    assert positions == [occupation, "Magazijnmedewerker"]
    assert doc["work"][1]["startDate"] and doc["work"][1]["name"]
    english = await ok(await client.get(f"{url}?lang=en", headers=s.person.headers))
    assert {k["level"] for k in english["skills"]} == {"can do it alone"}
    assert english["languages"][1] == {"language": "Dutch", "fluency": "B1"}
    assert english["certificates"][0]["name"] == "Working safely"


async def test_the_person_and_their_admin_may_download_it_no_one_else(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    url = f"/api/v1/employees/{s.employee_id}/export/jsonresume"
    assert (await client.get(url, headers=s.person.headers)).status_code == 200
    assert (await client.get(url, headers=s.admin.headers)).status_code == 200
    assert (await client.get(url, headers=s.coach.headers)).status_code == 403
    assert (await client.get(url, headers=s.employer.headers)).status_code == 404
    other = await factories.scene(pool, client)
    assert (await client.get(url, headers=other.person.headers)).status_code == 404
    assert (await client.get(url, headers=other.admin.headers)).status_code == 404
    assert (await client.get(url)).status_code == 401
    bad = await client.get(f"{url}?lang=fr", headers=s.person.headers)
    assert bad.status_code == 422


async def test_the_person_downloads_it_from_their_own_page(
    app: Any, pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await _known(pool, client)
    before = await _audited(pool, s.employee_id)
    async with page_client(app) as http:
        await sign_in(http, s.person.email)
        home = await http.get("/me")
        assert 'href="/me/data/jsonresume"' in home.text
        assert "Download als JSON Resume" in home.text
        response = await http.get("/me/data/jsonresume")
        assert response.status_code == 200, response.text
        assert response.headers["content-disposition"].startswith("attachment;")
        doc = response.json()
        assert doc["basics"]["name"] == "Noor Visser"
        assert {k["keywords"][0] for k in doc["skills"]} == set(s.skills)
    assert await _audited(pool, s.employee_id) > before
