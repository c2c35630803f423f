"""The audit log: every read of sensitive data about a person, in the reading transaction."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

import asyncpg

from services.core.access.policy import Actor
from services.core.logging import request_id

INSERT_READS = """
INSERT INTO audit_log (actor_id, actor_role, employee_id, action, fields, purpose, request_id)
SELECT $1, $2, e, 'read', $4, $5, $6 FROM unnest($3::uuid[]) AS e
"""

SELECT_FOR_EMPLOYEE = """
SELECT at, actor_id, actor_role, action, fields, purpose, request_id
FROM audit_log WHERE employee_id = $1 ORDER BY at DESC, id DESC LIMIT $2
"""


async def record_reads(
    conn: asyncpg.Connection,
    actor: Actor,
    employee_ids: Sequence[UUID],
    fields: Sequence[str],
    purpose: str,
) -> None:
    """One audit row per person whose `fields` the actor read, and why."""
    if employee_ids:
        await conn.execute(
            INSERT_READS,
            actor.account_id,
            actor.role.value,
            list(employee_ids),
            list(fields),
            purpose,
            request_id.get(),
        )


async def for_employee(conn: asyncpg.Connection, employee_id: UUID, limit: int = 100) -> list[dict]:
    """The newest audit rows about one person."""
    return [dict(r) for r in await conn.fetch(SELECT_FOR_EMPLOYEE, employee_id, limit)]
