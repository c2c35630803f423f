"""Follow-up after a placement: the moments 1, 3, 6 and 12 months after the first trial
placement or hire, created with that decision (POST /decisions)."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Path

from services.api.access import CurrentActor, authorizes
from services.api.dependencies import Conn
from services.api.errors import ERROR_RESPONSES
from services.api.routes.employees import VisibleEmployee
from services.core.followup import service
from services.core.followup.models import Followup, FollowupIn, PlacementFollowups

router = APIRouter(prefix="/employees", tags=["followups"], responses=ERROR_RESPONSES)


@authorizes
async def visible_followup(
    followup_id: Annotated[UUID, Path()], employee: VisibleEmployee, conn: Conn
) -> Followup:
    """A follow-up moment of a person the actor may see; 404 otherwise."""
    return await service.one(conn, employee, followup_id)


VisibleFollowup = Annotated[Followup, Depends(visible_followup)]


@router.get("/{employee_id:uuid}/followups", summary="A person's placements and follow-ups")
async def list_followups(
    employee: VisibleEmployee, actor: CurrentActor, conn: Conn
) -> PlacementFollowups:
    """Each placement (trial placement or hire) with its moments after 1, 3, 6 and 12 months:
    due date, state (recorded, overdue, due, later) and the answers recorded. For the person's
    jobcoach, admins of their WISE and the person; not for employers. Audited."""
    return await service.placements(conn, actor, employee)


@router.put("/{employee_id:uuid}/followups/{followup_id:uuid}", summary="Record a follow-up moment")
async def record_followup(
    body: FollowupIn,
    employee: VisibleEmployee,
    followup: VisibleFollowup,
    actor: CurrentActor,
    conn: Conn,
) -> Followup:
    """Still working, hours, support needed, satisfaction (1-5) and a note, by the person's
    jobcoach or an admin of their WISE. A moment may be recorded from 14 days before it is
    due (422 with `fields.due_on` earlier); recording again corrects it. Someone no longer
    working has no hours (422 with `fields.hours`)."""
    return await service.record(conn, actor, employee, followup.id, body)
