"""Vacancies: post, change, list, move through draft -> open -> closed/filled, import a CSV."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, status
from starlette.datastructures import UploadFile

from services.api.access import CurrentActor, authorizes
from services.api.dependencies import Conn
from services.api.errors import ERROR_RESPONSES
from services.core.access.policy import can_manage_vacancies
from services.core.csv_rows import MAX_BYTES, MAX_ROWS
from services.core.errors import Invalid
from services.core.paging import Page
from services.core.vacancies import csv_import, jobposting_import, service
from services.core.vacancies.jobposting_import import JOBPOSTING_BODY
from services.core.vacancies.models import (
    ImportResult,
    Vacancy,
    VacancyFilter,
    VacancyIn,
    VacancyPatch,
)

router = APIRouter(prefix="/vacancies", tags=["vacancies"], responses=ERROR_RESPONSES)

VacancyId = Annotated[UUID, Path(description="The vacancy's id.")]


@authorizes
async def visible_vacancy(vacancy_id: VacancyId, actor: CurrentActor, conn: Conn) -> Vacancy:
    """A vacancy the actor may see; 404 for any other."""
    return await service.get(conn, actor, vacancy_id)


@authorizes
async def own_vacancy(vacancy_id: VacancyId, actor: CurrentActor, conn: Conn) -> Vacancy:
    """A vacancy of the actor's organisation that they may change, locked for this request."""
    return await service.get_for_change(conn, actor, vacancy_id)


Visible = Annotated[Vacancy, Depends(visible_vacancy)]
Own = Annotated[Vacancy, Depends(own_vacancy)]


@router.post("", status_code=status.HTTP_201_CREATED, summary="Post a vacancy (as a draft)")
async def create_vacancy(body: VacancyIn, actor: CurrentActor, conn: Conn) -> Vacancy:
    """A new draft vacancy of your organisation; publish it to make it visible to WISEs."""
    return await service.create(conn, actor, body)


@router.get("", summary="List vacancies")
async def list_vacancies(
    actor: CurrentActor,
    conn: Conn,
    filters: Annotated[VacancyFilter, Query()],
) -> Page[Vacancy]:
    """Your organisation's vacancies in any status and, at a WISE, every open vacancy."""
    return await service.list_vacancies(conn, actor, filters)


_LIMITS = f"UTF-8 CSV, at most {MAX_BYTES // 2**20} MB and {MAX_ROWS:,} rows."
_IMPORT_BODY: dict[str, Any] = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["file"],
                "properties": {
                    "file": {
                        "type": "string",
                        "format": "binary",
                        "description": _LIMITS,
                    }
                },
            }
        },
        "application/json": {"schema": JOBPOSTING_BODY},
        "application/ld+json": {"schema": JOBPOSTING_BODY},
    },
}
_JSON_TYPES = ("application/json", "application/ld+json")


async def _import_body(request: Request) -> tuple[str, bytes]:
    """("json" or "csv", the bytes to import) from a JSON body, a CSV body or a form upload."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind in _JSON_TYPES or kind.endswith("+json"):
        return "json", await request.body()
    if kind == "text/csv":
        return "csv", await request.body()
    try:
        form = await request.form()
    except HTTPException:
        form = None
    file = form.get("file") if form is not None else None
    if not isinstance(file, UploadFile):
        raise Invalid(
            "Send a CSV file as the form field `file`, or JobPosting JSON",
            fields={"file": "a CSV file is required"},
        )
    return "csv", await file.read(MAX_BYTES + 1)


@router.post(
    "/import",
    summary="Import vacancies from a CSV file or schema.org JobPosting JSON",
    openapi_extra={"requestBody": _IMPORT_BODY},
)
async def import_vacancies(actor: CurrentActor, conn: Conn, request: Request) -> ImportResult:
    """Import vacancies of your organisation from a CSV file (multipart form field `file`, or
    a `text/csv` body) or from schema.org JobPosting JSON (`application/json` or
    `application/ld+json`).

    **CSV** (UTF-8, comma or semicolon separated). Columns, in any order, with a header row:
    **title**, **occupation_uri**, **contract_kind**, **hours_min**, **hours_max** (required),
    description, postcode, latitude, longitude, skills_essential, skills_optional (skill URIs
    separated by `|`, each optionally `uri:min_level` with level 1-4), accommodations (codes
    separated by `|`), language (ISO 639-1), language_cefr (A1-C2), places, closing_date
    (YYYY-MM-DD), status (`draft` or `open`; default draft). Every row is checked like
    `POST /vacancies`; valid rows are imported, each invalid row is left out whole and
    reported with its line and column. A missing required column, an unknown column or a file
    that is not CSV imports nothing (422).

    **JobPosting JSON**: one JobPosting, an array of them or an ItemList whose
    itemListElement holds them. Read: **title**; description (HTML becomes text);
    **employmentType** (FULL_TIME, PART_TIME, TEMPORARY, CONTRACTOR, PER_DIEM -> regular,
    INTERN -> work_experience, VOLUNTEER -> volunteer, or an Opstap contract kind);
    **workHours** or hours (hours a week: "16-24", "32 uur", a number or a
    QuantitativeValue); jobLocation.address.postalCode and jobLocation.geo; skills (ESCO skill
    URIs, as strings or DefinedTerms with @id or url: essential skills);
    **occupationalCategory** (an ESCO occupation URI, or a 4-digit ISCO-08 code: the
    occupation of that group whose label best fits the title); validThrough (closing date);
    totalJobOpenings (places). Each posting becomes a draft; an invalid one is left out and
    reported with its number in the list (the first is 1) as `line` and the property to fix
    as `field`. A body that is not JSON or holds no object or array imports nothing (422).
    """
    can_manage_vacancies(actor)
    kind, data = await _import_body(request)
    if kind == "json":
        return await jobposting_import.import_json(conn, actor, data)
    return await csv_import.import_csv(conn, actor, data)


@router.get("/{vacancy_id:uuid}", summary="One vacancy")
async def get_vacancy(vacancy: Visible) -> Vacancy:
    """A vacancy with its skills, accommodations and organisation."""
    return vacancy


@router.patch("/{vacancy_id:uuid}", summary="Change a vacancy")
async def update_vacancy(
    body: VacancyPatch, vacancy: Own, actor: CurrentActor, conn: Conn
) -> Vacancy:
    """Change the fields given; lists (skills, accommodations) are replaced as a whole."""
    return await service.update(conn, actor, vacancy, body)


@router.post("/{vacancy_id:uuid}/publish", summary="Publish a draft or closed vacancy")
async def publish_vacancy(vacancy: Own, actor: CurrentActor, conn: Conn) -> Vacancy:
    """Draft or closed -> open: WISEs and their people can see it and be matched to it."""
    return await service.transition(conn, actor, vacancy, "publish")


@router.post("/{vacancy_id:uuid}/close", summary="Close an open vacancy")
async def close_vacancy(vacancy: Own, actor: CurrentActor, conn: Conn) -> Vacancy:
    """Open -> closed: no longer shown to others; it can be reopened."""
    return await service.transition(conn, actor, vacancy, "close")


@router.post("/{vacancy_id:uuid}/fill", summary="Mark an open vacancy as filled")
async def fill_vacancy(vacancy: Own, actor: CurrentActor, conn: Conn) -> Vacancy:
    """Open -> filled: the places are taken."""
    return await service.transition(conn, actor, vacancy, "fill")


@router.post("/{vacancy_id:uuid}/reopen", summary="Reopen a closed or filled vacancy")
async def reopen_vacancy(vacancy: Own, actor: CurrentActor, conn: Conn) -> Vacancy:
    """Closed or filled -> open again."""
    return await service.transition(conn, actor, vacancy, "reopen")
