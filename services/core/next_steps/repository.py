"""Reading what next steps are made of."""

from __future__ import annotations

from collections.abc import Collection
from uuid import UUID

import asyncpg

from services.core.next_steps import queries


async def employee(conn: asyncpg.Connection, employee_id: UUID) -> asyncpg.Record | None:
    """The person's rung and current and target occupations, with labels."""
    return await conn.fetchrow(queries.EMPLOYEE, employee_id)


async def fits_now(
    conn: asyncpg.Connection, employee_id: UUID, min_score: float, limit: int
) -> list[asyncpg.Record]:
    """Stored matches on open vacancies at most one rung up, at or over `min_score`."""
    return list(await conn.fetch(queries.FITS_NOW, employee_id, min_score, limit))


async def step_vacancies(
    conn: asyncpg.Connection,
    employee_id: UUID,
    occupations: Collection[str],
    min_score: float,
    limit: int,
) -> list[asyncpg.Record]:
    """Stored matches on open vacancies one rung up or in the given occupations."""
    return list(
        await conn.fetch(queries.STEP_VACANCIES, employee_id, list(occupations), min_score, limit)
    )


async def skill_labels(
    conn: asyncpg.Connection, uris: Collection[str]
) -> dict[str, tuple[str, str | None]]:
    """uri -> (English, Dutch) label."""
    rows = await conn.fetch(queries.SKILL_LABELS, list(uris))
    return {r["uri"]: (r["label_en"], r["label_nl"]) for r in rows}


async def occupation_labels(
    conn: asyncpg.Connection, uris: Collection[str]
) -> dict[str, tuple[str, str | None]]:
    """uri -> (English, Dutch) label."""
    rows = await conn.fetch(queries.OCCUPATION_LABELS, list(uris))
    return {r["uri"]: (r["label_en"], r["label_nl"]) for r in rows}


async def open_vacancies_by_occupation(
    conn: asyncpg.Connection, uris: Collection[str]
) -> dict[str, int]:
    """How many open vacancies each occupation has (absent: none)."""
    rows = await conn.fetch(queries.OPEN_VACANCIES_BY_OCCUPATION, list(uris))
    return {r["occupation_uri"]: r["n"] for r in rows}


async def skill_demand(conn: asyncpg.Connection, uris: Collection[str]) -> dict[str, int]:
    """How many open vacancies need each skill as an essential one (absent: none)."""
    rows = await conn.fetch(queries.SKILL_DEMAND, list(uris))
    return {r["skill_uri"]: r["n"] for r in rows}


async def occupation_essentials(conn: asyncpg.Connection, uri: str) -> list[str]:
    """An occupation's essential skills."""
    return [r["skill_uri"] for r in await conn.fetch(queries.OCCUPATION_ESSENTIALS, uri)]


async def modules_for(conn: asyncpg.Connection, uris: Collection[str]) -> list[asyncpg.Record]:
    """Active modules teaching any of these skills, with all the skills they teach."""
    return list(await conn.fetch(queries.MODULES_FOR_SKILLS, list(uris)))


async def vacancy_title(conn: asyncpg.Connection, vacancy_id: UUID) -> str:
    """A vacancy's title."""
    title: str = await conn.fetchval(queries.VACANCY_TITLE, vacancy_id)
    return title
