"""Vacancies: post, change, list, move through draft -> open -> closed/filled, import a CSV."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Path, Query, status

from services.api.access import CurrentActor, authorizes
from services.api.dependencies import Conn, CsvFile, read_csv
from services.api.errors import ERROR_RESPONSES
from services.core.access.policy import can_manage_vacancies
from services.core.paging import Page
from services.core.vacancies import csv_import, service
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


@router.post("/import", summary="Import vacancies from a CSV file")
async def import_vacancies(
    actor: CurrentActor,
    conn: Conn,
    file: CsvFile,
) -> ImportResult:
    """Import vacancies of your organisation from a UTF-8 CSV (comma or semicolon separated).

    Columns, in any order, with a header row: **title**, **occupation_uri**, **contract_kind**,
    **hours_min**, **hours_max** (required), description, postcode, latitude, longitude,
    skills_essential, skills_optional (skill URIs separated by `|`, each optionally
    `uri:min_level` with level 1-4), accommodations (codes separated by `|`), language
    (ISO 639-1), language_cefr (A1-C2), places, closing_date (YYYY-MM-DD), status
    (`draft` or `open`; default draft). Every row is checked like `POST /vacancies`; valid
    rows are imported, each invalid row is left out whole and reported with its line and
    column. A missing required column, an unknown column or a file that is not CSV imports
    nothing (422).
    """
    can_manage_vacancies(actor)
    return await csv_import.import_csv(conn, actor, await read_csv(file))


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
