"""The jobcoach's logbook: dated notes on a person, for the person and those who guide them."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Path, Query, Response, status

from services.api.access import CurrentActor, authorizes
from services.api.dependencies import Conn
from services.api.errors import ERROR_RESPONSES
from services.api.routes.employees import VisibleEmployee
from services.core.logbook import service
from services.core.logbook.models import LogbookEntry, LogbookEntryIn

router = APIRouter(prefix="/employees", tags=["logbook"], responses=ERROR_RESPONSES)


@authorizes
async def visible_entry(
    entry_id: Annotated[UUID, Path()], employee: VisibleEmployee, actor: CurrentActor, conn: Conn
) -> LogbookEntry:
    """A note of a person the actor may see and read; 404 for any other id."""
    return await service.entry(conn, actor, employee, entry_id)


@router.get("/{employee_id:uuid}/logbook", summary="A person's logbook")
async def list_entries(
    employee: VisibleEmployee,
    actor: CurrentActor,
    conn: Conn,
    limit: Annotated[int, Query(ge=1, le=500, description="Most entries to return.")] = 200,
) -> list[LogbookEntry]:
    """The jobcoach's dated notes on the person, newest first. For the person, their jobcoach
    and admins of their WISE; never for employers. A coach's or admin's read is audited."""
    return await service.entries(conn, actor, employee, limit)


@router.post(
    "/{employee_id:uuid}/logbook",
    status_code=status.HTTP_201_CREATED,
    summary="Write in a person's logbook",
)
async def write_entry(
    body: LogbookEntryIn, employee: VisibleEmployee, actor: CurrentActor, conn: Conn
) -> LogbookEntry:
    """A dated note (a jobcoach for their own caseload, or an admin of the person's WISE):
    agreements, what you saw and what works. Do not write medical information or diagnoses.
    The date is today or before (422 with `fields.happened_on` otherwise)."""
    return await service.write(conn, actor, employee, body)


@router.delete(
    "/{employee_id:uuid}/logbook/{entry_id:uuid}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete a logbook entry",
)
async def delete_entry(
    entry: Annotated[LogbookEntry, Depends(visible_entry)],
    employee: VisibleEmployee,
    actor: CurrentActor,
    conn: Conn,
) -> Response:
    """Delete a note: its writer, or an admin of the person's WISE."""
    await service.delete(conn, actor, employee, entry)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
