"""The audit log: every read of sensitive data about a person, in the reading transaction."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

import asyncpg

from services.core.access.policy import Actor
from services.core.logging import request_id

# Once per reader, person, purpose and hour (UTC): a repeated read adds only fields not yet
# recorded for that hour.
INSERT_READS = """
INSERT INTO audit_log
    (actor_id, actor_role, employee_id, action, fields, purpose, request_id, read_hour)
SELECT $1, $2, e, 'read', $4, $5, $6, date_trunc('hour', now() AT TIME ZONE 'UTC')
FROM (SELECT DISTINCT e FROM unnest($3::uuid[]) AS e) AS people
ON CONFLICT (actor_id, employee_id, purpose, read_hour)
    WHERE action = 'read' AND read_hour IS NOT NULL
DO UPDATE SET fields = ARRAY(
    SELECT DISTINCT f FROM unnest(audit_log.fields || excluded.fields) AS f ORDER BY f)
WHERE NOT audit_log.fields @> excluded.fields
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
    """An audit row per person whose `fields` the actor read, and why: one per reader, person,
    purpose and hour (the first read of the hour; the fields read in it)."""
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
