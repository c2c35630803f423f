"""Reading a person's own jobs."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

import asyncpg

from services.core.person_jobs import queries


async def matches(
    conn: asyncpg.Connection, employee_id: UUID, vacancy_ids: Sequence[UUID]
) -> list[asyncpg.Record]:
    """The person's stored matches with these vacancies (vacancy_id, score, explanation)."""
    return list(await conn.fetch(queries.MATCHES_OF_PERSON, employee_id, list(vacancy_ids)))


async def job(
    conn: asyncpg.Connection, employee_id: UUID, account_id: UUID, vacancy_id: UUID
) -> asyncpg.Record | None:
    """A vacancy matched to the person or told to them, with the match; None otherwise."""
    row: asyncpg.Record | None = await conn.fetchrow(
        queries.JOB, employee_id, account_id, vacancy_id
    )
    return row
