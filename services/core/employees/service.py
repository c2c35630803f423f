"""Employee records: who may write them, what is checked first, what each role sees, and the
audit rows and outbox events that go with it, all in the caller's transaction."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

import asyncpg

from services.core import audit
from services.core.access.policy import (
    Actor,
    Role,
    can_change_consent,
    can_change_record,
    can_manage_employees,
    require_role,
)
from services.core.accommodations.service import check_codes
from services.core.employees import repository
from services.core.employees.models import (
    AuditEntry,
    Consent,
    ConsentIn,
    Employee,
    EmployeeFilter,
    EmployeeIn,
    EmployeePatch,
    SharedProfile,
)
from services.core.errors import Conflict, Invalid, NotFound, invalid_fields
from services.core.events.repository import emit
from services.core.ladder import service as ladder
from services.core.paging import Page
from services.core.taxonomy.repository import unknown_occupation_uris, unknown_skill_uris

LIST_FIELDS = ("skills", "languages", "accommodations")
OCCUPATION_FIELDS = ("current_occupation_uri", "target_occupation_uri")
FULL_FIELDS = tuple(f for f in Employee.model_fields if f != "id")
SHARED_FIELDS = tuple(f for f in SharedProfile.model_fields if f != "id")
# A WISE can be the employer too: people move on to paid work at a WISE (rung 5).
EMPLOYER_KINDS = ("employer", "wise")


def view_of(actor: Actor, employee: Employee) -> Employee | SharedProfile:
    """The record as this actor may see it: employers get the shared profile only."""
    if actor.role is Role.EMPLOYER:
        return SharedProfile.model_validate(employee.model_dump())
    return employee


async def record_views(
    conn: asyncpg.Connection, actor: Actor, employees: Sequence[Employee], purpose: str
) -> None:
    """Audit that the actor read these people's profiles (they hold accommodations)."""
    fields = SHARED_FIELDS if actor.role is Role.EMPLOYER else FULL_FIELDS
    await audit.record_reads(conn, actor, [e.id for e in employees], fields, purpose)


async def read(
    conn: asyncpg.Connection, actor: Actor, employee: Employee
) -> Employee | SharedProfile:
    """One visible profile in the actor's view, audited."""
    employer = actor.role is Role.EMPLOYER
    await record_views(
        conn, actor, [employee], "employer_candidate_view" if employer else "view_profile"
    )
    return view_of(actor, employee)


def _list_purpose(actor: Actor) -> str:
    if actor.role is Role.EMPLOYER:
        return "employer_candidate_view"
    return "list_caseload" if actor.role in (Role.ADMIN, Role.JOBCOACH) else "view_profile"


async def list_employees(
    conn: asyncpg.Connection, actor: Actor, f: EmployeeFilter
) -> Page[Employee | SharedProfile]:
    """A page of the people the actor may see, in the actor's view, audited."""
    if actor.role is Role.EMPLOYER and f.jobcoach_id is not None:
        # The jobcoach is not part of what people share with an employer.
        raise Invalid(
            "Employers cannot filter on jobcoach.", fields={"jobcoach_id": "not for employers"}
        )
    found, total = await repository.list_visible(conn, actor, f)
    await record_views(conn, actor, found, _list_purpose(actor))
    items = [view_of(actor, e) for e in found]
    return Page[Employee | SharedProfile](items=items, total=total, limit=f.limit, offset=f.offset)


async def create(conn: asyncpg.Connection, actor: Actor, body: EmployeeIn) -> Employee:
    """A new employee of the actor's organisation; everything is checked before writing."""
    can_manage_employees(actor)
    data = body.model_dump()
    if data["jobcoach_id"] is None and actor.role is Role.JOBCOACH:
        data["jobcoach_id"] = actor.account_id
    await _check(conn, actor, data, set(data), None)
    employee_id = await repository.insert(conn, actor.organisation_id, data)
    await ladder.record_first(conn, actor, employee_id, data["ladder_rung"])
    await repository.replace_skills(conn, employee_id, body.skills)
    await repository.replace_languages(conn, employee_id, body.languages)
    await repository.replace_accommodations(conn, employee_id, body.accommodations)
    await emit(
        conn,
        "employee.created",
        aggregate_type="employee",
        aggregate_id=str(employee_id),
        payload={"organisation_id": str(actor.organisation_id)},
    )
    return await _answer(conn, actor, employee_id, "create_profile")


async def update(
    conn: asyncpg.Connection, actor: Actor, employee_id: UUID, body: EmployeePatch
) -> Employee:
    """Change the given fields of a visible employee; lists replace the old ones."""
    can_manage_employees(actor)
    current = await repository.get_for_update(conn, employee_id)
    if current is None:
        raise NotFound("No employee you may see has this id.")
    can_change_record(
        actor, current.jobcoach_id, "A jobcoach changes only the records of their own caseload."
    )
    given = body.model_dump(exclude_unset=True)
    changed = _changed_fields(current, body, given)
    if changed:
        merged = current.model_dump() | given
        await _check(conn, actor, merged, set(changed), employee_id)
        await repository.update(conn, employee_id, merged)
        if "ladder_rung" in changed:
            rung = merged["ladder_rung"]
            await ladder.record_change(conn, actor, employee_id, current.ladder_rung, rung)
        await _replace_lists(conn, employee_id, body, changed)
        await emit(
            conn,
            "employee.profile_updated",
            aggregate_type="employee",
            aggregate_id=str(employee_id),
            payload={"fields": changed},
        )
    return await _answer(conn, actor, employee_id, "update_profile")


def _changed_fields(current: Employee, body: EmployeePatch, given: dict[str, Any]) -> list[str]:
    before = current.model_dump()
    changed = {k for k, v in given.items() if k not in LIST_FIELDS and v != before[k]}
    if body.skills is not None:
        new = sorted((s.model_dump() for s in body.skills), key=lambda s: s["skill_uri"])
        if new != before["skills"]:
            changed.add("skills")
    if body.languages is not None:
        new = sorted((x.model_dump() for x in body.languages), key=lambda x: x["language"])
        if new != before["languages"]:
            changed.add("languages")
    if body.accommodations is not None and sorted(body.accommodations) != before["accommodations"]:
        changed.add("accommodations")
    return sorted(changed)


async def _replace_lists(
    conn: asyncpg.Connection, employee_id: UUID, body: EmployeePatch, changed: list[str]
) -> None:
    if "skills" in changed and body.skills is not None:
        await repository.replace_skills(conn, employee_id, body.skills)
    if "languages" in changed and body.languages is not None:
        await repository.replace_languages(conn, employee_id, body.languages)
    if "accommodations" in changed and body.accommodations is not None:
        await repository.replace_accommodations(conn, employee_id, body.accommodations)


async def _answer(
    conn: asyncpg.Connection, actor: Actor, employee_id: UUID, purpose: str
) -> Employee:
    employee = await repository.get(conn, employee_id)
    assert employee is not None
    await record_views(conn, actor, [employee], purpose)
    return employee


async def _check(
    conn: asyncpg.Connection,
    actor: Actor,
    merged: dict[str, Any],
    check: set[str],
    employee_id: UUID | None,
) -> None:
    """Invalid, naming every wrong field, before anything is written.

    `merged` is the record as it would be; `check` the fields whose references to verify
    (on update only the changed ones: a stored URI stays valid across taxonomy imports).
    """
    fields = _check_shape(merged) | await _reference_problems(conn, merged, check)
    for field, role in (("jobcoach_id", Role.JOBCOACH), ("account_id", Role.EMPLOYEE)):
        value = merged.get(field) if field in check else None
        if value and (problem := await _account_problem(conn, actor, value, role, employee_id)):
            fields[field] = problem
    if fields:
        raise invalid_fields("employee record", fields)


async def _reference_problems(
    conn: asyncpg.Connection, merged: dict[str, Any], check: set[str]
) -> dict[str, str]:
    fields: dict[str, str] = {}
    for field in OCCUPATION_FIELDS:
        uri = merged.get(field) if field in check else None
        if uri and await unknown_occupation_uris(conn, [uri]):
            fields[field] = "unknown occupation URI; see GET /api/v1/taxonomy/occupations"
    if "skills" in check and merged.get("skills"):
        unknown = await unknown_skill_uris(conn, [s["skill_uri"] for s in merged["skills"]])
        if unknown:
            fields["skills"] = f"unknown skill URI(s): {', '.join(sorted(unknown))}"
    if "accommodations" in check and merged.get("accommodations"):
        try:
            await check_codes(conn, merged["accommodations"], "accommodations")
        except Invalid as exc:
            fields |= exc.fields
    return fields


def _check_shape(merged: dict[str, Any]) -> dict[str, str]:
    fields: dict[str, str] = {}
    low, high = merged.get("hours_min"), merged.get("hours_max")
    if low is not None and high is not None and low > high:
        fields["hours_min"] = "must not be more than hours_max"
    if (merged.get("latitude") is None) != (merged.get("longitude") is None):
        missing = "latitude" if merged.get("latitude") is None else "longitude"
        fields[missing] = "give latitude and longitude together, or neither"
    return fields


async def _account_problem(
    conn: asyncpg.Connection, actor: Actor, account_id: UUID, role: Role, employee_id: UUID | None
) -> str | None:
    row = await repository.account_link(conn, account_id, employee_id)
    if row is None or row["organisation_id"] != actor.organisation_id or not row["active"]:
        return "no active account of your organisation has this id"
    if row["role"] != role.value:
        return f"this account is not a {role.value}"
    if role is Role.EMPLOYEE and row["other_employee_id"] is not None:
        return "this account belongs to another employee already"
    return None


async def audit_trail(
    conn: asyncpg.Connection, actor: Actor, employee: Employee, limit: int
) -> list[AuditEntry]:
    """Who read what about the person, newest first (admins and the person's jobcoach)."""
    require_role(actor, Role.ADMIN, Role.JOBCOACH, action="read who looked at a person's data")
    rows = await audit.for_employee(conn, employee.id, limit)
    return [AuditEntry.model_validate(r) for r in rows]


async def consents(conn: asyncpg.Connection, actor: Actor, employee: Employee) -> list[Consent]:
    """Every consent of the person, current and withdrawn, with who and when."""
    can_change_consent(actor, employee.id, employee.jobcoach_id)
    return await repository.consents(conn, employee.id)


async def give_consent(
    conn: asyncpg.Connection, actor: Actor, employee: Employee, body: ConsentIn
) -> Consent:
    """Record consent for one purpose; Conflict when the same consent is active already."""
    can_change_consent(actor, employee.id, employee.jobcoach_id)
    await _check_consent(conn, body)
    consent_id = await repository.insert_consent(
        conn, employee.id, body.purpose, body.employer_id, body.vacancy_id, actor.account_id
    )
    if consent_id is None:
        raise Conflict(
            "This consent is given already; withdraw it first to give it again.",
            fields={"purpose": "already given"},
        )
    consent = await repository.consent(conn, consent_id, employee.id)
    assert consent is not None
    await _consent_changed(conn, consent, "given")
    return consent


async def withdraw_consent(
    conn: asyncpg.Connection, actor: Actor, employee: Employee, consent: Consent
) -> Consent:
    """Withdraw a consent (as easily as it was given); Conflict when it was withdrawn already."""
    can_change_consent(actor, employee.id, employee.jobcoach_id)
    if not await repository.withdraw_consent(conn, consent.id, employee.id, actor.account_id):
        raise Conflict("This consent was withdrawn already.", fields={"consent_id": "withdrawn"})
    withdrawn = await repository.consent(conn, consent.id, employee.id)
    assert withdrawn is not None
    await _consent_changed(conn, withdrawn, "withdrawn")
    return withdrawn


async def _check_consent(conn: asyncpg.Connection, body: ConsentIn) -> None:
    fields: dict[str, str] = {}
    if body.purpose == "share_with_employer":
        if body.employer_id is None:
            fields["employer_id"] = "required to share a profile with an employer"
        elif await repository.organisation_kind(conn, body.employer_id) not in EMPLOYER_KINDS:
            fields["employer_id"] = "no employer or work-integration enterprise has this id"
        elif body.vacancy_id is not None and (
            await repository.vacancy_organisation(conn, body.vacancy_id) != body.employer_id
        ):
            fields["vacancy_id"] = "no vacancy of this employer has this id"
    else:
        for field in ("employer_id", "vacancy_id"):
            if getattr(body, field) is not None:
                fields[field] = "only for the purpose share_with_employer"
    if fields:
        raise invalid_fields("consent", fields)


async def _consent_changed(conn: asyncpg.Connection, consent: Consent, change: str) -> None:
    employer_id = str(consent.employer_id) if consent.employer_id else None
    await emit(
        conn,
        "consent.changed",
        aggregate_type="employee",
        aggregate_id=str(consent.employee_id),
        payload={
            "consent_id": str(consent.id),
            "purpose": consent.purpose,
            "employer_id": employer_id,
            "change": change,
        },
    )
