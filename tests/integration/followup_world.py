"""A placed person for the follow-up and wage value tests: a scene whose person shares their
profile with the employer, an open vacancy of it, and the decisions up to a trial placement."""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg
import httpx

from tests import factories
from tests.factories import Scene, ok


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
