"""A person's data: a copy of everything held about them, and its erasure (GDPR art. 15, 17, 20).

Both go through the same visibility as every employee route: an id the actor may not see
answers 404; one they see but may not export or erase answers 403.
"""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from services.api.access import CurrentActor
from services.api.dependencies import Conn
from services.api.errors import ERROR_RESPONSES
from services.api.routes.employees import VisibleEmployee
from services.core.privacy import erasure, export
from services.core.privacy.models import PersonalData

router = APIRouter(prefix="/employees", tags=["privacy"], responses=ERROR_RESPONSES)


@router.get("/{employee_id:uuid}/export", summary="Everything held about a person")
async def export_personal_data(
    employee: VisibleEmployee, actor: CurrentActor, conn: Conn
) -> PersonalData:
    """A copy of all data about the person, as JSON (the person, or an admin of their WISE on
    their behalf). The export itself is recorded in the audit log."""
    return await export.export(conn, actor, employee)


@router.delete(
    "/{employee_id:uuid}", status_code=status.HTTP_204_NO_CONTENT, summary="Erase a person's data"
)
async def erase_employee(employee: VisibleEmployee, actor: CurrentActor, conn: Conn) -> Response:
    """Remove the person, their login and everything derived from them (admins of their WISE,
    also on the person's own request). Only an anonymous count remains. Cannot be undone."""
    await erasure.erase(conn, actor, employee.id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
