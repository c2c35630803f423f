"""Vacancies through the API: CRUD, lifecycle, derived rung, validation, tenants and events."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

import asyncpg
import httpx
import pytest

from tests import factories
from tests.factories import User

API = "/api/v1/vacancies"
RUNGS = {
    "day_activity": 3,
    "volunteer": 4,
    "work_experience": 4,
    "sheltered": 5,
    "wise_paid": 5,
    "regular_with_wage_subsidy": 5,
    "regular": 6,
}


async def _taxonomy(pool: asyncpg.Pool) -> tuple[list[str], list[str]]:
    """(two occupation URIs, three skill URIs) from the loaded taxonomy."""
    async with pool.acquire() as conn:
        occupations = [r["uri"] for r in await conn.fetch("SELECT uri FROM occupation LIMIT 2")]
        skills = [r["uri"] for r in await conn.fetch("SELECT uri FROM skill ORDER BY uri LIMIT 3")]
    return occupations, skills


async def _body(pool: asyncpg.Pool, **changes: Any) -> dict[str, Any]:
    occupations, skills = await _taxonomy(pool)
    body: dict[str, Any] = {
        "title": "Medewerker schoonmaak",
        "description": "Kantoren schoonmaken in een vast team.",
        "occupation_uri": occupations[0],
        "contract_kind": "regular_with_wage_subsidy",
        "hours_min": 16,
        "hours_max": 24,
        "skills": [
            {"skill_uri": skills[0], "relation": "essential", "min_level": 2},
            {"skill_uri": skills[1], "relation": "optional"},
        ],
        "postcode": "1012 ab",
        "latitude": 52.37,
        "longitude": 4.89,
        "accommodations": ["quiet_workspace", "extra_breaks"],
        "language": {"language": "nl", "cefr": "A2"},
        "places": 2,
        "closing_date": (date.today() + timedelta(days=30)).isoformat(),
    }
    return body | changes


async def _employer(
    pool: asyncpg.Pool, client: httpx.AsyncClient, kind: str = "employer", role: str = "employer"
) -> User:
    org = await factories.organisation(pool, kind)
    return await factories.user(pool, client, org, role)


async def _vacancy(
    pool: asyncpg.Pool, client: httpx.AsyncClient, user: User, status: str = "draft", **changes: Any
) -> dict[str, Any]:
    """A vacancy of the user's organisation, moved to `status` through the API."""
    created = await client.post(API, json=await _body(pool, **changes), headers=user.headers)
    assert created.status_code == 201, created.text
    vacancy: dict[str, Any] = created.json()
    steps = {"draft": [], "open": ["publish"], "closed": ["publish", "close"]}
    for action in steps.get(status, ["publish", "fill"]):
        moved = await client.post(f"{API}/{vacancy['id']}/{action}", headers=user.headers)
        assert moved.status_code == 200, moved.text
        vacancy = moved.json()
    assert vacancy["status"] == status
    return vacancy


async def _counts(pool: asyncpg.Pool, organisation_id: uuid.UUID) -> tuple[int, ...]:
    """Vacancy, skill and accommodation rows of the organisation, and vacancy events in all."""
    async with pool.acquire() as conn:
        row = await conn.fetchrow(
            """
            SELECT (SELECT count(*) FROM vacancy WHERE organisation_id = $1),
                   (SELECT count(*) FROM vacancy_skill s JOIN vacancy v ON v.id = s.vacancy_id
                    WHERE v.organisation_id = $1),
                   (SELECT count(*) FROM vacancy_accommodation a
                    JOIN vacancy v ON v.id = a.vacancy_id WHERE v.organisation_id = $1),
                   (SELECT count(*) FROM outbox_event WHERE aggregate_type = 'vacancy')
            """,
            organisation_id,
        )
    return tuple(row)


async def _events(pool: asyncpg.Pool, vacancy_id: str) -> list[tuple[str, dict[str, Any]]]:
    async with pool.acquire() as conn:
        rows = await conn.fetch(
            "SELECT event_type, payload FROM outbox_event WHERE aggregate_type = 'vacancy'"
            " AND aggregate_id = $1 ORDER BY created_at",
            vacancy_id,
        )
    return [(r["event_type"], r["payload"]) for r in rows]


async def test_employer_posts_a_draft_and_reads_it_back(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    employer = await _employer(pool, client)
    body = await _body(pool)
    created = await client.post(API, json=body, headers=employer.headers)
    assert created.status_code == 201, created.text
    vacancy = created.json()
    assert vacancy["status"] == "draft" and vacancy["published_at"] is None
    assert vacancy["ladder_rung"] == 5
    assert vacancy["organisation"]["id"] == str(employer.organisation_id)
    assert vacancy["organisation"]["name"].startswith("employer")
    assert vacancy["postcode"] == "1012AB"
    assert vacancy["accommodations"] == ["extra_breaks", "quiet_workspace"]
    assert vacancy["language"] == {"language": "nl", "cefr": "A2"}
    assert {(s["skill_uri"], s["relation"], s["min_level"]) for s in vacancy["skills"]} == {
        (body["skills"][0]["skill_uri"], "essential", 2),
        (body["skills"][1]["skill_uri"], "optional", 1),
    }
    read = await client.get(f"{API}/{vacancy['id']}", headers=employer.headers)
    assert read.status_code == 200 and read.json() == vacancy


async def test_ladder_rung_is_derived_from_the_contract_kind_and_never_sent(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    employer = await _employer(pool, client)
    for kind, rung in RUNGS.items():
        vacancy = await _vacancy(pool, client, employer, contract_kind=kind)
        assert vacancy["ladder_rung"] == rung, kind
    sent = await client.post(API, json=await _body(pool, ladder_rung=6), headers=employer.headers)
    assert sent.status_code == 422 and "ladder_rung" in sent.json()["fields"]
    vacancy = await _vacancy(pool, client, employer, contract_kind="volunteer")
    changed = await client.patch(
        f"{API}/{vacancy['id']}", json={"contract_kind": "regular"}, headers=employer.headers
    )
    assert changed.status_code == 200 and changed.json()["ladder_rung"] == 6


async def test_patch_changes_the_given_fields_and_keeps_the_rest(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    employer = await _employer(pool, client)
    vacancy = await _vacancy(pool, client, employer)
    _, skills = await _taxonomy(pool)
    patch = {
        "title": "Schoonmaker",
        "hours_max": 32,
        "skills": [{"skill_uri": skills[2], "relation": "essential", "min_level": 3}],
        "accommodations": [],
        "postcode": None,
    }
    changed = await client.patch(f"{API}/{vacancy['id']}", json=patch, headers=employer.headers)
    assert changed.status_code == 200, changed.text
    after = changed.json()
    assert after["title"] == "Schoonmaker" and after["hours_max"] == 32
    assert after["skills"] == [{"skill_uri": skills[2], "relation": "essential", "min_level": 3}]
    assert after["accommodations"] == [] and after["postcode"] is None
    assert after["hours_min"] == vacancy["hours_min"]
    assert after["description"] == vacancy["description"]
    assert await _events(pool, vacancy["id"]) == []  # a draft's edits are nobody's news yet


async def test_patch_of_an_open_vacancy_records_the_fields_that_changed(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    employer = await _employer(pool, client)
    vacancy = await _vacancy(pool, client, employer, "open")
    changed = await client.patch(
        f"{API}/{vacancy['id']}",
        json={"title": "Schoonmaker", "places": vacancy["places"], "hours_min": 8},
        headers=employer.headers,
    )
    assert changed.status_code == 200, changed.text
    events = await _events(pool, vacancy["id"])
    assert events[-1] == ("vacancy.updated", {"fields": ["hours_min", "title"]})
    same = await client.patch(
        f"{API}/{vacancy['id']}", json={"title": "Schoonmaker"}, headers=employer.headers
    )
    assert same.status_code == 200
    assert len(await _events(pool, vacancy["id"])) == len(events)


async def test_lifecycle_publish_close_reopen_fill_reopen(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    employer = await _employer(pool, client)
    vacancy = await _vacancy(pool, client, employer)
    seen = []
    for action, status in [
        ("publish", "open"),
        ("close", "closed"),
        ("reopen", "open"),
        ("fill", "filled"),
        ("reopen", "open"),
        ("close", "closed"),
        ("publish", "open"),
    ]:
        moved = await client.post(f"{API}/{vacancy['id']}/{action}", headers=employer.headers)
        assert moved.status_code == 200, (action, moved.text)
        assert moved.json()["status"] == status
        seen.append(status)
    assert moved.json()["published_at"] is not None
    event = {"open": "vacancy.published", "closed": "vacancy.closed", "filled": "vacancy.filled"}
    assert [e for e, _ in await _events(pool, vacancy["id"])] == [event[s] for s in seen]


IMPOSSIBLE = [
    ("draft", "close"),
    ("draft", "fill"),
    ("draft", "reopen"),
    ("open", "publish"),
    ("open", "reopen"),
    ("closed", "close"),
    ("closed", "fill"),
    ("filled", "publish"),
    ("filled", "close"),
    ("filled", "fill"),
]


@pytest.mark.parametrize(("status", "action"), IMPOSSIBLE)
async def test_an_impossible_transition_is_422_naming_the_status_and_changes_nothing(
    pool: asyncpg.Pool, client: httpx.AsyncClient, status: str, action: str
) -> None:
    employer = await _employer(pool, client)
    vacancy = await _vacancy(pool, client, employer, status)
    before = await _counts(pool, employer.organisation_id)
    moved = await client.post(f"{API}/{vacancy['id']}/{action}", headers=employer.headers)
    assert moved.status_code == 422
    assert moved.json()["fields"] == {"status": status} and status in moved.json()["detail"]
    after = await client.get(f"{API}/{vacancy['id']}", headers=employer.headers)
    assert after.json() == vacancy
    assert await _counts(pool, employer.organisation_id) == before


async def test_a_filled_vacancy_cannot_be_edited(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    employer = await _employer(pool, client)
    vacancy = await _vacancy(pool, client, employer, "filled")
    edit = await client.patch(
        f"{API}/{vacancy['id']}", json={"title": "x"}, headers=employer.headers
    )
    assert edit.status_code == 422 and edit.json()["fields"] == {"status": "filled"}


async def test_publishing_with_a_past_closing_date_is_422_and_leaves_a_draft(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    employer = await _employer(pool, client)
    past = (date.today() - timedelta(days=2)).isoformat()
    vacancy = await _vacancy(pool, client, employer, closing_date=past)
    before = await _counts(pool, employer.organisation_id)
    moved = await client.post(f"{API}/{vacancy['id']}/publish", headers=employer.headers)
    assert moved.status_code == 422 and "closing_date" in moved.json()["fields"]
    assert (await client.get(f"{API}/{vacancy['id']}", headers=employer.headers)).json() == vacancy
    assert await _counts(pool, employer.organisation_id) == before


def _skill(n: int, **changes: Any) -> Any:
    def change(body: dict[str, Any]) -> None:
        body["skills"][n] |= changes

    return change


INVALID = [
    ("unknown skill URI", _skill(0, skill_uri="urn:opstap:skill:no-such-skill"), "skills.0"),
    ("unknown occupation URI", {"occupation_uri": "urn:opstap:occupation:nope"}, "occupation"),
    ("min_level above 4", _skill(1, min_level=5), "skills.1.min_level"),
    ("min_level below 1", _skill(0, min_level=0), "skills.0.min_level"),
    ("malformed postcode", {"postcode": "12345"}, "postcode"),
    ("hours reversed", {"hours_min": 30, "hours_max": 20}, "hours_max"),
    ("hours above 60", {"hours_max": 61}, "hours_max"),
    ("unknown accommodation", {"accommodations": ["quiet_workspace", "moon_base"]}, "accom"),
    ("unknown contract kind", {"contract_kind": "internship"}, "contract_kind"),
    ("latitude without longitude", {"longitude": None}, "longitude"),
    ("bad CEFR level", {"language": {"language": "nl", "cefr": "D1"}}, "language.cefr"),
    ("no places", {"places": 0}, "places"),
    ("unknown field", {"salary": 3000}, "salary"),
    ("empty title", {"title": ""}, "title"),
]


def _duplicate(body: dict[str, Any]) -> None:
    body["skills"][1]["skill_uri"] = body["skills"][0]["skill_uri"]


INVALID.append(("duplicate skill", _duplicate, "skills"))


@pytest.mark.parametrize(("case", "change", "field"), INVALID, ids=[c[0] for c in INVALID])
async def test_invalid_input_is_422_naming_the_field_and_writes_nothing(
    pool: asyncpg.Pool, client: httpx.AsyncClient, case: str, change: Any, field: str
) -> None:
    employer = await _employer(pool, client)
    body = await _body(pool)
    if callable(change):
        change(body)
    else:
        body |= change
    before = await _counts(pool, employer.organisation_id)
    created = await client.post(API, json=body, headers=employer.headers)
    assert created.status_code == 422, created.text
    assert created.json()["error"] == "invalid"
    assert any(name.startswith(field) for name in created.json()["fields"]), created.json()
    assert await _counts(pool, employer.organisation_id) == before


async def test_a_failed_patch_of_an_open_vacancy_leaves_neither_change_nor_event(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    employer = await _employer(pool, client)
    vacancy = await _vacancy(pool, client, employer, "open")
    before = await _counts(pool, employer.organisation_id)
    for patch, field in [
        ({"title": "Nieuw", "skills": [{"skill_uri": "urn:opstap:skill:nope"}]}, "skills.0"),
        ({"title": "Nieuw", "hours_min": 40}, "hours_max"),
        ({"title": "Nieuw", "closing_date": "2001-01-01"}, "closing_date"),
        ({"title": None}, "title"),
    ]:
        failed = await client.patch(f"{API}/{vacancy['id']}", json=patch, headers=employer.headers)
        assert failed.status_code == 422, failed.text
        assert any(name.startswith(field) for name in failed.json()["fields"]), failed.json()
    assert (await client.get(f"{API}/{vacancy['id']}", headers=employer.headers)).json() == vacancy
    assert await _counts(pool, employer.organisation_id) == before


async def test_publish_writes_exactly_one_published_event_in_the_outbox(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    employer = await _employer(pool, client)
    vacancy = await _vacancy(pool, client, employer)
    before = await _counts(pool, employer.organisation_id)
    published = await client.post(f"{API}/{vacancy['id']}/publish", headers=employer.headers)
    assert published.status_code == 200
    assert (await _counts(pool, employer.organisation_id))[3] == before[3] + 1
    assert await _events(pool, vacancy["id"]) == [("vacancy.published", {"from": "draft"})]


async def _code(client: httpx.AsyncClient, user: User, method: str, path: str, **kw: Any) -> int:
    """The status code of one call as `user`."""
    return (await client.request(method, API + path, headers=user.headers, **kw)).status_code


async def test_an_employer_sees_and_changes_only_its_own_vacancies(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    a, b = await _employer(pool, client), await _employer(pool, client)
    for vacancy in (await _vacancy(pool, client, b), await _vacancy(pool, client, b, "open")):
        path = f"/{vacancy['id']}"
        assert await _code(client, a, "GET", path) == 404
        assert await _code(client, a, "PATCH", path, json={"title": "x"}) == 404
        assert await _code(client, a, "POST", f"{path}/close") == 404
    listed = await client.get(API, params={"limit": 100}, headers=a.headers)
    assert listed.json()["total"] == 0
    unknown = await client.get(f"{API}/{uuid.uuid4()}", headers=a.headers)
    assert unknown.status_code == 404 and unknown.json()["error"] == "not_found"


async def test_a_jobcoach_sees_open_vacancies_but_not_others_drafts_and_cannot_write(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    employer = await _employer(pool, client)
    draft = f"/{(await _vacancy(pool, client, employer))['id']}"
    open_ = f"/{(await _vacancy(pool, client, employer, 'open'))['id']}"
    coach = await _employer(pool, client, kind="wise", role="jobcoach")
    assert await _code(client, coach, "GET", open_) == 200
    assert await _code(client, coach, "GET", draft) == 404
    listed = await client.get(
        API, params={"organisation_id": str(employer.organisation_id)}, headers=coach.headers
    )
    assert [f"/{v['id']}" for v in listed.json()["items"]] == [open_]
    before = await _counts(pool, employer.organisation_id)
    patched = await client.patch(API + open_, json={"title": "x"}, headers=coach.headers)
    assert patched.status_code == 403 and patched.json()["error"] == "forbidden"
    assert await _code(client, coach, "POST", f"{open_}/close") == 403
    assert await _code(client, coach, "POST", f"{draft}/publish") == 404
    assert await _code(client, coach, "POST", "", json=await _body(pool)) == 403
    assert await _counts(pool, employer.organisation_id) == before


async def test_an_employee_reads_open_vacancies_only(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    employer = await _employer(pool, client)
    draft = await _vacancy(pool, client, employer)
    open_ = await _vacancy(pool, client, employer, "open")
    person = await _employer(pool, client, kind="wise", role="employee")
    assert await _code(client, person, "GET", f"/{open_['id']}") == 200
    assert await _code(client, person, "GET", f"/{draft['id']}") == 404
    assert await _code(client, person, "POST", f"/{open_['id']}/fill") == 403
    assert await _code(client, person, "POST", "", json=await _body(pool)) == 403


async def test_a_wise_admin_posts_its_own_vacancies_but_not_anothers(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    admin = await _employer(pool, client, kind="wise", role="admin")
    own = await _vacancy(pool, client, admin, "open", contract_kind="wise_paid")
    assert own["organisation"]["id"] == str(admin.organisation_id)
    other = await _vacancy(pool, client, await _employer(pool, client), "open")
    assert await _code(client, admin, "GET", f"/{other['id']}") == 200
    assert await _code(client, admin, "PATCH", f"/{other['id']}", json={"title": "x"}) == 403


async def test_the_list_filters_sorts_and_pages(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    employer = await _employer(pool, client)
    occupations, _ = await _taxonomy(pool)
    specs = [
        ("Bakker 100%", "open", "regular", occupations[0]),
        ("Archief", "draft", "volunteer", occupations[1]),
        ("Conciërge", "open", "sheltered", occupations[1]),
        ("Dagbesteding tuin", "closed", "day_activity", occupations[0]),
    ]
    for title, status, kind, occupation in specs:
        await _vacancy(
            pool,
            client,
            employer,
            status,
            title=title,
            contract_kind=kind,
            occupation_uri=occupation,
        )

    async def titles(**params: Any) -> tuple[list[str], int]:
        got = await client.get(API, params=params, headers=employer.headers)
        assert got.status_code == 200, got.text
        return [v["title"] for v in got.json()["items"]], got.json()["total"]

    assert await titles(sort="title") == (
        ["Archief", "Bakker 100%", "Conciërge", "Dagbesteding tuin"],
        4,
    )
    assert (await titles(sort="-title"))[0][0] == "Dagbesteding tuin"
    assert await titles(status="open", sort="title") == (["Bakker 100%", "Conciërge"], 2)
    assert await titles(contract_kind="volunteer") == (["Archief"], 1)
    assert await titles(ladder_rung=5) == (["Conciërge"], 1)
    assert await titles(occupation_uri=occupations[1], sort="title") == (
        ["Archief", "Conciërge"],
        2,
    )
    assert await titles(q="TUIN") == (["Dagbesteding tuin"], 1)
    assert await titles(q="100%") == (["Bakker 100%"], 1)
    assert await titles(q="_") == ([], 0)  # a wildcard is taken literally
    assert await titles(organisation_id=str(employer.organisation_id), limit=1) == (
        [specs[-1][0]],
        4,
    )
    assert await titles(sort="title", limit=2, offset=1) == (["Bakker 100%", "Conciërge"], 4)
    assert await titles(sort="title", offset=10) == ([], 4)
    page = (await client.get(API, params={"limit": 1}, headers=employer.headers)).json()
    assert page["limit"] == 1 and page["offset"] == 0
    assert page["items"][0]["skills"] and page["items"][0]["accommodations"]
    for bad in ({"sort": "salary"}, {"limit": 0}, {"limit": 101}, {"ladder_rung": 7}):
        assert (await client.get(API, params=bad, headers=employer.headers)).status_code == 422


async def test_vacancies_need_a_signed_in_caller(client: httpx.AsyncClient) -> None:
    assert (await client.get(API)).status_code == 401
    assert (await client.get(f"{API}/{uuid.uuid4()}")).status_code == 401
