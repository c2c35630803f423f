"""Follow-up after a placement: who reads and records the moments, when a moment may be
recorded, and the reminder to the jobcoach.

Rules:
- A trial placement or a hire in the decision log creates the moments 1, 3, 6 and 12 months
  after the decision's date (decisions/service.py calls `repository.create_for_decision` in the
  decision's transaction); a pair that has them keeps its first set.
- The person's jobcoach and the admins of their WISE read and record them; the person reads
  their own; an employer does not see them (they are the WISE's support of the person).
- A moment may be recorded from EARLY_DAYS before it is due (a coach may visit early) and any
  time after; recording again corrects the answers. Someone no longer working has no hours.
- Reading is audited (the answers say what support the work takes).
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import groupby
from uuid import UUID

import asyncpg

from services.core import audit
from services.core.access.policy import Actor, Role, can_change_record
from services.core.clock import today as local_today
from services.core.employees.models import Employee
from services.core.errors import Forbidden, Invalid, NotFound
from services.core.followup import repository
from services.core.followup.models import (
    EARLY_DAYS,
    Followup,
    FollowupDue,
    FollowupIn,
    Placement,
    PlacementFollowups,
    State,
)
from services.core.notifications import service as notifications

READ_FIELDS = ("placement_followup",)
REMIND_BATCH = 500


def record_from(due_on: date) -> date:
    """The first day a moment due on `due_on` may be recorded."""
    return due_on - timedelta(days=EARLY_DAYS)


def state_of(row: asyncpg.Record, today: date) -> State:
    """Recorded, overdue, due (may be recorded now) or later."""
    if row["recorded_at"] is not None:
        return "recorded"
    if today > row["due_on"]:
        return "overdue"
    return "due" if today >= record_from(row["due_on"]) else "later"


def _followup(row: asyncpg.Record, today: date) -> Followup:
    stored = dict(row)
    data = {k: stored[k] for k in Followup.model_fields if k in stored}
    return Followup.model_validate(
        data | {"record_from": record_from(row["due_on"]), "state": state_of(row, today)}
    )


def _can_read(actor: Actor) -> None:
    if actor.role is Role.EMPLOYER:
        raise Forbidden("An employer does not see the follow-up of a placement.")


def _can_record(actor: Actor, employee: Employee) -> None:
    can_change_record(
        actor, employee.jobcoach_id, "A jobcoach records follow-ups only for their own caseload."
    )


async def placements(
    conn: asyncpg.Connection, actor: Actor, employee: Employee, today: date | None = None
) -> PlacementFollowups:
    """A visible person's placements with their moments, audited."""
    _can_read(actor)
    day = today or local_today()
    rows = await repository.for_employee(conn, employee.id)
    await audit.record_reads(conn, actor, [employee.id], READ_FIELDS, "view_followups")
    found = []
    for vacancy_id, group in groupby(rows, key=lambda r: r["vacancy_id"]):
        moments = list(group)
        first = moments[0]
        found.append(
            Placement(
                vacancy_id=vacancy_id,
                vacancy_title=first["vacancy_title"],
                organisation_name=first["organisation_name"],
                status=first["status"],
                placed_on=first["placed_on"],
                followups=[_followup(r, day) for r in moments],
            )
        )
    return PlacementFollowups(employee_id=employee.id, placements=found)


async def one(
    conn: asyncpg.Connection, employee: Employee, followup_id: UUID, today: date | None = None
) -> Followup:
    """A moment of a visible person; NotFound for any other id."""
    row = await repository.get(conn, followup_id, employee.id)
    if row is None:
        raise NotFound("This person has no follow-up moment with this id.")
    return _followup(row, today or local_today())


def _check(moment: Followup, body: FollowupIn, today: date) -> None:
    fields: dict[str, str] = {}
    if today < moment.record_from:
        fields["due_on"] = (
            f"due on {moment.due_on.isoformat()}; it can be recorded from "
            f"{moment.record_from.isoformat()} ({EARLY_DAYS} days before)"
        )
    if not body.still_working and body.hours:
        fields["hours"] = "leave hours empty (or 0) when the person no longer works there"
    if fields:
        first = next(iter(fields.values()))
        raise Invalid(f"This follow-up cannot be recorded: {first}.", fields=fields)


async def record(
    conn: asyncpg.Connection,
    actor: Actor,
    employee: Employee,
    followup_id: UUID,
    body: FollowupIn,
    today: date | None = None,
) -> Followup:
    """Record (or correct) a moment's answers, from EARLY_DAYS before it is due."""
    _can_record(actor, employee)
    day = today or local_today()
    await repository.lock(conn, followup_id, employee.id)
    moment = await one(conn, employee, followup_id, day)
    _check(moment, body, day)
    await repository.record(conn, followup_id, employee.id, body, actor.account_id)
    await audit.record_reads(conn, actor, [employee.id], READ_FIELDS, "record_followup")
    return await one(conn, employee, followup_id, day)


async def remind_due(conn: asyncpg.Connection, today: date | None = None) -> int:
    """Remind each person's jobcoach of the moments due by today that are not recorded and
    were not reminded of, once each: a second run reminds of nothing. Returns how many."""
    day = today or local_today()
    reminded = 0
    while ids := await repository.claim_due(conn, day, REMIND_BATCH):
        await notifications.notify_followups_due(conn, ids)
        await repository.mark_reminded(conn, ids)
        reminded += len(ids)
    return reminded


async def due_for_caseload(
    conn: asyncpg.Connection, actor: Actor, limit: int, today: date | None = None
) -> tuple[list[FollowupDue], int]:
    """The caseload's moments that may be recorded now (overdue first), and how many."""
    day = today or local_today()
    return await repository.due_for_caseload(conn, actor, day, record_from_until(day), limit)


def record_from_until(today: date) -> date:
    """The last due date of a moment that may be recorded today."""
    return today + timedelta(days=EARLY_DAYS)
