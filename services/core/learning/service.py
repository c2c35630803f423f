"""Practice-based learning with a ROC: who reads and writes a person's learning agreements, and
what a result does.

Written by the jobcoaches and admins of the person's WISE (a jobcoach for their own caseload,
as with the logbook); read by them and by the person themself; never by an employer, whatever
the person shares (what someone is learning, and how it goes, is the coach's and the person's).
A coach's or admin's read is audited like the logbook's. The result (a praktijkverklaring or an
mbo-certificaat) completes the agreement and certifies the skills of the work processes shown,
as a completed training module does, in the same transaction; the profile change is announced
(`employee.profile_updated`) so the person is scored again.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

import asyncpg

from services.core import audit
from services.core.access.policy import (
    Actor,
    Role,
    can_change_record,
    can_see_development,
    require_role,
)
from services.core.clock import today
from services.core.employees import repository as employees
from services.core.employees.models import Employee
from services.core.errors import Conflict, NotFound, invalid_fields
from services.core.events.repository import emit
from services.core.learning import repository
from services.core.learning.models import (
    Agreement,
    AgreementIn,
    AgreementPatch,
    AgreementResult,
    ProgressIn,
    Qualification,
    QualificationSummary,
    ResultIn,
)
from services.core.paging import Page

AUDIT_FIELDS = ("learning",)
READ_PURPOSE = "read_learning"
SUBJECT = "learning agreement"


def can_maintain_qualifications(actor: Actor) -> None:
    """Only admins change the qualifications every organisation shares."""
    require_role(actor, Role.ADMIN, action="import qualifications")


def can_write(actor: Actor, employee: Employee) -> None:
    """A jobcoach for their own caseload, or an admin of the person's WISE."""
    can_change_record(
        actor, employee.jobcoach_id, "A jobcoach records learning only for their own caseload."
    )


async def qualifications(
    conn: asyncpg.Connection, q: str | None, limit: int, offset: int
) -> Page[QualificationSummary]:
    """A page of the qualifications."""
    items, total = await repository.qualifications(conn, q, limit, offset)
    return Page[QualificationSummary](items=items, total=total, limit=limit, offset=offset)


async def qualification(conn: asyncpg.Connection, crebo: str) -> Qualification:
    """A qualification with its work processes; NotFound when there is none."""
    found = await repository.qualification(conn, crebo)
    if found is None:
        raise NotFound("No qualification has this crebo code; see GET /api/v1/qualifications.")
    return found


async def agreements(
    conn: asyncpg.Connection, actor: Actor, employee: Employee, *, audited: bool = True
) -> list[Agreement]:
    """The person's agreements; a coach's or admin's read is audited."""
    can_see_development(actor, employee.id, "learning agreements")
    found = await repository.agreements(conn, employee.id)
    if audited and actor.role in (Role.ADMIN, Role.JOBCOACH):
        await audit.record_reads(conn, actor, [employee.id], AUDIT_FIELDS, READ_PURPOSE)
    return found


async def agreement(
    conn: asyncpg.Connection, actor: Actor, employee: Employee, agreement_id: UUID
) -> Agreement:
    """One agreement of a person the actor may read; NotFound for any other id."""
    can_see_development(actor, employee.id, "learning agreements")
    found = await repository.agreement(conn, agreement_id, employee.id)
    if found is None:
        raise NotFound("This person has no learning agreement with this id.")
    if actor.role in (Role.ADMIN, Role.JOBCOACH):
        await audit.record_reads(conn, actor, [employee.id], AUDIT_FIELDS, READ_PURPOSE)
    return found


async def create(
    conn: asyncpg.Connection, actor: Actor, employee: Employee, body: AgreementIn
) -> Agreement:
    """A new active agreement; Invalid naming each wrong field, Conflict for a second active
    agreement on the same qualification."""
    can_write(actor, employee)
    fields: dict[str, str] = {}
    if await repository.qualification(conn, body.crebo) is None:
        fields["crebo"] = "no qualification has this crebo code; see GET /api/v1/qualifications"
    if body.ends_on < body.starts_on:
        fields["ends_on"] = "must be on or after starts_on"
    if fields:
        raise invalid_fields(SUBJECT, fields)
    for other in await repository.agreements(conn, employee.id):
        if other.crebo == body.crebo and other.status == "active":
            raise Conflict(
                "This person has an active agreement on this qualification; change that one.",
                fields={"crebo": "active agreement exists"},
            )
    agreement_id = await repository.insert(conn, employee.id, body, actor.account_id)
    created = await repository.agreement(conn, agreement_id, employee.id)
    assert created is not None
    return created


async def _active(
    conn: asyncpg.Connection, actor: Actor, employee: Employee, agreement_id: UUID
) -> Agreement:
    """The agreement, locked, for a change by a coach or admin; Conflict once it has ended."""
    can_write(actor, employee)
    found = await repository.agreement(conn, agreement_id, employee.id, lock=True)
    if found is None:
        raise NotFound("This person has no learning agreement with this id.")
    if found.status != "active":
        raise Conflict(
            f"The agreement is {found.status}; an agreement that ended no longer changes.",
            fields={"status": found.status},
        )
    return found


async def change(
    conn: asyncpg.Connection,
    actor: Actor,
    employee: Employee,
    agreement_id: UUID,
    patch: AgreementPatch,
) -> Agreement:
    """Change the given fields of an active agreement, or stop it (no result)."""
    found = await _active(conn, actor, employee, agreement_id)
    given = patch.model_dump(exclude_unset=True, exclude_none=True)
    changed = found.model_copy(update=given)
    if changed.ends_on < changed.starts_on:
        raise invalid_fields(SUBJECT, {"ends_on": "must be on or after starts_on"})
    await repository.update(conn, changed)
    stored = await repository.agreement(conn, agreement_id, employee.id)
    assert stored is not None
    return stored


async def record_progress(
    conn: asyncpg.Connection,
    actor: Actor,
    employee: Employee,
    agreement_id: UUID,
    work_process_id: UUID,
    body: ProgressIn,
) -> Agreement:
    """Record where the person is on one of the qualification's work processes."""
    found = await _active(conn, actor, employee, agreement_id)
    if all(w.work_process_id != work_process_id for w in found.work_processes):
        raise NotFound("The agreement's qualification has no work process with this id.")
    _check_day("assessed_on", body.assessed_on, found, "progress")
    await repository.record_progress(conn, found.id, work_process_id, body, actor.account_id)
    stored = await repository.agreement(conn, agreement_id, employee.id)
    assert stored is not None
    return stored


def _check_day(field: str, day: date, found: Agreement, subject: str) -> None:
    """A day within the agreement (from its start) and not in the future."""
    now = today()
    if day > now:
        raise invalid_fields(subject, {field: f"must not be in the future (today is {now})"})
    if day < found.starts_on:
        raise invalid_fields(
            subject, {field: f"must be on or after the agreement's start ({found.starts_on})"}
        )


async def record_result(
    conn: asyncpg.Connection,
    actor: Actor,
    employee: Employee,
    agreement_id: UUID,
    body: ResultIn,
) -> AgreementResult:
    """Complete the agreement with its result and certify the skills of the work processes
    shown (an mbo-certificaat certifies the same: the part of the qualification shown)."""
    found = await _active(conn, actor, employee, agreement_id)
    _check_day("result_on", body.result_on, found, "result")
    if not any(w.status == "shown" for w in found.work_processes):
        raise invalid_fields(
            "result", {"result": "record at least one work process as shown first"}
        )
    if await employees.get_for_update(conn, employee.id) is None:
        raise NotFound("No employee you may see has this id.")
    await repository.complete(conn, found.id, body.result, body.result_on)
    levels = await repository.shown_skills(conn, found.id)
    certified = await employees.certify_skill_levels(conn, employee.id, levels, body.result_on)
    await emit(
        conn,
        "employee.profile_updated",
        aggregate_type="employee",
        aggregate_id=str(employee.id),
        payload={
            "fields": ["skills"],
            "learning_agreement_id": str(found.id),
            "certified_skills": certified,
        },
    )
    stored = await repository.agreement(conn, agreement_id, employee.id)
    assert stored is not None
    return AgreementResult(**stored.model_dump(), certified_skills=certified)
