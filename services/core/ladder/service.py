"""The ladder over time: who reads a person's rungs, who records a move, and the rules a move
keeps. Every change of a person's rung is recorded here, in the caller's transaction, whether
it comes from a recorded move (with its own date and note) or from a change of the employee
record (POST/PATCH /employees, the profile page: dated today)."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import asyncpg

from services.core.access.policy import (
    Actor,
    can_change_record,
    can_manage_employees,
    can_see_development,
)
from services.core.clock import today
from services.core.employees import repository as employees
from services.core.employees.models import Employee
from services.core.errors import NotFound, invalid_fields
from services.core.events.repository import emit
from services.core.ladder import repository
from services.core.ladder.models import LadderChange, LadderHistory, LadderMoveIn

# From this many months on one rung, next steps suggest looking at the next step together.
LONG_ON_RUNG_MONTHS = 12


def months_between(start: date, end: date) -> int:
    """Whole months from `start` to `end` (0 when `end` is not later)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return max(months, 0)


def long_on_rung(rung: int, months: int | None) -> bool:
    """A year or more on one rung below 6: time to look at the next step together."""
    return rung < 6 and (months or 0) >= LONG_ON_RUNG_MONTHS


async def record_first(
    conn: asyncpg.Connection, actor: Actor, employee_id: UUID, rung: int
) -> None:
    """The first rung of a new person, decided by the actor who records them, from today."""
    await repository.insert(
        conn,
        employee_id,
        rung=rung,
        previous_rung=None,
        changed_on=today(),
        decided_by=actor.account_id,
        decided_role=actor.role.value,
    )


async def record_change(
    conn: asyncpg.Connection, actor: Actor, employee_id: UUID, previous: int, rung: int
) -> None:
    """A rung changed on the employee record: a move from today, decided by the actor."""
    await repository.insert(
        conn,
        employee_id,
        rung=rung,
        previous_rung=previous,
        changed_on=today(),
        decided_by=actor.account_id,
        decided_role=actor.role.value,
    )


async def history(conn: asyncpg.Connection, actor: Actor, employee: Employee) -> LadderHistory:
    """A visible person's rungs over time, oldest first (the person, their jobcoach, admins)."""
    can_see_development(actor, employee.id)
    return await history_of(conn, employee)


async def history_of(conn: asyncpg.Connection, employee: Employee) -> LadderHistory:
    """The history without an access check (callers authorize first)."""
    changes = await repository.history(conn, employee.id)
    since = changes[-1].changed_on if changes else None
    return LadderHistory(
        employee_id=employee.id,
        current_rung=employee.ladder_rung,
        on_rung_since=since,
        months_on_rung=months_between(since, today()) if since else None,
        changes=changes,
    )


async def move(
    conn: asyncpg.Connection, actor: Actor, employee_id: UUID, body: LadderMoveIn
) -> LadderChange:
    """Record a move to another rung with its date; the person's record follows it (a move is
    never dated before the newest recorded one, so it is always the newest)."""
    can_manage_employees(actor)
    current = await employees.get_for_update(conn, employee_id)
    if current is None:
        raise NotFound("No employee you may see has this id.")
    can_change_record(
        actor,
        current.jobcoach_id,
        "A jobcoach records moves only for people of their own caseload.",
    )
    newest = await repository.newest(conn, employee_id)
    _check_move(body, current.ladder_rung, newest)
    change_id = await repository.insert(
        conn,
        employee_id,
        rung=body.rung,
        previous_rung=current.ladder_rung,
        changed_on=body.changed_on,
        decided_by=actor.account_id,
        decided_role=actor.role.value,
        note=body.note,
    )
    await repository.set_rung(conn, employee_id, body.rung)
    await emit(
        conn,
        "employee.profile_updated",
        aggregate_type="employee",
        aggregate_id=str(employee_id),
        payload={"fields": ["ladder_rung"]},
    )
    found = await repository.newest(conn, employee_id)
    assert found is not None and found.id == change_id
    return found


def _check_move(body: LadderMoveIn, rung: int, newest: LadderChange | None) -> None:
    """Invalid, naming every wrong field: a move changes the rung, happened by today, and comes
    after the moves recorded already (the history reads in order; correct a mistake with a
    new move)."""
    fields: dict[str, str] = {}
    now = today()
    if body.changed_on > now:
        fields["changed_on"] = f"must not be in the future (today is {now.isoformat()})"
    elif newest is not None and body.changed_on < newest.changed_on:
        fields["changed_on"] = (
            f"must be on or after {newest.changed_on.isoformat()}, the date of the newest "
            f"recorded move (to rung {newest.rung}); moves are recorded in order"
        )
    if body.rung == rung:
        since = f" since {newest.changed_on.isoformat()}" if newest else ""
        fields["rung"] = f"the person is on rung {rung} already{since}; a move goes to another rung"
    if fields:
        raise invalid_fields("ladder move", fields)
