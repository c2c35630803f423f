"""The decision log: human decisions on suggestions, and what was suggested to whom."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from services.api.access import CurrentActor
from services.api.dependencies import AppSettings, Conn
from services.api.errors import ERROR_RESPONSES
from services.api.routes.employees import VisibleEmployee
from services.api.routes.vacancies import Visible as VisibleVacancy
from services.core.bias import service as bias
from services.core.bias.models import BiasReport, Source
from services.core.decisions import service
from services.core.decisions.models import Decision, DecisionIn, DecisionLog

router = APIRouter(tags=["decisions"], responses=ERROR_RESPONSES)
Limit = Annotated[int, Query(ge=1, le=500, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=100_000, description="Entries to skip.")]


@router.post("/decisions", status_code=201, summary="Record a human decision")
async def record_decision(body: DecisionIn, actor: CurrentActor, conn: Conn) -> Decision:
    """Introduced, trial placement, hired, declined or overridden (the last two with a
    reason), by the person's jobcoach or an admin of their WISE. An introduction needs the
    person's consent to share their profile with the vacancy's employer (422 with
    `fields.consent` without it; a vacancy of their own WISE needs none). An employer
    records trial placements, hires and declines on its own vacancies for people who share
    their profile with it. Steps come in order (a hire after an introduction or a trial
    placement). The decision keeps the score and model version of the suggestion it answers.
    Recording a hire does not fill the vacancy: that stays the employer's own action."""
    return await service.decide(conn, actor, body)


@router.get("/employees/{employee_id:uuid}/decision-log", summary="A person's decision log")
async def employee_decision_log(
    employee: VisibleEmployee,
    actor: CurrentActor,
    conn: Conn,
    limit: Limit = 200,
    offset: Offset = 0,
) -> DecisionLog:
    """Every suggestion shown about the person (to whom, with score, model and explanation)
    and every decision on them, oldest first. For their jobcoach and admins."""
    return await service.log_for_employee(conn, actor, employee.id, limit, offset)


@router.get("/vacancies/{vacancy_id:uuid}/decision-log", summary="A vacancy's decision log")
async def vacancy_decision_log(
    vacancy: VisibleVacancy, actor: CurrentActor, conn: Conn, limit: Limit = 200, offset: Offset = 0
) -> DecisionLog:
    """Suggestions and decisions for the vacancy about the people the caller may see, oldest
    first. For jobcoaches and admins."""
    return await service.log_for_vacancy(conn, actor, vacancy.id, limit, offset)


@router.get("/bias-report", summary="How suggestions and outcomes spread over groups")
async def bias_report(
    actor: CurrentActor,
    conn: Conn,
    settings: AppSettings,
    source: Annotated[
        Source, Query(description="matches: stored matches over the threshold; shown: the log.")
    ] = "matches",
    min_group: Annotated[
        int, Query(ge=bias.MIN_GROUP, le=1000, description="Smaller groups are withheld.")
    ] = bias.MIN_GROUP,
) -> BiasReport:
    """Per group (with and without accommodation needs; age band where known): people,
    selection rates of suggestions and of outcomes, and each rate against the highest
    group's, with a warning under 0.8. Figures only, for an admin's own organisation."""
    return await bias.report_for(
        conn, actor, source=source, threshold=settings.notify_min_score, min_group=min_group
    )
