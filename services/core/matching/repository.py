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
    """Replace the stored matches of these vacancies or people with `rows`."""
    if vacancy_ids is not None:
        await conn.execute(queries.DELETE_FOR_VACANCIES, list(vacancy_ids))
    if employee_ids is not None:
        await conn.execute(queries.DELETE_FOR_EMPLOYEES, list(employee_ids))
    await conn.execute(queries.DROP_STAGE)
    await conn.execute(queries.CREATE_STAGE)
    await conn.copy_records_to_table(
        "stage_match", records=[(v, e, score, json.dumps(x), m) for v, e, score, x, m in rows]
    )
    await conn.execute(queries.INSERT_FROM_STAGE)
    await conn.execute(queries.DROP_STAGE)


async def for_vacancy(
    conn: asyncpg.Connection,
    actor: Actor,
    vacancy_id: UUID,
    page: tuple[int, int],
    explain: bool,
) -> tuple[list[asyncpg.Record], int, int]:
    """(the actor-visible matches of a vacancy, how many are visible, how many in all); page =
    (limit, offset); the stored explanations only with `explain`."""
    rows = await conn.fetch(
        queries.VISIBLE_MATCHES_FOR_VACANCY, *actor.as_params(), vacancy_id, *page, explain
    )
    counts = await conn.fetchrow(queries.COUNT_MATCHES_FOR_VACANCY, *actor.as_params(), vacancy_id)
    return list(rows), counts["visible"], counts["total"]


async def for_employee(
    conn: asyncpg.Connection,
    actor: Actor,
    employee_id: UUID,
    page: tuple[int, int],
    explain: bool,
    rung: int | None = None,
    contract_kind: str | None = None,
    scores: tuple[float | None, float | None] = (None, None),
    capacity_fits: bool = False,
) -> tuple[list[asyncpg.Record], int]:
    """(the actor-visible open vacancies matched to a person, their number); page = (limit,
    offset); scores = (at least, below), either None for no bound; `capacity_fits` leaves out
    those whose capacity constraint fails; the stored explanations only with `explain`."""
    where = (*actor.as_params(), employee_id, rung, contract_kind, *scores, capacity_fits)
    rows = await conn.fetch(queries.MATCHES_FOR_EMPLOYEE, *where, *page, explain)
    total = await conn.fetchval(queries.COUNT_MATCHES_FOR_EMPLOYEE, *where)
    return list(rows), int(total)


async def open_vacancy_ids(conn: asyncpg.Connection) -> list[UUID]:
    """The ids of every open vacancy."""
    return [r["id"] for r in await conn.fetch(queries.OPEN_VACANCY_IDS)]


# A full recompute in shards (matching/recompute.py).


async def create_recompute(
    conn: asyncpg.Connection,
    recompute_id: UUID,
    model_version: str,
    keep: int,
    at: Horizon,
    shard_people: int,
) -> int:
    """A new run with a shard per `shard_people` consenting people; how many shards."""
    await conn.execute(
        queries.INSERT_RECOMPUTE,
        recompute_id,
        model_version,
        keep,
        at.upto,
        list(at.running),
        at.source,
    )
    starts = await conn.fetch(queries.SHARD_STARTS, shard_people)
    total = starts[0]["people"] if starts else 0
    sizes = [min(shard_people, total - i * shard_people) for i in range(len(starts))]
    # No one to score: one empty shard, so the run still goes through its steps and ends.
    ids = [r["id"] for r in starts] or [None]
    await conn.execute(queries.INSERT_SHARDS, recompute_id, ids, sizes or [0])
    return len(ids)


async def recompute_run(
    conn: asyncpg.Connection, recompute_id: UUID | None = None, *, lock: bool = False
) -> asyncpg.Record | None:
    """A run (locked for the caller's transaction when `lock`), or the latest without an id."""
    if recompute_id is None:
        return await conn.fetchrow(queries.LATEST_RECOMPUTE)
    return await conn.fetchrow(queries.LOCK_RECOMPUTE if lock else queries.RECOMPUTE, recompute_id)


async def lock_shard(conn: asyncpg.Connection, recompute_id: UUID, shard: int) -> asyncpg.Record:
    """A shard, locked for the caller's transaction, with `end_id` where its range ends."""
    return await conn.fetchrow(queries.LOCK_SHARD, recompute_id, shard)


async def shard_counts(conn: asyncpg.Connection, recompute_id: UUID) -> asyncpg.Record:
    """(shards, scored) of a run."""
    return await conn.fetchrow(queries.SHARD_COUNTS, recompute_id)


async def drop_pairs(conn: asyncpg.Connection, recompute_id: UUID) -> None:
    """A run's pairs, and what runs that ended before left behind."""
    await conn.execute(queries.DROP_PAIRS, recompute_id)
    await conn.execute(queries.DROP_ENDED_PAIRS)


async def set_recompute_status(
    conn: asyncpg.Connection,
    recompute_id: UUID,
    status: str,
    *,
    reason: str | None = None,
    matches: int | None = None,
) -> None:
    await conn.execute(queries.SET_RECOMPUTE_STATUS, recompute_id, status, reason, matches)


async def add_pairs(
    conn: asyncpg.Connection,
    recompute_id: UUID,
    shard: int,
    pairs: Sequence[tuple[str, str, float]],
) -> None:
    """A scored shard's candidate pairs (vacancy id, employee id, score: the matcher's own
    order and id strings, which the uuid columns take as they are), and the shard marked with
    how many."""
    await conn.copy_records_to_table(
        "match_recompute_pair",
        records=[(recompute_id, v, e, s) for v, e, s in pairs],
        columns=("recompute_id", "vacancy_id", "employee_id", "score"),
    )
    await conn.execute(queries.MARK_SCORED, recompute_id, shard, len(pairs))


async def keep_best(conn: asyncpg.Connection, recompute_id: UUID, keep: int) -> bool:
    """Each vacancy's and each person's best `keep` pairs of the run, kept for `store_recompute`
    in the same transaction; False when pairs are missing (PostgreSQL restarted mid-run)."""
    if not await conn.fetchval(queries.PAIRS_COMPLETE, recompute_id):
        return False
    await conn.execute(queries.MERGE_MEMORY)
    await conn.execute(queries.CREATE_KEPT)
    await conn.execute(queries.KEEP_BEST, recompute_id, keep)
    await conn.execute(queries.ANALYZE_KEPT)
    return True


async def store_recompute(conn: asyncpg.Connection, recompute_id: UUID, changed: Changes) -> int:
    """The run's kept pairs (`keep_best`) become the stored matches, except for what changed
    since it started; its pairs are dropped. How many matches it keeps (one whose score stayed
    is not rewritten)."""
    people, vacancies = list(changed.people), list(changed.vacancies)
    await conn.execute(queries.LEAVE_CHANGED, people, vacancies)
    await conn.execute(queries.DELETE_UNKEPT_MATCHES, people, vacancies)
    await conn.execute(queries.UPSERT_KEPT, recompute_id)
    await drop_pairs(conn, recompute_id)
    return int(await conn.fetchval(queries.KEPT_COUNT))


async def unexplained(
    conn: asyncpg.Connection,
    vacancy_ids: Sequence[UUID],
    employee_ids: Sequence[UUID],
    min_score: float,
) -> list[tuple[UUID, UUID]]:
    """(vacancy, employee) of the matches of these vacancies or people at or over `min_score`
    that are stored without an explanation."""
    rows = await conn.fetch(queries.UNEXPLAINED, list(vacancy_ids), list(employee_ids), min_score)
    return [(r["vacancy_id"], r["employee_id"]) for r in rows]


async def store_explanations(
    conn: asyncpg.Connection,
    explained: Sequence[tuple[UUID, UUID, dict[str, Any]]],
    model_version: str,
) -> None:
    """Keep explanations (vacancy, employee, explanation) computed when read, where the match of
    this model still has none."""
    if explained:
        await conn.execute(
            queries.STORE_EXPLANATIONS,
            [v for v, _, _ in explained],
            [e for _, e, _ in explained],
            [json.dumps(x) for _, _, x in explained],
            model_version,
        )
