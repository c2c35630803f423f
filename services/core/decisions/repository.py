"""Writing and reading the suggestion log and placement decisions."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any
from uuid import UUID

import asyncpg

from services.core.access.policy import Actor
from services.core.decisions import queries


async def log_shown_matches(
    conn: asyncpg.Connection,
    actor: Actor,
    context: str,
    pairs: Sequence[tuple[UUID, UUID]],
    explanations: Mapping[tuple[UUID, UUID], dict[str, Any]] | None = None,
) -> None:
    """One suggestion_log row per shown (employee, vacancy) pair, copied from its match; the
    explanation shown is given for a match stored without one."""
    if pairs:
        given = explanations or {}
        await conn.execute(
            queries.LOG_SHOWN_MATCHES,
            actor.account_id,
            actor.role.value,
            context,
            [e for e, _ in pairs],
            [v for _, v in pairs],
            [json.dumps(given[p]) if p in given else None for p in pairs],
        )


async def log_shown_occupations(
    conn: asyncpg.Connection,
    actor: Actor,
    context: str,
    employee_id: UUID,
    shown: Sequence[tuple[str, float, str]],
) -> None:
    """One suggestion_log row per shown occupation: (uri, score, explanation as JSON text)."""
    if shown:
        await conn.execute(
            queries.LOG_SHOWN_OCCUPATIONS,
            actor.account_id,
            actor.role.value,
            context,
            employee_id,
            [u for u, _, _ in shown],
            [s for _, s, _ in shown],
            [x for _, _, x in shown],
        )


async def pair(
    conn: asyncpg.Connection, actor: Actor, employee_id: UUID, vacancy_id: UUID
) -> asyncpg.Record | None:
    """The person and vacancy of a decision, with what the actor may see of them."""
    return await conn.fetchrow(queries.PAIR, *actor.as_params(), employee_id, vacancy_id)


async def lock_pair(conn: asyncpg.Connection, employee_id: UUID, vacancy_id: UUID) -> None:
    """Serialise decisions on one pair until the transaction ends."""
    await conn.execute(queries.LOCK_PAIR, str(employee_id), str(vacancy_id))


async def pair_state(conn: asyncpg.Connection, employee_id: UUID, vacancy_id: UUID) -> str | None:
    """The newest placement decision on the pair (overrides aside), or None."""
    state: str | None = await conn.fetchval(queries.PAIR_STATE, employee_id, vacancy_id)
    return state


async def pair_states(
    conn: asyncpg.Connection, pairs: Sequence[tuple[UUID, UUID]]
) -> dict[tuple[UUID, UUID], str]:
    """The newest placement decision of each (employee, vacancy) pair that has one."""
    rows = await conn.fetch(queries.PAIR_STATES, [e for e, _ in pairs], [v for _, v in pairs])
    return {(r["employee_id"], r["vacancy_id"]): r["decision"] for r in rows}


async def pair_sharing(
    conn: asyncpg.Connection, pairs: Sequence[tuple[UUID, UUID]]
) -> dict[tuple[UUID, UUID], asyncpg.Record]:
    """Per (employee, vacancy): the vacancy's organisation (id, name) and whether the person
    shares their profile with it."""
    rows = await conn.fetch(queries.PAIR_SHARING, [e for e, _ in pairs], [v for _, v in pairs])
    return {(r["employee_id"], r["vacancy_id"]): r for r in rows}


async def suggestion_for(
    conn: asyncpg.Connection, employee_id: UUID, vacancy_id: UUID, suggestion_id: int | None
) -> asyncpg.Record | None:
    """The suggestion a decision answers (given, or the newest), else the stored match."""
    found = await conn.fetchrow(queries.SUGGESTION_FOR, employee_id, vacancy_id, suggestion_id)
    if found is None and suggestion_id is None:
        found = await conn.fetchrow(queries.MATCH_FOR, employee_id, vacancy_id)
    return found


async def insert_decision(conn: asyncpg.Connection, *values: Any) -> asyncpg.Record:
    """Store a decision (columns as in INSERT_DECISION) and return it."""
    row: asyncpg.Record = await conn.fetchrow(queries.INSERT_DECISION, *values)
    return row


async def log_for_employee(
    conn: asyncpg.Connection, employee_id: UUID, limit: int, offset: int
) -> list[asyncpg.Record]:
    """A person's suggestions and decisions, oldest first."""
    return list(await conn.fetch(queries.LOG_FOR_EMPLOYEE, employee_id, limit, offset))


async def log_for_vacancy(
    conn: asyncpg.Connection, actor: Actor, vacancy_id: UUID, limit: int, offset: int
) -> list[asyncpg.Record]:
    """A vacancy's suggestions and decisions about people the actor may see, oldest first."""
    return list(
        await conn.fetch(queries.LOG_FOR_VACANCY, *actor.as_params(), vacancy_id, limit, offset)
    )
