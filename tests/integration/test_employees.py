"""Employee records: create, read, update, list; who sees what; validation; audit and events."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import asyncpg
import httpx
import pytest

from services.core import audit
from services.core.access.policy import Actor, Role
from tests import factories
from tests.factories import User

CONTACT_FIELDS = {
    "email",
    "phone",
    "postcode",
    "latitude",
    "longitude",
    "jobcoach_id",
    "account_id",
    "organisation_id",
    "work_setting",
    "target_occupation_uri",
    "max_travel_km",
}


@dataclass
class World:
    """Two WISEs and two employers with an account per role, and three employee records."""

    org_a: uuid.UUID
    org_b: uuid.UUID
    users: dict[str, User]
    employees: dict[str, uuid.UUID]
    skills: list[str]
    occupations: list[str]


@pytest.fixture(scope="module")
async def world(app: object, pool: asyncpg.Pool) -> AsyncIterator[World]:
    """Built once per module: signing in is slow (argon2), records are cheap."""
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://opstap.test") as http:
        org_a, org_b = await factories.organisation(pool), await factories.organisation(pool)
        employer = await factories.organisation(pool, "employer")
        employer_f = await factories.organisation(pool, "employer")
        roles = {
            "admin_a": (org_a, "admin"),
            "coach_a": (org_a, "jobcoach"),
            "coach_a2": (org_a, "jobcoach"),
            "person": (org_a, "employee"),
            "admin_b": (org_b, "admin"),
            "coach_b": (org_b, "jobcoach"),
            "employer": (employer, "employer"),
            "employer_f": (employer_f, "employer"),
        }
        users = {k: await factories.user(pool, http, org, role) for k, (org, role) in roles.items()}
        own = await factories.employee(
            http, users["coach_a"], account_id=str(users["person"].account_id)
        )
        colleague = await factories.employee(http, users["coach_a2"])
        foreign = await factories.employee(http, users["coach_b"])
        skills = [r["uri"] for r in await pool.fetch("SELECT uri FROM skill ORDER BY uri LIMIT 3")]
        occupations = [
            r["uri"] for r in await pool.fetch("SELECT uri FROM occupation ORDER BY uri LIMIT 2")
        ]
        yield World(
            org_a,
            org_b,
            users,
            {"own": own["id"], "colleague": colleague["id"], "foreign": foreign["id"]},
            skills,
            occupations,
        )


async def _counts(pool: asyncpg.Pool, org: uuid.UUID) -> tuple[int, int, int]:
    return (
        await pool.fetchval("SELECT count(*) FROM employee WHERE organisation_id = $1", org),
        await pool.fetchval("SELECT count(*) FROM employee_skill"),
        await pool.fetchval("SELECT count(*) FROM outbox_event"),
    )


def _full(world: World) -> dict[str, Any]:
    return {
        "name": "Sanne de Vries",
        "email": "sanne@example.org",
        "phone": "+31 6 1234 5678",
        "postcode": "1012 ab",
        "latitude": 52.37,
        "longitude": 4.89,
        "ladder_rung": 4,
        "current_occupation_uri": world.occupations[0],
        "work_setting": "volunteer",
        "target_occupation_uri": world.occupations[1],
        "hours_min": 12,
        "hours_max": 24,
        "max_travel_km": 15,
        "languages": [{"language": "nl", "cefr": "B1"}, {"language": "en", "cefr": "A2"}],
        "skills": [
            {"skill_uri": world.skills[0], "level": 2, "source": "observed"},
            {"skill_uri": world.skills[1], "level": 3, "assessed_on": "2026-10-01"},
        ],
        "accommodations": ["quiet_workspace", "extra_breaks"],
    }


async def test_a_jobcoach_creates_a_full_record_and_becomes_the_jobcoach(
    client: httpx.AsyncClient, world: World
) -> None:
    coach = world.users["coach_a"]
    response = await client.post("/api/v1/employees", json=_full(world), headers=coach.headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["jobcoach_id"] == str(coach.account_id)
    assert created["organisation_id"] == str(world.org_a)
    assert created["postcode"] == "1012AB"
    assert created["accommodations"] == ["extra_breaks", "quiet_workspace"]
    assert [x["language"] for x in created["languages"]] == ["en", "nl"]
    assert {s["skill_uri"]: s["source"] for s in created["skills"]} == {
        world.skills[0]: "observed",
        world.skills[1]: "self",
    }
    read = await client.get(f"/api/v1/employees/{created['id']}", headers=coach.headers)
    assert read.status_code == 200
    assert read.json() == created


async def test_an_admin_creates_a_record_for_a_jobcoach_of_the_organisation(
    client: httpx.AsyncClient, world: World
) -> None:
    colleague = world.users["coach_a2"]
    body = {"name": "Kim Bos", "ladder_rung": 3, "jobcoach_id": str(colleague.account_id)}
    response = await client.post(
        "/api/v1/employees", json=body, headers=world.users["admin_a"].headers
    )
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["jobcoach_id"] == str(colleague.account_id)
    seen = await client.get(f"/api/v1/employees/{created['id']}", headers=colleague.headers)
    assert seen.status_code == 200


@pytest.mark.parametrize("who", ["person", "employer", "admin_of_employer"])
async def test_only_admins_and_jobcoaches_of_a_wise_create_records(
    client: httpx.AsyncClient, pool: asyncpg.Pool, world: World, who: str
) -> None:
    if who == "admin_of_employer":
        org = await factories.organisation(pool, "employer")
        user = await factories.user(pool, client, org, "admin")
    else:
        user = world.users[who]
    response = await client.post(
        "/api/v1/employees", json={"name": "X", "ladder_rung": 2}, headers=user.headers
    )
    assert response.status_code == 403
    assert response.json()["error"] == "forbidden"


async def test_creating_writes_exactly_one_event_in_the_same_transaction(
    client: httpx.AsyncClient, pool: asyncpg.Pool, world: World
) -> None:
    response = await client.post(
        "/api/v1/employees", json=_full(world), headers=world.users["coach_a"].headers
    )
    assert response.status_code == 201, response.text
    created = response.json()
    events = await pool.fetch(
        "SELECT event_type, aggregate_type, payload, xmin::text AS tx FROM outbox_event"
        " WHERE aggregate_id = $1",
        created["id"],
    )
    assert [(e["event_type"], e["aggregate_type"]) for e in events] == [
        ("employee.created", "employee")
    ]
    assert "Sanne" not in str(events[0]["payload"])
    tx = await pool.fetchval(
        "SELECT xmin::text FROM employee WHERE id = $1", uuid.UUID(created["id"])
    )
    assert events[0]["tx"] == tx


async def test_patch_changes_only_the_given_fields_and_lists_replace_the_old_ones(
    client: httpx.AsyncClient, pool: asyncpg.Pool, world: World
) -> None:
    coach = world.users["coach_a"]
    created = await factories.employee(client, coach, **_full(world))
    patch = {
        "name": "Sanne Jansen",
        "skills": [{"skill_uri": world.skills[2], "level": 1}],
        "accommodations": [],
    }
    response = await client.patch(
        f"/api/v1/employees/{created['id']}", json=patch, headers=coach.headers
    )
    assert response.status_code == 200, response.text
    after = response.json()
    assert after["name"] == "Sanne Jansen"
    assert [s["skill_uri"] for s in after["skills"]] == [world.skills[2]]
    assert after["accommodations"] == []
    unchanged = {"skills", "accommodations", "name", "updated_at"}
    assert {k: v for k, v in after.items() if k not in unchanged} == {
        k: v for k, v in created.items() if k not in unchanged
    }
    payload = await pool.fetchval(
        "SELECT payload FROM outbox_event WHERE aggregate_id = $1"
        " AND event_type = 'employee.profile_updated'",
        created["id"],
    )
    assert payload == {"fields": ["accommodations", "name", "skills"]}


async def test_a_patch_that_changes_nothing_emits_no_event(
    client: httpx.AsyncClient, pool: asyncpg.Pool, world: World
) -> None:
    coach = world.users["coach_a"]
    created = await factories.employee(client, coach, **_full(world))
    same = {
        "name": created["name"],
        "postcode": "1012AB",
        "accommodations": ["quiet_workspace", "extra_breaks"],
    }
    response = await client.patch(
        f"/api/v1/employees/{created['id']}", json=same, headers=coach.headers
    )
    assert response.status_code == 200
    assert response.json()["updated_at"] == created["updated_at"]
    n = await pool.fetchval(
        "SELECT count(*) FROM outbox_event WHERE aggregate_id = $1"
        " AND event_type = 'employee.profile_updated'",
        created["id"],
    )
    assert n == 0


# who, whose record: GET, PATCH, GET audit. Invisible is 404 whoever's it is.
ACCESS = [
    ("admin_a", "own", 200, 200, 200),
    ("admin_a", "colleague", 200, 200, 200),
    ("admin_a", "foreign", 404, 404, 404),
    ("admin_b", "own", 404, 404, 404),
    ("coach_a", "own", 200, 200, 200),
    ("coach_a", "colleague", 404, 404, 404),
    ("coach_b", "own", 404, 404, 404),
    ("coach_b", "foreign", 200, 200, 200),
    ("person", "own", 200, 403, 403),
    ("person", "colleague", 404, 404, 404),
    ("employer", "own", 404, 404, 404),
]


@pytest.mark.parametrize(("who", "whose", "read", "update", "audit"), ACCESS)
async def test_each_role_reaches_only_its_own_records(
    client: httpx.AsyncClient,
    world: World,
    who: str,
    whose: str,
    read: int,
    update: int,
    audit: int,
) -> None:
    url, headers = f"/api/v1/employees/{world.employees[whose]}", world.users[who].headers
    got = await client.get(url, headers=headers)
    assert got.status_code == read
    assert got.status_code != 404 or got.json()["error"] == "not_found"
    patch = await client.patch(url, json={"max_travel_km": 10}, headers=headers)
    assert patch.status_code == update
    assert (await client.get(f"{url}/audit", headers=headers)).status_code == audit


async def test_a_unknown_id_is_404(client: httpx.AsyncClient, world: World) -> None:
    response = await client.get(
        f"/api/v1/employees/{uuid.uuid4()}", headers=world.users["admin_a"].headers
    )
    assert response.status_code == 404


async def test_an_employer_sees_only_the_shared_profile_of_people_who_share_with_it(
    client: httpx.AsyncClient, pool: asyncpg.Pool, world: World
) -> None:
    created = await factories.employee(client, world.users["coach_a"], **_full(world))
    url = f"/api/v1/employees/{created['id']}"
    employer, other = world.users["employer"], world.users["employer_f"]
    assert (await client.get(url, headers=employer.headers)).status_code == 404
    await factories.consent(
        client,
        world.users["coach_a"],
        created["id"],
        "share_with_employer",
        employer_id=employer.organisation_id,
    )
    shared = await client.get(url, headers=employer.headers)
    assert shared.status_code == 200
    body = shared.json()
    assert not CONTACT_FIELDS & set(body)
    assert body["name"] == "Sanne de Vries" and body["accommodations"] == created["accommodations"]
    assert (await client.get(url, headers=other.headers)).status_code == 404
    listed = await client.get("/api/v1/employees", headers=employer.headers)
    assert [item["id"] for item in listed.json()["items"]] == [created["id"]]
    assert not CONTACT_FIELDS & set(listed.json()["items"][0])
    patch = await client.patch(url, json={"max_travel_km": 1}, headers=employer.headers)
    assert patch.status_code == 403
    assert (await client.get(f"{url}/audit", headers=employer.headers)).status_code == 403
    purposes = await pool.fetch(
        "SELECT purpose, fields FROM audit_log WHERE employee_id = $1 AND actor_id = $2",
        uuid.UUID(created["id"]),
        employer.account_id,
    )
    # Read twice (the record, the list) for one purpose within the hour: one audit row.
    assert [p["purpose"] for p in purposes] == ["employer_candidate_view"]
    assert "email" not in purposes[0]["fields"] and "accommodations" in purposes[0]["fields"]


async def test_reads_are_audited_once_per_reader_person_purpose_and_hour(
    client: httpx.AsyncClient, pool: asyncpg.Pool, world: World
) -> None:
    created = await factories.employee(client, world.users["coach_a"], **_full(world))
    person = uuid.UUID(created["id"])
    url = f"/api/v1/employees/{created['id']}"
    for _ in range(3):
        assert (await client.get(url, headers=world.users["coach_a"].headers)).status_code == 200
    assert (await client.get(url, headers=world.users["admin_a"].headers)).status_code == 200
    rows = await pool.fetch(
        "SELECT actor_id, purpose, fields FROM audit_log "
        "WHERE employee_id = $1 AND purpose = 'view_profile' ORDER BY id",
        person,
    )
    readers = [r["actor_id"] for r in rows]
    assert readers == [world.users["coach_a"].account_id, world.users["admin_a"].account_id]
    # The same reader reading other fields in the same hour: they join the hour's row.
    async with pool.acquire() as conn:
        coach = world.users["coach_a"]
        actor = Actor(coach.account_id, uuid.uuid4(), "wise", Role.JOBCOACH, "Coach")
        await audit.record_reads(conn, actor, [person, person], ["skills"], "view_profile")
        await audit.record_reads(conn, actor, [person], ["accommodations"], "view_profile")
    fields = await pool.fetchval(
        "SELECT fields FROM audit_log WHERE employee_id = $1 AND actor_id = $2 "
        "AND purpose = 'view_profile'",
        person,
        world.users["coach_a"].account_id,
    )
    assert "skills" in fields and "accommodations" in fields


# "@skill" stands for a real skill URI, "@<user>" for that user's account id.
BAD_RECORDS: dict[str, tuple[dict[str, Any], str]] = {
    "unknown skill": ({"skills": [{"skill_uri": "urn:x:none", "level": 1}]}, "skills"),
    "unknown occupation": ({"current_occupation_uri": "urn:x:none"}, "current_occupation_uri"),
    "unknown target": ({"target_occupation_uri": "urn:x:none"}, "target_occupation_uri"),
    "skill level 5": ({"skills": [{"skill_uri": "@skill", "level": 5}]}, "skills.0.level"),
    "skill source": (
        {"skills": [{"skill_uri": "@skill", "level": 1, "source": "guess"}]},
        "skills.0.source",
    ),
    "duplicate skills": (
        {"skills": [{"skill_uri": "@skill", "level": 1}, {"skill_uri": "@skill", "level": 2}]},
        "skills",
    ),
    "rung 7": ({"ladder_rung": 7}, "ladder_rung"),
    "rung 0": ({"ladder_rung": 0}, "ladder_rung"),
    "postcode": ({"postcode": "12345"}, "postcode"),
    "hours min over max": ({"hours_min": 30, "hours_max": 20}, "hours_min"),
    "hours over 60": ({"hours_max": 61}, "hours_max"),
    "half coordinates": ({"latitude": 52.1}, "longitude"),
    "accommodation": ({"accommodations": ["teleportation"]}, "accommodations"),
    "jobcoach is an admin": ({"jobcoach_id": "@admin_a"}, "jobcoach_id"),
    "jobcoach of org B": ({"jobcoach_id": "@coach_b"}, "jobcoach_id"),
    "jobcoach unknown": ({"jobcoach_id": str(uuid.uuid4())}, "jobcoach_id"),
    "account taken": ({"account_id": "@person"}, "account_id"),
    "account not an employee": ({"account_id": "@coach_a"}, "account_id"),
    "language code": ({"languages": [{"language": "NL", "cefr": "B1"}]}, "languages.0.language"),
    "cefr": ({"languages": [{"language": "nl", "cefr": "D1"}]}, "languages.0.cefr"),
    "work setting": ({"work_setting": "circus"}, "work_setting"),
    "diagnosis": ({"diagnosis": "anything"}, "diagnosis"),
}


def _resolve(value: Any, world: World) -> Any:
    if isinstance(value, dict):
        return {k: _resolve(v, world) for k, v in value.items()}
    if isinstance(value, list):
        return [_resolve(v, world) for v in value]
    if value == "@skill":
        return world.skills[0]
    if isinstance(value, str) and value.startswith("@"):
        return str(world.users[value[1:]].account_id)
    return value


@pytest.mark.parametrize(("fields", "field"), BAD_RECORDS.values(), ids=BAD_RECORDS.keys())
async def test_an_invalid_record_is_422_naming_the_field_and_writes_nothing(
    client: httpx.AsyncClient,
    pool: asyncpg.Pool,
    world: World,
    fields: dict[str, Any],
    field: str,
) -> None:
    before = await _counts(pool, world.org_a)
    body = {"name": "Invalid Person", "ladder_rung": 3} | _resolve(fields, world)
    headers = world.users["coach_a"].headers
    response = await client.post("/api/v1/employees", json=body, headers=headers)
    assert response.status_code == 422, response.text
    assert response.json()["error"] == "invalid"
    assert field in response.json()["fields"]
    assert await _counts(pool, world.org_a) == before


BAD_PATCHES: dict[str, tuple[dict[str, Any], str]] = {
    "unknown skill": ({"skills": [{"skill_uri": "urn:x:none", "level": 1}]}, "skills"),
    "more than stored max": ({"hours_min": 40}, "hours_min"),
    "null name": ({"name": None}, "name"),
    "null rung": ({"ladder_rung": None}, "ladder_rung"),
    "half coordinates": ({"latitude": None}, "latitude"),
    "accommodation": ({"accommodations": ["quiet_workspace", "teleportation"]}, "accommodations"),
    "jobcoach of org B": ({"jobcoach_id": "@coach_b"}, "jobcoach_id"),
    "diagnosis": ({"diagnosis": "anything"}, "diagnosis"),
}


@pytest.mark.parametrize(("patch", "field"), BAD_PATCHES.values(), ids=BAD_PATCHES.keys())
async def test_an_invalid_patch_is_422_and_changes_nothing(
    client: httpx.AsyncClient, pool: asyncpg.Pool, world: World, patch: dict[str, Any], field: str
) -> None:
    coach = world.users["coach_a"]
    created = await factories.employee(client, coach, **_full(world))
    before = await _counts(pool, world.org_a)
    url = f"/api/v1/employees/{created['id']}"
    response = await client.patch(url, json=_resolve(patch, world), headers=coach.headers)
    assert response.status_code == 422, response.text
    assert field in response.json()["fields"]
    assert await _counts(pool, world.org_a) == before
    assert (await client.get(url, headers=coach.headers)).json() == created


async def test_reads_of_accommodations_are_audited_and_shown_to_admin_and_jobcoach(
    client: httpx.AsyncClient, pool: asyncpg.Pool, world: World
) -> None:
    coach = world.users["coach_a"]
    created = await factories.employee(client, coach, **_full(world))
    url = f"/api/v1/employees/{created['id']}"
    await client.get(url, headers=world.users["admin_a"].headers)
    await client.get("/api/v1/employees?limit=100", headers=coach.headers)
    trail = await client.get(f"{url}/audit", headers=world.users["admin_a"].headers)
    assert trail.status_code == 200
    rows = trail.json()
    assert [(r["purpose"], r["actor_role"]) for r in rows] == [
        ("list_caseload", "jobcoach"),
        ("view_profile", "admin"),
        ("create_profile", "jobcoach"),
    ]
    assert all("accommodations" in r["fields"] and r["action"] == "read" for r in rows)
    assert (await client.get(f"{url}/audit", headers=coach.headers)).status_code == 200
    stored = await pool.fetchval(
        "SELECT count(*) FROM audit_log WHERE employee_id = $1", uuid.UUID(created["id"])
    )
    assert stored == 3


async def test_the_list_is_scoped_to_the_role(client: httpx.AsyncClient, world: World) -> None:
    def ids(response: httpx.Response) -> set[str]:
        return {item["id"] for item in response.json()["items"]}

    get = "/api/v1/employees?limit=100"
    own, colleague, foreign = (str(world.employees[k]) for k in ("own", "colleague", "foreign"))
    as_admin = await client.get(get, headers=world.users["admin_a"].headers)
    admin = ids(as_admin)
    assert {own, colleague} <= admin and foreign not in admin
    assert all(set(item) >= CONTACT_FIELDS for item in as_admin.json()["items"])
    coach = ids(await client.get(get, headers=world.users["coach_a"].headers))
    assert own in coach and colleague not in coach and foreign not in coach
    person = await client.get(get, headers=world.users["person"].headers)
    assert ids(person) == {own} and person.json()["total"] == 1
    assert ids(await client.get(get, headers=world.users["employer_f"].headers)) == set()


async def test_list_filters_sort_and_pages(client: httpx.AsyncClient, pool: asyncpg.Pool) -> None:
    org = await factories.organisation(pool)
    admin = await factories.user(pool, client, org, "admin")
    coach = await factories.user(pool, client, org, "jobcoach")
    people = [
        ("Anna Bakker", 2, None, ["quiet_workspace"]),
        ("bram de Boer", 5, coach.account_id, []),
        ("Chris Visser", 3, coach.account_id, ["quiet_workspace", "extra_breaks"]),
        ("Daan Smit", 5, None, []),
        ("Eva Bakker", 4, coach.account_id, ["extra_breaks"]),
    ]
    for name, rung, jobcoach, codes in people:
        jc = {"jobcoach_id": str(jobcoach)} if jobcoach else {}
        await factories.employee(
            client, admin, name=name, ladder_rung=rung, accommodations=codes, **jc
        )

    async def names(query: str) -> list[str]:
        response = await client.get(f"/api/v1/employees?{query}", headers=admin.headers)
        assert response.status_code == 200, response.text
        return [item["name"] for item in response.json()["items"]]

    assert await names("") == [p[0] for p in people]
    assert await names("sort=-name") == [p[0] for p in reversed(people)]
    assert await names("sort=ladder_rung&limit=2") == ["Anna Bakker", "Chris Visser"]
    assert (await names("sort=-ladder_rung"))[2:] == ["Eva Bakker", "Chris Visser", "Anna Bakker"]
    assert await names("sort=-updated_at&limit=1") == ["Eva Bakker"]
    assert await names("ladder_rung=5") == ["bram de Boer", "Daan Smit"]
    assert await names(f"jobcoach_id={coach.account_id}") == [
        "bram de Boer",
        "Chris Visser",
        "Eva Bakker",
    ]
    assert await names("q=bakker") == ["Anna Bakker", "Eva Bakker"]
    assert await names("has_accommodation=quiet_workspace") == ["Anna Bakker", "Chris Visser"]
    assert await names("q=bakker&has_accommodation=extra_breaks") == ["Eva Bakker"]
    page = await client.get("/api/v1/employees?limit=2&offset=2", headers=admin.headers)
    assert page.json()["total"] == 5 and page.json()["limit"] == 2 and page.json()["offset"] == 2
    assert [i["name"] for i in page.json()["items"]] == ["Chris Visser", "Daan Smit"]
    beyond = await client.get("/api/v1/employees?offset=10", headers=admin.headers)
    assert beyond.json()["items"] == [] and beyond.json()["total"] == 5


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("limit=0", "limit"),
        ("limit=101", "limit"),
        ("offset=-1", "offset"),
        ("sort=email", "sort"),
        ("ladder_rung=9", "ladder_rung"),
    ],
)
async def test_bad_list_parameters_are_422(
    client: httpx.AsyncClient, world: World, query: str, field: str
) -> None:
    response = await client.get(
        f"/api/v1/employees?{query}", headers=world.users["admin_a"].headers
    )
    assert response.status_code == 422
    assert field in response.json()["fields"]


async def test_an_employer_cannot_filter_on_jobcoach(
    client: httpx.AsyncClient, world: World
) -> None:
    response = await client.get(
        f"/api/v1/employees?jobcoach_id={world.users['coach_a'].account_id}",
        headers=world.users["employer"].headers,
    )
    assert response.status_code == 422 and "jobcoach_id" in response.json()["fields"]
