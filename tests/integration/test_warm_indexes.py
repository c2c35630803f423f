"""The worker's warm indexes (core/matching/live.py) follow every change through the change log:
after edits, consent withdrawn, erasure, new people, closed and new vacancies, and a change that
commits after a catch-up started, they rank exactly as indexes built from all rows now."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import httpx
import pytest

from services.core import db
from services.core.matching import live, repository
from tests import factories
from tests.factories import Scene, ok


@pytest.fixture
async def http(app: object) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://w") as client:
        yield client


async def _person(http: httpx.AsyncClient, s: Scene, skills: list[str], consent: bool) -> str:
    person = await factories.employee(
        http,
        s.coach,
        name="Warm",
        hours_min=16,
        hours_max=32,
        skills=factories.observed(skills),
    )
    if consent:
        await factories.consent(http, s.coach, person["id"])
    return str(person["id"])


def _shown(explained: list[Any]) -> list[dict[str, Any]]:
    return [dataclasses.asdict(e) for e in explained]


async def _same_as_full(conn: asyncpg.Connection, state: live.Warm, people: list[str]) -> None:
    """Every open vacancy's top list and each of `people`'s, against indexes built now."""
    engine = state.matcher
    everyone = [live.person_of(r) for r in await repository.people(conn)]
    open_rows = await repository.vacancies(conn)
    full_people = engine.index_people(everyone)
    full_vacancies = engine.index_vacancies([live.vacancy_of(r) for r in open_rows])
    assert len(state.people) == len(everyone)
    assert len(state.vacancies) == len(open_rows)
    for row in open_rows:
        vacancy = live.vacancy_of(row)
        want = engine.candidates_for(vacancy, full_people, k=20)
        assert _shown(state.people.candidates_for(vacancy, k=20)) == _shown(want)
    by_id = {p.id: p for p in everyone}
    for person_id in people:
        if person_id in by_id:
            want = engine.vacancies_for(by_id[person_id], full_vacancies, k=20)
            got = state.vacancies.vacancies_for(by_id[person_id], k=20)
            assert _shown(got) == _shown(want)


async def test_warm_indexes_follow_every_kind_of_change(
    pool: asyncpg.Pool, http: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, http)
    kept = await factories.publish(http, s, "Warm kept")
    closing = await factories.publish(http, s, "Warm closing")
    a = await _person(http, s, s.skills[:2], consent=True)
    b = await _person(http, s, s.skills, consent=True)
    c = await _person(http, s, s.skills[:3], consent=True)
    async with db.transaction(pool) as conn:
        before = await live.warm(conn)
        await _same_as_full(conn, before, [a, b, c])

    # A changed profile, a withdrawn consent, an erasure, a new person, a closed vacancy and a
    # new one: each through the API, as users make them.
    await ok(
        await http.patch(
            f"/api/v1/employees/{a}",
            headers=s.coach.headers,
            json={"skills": [{"skill_uri": u, "level": 4, "source": "observed"} for u in s.skills]},
        )
    )
    consents = await ok(await http.get(f"/api/v1/employees/{b}/consents", headers=s.coach.headers))
    matching_consent = next(x for x in consents if x["purpose"] == "matching")
    await ok(
        await http.post(
            f"/api/v1/employees/{b}/consents/{matching_consent['id']}/withdraw",
            headers=s.coach.headers,
        )
    )
    await ok(await http.delete(f"/api/v1/employees/{c}", headers=s.admin.headers))
    d = await _person(http, s, s.skills[1:], consent=True)
    await ok(await http.post(f"/api/v1/vacancies/{closing}/close", headers=s.employer.headers))
    fresh = await factories.publish(http, s, "Warm fresh", hours_min=16)

    async with db.transaction(pool) as conn:
        after = await live.warm(conn)
        assert after is before, "caught up in place, not loaded again"
        ids = {p.id for p in after.people.rows.values()}
        assert c not in ids and d in ids
        assert str(closing) not in after.vacancies.rows
        assert {str(kept), str(fresh)} <= set(after.vacancies.rows)
        assert not after.people.rows[b].consent_matching
        await _same_as_full(conn, after, [a, b, d])


async def test_a_change_committed_after_a_catch_up_began_is_not_missed(
    pool: asyncpg.Pool, http: httpx.AsyncClient
) -> None:
    s = await factories.scene(pool, http)
    await factories.publish(http, s, "Warm late")
    person = await _person(http, s, s.skills[:1], consent=True)
    async with db.transaction(pool) as conn:
        await live.warm(conn)
    late = await pool.acquire()
    try:
        transaction = late.transaction()
        await transaction.start()
        # Written (and given a transaction id) before the next catch-up, committed after it.
        await late.execute(
            "INSERT INTO employee_skill (employee_id, skill_uri, level, source) "
            "VALUES ($1, $2, 4, 'observed')",
            uuid.UUID(person),
            s.skills[4],
        )
        # ... while a later transaction commits a change of its own first.
        other = await _person(http, s, s.skills[2:], consent=True)
        async with db.transaction(pool) as conn:
            state = await live.warm(conn)
            assert len(state.people.rows[person].skills) == 1  # not committed yet
        await transaction.commit()
    finally:
        await pool.release(late)
    async with db.transaction(pool) as conn:
        state = await live.warm(conn)
        assert len(state.people.rows[person].skills) == 2
        assert other in state.people.rows
        await _same_as_full(conn, state, [person, other])


async def test_the_change_log_keeps_a_day(pool: asyncpg.Pool) -> None:
    old, new = uuid.uuid4(), uuid.uuid4()
    async with db.transaction(pool) as conn:
        await conn.execute(
            "INSERT INTO match_input_change (kind, row_id, at) VALUES ('person', $1, "
            "now() - interval '25 hours'), ('person', $2, now() - interval '23 hours')",
            old,
            new,
        )
        assert await live.prune_changes(conn) >= 1
        left = await conn.fetch(
            "SELECT row_id FROM match_input_change WHERE row_id = ANY($1::uuid[])", [old, new]
        )
    assert [r["row_id"] for r in left] == [new]
