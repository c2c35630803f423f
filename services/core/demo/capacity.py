"""The demo's work capacity: four people of the first WISE with a profile (the demo employee
among them, so /me/work shows theirs) and two open vacancies with demands, one whose noise
demand an offered quiet workspace can make workable (a point to discuss) and one that asks
lifting some of the four cannot do (a fail). Deterministic: people by name, vacancies by title.
"""

from __future__ import annotations

from datetime import date, timedelta

import asyncpg

from services.core.capacity import repository
from services.core.capacity.models import LevelIn
from services.core.demo.plan import DEMO_LOGINS, WISES

EMPLOYEE_EMAIL = next(email for role, email, _ in DEMO_LOGINS if role == "employee")

# The demo employee first, then three more people of the same WISE with a jobcoach.
PEOPLE = """
SELECT e.id, e.jobcoach_id FROM employee e
JOIN organisation o ON o.id = e.organisation_id
LEFT JOIN account a ON a.id = e.account_id
WHERE o.name = $1 AND e.jobcoach_id IS NOT NULL
ORDER BY a.email IS DISTINCT FROM $2, e.name, e.id
LIMIT 4
"""
# Open vacancies: one that offers a quiet workspace, and one that does not.
VACANCIES = """
(SELECT v.id FROM vacancy v WHERE v.status = 'open' AND EXISTS (
     SELECT 1 FROM vacancy_accommodation a
     WHERE a.vacancy_id = v.id AND a.accommodation_code = 'quiet_workspace')
 ORDER BY v.title, v.id LIMIT 1)
UNION ALL
(SELECT v.id FROM vacancy v WHERE v.status = 'open' AND NOT EXISTS (
     SELECT 1 FROM vacancy_accommodation a
     WHERE a.vacancy_id = v.id
       AND a.accommodation_code IN ('quiet_workspace', 'adapted_workstation'))
 ORDER BY v.title, v.id LIMIT 1)
"""

PROFILES: tuple[dict[str, int], ...] = (
    {"concentration": 3, "pace_pressure": 2, "teamwork": 4, "noise": 1, "lifting": 2,
     "standing": 3, "hours_per_day": 2, "hours_per_week": 2},
    {"concentration": 4, "instructions": 3, "customer_contact": 2, "busy_surroundings": 3,
     "lifting": 4, "walking": 4, "standing": 4, "hours_per_day": 4, "hours_per_week": 4},
    {"changes": 1, "independent_work": 2, "conflicts": 2, "outdoors": 4, "bending": 3,
     "sitting": 2, "hours_per_day": 3, "evening_work": 0},
    {"concentration": 2, "teamwork": 3, "noise": 0, "lifting": 1, "stairs": 2, "kneeling": 1,
     "hours_per_day": 1, "night_work": 0},
)  # fmt: skip
DEMANDS: tuple[dict[str, int], ...] = (
    {"noise": 3, "pace_pressure": 2, "standing": 3},  # offers a quiet workspace
    {"lifting": 3, "bending": 2, "hours_per_day": 2},
)
ASSESSED_DAYS_AGO = (30, 75, 140, 10)


def _levels(levels: dict[str, int]) -> list[LevelIn]:
    return [LevelIn(item=item, level=level) for item, level in sorted(levels.items())]


async def write(conn: asyncpg.Connection, today: date) -> None:
    """Profiles for four people and demands for two vacancies (in the caller's transaction)."""
    people = await conn.fetch(PEOPLE, WISES[0][0], EMPLOYEE_EMAIL)
    for person, levels, days in zip(people, PROFILES, ASSESSED_DAYS_AGO, strict=False):
        assessed = today - timedelta(days=days)
        await repository.replace_levels(
            conn, person["id"], _levels(levels), assessed, person["jobcoach_id"]
        )
    for vacancy, demands in zip(await conn.fetch(VACANCIES), DEMANDS, strict=False):
        await repository.replace_demands(conn, vacancy["id"], _levels(demands))
