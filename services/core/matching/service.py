"""Reading stored matches, scoped to what the caller may see, with audit of what was read."""

from __future__ import annotations

from uuid import UUID

import asyncpg

from services.core import audit
from services.core.access.policy import Actor, Role, require_role
from services.core.decisions import service as decisions
from services.core.matching import repository
from services.core.matching.models import (
    CandidateMatch,
    EmployeeMatches,
    MatchExplanation,
    VacancyMatch,
    VacancyMatches,
)

# An explanation shows skills and the accommodations to discuss: sensitive, so audited.
READ_FIELDS = ("skills", "accommodations")


async def for_vacancy(
    conn: asyncpg.Connection, actor: Actor, vacancy_id: UUID, limit: int, offset: int
) -> VacancyMatches:
    """Ranked candidates for a vacancy; employers see consenting people, the rest as a count."""
    require_role(actor, Role.ADMIN, Role.JOBCOACH, Role.EMPLOYER, action="see candidates")
    rows, visible, total = await repository.for_vacancy(conn, actor, vacancy_id, limit, offset)
    items = [
        CandidateMatch(
            employee_id=r["employee_id"],
            name=r["name"],
            score=r["score"],
            explanation=MatchExplanation.model_validate(r["explanation"]),
            computed_at=r["computed_at"],
        )
        for r in rows
    ]
    await audit.record_reads(
        conn, actor, [i.employee_id for i in items], READ_FIELDS, "vacancy_candidates"
    )
    await decisions.record_shown(
        conn, actor, "vacancy_matches", [(i.employee_id, vacancy_id) for i in items]
    )
    return VacancyMatches(
        vacancy_id=vacancy_id,
        items=items,
        visible=visible,
        others=total - visible,
        limit=limit,
        offset=offset,
    )


async def for_employee(
    conn: asyncpg.Connection,
    actor: Actor,
    employee_id: UUID,
    limit: int,
    offset: int,
    *,
    rung: int | None = None,
    contract_kind: str | None = None,
) -> EmployeeMatches:
    """Open vacancies that fit a person, best first, with the gaps to close."""
    require_role(actor, Role.ADMIN, Role.JOBCOACH, Role.EMPLOYEE, action="see a person's matches")
    rows, total = await repository.for_employee(
        conn, actor, employee_id, (limit, offset), rung, contract_kind
    )
    items = [
        VacancyMatch(
            **{
                k: r[k]
                for k in (
                    "vacancy_id",
                    "title",
                    "organisation_id",
                    "organisation_name",
                    "contract_kind",
                    "ladder_rung",
                    "score",
                    "computed_at",
                )
            },
            explanation=MatchExplanation.model_validate(r["explanation"]),
        )
        for r in rows
    ]
    if items:
        await audit.record_reads(
            conn,
            actor,
            [employee_id],
            READ_FIELDS,
            "own_matches" if actor.role is Role.EMPLOYEE else "person_matches",
        )
    await decisions.record_shown(
        conn, actor, "employee_matches", [(employee_id, i.vacancy_id) for i in items]
    )
    return EmployeeMatches(
        employee_id=employee_id, items=items, total=total, limit=limit, offset=offset
    )
