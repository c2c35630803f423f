"""Consent per purpose: given and withdrawn as easily, by the right people, with an event."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import asyncpg
import httpx
import pytest

from tests import factories
from tests.factories import User


@dataclass
class World:
    """A WISE with its people, another WISE, two employers and a municipality."""

    org_a: uuid.UUID
    employer: uuid.UUID
    other_employer: uuid.UUID
    municipality: uuid.UUID
    users: dict[str, User]
    own: str  # the record of users["person"], on coach_a's caseload
    occupation: str


@pytest.fixture(scope="module")
async def world(app: object, pool: asyncpg.Pool) -> AsyncIterator[World]:
    """Built once per module: signing in is slow (argon2), records are cheap."""
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://opstap.test") as http:
        org_a, org_b = await factories.organisation(pool), await factories.organisation(pool)
        employer = await factories.organisation(pool, "employer")
        other_employer = await factories.organisation(pool, "employer")
        municipality = await factories.organisation(pool, "municipality")
        roles = {
            "admin_a": (org_a, "admin"),
            "coach_a": (org_a, "jobcoach"),
            "coach_a2": (org_a, "jobcoach"),
            "person": (org_a, "employee"),
            "admin_b": (org_b, "admin"),
            "employer": (employer, "employer"),
        }
        users = {k: await factories.user(pool, http, org, role) for k, (org, role) in roles.items()}
        own = await _employee(http, users["coach_a"], account_id=str(users["person"].account_id))
        occupation = await pool.fetchval("SELECT uri FROM occupation ORDER BY uri LIMIT 1")
        yield World(org_a, employer, other_employer, municipality, users, own, occupation)


async def _employee(client: httpx.AsyncClient, user: User, **fields: Any) -> str:
    employee_id: str = (await factories.employee(client, user, **fields))["id"]
    return employee_id


def _share(org: uuid.UUID, **more: Any) -> dict[str, Any]:
    return {"purpose": "share_with_employer", "employer_id": str(org)} | more


async def _give(
    client: httpx.AsyncClient, user: User, employee_id: str, body: dict[str, Any]
) -> httpx.Response:
    return await client.post(
        f"/api/v1/employees/{employee_id}/consents", json=body, headers=user.headers
    )


async def _withdraw(
    client: httpx.AsyncClient, user: User, employee_id: str, consent_id: str
) -> httpx.Response:
    return await client.post(
        f"/api/v1/employees/{employee_id}/consents/{consent_id}/withdraw", headers=user.headers
    )


async def _events(pool: asyncpg.Pool, employee_id: str) -> list[dict[str, Any]]:
    rows = await pool.fetch(
        "SELECT payload FROM outbox_event WHERE aggregate_id = $1"
        " AND event_type = 'consent.changed' ORDER BY created_at",
        employee_id,
    )
    return [r["payload"] for r in rows]


async def _vacancy(pool: asyncpg.Pool, org: uuid.UUID, occupation: str) -> uuid.UUID:
    return await factories.vacancy_row(pool, org, occupation, title="Schoonmaker")


async def test_consent_is_given_listed_withdrawn_and_given_again_with_history(
    client: httpx.AsyncClient, world: World
) -> None:
    coach = world.users["coach_a"]
    employee_id = await _employee(client, coach)
    given = await _give(client, coach, employee_id, _share(world.employer))
    assert given.status_code == 201, given.text
    consent = given.json()
    assert consent["active"] and consent["given_by"] == str(coach.account_id)
    assert consent["given_by_name"] == "Test jobcoach" and consent["employer_name"]
    withdrawn = await _withdraw(client, coach, employee_id, consent["id"])
    assert withdrawn.status_code == 200
    assert withdrawn.json()["withdrawn_at"] and withdrawn.json()["withdrawn_by"] == str(
        coach.account_id
    )
    assert not withdrawn.json()["active"]
    again = await _give(client, coach, employee_id, _share(world.employer))
    assert again.status_code == 201
    listed = await client.get(f"/api/v1/employees/{employee_id}/consents", headers=coach.headers)
    assert listed.status_code == 200
    assert [(c["id"], c["active"]) for c in listed.json()] == [
        (again.json()["id"], True),
        (consent["id"], False),
    ]


async def test_the_same_active_consent_twice_is_a_conflict(
    client: httpx.AsyncClient, pool: asyncpg.Pool, world: World
) -> None:
    coach = world.users["coach_a"]
    employee_id = await _employee(client, coach)
    assert (await _give(client, coach, employee_id, {"purpose": "matching"})).status_code == 201
    twice = await _give(client, coach, employee_id, {"purpose": "matching"})
    assert twice.status_code == 409 and twice.json()["error"] == "conflict"
    shared = await _give(client, coach, employee_id, _share(world.employer))
    assert shared.status_code == 201
    assert (await _give(client, coach, employee_id, _share(world.employer))).status_code == 409
    other = await _give(client, coach, employee_id, _share(world.other_employer))
    assert other.status_code == 201
    count = await pool.fetchval(
        "SELECT count(*) FROM consent WHERE employee_id = $1", uuid.UUID(employee_id)
    )
    assert count == 3
    assert len(await _events(pool, employee_id)) == 3


async def test_withdrawing_twice_is_a_conflict(client: httpx.AsyncClient, world: World) -> None:
    coach = world.users["coach_a"]
    employee_id = await _employee(client, coach)
    consent_id = (await _give(client, coach, employee_id, {"purpose": "matching"})).json()["id"]
    assert (await _withdraw(client, coach, employee_id, consent_id)).status_code == 200
    assert (await _withdraw(client, coach, employee_id, consent_id)).status_code == 409


async def test_giving_and_withdrawing_emit_consent_changed(
    client: httpx.AsyncClient, pool: asyncpg.Pool, world: World
) -> None:
    coach = world.users["coach_a"]
    employee_id = await _employee(client, coach)
    consent_id = (await _give(client, coach, employee_id, _share(world.employer))).json()["id"]
    await _withdraw(client, coach, employee_id, consent_id)
    employer = str(world.employer)
    assert await _events(pool, employee_id) == [
        {
            "consent_id": consent_id,
            "purpose": "share_with_employer",
            "employer_id": employer,
            "change": "given",
        },
        {
            "consent_id": consent_id,
            "purpose": "share_with_employer",
            "employer_id": employer,
            "change": "withdrawn",
        },
    ]


async def test_the_person_records_and_withdraws_their_own_consent(
    client: httpx.AsyncClient, world: World
) -> None:
    person = world.users["person"]
    given = await _give(client, person, world.own, _share(world.other_employer))
    assert given.status_code == 201
    assert given.json()["given_by"] == str(person.account_id)
    listed = await client.get(f"/api/v1/employees/{world.own}/consents", headers=person.headers)
    assert given.json()["id"] in {c["id"] for c in listed.json()}
    withdrawn = await _withdraw(client, person, world.own, given.json()["id"])
    assert withdrawn.status_code == 200
    assert withdrawn.json()["withdrawn_by"] == str(person.account_id)


GIVERS = [
    ("admin_a", 201),
    ("coach_a", 201),
    ("coach_a2", 404),
    ("admin_b", 404),
    ("person", 404),
    ("employer", 404),
]


@pytest.mark.parametrize(("who", "expected"), GIVERS)
async def test_consent_is_recorded_by_the_person_their_jobcoach_or_an_admin(
    client: httpx.AsyncClient, pool: asyncpg.Pool, world: World, who: str, expected: int
) -> None:
    # Not the person's own record: for role employee only their own record exists.
    employee_id = await _employee(client, world.users["coach_a"])
    response = await _give(client, world.users[who], employee_id, {"purpose": "matching"})
    assert response.status_code == expected
    listed = await client.get(
        f"/api/v1/employees/{employee_id}/consents", headers=world.users[who].headers
    )
    assert listed.status_code == (200 if expected == 201 else expected)


async def test_an_employer_who_is_shared_with_may_not_change_or_list_consent(
    client: httpx.AsyncClient, pool: asyncpg.Pool, world: World
) -> None:
    coach, employer = world.users["coach_a"], world.users["employer"]
    employee_id = await _employee(client, coach)
    consent_id = (await _give(client, coach, employee_id, _share(world.employer))).json()["id"]
    assert (await _withdraw(client, employer, employee_id, consent_id)).status_code == 403
    assert (await _give(client, employer, employee_id, {"purpose": "matching"})).status_code == 403
    listed = await client.get(f"/api/v1/employees/{employee_id}/consents", headers=employer.headers)
    assert listed.status_code == 403
    assert await pool.fetchval(
        "SELECT withdrawn_at IS NULL FROM consent WHERE id = $1", uuid.UUID(consent_id)
    )


async def test_a_consent_is_only_found_through_its_own_visible_employee(
    client: httpx.AsyncClient, world: World
) -> None:
    coach, colleague = world.users["coach_a"], world.users["coach_a2"]
    first = await _employee(client, coach)
    second = await _employee(client, coach)
    consent_id = (await _give(client, coach, first, {"purpose": "matching"})).json()["id"]
    assert (await _withdraw(client, coach, second, consent_id)).status_code == 404
    assert (await _withdraw(client, colleague, first, consent_id)).status_code == 404
    assert (await _withdraw(client, world.users["admin_b"], first, consent_id)).status_code == 404
    assert (await _withdraw(client, coach, first, str(uuid.uuid4()))).status_code == 404
    assert (await _withdraw(client, coach, first, consent_id)).status_code == 200


async def test_withdrawing_a_share_hides_the_profile_from_the_employer_again(
    client: httpx.AsyncClient, world: World
) -> None:
    coach, employer = world.users["coach_a"], world.users["employer"]
    employee_id = await _employee(client, coach)
    url = f"/api/v1/employees/{employee_id}"
    assert (await client.get(url, headers=employer.headers)).status_code == 404
    matching = await _give(client, coach, employee_id, {"purpose": "matching"})
    assert matching.status_code == 201
    assert (await client.get(url, headers=employer.headers)).status_code == 404
    consent_id = (await _give(client, coach, employee_id, _share(world.employer))).json()["id"]
    assert (await client.get(url, headers=employer.headers)).status_code == 200
    await _withdraw(client, coach, employee_id, consent_id)
    assert (await client.get(url, headers=employer.headers)).status_code == 404


async def test_a_share_may_name_a_vacancy_of_that_employer(
    client: httpx.AsyncClient, pool: asyncpg.Pool, world: World
) -> None:
    coach = world.users["coach_a"]
    employee_id = await _employee(client, coach)
    vacancy_id = await _vacancy(pool, world.employer, world.occupation)
    body = _share(world.employer, vacancy_id=str(vacancy_id))
    given = await _give(client, coach, employee_id, body)
    assert given.status_code == 201 and given.json()["vacancy_id"] == str(vacancy_id)
    assert (await _give(client, coach, employee_id, _share(world.employer))).status_code == 201


def _invalid(w: World, vacancy_of_other: uuid.UUID) -> list[tuple[dict[str, Any], str]]:
    return [
        ({"purpose": "share_with_employer"}, "employer_id"),
        (_share(w.municipality), "employer_id"),
        (_share(uuid.uuid4()), "employer_id"),
        (_share(w.employer, vacancy_id=str(vacancy_of_other)), "vacancy_id"),
        (_share(w.employer, vacancy_id=str(uuid.uuid4())), "vacancy_id"),
        ({"purpose": "matching", "employer_id": str(w.employer)}, "employer_id"),
        ({"purpose": "matching", "vacancy_id": str(vacancy_of_other)}, "vacancy_id"),
        ({"purpose": "marketing"}, "purpose"),
        ({"purpose": "matching", "diagnosis": "x"}, "diagnosis"),
    ]


async def test_an_invalid_consent_is_422_naming_the_field_and_writes_nothing(
    client: httpx.AsyncClient, pool: asyncpg.Pool, world: World
) -> None:
    coach = world.users["coach_a"]
    employee_id = await _employee(client, coach)
    vacancy_of_other = await _vacancy(pool, world.other_employer, world.occupation)
    for body, field in _invalid(world, vacancy_of_other):
        response = await _give(client, coach, employee_id, body)
        assert response.status_code == 422, (body, response.text)
        assert field in response.json()["fields"], (body, response.json())
    count = await pool.fetchval(
        "SELECT count(*) FROM consent WHERE employee_id = $1", uuid.UUID(employee_id)
    )
    assert count == 0
    assert await _events(pool, employee_id) == []


async def test_a_wise_may_be_the_employer_shared_with(
    client: httpx.AsyncClient, world: World
) -> None:
    coach = world.users["coach_a"]
    employee_id = await _employee(client, coach)
    other_wise = world.users["admin_b"].organisation_id
    assert (await _give(client, coach, employee_id, _share(other_wise))).status_code == 201
