"""A person's next steps and training plans."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query

from services.api.access import CurrentActor
from services.api.dependencies import AppSettings, Conn
from services.api.errors import ERROR_RESPONSES
from services.api.routes.employees import VisibleEmployee
from services.core.access.policy import can_see_development
from services.core.matching.texts import reader_of
from services.core.next_steps import service as next_steps
from services.core.next_steps.models import NextSteps, TrainingPlan

router = APIRouter(tags=["next steps"], responses=ERROR_RESPONSES)


@router.get("/employees/{employee_id:uuid}/next-steps", summary="A person's next steps")
async def get_next_steps(
    employee: VisibleEmployee, actor: CurrentActor, conn: Conn, settings: AppSettings
) -> NextSteps:
    """Open vacancies that fit now; stepping stones one rung up or toward the target; a route
    of at most three steps to the target occupation; a training plan; each with why, in
    Dutch and English. For the person, their jobcoach and admins (not employers)."""
    can_see_development(actor, employee.id)
    return await next_steps.next_steps(conn, settings, employee.id, reader=reader_of(actor))


@router.get("/employees/{employee_id:uuid}/training-plan", summary="What to learn for a goal")
async def get_training_plan(
    employee: VisibleEmployee,
    actor: CurrentActor,
    conn: Conn,
    settings: AppSettings,
    vacancy_id: Annotated[UUID | None, Query(description="Goal: an open vacancy.")] = None,
    occupation_uri: Annotated[
        str | None, Query(max_length=300, description="Goal: an occupation.")
    ] = None,
    route: Annotated[
        bool, Query(description="Goal: the route to the person's target occupation.")
    ] = False,
) -> TrainingPlan:
    """Missing skills, most useful first; modules that teach them with hours; and what if:
    how many more open vacancies become viable after each module and after the whole plan.
    Give exactly one goal."""
    can_see_development(actor, employee.id)
    return await next_steps.training_plan(
        conn,
        settings,
        employee.id,
        vacancy_id=vacancy_id,
        occupation_uri=occupation_uri,
        route=route,
        reader=reader_of(actor),
    )
