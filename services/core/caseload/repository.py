"""Reading the caseload and its overview."""

from __future__ import annotations

import asyncpg

from services.core.access.policy import Actor
from services.core.caseload import queries
from services.core.caseload.models import BestMatch, CaseloadFilter, CaseloadRow, OpenStep


async def page(
    conn: asyncpg.Connection, actor: Actor, f: CaseloadFilter
) -> tuple[list[CaseloadRow], int]:
    """A page of the people the actor may see, in the filter's order, and how many in all."""
    where = (*actor.as_params(), f.ladder_rung, f.q)
    rows = await conn.fetch(queries.SELECT_CASELOAD[f.sort], *where, f.limit, f.offset)
    total: int = await conn.fetchval(queries.COUNT_CASELOAD, *where)
    return [CaseloadRow.model_validate(dict(r)) for r in rows], total


async def best_matches(
    conn: asyncpg.Connection, actor: Actor, min_score: float, limit: int
) -> tuple[list[BestMatch], int]:
    """Undecided matches at or above `min_score` across the caseload, best first; and how many."""
    params = (*actor.as_params(), min_score)
    rows = await conn.fetch(queries.SELECT_BEST_MATCHES, *params, limit)
    total: int = await conn.fetchval(queries.COUNT_BEST_MATCHES, *params)
    return [BestMatch.model_validate(dict(r)) for r in rows], total


async def open_steps(
    conn: asyncpg.Connection, actor: Actor, limit: int
) -> tuple[list[OpenStep], int]:
    """Introductions and trial placements awaiting an answer, oldest first; and how many."""
    rows = await conn.fetch(queries.SELECT_OPEN_STEPS, *actor.as_params(), limit)
    total: int = await conn.fetchval(queries.COUNT_OPEN_STEPS, *actor.as_params())
    return [OpenStep.model_validate(dict(r)) for r in rows], total
