"""The participation ladder over time: a person's rungs with their dates and who decided."""

from __future__ import annotations

from fastapi import APIRouter, status

from services.api.access import CurrentActor
from services.api.dependencies import Conn
from services.api.errors import ERROR_RESPONSES
from services.api.routes.employees import VisibleEmployee
from services.core.ladder import service
from services.core.ladder.models import LadderChange, LadderHistory, LadderMoveIn

router = APIRouter(prefix="/employees", tags=["ladder"], responses=ERROR_RESPONSES)


@router.get("/{employee_id:uuid}/ladder", summary="A person's rungs over time")
async def get_ladder(employee: VisibleEmployee, actor: CurrentActor, conn: Conn) -> LadderHistory:
    """Every rung the person was put on, oldest first, with the date it took effect, who
    decided and why; and how many months they are on the current rung. For the person, their
    jobcoach and admins of their WISE (not employers)."""
    return await service.history(conn, actor, employee)


@router.post(
    "/{employee_id:uuid}/ladder",
    status_code=status.HTTP_201_CREATED,
    summary="Record a move on the ladder",
)
async def record_move(
    body: LadderMoveIn, employee: VisibleEmployee, actor: CurrentActor, conn: Conn
) -> LadderChange:
    """A move to another rung from a given date, with an optional note (a jobcoach for their
    own caseload, or an admin of the person's WISE). The date is today or before, and not
    before the newest move recorded already: moves are recorded in order, so the move is
    always the newest and the person's record takes its rung. 422 names the field: a date in
    the future or before the newest move, or the rung the person is on already."""
    return await service.move(conn, actor, employee.id, body)
