"""Reading and writing training modules and completion records."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from uuid import UUID

import asyncpg

from services.core.employees import repository as employees
from services.core.taxonomy.repository import like_escape
from services.core.training import queries
from services.core.training.models import (
    ModuleFilter,
    ModuleIn,
    TrainingModule,
    TrainingRecord,
)

# Columns of training_module written from ModuleIn, in the order of the statements.
_SCALARS = (
    "code",
    "title_nl",
    "title_en",
    "provider_kind",
    "level",
    "hours",
    "description_nl",
    "description_en",
    "audience",
    "theme",
)


def module_of(row: asyncpg.Record) -> TrainingModule:
    """The API view of a row selected with queries._MODULE_COLUMNS."""
    return TrainingModule.model_validate(dict(row))


async def get(
    conn: asyncpg.Connection, module_id: UUID, *, for_update: bool = False
) -> TrainingModule | None:
    """One module (locked for the transaction when asked), or None."""
    query = queries.SELECT_MODULE_FOR_UPDATE if for_update else queries.SELECT_MODULE
    row = await conn.fetchrow(query, module_id)
    return module_of(row) if row else None


async def by_codes(conn: asyncpg.Connection, codes: Sequence[str]) -> dict[str, TrainingModule]:
    """The modules with these codes, locked for the transaction, by code."""
    rows = await conn.fetch(queries.SELECT_MODULES_BY_CODE, list(codes))
    return {row["code"]: module_of(row) for row in rows}


async def id_by_code(conn: asyncpg.Connection, code: str) -> UUID | None:
    """The id of the module with this code, or None."""
    found: UUID | None = await conn.fetchval(queries.SELECT_MODULE_ID_BY_CODE, code)
    return found


async def page(conn: asyncpg.Connection, f: ModuleFilter) -> tuple[list[TrainingModule], int]:
    """One page of modules, and how many match in all."""
    q = like_escape(f.q) if f.q else None
    params = (
        f.include_inactive,
        f.skill_uri,
        f.competence_id,
        f.provider_kind,
        q,
        f.audience,
        f.theme,
    )
    total: int = await conn.fetchval(queries.COUNT_MODULES, *params)
    rows = await conn.fetch(queries.LIST_MODULES[f.sort], *params, f.limit, f.offset)
    return [module_of(r) for r in rows], total


async def insert(conn: asyncpg.Connection, item: ModuleIn) -> UUID | None:
    """A new module with what it teaches; None when its code is taken."""
    module_id: UUID | None = await conn.fetchval(
        queries.INSERT_MODULE, *(getattr(item, name) for name in _SCALARS)
    )
    if module_id is not None:
        await replace_teaching(conn, [(module_id, item)])
    return module_id


async def update(conn: asyncpg.Connection, module_id: UUID, item: ModuleIn) -> None:
    """Store every column of the merged module and what it teaches."""
    await conn.execute(
        queries.UPDATE_MODULE, module_id, *(getattr(item, name) for name in _SCALARS)
    )
    await replace_teaching(conn, [(module_id, item)])


async def upsert_many(conn: asyncpg.Connection, items: Sequence[ModuleIn]) -> dict[str, UUID]:
    """Create or overwrite modules by code, five statements in all; their ids by code."""
    if not items:
        return {}
    columns = [[getattr(item, name) for item in items] for name in _SCALARS]
    rows = await conn.fetch(queries.UPSERT_MODULES, *columns)
    ids = {row["code"]: row["id"] for row in rows}
    await replace_teaching(conn, [(ids[item.code], item) for item in items])
    return ids


async def replace_teaching(
    conn: asyncpg.Connection, modules: Sequence[tuple[UUID, ModuleIn]]
) -> None:
    """The skills and competences of these modules become exactly the given ones."""
    ids = [module_id for module_id, _ in modules]
    await conn.execute(queries.DELETE_SKILLS, ids)
    await conn.execute(queries.DELETE_COMPETENCES, ids)
    skills = [(mid, uri) for mid, item in modules for uri in item.skills]
    if skills:
        await conn.execute(
            queries.INSERT_SKILLS, [mid for mid, _ in skills], [uri for _, uri in skills]
        )
    competences = [(mid, c) for mid, item in modules for c in item.competences]
    if competences:
        await conn.execute(
            queries.INSERT_COMPETENCES,
            [mid for mid, _ in competences],
            [c.competence_id for _, c in competences],
            [c.level for _, c in competences],
        )


async def set_active(conn: asyncpg.Connection, module_id: UUID, active: bool) -> bool:
    """Switch a module on or off; False when it was so already."""
    return await conn.fetchval(queries.SET_ACTIVE, module_id, active) is not None


async def lock_employee(conn: asyncpg.Connection, employee_id: UUID) -> bool:
    """Lock the person's row until the transaction ends; False when it is gone."""
    return await conn.fetchval(queries.LOCK_EMPLOYEE, employee_id) is not None


async def insert_record(
    conn: asyncpg.Connection,
    employee_id: UUID,
    module_id: UUID,
    completed_on: date,
    recorded_by: UUID,
) -> UUID | None:
    """A new record's id; None when the person has this module recorded already."""
    record_id: UUID | None = await conn.fetchval(
        queries.INSERT_RECORD, employee_id, module_id, completed_on, recorded_by
    )
    return record_id


async def certify_skills(
    conn: asyncpg.Connection, employee_id: UUID, module: TrainingModule, completed_on: date
) -> list[str]:
    """Certify the module's skills at its level on the person's profile; the URIs that
    changed."""
    taught = await conn.fetch(queries.SELECT_TAUGHT_SKILLS, module.id)
    levels = {row["skill_uri"]: module.level for row in taught}
    return await employees.certify_skill_levels(conn, employee_id, levels, completed_on)


async def record(conn: asyncpg.Connection, record_id: UUID) -> TrainingRecord | None:
    """One record with its module's titles, or None."""
    row = await conn.fetchrow(queries.SELECT_RECORD, record_id)
    return TrainingRecord.model_validate(dict(row)) if row else None


async def records(conn: asyncpg.Connection, employee_id: UUID) -> list[TrainingRecord]:
    """The person's records, most recently completed first."""
    rows = await conn.fetch(queries.SELECT_RECORDS, employee_id)
    return [TrainingRecord.model_validate(dict(r)) for r in rows]
