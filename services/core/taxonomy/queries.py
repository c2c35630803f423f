"""SQL of the taxonomy import (staging tables, set-based upserts and deletes, the import log),
and of reading DigComp competences and a person's digital profile.

Each UPSERT_* statement answers one row (inserted, updated): `xmax = 0` marks a row the
INSERT created, and the `IS DISTINCT FROM` guard keeps unchanged rows out of RETURNING, so
a second import of the same folder writes nothing. Each DELETE_* statement answers (deleted).
"""

# Two imports at once would interleave their deletes and upserts; the second waits instead.
LOCK_IMPORT = "SELECT pg_advisory_xact_lock(hashtext('opstap.taxonomy_import'))"

# ON COMMIT DROP: the staging tables never outlive the caller's transaction.
CREATE_STAGING_TABLES = """
CREATE TEMP TABLE stage_isco_group (LIKE isco_group) ON COMMIT DROP;
CREATE TEMP TABLE stage_occupation (LIKE occupation) ON COMMIT DROP;
CREATE TEMP TABLE stage_skill (LIKE skill) ON COMMIT DROP;
CREATE TEMP TABLE stage_skill_group (LIKE skill_group) ON COMMIT DROP;
CREATE TEMP TABLE stage_taxonomy_broader (LIKE taxonomy_broader) ON COMMIT DROP;
CREATE TEMP TABLE stage_occupation_skill (LIKE occupation_skill) ON COMMIT DROP;
CREATE TEMP TABLE stage_skill_relation (LIKE skill_relation) ON COMMIT DROP;
CREATE TEMP TABLE stage_skill_collection (LIKE skill_collection) ON COMMIT DROP;
CREATE TEMP TABLE stage_taxonomy_label (LIKE taxonomy_label) ON COMMIT DROP;
CREATE TEMP TABLE stage_digcomp_competence (LIKE digcomp_competence) ON COMMIT DROP;
"""

# Temporary tables are never analysed automatically; without statistics the planner
# guesses badly for the anti-joins below.
ANALYZE_STAGING_TABLES = """
ANALYZE stage_isco_group, stage_occupation, stage_skill, stage_skill_group,
    stage_taxonomy_broader, stage_occupation_skill, stage_skill_relation,
    stage_skill_collection, stage_taxonomy_label, stage_digcomp_competence
"""

DROP_STAGING_TABLES = """
DROP TABLE stage_isco_group, stage_occupation, stage_skill, stage_skill_group,
    stage_taxonomy_broader, stage_occupation_skill, stage_skill_relation,
    stage_skill_collection, stage_taxonomy_label, stage_digcomp_competence
"""

UPSERT_ISCO_GROUP = """
WITH written AS (
    INSERT INTO isco_group AS t
        (uri, code, parent_code, skill_level, label_en, label_nl, description_en)
    SELECT uri, code, parent_code, skill_level, label_en, label_nl, description_en
    FROM stage_isco_group
    ON CONFLICT (uri) DO UPDATE SET
        code = excluded.code, parent_code = excluded.parent_code,
        skill_level = excluded.skill_level, label_en = excluded.label_en,
        label_nl = excluded.label_nl, description_en = excluded.description_en
    WHERE (t.code, t.parent_code, t.skill_level, t.label_en, t.label_nl, t.description_en)
        IS DISTINCT FROM (excluded.code, excluded.parent_code, excluded.skill_level,
                          excluded.label_en, excluded.label_nl, excluded.description_en)
    RETURNING (t.xmax = 0) AS inserted
)
SELECT count(*) FILTER (WHERE inserted) AS inserted,
       count(*) FILTER (WHERE NOT inserted) AS updated
FROM written
"""

UPSERT_OCCUPATION = """
WITH written AS (
    INSERT INTO occupation AS t (uri, code, isco_code, skill_level, label_en, label_nl,
                                 description_en, description_nl)
    SELECT uri, code, isco_code, skill_level, label_en, label_nl, description_en, description_nl
    FROM stage_occupation
    ON CONFLICT (uri) DO UPDATE SET
        code = excluded.code, isco_code = excluded.isco_code,
        skill_level = excluded.skill_level, label_en = excluded.label_en,
        label_nl = excluded.label_nl, description_en = excluded.description_en,
        description_nl = excluded.description_nl
    WHERE (t.code, t.isco_code, t.skill_level, t.label_en, t.label_nl, t.description_en,
           t.description_nl)
        IS DISTINCT FROM (excluded.code, excluded.isco_code, excluded.skill_level,
                          excluded.label_en, excluded.label_nl, excluded.description_en,
                          excluded.description_nl)
    RETURNING (t.xmax = 0) AS inserted
)
SELECT count(*) FILTER (WHERE inserted) AS inserted,
       count(*) FILTER (WHERE NOT inserted) AS updated
FROM written
"""

UPSERT_SKILL = """
WITH written AS (
    INSERT INTO skill AS t (uri, skill_type, reuse_level, label_en, label_nl,
                            description_en, description_nl)
    SELECT uri, skill_type, reuse_level, label_en, label_nl, description_en, description_nl
    FROM stage_skill
    ON CONFLICT (uri) DO UPDATE SET
        skill_type = excluded.skill_type, reuse_level = excluded.reuse_level,
        label_en = excluded.label_en, label_nl = excluded.label_nl,
        description_en = excluded.description_en, description_nl = excluded.description_nl
    WHERE (t.skill_type, t.reuse_level, t.label_en, t.label_nl, t.description_en,
           t.description_nl)
        IS DISTINCT FROM (excluded.skill_type, excluded.reuse_level, excluded.label_en,
                          excluded.label_nl, excluded.description_en, excluded.description_nl)
    RETURNING (t.xmax = 0) AS inserted
)
SELECT count(*) FILTER (WHERE inserted) AS inserted,
       count(*) FILTER (WHERE NOT inserted) AS updated
FROM written
"""

UPSERT_SKILL_GROUP = """
WITH written AS (
    INSERT INTO skill_group AS t (uri, code, label_en, label_nl, description_en)
    SELECT uri, code, label_en, label_nl, description_en
    FROM stage_skill_group
    ON CONFLICT (uri) DO UPDATE SET
        code = excluded.code, label_en = excluded.label_en, label_nl = excluded.label_nl,
        description_en = excluded.description_en
    WHERE (t.code, t.label_en, t.label_nl, t.description_en)
        IS DISTINCT FROM (excluded.code, excluded.label_en, excluded.label_nl,
                          excluded.description_en)
    RETURNING (t.xmax = 0) AS inserted
)
SELECT count(*) FILTER (WHERE inserted) AS inserted,
       count(*) FILTER (WHERE NOT inserted) AS updated
FROM written
"""

UPSERT_TAXONOMY_BROADER = """
WITH written AS (
    INSERT INTO taxonomy_broader AS t
        (concept_uri, concept_type, broader_uri, broader_type, pillar)
    SELECT concept_uri, concept_type, broader_uri, broader_type, pillar
    FROM stage_taxonomy_broader
    ON CONFLICT (concept_uri, broader_uri) DO UPDATE SET
        concept_type = excluded.concept_type, broader_type = excluded.broader_type,
        pillar = excluded.pillar
    WHERE (t.concept_type, t.broader_type, t.pillar)
        IS DISTINCT FROM (excluded.concept_type, excluded.broader_type, excluded.pillar)
    RETURNING (t.xmax = 0) AS inserted
)
SELECT count(*) FILTER (WHERE inserted) AS inserted,
       count(*) FILTER (WHERE NOT inserted) AS updated
FROM written
"""

UPSERT_OCCUPATION_SKILL = """
WITH written AS (
    INSERT INTO occupation_skill AS t (occupation_uri, skill_uri, relation)
    SELECT occupation_uri, skill_uri, relation
    FROM stage_occupation_skill
    ON CONFLICT (occupation_uri, skill_uri) DO UPDATE SET relation = excluded.relation
    WHERE t.relation IS DISTINCT FROM excluded.relation
    RETURNING (t.xmax = 0) AS inserted
)
SELECT count(*) FILTER (WHERE inserted) AS inserted,
       count(*) FILTER (WHERE NOT inserted) AS updated
FROM written
"""

UPSERT_SKILL_RELATION = """
WITH written AS (
    INSERT INTO skill_relation AS t (skill_uri, related_skill_uri, relation)
    SELECT skill_uri, related_skill_uri, relation
    FROM stage_skill_relation
    ON CONFLICT (skill_uri, related_skill_uri) DO UPDATE SET relation = excluded.relation
    WHERE t.relation IS DISTINCT FROM excluded.relation
    RETURNING (t.xmax = 0) AS inserted
)
SELECT count(*) FILTER (WHERE inserted) AS inserted,
       count(*) FILTER (WHERE NOT inserted) AS updated
FROM written
"""

# Every column is part of the key: a row is either there already or new.
UPSERT_SKILL_COLLECTION = """
WITH written AS (
    INSERT INTO skill_collection (collection, skill_uri)
    SELECT collection, skill_uri
    FROM stage_skill_collection
    ON CONFLICT (collection, skill_uri) DO NOTHING
    RETURNING true AS inserted
)
SELECT count(*) AS inserted, 0::bigint AS updated
FROM written
"""

UPSERT_TAXONOMY_LABEL = """
WITH written AS (
    INSERT INTO taxonomy_label AS t (concept_uri, concept_kind, lang, label_kind, label)
    SELECT concept_uri, concept_kind, lang, label_kind, label
    FROM stage_taxonomy_label
    ON CONFLICT (concept_uri, lang, label_kind, label) DO UPDATE SET
        concept_kind = excluded.concept_kind
    WHERE t.concept_kind IS DISTINCT FROM excluded.concept_kind
    RETURNING (t.xmax = 0) AS inserted
)
SELECT count(*) FILTER (WHERE inserted) AS inserted,
       count(*) FILTER (WHERE NOT inserted) AS updated
FROM written
"""

UPSERT_DIGCOMP_COMPETENCE = """
WITH written AS (
    INSERT INTO digcomp_competence AS t
        (id, area_id, area_en, area_nl, name_en, name_nl, skill_uri)
    SELECT id, area_id, area_en, area_nl, name_en, name_nl, skill_uri
    FROM stage_digcomp_competence
    ON CONFLICT (id) DO UPDATE SET
        area_id = excluded.area_id, area_en = excluded.area_en, area_nl = excluded.area_nl,
        name_en = excluded.name_en, name_nl = excluded.name_nl, skill_uri = excluded.skill_uri
    WHERE (t.area_id, t.area_en, t.area_nl, t.name_en, t.name_nl, t.skill_uri)
        IS DISTINCT FROM (excluded.area_id, excluded.area_en, excluded.area_nl,
                          excluded.name_en, excluded.name_nl, excluded.skill_uri)
    RETURNING (t.xmax = 0) AS inserted
)
SELECT count(*) FILTER (WHERE inserted) AS inserted,
       count(*) FILTER (WHERE NOT inserted) AS updated
FROM written
"""

DELETE_ISCO_GROUP = """
WITH gone AS (
    DELETE FROM isco_group AS t
    WHERE NOT EXISTS (SELECT FROM stage_isco_group AS s WHERE s.uri = t.uri)
    RETURNING 1
)
SELECT count(*) AS deleted FROM gone
"""

DELETE_OCCUPATION = """
WITH gone AS (
    DELETE FROM occupation AS t
    WHERE NOT EXISTS (SELECT FROM stage_occupation AS s WHERE s.uri = t.uri)
    RETURNING 1
)
SELECT count(*) AS deleted FROM gone
"""

DELETE_SKILL = """
WITH gone AS (
    DELETE FROM skill AS t
    WHERE NOT EXISTS (SELECT FROM stage_skill AS s WHERE s.uri = t.uri)
    RETURNING 1
)
SELECT count(*) AS deleted FROM gone
"""

DELETE_SKILL_GROUP = """
WITH gone AS (
    DELETE FROM skill_group AS t
    WHERE NOT EXISTS (SELECT FROM stage_skill_group AS s WHERE s.uri = t.uri)
    RETURNING 1
)
SELECT count(*) AS deleted FROM gone
"""

DELETE_TAXONOMY_BROADER = """
WITH gone AS (
    DELETE FROM taxonomy_broader AS t
    WHERE NOT EXISTS (
        SELECT FROM stage_taxonomy_broader AS s
        WHERE s.concept_uri = t.concept_uri AND s.broader_uri = t.broader_uri
    )
    RETURNING 1
)
SELECT count(*) AS deleted FROM gone
"""

DELETE_OCCUPATION_SKILL = """
WITH gone AS (
    DELETE FROM occupation_skill AS t
    WHERE NOT EXISTS (
        SELECT FROM stage_occupation_skill AS s
        WHERE s.occupation_uri = t.occupation_uri AND s.skill_uri = t.skill_uri
    )
    RETURNING 1
)
SELECT count(*) AS deleted FROM gone
"""

DELETE_SKILL_RELATION = """
WITH gone AS (
    DELETE FROM skill_relation AS t
    WHERE NOT EXISTS (
        SELECT FROM stage_skill_relation AS s
        WHERE s.skill_uri = t.skill_uri AND s.related_skill_uri = t.related_skill_uri
    )
    RETURNING 1
)
SELECT count(*) AS deleted FROM gone
"""

DELETE_SKILL_COLLECTION = """
WITH gone AS (
    DELETE FROM skill_collection AS t
    WHERE NOT EXISTS (
        SELECT FROM stage_skill_collection AS s
        WHERE s.collection = t.collection AND s.skill_uri = t.skill_uri
    )
    RETURNING 1
)
SELECT count(*) AS deleted FROM gone
"""

DELETE_TAXONOMY_LABEL = """
WITH gone AS (
    DELETE FROM taxonomy_label AS t
    WHERE NOT EXISTS (
        SELECT FROM stage_taxonomy_label AS s
        WHERE s.concept_uri = t.concept_uri AND s.lang = t.lang
          AND s.label_kind = t.label_kind AND s.label = t.label
    )
    RETURNING 1
)
SELECT count(*) AS deleted FROM gone
"""

DELETE_DIGCOMP_COMPETENCE = """
WITH gone AS (
    DELETE FROM digcomp_competence AS t
    WHERE NOT EXISTS (SELECT FROM stage_digcomp_competence AS s WHERE s.id = t.id)
    RETURNING 1
)
SELECT count(*) AS deleted FROM gone
"""

COUNT_TABLES = """
SELECT (SELECT count(*) FROM isco_group) AS isco_group,
       (SELECT count(*) FROM occupation) AS occupation,
       (SELECT count(*) FROM skill) AS skill,
       (SELECT count(*) FROM skill_group) AS skill_group,
       (SELECT count(*) FROM taxonomy_broader) AS taxonomy_broader,
       (SELECT count(*) FROM occupation_skill) AS occupation_skill,
       (SELECT count(*) FROM skill_relation) AS skill_relation,
       (SELECT count(*) FROM skill_collection) AS skill_collection,
       (SELECT count(*) FROM taxonomy_label) AS taxonomy_label,
       (SELECT count(*) FROM digcomp_competence) AS digcomp_competence
"""

# The JSON arrives as text so the statement works with or without a jsonb codec.
INSERT_IMPORT = """
INSERT INTO taxonomy_import (source, version, started_at, finished_at, counts, changes, skipped)
VALUES ($1, $2, $3, clock_timestamp(), $4, $5, $6)
RETURNING id
"""

SELECT_LAST_FINGERPRINT = """
SELECT version
FROM taxonomy_import
WHERE finished_at IS NOT NULL
ORDER BY finished_at DESC, id DESC
LIMIT 1
"""

# Fresh statistics, or the planner skips the trigram index right after an import; and the
# GIN pending list flushed, or every search scans megabytes of not-yet-merged entries.
ANALYZE_TAXONOMY = """
ANALYZE isco_group, occupation, skill, skill_group, taxonomy_broader, occupation_skill,
        skill_relation, skill_collection, taxonomy_label, digcomp_competence
"""

FLUSH_LABEL_INDEX = "SELECT gin_clean_pending_list('taxonomy_label_trgm_idx')"

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
