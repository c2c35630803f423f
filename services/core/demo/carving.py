"""The demo's carved job: the demo employer (Bakkerij De Korenaar) carves a job from one of the
occupations the demo's vacancies ask for, keeping the three essential tasks most people can do,
and publishes it. The occupation is the one where the carved job fits the most people more than
the full job, computed with the matcher on the demo's people; the vacancy's page computes its
counts again when it is read. Deterministic: occupations by URI, tasks by count then URI."""

from __future__ import annotations

import asyncpg

from services.core.accounts import repository as accounts
from services.core.accounts.service import actor_of
from services.core.demo.plan import DEMO_LOGINS
from services.core.settings import get_settings
from services.core.vacancies import carving
from services.core.vacancies import service as vacancies
from services.core.vacancies.carving_models import CarvedVacancyIn, CarvingIn

EMPLOYER_EMAIL = next(email for role, email, _ in DEMO_LOGINS if role == "employer")
KEEP = 3
OCCUPATIONS = "SELECT DISTINCT occupation_uri FROM vacancy WHERE status = 'open' ORDER BY 1"
EMPLOYER = "SELECT id FROM account WHERE email = $1"
CONDITIONS = {
    "contract_kind": "regular_with_wage_subsidy",
    "hours_min": 12,
    "hours_max": 24,
    "accommodations": ["job_coach_on_site", "visual_instructions"],
}


async def write(conn: asyncpg.Connection) -> bool:
    """Carve and publish the demo employer's job; False when no occupation gains anyone."""
    row = await accounts.account_by_id(conn, await conn.fetchval(EMPLOYER, EMPLOYER_EMAIL))
    assert row is not None  # the demo's employer sign-in is written before this
    actor = actor_of(row)
    bar = get_settings().notify_min_score
    best: tuple[int, str, list[str]] | None = None
    for row in await conn.fetch(OCCUPATIONS):
        uri = row["occupation_uri"]
        found = await carving.tasks(conn, actor, uri, "nl")
        held = await carving.holders(conn, uri)
        essential = [t.skill_uri for t in found.tasks if t.relation == "essential"]
        kept = sorted(essential, key=lambda u: (-held.get(u, 0), u))[:KEEP]
        body = CarvingIn(occupation_uri=uri, kept=kept, **CONDITIONS)
        gain = await carving.gain(conn, body, min_score=bar)
        if gain > 0 and (best is None or gain > best[0]):
            best = (gain, uri, kept)
    if best is None:
        return False
    _, uri, kept = best
    label = (await carving.tasks(conn, actor, uri, "nl")).occupation_label
    item = CarvedVacancyIn(
        title=f"{label[:1].upper()}{label[1:]} (werk op maat)",
        description="Een deel van het vak, op maat gemaakt: de taken die veel mensen al kunnen.",
        occupation_uri=uri,
        kept=kept,
        **CONDITIONS,
    )
    made = await carving.create(conn, actor, item)
    await vacancies.transition(conn, actor, made, "publish")
    return True
