"""A WISE's public digital window: what it does, its goods and services, how it supports
people, and its open vacancies. No sign-in needed."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from services.api.dependencies import Conn
from services.api.pages.access import PublicWindow
from services.api.pages.render import render
from services.core.accounts import repository as accounts_repository
from services.core.vacancies import jobposting
from services.core.vacancies import repository as vacancies_repository

router = APIRouter()


@router.get("/window/{organisation_id}")
async def window(request: Request, organisation: PublicWindow, conn: Conn) -> Response:
    """The digital window of a work-integration social enterprise."""
    found = await accounts_repository.window_vacancies(conn, organisation.id)
    # One schema.org JobPosting (JSON-LD) per open vacancy, for search engines and job boards.
    postings = await vacancies_repository.open_jobposting_rows(conn, organisation.id)
    return render(
        request,
        "window.html",
        title=organisation.name,
        organisation=organisation,
        openings=found,
        jsonld=[jobposting.script_json(jobposting.jobposting(row)) for row in postings],
    )
