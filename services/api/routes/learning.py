"""Practice-based learning with a ROC: mbo qualifications and their work processes (admins
import them, everyone signed in reads them), and a person's learning agreements."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Query, status
from starlette.convertors import Convertor, register_url_convertor

from services.api.access import CurrentActor
from services.api.dependencies import Conn, CsvFile, read_csv
from services.api.errors import ERROR_RESPONSES
from services.api.routes.employees import VisibleEmployee
from services.core.learning import csv_import, service
from services.core.learning.models import (
    CREBO_PATTERN,
    Agreement,
    AgreementIn,
    AgreementPatch,
    AgreementResult,
    ProgressIn,
    Qualification,
    QualificationImportResult,
    QualificationSummary,
    ResultIn,
)
from services.core.paging import Page

router = APIRouter(tags=["learning"], responses=ERROR_RESPONSES)


class _Crebo(Convertor[str]):
    """A crebo code in a path: five digits, so /qualifications/import is no qualification."""

    regex = "[0-9]{5}"

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


register_url_convertor("crebo", _Crebo())

CreboPath = Annotated[
    str, Path(pattern=CREBO_PATTERN, description="The qualification's crebo code (5 digits).")
]
AgreementId = Annotated[UUID, Path(description="The learning agreement's id.")]
WorkProcessId = Annotated[UUID, Path(description="A work process of its qualification.")]


@router.get("/qualifications", summary="List mbo qualifications")
async def list_qualifications(
    actor: CurrentActor,
    conn: Conn,
    q: Annotated[
        str | None, Query(min_length=1, max_length=100, description="words in a title, or a crebo")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=100, description="Page size.")] = 20,
    offset: Annotated[int, Query(ge=0, le=1_000_000, description="Results to skip.")] = 0,
) -> Page[QualificationSummary]:
    """The qualifications people can learn in practice, by mbo level and Dutch title."""
    return await service.qualifications(conn, q, limit, offset)


@router.post("/qualifications/import", summary="Import mbo qualifications from a CSV file")
async def import_qualifications(
    actor: CurrentActor, conn: Conn, file: CsvFile
) -> QualificationImportResult:
    """Create or update qualifications and their work processes from a UTF-8 CSV (comma or
    semicolon separated; admins). One row per skill of a work process, with a header row:
    **crebo** (5 digits), **qualification_nl**, **qualification_en**, **mbo_level** (1-4),
    **work_process** (its code, e.g. `B1-K1-W1`), **work_process_nl**, **work_process_en**,
    **skill_uri** (a skill of the taxonomy in use), level (1-4, the level showing the work
    process certifies; default 2). Lines starting with `#` before the header are comments. The
    skills of each work process in the file become the file's; a work process the file does not
    name stays. Each invalid row (a bad value, an unknown skill URI, a title that differs from
    an earlier row of its qualification or work process) is left out and reported with its line
    and column; a missing required column or a file that is not CSV imports nothing (422)."""
    service.can_maintain_qualifications(actor)
    return await csv_import.import_csv(conn, actor, await read_csv(file))


@router.get("/qualifications/{crebo:crebo}", summary="One mbo qualification")
async def get_qualification(crebo: CreboPath, actor: CurrentActor, conn: Conn) -> Qualification:
    """A qualification with its work processes and the skills each covers (English and Dutch
    labels where the taxonomy has them)."""
    return await service.qualification(conn, crebo)


@router.get(
    "/employees/{employee_id:uuid}/learning-agreements", summary="A person's learning agreements"
)
async def list_agreements(
    employee: VisibleEmployee, actor: CurrentActor, conn: Conn
) -> list[Agreement]:
    """Active agreements first, each with the progress per work process. For the person, their
    jobcoach and admins of their WISE; never for employers. A coach's or admin's read is
    audited."""
    return await service.agreements(conn, actor, employee)


@router.post(
    "/employees/{employee_id:uuid}/learning-agreements",
    status_code=status.HTTP_201_CREATED,
    summary="Make a learning agreement",
)
async def create_agreement(
    body: AgreementIn, employee: VisibleEmployee, actor: CurrentActor, conn: Conn
) -> Agreement:
    """A learning agreement on a qualification (the person's jobcoach, or an admin of their
    WISE): the college (ROC), the recognised training company (erkend leerbedrijf), the practice
    trainer and the period. One active agreement per qualification (409)."""
    return await service.create(conn, actor, employee, body)


@router.get(
    "/employees/{employee_id:uuid}/learning-agreements/{agreement_id:uuid}",
    summary="One learning agreement",
)
async def get_agreement(
    agreement_id: AgreementId, employee: VisibleEmployee, actor: CurrentActor, conn: Conn
) -> Agreement:
    """One agreement with its progress (who may: as the list)."""
    return await service.agreement(conn, actor, employee, agreement_id)


@router.patch(
    "/employees/{employee_id:uuid}/learning-agreements/{agreement_id:uuid}",
    summary="Change or stop a learning agreement",
)
async def change_agreement(
    agreement_id: AgreementId,
    body: AgreementPatch,
    employee: VisibleEmployee,
    actor: CurrentActor,
    conn: Conn,
) -> Agreement:
    """Change the college, company, trainer or planned end of an active agreement, or stop it
    (`"status": "stopped"`: it ends without a result). An ended agreement no longer changes
    (409)."""
    return await service.change(conn, actor, employee, agreement_id, body)


@router.put(
    "/employees/{employee_id:uuid}/learning-agreements/{agreement_id:uuid}"
    "/progress/{work_process_id:uuid}",
    summary="Record progress on a work process",
)
async def record_progress(
    agreement_id: AgreementId,
    work_process_id: WorkProcessId,
    body: ProgressIn,
    employee: VisibleEmployee,
    actor: CurrentActor,
    conn: Conn,
) -> Agreement:
    """Started, or shown at work (assessed), with the day and a note; replaces what was
    recorded for the work process. The day is within the agreement and not in the future."""
    return await service.record_progress(conn, actor, employee, agreement_id, work_process_id, body)


@router.post(
    "/employees/{employee_id:uuid}/learning-agreements/{agreement_id:uuid}/result",
    summary="Record the result of a learning agreement",
)
async def record_result(
    agreement_id: AgreementId,
    body: ResultIn,
    employee: VisibleEmployee,
    actor: CurrentActor,
    conn: Conn,
) -> AgreementResult:
    """A praktijkverklaring (SBB) or an mbo-certificaat completes the agreement. Either one
    certifies the skills of the work processes shown, at each work process's level, as a
    completed training module does: a level already higher stays, a self-assessed or observed
    skill becomes certified, and the person is scored again. At least one work process must be
    shown (422)."""
    return await service.record_result(conn, actor, employee, agreement_id, body)
