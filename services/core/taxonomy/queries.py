"""SQL of reading the taxonomy (counts, label search, listings, one occupation, lookups by
URI), of DigComp competences and a person's digital profile, and of the label vectors.

The import's statements, made from one description of the imported tables, are in
import_queries.py.
"""

# --- DigComp: read side -------------------------------------------------------------------

# Ids are one digit, a dot and one digit, so text order is DigComp's order.
SELECT_DIGCOMP_COMPETENCES = """
SELECT id, area_id, area_en, area_nl, name_en, name_nl, skill_uri
FROM digcomp_competence
ORDER BY area_id, id
"""

# Per competence: the person's level on its skill ($1: employee id), and which of the required
# skills ($2) ask for it: its own skill, or a skill linked to it in skill_relation either way
# (ESCO mostly links DigComp skills as the related skill, so one direction finds little).
SELECT_DIGCOMP_PROFILE = """
SELECT c.id, c.area_id, c.area_en, c.area_nl, c.name_en, c.name_nl, c.skill_uri,
       es.level AS skill_level,
       ARRAY(
           SELECT r.uri
           FROM unnest($2::text[]) AS r (uri)
           WHERE r.uri = c.skill_uri
              OR EXISTS (
                  SELECT FROM skill_relation AS sr
                  WHERE (sr.skill_uri = c.skill_uri AND sr.related_skill_uri = r.uri)
                     OR (sr.skill_uri = r.uri AND sr.related_skill_uri = c.skill_uri))
           ORDER BY r.uri
       ) AS asked_by
FROM digcomp_competence AS c
LEFT JOIN employee_skill AS es ON es.employee_id = $1 AND es.skill_uri = c.skill_uri
ORDER BY c.area_id, c.id
"""

# Label vectors (vectors.py). The labels to encode: per concept and language the preferred
# label and the $1 shortest alternative labels; rows grouped by kind, then concept.
SELECT_LABELS_TO_EMBED = """
SELECT concept_uri, concept_kind, lang, label_kind, label
FROM (
    SELECT l.*, row_number() OVER (
        PARTITION BY l.concept_uri, l.lang, l.label_kind ORDER BY length(l.label), l.label
    ) AS n
    FROM taxonomy_label AS l
    WHERE l.concept_kind IN ('skill', 'occupation') AND l.label_kind IN ('preferred', 'alt')
) AS x
WHERE label_kind = 'preferred' OR n <= $1
ORDER BY concept_kind, concept_uri, label_kind <> 'preferred', lang, n, label
"""

HAS_VECTOR_TABLE = "SELECT to_regclass('taxonomy_vector') IS NOT NULL"
HAS_VECTORS = "SELECT EXISTS (SELECT FROM taxonomy_vector WHERE version = $1)"
DELETE_VECTORS = "DELETE FROM taxonomy_vector"
SELECT_VECTORS = """
SELECT concept_uri, concept_kind, lang, label_kind, label, embedding
FROM taxonomy_vector
WHERE version = $1
ORDER BY position
"""
SELECT_SKILL_VECTORS = """
SELECT concept_uri, embedding
FROM taxonomy_vector
WHERE version = $1 AND concept_kind = 'skill' AND lang = 'en' AND label_kind = 'preferred'
ORDER BY position
"""

# --- Reading (repository.py): counts, label search, listings, one occupation, lookups -------

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


UNKNOWN_SKILL_URIS = """
SELECT u FROM unnest($1::text[]) AS u
WHERE NOT EXISTS (SELECT 1 FROM skill s WHERE s.uri = u)
"""

UNKNOWN_OCCUPATION_URIS = """
SELECT u FROM unnest($1::text[]) AS u
WHERE NOT EXISTS (SELECT 1 FROM occupation o WHERE o.uri = u)
"""


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


OCCUPATION_LABELS = """
SELECT uri, coalesce(label_nl, label_en) AS label FROM occupation WHERE uri = ANY($1::text[])
"""


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


SKILLS_OF = "SELECT DISTINCT skill_uri FROM occupation_skill WHERE occupation_uri = ANY($1::text[])"
