"""Reading the matcher's inputs and writing its results."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import asyncpg

from services.core.access.policy import Actor
from services.core.matching import queries

MatchRow = tuple[UUID, UUID, float, dict[str, Any], str]  # vacancy, employee, score, why, version


async def taxonomy(conn: asyncpg.Connection) -> dict[str, Any]:
    """Skills (with labels), occupations, occupation skills, relations, broader links."""
    return {
        "skills": await conn.fetch(queries.TAXONOMY_SKILLS),
        "occupations": [r["uri"] for r in await conn.fetch(queries.TAXONOMY_OCCUPATIONS)],
        "occupation_skills": await conn.fetch(queries.TAXONOMY_OCCUPATION_SKILLS),
        "relations": await conn.fetch(queries.TAXONOMY_SKILL_RELATIONS),
        "broader": await conn.fetch(queries.TAXONOMY_SKILL_BROADER),
        "fingerprint": await conn.fetchval(queries.TAXONOMY_FINGERPRINT) or "",
    }


async def taxonomy_fingerprint(conn: asyncpg.Connection) -> str:
    """The fingerprint of the taxonomy import in use ('' before any)."""
    return str(await conn.fetchval(queries.TAXONOMY_FINGERPRINT) or "")


@dataclass(frozen=True)
class Horizon:
    """How far a process has read the change log (queries.HORIZON)."""

    upto: int
    running: tuple[int, ...]
    source: str


@dataclass(frozen=True)
class Changes:
    """The ids changed since a horizon, and the horizon they were read at."""

    horizon: Horizon
    people: list[UUID]
    vacancies: list[UUID]


def _horizon(row: asyncpg.Record) -> Horizon:
    return Horizon(int(row["upto"]), tuple(row["running"]), str(row["source"]))


async def horizon(conn: asyncpg.Connection) -> Horizon:
    """Where the change log stands now."""
    return _horizon(await conn.fetchrow(queries.HORIZON))


async def changed_since(conn: asyncpg.Connection, since: Horizon) -> Changes:
    """The people and vacancies changed since the horizon `since`."""
    row = await conn.fetchrow(
        queries.CHANGED_SINCE, str(since.upto), [str(x) for x in since.running]
    )
    return Changes(_horizon(row), list(row["people"]), list(row["vacancies"]))


async def prune_changes(conn: asyncpg.Connection, hours: int) -> int:
    """Drop change-log rows older than `hours`; how many."""
    return int((await conn.execute(queries.PRUNE_CHANGES, hours)).split()[-1])


async def people(
    conn: asyncpg.Connection, ids: Sequence[UUID] | None = None
) -> list[asyncpg.Record]:
    """People as the matcher sees them (all, or these)."""
    return list(await conn.fetch(queries.PEOPLE, list(ids) if ids is not None else None))


async def vacancies(
    conn: asyncpg.Connection, ids: Sequence[UUID] | None = None
) -> list[asyncpg.Record]:
    """Open vacancies (all, or these whatever their status)."""
    return list(await conn.fetch(queries.VACANCIES, list(ids) if ids is not None else None))


async def replace(
    conn: asyncpg.Connection,
    rows: Sequence[MatchRow],
    *,
    vacancy_ids: Sequence[UUID] | None = None,
    employee_ids: Sequence[UUID] | None = None,
) -> None:
    """Replace the stored matches of these vacancies or people (or all) with `rows`."""
    if vacancy_ids is not None:
        await conn.execute(queries.DELETE_FOR_VACANCIES, list(vacancy_ids))
    if employee_ids is not None:
        await conn.execute(queries.DELETE_FOR_EMPLOYEES, list(employee_ids))
    if vacancy_ids is None and employee_ids is None:
        await conn.execute(queries.DELETE_ALL)
    await conn.execute(queries.DROP_STAGE)
    await conn.execute(queries.CREATE_STAGE)
    await conn.copy_records_to_table(
        "stage_match", records=[(v, e, score, json.dumps(x), m) for v, e, score, x, m in rows]
    )
    await conn.execute(queries.INSERT_FROM_STAGE)
    await conn.execute(queries.DROP_STAGE)


async def for_vacancy(
    conn: asyncpg.Connection, actor: Actor, vacancy_id: UUID, limit: int, offset: int
) -> tuple[list[asyncpg.Record], int, int]:
    """(the actor-visible matches of a vacancy, how many are visible, how many in all)."""
    rows = await conn.fetch(
        queries.VISIBLE_MATCHES_FOR_VACANCY, *actor.as_params(), vacancy_id, limit, offset
    )
    counts = await conn.fetchrow(queries.COUNT_MATCHES_FOR_VACANCY, *actor.as_params(), vacancy_id)
    return list(rows), counts["visible"], counts["total"]


async def for_employee(
    conn: asyncpg.Connection,
    actor: Actor,
    employee_id: UUID,
    page: tuple[int, int],
    rung: int | None = None,
    contract_kind: str | None = None,
) -> tuple[list[asyncpg.Record], int]:
    """(the actor-visible open vacancies matched to a person, their number); page = (limit,
    offset)."""
    where = (*actor.as_params(), employee_id, rung, contract_kind)
    rows = await conn.fetch(queries.MATCHES_FOR_EMPLOYEE, *where, *page)
    total = await conn.fetchval(queries.COUNT_MATCHES_FOR_EMPLOYEE, *where)
    return list(rows), int(total)
