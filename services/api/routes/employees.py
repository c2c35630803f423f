"""Employees (people on a participation route), their consent and who read their data.

Reads are scoped in SQL: an id the actor may not see answers 404, whoever's it is. Employers
see only people who share their profile with them now, and only the shared profile.
"""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Path, Query, status

from services.api.access import CurrentActor, authorizes
from services.api.dependencies import Conn
from services.api.errors import ERROR_RESPONSES
from services.core.employees import repository, service
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
from services.core.errors import NotFound
from services.core.paging import Page

router = APIRouter(prefix="/employees", tags=["employees"], responses=ERROR_RESPONSES)


@authorizes
async def visible_employee(
    employee_id: Annotated[UUID, Path()], actor: CurrentActor, conn: Conn
) -> Employee:
    """An employee the actor may see; 404 for anyone else's (existence is not revealed)."""
    employee = await repository.get_visible(conn, employee_id, actor)
    if employee is None:
        raise NotFound("No employee you may see has this id.")
    return employee


@authorizes
async def visible_consent(
    consent_id: Annotated[UUID, Path()],
    employee: Annotated[Employee, Depends(visible_employee)],
    conn: Conn,
) -> Consent:
    """A consent of an employee the actor may see; 404 otherwise."""
    consent = await repository.consent(conn, consent_id, employee.id)
    if consent is None:
        raise NotFound("This person has no consent with this id.")
    return consent


VisibleEmployee = Annotated[Employee, Depends(visible_employee)]


@router.post("", status_code=status.HTTP_201_CREATED, summary="Create an employee record")
async def create_employee(body: EmployeeIn, actor: CurrentActor, conn: Conn) -> Employee:
    """A new person in your organisation (admins and jobcoaches of a WISE).

    A jobcoach who gives no jobcoach_id becomes the person's jobcoach.
    """
    return await service.create(conn, actor, body)


@router.get("", summary="Employees you may see")
async def list_employees(
    actor: CurrentActor,
    conn: Conn,
    filters: Annotated[EmployeeFilter, Query()],
) -> Page[Employee | SharedProfile]:
    """Admins see their organisation, jobcoaches their caseload, a person themself, and an
    employer the people who share their profile with it (the shared profile only)."""
    return await service.list_employees(conn, actor, filters)


@router.get("/{employee_id:uuid}", summary="One employee")
async def get_employee(
    employee: VisibleEmployee, actor: CurrentActor, conn: Conn
) -> Employee | SharedProfile:
    """The whole record; for an employer the shared profile without contact details."""
    return await service.read(conn, actor, employee)


@router.patch("/{employee_id:uuid}", summary="Change an employee record")
async def update_employee(
    body: EmployeePatch, employee: VisibleEmployee, actor: CurrentActor, conn: Conn
) -> Employee:
    """Only the fields given change; a list given replaces the old list."""
    return await service.update(conn, actor, employee.id, body)


@router.get("/{employee_id:uuid}/consents", summary="A person's consents")
async def list_consents(
    employee: VisibleEmployee, actor: CurrentActor, conn: Conn
) -> list[Consent]:
    """Current and withdrawn consents, with who gave or withdrew them and when."""
    return await service.consents(conn, actor, employee)


@router.post(
    "/{employee_id:uuid}/consents", status_code=status.HTTP_201_CREATED, summary="Give consent"
)
async def give_consent(
    body: ConsentIn, employee: VisibleEmployee, actor: CurrentActor, conn: Conn
) -> Consent:
    """Consent for matching, or to share the profile with one employer (the person, their
    jobcoach or an admin of their organisation records it)."""
    return await service.give_consent(conn, actor, employee, body)


@router.post("/{employee_id:uuid}/consents/{consent_id:uuid}/withdraw", summary="Withdraw consent")
async def withdraw_consent(
    consent: Annotated[Consent, Depends(visible_consent)],
    employee: VisibleEmployee,
    actor: CurrentActor,
    conn: Conn,
) -> Consent:
    """Withdraw a consent; from now on it no longer applies, and the history stays."""
    return await service.withdraw_consent(conn, actor, employee, consent)


@router.get("/{employee_id:uuid}/audit", summary="Who read this person's data")
async def audit_trail(
    employee: VisibleEmployee,
    actor: CurrentActor,
    conn: Conn,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[AuditEntry]:
    """Reads of the person's sensitive data, newest first (admins and the person's jobcoach)."""
    return await service.audit_trail(conn, actor, employee, limit)
