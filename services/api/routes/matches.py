"""Matches: candidates for a vacancy, vacancies for a person."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from services.api.access import CurrentActor
from services.api.dependencies import Conn
from services.api.errors import ERROR_RESPONSES
from services.api.routes.employees import VisibleEmployee
from services.api.routes.vacancies import Visible as VisibleVacancy
from services.core.matching import service
from services.core.matching.models import EmployeeMatches, VacancyMatches
from services.core.paging import PageQuery
from services.core.vacancies.models import ContractKind

router = APIRouter(tags=["matches"], responses=ERROR_RESPONSES)
Window = Annotated[PageQuery, Query()]
Explain = Annotated[
    bool,
    Query(
        description="With each match's explanation (what fits, what to learn, the constraints);"
        " without it, the scores only: a small, fast answer."
    ),
]


@router.get("/vacancies/{vacancy_id:uuid}/matches", summary="Candidates for a vacancy")
async def vacancy_matches(
    vacancy: VisibleVacancy,
    actor: CurrentActor,
    conn: Conn,
    window: Window,
    explain: Explain = False,
) -> VacancyMatches:
    """Ranked people, with their explanations when asked for. Coaches and admins see the people
    they may see; an employer sees only people who share their profile with it, and the others
    as a count."""
    return await service.for_vacancy(
        conn, actor, vacancy.id, window.limit, window.offset, explain=explain
    )


@router.get("/employees/{employee_id:uuid}/matches", summary="Vacancies for a person")
async def employee_matches(
    employee: VisibleEmployee,
    actor: CurrentActor,
    conn: Conn,
    window: Window,
    ladder_rung: Annotated[int | None, Query(ge=1, le=6, description="Only this rung.")] = None,
    contract_kind: Annotated[ContractKind | None, Query(description="Only this kind.")] = None,
    explain: Explain = False,
    capacity: Annotated[
        Literal["fits"] | None,
        Query(
            description="`fits`: only work that fits what the person can do; leaves out the"
            " vacancies whose capacity demands the person does not meet (a demand on an item"
            " without a level, or one an offered accommodation can make workable, stays)."
        ),
    ] = None,
) -> EmployeeMatches:
    """Open vacancies that fit, best first; with `explain`, each with what fits and what to
    learn."""
    return await service.for_employee(
        conn,
        actor,
        employee.id,
        window.limit,
        window.offset,
        rung=ladder_rung,
        contract_kind=contract_kind,
        explain=explain,
        capacity_fits=capacity == "fits",
    )
