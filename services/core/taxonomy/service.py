"""Taxonomy use cases: search, list and look up concepts, with domain errors."""

from __future__ import annotations

import asyncpg

from services.core.errors import Invalid, NotFound
from services.core.settings import Settings
from services.core.taxonomy import repository, search
from services.core.taxonomy.models import (
    Lang,
    OccupationDetail,
    OccupationPage,
    SkillPage,
    TaxonomyStats,
)


def normalize_query(text: str | None) -> str | None:
    """The query as matched: trimmed, single spaces, lower case; None when blank."""
    if text is None:
        return None
    return " ".join(text.split()).lower() or None


async def stats(conn: asyncpg.Connection) -> TaxonomyStats:
    """Counts of what the loaded taxonomy holds."""
    return await repository.stats(conn)


async def search_occupations(
    conn: asyncpg.Connection,
    settings: Settings,
    *,
    q: str | None,
    lang: Lang,
    isco: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> OccupationPage:
    """Occupations matching `q` best first (labels and meaning), or all alphabetically."""
    query = normalize_query(q)
    if query is None:
        return await repository.search_occupations(
            conn, query=None, lang=lang, isco=isco, limit=limit, offset=offset
        )
    return await search.occupations(
        conn, settings, query=query, lang=lang, isco=isco, limit=limit, offset=offset
    )


async def search_skills(
    conn: asyncpg.Connection,
    settings: Settings,
    *,
    q: str | None,
    lang: Lang,
    collection: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> SkillPage:
    """Skills matching `q` best first (vocabulary, labels, meaning), or all alphabetically."""
    query = normalize_query(q)
    if query is None:
        return await repository.search_skills(
            conn, query=None, lang=lang, collection=collection, limit=limit, offset=offset
        )
    return await search.skills(
        conn, settings, query=query, lang=lang, collection=collection, limit=limit, offset=offset
    )


async def get_occupation(conn: asyncpg.Connection, occupation_id: str) -> OccupationDetail:
    """An occupation by URI, ESCO UUID or starter slug; NotFound when there is none."""
    occupation_id = occupation_id.strip()
    uris = await repository.resolve_occupation_uris(conn, occupation_id) if occupation_id else []
    if not uris:
        raise NotFound(f"No occupation has the URI or id {occupation_id!r}.")
    if len(uris) > 1 and uris[0] != occupation_id:
        raise Invalid(
            f"The id {occupation_id!r} fits more than one occupation; use the full URI.",
            fields={"id": "ambiguous"},
        )
    detail = await repository.get_occupation(conn, uris[0])
    if detail is None:  # deleted between the two statements
        raise NotFound(f"No occupation has the URI or id {occupation_id!r}.")
    return detail
