"""The loonwaarde (wage value) and the doelgroepregister flag of a person."""

from __future__ import annotations

from fastapi import APIRouter, status

from services.api.access import CurrentActor
from services.api.dependencies import Conn
from services.api.errors import ERROR_RESPONSES
from services.api.routes.employees import VisibleEmployee
from services.core.wage_value import service
from services.core.wage_value.models import RegisterIn, WageValueIn, WageValues

router = APIRouter(prefix="/employees", tags=["wage value"], responses=ERROR_RESPONSES)


@router.get("/{employee_id:uuid}/wage-values", summary="A person's wage values and register flag")
async def list_wage_values(
    employee: VisibleEmployee, actor: CurrentActor, conn: Conn
) -> WageValues:
    """The doelgroepregister flag (null: not known) and the wage values, newest assessment
    first. For the person, their jobcoach and admins of their WISE, and an employer the person
    shares their profile with (without who recorded them). Audited."""
    return await service.read(conn, actor, employee)


@router.post(
    "/{employee_id:uuid}/wage-values",
    status_code=status.HTTP_201_CREATED,
    summary="Record a wage value",
)
async def record_wage_value(
    body: WageValueIn, employee: VisibleEmployee, actor: CurrentActor, conn: Conn
) -> WageValues:
    """Percentage (0-100), reference job, assessment date (not in the future) and method
    (default: Uniforme loonwaardemethode), by the person's jobcoach or an admin of their WISE.
    Needs the person's consent to matching (422 with `fields.consent` without it)."""
    return await service.record(conn, actor, employee, body)


@router.put("/{employee_id:uuid}/target-group-register", summary="Set the doelgroepregister flag")
async def set_target_group_register(
    body: RegisterIn, employee: VisibleEmployee, actor: CurrentActor, conn: Conn
) -> WageValues:
    """In the doelgroepregister: true, false, or null (not known). Yes or no needs the
    person's consent to matching (422 with `fields.consent`); null never does."""
    return await service.set_register(conn, actor, employee, body)
