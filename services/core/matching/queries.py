"""SQL of matching: the inputs the matcher needs, and the results it gives."""

from services.core.access.queries import employee_visible, vacancy_visible
from services.core.capacity.queries import capacity_fails

TAXONOMY_SKILLS = "SELECT uri, label_en, label_nl FROM skill ORDER BY uri"
TAXONOMY_OCCUPATIONS = "SELECT uri FROM occupation ORDER BY uri"
TAXONOMY_OCCUPATION_SKILLS = """
SELECT occupation_uri, skill_uri, relation FROM occupation_skill
ORDER BY occupation_uri, skill_uri
"""
TAXONOMY_SKILL_RELATIONS = """
SELECT skill_uri, related_skill_uri FROM skill_relation ORDER BY skill_uri, related_skill_uri
"""
TAXONOMY_SKILL_BROADER = """
SELECT concept_uri, broader_uri FROM taxonomy_broader
WHERE pillar = 'skill' AND concept_type = 'KnowledgeSkillCompetence'
ORDER BY concept_uri, broader_uri
"""
TAXONOMY_FINGERPRINT = """
SELECT version FROM taxonomy_import WHERE finished_at IS NOT NULL
ORDER BY finished_at DESC, id DESC LIMIT 1
"""

# People as the matcher sees them: no name, contact or jobcoach. $1: ids, or NULL for all.
PEOPLE = """
SELECT e.id, e.ladder_rung, e.hours_min, e.hours_max, e.latitude, e.longitude, e.max_travel_km,
       coalesce((SELECT json_agg(json_build_array(s.skill_uri, s.level, s.source)
                                 ORDER BY s.skill_uri)
                 FROM employee_skill s WHERE s.employee_id = e.id), '[]') AS skills,
       coalesce((SELECT json_agg(json_build_array(l.language, l.cefr) ORDER BY l.language)
                 FROM employee_language l WHERE l.employee_id = e.id), '[]') AS languages,
       coalesce((SELECT array_agg(a.accommodation_code ORDER BY a.accommodation_code)
                 FROM employee_accommodation a WHERE a.employee_id = e.id), '{}') AS accommodations,
       coalesce((SELECT json_agg(json_build_array(k.item, k.level) ORDER BY k.item)
                 FROM employee_capacity k WHERE k.employee_id = e.id), '[]') AS capacity,
       EXISTS (SELECT 1 FROM consent c WHERE c.employee_id = e.id AND c.purpose = 'matching'
               AND c.withdrawn_at IS NULL) AS consent_matching
FROM employee e
WHERE $1::uuid[] IS NULL OR e.id = ANY($1::uuid[])
ORDER BY e.id
"""

# Open vacancies (or the given ones, whatever their status).
VACANCIES = """
SELECT v.id, v.ladder_rung, v.contract_kind, v.hours_min, v.hours_max, v.latitude, v.longitude,
       v.language, v.language_cefr, v.status,
       coalesce((SELECT json_agg(json_build_array(s.skill_uri, s.relation, s.min_level)
                                 ORDER BY s.skill_uri)
                 FROM vacancy_skill s WHERE s.vacancy_id = v.id), '[]') AS skills,
       coalesce((SELECT array_agg(a.accommodation_code ORDER BY a.accommodation_code)
                 FROM vacancy_accommodation a WHERE a.vacancy_id = v.id), '{}') AS accommodations,
       coalesce((SELECT json_agg(json_build_array(k.item, k.level) ORDER BY k.item)
                 FROM vacancy_capacity_demand k WHERE k.vacancy_id = v.id), '[]')
           AS capacity_demands
FROM vacancy v
WHERE ($1::uuid[] IS NULL AND v.status = 'open') OR v.id = ANY($1::uuid[])
ORDER BY v.id
"""

# Where the change log stands for this snapshot: every transaction from `upto` on, and those in
# `running`, had not committed yet, so a process reads their changes next time; the rest it has
# seen. (Not the snapshot's xmin: a long transaction anywhere on the server would hold that back
# and make every catch-up read everything since.) `source` says which database on which server
# run this is (a process may talk to several: tests, benches).
HORIZON = """
SELECT pg_snapshot_xmax(s)::text::bigint AS upto,
       ARRAY(SELECT x::text::bigint FROM pg_snapshot_xip(s) AS x) AS running,
       current_database() || '@' || pg_postmaster_start_time()::text AS source
FROM pg_current_snapshot() AS s
"""

# The people and vacancies changed since a horizon, and the new horizon, from one snapshot.
CHANGED_SINCE = """
SELECT pg_snapshot_xmax(s)::text::bigint AS upto,
       ARRAY(SELECT x::text::bigint FROM pg_snapshot_xip(s) AS x) AS running,
       current_database() || '@' || pg_postmaster_start_time()::text AS source,
       ARRAY(SELECT DISTINCT row_id FROM match_input_change
             WHERE kind = 'person' AND (xid >= $1::text::xid8 OR xid = ANY($2::text[]::xid8[])))
           AS people,
       ARRAY(SELECT DISTINCT row_id FROM match_input_change
             WHERE kind = 'vacancy' AND (xid >= $1::text::xid8 OR xid = ANY($2::text[]::xid8[])))
           AS vacancies
FROM pg_current_snapshot() AS s
"""

PRUNE_CHANGES = "DELETE FROM match_input_change WHERE at < now() - make_interval(hours => $1)"

# COPY is binary and our jsonb codec is text-only: explanations are staged as JSON text.
CREATE_STAGE = """
CREATE TEMP TABLE stage_match (
    vacancy_id uuid, employee_id uuid, score real, explanation text, model_version text
) ON COMMIT DROP
"""

# Results for the scope just computed replace what was there for it.
DELETE_FOR_VACANCIES = "DELETE FROM match WHERE vacancy_id = ANY($1::uuid[])"
DELETE_FOR_EMPLOYEES = "DELETE FROM match WHERE employee_id = ANY($1::uuid[])"
INSERT_FROM_STAGE = """
INSERT INTO match (vacancy_id, employee_id, score, explanation, model_version)
SELECT vacancy_id, employee_id, score, explanation::jsonb, model_version FROM stage_match
ON CONFLICT (vacancy_id, employee_id) DO UPDATE
SET score = excluded.score, explanation = excluded.explanation,
    model_version = excluded.model_version, computed_at = now()
"""
DROP_STAGE = "DROP TABLE IF EXISTS stage_match"

# Matches for one vacancy ($4) among the people the actor ($1..$3) may see, best first; $7:
# with their explanations.
VISIBLE_MATCHES_FOR_VACANCY = f"""
SELECT m.employee_id, e.name, m.score, CASE WHEN $7::boolean THEN m.explanation END AS explanation,
       m.model_version, m.computed_at
FROM match m JOIN employee e ON e.id = m.employee_id
WHERE m.vacancy_id = $4 AND {employee_visible("e")}
ORDER BY m.score DESC, m.employee_id
LIMIT $5 OFFSET $6
"""
COUNT_MATCHES_FOR_VACANCY = f"""
SELECT count(*) AS total,
       count(*) FILTER (WHERE {employee_visible("e")}) AS visible
FROM match m JOIN employee e ON e.id = m.employee_id
WHERE m.vacancy_id = $4
"""

# Matches for one person ($4) among the vacancies the actor ($1..$3) may see, best first;
# $5 and $6 narrow them to a ladder rung and a contract kind, $7 and $8 to scores at least $7 and
# below $8 (what fits, what does not yet); $9: leave out those whose capacity constraint fails;
# $12: with their explanations.
_FOR_EMPLOYEE_WHERE = f"""
WHERE m.employee_id = $4 AND v.status = 'open' AND {vacancy_visible("v")}
  AND ($5::smallint IS NULL OR v.ladder_rung = $5) AND ($6::text IS NULL OR v.contract_kind = $6)
  AND ($7::real IS NULL OR m.score >= $7) AND ($8::real IS NULL OR m.score < $8)
  AND (NOT $9::boolean OR NOT {capacity_fails("m.employee_id", "m.vacancy_id")})
"""
MATCHES_FOR_EMPLOYEE = f"""
SELECT m.vacancy_id, v.title, v.contract_kind, v.ladder_rung, v.organisation_id,
       o.name AS organisation_name, m.score, CASE WHEN $12::boolean THEN m.explanation END
       AS explanation, m.model_version, m.computed_at
FROM match m JOIN vacancy v ON v.id = m.vacancy_id JOIN organisation o ON o.id = v.organisation_id
{_FOR_EMPLOYEE_WHERE}
ORDER BY m.score DESC, m.vacancy_id
LIMIT $10 OFFSET $11
"""
COUNT_MATCHES_FOR_EMPLOYEE = f"""
SELECT count(*) FROM match m JOIN vacancy v ON v.id = m.vacancy_id
{_FOR_EMPLOYEE_WHERE}
"""

OPEN_VACANCY_IDS = "SELECT id FROM vacancy WHERE status = 'open' ORDER BY id"

# Matches of these vacancies or people ($1, $2) at or over a score ($3) stored without an
# explanation (a full recompute stores scores only).
UNEXPLAINED = """
SELECT vacancy_id, employee_id FROM match
WHERE explanation IS NULL AND score >= $3
  AND (vacancy_id = ANY($1::uuid[]) OR employee_id = ANY($2::uuid[]))
ORDER BY vacancy_id, employee_id
"""
# Explanations computed when read, kept where the match (of the same model) still has none. A
# row another transaction is rewriting is skipped, not waited for: it gets its own explanation.
STORE_EXPLANATIONS = """
WITH given AS (
    SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[])
        AS g (vacancy_id, employee_id, explanation)
), target AS (
    SELECT m.vacancy_id, m.employee_id, g.explanation
    FROM match m JOIN given g USING (vacancy_id, employee_id)
    WHERE m.explanation IS NULL AND m.model_version = $4
    ORDER BY m.vacancy_id, m.employee_id
    FOR UPDATE OF m SKIP LOCKED
)
UPDATE match m SET explanation = t.explanation::jsonb
FROM target t WHERE m.vacancy_id = t.vacancy_id AND m.employee_id = t.employee_id
"""

# A full recompute in shards (matching/recompute.py).
INSERT_RECOMPUTE = """
INSERT INTO match_recompute (id, model_version, keep, horizon_upto, horizon_running, horizon_source)
VALUES ($1, $2, $3, $4, $5, $6)
"""
# Every n-th consenting person's id starts a shard; the last shard runs to the end.
SHARD_STARTS = """
SELECT id, people FROM (
    SELECT e.id, row_number() OVER (ORDER BY e.id) - 1 AS n, count(*) OVER () AS people
    FROM employee e
    WHERE EXISTS (SELECT 1 FROM consent c WHERE c.employee_id = e.id AND c.purpose = 'matching'
                  AND c.withdrawn_at IS NULL)
) numbered
WHERE n % $1 = 0
ORDER BY id
"""
INSERT_SHARDS = """
INSERT INTO match_recompute_shard (recompute_id, shard, first_id, people)
SELECT $1, s.n - 1, s.first_id, s.people
FROM unnest($2::uuid[], $3::integer[]) WITH ORDINALITY AS s (first_id, people, n)
"""
RECOMPUTE = "SELECT * FROM match_recompute WHERE id = $1"
LOCK_RECOMPUTE = "SELECT * FROM match_recompute WHERE id = $1 FOR UPDATE"
LATEST_RECOMPUTE = "SELECT * FROM match_recompute ORDER BY started_at DESC LIMIT 1"
# A shard, locked, with where its range ends (the next shard's first id; NULL: the end).
LOCK_SHARD = """
SELECT s.*, (SELECT n.first_id FROM match_recompute_shard n
             WHERE n.recompute_id = s.recompute_id AND n.shard > s.shard
             ORDER BY n.shard LIMIT 1) AS end_id
FROM match_recompute_shard s WHERE s.recompute_id = $1 AND s.shard = $2
FOR UPDATE OF s
"""
SHARD_COUNTS = """
SELECT count(*) AS shards, count(scored_at) AS scored
FROM match_recompute_shard WHERE recompute_id = $1
"""
MARK_SCORED = """
UPDATE match_recompute_shard SET scored_at = clock_timestamp(), pairs = $3
WHERE recompute_id = $1 AND shard = $2
"""
# The pairs are unlogged (emptied if PostgreSQL restarts): all there when the shards' counts
# add up.
PAIRS_COMPLETE = """
SELECT (SELECT count(*) FROM match_recompute_pair WHERE recompute_id = $1)
     = (SELECT coalesce(sum(pairs), 0) FROM match_recompute_shard WHERE recompute_id = $1)
"""
SET_RECOMPUTE_STATUS = """
UPDATE match_recompute
SET status = $2, reason = $3, matches = $4,
    finished_at = CASE WHEN $2 IN ('done', 'failed') THEN clock_timestamp() END
WHERE id = $1
"""
# The merge: each vacancy's best $2 over every shard's candidates and each person's best $2 (all
# in their own shard), ties to the lower id, among the people and vacancies that still exist (the
# pairs hold no references), into a temporary table of the transaction; sorting wants memory.
MERGE_MEMORY = "SET LOCAL work_mem = '256MB'"
CREATE_KEPT = """
CREATE TEMP TABLE recompute_kept (vacancy_id uuid, employee_id uuid, score real) ON COMMIT DROP
"""
KEEP_BEST = """
INSERT INTO recompute_kept (vacancy_id, employee_id, score)
SELECT vacancy_id, employee_id, score FROM (
    SELECT vacancy_id, employee_id, score,
        row_number() OVER (PARTITION BY vacancy_id ORDER BY score DESC, employee_id) AS by_vacancy,
        row_number() OVER (PARTITION BY employee_id ORDER BY score DESC, vacancy_id) AS by_person
    FROM match_recompute_pair p WHERE recompute_id = $1
      AND EXISTS (SELECT FROM employee e WHERE e.id = p.employee_id)
      AND EXISTS (SELECT FROM vacancy v WHERE v.id = p.vacancy_id)
) ranked
WHERE ranked.by_vacancy <= $2 OR ranked.by_person <= $2
"""
ANALYZE_KEPT = "ANALYZE recompute_kept"

# The kept pairs replace the stored matches, except for the people and vacancies changed since
# the run started ($1, $2; left out of the kept pairs first): their own events scored them on
# what they are now. A match whose score and model stay is left as it is (its explanation and
# `computed_at`, when the score was set); the others are explained when read.
LEAVE_CHANGED = """
DELETE FROM recompute_kept WHERE employee_id = ANY($1::uuid[]) OR vacancy_id = ANY($2::uuid[])
"""
DELETE_UNKEPT_MATCHES = """
DELETE FROM match m
WHERE NOT (m.employee_id = ANY($1::uuid[])) AND NOT (m.vacancy_id = ANY($2::uuid[]))
  AND NOT EXISTS (SELECT FROM recompute_kept k
                  WHERE k.vacancy_id = m.vacancy_id AND k.employee_id = m.employee_id)
"""
UPSERT_KEPT = """
INSERT INTO match AS m (vacancy_id, employee_id, score, explanation, model_version)
SELECT k.vacancy_id, k.employee_id, k.score, NULL, r.model_version
FROM recompute_kept k CROSS JOIN match_recompute r
WHERE r.id = $1
ORDER BY k.vacancy_id, k.employee_id
ON CONFLICT (vacancy_id, employee_id) DO UPDATE
SET explanation = NULL, score = excluded.score, model_version = excluded.model_version,
    computed_at = now()
WHERE (m.score, m.model_version) IS DISTINCT FROM (excluded.score, excluded.model_version)
"""
# How many matches the run stands for (stored now, or stored before with the same score).
KEPT_COUNT = "SELECT count(*) FROM recompute_kept"
DROP_PAIRS = "DELETE FROM match_recompute_pair WHERE recompute_id = $1"
# What runs that ended left (one whose last step failed, one given up): none is running.
DROP_ENDED_PAIRS = """
DELETE FROM match_recompute_pair p
WHERE NOT EXISTS (SELECT FROM match_recompute r
                  WHERE r.id = p.recompute_id AND r.status = 'scoring')
"""
