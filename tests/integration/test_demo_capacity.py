"""The demo's work capacity: four people of the first WISE (the demo employee among them) have
a profile, two open vacancies state demands, and after the matches are computed the capacity
constraint says pass, fail, unknown or a point to discuss for the demo's pairs, never changing
a score."""

from __future__ import annotations

import asyncpg

from services.core import db
from services.core.demo.capacity import EMPLOYEE_EMAIL
from services.core.matching import service as matching
from tests.integration.test_demo_seed import demo_url, matched_demo_url

__all__ = ["demo_url", "matched_demo_url"]  # the fixtures this module uses


async def test_the_demo_has_capacity_profiles_and_demands(matched_demo_url: str) -> None:
    conn: asyncpg.Connection = await db.connect(matched_demo_url)
    try:
        people = await conn.fetch(
            "SELECT k.employee_id, count(*) AS n, coalesce(bool_or(a.email = $1), false) AS demo, "
            "bool_and(k.recorded_by = e.jobcoach_id) AS by_coach "
            "FROM employee_capacity k JOIN employee e ON e.id = k.employee_id "
            "LEFT JOIN account a ON a.id = e.account_id GROUP BY k.employee_id",
            EMPLOYEE_EMAIL,
        )
        demands = await conn.fetch(
            "SELECT d.vacancy_id, v.status FROM vacancy_capacity_demand d "
            "JOIN vacancy v ON v.id = d.vacancy_id GROUP BY d.vacancy_id, v.status"
        )
        async with conn.transaction():  # a full recompute stores scores only
            await matching.explain_stored(conn, vacancy_ids=[d["vacancy_id"] for d in demands])
        found = await conn.fetch(
            "SELECT c->>'status' AS status, c->>'key' AS key FROM match m, "
            "jsonb_array_elements(m.explanation->'constraints') AS c "
            "WHERE c->>'code' = 'capacity' AND m.vacancy_id = ANY($1::uuid[])",
            [d["vacancy_id"] for d in demands],
        )
    finally:
        await conn.close()
    assert len(people) == 4 and all(p["n"] >= 8 and p["by_coach"] for p in people)
    assert sum(p["demo"] for p in people) == 1
    assert len(demands) == 2 and {d["status"] for d in demands} == {"open"}
    keys = {r["key"] for r in found}
    # Most people have no profile: unknown, never fail, for them.
    assert "constraint.capacity.unknown" in keys
    assert keys <= {f"constraint.capacity.{k}" for k in ("pass", "fail", "unknown", "discuss")}
