"""Reading and writing wage values and the register flag."""

from __future__ import annotations

from uuid import UUID

import asyncpg

from services.core.wage_value import queries
from services.core.wage_value.models import WageValue, WageValueIn


async def for_employee(conn: asyncpg.Connection, employee_id: UUID) -> list[WageValue]:
    """A person's wage values, newest assessment first."""
    rows = await conn.fetch(queries.SELECT_FOR_EMPLOYEE, employee_id)
    return [WageValue.model_validate(dict(r)) for r in rows]


async def register(conn: asyncpg.Connection, employee_id: UUID) -> bool | None:
    """The person's register flag (None: not known)."""
    found: bool | None = await conn.fetchval(queries.SELECT_REGISTER, employee_id)
    return found


async def insert(conn: asyncpg.Connection, employee_id: UUID, body: WageValueIn, by: UUID) -> UUID:
    """Store a wage value; its id."""
    found: UUID = await conn.fetchval(
        queries.INSERT,
        employee_id,
        body.percentage,
        body.reference_job,
        body.assessed_on,
        body.method,
        by,
    )
    return found


async def set_register(conn: asyncpg.Connection, employee_id: UUID, value: bool | None) -> None:
    """Set the person's register flag."""
    await conn.execute(queries.SET_REGISTER, employee_id, value)


async def has_consent(conn: asyncpg.Connection, employee_id: UUID) -> bool:
    """Whether the person consents to matching now."""
    found: bool = await conn.fetchval(queries.HAS_CONSENT, employee_id)
    return found
