"""Learning pays: a completed module closes a gap, the match rises, and the person hears of it.

End to end with the real relay and worker: the API records the module, the outbox carries
`training.completed`, the worker rescores and notifies.
"""

from __future__ import annotations

import asyncio
import subprocess
import time
import uuid
from datetime import date
from typing import Any

import asyncpg
import httpx
import pytest

from services.core.matching import live
from services.matcher.types import Person, PersonSkill, Vacancy, VacancySkill
from tests import factories


async def _ok(response: httpx.Response) -> Any:
    assert response.status_code in (200, 201), response.text
    return response.json()


async def _until(probe: Any, check: Any, within: float = 120) -> Any:
    """The probe's value once it passes the check; the worker gets there in seconds, but under
    `make test` its queue may first hold the events of the modules before (a bound, not a
    timing: tests never fail on speed)."""
    deadline = time.monotonic() + within
    while True:
        value = await probe()
        if check(value):
            return value
        assert time.monotonic() < deadline, f"still {value!r} after {within} s"
        await asyncio.sleep(0.1)


async def _gap(pool: asyncpg.Pool) -> tuple[str, list[str], list[str], str]:
    """(occupation, the person's skills, the vacancy's skills they have, the one they miss):
    the vacancy scores under 60 now and at least 60 once the missing skill is certified."""
    rows = await pool.fetch(
        "SELECT occupation_uri, array_agg(skill_uri ORDER BY skill_uri) AS skills "
        "FROM occupation_skill WHERE relation = 'essential' GROUP BY occupation_uri "
        "HAVING count(*) >= 5 ORDER BY occupation_uri LIMIT 20"
    )
    async with pool.acquire() as conn:
        engine = await live.matcher(conn)
    for row in rows:
        skills = list(row["skills"])
        missing, owned = skills[-1], skills[:-1]
        for n in range(1, len(owned) + 1):
            vacancy = Vacancy(
                "v",
                tuple(VacancySkill(u, "essential") for u in [*owned[:n], missing]),
                5,
                "wise_paid",
                20,
                24,
            )
            before = Person("p", tuple(PersonSkill(u, 3, "observed") for u in owned), 4, 16, 32)
            after = Person("p", (*before.skills, PersonSkill(missing, 3, "certified")), 4, 16, 32)
            if engine.score(before, vacancy) < 60 <= engine.score(after, vacancy):
                return row["occupation_uri"], owned, owned[:n], missing
    pytest.skip("no occupation in this taxonomy gives such a gap")


async def test_completing_a_module_raises_the_match_and_tells_the_person(
    app: object,
    pool: asyncpg.Pool,
    celery_worker: subprocess.Popen[bytes],
    relay: subprocess.Popen[bytes],
) -> None:
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
        wise = await factories.organisation(pool)
        employer_org = await factories.organisation(pool, "employer")
        admin = await factories.user(pool, http, wise, "admin")
        coach = await factories.user(pool, http, wise, "jobcoach")
        person = await factories.user(pool, http, wise, "employee")
        employer = await factories.user(pool, http, employer_org, "employer")
        occupation, owned, asked, missing = await _gap(pool)
        employee = await factories.employee(
            http,
            coach,
            name="Lotte Smit",
            ladder_rung=5,  # the vacancy's rung: no lower bar for a step up
            hours_min=16,
            hours_max=32,
            account_id=str(person.account_id),
            skills=factories.observed(owned),
        )
        employee_id = employee["id"]
        await factories.consent(http, coach, employee_id)
        vacancy = await factories.vacancy(
            http,
            employer,
            occupation,
            published=True,
            title="Leerwerkplek",
            contract_kind="wise_paid",
            hours_min=20,
            hours_max=24,
            skills=factories.essential([*asked, missing]),
        )
        vacancy_id = uuid.UUID(vacancy["id"])

        def score() -> Any:
            return pool.fetchval(
                "SELECT score FROM match WHERE vacancy_id = $1 AND employee_id = $2",
                vacancy_id,
                uuid.UUID(employee_id),
            )

        def told() -> Any:
            return pool.fetchval(
                "SELECT count(*) FROM notification WHERE account_id = $1 AND vacancy_id = $2 "
                "AND kind = 'match_found'",
                person.account_id,
                vacancy_id,
            )

        before = await _until(score, lambda s: s is not None)
        assert before < 60 and await told() == 0  # not viable yet: nobody is told

        module = await _ok(
            await http.post(
                "/api/v1/training/modules",
                headers=admin.headers,
                json={
                    "code": f"gap-{uuid.uuid4().hex[:8]}",
                    "title_nl": "Leren op de werkplek",
                    "title_en": "Learning at the workplace",
                    "provider_kind": "on_the_job",
                    "level": 3,
                    "hours": 16,
                    "skills": [missing],
                },
            )
        )
        # The plan teaches the missing skill and says that makes the vacancy viable.
        plan = await _ok(
            await http.get(
                f"/api/v1/employees/{employee_id}/training-plan",
                headers=coach.headers,
                params={"vacancy_id": str(vacancy_id)},
            )
        )
        teaching = [m for m in plan["modules"] if missing in {s["uri"] for s in m["teaches"]}]
        assert len(teaching) == 1 and teaching[0]["more_viable"] >= 1
        assert plan["viable_after"] > plan["viable_now"]
        await _ok(
            await http.post(
                f"/api/v1/employees/{employee_id}/training-records",
                headers=coach.headers,
                json={"module_id": module["id"], "completed_on": date.today().isoformat()},
            )
        )
        after = await _until(score, lambda s: s is not None and s > before)
        assert after >= 60
        assert await _until(told, lambda n: n == 1) == 1
        source = await pool.fetchval(
            "SELECT source FROM employee_skill WHERE employee_id = $1 AND skill_uri = $2",
            uuid.UUID(employee_id),
            missing,
        )
        assert source == "certified"
        await pool.execute("UPDATE vacancy SET status = 'closed' WHERE id = $1", vacancy_id)
        await pool.execute(
            "UPDATE training_module SET active = false WHERE id = $1", uuid.UUID(module["id"])
        )
