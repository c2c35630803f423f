"""Reading and writing a staff member's own DigComp levels and learning plan, and counting a
WISE's staff per DigComp band."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from uuid import UUID

import asyncpg

from services.core.staff_learning import queries
from services.core.staff_learning.models import PlanItem, Suggestion


async def own_levels(conn: asyncpg.Connection, account_id: UUID) -> list[asyncpg.Record]:
    """The account's assessed competences: competence_id, level, assessed_on."""
    return list(await conn.fetch(queries.SELECT_OWN_LEVELS, account_id))


async def replace_own_levels(
    conn: asyncpg.Connection, account_id: UUID, levels: dict[str, int], day: date
) -> None:
    """The account's self-assessment becomes exactly these levels, assessed on `day`."""
    ids = sorted(levels)
    await conn.execute(queries.DELETE_OWN_LEVELS_EXCEPT, account_id, ids)
    if ids:
        await conn.execute(
            queries.UPSERT_OWN_LEVELS, account_id, ids, [levels[i] for i in ids], day
        )


async def plan(conn: asyncpg.Connection, account_id: UUID) -> list[PlanItem]:
    """The account's plan, open items first."""
    rows = await conn.fetch(queries.SELECT_PLAN, account_id)
    return [PlanItem.model_validate(dict(r)) for r in rows]


async def plan_item(conn: asyncpg.Connection, account_id: UUID, module_id: UUID) -> PlanItem | None:
    """One item of the account's plan, or None."""
    row = await conn.fetchrow(queries.SELECT_PLAN_ITEM, account_id, module_id)
    return PlanItem.model_validate(dict(row)) if row else None


async def add(conn: asyncpg.Connection, account_id: UUID, module_id: UUID, day: date) -> bool:
    """Put a module on the plan; False when it was there."""
    return await conn.fetchval(queries.INSERT_PLAN_ITEM, account_id, module_id, day) is not None


async def set_completed(
    conn: asyncpg.Connection, account_id: UUID, module_id: UUID, day: date | None
) -> bool:
    """Mark an item done on `day` (None: open again); False when it is not on the plan."""
    found = await conn.fetchval(queries.UPDATE_PLAN_ITEM, account_id, module_id, day)
    return found is not None


async def remove(conn: asyncpg.Connection, account_id: UUID, module_id: UUID) -> bool:
    """Take a module off the plan; False when it was not on it."""
    return await conn.fetchval(queries.DELETE_PLAN_ITEM, account_id, module_id) is not None


async def suggestions(
    conn: asyncpg.Connection, account_id: UUID, audiences: Sequence[str], limit: int
) -> list[Suggestion]:
    """Modules of the audiences that raise an own level, digital skills first."""
    rows = await conn.fetch(queries.SUGGESTIONS, account_id, list(audiences), limit)
    return [Suggestion.model_validate(dict(r)) for r in rows]


async def organisation_kind(conn: asyncpg.Connection, organisation_id: UUID) -> str | None:
    """'wise' or 'employer'; None when there is no such organisation."""
    kind: str | None = await conn.fetchval(queries.ORGANISATION_KIND, organisation_id)
    return kind


async def staff_counts(conn: asyncpg.Connection, organisation_id: UUID) -> tuple[int, int]:
    """(staff, of them with a self-assessment) of the organisation."""
    row = await conn.fetchrow(queries.COUNT_STAFF, organisation_id)
    return (row["staff"], row["assessed"]) if row else (0, 0)


async def band_counts(
    conn: asyncpg.Connection, organisation_id: UUID
) -> tuple[dict[str, dict[str, int]], dict[str, dict[str, int]]]:
    """(per area, per competence): staff per band, by id."""
    areas = await conn.fetch(queries.AREA_BANDS, organisation_id)
    competences = await conn.fetch(queries.COMPETENCE_BANDS, organisation_id)

    def by_id(rows: Sequence[asyncpg.Record]) -> dict[str, dict[str, int]]:
        return {r["id"]: {k: v for k, v in dict(r).items() if k != "id"} for r in rows}

    return by_id(areas), by_id(competences)
