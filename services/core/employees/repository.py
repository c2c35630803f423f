"""Reading and writing employees, their skills, languages, accommodations and consent."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any
from uuid import UUID

import asyncpg

from services.core.access.policy import Actor
from services.core.employees import queries
from services.core.employees.models import (
    Consent,
    Employee,
    EmployeeFilter,
    LanguageIn,
    SkillIn,
)

# Columns of INSERT_EMPLOYEE / UPDATE_EMPLOYEE after the first parameter, in order.
COLUMNS = (
    "account_id",
    "jobcoach_id",
    "name",
    "email",
    "phone",
    "postcode",
    "latitude",
    "longitude",
    "ladder_rung",
    "current_occupation_uri",
    "work_setting",
    "target_occupation_uri",
    "hours_min",
    "hours_max",
    "max_travel_km",
    "birth_year",
    "notes",
)


async def get(conn: asyncpg.Connection, employee_id: UUID) -> Employee | None:
    """One employee regardless of who asks (callers authorize first), or None."""
    row = await conn.fetchrow(queries.SELECT_EMPLOYEE, employee_id)
    return Employee.model_validate(dict(row)) if row else None


async def get_for_update(conn: asyncpg.Connection, employee_id: UUID) -> Employee | None:
    """One employee, locked until the transaction ends (callers authorize first), or None."""
    row = await conn.fetchrow(queries.SELECT_EMPLOYEE_FOR_UPDATE, employee_id)
    return Employee.model_validate(dict(row)) if row else None


async def get_visible(conn: asyncpg.Connection, employee_id: UUID, actor: Actor) -> Employee | None:
    """One employee the actor may see, or None (also for another tenant's)."""
    row = await conn.fetchrow(queries.SELECT_VISIBLE_EMPLOYEE, *actor.as_params(), employee_id)
    return Employee.model_validate(dict(row)) if row else None


async def list_visible(
    conn: asyncpg.Connection, actor: Actor, f: EmployeeFilter
) -> tuple[list[Employee], int]:
    """A page of the employees the actor may see, and how many match in all."""
    where = (*actor.as_params(), f.ladder_rung, f.jobcoach_id, f.q, f.has_accommodation)
    total: int = await conn.fetchval(queries.COUNT_EMPLOYEES, *where)
    rows = await conn.fetch(queries.SELECT_EMPLOYEES[f.sort], *where, f.limit, f.offset)
    return [Employee.model_validate(dict(r)) for r in rows], total


async def insert(conn: asyncpg.Connection, organisation_id: UUID, data: dict[str, Any]) -> UUID:
    """A new employee row (without skills, languages, accommodations); its id."""
    employee_id: UUID = await conn.fetchval(
        queries.INSERT_EMPLOYEE, organisation_id, *(data.get(c) for c in COLUMNS)
    )
    return employee_id


async def update(conn: asyncpg.Connection, employee_id: UUID, data: dict[str, Any]) -> None:
    """Store every column of the merged record and touch updated_at."""
    await conn.execute(queries.UPDATE_EMPLOYEE, employee_id, *(data.get(c) for c in COLUMNS))


async def replace_skills(
    conn: asyncpg.Connection, employee_id: UUID, skills: list[SkillIn]
) -> None:
    """The person's skills become exactly `skills`."""
    await conn.execute(queries.DELETE_SKILLS, employee_id)
    if skills:
        await conn.execute(
            queries.INSERT_SKILLS,
            employee_id,
            [s.skill_uri for s in skills],
            [s.level for s in skills],
            [s.source for s in skills],
            [s.assessed_on for s in skills],
        )


async def replace_languages(
    conn: asyncpg.Connection, employee_id: UUID, languages: list[LanguageIn]
) -> None:
    """The person's languages become exactly `languages`."""
    await conn.execute(queries.DELETE_LANGUAGES, employee_id)
    if languages:
        await conn.execute(
            queries.INSERT_LANGUAGES,
            employee_id,
            [x.language for x in languages],
            [x.cefr for x in languages],
        )


async def replace_accommodations(
    conn: asyncpg.Connection, employee_id: UUID, codes: list[str]
) -> None:
    """The accommodations the person needs become exactly `codes`."""
    await conn.execute(queries.DELETE_ACCOMMODATIONS, employee_id)
    if codes:
        await conn.execute(queries.INSERT_ACCOMMODATIONS, employee_id, codes)


async def account_link(
    conn: asyncpg.Connection, account_id: UUID, employee_id: UUID | None
) -> asyncpg.Record | None:
    """An account's organisation, role, active flag and any other employee linked to it."""
    return await conn.fetchrow(queries.SELECT_ACCOUNT_LINK, account_id, employee_id)


async def consents(conn: asyncpg.Connection, employee_id: UUID) -> list[Consent]:
    """Every consent of the person: active first, then withdrawn; newest first."""
    rows = await conn.fetch(queries.SELECT_CONSENTS, employee_id)
    return [Consent.model_validate(dict(r)) for r in rows]


async def consent(conn: asyncpg.Connection, consent_id: UUID, employee_id: UUID) -> Consent | None:
    """One consent of this person, or None."""
    row = await conn.fetchrow(queries.SELECT_CONSENT, consent_id, employee_id)
    return Consent.model_validate(dict(row)) if row else None


async def insert_consent(
    conn: asyncpg.Connection,
    employee_id: UUID,
    purpose: str,
    employer_id: UUID | None,
    vacancy_id: UUID | None,
    given_by: UUID,
) -> UUID | None:
    """A new consent's id; None when the same consent is active already."""
    consent_id: UUID | None = await conn.fetchval(
        queries.INSERT_CONSENT, employee_id, purpose, employer_id, vacancy_id, given_by
    )
    return consent_id


async def withdraw_consent(
    conn: asyncpg.Connection, consent_id: UUID, employee_id: UUID, withdrawn_by: UUID
) -> bool:
    """Withdraw an active consent; False when it was withdrawn already."""
    done = await conn.fetchval(queries.WITHDRAW_CONSENT, consent_id, employee_id, withdrawn_by)
    return done is not None


async def organisation_kind(conn: asyncpg.Connection, organisation_id: UUID) -> str | None:
    """The kind of an organisation, or None when there is none with this id."""
    kind: str | None = await conn.fetchval(queries.SELECT_ORGANISATION_KIND, organisation_id)
    return kind


async def vacancy_organisation(conn: asyncpg.Connection, vacancy_id: UUID) -> UUID | None:
    """The organisation that posted a vacancy, or None when there is no such vacancy."""
    org: UUID | None = await conn.fetchval(queries.SELECT_VACANCY_ORGANISATION, vacancy_id)
    return org


async def certify_skill_levels(
    conn: asyncpg.Connection, employee_id: UUID, levels: Mapping[str, int], certified_on: date
) -> list[str]:
    """Certify these skills (URI -> level) on the person's profile, as a completed course or
    a practice statement does; the URIs that changed (the taxonomy's skills only)."""
    uris = sorted(levels)
    rows = await conn.fetch(
        queries.CERTIFY_SKILL_LEVELS, employee_id, uris, [levels[u] for u in uris], certified_on
    )
    if rows:
        await conn.execute(queries.TOUCH_EMPLOYEE, employee_id)
    return sorted(r["skill_uri"] for r in rows)
