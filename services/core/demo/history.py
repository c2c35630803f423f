"""The demo's past year: ladder moves for most people (most up, a few down), placements with
their follow-up moments answered where due, a few wage values, logbook notes, and when skills
were last confirmed (a few not for 14 months). Deterministic: every date is a fixed number of
days before the demo's `today`, every choice follows a person's place in a fixed order.

Placements go through the decisions service as the person's jobcoach (a suggestion shown to
the coach, then introduced, trial placement and for some a hire, each answering that
suggestion), dated in the past; the service's hook makes the follow-up moments, and the answers
are written over them (ON CONFLICT) where a moment is due.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from uuid import UUID

import asyncpg

from services.core.access.policy import Actor
from services.core.accounts import repository as accounts
from services.core.accounts.service import actor_of
from services.core.clock import LOCAL_TIME
from services.core.decisions import service as decisions
from services.core.decisions.models import DecisionIn
from services.core.demo import queries
from services.core.demo.plan import WISES

START_DAYS = 400
# When the placements began, in turn (each WISE gets about five): every follow-up moment is
# due for some of them within the last year.
PLACED_DAYS_AGO = (400, 300, 200, 120, 60)  # everyone's first rung: about 13 months before today
LADDER_NOTES = {
    1: "Stap omhoog: werkt zelfstandig en op tijd.",
    -1: "Stap terug: minder uren, eerst weer rust en ritme.",
}
WAGE_METHOD = "Uniforme loonwaardemethode (sinds juli 2021)"
LOGBOOK = (
    "Gesprek over de werktijden: vaste start om negen uur werkt goed.",
    "Samen de route naar het werk gefietst; gaat voortaan zelf.",
    "Werkgever tevreden over het tempo; afgesproken om over een maand weer te praten.",
    "Wil meer klantcontact; we kijken naar een plek aan de balie.",
)
SUPPORT = ("Vaste contactpersoon op de werkvloer", "Wekelijks even bellen", None)


@dataclass(frozen=True)
class Person:
    """A demo person as the history needs them."""

    id: UUID
    organisation_id: UUID
    coach: UUID
    rung: int


def _at(day: date) -> datetime:
    return datetime.combine(day, time(10), tzinfo=LOCAL_TIME)


def ladder_path(i: int, rung: int, today: date) -> list[tuple[int, date]]:
    """Person i's rungs over the year, oldest first, ending on their current rung: (rung, since).
    Three in ten move up one rung, one in ten two rungs, one in ten down, one in ten down and
    back up; the rest stay where they started."""
    first = today - timedelta(days=START_DAYS - i % 20)
    late = today - timedelta(days=20 + (i * 37) % 300)
    early = late - timedelta(days=60 + (i * 13) % 30)
    kind = i % 10
    if kind < 3 and rung > 1:
        return [(rung - 1, first), (rung, late)]
    if kind == 3 and rung > 2:
        return [(rung - 2, first), (rung - 1, early), (rung, late)]
    if kind == 4 and rung < 6:
        return [(rung + 1, first), (rung, late)]
    if kind == 5 and rung > 1:
        return [(rung, first), (rung - 1, early), (rung, late)]
    return [(rung, first)]


async def _ladder(conn: asyncpg.Connection, people: list[Person], today: date) -> None:
    rows: list[tuple[Any, ...]] = []
    for i, p in enumerate(people):
        before: int | None = None
        for rung, since in ladder_path(i, p.rung, today):
            note = LADDER_NOTES.get((rung > before) - (rung < before)) if before else None
            rows.append((p.id, rung, before, since, p.coach, "jobcoach", note))
            before = rung
    await conn.execute(queries.HISTORY_CLEAR_LADDER, [p.id for p in people])
    await conn.execute(queries.HISTORY_LADDER, *(list(c) for c in zip(*rows, strict=True)))


def followup_answers(
    k: int, i: int, placed: date, today: date, *, leave_open: bool = False
) -> list[tuple[Any, ...]]:
    """The four moments of placement k (of person i): (months, still working, hours,
    satisfaction, support); the answers are None for a moment not yet due. The third placement
    of every five ends before its 6-month moment, the sixth of every ten before its 12-month
    one. With `leave_open` the latest due moment is left for the coach to record, so the
    caseload, the reminder and the report's open moments have something to show."""
    stops = 6 if k % 5 == 2 else 12 if k % 10 == 5 else 99
    answers: list[tuple[Any, ...]] = []
    due_moments = [m for m in (1, 3, 6, 12) if _add_months(placed, m) + timedelta(days=2) <= today]
    open_moment = due_moments[-1] if leave_open and due_moments else None
    for months in (1, 3, 6, 12):
        due = _add_months(placed, months)
        if due + timedelta(days=2) > today or months == open_moment:
            answers.append((months, None, None, None, None))
            continue
        working = months < stops
        answers.append(
            (
                months,
                working,
                (16 + 4 * (i % 4)) if working else 0,
                3 + (i + months) % 3 if working else 2,
                SUPPORT[(i + months) % 3] if working else None,
            )
        )
    return answers


def _add_months(day: date, months: int) -> date:
    """As PostgreSQL adds months to a date (the last day of a shorter month)."""
    years, month = divmod(day.month - 1 + months, 12)
    year = day.year + years
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


async def _placement(
    conn: asyncpg.Connection,
    k: int,
    i: int,
    coach: Actor,
    p: Person,
    vacancy: UUID,
    placed: date,
    today: date,
    leave_open: bool,
) -> None:
    """Suggested to the coach, then introduced, on trial and for some hired through the
    decisions service (dated in the past); then the answers of the follow-up moments."""
    shown = placed - timedelta(days=25 + (i * 7) % 40)
    score = 60.0 + (i * 3) % 35
    suggestion = await conn.fetchval(
        queries.HISTORY_SUGGESTION, _at(shown), p.coach, p.id, vacancy, score
    )
    steps = [("introduced", shown + timedelta(days=5)), ("trial_placement", placed)]
    if i % 3 != 2 and placed + timedelta(days=45) < today:
        steps.append(("hired", placed + timedelta(days=45)))
    trial = None
    for decision, day in steps:
        body = DecisionIn(
            employee_id=p.id, vacancy_id=vacancy, decision=decision, suggestion_id=suggestion
        )
        made = await decisions.decide(conn, coach, body, at=_at(day))
        trial = trial or (made.id if decision == "trial_placement" else None)
    answers = followup_answers(k, i, placed, today, leave_open=leave_open)
    await conn.execute(
        queries.HISTORY_FOLLOWUPS,
        p.id,
        vacancy,
        trial,
        placed,
        p.coach,
        *(list(c) for c in zip(*answers, strict=True)),
    )


async def _extras(
    conn: asyncpg.Connection, i: int, p: Person, title: str, today: date, stale: bool
) -> None:
    """Logbook notes for most, a wage value for some, and when the skills were confirmed."""
    for n in range(i % 3):
        day = today - timedelta(days=10 + 45 * n + i % 9)
        await conn.execute(queries.HISTORY_LOGBOOK, p.id, day, LOGBOOK[(i + n) % 4], p.coach)
    if i % 8 == 2 and p.rung >= 4:
        assessed = today - timedelta(days=90 + i)
        await conn.execute(
            queries.HISTORY_WAGE_VALUE,
            p.id,
            40 + (i * 7) % 45,
            title,
            assessed,
            WAGE_METHOD,
            p.coach,
        )
    # Stale: "vaardigheden 14 maanden niet bevestigd" on their page and in the caseload.
    confirmed = _add_months(today, -14) if stale else today - timedelta(days=20 + (i * 17) % 250)
    await conn.execute(queries.HISTORY_SKILLS_CONFIRMED, p.id, confirmed)


async def write(conn: asyncpg.Connection, today: date) -> None:
    """The demo people's past year (once, inside the demo seed's transaction)."""
    names = [w[0] for w in WISES]
    rows = await conn.fetch(queries.HISTORY_PEOPLE, names)
    people = [
        Person(r["id"], r["organisation_id"], r["jobcoach_id"], r["ladder_rung"]) for r in rows
    ]
    vacancies: dict[UUID, list[asyncpg.Record]] = {}
    for v in await conn.fetch(queries.HISTORY_VACANCIES, names):
        vacancies.setdefault(v["organisation_id"], []).append(v)
    await _ladder(conn, people, today)
    placements = 0
    nth: dict[UUID, int] = {}
    coaches: dict[UUID, Actor] = {}
    placed_by: set[UUID] = set()
    for i, p in enumerate(people):
        own = vacancies.get(p.organisation_id, [])
        if i % 4 == 1 and own:
            vacancy = own[i % len(own)]
            ago = PLACED_DAYS_AGO[placements % 5] + 7 * (placements // 5)
            placed = today - timedelta(days=ago)
            coach = coaches.get(p.coach) or actor_of(await accounts.account_by_id(conn, p.coach))
            coaches[p.coach] = coach
            # Each coach's first placement leaves its latest due moment open, as do the two
            # newest of every five.
            first = p.coach not in placed_by
            placed_by.add(p.coach)
            leave_open = first or placements % 5 in (3, 4)
            await _placement(
                conn, placements, i, coach, p, vacancy["id"], placed, today, leave_open
            )
            placements += 1
        # Every coach has two people whose skills were last confirmed 14 months ago.
        nth[p.coach] = nth.get(p.coach, -1) + 1
        title = own[i % len(own)]["title"] if own else "Medewerker"
        await _extras(conn, i, p, title, today, stale=nth[p.coach] in (1, 6))
