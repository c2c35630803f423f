"""Reading and writing vacancies with their skills and accommodations."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any
from uuid import UUID

import asyncpg

from services.core.access.policy import Actor
from services.core.accommodations import repository as accommodations
from services.core.taxonomy.repository import like_escape
from services.core.vacancies import queries
from services.core.vacancies.models import (
    LADDER_RUNG,
    Vacancy,
    VacancyFilter,
    VacancyIn,
    VacancySkillIn,
)

NewVacancy = tuple[UUID, str, VacancyIn]  # (id, status, fields)

_SCALARS = (
    "title",
    "description",
    "occupation_uri",
    "contract_kind",
    "ladder_rung",
    "hours_min",
    "hours_max",
    "postcode",
    "latitude",
    "longitude",
    "language",
    "language_cefr",
    "places",
    "closing_date",
)


def _scalars(item: VacancyIn) -> tuple[Any, ...]:
    """The vacancy table's own columns of `item`, in the order of `_SCALARS`."""
    values = item.model_dump(exclude={"skills", "accommodations", "language"})
    values["ladder_rung"] = LADDER_RUNG[item.contract_kind]
    values["language"] = item.language.language if item.language else None
    values["language_cefr"] = item.language.cefr if item.language else None
    return tuple(values[name] for name in _SCALARS)


def vacancy_of(row: asyncpg.Record) -> Vacancy:
    """The API view of a row selected with queries._COLUMNS."""
    data = dict(row)
    data["organisation"] = {
        "id": data.pop("organisation_id"),
        "name": data.pop("organisation_name"),
    }
    language, cefr = data.pop("language"), data.pop("language_cefr")
    data["language"] = {"language": language, "cefr": cefr} if language else None
    return Vacancy.model_validate(data)


async def insert_many(
    conn: asyncpg.Connection, organisation_id: UUID, created_by: UUID, rows: Sequence[NewVacancy]
) -> None:
    """Insert vacancies with their skills and accommodations, three statements in all."""
    if not rows:
        return
    columns = list(zip(*(_scalars(item) for _, _, item in rows), strict=True))
    ids = [vacancy_id for vacancy_id, _, _ in rows]
    statuses = [status for _, status, _ in rows]
    await conn.execute(
        queries.INSERT_VACANCIES, ids, organisation_id, created_by, statuses, *columns
    )
    await insert_skills(conn, [(vid, s) for vid, _, item in rows for s in item.skills])
    await insert_accommodations(
        conn, [(vid, code) for vid, _, item in rows for code in item.accommodations]
    )


async def insert_skills(
    conn: asyncpg.Connection, skills: Sequence[tuple[UUID, VacancySkillIn]]
) -> None:
    """Add (vacancy id, skill) rows in one statement."""
    if skills:
        await conn.execute(
            queries.INSERT_SKILLS,
            [vid for vid, _ in skills],
            [s.skill_uri for _, s in skills],
            [s.relation for _, s in skills],
            [s.min_level for _, s in skills],
        )


async def insert_accommodations(
    conn: asyncpg.Connection, codes: Sequence[tuple[UUID, str]]
) -> None:
    """Add (vacancy id, accommodation code) rows in one statement."""
    if codes:
        await conn.execute(
            queries.INSERT_ACCOMMODATIONS, [vid for vid, _ in codes], [c for _, c in codes]
        )


async def update(
    conn: asyncpg.Connection, vacancy_id: UUID, item: VacancyIn, changed: set[str]
) -> None:
    """Store the new fields; skills and accommodations are replaced only when they changed."""
    await conn.execute(queries.UPDATE_VACANCY, vacancy_id, *_scalars(item))
    if "skills" in changed:
        await conn.execute(queries.DELETE_SKILLS, vacancy_id)
        await insert_skills(conn, [(vacancy_id, s) for s in item.skills])
    if "accommodations" in changed:
        await conn.execute(queries.DELETE_ACCOMMODATIONS, vacancy_id)
        await insert_accommodations(conn, [(vacancy_id, c) for c in item.accommodations])


async def set_status(
    conn: asyncpg.Connection, vacancy_id: UUID, to: str, allowed_from: Sequence[str]
) -> bool:
    """Move the status to `to` when it is one of `allowed_from`; False when it is not."""
    return await conn.fetchval(queries.SET_STATUS, vacancy_id, to, list(allowed_from)) is not None


async def close_expired(conn: asyncpg.Connection, day: date) -> list[UUID]:
    """Close the open vacancies whose closing day is before `day`; their ids."""
    return [row["id"] for row in await conn.fetch(queries.CLOSE_EXPIRED, day)]


async def get(
    conn: asyncpg.Connection, actor: Actor, vacancy_id: UUID, *, for_update: bool = False
) -> Vacancy | None:
    """One vacancy the actor may see (locked for the transaction when asked), else None."""
    query = queries.SELECT_VACANCY_FOR_UPDATE if for_update else queries.SELECT_VACANCY
    row = await conn.fetchrow(query, *actor.as_params(), vacancy_id)
    return vacancy_of(row) if row else None


async def page(
    conn: asyncpg.Connection, actor: Actor, f: VacancyFilter
) -> tuple[list[Vacancy], int]:
    """One page of the vacancies the actor may see, and how many match in all."""
    q = like_escape(f.q) if f.q else None
    params = (
        *actor.as_params(),
        f.status,
        f.contract_kind,
        f.ladder_rung,
        f.organisation_id,
        f.occupation_uri,
        q,
    )
    total: int = await conn.fetchval(queries.COUNT_VACANCIES, *params)
    rows = await conn.fetch(queries.LIST_VACANCIES[f.sort], *params, f.limit, f.offset)
    return [vacancy_of(r) for r in rows], total


async def unknown_accommodation_codes(conn: asyncpg.Connection, codes: list[str]) -> set[str]:
    """The codes among `codes` that are not in the accommodation vocabulary."""
    return await accommodations.unknown_codes(conn, codes)


async def jobposting_row(conn: asyncpg.Connection, vacancy_id: UUID) -> dict[str, Any] | None:
    """A vacancy in any status with what its JobPosting needs (see jobposting.py), or None."""
    row = await conn.fetchrow(queries.SELECT_JOBPOSTINGS, vacancy_id, None)
    return dict(row) if row else None


async def open_jobposting_rows(
    conn: asyncpg.Connection, organisation_id: UUID
) -> list[dict[str, Any]]:
    """An organisation's open vacancies (at most 1000, by title) with what a JobPosting needs."""
    rows = await conn.fetch(queries.SELECT_JOBPOSTINGS, None, organisation_id)
    return [dict(r) for r in rows]


async def occupation_tasks(conn: asyncpg.Connection, occupation_uri: str) -> list[asyncpg.Record]:
    """An occupation's skills with their labels and relation, essential first; one row with
    skill_uri NULL for an occupation without skills; none for an unknown occupation."""
    return list(await conn.fetch(queries.SELECT_OCCUPATION_TASKS, occupation_uri))


async def mark_carved(conn: asyncpg.Connection, vacancy_id: UUID) -> None:
    """Record that the vacancy was carved from its occupation's tasks."""
    await conn.execute(queries.MARK_CARVED, vacancy_id)
