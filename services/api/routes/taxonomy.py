"""Taxonomy endpoints: counts, occupation and skill search, one occupation."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, ConfigDict, Field

from services.api.access import CurrentActor
from services.api.dependencies import AppSettings, Conn
from services.api.errors import ERROR_RESPONSES
from services.core.paging import PageQuery
from services.core.taxonomy import service, suggest
from services.core.taxonomy.models import (
    Lang,
    OccupationDetail,
    OccupationPage,
    SkillPage,
    TaxonomyStats,
)

# Public reference data: no sign-in, so only invalid input is an error to document (the
# suggestions from free text are the exception: they cost a model's work, so they need a sign-in).
router = APIRouter(prefix="/taxonomy", tags=["taxonomy"], responses={422: ERROR_RESPONSES[422]})

SearchText = Annotated[
    str | None,
    Query(
        max_length=200,
        pattern=r"^[^\x00]*$",
        description="Words to look for in preferred and alternative labels (typos allowed); "
        "without it, everything is listed alphabetically.",
    ),
]
Language = Annotated[
    Lang, Query(description="Language of the labels searched and shown (English as fallback).")
]
Window = Annotated[PageQuery, Query()]


@router.get("/stats", summary="What the loaded taxonomy holds")
async def taxonomy_stats(conn: Conn) -> TaxonomyStats:
    """Counts of concepts, relations, labels and collections, and the latest import."""
    return await service.stats(conn)


@router.get("/occupations", summary="Search or list occupations")
async def search_occupations(
    conn: Conn,
    settings: AppSettings,
    window: Window,
    q: SearchText = None,
    lang: Language = "nl",
    isco: Annotated[
        str | None,
        Query(pattern=r"^[0-9]{1,4}$", description="ISCO-08 code prefix, e.g. 9112 or 91."),
    ] = None,
) -> OccupationPage:
    """Occupations whose labels match `q`, best first; one result per occupation."""
    return await service.search_occupations(
        conn, settings, q=q, lang=lang, isco=isco, limit=window.limit, offset=window.offset
    )


@router.get(
    "/occupations/{occupation_id:path}",
    summary="One occupation with its skills",
    responses={404: ERROR_RESPONSES[404]},
)
async def get_occupation(
    conn: Conn,
    occupation_id: Annotated[
        str,
        Path(
            description="The full URI (URL-encoded), the last segment of an ESCO URI, "
            "or a starter slug."
        ),
    ],
) -> OccupationDetail:
    """An occupation with labels, ISCO group, broader occupation and skills (essential first)."""
    return await service.get_occupation(conn, occupation_id)


@router.get("/skills", summary="Search or list skills")
async def search_skills(
    conn: Conn,
    settings: AppSettings,
    window: Window,
    q: SearchText = None,
    lang: Language = "nl",
    collection: Annotated[
        str | None,
        Query(
            pattern=r"^[a-z][a-z0-9_-]{0,39}$",
            description="Only skills in this collection: digital, transversal, language, green.",
        ),
    ] = None,
) -> SkillPage:
    """Skills whose labels match `q`, best first; one result per skill."""
    return await service.search_skills(
        conn,
        settings,
        q=q,
        lang=lang,
        collection=collection,
        limit=window.limit,
        offset=window.offset,
    )


class SuggestIn(BaseModel):
    """A free text to suggest skills from."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(
        max_length=suggest.MAX_TEXT,
        description="A vacancy text, a jobcoach's notes or a short CV (Dutch or English), "
        f"at most {suggest.MAX_TEXT} characters.",
    )
    lang: Lang = Field("nl", description="Language of the labels shown (English as fallback).")
    limit: int = Field(20, ge=1, le=50, description="How many skills to suggest at most.")


@router.post(
    "/skills/suggest",
    summary="Suggest skills from a free text",
    responses={401: ERROR_RESPONSES[401]},
)
async def suggest_skills(
    body: SuggestIn, actor: CurrentActor, conn: Conn, settings: AppSettings
) -> suggest.Suggestions:
    """Ranked ESCO skills the text asks for or describes, each with the phrase it came from and a
    confidence (0-1), and the likely occupations. Nothing is recorded: a person picks which to
    keep. A text without words, in another script, or too long is refused with 422."""
    return await suggest.suggest(conn, settings, text=body.text, lang=body.lang, limit=body.limit)
