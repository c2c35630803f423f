"""Open formats: a vacancy as schema.org JobPosting JSON-LD, and an organisation's feed of them.

The digital window is public, so an OPEN vacancy's JobPosting is public too (no sign-in); a
vacancy in any other status is found only by those who may see it (GET /vacancies/{id}).
"""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import JSONResponse

from services.api.access import (
    Redis,
    api_key_header,
    authorizes,
    bearer,
    current_actor,
)
from services.api.dependencies import AppSettings, Conn
from services.api.errors import ERROR_RESPONSES
from services.core.access.policy import Actor
from services.core.accounts import repository as accounts_repository
from services.core.errors import NotFound
from services.core.vacancies import jobposting, repository
from services.core.vacancies.jobposting import JobPosting, JobPostingList

router = APIRouter(responses=ERROR_RESPONSES)
LD_JSON = "application/ld+json"


async def optional_actor(
    request: Request,
    conn: Conn,
    settings: AppSettings,
    redis: Redis,
) -> Actor | None:
    """The signed-in actor when credentials are sent (401 when they are not valid), else None.

    The credentials are read here, not declared as the route's security: the operation is
    public, and its schema says so."""
    token, api_key = await bearer(request), await api_key_header(request)
    if not token and not api_key:
        return None
    return await current_actor(request, conn, settings, redis, token, api_key)


MaybeActor = Annotated[Actor | None, Depends(optional_actor)]


@authorizes
async def posted_vacancy(
    vacancy_id: Annotated[UUID, Path(description="The vacancy's id.")],
    actor: MaybeActor,
    conn: Conn,
) -> dict[str, Any]:
    """An open vacancy (for anyone) or one the actor may see; 404 for any other."""
    row = await repository.jobposting_row(conn, vacancy_id)
    hidden = row is not None and row["status"] != "open"
    if hidden and (actor is None or await repository.get(conn, actor, vacancy_id) is None):
        row = None
    if row is None:
        raise NotFound("No open vacancy, or vacancy you can see, has this id.")
    return row


@authorizes
async def hiring_organisation(
    organisation_id: Annotated[UUID, Path(description="The organisation's id.")], conn: Conn
) -> dict[str, Any]:
    """A WISE or an employer (their open vacancies are public); 404 for anything else."""
    row = await accounts_repository.get_organisation(conn, organisation_id)
    if row is None or row["kind"] not in ("wise", "employer"):
        raise NotFound("No WISE or employer has this id.")
    return dict(row)


def _ld(model: type, description: str) -> dict[int | str, dict[str, Any]]:
    """The 200 answer documented in both media types: JSON-LD is what is sent."""
    ref = {"$ref": f"#/components/schemas/{model.__name__}"}
    return {200: {"description": description, "content": {LD_JSON: {"schema": ref}}}}


@router.get(
    "/vacancies/{vacancy_id:uuid}/jobposting",
    summary="A vacancy as schema.org JobPosting JSON-LD",
    tags=["vacancies"],
    response_model=JobPosting,
    responses=_ld(JobPosting, "The JobPosting (application/ld+json)."),
)
async def get_jobposting(
    vacancy: Annotated[dict[str, Any], Depends(posted_vacancy)],
) -> JSONResponse:
    """The vacancy as a schema.org JobPosting (JSON-LD): title, description, datePosted,
    validThrough, hiringOrganization, jobLocation, employmentType, workHours, skills as ESCO
    DefinedTerms, occupationalCategory as its ISCO-08 code, totalJobOpenings and the
    accommodations in Dutch as jobBenefits. Public for an open vacancy; any other is found
    only by those who may see it."""
    body = jobposting.as_json(jobposting.jobposting(vacancy))
    return JSONResponse(body, media_type=LD_JSON)


@router.get(
    "/organisations/{organisation_id:uuid}/jobpostings",
    summary="An organisation's open vacancies as a JSON-LD feed",
    tags=["organisations"],
    response_model=JobPostingList,
    responses=_ld(JobPostingList, "The ItemList of JobPostings (application/ld+json)."),
)
async def list_jobpostings(
    organisation: Annotated[dict[str, Any], Depends(hiring_organisation)], conn: Conn
) -> JSONResponse:
    """A WISE's or employer's open vacancies (at most 1000, by title) as a schema.org ItemList
    of JobPostings. Public, like the digital window; 404 for an unknown organisation."""
    rows = await repository.open_jobposting_rows(conn, organisation["id"])
    body = jobposting.as_json(jobposting.item_list(organisation["name"], rows))
    return JSONResponse(body, media_type=LD_JSON)
