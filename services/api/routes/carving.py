"""Job carving: an occupation's tasks, how many people fit a carved job against the full one,
and posting the carved job as a (draft) vacancy."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from services.api.access import CurrentActor
from services.api.dependencies import AppSettings, Conn
from services.api.errors import ERROR_RESPONSES
from services.core.taxonomy.models import Lang
from services.core.vacancies import carving
from services.core.vacancies.carving_models import (
    CarvedVacancyIn,
    CarvingIn,
    CarvingPreview,
    CarvingTasks,
)
from services.core.vacancies.models import Vacancy

router = APIRouter(prefix="/carving", tags=["job carving"], responses=ERROR_RESPONSES)


@router.get("/tasks", summary="An occupation's tasks to carve a job from")
async def carving_tasks(
    actor: CurrentActor,
    conn: Conn,
    occupation_uri: Annotated[
        str,
        Query(
            min_length=1,
            max_length=500,
            pattern=r"^[^\x00]*$",
            description="The occupation's full URI (search GET /api/v1/taxonomy/occupations).",
        ),
    ],
    lang: Annotated[Lang, Query(description="Language of the labels (English as fallback).")] = (
        "nl"
    ),
) -> CarvingTasks:
    """The occupation's skills as tasks, essential first, each with how many people with
    consent to matching can do it: they hold the skill itself (counts only; a group of 1 to 4
    is not shown exactly). For admins and employers, who post vacancies. An unknown
    occupation, or one without skills, is a 422 naming `occupation_uri`."""
    return await carving.tasks(conn, actor, occupation_uri, lang)


@router.post("/preview", summary="Count the people who fit a carved job and the full job")
async def carving_preview(
    body: CarvingIn, actor: CurrentActor, conn: Conn, settings: AppSettings
) -> CarvingPreview:
    """How many people fit the job made of the kept tasks and how many the occupation's full
    job, with the same hours and accommodations, scored by the matcher over everyone with
    consent to matching. A person fits when they can do every essential task (they hold the
    skill itself, at or near the level asked), score at least the score a match is worth
    telling about (OPSTAP_NOTIFY_MIN_SCORE) and their hours do not rule the job out. Counts
    only, never who; a group of 1 to 4 is not shown exactly. A kept task that is not one of
    the occupation's is a 422 naming it."""
    return await carving.preview(conn, actor, body, min_score=settings.notify_min_score)


@router.post(
    "/vacancies",
    status_code=status.HTTP_201_CREATED,
    summary="Post a carved job as a draft vacancy",
)
async def create_carved_vacancy(body: CarvedVacancyIn, actor: CurrentActor, conn: Conn) -> Vacancy:
    """A new draft vacancy of your organisation with the occupation, the kept tasks as its
    essential skills and `carved` true; the tasks left out are listed in `left_out`. Publish
    it with POST /api/v1/vacancies/{id}/publish; it matches and explains like any vacancy."""
    return await carving.create(conn, actor, body)
