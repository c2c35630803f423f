"""Reading the taxonomy: counts, label search over occupations and skills, one occupation."""

from __future__ import annotations

import contextlib
import json
from contextlib import AbstractAsyncContextManager
from typing import Any

import asyncpg

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

# Per transaction, before each search or listing. Typo tolerance: a swap of two letters
# ("claener") keeps only about a third of a word's trigrams, so the default threshold of 0.5
# misses it. Custom plans always, as the best plan depends on the query text and the
# filters. No JIT: the planner overestimates these statements (the optional filters), and
# compiling takes longer than running them.
SET_QUERY_SETTINGS = """
SELECT set_config('pg_trgm.strict_word_similarity_threshold', '0.3', true),
       set_config('plan_cache_mode', 'force_custom_plan', true),
       set_config('jit', 'off', true)
"""

# Labels are counted once, from the (concept_kind, lang) index, then summed both ways.
SELECT_STATS = """
WITH label_count AS (
    SELECT concept_kind, lang, count(*) AS n FROM taxonomy_label GROUP BY concept_kind, lang
)
SELECT
    (SELECT count(*) FROM occupation) AS occupations,
    (SELECT count(*) FROM skill) AS skills,
    r.total AS relations, r.essential AS relations_essential, r.optional AS relations_optional,
    (SELECT count(*) FROM isco_group) AS isco_groups,
    (SELECT count(*) FROM skill_group) AS skill_groups,
    (SELECT coalesce(jsonb_object_agg(lang, n), '{}') FROM (
        SELECT lang, sum(n) AS n FROM label_count GROUP BY lang) AS x) AS labels_by_language,
    (SELECT coalesce(jsonb_object_agg(concept_kind, n), '{}') FROM (
        SELECT concept_kind, sum(n) AS n FROM label_count GROUP BY concept_kind) AS x
    ) AS labels_by_concept_kind,
    (SELECT coalesce(jsonb_object_agg(collection, n), '{}') FROM (
        SELECT collection, count(*) AS n FROM skill_collection GROUP BY collection) AS x
    ) AS collections,
    i.source AS import_source, i.version AS import_version, i.finished_at AS import_finished_at
FROM (
    SELECT count(*) AS total,
           count(*) FILTER (WHERE relation = 'essential') AS essential,
           count(*) FILTER (WHERE relation = 'optional') AS optional
    FROM occupation_skill
) AS r
LEFT JOIN LATERAL (
    SELECT source, version, finished_at FROM taxonomy_import ORDER BY id DESC LIMIT 1
) AS i ON true
"""

# One search statement per kind of concept and length of query, made from the template
# below. Parameters: $1 query (trimmed, lower case), $2 the same escaped for LIKE, $3
# language, $4 filter value or NULL, $5 limit, $6 offset.
# - A concept's labels in the language asked are searched; its English labels stand in
#   when it has no preferred label in that language (the second half of each UNION ALL).
# - `literal` holds labels containing the query (three letters or more), with a word
#   starting with it (two letters) or starting with it (one letter); `fuzzy` holds labels
#   with words like it (pg_trgm strict word similarity, for typos; only for one word of
#   three letters or more, as fewer letters match nearly everything). Both come from the
#   trigram index. Fuzzy matching only runs for what may be a typo: a word that starts no
#   word of any label found literally ("forklift" is a word of ESCO's labels, "forklfit" is
#   not). Rechecking the similarity of thousands of candidates is what makes a word slow
#   (130 ms for "forklift" on full ESCO: 6,600 labels share a third of its trigrams), and those
#   fuzzy hits would rank after the literal ones anyway. The English labels that stand in for
#   missing Dutch ones are searched literally only: a Dutch word is no typo of an English one.
# - Each concept keeps its best label (similarity is only worked out for that one, as it
#   costs more than the rest of the query); `tier` indexes MATCH_KINDS.
# One word only: a query of several words matches thousands of labels by any one of its words;
# the search by meaning (search.py) covers what is near, so the costly fuzzy pass (120 ms for
# "customer service" on full ESCO: 3,000 candidate labels) is kept for what it is for: a typo.
SHORT_QUERY = 3

_LABELS = """
    SELECT l.concept_uri, l.label, l.label_kind
    FROM taxonomy_label AS l
    WHERE l.concept_kind = '{kind}' AND l.lang = $3 AND {candidate}
    UNION ALL
    SELECT l.concept_uri, l.label, l.label_kind
    FROM taxonomy_label AS l
    JOIN {table} AS c ON c.uri = l.concept_uri AND c.label_nl IS NULL
    WHERE $3 = 'nl' AND EXISTS (SELECT FROM {table} WHERE label_nl IS NULL)
      AND l.concept_kind = '{kind}' AND l.lang = 'en' AND {stand_in}
"""
_SEARCH_TEMPLATE = """
WITH literal AS ({literal}),
fuzzy AS ({fuzzy}),
label_tier AS (
    SELECT h.*,
        CASE
            WHEN lower(h.label) = $1 THEN 0
            WHEN lower(h.label) LIKE ANY ({word_prefix}) THEN 1
            WHEN lower(h.label) LIKE '%' || $2 || '%' THEN 2
            ELSE 3
        END AS tier
    FROM (SELECT * FROM literal UNION ALL SELECT * FROM fuzzy) AS h
),
best AS (
    SELECT DISTINCT ON (concept_uri) concept_uri, label AS matched, label_kind, tier
    FROM label_tier
    ORDER BY concept_uri, tier,
        CASE WHEN tier = 3 THEN strict_word_similarity($1, lower(label)) END DESC NULLS LAST,
        label_kind = 'hidden', label_kind <> 'preferred', length(label), label
),
hit AS (
    SELECT c.uri, c.label_en, c.label_nl, {columns}, b.matched, b.label_kind, b.tier,
        strict_word_similarity($1, lower(b.matched)) AS score,
        similarity($1, lower(b.matched)) AS closeness
    FROM best AS b
    JOIN {table} AS c ON c.uri = b.concept_uri
    WHERE {filter}
),
page AS (
    SELECT
        uri, coalesce(CASE WHEN $3 = 'nl' THEN label_nl END, label_en) AS label,
        CASE WHEN $3 = 'nl' AND label_nl IS NOT NULL THEN 'nl' ELSE 'en' END AS label_lang,
        CASE WHEN label_kind = 'hidden' THEN NULL ELSE matched END AS matched_label,
        tier, round(score::numeric, 3)::float8 AS score, {columns},
        row_number() OVER (
            ORDER BY tier, score DESC, label_kind <> 'preferred', closeness DESC,
                lower(coalesce(CASE WHEN $3 = 'nl' THEN label_nl END, label_en)), uri
        ) AS position
    FROM hit
    ORDER BY position
    LIMIT $5 OFFSET $6
)
SELECT t.total, p.*
FROM (SELECT count(*) AS total FROM hit) AS t
LEFT JOIN page AS p ON true
ORDER BY p.position
"""
_WORD_PREFIX = (
    "ARRAY[$2 || '%', '% ' || $2 || '%', '%-' || $2 || '%', '%(' || $2 || '%', '%/' || $2 || '%']"
)
_CANDIDATES = {
    "long": {
        "literal": "lower(l.label) LIKE '%' || $2 || '%'",
        "fuzzy": "strpos($1, ' ') = 0 AND NOT EXISTS (SELECT FROM literal AS w "
        f"WHERE lower(w.label) LIKE ANY ({_WORD_PREFIX})) AND $1 <<% lower(l.label)",
    },
    "short": {"literal": f"lower(l.label) LIKE ANY ({_WORD_PREFIX})", "fuzzy": "false"},
    "letter": {"literal": "lower(l.label) LIKE $2 || '%'", "fuzzy": "false"},
}
_KINDS = {
    "occupation": {
        "table": "occupation",
        "columns": "isco_code, skill_level",
        "filter": "$4::text IS NULL OR c.isco_code LIKE $4 || '%'",
    },
    "skill": {
        "table": "skill",
        "columns": "skill_type, reuse_level",
        "filter": "$4::text IS NULL OR EXISTS (SELECT FROM skill_collection AS sc "
        "WHERE sc.collection = $4 AND sc.skill_uri = c.uri)",
    },
}


def _search_sql(kind: str, length: str) -> str:
    parts = _KINDS[kind]
    labels = {
        name: _LABELS.format(
            kind=kind,
            table=parts["table"],
            candidate=candidate,
            stand_in="false" if name == "fuzzy" else candidate,
        )
        for name, candidate in _CANDIDATES[length].items()
    }
    return _SEARCH_TEMPLATE.format(word_prefix=_WORD_PREFIX, **labels, **parts)


SEARCH_OCCUPATIONS = _search_sql("occupation", "long")
SEARCH_OCCUPATIONS_SHORT = _search_sql("occupation", "short")
SEARCH_OCCUPATIONS_LETTER = _search_sql("occupation", "letter")
SEARCH_SKILLS = _search_sql("skill", "long")
SEARCH_SKILLS_SHORT = _search_sql("skill", "short")
SEARCH_SKILLS_LETTER = _search_sql("skill", "letter")

# $1 language, $2 ISCO code prefix (escaped) or NULL, $3 limit, $4 offset.
LIST_OCCUPATIONS = """
WITH page AS (
    SELECT uri, coalesce(CASE WHEN $1 = 'nl' THEN label_nl END, label_en) AS label,
           CASE WHEN $1 = 'nl' AND label_nl IS NOT NULL THEN 'nl' ELSE 'en' END AS label_lang,
           NULL::text AS matched_label, NULL::int AS tier, NULL::float8 AS score,
           isco_code, skill_level
    FROM occupation
    WHERE $2::text IS NULL OR isco_code LIKE $2 || '%'
    ORDER BY lower(coalesce(CASE WHEN $1 = 'nl' THEN label_nl END, label_en)), uri
    LIMIT $3 OFFSET $4
)
SELECT t.total, p.*
FROM (
    SELECT count(*) AS total FROM occupation WHERE $2::text IS NULL OR isco_code LIKE $2 || '%'
) AS t
LEFT JOIN page AS p ON true
ORDER BY lower(p.label), p.uri
"""

# $1 language, $2 collection or NULL, $3 limit, $4 offset.
LIST_SKILLS = """
WITH chosen AS (
    SELECT * FROM skill AS s
    WHERE $2::text IS NULL OR EXISTS (
        SELECT FROM skill_collection AS sc WHERE sc.collection = $2 AND sc.skill_uri = s.uri)
),
page AS (
    SELECT uri, coalesce(CASE WHEN $1 = 'nl' THEN label_nl END, label_en) AS label,
           CASE WHEN $1 = 'nl' AND label_nl IS NOT NULL THEN 'nl' ELSE 'en' END AS label_lang,
           NULL::text AS matched_label, NULL::int AS tier, NULL::float8 AS score,
           skill_type, reuse_level
    FROM chosen
    ORDER BY lower(coalesce(CASE WHEN $1 = 'nl' THEN label_nl END, label_en)), uri
    LIMIT $3 OFFSET $4
)
SELECT t.total, p.*
FROM (SELECT count(*) AS total FROM chosen) AS t
LEFT JOIN page AS p ON true
ORDER BY lower(p.label), p.uri
"""

# The exact URI first, then URIs ending in '/<id>' (an ESCO UUID) or ':<id>' (a starter slug).
RESOLVE_OCCUPATION_URI = """
SELECT uri
FROM occupation
WHERE uri = $1 OR right(uri, length($1) + 1) IN ('/' || $1, ':' || $1)
ORDER BY uri = $1 DESC, uri
LIMIT 2
"""

SELECT_OCCUPATION = """
SELECT o.uri, o.code, o.label_en, o.label_nl, o.description_en, o.description_nl,
       o.isco_code, coalesce(o.skill_level, g.skill_level) AS skill_level,
       g.label_en AS isco_label_en, g.label_nl AS isco_label_nl,
       b.uri AS broader_uri, b.label_en AS broader_label_en, b.label_nl AS broader_label_nl,
       (SELECT coalesce(jsonb_object_agg(lang, labels), '{}') FROM (
            SELECT a.lang, jsonb_agg(a.label ORDER BY lower(a.label), a.label) AS labels
            FROM taxonomy_label AS a
            WHERE a.concept_uri = o.uri AND a.label_kind = 'alt'
              AND NOT EXISTS (
                  SELECT FROM taxonomy_label AS p
                  WHERE p.concept_uri = a.concept_uri AND p.lang = a.lang
                    AND p.label_kind = 'preferred' AND p.label = a.label)
            GROUP BY a.lang) AS x
       ) AS alt_labels
FROM occupation AS o
LEFT JOIN isco_group AS g ON g.code = o.isco_code
LEFT JOIN LATERAL (
    SELECT bo.uri, bo.label_en, bo.label_nl
    FROM taxonomy_broader AS tb
    JOIN occupation AS bo ON bo.uri = tb.broader_uri
    WHERE tb.concept_uri = o.uri
    ORDER BY bo.uri
    LIMIT 1
) AS b ON true
WHERE o.uri = $1
"""

SELECT_OCCUPATION_SKILLS = """
SELECT s.uri, s.label_en, s.label_nl, s.skill_type, os.relation
FROM occupation_skill AS os
JOIN skill AS s ON s.uri = os.skill_uri
WHERE os.occupation_uri = $1
ORDER BY os.relation = 'optional', lower(s.label_en), s.uri
"""


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
    row = await conn.fetchrow(SELECT_STATS)
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
        await conn.execute(SET_QUERY_SETTINGS)
        if query:
            sql = _pick(
                query, SEARCH_OCCUPATIONS, SEARCH_OCCUPATIONS_SHORT, SEARCH_OCCUPATIONS_LETTER
            )
            rows = await conn.fetch(
                sql, query, like_escape(query), lang, isco_prefix, limit, offset
            )
        else:
            rows = await conn.fetch(LIST_OCCUPATIONS, lang, isco_prefix, limit, offset)
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
        await conn.execute(SET_QUERY_SETTINGS)
        if query:
            sql = _pick(query, SEARCH_SKILLS, SEARCH_SKILLS_SHORT, SEARCH_SKILLS_LETTER)
            rows = await conn.fetch(sql, query, like_escape(query), lang, collection, limit, offset)
        else:
            rows = await conn.fetch(LIST_SKILLS, lang, collection, limit, offset)
    items = [SkillHit(**_hit_fields(r, lang)) for r in rows if r["uri"] is not None]
    return SkillPage(items, limit, offset, rows[0]["total"])


async def resolve_occupation_uris(conn: asyncpg.Connection, occupation_id: str) -> list[str]:
    """Up to two URIs for a full URI or its last segment; an exact match comes first."""
    return [r["uri"] for r in await conn.fetch(RESOLVE_OCCUPATION_URI, occupation_id)]


async def get_occupation(conn: asyncpg.Connection, uri: str) -> OccupationDetail | None:
    """One occupation with its ISCO group, broader occupation and skills; None if unknown."""
    row = await conn.fetchrow(SELECT_OCCUPATION, uri)
    if row is None:
        return None
    skills = [
        OccupationSkill(
            s["uri"], Labels(s["label_en"], s["label_nl"]), s["skill_type"], s["relation"]
        )
        for s in await conn.fetch(SELECT_OCCUPATION_SKILLS, uri)
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


UNKNOWN_SKILL_URIS = """
SELECT u FROM unnest($1::text[]) AS u
WHERE NOT EXISTS (SELECT 1 FROM skill s WHERE s.uri = u)
"""

UNKNOWN_OCCUPATION_URIS = """
SELECT u FROM unnest($1::text[]) AS u
WHERE NOT EXISTS (SELECT 1 FROM occupation o WHERE o.uri = u)
"""


async def unknown_skill_uris(conn: asyncpg.Connection, uris: list[str]) -> list[str]:
    """The URIs among `uris` that are no skill of the loaded taxonomy."""
    return [r["u"] for r in await conn.fetch(UNKNOWN_SKILL_URIS, uris)]


async def unknown_occupation_uris(conn: asyncpg.Connection, uris: list[str]) -> list[str]:
    """The URIs among `uris` that are no occupation of the loaded taxonomy."""
    return [r["u"] for r in await conn.fetch(UNKNOWN_OCCUPATION_URIS, uris)]


OCCUPATIONS_WITH_SKILLS = """
SELECT o.uri,
       array_agg(os.skill_uri ORDER BY os.skill_uri)
           FILTER (WHERE os.relation = 'essential') AS essential,
       coalesce(array_agg(os.skill_uri ORDER BY os.skill_uri)
           FILTER (WHERE os.relation = 'optional'), '{}') AS optional
FROM occupation o JOIN occupation_skill os ON os.occupation_uri = o.uri
WHERE o.isco_code = ANY($1::text[])
GROUP BY o.uri
HAVING count(*) FILTER (WHERE os.relation = 'essential') >= $2
ORDER BY o.uri
"""


async def occupations_with_skills(
    conn: asyncpg.Connection, isco_codes: list[str], min_essential: int
) -> list[asyncpg.Record]:
    """Occupations in these ISCO unit groups with their essential and optional skill URIs."""
    return list(await conn.fetch(OCCUPATIONS_WITH_SKILLS, isco_codes, min_essential))


OCCUPATION_LABELS = """
SELECT uri, coalesce(label_nl, label_en) AS label FROM occupation WHERE uri = ANY($1::text[])
"""


async def occupation_labels(conn: asyncpg.Connection, uris: list[str]) -> dict[str, str]:
    """Dutch (else English) preferred labels of these occupations."""
    return {r["uri"]: r["label"] for r in await conn.fetch(OCCUPATION_LABELS, uris)}


# Search hits for URIs found by the vocabulary or by meaning, with the same fields and filters
# as the label search. $1 URIs, $2 language, $3 filter value or NULL.
SKILLS_BY_URI = """
SELECT c.uri, coalesce(CASE WHEN $2 = 'nl' THEN c.label_nl END, c.label_en) AS label,
       CASE WHEN $2 = 'nl' AND c.label_nl IS NOT NULL THEN 'nl' ELSE 'en' END AS label_lang,
       c.skill_type, c.reuse_level
FROM skill AS c
WHERE c.uri = ANY($1::text[])
  AND ($3::text IS NULL OR EXISTS (
      SELECT FROM skill_collection AS sc WHERE sc.collection = $3 AND sc.skill_uri = c.uri))
"""

OCCUPATIONS_BY_URI = """
SELECT c.uri, coalesce(CASE WHEN $2 = 'nl' THEN c.label_nl END, c.label_en) AS label,
       CASE WHEN $2 = 'nl' AND c.label_nl IS NOT NULL THEN 'nl' ELSE 'en' END AS label_lang,
       c.isco_code, c.skill_level
FROM occupation AS c
WHERE c.uri = ANY($1::text[]) AND ($3::text IS NULL OR c.isco_code LIKE $3 || '%')
"""


async def skills_by_uri(
    conn: asyncpg.Connection, uris: list[str], lang: str, collection: str | None
) -> dict[str, asyncpg.Record]:
    """Label, label language, type and reuse level of these skills (in `collection`)."""
    return {r["uri"]: r for r in await conn.fetch(SKILLS_BY_URI, uris, lang, collection)}


async def occupations_by_uri(
    conn: asyncpg.Connection, uris: list[str], lang: str, isco: str | None
) -> dict[str, asyncpg.Record]:
    """Label, label language, ISCO code and skill level of these occupations."""
    prefix = like_escape(isco) if isco else None
    return {r["uri"]: r for r in await conn.fetch(OCCUPATIONS_BY_URI, uris, lang, prefix)}


# Occupations that ask for any of $1 (skills), with the weight of each (essential 1, optional
# $2) and their number of skills in all.
OCCUPATIONS_ASKING_FOR = """
SELECT os.occupation_uri AS uri,
       array_agg(os.skill_uri ORDER BY os.skill_uri) AS skills,
       array_agg(CASE WHEN os.relation = 'essential' THEN 1.0 ELSE $2::float8 END
                 ORDER BY os.skill_uri) AS weights,
       (SELECT count(*) FROM occupation_skill AS a WHERE a.occupation_uri = os.occupation_uri)
           AS size
FROM occupation_skill AS os
WHERE os.skill_uri = ANY($1::text[])
GROUP BY os.occupation_uri
"""

SKILLS_ASKED_BY = """
SELECT DISTINCT skill_uri FROM occupation_skill
WHERE skill_uri = ANY($1::text[]) AND occupation_uri = ANY($2::text[])
"""


async def occupations_asking_for(
    conn: asyncpg.Connection, skills: list[str], optional_weight: float
) -> list[asyncpg.Record]:
    """(uri, skills, weights, size) of every occupation asking for any of `skills`."""
    return list(await conn.fetch(OCCUPATIONS_ASKING_FOR, skills, optional_weight))


async def skills_asked_by(
    conn: asyncpg.Connection, skills: list[str], occupations: list[str]
) -> set[str]:
    """The `skills` that any of `occupations` asks for."""
    return {r["skill_uri"] for r in await conn.fetch(SKILLS_ASKED_BY, skills, occupations)}


SKILLS_OF = "SELECT DISTINCT skill_uri FROM occupation_skill WHERE occupation_uri = ANY($1::text[])"


async def skills_of(conn: asyncpg.Connection, occupations: list[str]) -> set[str]:
    """Every skill (either relation) that any of `occupations` asks for."""
    return {r["skill_uri"] for r in await conn.fetch(SKILLS_OF, occupations)}
