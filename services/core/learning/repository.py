"""Reading and writing qualifications, work processes, learning agreements and progress."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any
from uuid import UUID

import asyncpg

from services.core.learning import queries
from services.core.learning.models import (
    Agreement,
    AgreementIn,
    ProgressIn,
    Qualification,
    QualificationSummary,
    WorkProcess,
)
from services.core.taxonomy.repository import like_escape


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _agreement(row: asyncpg.Record) -> Agreement:
    return Agreement.model_validate(dict(row) | {"work_processes": _json(row["work_processes"])})


async def qualifications(
    conn: asyncpg.Connection, q: str | None, limit: int, offset: int
) -> tuple[list[QualificationSummary], int]:
    """One page of qualifications, and how many match in all."""
    words = like_escape(q) if q else None
    total: int = await conn.fetchval(queries.COUNT_QUALIFICATIONS, words)
    rows = await conn.fetch(queries.LIST_QUALIFICATIONS, words, limit, offset)
    return [QualificationSummary.model_validate(dict(r)) for r in rows], total


async def qualification(conn: asyncpg.Connection, crebo: str) -> Qualification | None:
    """A qualification with its work processes and their skills, or None."""
    row = await conn.fetchrow(queries.SELECT_QUALIFICATION, crebo)
    if row is None:
        return None
    processes = [
        WorkProcess.model_validate(dict(r) | {"skills": _json(r["skills"])})
        for r in await conn.fetch(queries.SELECT_WORK_PROCESSES, crebo)
    ]
    return Qualification.model_validate(dict(row) | {"work_processes": processes})


async def upsert(
    conn: asyncpg.Connection,
    qualifications: Sequence[tuple[str, str, str, int]],
    processes: Sequence[tuple[str, str, str, str]],
    skills: Sequence[tuple[str, str, str, int]],
) -> None:
    """Create or update qualifications (crebo, nl, en, level) and work processes (crebo, code,
    nl, en); the skills (crebo, code, uri, level) of those work processes become these."""
    if qualifications:
        await conn.execute(
            queries.UPSERT_QUALIFICATIONS, *map(list, zip(*qualifications, strict=True))
        )
    if not processes:
        return
    rows = await conn.fetch(queries.UPSERT_WORK_PROCESSES, *map(list, zip(*processes, strict=True)))
    ids = {(r["crebo"], r["code"]): r["id"] for r in rows}
    await conn.execute(queries.DELETE_WORK_PROCESS_SKILLS, list(ids.values()))
    if skills:
        await conn.execute(
            queries.INSERT_WORK_PROCESS_SKILLS,
            [ids[(crebo, code)] for crebo, code, _, _ in skills],
            [uri for _, _, uri, _ in skills],
            [level for _, _, _, level in skills],
        )


async def agreements(conn: asyncpg.Connection, employee_id: UUID) -> list[Agreement]:
    """The person's agreements, the active ones first, then the newest."""
    return [_agreement(r) for r in await conn.fetch(queries.SELECT_AGREEMENTS, employee_id)]


async def agreement(
    conn: asyncpg.Connection, agreement_id: UUID, employee_id: UUID, *, lock: bool = False
) -> Agreement | None:
    """One of the person's agreements (locked for the transaction when asked), or None."""
    if lock and await conn.fetchval(queries.LOCK_AGREEMENT, agreement_id, employee_id) is None:
        return None
    row = await conn.fetchrow(queries.SELECT_AGREEMENT, agreement_id, employee_id)
    return _agreement(row) if row else None


async def insert(
    conn: asyncpg.Connection, employee_id: UUID, body: AgreementIn, created_by: UUID
) -> UUID:
    """A new active agreement's id."""
    found: UUID = await conn.fetchval(
        queries.INSERT_AGREEMENT,
        employee_id,
        body.crebo,
        body.college,
        body.company,
        body.trainer_name,
        body.starts_on,
        body.ends_on,
        created_by,
    )
    return found


async def update(conn: asyncpg.Connection, agreement: Agreement) -> None:
    """Store the agreement's college, company, trainer, planned end and status."""
    await conn.execute(
        queries.UPDATE_AGREEMENT,
        agreement.id,
        agreement.college,
        agreement.company,
        agreement.trainer_name,
        agreement.ends_on,
        agreement.status,
    )


async def record_progress(
    conn: asyncpg.Connection,
    agreement_id: UUID,
    work_process_id: UUID,
    body: ProgressIn,
    recorded_by: UUID,
) -> None:
    """Where the person is on one work process (replaces what was recorded)."""
    await conn.execute(
        queries.UPSERT_PROGRESS,
        agreement_id,
        work_process_id,
        body.status,
        body.assessed_on,
        body.note,
        recorded_by,
    )
    await conn.execute(queries.TOUCH_AGREEMENT, agreement_id)


async def complete(conn: asyncpg.Connection, agreement_id: UUID, result: str, on: date) -> None:
    """The agreement ends with its result."""
    await conn.execute(queries.COMPLETE_AGREEMENT, agreement_id, result, on)


async def shown_skills(conn: asyncpg.Connection, agreement_id: UUID) -> dict[str, int]:
    """The skills (URI -> level) of the work processes shown in an agreement."""
    rows = await conn.fetch(queries.SHOWN_SKILLS, agreement_id)
    return {r["skill_uri"]: r["level"] for r in rows}


async def qualification_skills(conn: asyncpg.Connection, crebo: str) -> dict[str, int]:
    """Every skill (URI -> level) of a qualification's work processes."""
    rows = await conn.fetch(queries.QUALIFICATION_SKILLS, crebo)
    return {r["skill_uri"]: r["level"] for r in rows}


async def vacancy_titles(
    conn: asyncpg.Connection, vacancy_ids: Sequence[UUID]
) -> dict[UUID, tuple[str, str]]:
    """vacancy id -> (title, organisation)."""
    rows = await conn.fetch(queries.SELECT_VACANCY_TITLES, list(vacancy_ids))
    return {r["id"]: (r["title"], r["organisation"]) for r in rows}
