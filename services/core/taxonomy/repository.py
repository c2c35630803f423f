"""Reading the taxonomy: counts, label search over occupations and skills, one occupation,
and the lookups by URI that other domains and the suggestions use."""

from __future__ import annotations

import contextlib
import json
from contextlib import AbstractAsyncContextManager
from typing import Any

import asyncpg

from services.core.taxonomy import queries
from services.core.taxonomy.models import (
    MATCH_KINDS,
    ImportInfo,
    IscoGroupRef,
    LabelCounts,
    Labels,
    OccupationDetail,
    OccupationHit,
    OccupationPage,
    OccupationRef,
    OccupationSkill,
    RelationCounts,
    SkillHit,
    SkillPage,
    TaxonomyStats,
    Texts,
)

# A query shorter than this is searched with the SHORT (two letters) or LETTER statement.
SHORT_QUERY = 3


def like_escape(text: str) -> str:
    """`text` with LIKE's wildcards and escape character taken literally."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _json(value: Any) -> Any:
    # Pool connections decode jsonb already (services.core.db); a bare connection does not.
    return json.loads(value) if isinstance(value, str) else value


def _counts(value: Any) -> dict[str, int]:
    return {key: int(n) for key, n in _json(value).items()}


async def stats(conn: asyncpg.Connection) -> TaxonomyStats:
    """Counts of everything the loaded taxonomy holds, and its latest import."""
    row = await conn.fetchrow(queries.SELECT_STATS)
    last_import = None
    if row["import_source"] is not None:
        last_import = ImportInfo(
            row["import_source"], row["import_version"], row["import_finished_at"]
        )
    return TaxonomyStats(
        occupations=row["occupations"],
        skills=row["skills"],
        occupation_skills=RelationCounts(
            row["relations"], row["relations_essential"], row["relations_optional"]
        ),
        isco_groups=row["isco_groups"],
        skill_groups=row["skill_groups"],
        labels=LabelCounts(
            _counts(row["labels_by_language"]), _counts(row["labels_by_concept_kind"])
        ),
        collections=_counts(row["collections"]),
        last_import=last_import,
    )


def _transaction(conn: asyncpg.Connection) -> AbstractAsyncContextManager[Any]:
    # SET_QUERY_SETTINGS lasts until the transaction ends: the caller's, or one of our own.
    return contextlib.nullcontext() if conn.is_in_transaction() else conn.transaction()


def _pick(query: str, long: str, short: str, letter: str) -> str:
    if len(query) >= SHORT_QUERY:
        return long
    return short if len(query) > 1 else letter


def _hit_fields(row: asyncpg.Record, lang: str) -> dict[str, Any]:
    fields = dict(row)
    tier = fields.pop("tier")
    fields.pop("total")
    fields.pop("position", None)
    fields["match"] = MATCH_KINDS[tier] if tier is not None else None
    fields["fallback"] = fields["label_lang"] != lang
    return fields


async def search_occupations(
    conn: asyncpg.Connection,
    *,
    query: str | None,
    lang: str,
    isco: str | None,
    limit: int,
    offset: int,
) -> OccupationPage:
    """Occupations whose labels in `lang` match `query` (lower case), best first; all if None."""
    isco_prefix = like_escape(isco) if isco else None
    async with _transaction(conn):
        await conn.execute(queries.SET_QUERY_SETTINGS)
        if query:
            sql = _pick(
                query,
                queries.SEARCH_OCCUPATIONS,
                queries.SEARCH_OCCUPATIONS_SHORT,
                queries.SEARCH_OCCUPATIONS_LETTER,
            )
            rows = await conn.fetch(
                sql, query, like_escape(query), lang, isco_prefix, limit, offset
            )
        else:
            rows = await conn.fetch(queries.LIST_OCCUPATIONS, lang, isco_prefix, limit, offset)
    items = [OccupationHit(**_hit_fields(r, lang)) for r in rows if r["uri"] is not None]
    return OccupationPage(items, limit, offset, rows[0]["total"])


async def search_skills(
    conn: asyncpg.Connection,
    *,
    query: str | None,
    lang: str,
    collection: str | None,
    limit: int,
    offset: int,
) -> SkillPage:
    """Skills whose labels in `lang` match `query` (lower case), best first; all if None."""
    async with _transaction(conn):
        await conn.execute(queries.SET_QUERY_SETTINGS)
        if query:
            sql = _pick(
                query,
                queries.SEARCH_SKILLS,
                queries.SEARCH_SKILLS_SHORT,
                queries.SEARCH_SKILLS_LETTER,
            )
            rows = await conn.fetch(sql, query, like_escape(query), lang, collection, limit, offset)
        else:
            rows = await conn.fetch(queries.LIST_SKILLS, lang, collection, limit, offset)
    items = [SkillHit(**_hit_fields(r, lang)) for r in rows if r["uri"] is not None]
    return SkillPage(items, limit, offset, rows[0]["total"])


async def resolve_occupation_uris(conn: asyncpg.Connection, occupation_id: str) -> list[str]:
    """Up to two URIs for a full URI or its last segment; an exact match comes first."""
    return [r["uri"] for r in await conn.fetch(queries.RESOLVE_OCCUPATION_URI, occupation_id)]


async def get_occupation(conn: asyncpg.Connection, uri: str) -> OccupationDetail | None:
    """One occupation with its ISCO group, broader occupation and skills; None if unknown."""
    row = await conn.fetchrow(queries.SELECT_OCCUPATION, uri)
    if row is None:
        return None
    skills = [
        OccupationSkill(
            s["uri"], Labels(s["label_en"], s["label_nl"]), s["skill_type"], s["relation"]
        )
        for s in await conn.fetch(queries.SELECT_OCCUPATION_SKILLS, uri)
    ]
    isco_labels = (
        Labels(row["isco_label_en"], row["isco_label_nl"]) if row["isco_label_en"] else None
    )
    broader = None
    if row["broader_uri"] is not None:
        broader = OccupationRef(
            row["broader_uri"], Labels(row["broader_label_en"], row["broader_label_nl"])
        )
    return OccupationDetail(
        uri=row["uri"],
        code=row["code"],
        labels=Labels(row["label_en"], row["label_nl"]),
        alt_labels=_json(row["alt_labels"]),
        description=Texts(row["description_en"], row["description_nl"]),
        isco_group=IscoGroupRef(row["isco_code"], isco_labels),
        skill_level=row["skill_level"],
        broader=broader,
        skills=skills,
    )


async def unknown_skill_uris(conn: asyncpg.Connection, uris: list[str]) -> list[str]:
    """The URIs among `uris` that are no skill of the loaded taxonomy."""
    return [r["u"] for r in await conn.fetch(queries.UNKNOWN_SKILL_URIS, uris)]


async def unknown_occupation_uris(conn: asyncpg.Connection, uris: list[str]) -> list[str]:
    """The URIs among `uris` that are no occupation of the loaded taxonomy."""
    return [r["u"] for r in await conn.fetch(queries.UNKNOWN_OCCUPATION_URIS, uris)]


async def occupations_with_skills(
    conn: asyncpg.Connection, isco_codes: list[str], min_essential: int
) -> list[asyncpg.Record]:
    """Occupations in these ISCO unit groups with their essential and optional skill URIs."""
    return list(await conn.fetch(queries.OCCUPATIONS_WITH_SKILLS, isco_codes, min_essential))


async def occupation_labels(conn: asyncpg.Connection, uris: list[str]) -> dict[str, str]:
    """Dutch (else English) preferred labels of these occupations."""
    return {r["uri"]: r["label"] for r in await conn.fetch(queries.OCCUPATION_LABELS, uris)}


async def skills_by_uri(
    conn: asyncpg.Connection, uris: list[str], lang: str, collection: str | None
) -> dict[str, asyncpg.Record]:
    """Label, label language, type and reuse level of these skills (in `collection`)."""
    return {r["uri"]: r for r in await conn.fetch(queries.SKILLS_BY_URI, uris, lang, collection)}


async def occupations_by_uri(
    conn: asyncpg.Connection, uris: list[str], lang: str, isco: str | None
) -> dict[str, asyncpg.Record]:
    """Label, label language, ISCO code and skill level of these occupations."""
    prefix = like_escape(isco) if isco else None
    return {r["uri"]: r for r in await conn.fetch(queries.OCCUPATIONS_BY_URI, uris, lang, prefix)}


async def occupations_asking_for(
    conn: asyncpg.Connection, skills: list[str], optional_weight: float
) -> list[asyncpg.Record]:
    """(uri, skills, weights, size) of every occupation asking for any of `skills`."""
    return list(await conn.fetch(queries.OCCUPATIONS_ASKING_FOR, skills, optional_weight))


async def skills_asked_by(
    conn: asyncpg.Connection, skills: list[str], occupations: list[str]
) -> set[str]:
    """The `skills` that any of `occupations` asks for."""
    return {r["skill_uri"] for r in await conn.fetch(queries.SKILLS_ASKED_BY, skills, occupations)}


async def skills_of(conn: asyncpg.Connection, occupations: list[str]) -> set[str]:
    """Every skill (either relation) that any of `occupations` asks for."""
    return {r["skill_uri"] for r in await conn.fetch(queries.SKILLS_OF, occupations)}
