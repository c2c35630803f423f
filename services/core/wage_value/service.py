"""The wage value and the register flag: who records and reads them, under which consent.

- The person's jobcoach and the admins of their WISE record and read them; the person reads
  their own; an employer reads them only while the person shares their profile with it (the
  visibility the route checked first), without who recorded them.
- Recording needs the person's active consent to matching, the processing consent Opstap
  keeps special category data under (422 with `fields.consent` without it, as an introduction
  without consent to share is refused). Setting the flag back to "not known" needs none: it
  removes what was recorded.
- Every read is audited; so is the read-back after a write.
"""

from __future__ import annotations

from datetime import date

import asyncpg

from services.core import audit
from services.core.access.policy import Actor, Role, can_change_record
from services.core.clock import today as local_today
from services.core.employees.models import Employee
from services.core.errors import Invalid
from services.core.wage_value import repository
from services.core.wage_value.models import RegisterIn, WageValueIn, WageValues

READ_FIELDS = ("wage_value", "target_group_register")
NO_CONSENT = (
    "The wage value and the register flag are recorded only with the person's consent to "
    "matching: record it first (POST /employees/{id}/consents, purpose matching)."
)


def _can_record(actor: Actor, employee: Employee) -> None:
    can_change_record(
        actor, employee.jobcoach_id, "A jobcoach records this only for their own caseload."
    )


async def _require_consent(conn: asyncpg.Connection, employee: Employee) -> None:
    if not await repository.has_consent(conn, employee.id):
        raise Invalid(NO_CONSENT, fields={"consent": "no consent to matching"})


async def read(conn: asyncpg.Connection, actor: Actor, employee: Employee) -> WageValues:
    """A visible person's register flag and wage values, newest first, audited."""
    employer = actor.role is Role.EMPLOYER
    purpose = "employer_candidate_view" if employer else "view_wage_value"
    await audit.record_reads(conn, actor, [employee.id], READ_FIELDS, purpose)
    values = await repository.for_employee(conn, employee.id)
    if employer:  # the WISE's staff is not part of what a person shares
        values = [
            v.model_copy(update={"recorded_by": None, "recorded_by_name": None}) for v in values
        ]
    return WageValues(
        employee_id=employee.id,
        target_group_register=await repository.register(conn, employee.id),
        wage_values=values,
    )


async def record(
    conn: asyncpg.Connection,
    actor: Actor,
    employee: Employee,
    body: WageValueIn,
    today: date | None = None,
) -> WageValues:
    """Record a wage value (with consent); the person's values after it."""
    _can_record(actor, employee)
    if body.assessed_on > (today or local_today()):
        raise Invalid(
            "An assessment date cannot be in the future.",
            fields={"assessed_on": "in the future"},
        )
    await _require_consent(conn, employee)
    await repository.insert(conn, employee.id, body, actor.account_id)
    return await read(conn, actor, employee)


async def set_register(
    conn: asyncpg.Connection, actor: Actor, employee: Employee, body: RegisterIn
) -> WageValues:
    """Set the register flag (yes or no with consent; not known always)."""
    _can_record(actor, employee)
    if body.target_group_register is not None:
        await _require_consent(conn, employee)
    await repository.set_register(conn, employee.id, body.target_group_register)
    return await read(conn, actor, employee)
