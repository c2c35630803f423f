"""The demo's practice-based learning: the demo employee finished a learning agreement with a
praktijkverklaring (its certified skills raise their matches: /me/learning says which and by
how much, computed), and a second person of the first WISE is halfway through another one.
Written through the learning service, so the result certifies skills as it would in use. The
qualification of each is the starter one whose skills open vacancies ask most and the person
lacks (deterministic: counts, then crebo)."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import UUID

import asyncpg

from services.core.accounts import repository as accounts
from services.core.accounts.service import actor_of
from services.core.demo.capacity import EMPLOYEE_EMAIL
from services.core.demo.plan import WISES
from services.core.employees import repository as employees
from services.core.learning import service
from services.core.learning.catalogue import seed_qualifications
from services.core.learning.models import AgreementIn, ProgressIn, ResultIn

PEOPLE = """
SELECT e.id, e.jobcoach_id FROM employee e
JOIN organisation o ON o.id = e.organisation_id
LEFT JOIN account a ON a.id = e.account_id
WHERE o.name = $1 AND e.jobcoach_id IS NOT NULL
ORDER BY a.email IS DISTINCT FROM $2, e.name DESC, e.id
LIMIT 2
"""
# Per starter qualification: how many of its skills open vacancies ask that the person lacks.
OPENS = """
SELECT w.crebo, count(DISTINCT s.skill_uri) AS opens
FROM work_process w
JOIN work_process_skill s ON s.work_process_id = w.id
JOIN vacancy_skill v ON v.skill_uri = s.skill_uri
JOIN vacancy x ON x.id = v.vacancy_id AND x.status = 'open'
WHERE w.crebo = ANY($2::text[])
  AND NOT EXISTS (SELECT 1 FROM employee_skill e
                  WHERE e.employee_id = $1 AND e.skill_uri = s.skill_uri AND e.level >= s.level)
GROUP BY w.crebo
ORDER BY opens DESC, w.crebo
LIMIT 1
"""
STARTER = ["99101", "99102", "99103", "99104"]


async def write(conn: asyncpg.Connection, today: date) -> None:
    """One agreement that ended in a praktijkverklaring, one in progress."""
    await seed_qualifications(conn)
    people = await conn.fetch(PEOPLE, WISES[0][0], EMPLOYEE_EMAIL)
    taken: list[str] = []
    for n, person in enumerate(people):
        crebo = await conn.fetchval(OPENS, person["id"], [c for c in STARTER if c not in taken])
        if crebo is None:
            continue
        taken.append(crebo)
        await _agreement(conn, person["id"], person["jobcoach_id"], crebo, today, done=n == 0)


async def _agreement(
    conn: asyncpg.Connection, employee_id: UUID, coach_id: UUID, crebo: str, today: date, *,
    done: bool
) -> None:  # fmt: skip
    row = await accounts.account_by_id(conn, coach_id)
    employee = await employees.get(conn, employee_id)
    assert row is not None and employee is not None
    coach = actor_of(row)
    starts = today - timedelta(days=300 if done else 90)
    body = AgreementIn(
        crebo=crebo,
        college="ROC Amsterdam-Oost",
        company=WISES[0][0],
        trainer_name="Mirjam Bakker",
        starts_on=starts,
        ends_on=today - timedelta(days=20) if done else today + timedelta(days=270),
    )
    agreement = await service.create(conn, coach, employee, body)
    processes = agreement.work_processes
    for i, process in enumerate(processes):
        # Done: every work process shown but the last, which was started; running: the
        # first shown, the second started, the rest still to come.
        shown = i < len(processes) - 1 if done else i == 0
        if not done and i > 1:
            continue
        day = starts + timedelta(days=60 * (i + 1))
        progress = ProgressIn(
            status="shown" if shown else "started",
            assessed_on=min(day, today),
            note="Laten zien in de praktijk." if shown else "",
        )
        await service.record_progress(
            conn, coach, employee, agreement.id, process.work_process_id, progress
        )
    if done:
        result = ResultIn(result="praktijkverklaring", result_on=today - timedelta(days=20))
        await service.record_result(conn, coach, employee, agreement.id, result)
