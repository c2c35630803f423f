"""A person's data: a copy of everything held about them, and its erasure (GDPR art. 15, 17, 20).

Both go through the same visibility as every employee route: an id the actor may not see
answers 404; one they see but may not export or erase answers 403.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from services.api.access import CurrentActor
from services.api.dependencies import Conn
from services.api.errors import ERROR_RESPONSES
from services.api.routes.employees import VisibleEmployee
from services.core.i18n import Lang
from services.core.privacy import erasure, export, json_resume
from services.core.privacy.json_resume import JsonResume
from services.core.privacy.models import PersonalData

router = APIRouter(prefix="/employees", tags=["privacy"], responses=ERROR_RESPONSES)


@router.get("/{employee_id:uuid}/export", summary="Everything held about a person")
async def export_personal_data(
    employee: VisibleEmployee, actor: CurrentActor, conn: Conn
) -> PersonalData:
    """A copy of all data about the person, as JSON (the person, or an admin of their WISE on
    their behalf). The export itself is recorded in the audit log."""
    return await export.export(conn, actor, employee)


@router.get(
    "/{employee_id:uuid}/export/jsonresume",
    summary="A person's data as a JSON Resume document",
    response_model_exclude_none=True,
)
async def export_json_resume(
    employee: VisibleEmployee,
    actor: CurrentActor,
    conn: Conn,
    lang: Annotated[Lang, Query(description="language of labels and level words")] = "nl",
) -> JsonResume:
    """The person's CV part of their data as a JSON Resume document
    (https://jsonresume.org/schema): basics, current occupation and placements as work, ESCO
    skills (the URI as keyword, the level in words), languages with their CEFR level, and
    completed training modules as certificates. The same access as the export (the person,
    or an admin of their WISE), and recorded in the audit log the same way."""
    return await json_resume.export_resume(conn, actor, employee, lang)


@router.delete(
    "/{employee_id:uuid}", status_code=status.HTTP_204_NO_CONTENT, summary="Erase a person's data"
)
async def erase_employee(employee: VisibleEmployee, actor: CurrentActor, conn: Conn) -> Response:
    """Remove the person, their login and everything derived from them (admins of their WISE,
    also on the person's own request). Only an anonymous count remains. Cannot be undone."""
    await erasure.erase(conn, actor, employee.id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
