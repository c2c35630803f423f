"""The outcome report of a WISE over a period, for its admins and jobcoaches; profile
completeness per person.

Only counts are computed (in SQL); small numbers are kept, since the WISE's own staff read
them, but no figure names or describes a person, so the report needs no audit row.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from datetime import date, timedelta
from uuid import UUID

import asyncpg

from services.core import clock
from services.core.access.policy import Actor, Role, require_role
from services.core.errors import Forbidden, Invalid, NotFound
from services.core.outcomes import repository
from services.core.outcomes.completeness import Gap, profile_gaps
from services.core.outcomes.models import (
    Moves,
    OutcomeReport,
    Period,
    PlacementCount,
    Retention,
    RungCount,
    TimeToPlacement,
)

MAX_DAYS = 5 * 366 + 1
SMALL = 5
SOURCE = "suggestion_log"


def _day(value: str | None, field: str, problems: dict[str, str]) -> date | None:
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        problems[field] = "a date as YYYY-MM-DD"
        return None


def year_before(day: date) -> date:
    """The same day a year earlier (28 February for 29 February), plus one day: a year of
    days that ends on `day`."""
    try:
        back = day.replace(year=day.year - 1)
    except ValueError:
        back = day.replace(year=day.year - 1, day=28)
    return back + timedelta(days=1)


def period(start: str | None, end: str | None, today: date | None = None) -> Period:
    """The period asked (YYYY-MM-DD, both days included); by default the last 12 months up to
    today. Invalid, per field, for a date that is not one, a reversed or too long period."""
    problems: dict[str, str] = {}
    first, last = _day(start, "start", problems), _day(end, "end", problems)
    if problems:
        raise Invalid("Give the period as two dates, YYYY-MM-DD.", fields=problems)
    last = last or (today or clock.today())
    first = first or year_before(last)
    if first > last:
        raise Invalid(
            "The period's start comes after its end.",
            fields={"end": "on or after the start", "start": "on or before the end"},
        )
    if (last - first).days > MAX_DAYS:
        raise Invalid(
            "A period covers at most five years.", fields={"start": "at most five years back"}
        )
    return Period(start=first, end=last)


async def check_access(conn: asyncpg.Connection, actor: Actor, organisation_id: UUID) -> UUID:
    """The organisation, when the actor is an admin or jobcoach of it and it is a WISE; another
    organisation is not found, another role of the same one is forbidden."""
    if organisation_id != actor.organisation_id:
        raise NotFound("No organisation of yours has this id.")
    require_role(actor, Role.ADMIN, Role.JOBCOACH, action="see the outcome report")
    if await repository.organisation_kind(conn, organisation_id) != "wise":
        raise Forbidden("Only a work-integration social enterprise has outcome figures.")
    return organisation_id


def _retention(months: int, row: asyncpg.Record | None) -> Retention:
    recorded = row["recorded"] if row else 0
    still = row["still_working"] if row else 0
    return Retention(
        months=months,
        recorded=recorded,
        still_working=still,
        open=row["open"] if row else 0,
        rate=round(still / recorded, 3) if recorded else None,
    )


def _time_to_placement(days: Sequence[int | None]) -> TimeToPlacement:
    measured = [d for d in days if d is not None]
    return TimeToPlacement(
        people_placed=len(days),
        measured=len(measured),
        median_days=float(statistics.median(measured)) if measured else None,
        source=SOURCE,
    )


def _notes(report: OutcomeReport) -> list[str]:
    counts = [p.placements for p in report.placements] + [r.recorded for r in report.retention]
    notes = [
        "A person's rung on a day is their latest ladder change on or before it.",
        "Retention: of the follow-up moments due in the period that were recorded, the share "
        "where the person still worked there.",
        "Time to placement: from the first vacancy suggested to the person (the suggestion "
        "log) to their first trial placement or hire in the period.",
    ]
    if any(0 < n < SMALL for n in counts):
        notes.append(
            f"Some figures count fewer than {SMALL}: read them with care. They are kept for "
            "the WISE's own staff; the report shows no figure per person."
        )
    return notes


async def report(conn: asyncpg.Connection, organisation_id: UUID, span: Period) -> OutcomeReport:
    """The outcome report of one organisation's people over a period."""
    start, end = span.start, span.end
    at_start = await repository.rungs_on(conn, organisation_id, start)
    at_end = await repository.rungs_on(conn, organisation_id, end)
    moved = await repository.moves(conn, organisation_id, start, end)
    placed = await repository.placements(conn, organisation_id, start, end)
    kept = await repository.retention(conn, organisation_id, start, end)
    days = await repository.days_to_placement(conn, organisation_id, start, end)
    found = OutcomeReport(
        organisation_id=organisation_id,
        period=span,
        rungs=[
            RungCount(rung=n, start=at_start.get(n, 0), end=at_end.get(n, 0)) for n in range(1, 7)
        ],
        people_start=sum(at_start.values()),
        people_end=sum(at_end.values()),
        moves=Moves(**dict(moved)),
        placements=[
            PlacementCount(
                kind=kind,
                placements=placed[kind]["placements"] if kind in placed else 0,
                people=placed[kind]["people"] if kind in placed else 0,
            )
            for kind in ("trial_placement", "hired")
        ],
        retention=[_retention(m, kept.get(m)) for m in (3, 6, 12)],
        time_to_placement=_time_to_placement(days),
        notes=[],
    )
    found.notes = _notes(found)
    return found


async def report_for(
    conn: asyncpg.Connection, actor: Actor, organisation_id: UUID, span: Period
) -> OutcomeReport:
    """The report, for an admin or jobcoach of the WISE."""
    await check_access(conn, actor, organisation_id)
    return await report(conn, organisation_id, span)


def csv_rows(found: OutcomeReport) -> list[tuple[str, str, str]]:
    """The report as tidy rows: (section, measure, value)."""
    rows = [("period", "start", found.period.start.isoformat())]
    rows.append(("period", "end", found.period.end.isoformat()))
    for r in found.rungs:
        rows += [("rungs_start", f"rung_{r.rung}", str(r.start))]
    rows.append(("rungs_start", "people", str(found.people_start)))
    for r in found.rungs:
        rows += [("rungs_end", f"rung_{r.rung}", str(r.end))]
    rows.append(("rungs_end", "people", str(found.people_end)))
    rows += [("moves", k, str(v)) for k, v in found.moves.model_dump().items()]
    for p in found.placements:
        rows += [("placements", p.kind, str(p.placements))]
        rows += [("placements", f"people_{p.kind}", str(p.people))]
    for k in found.retention:
        section = f"retention_{k.months}_months"
        rows += [(section, m, str(getattr(k, m))) for m in ("recorded", "still_working", "open")]
        rows.append((section, "rate", "" if k.rate is None else f"{k.rate:.3f}"))
    t = found.time_to_placement
    rows += [("time_to_placement", "people_placed", str(t.people_placed))]
    rows += [("time_to_placement", "measured", str(t.measured))]
    median = "" if t.median_days is None else f"{t.median_days:g}"
    rows += [("time_to_placement", "median_days", median)]
    rows += [("time_to_placement", "source", t.source)]
    return rows


async def gaps_of(conn: asyncpg.Connection, employee_id: UUID) -> list[Gap]:
    """What one person's profile lacks or has not had confirmed (the person is visible)."""
    facts = await repository.person_facts(conn, employee_id)
    return profile_gaps(facts, clock.today()) if facts else []


async def gaps_of_many(
    conn: asyncpg.Connection, employee_ids: Sequence[UUID]
) -> dict[UUID, list[Gap]]:
    """The same for many people at once (the people are visible), by id."""
    today = clock.today()
    facts = await repository.people_facts(conn, employee_ids)
    return {i: profile_gaps(f, today) for i, f in facts.items()}
