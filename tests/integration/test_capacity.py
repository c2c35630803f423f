"""Work capacity through the API: the item list; a person's profile, read audited by those who
may (an employer only with the person's consent to share), written by their coach or admin;
a vacancy's demands; the ?capacity=fits filter; export and erasure; 4xx naming the field."""

from __future__ import annotations

import uuid

import asyncpg
import httpx

from services.core.matching import service as matching
from tests import factories
from tests.factories import Scene, ok


def _url(s: Scene) -> str:
    return f"/api/v1/employees/{s.employee_id}/capacity"


async def _set(client: httpx.AsyncClient, s: Scene, levels: dict[str, int]) -> dict:
    body = {"levels": [{"item": k, "level": v} for k, v in levels.items()]}
    found: dict = await ok(await client.put(_url(s), headers=s.coach.headers, json=body))
    return found


async def test_the_item_list_has_six_categories_with_words_for_every_level(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    found = await ok(await client.get("/api/v1/capacity/items", headers=s.employer.headers))
    assert [c["code"] for c in found] == [
        "personal", "social", "environment", "dynamic", "static", "hours",
    ]  # fmt: skip
    for category in found:
        assert 3 <= len(category["items"]) <= 5
        for item in category["items"]:
            assert [lv["level"] for lv in item["levels"]] == [0, 1, 2, 3, 4]
            assert all(lv["can_nl"] and lv["asks_en"] for lv in item["levels"])
    hours = next(c for c in found if c["code"] == "hours")["items"]
    assert "part_time" in next(i for i in hours if i["code"] == "hours_per_day")["resolved_by"]
    # Every accommodation an item names is in the vocabulary (the accommodation table).
    known = {r["code"] for r in await pool.fetch("SELECT code FROM accommodation")}
    assert {c for cat in found for i in cat["items"] for c in i["resolved_by"]} <= known
    assert (await client.get("/api/v1/capacity/items")).status_code == 401


async def test_a_coach_sets_the_profile_and_each_read_is_audited(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    body = {
        "levels": [{"item": "standing", "level": 2}, {"item": "concentration", "level": 3}],
        "assessed_on": "2026-11-20",
    }
    saved = await ok(await client.put(_url(s), headers=s.coach.headers, json=body))
    assert [(lv["item"], lv["level"], lv["category"]) for lv in saved["levels"]] == [
        ("concentration", 3, "personal"),
        ("standing", 2, "static"),
    ]
    assert {lv["recorded_by"] for lv in saved["levels"]} == {str(s.coach.account_id)}
    events = await pool.fetchval(
        "SELECT count(*) FROM outbox_event WHERE aggregate_id = $1 "
        "AND event_type = 'employee.profile_updated' AND payload->'fields' ? 'capacity'",
        str(s.employee_id),
    )
    assert events == 1
    # The same profile again changes nothing and announces nothing.
    await ok(await client.put(_url(s), headers=s.coach.headers, json=body))
    # Leaving an item out removes its level.
    again = await _set(client, s, {"standing": 3})
    assert [(lv["item"], lv["level"]) for lv in again["levels"]] == [("standing", 3)]
    own = await ok(await client.get(_url(s), headers=s.person.headers))
    assert [lv["item"] for lv in own["levels"]] == ["standing"]
    await ok(await client.get(_url(s), headers=s.admin.headers))
    audited = {
        (r["actor_role"], r["purpose"]): list(r["fields"])
        for r in await pool.fetch(
            "SELECT actor_role, purpose, fields FROM audit_log WHERE employee_id = $1 "
            "AND 'capacity' = ANY(fields)",
            s.employee_id,
        )
    }
    assert audited == {
        ("jobcoach", "view_capacity"): ["capacity"],
        ("employee", "own_capacity"): ["capacity"],
        ("admin", "view_capacity"): ["capacity"],
    }


async def test_an_employer_reads_capacity_only_with_the_persons_consent_to_share(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    await _set(client, s, {"lifting": 1})
    assert (await client.get(_url(s), headers=s.employer.headers)).status_code == 404
    share = await factories.consent(
        client, s.coach, s.employee_id, "share_with_employer", employer_id=s.employer_org
    )
    seen = await ok(await client.get(_url(s), headers=s.employer.headers))
    assert [(lv["item"], lv["level"]) for lv in seen["levels"]] == [("lifting", 1)]
    assert await pool.fetchval(
        "SELECT count(*) FROM audit_log WHERE employee_id = $1 AND actor_role = 'employer' "
        "AND 'capacity' = ANY(fields)",
        s.employee_id,
    )
    body = {"levels": [{"item": "lifting", "level": 4}]}
    assert (await client.put(_url(s), headers=s.employer.headers, json=body)).status_code == 403
    assert (await client.put(_url(s), headers=s.person.headers, json=body)).status_code == 403
    withdraw = f"/api/v1/employees/{s.employee_id}/consents/{share['id']}/withdraw"
    await ok(await client.post(withdraw, headers=s.coach.headers))
    assert (await client.get(_url(s), headers=s.employer.headers)).status_code == 404


async def test_unknown_items_levels_out_of_range_and_doubles_are_422_naming_the_field(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    cases = [
        ({"levels": [{"item": "juggling", "level": 2}]}, "levels.0.item", "unknown item"),
        ({"levels": [{"item": "standing", "level": 5}]}, "levels.0.level", "4"),
        ({"levels": [{"item": "standing", "level": -1}]}, "levels.0.level", "0"),
        ({"levels": [{"item": "Standing!", "level": 1}]}, "levels.0.item", ""),
        (
            {"levels": [{"item": "standing", "level": 1}, {"item": "standing", "level": 2}]},
            "levels",
            "twice",
        ),
    ]
    for body, field, words in cases:
        answer = await client.put(_url(s), headers=s.coach.headers, json=body)
        assert answer.status_code == 422, answer.text
        fields = answer.json()["fields"]
        assert field in fields and words in fields[field], (body, fields)
    assert (
        await pool.fetchval(
            "SELECT count(*) FROM employee_capacity WHERE employee_id = $1", s.employee_id
        )
        == 0
    )
    vacancy = await factories.draft(client, s, "Inpakker")
    wrong = {"demands": [{"item": "lifting", "level": 7}]}
    answer = await client.put(
        f"/api/v1/vacancies/{vacancy}/capacity", headers=s.employer.headers, json=wrong
    )
    assert answer.status_code == 422 and "demands.0.level" in answer.json()["fields"]


async def test_the_employer_sets_demands_anyone_who_sees_the_vacancy_reads_them(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    vacancy = await factories.publish(client, s, "Magazijn")
    url = f"/api/v1/vacancies/{vacancy}/capacity"
    body = {"demands": [{"item": "lifting", "level": 3}, {"item": "noise", "level": 0}]}
    saved = await ok(await client.put(url, headers=s.employer.headers, json=body))
    # Level 0 is "does not ask this": not kept.
    assert [(d["item"], d["level"]) for d in saved["demands"]] == [("lifting", 3)]
    assert (await client.put(url, headers=s.coach.headers, json=body)).status_code == 403
    read = await ok(await client.get(url, headers=s.person.headers))
    assert read["demands"] == saved["demands"]
    assert await pool.fetchval(
        "SELECT count(*) FROM outbox_event WHERE aggregate_id = $1 "
        "AND event_type = 'vacancy.updated' AND payload->'fields' ? 'capacity'",
        str(vacancy),
    )
    # A filled vacancy is reopened before it changes, as for its other fields.
    await ok(await client.post(f"/api/v1/vacancies/{vacancy}/fill", headers=s.employer.headers))
    filled = await client.put(url, headers=s.employer.headers, json={"demands": []})
    assert filled.status_code == 422 and "status" in filled.json()["fields"]


async def test_fits_leaves_out_work_whose_demands_the_person_does_not_meet(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    await _set(client, s, {"lifting": 1, "noise": 0})
    heavy = await factories.publish(client, s, "Zwaar")
    noisy = await factories.publish(client, s, "Lawaai", accommodations=["quiet_workspace"])
    unknown = await factories.publish(client, s, "Staan")
    easy = await factories.publish(client, s, "Licht")
    for vacancy, item, level in (
        (heavy, "lifting", 3),
        (noisy, "noise", 2),
        (unknown, "standing", 2),
        (easy, "lifting", 1),
    ):
        body = {"demands": [{"item": item, "level": level}]}
        url = f"/api/v1/vacancies/{vacancy}/capacity"
        await ok(await client.put(url, headers=s.employer.headers, json=body))
    async with pool.acquire() as conn, conn.transaction():
        await matching.rescore_employee(conn, s.employee_id)
    url = f"/api/v1/employees/{s.employee_id}/matches"
    mine = {heavy, noisy, unknown, easy}
    every = await ok(await client.get(url, headers=s.person.headers, params={"limit": 100}))
    assert mine <= {uuid.UUID(m["vacancy_id"]) for m in every["items"]}
    fits = await ok(
        await client.get(
            url,
            headers=s.person.headers,
            params={"capacity": "fits", "limit": 100, "explain": True},
        )
    )
    kept = {uuid.UUID(m["vacancy_id"]): m for m in fits["items"]}
    assert mine & set(kept) == {noisy, unknown, easy}
    # The total counts what the filter keeps (other open work may fail too).
    assert fits["total"] == len(fits["items"]) < every["total"]
    capacity = {
        v: next(c for c in kept[v]["explanation"]["constraints"] if c["code"] == "capacity")
        for v in (noisy, unknown, easy)
    }
    assert [capacity[v]["status"] for v in (noisy, unknown, easy)] == ["pass", "unknown", "pass"]
    assert capacity[noisy]["key"] == "constraint.capacity.discuss"
    assert capacity[noisy]["label_nl"].startswith("Bespreek: werken in lawaai.")
    # Capacity never changes the score: the heavy work scores as the easy one.
    scores = {uuid.UUID(m["vacancy_id"]): m["score"] for m in every["items"]}
    assert scores[heavy] == scores[easy]
    wrong = await client.get(url, headers=s.person.headers, params={"capacity": "maybe"})
    assert wrong.status_code == 422


async def test_capacity_is_exported_and_erased_with_the_person(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, client)
    await _set(client, s, {"hours_per_day": 2, "teamwork": 4})
    export = await ok(
        await client.get(f"/api/v1/employees/{s.employee_id}/export", headers=s.person.headers)
    )
    assert [(r["item"], r["level"]) for r in export["capacity"]] == [
        ("hours_per_day", 2),
        ("teamwork", 4),
    ]
    assert export["capacity"][0]["recorded_by_name"]
    erased = await client.delete(f"/api/v1/employees/{s.employee_id}", headers=s.admin.headers)
    assert erased.status_code in (200, 204), erased.text
    assert (
        await pool.fetchval(
            "SELECT count(*) FROM employee_capacity WHERE employee_id = $1", s.employee_id
        )
        == 0
    )
