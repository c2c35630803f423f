"""A jobcoach's, admin's or employer's own learning: their DigComp self-assessment and learning
plan; and a WISE's staff digital-skills picture for its admins and jobcoaches."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Path, Response, status

from services.api.access import CurrentActor, authorizes
from services.api.dependencies import Conn
from services.api.errors import ERROR_RESPONSES
from services.core.privacy import staff_export
from services.core.privacy.staff_export import StaffData
from services.core.staff_learning import service
from services.core.staff_learning.models import (
    LearningPlan,
    OwnDigComp,
    OwnDigCompIn,
    PlanItem,
    PlanItemIn,
    PlanItemPatch,
    StaffPicture,
)

router = APIRouter(tags=["staff learning"], responses=ERROR_RESPONSES)


@authorizes
async def own_plan_item(
    module_id: Annotated[UUID, Path(description="The module on your plan.")],
    actor: CurrentActor,
    conn: Conn,
) -> PlanItem:
    """An item of the caller's own plan; 403 for an employee, 404 when it is not on the plan."""
    return await service.plan_item(conn, actor, module_id)


@authorizes
async def own_wise(
    organisation_id: Annotated[UUID, Path()], actor: CurrentActor, conn: Conn
) -> UUID:
    """The caller's own WISE, for its admins and jobcoaches; 404 for another organisation."""
    return await service.check_picture_access(conn, actor, organisation_id)


OwnItem = Annotated[PlanItem, Depends(own_plan_item)]


@router.get("/me/digcomp", summary="Your own DigComp self-assessment")
async def get_own_digcomp(actor: CurrentActor, conn: Conn) -> OwnDigComp:
    """All 21 DigComp 2.2 competences with your own level (0-8; null when not assessed), for
    jobcoaches, admins and employers. An employee's digital skills are part of their profile,
    so an employee is refused (403)."""
    return await service.own_digcomp(conn, actor)


@router.put("/me/digcomp", summary="Store your own DigComp self-assessment")
async def put_own_digcomp(body: OwnDigCompIn, actor: CurrentActor, conn: Conn) -> OwnDigComp:
    """Your self-assessment as a whole: a level 0-8 per competence (0: not yet; 1-2
    foundation, 3-4 intermediate, 5-6 advanced, 7-8 highly specialised); competences left out
    are no longer assessed. `assessed_on` defaults to today."""
    return await service.assess(conn, actor, body)


@router.get("/me/learning-plan", summary="Your own learning plan")
async def get_learning_plan(actor: CurrentActor, conn: Conn) -> LearningPlan:
    """The modules on your plan (open first) and suggestions: active modules for your role
    (jobcoach: jobcoach modules; employer: manager modules; admin: both) that teach a DigComp
    competence above your own level, digital skills first."""
    return await service.learning_plan(conn, actor)


@router.post(
    "/me/learning-plan",
    status_code=status.HTTP_201_CREATED,
    summary="Add a module to your learning plan",
)
async def add_to_learning_plan(body: PlanItemIn, actor: CurrentActor, conn: Conn) -> PlanItem:
    """Add an active module whose audience fits your role (422 otherwise, naming module_id);
    409 when it is on your plan already."""
    return await service.add(conn, actor, body)


@router.patch(
    "/me/learning-plan/{module_id:uuid}", summary="Mark a module of your plan done or open"
)
async def mark_plan_item(
    body: PlanItemPatch, item: OwnItem, actor: CurrentActor, conn: Conn
) -> PlanItem:
    """`completed_on`: the day you finished it (not in the future nor before you added it), or
    null to open it again."""
    return await service.mark(conn, actor, item, body)


@router.delete(
    "/me/learning-plan/{module_id:uuid}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Take a module off your plan",
)
async def remove_plan_item(item: OwnItem, actor: CurrentActor, conn: Conn) -> Response:
    """The module leaves your plan; the catalogue keeps it."""
    await service.remove(conn, actor, item)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/organisations/{organisation_id:uuid}/staff-digcomp",
    summary="A WISE's staff digital skills",
)
async def staff_digcomp(
    organisation_id: Annotated[UUID, Depends(own_wise)], conn: Conn
) -> StaffPicture:
    """How many of the WISE's staff (active admins and jobcoaches) are at each DigComp band
    (0; 1-2 foundation; 3-4 intermediate; 5-8 advanced), per area and per competence, from
    their own self-assessments. Counts only: a band of 1-4 people is withheld ("fewer_than_5"),
    and so is a band from which it could be worked out ("protected"); a row assessed by fewer
    than 5 is withheld whole. For the WISE's admins and jobcoaches."""
    return await service.staff_picture(conn, organisation_id)


@router.get("/me/export", summary="Everything held about you as a staff member")
async def export_own_data(actor: CurrentActor, conn: Conn) -> StaffData:
    """A copy of your own data as a jobcoach, admin or employer (GDPR art. 15 and 20): your
    account, your DigComp self-assessment and your learning plan. What you recorded about
    others is their data and in their exports. 403 for an employee: your data is the export
    of your own profile, GET /api/v1/employees/{id}/export."""
    return await staff_export.export(conn, actor)
