"""Training: the catalogue of modules (admins maintain it, everyone signed in reads it) and the
modules a person completed, which certify their skills."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Path, Query, status

from services.api.access import CurrentActor, authorizes
from services.api.dependencies import Conn, CsvFile, read_csv
from services.api.errors import ERROR_RESPONSES
from services.api.routes.employees import VisibleEmployee
from services.core.paging import Page
from services.core.training import csv_import, service
from services.core.training.models import (
    ModuleFilter,
    ModuleImportResult,
    ModuleIn,
    ModulePatch,
    TrainingCompletion,
    TrainingModule,
    TrainingRecord,
    TrainingRecordIn,
)

router = APIRouter(tags=["training"], responses=ERROR_RESPONSES)

ModuleId = Annotated[UUID, Path(description="The training module's id.")]


@authorizes
async def visible_module(module_id: ModuleId, actor: CurrentActor, conn: Conn) -> TrainingModule:
    """A module of the catalogue, which every signed-in actor may read; 404 when there is none."""
    return await service.get(conn, module_id)


@authorizes
async def module_for_change(module_id: ModuleId, actor: CurrentActor, conn: Conn) -> TrainingModule:
    """A module an admin changes, locked for this request."""
    return await service.get_for_change(conn, actor, module_id)


Visible = Annotated[TrainingModule, Depends(visible_module)]
ForChange = Annotated[TrainingModule, Depends(module_for_change)]


@router.get("/training/modules", summary="List training modules")
async def list_modules(
    actor: CurrentActor,
    conn: Conn,
    filters: Annotated[ModuleFilter, Query()],
) -> Page[TrainingModule]:
    """The catalogue, active modules only unless asked; titles sort on the Dutch title. Each
    module has an audience (employee; jobcoach or manager for staff's own learning) and a theme
    (digital, communication, collaboration, creativity, vocational); an employee only ever sees
    modules for employees, whatever `audience` asks."""
    return await service.list_modules(conn, service.offered_to(actor, filters))


@router.post(
    "/training/modules", status_code=status.HTTP_201_CREATED, summary="Add a training module"
)
async def create_module(body: ModuleIn, actor: CurrentActor, conn: Conn) -> TrainingModule:
    """A new module (admins). It teaches taxonomy skills and/or DigComp competences
    (`1.1`-`5.4`, proficiency level 1-8); `level` (1-4) is the skill level it certifies."""
    return await service.create(conn, actor, body)


@router.post("/training/modules/import", summary="Import training modules from a CSV file")
async def import_modules(
    actor: CurrentActor,
    conn: Conn,
    file: CsvFile,
) -> ModuleImportResult:
    """Create or update modules by `code` from a UTF-8 CSV (comma or semicolon separated;
    admins).

    Columns, in any order, with a header row: **code**, **title_nl**, **title_en**,
    **provider_kind** (practice_certificate, digital_skills, on_the_job or course), **level**
    (1-4), **hours** (required), skills (skill URIs separated by `|`), competences (DigComp
    `id:level` separated by `|`, e.g. `1.1:2|4.2:3`), description_nl, description_en,
    audience (employee, jobcoach or manager; default employee), theme (digital,
    communication, collaboration, creativity or vocational; default vocational). A row
    replaces the module with its code, skills and competences included; a description,
    audience or theme column the file lacks keeps the stored value, and a deactivated module
    stays inactive. Every row is
    checked like `POST /training/modules`; valid rows are imported, each invalid row is left out
    whole and reported with its line and column. A missing required column, an unknown column
    or a file that is not CSV imports nothing (422).
    """
    service.can_maintain_catalogue(actor)
    return await csv_import.import_csv(conn, actor, await read_csv(file))


@router.get("/training/modules/{module_id:uuid}", summary="One training module")
async def get_module(module: Visible) -> TrainingModule:
    """A module with the skills and competences it teaches, also when it is inactive."""
    return module


@router.patch("/training/modules/{module_id:uuid}", summary="Change a training module")
async def update_module(body: ModulePatch, module: ForChange, conn: Conn) -> TrainingModule:
    """Change the fields given (admins); skills and competences are replaced as a whole.
    Records of people who completed the module keep the skills they certified."""
    return await service.update(conn, module, body)


@router.post("/training/modules/{module_id:uuid}/deactivate", summary="Stop offering a module")
async def deactivate_module(module: ForChange, conn: Conn) -> TrainingModule:
    """Active -> inactive (admins): no longer listed nor recordable; existing records stay."""
    return await service.set_active(conn, module, False)


@router.post("/training/modules/{module_id:uuid}/reactivate", summary="Offer a module again")
async def reactivate_module(module: ForChange, conn: Conn) -> TrainingModule:
    """Inactive -> active (admins)."""
    return await service.set_active(conn, module, True)


@router.get(
    "/employees/{employee_id:uuid}/training-records", summary="A person's completed training"
)
async def list_training_records(
    employee: VisibleEmployee, actor: CurrentActor, conn: Conn
) -> list[TrainingRecord]:
    """The modules the person completed, most recent first (the person, their jobcoach or an
    admin of their organisation)."""
    return await service.records(conn, actor, employee)


@router.post(
    "/employees/{employee_id:uuid}/training-records",
    status_code=status.HTTP_201_CREATED,
    summary="Record a completed training module",
)
async def record_training(
    body: TrainingRecordIn, employee: VisibleEmployee, actor: CurrentActor, conn: Conn
) -> TrainingCompletion:
    """Record that the person completed an active module (the person, their jobcoach or an
    admin of their organisation); a module for jobcoaches or managers is refused (422). The
    module's skills, and the skills its DigComp competences map to, become certified at the
    module's level: a level already higher stays, and a self-assessed or observed skill becomes
    certified. A module counts once per person (409).
    """
    return await service.record_completion(conn, actor, employee, body)
