"""SQL of a staff member's own DigComp levels and learning plan, and of a WISE's staff picture.

Every statement about the own assessment or plan takes the signed-in account ($1): a staff
member only ever reaches their own rows.
"""

from __future__ import annotations

SELECT_OWN_LEVELS = """
SELECT competence_id, level, assessed_on FROM staff_digcomp
WHERE account_id = $1 ORDER BY competence_id
"""

# The whole self-assessment at once: $2 competences, $3 levels, $4 the day.
DELETE_OWN_LEVELS_EXCEPT = """
DELETE FROM staff_digcomp WHERE account_id = $1 AND NOT (competence_id = ANY($2::text[]))
"""
UPSERT_OWN_LEVELS = """
INSERT INTO staff_digcomp (account_id, competence_id, level, assessed_on)
SELECT $1, c, l, $4 FROM unnest($2::text[], $3::smallint[]) AS t (c, l)
ON CONFLICT (account_id, competence_id) DO UPDATE
SET level = excluded.level, assessed_on = excluded.assessed_on
"""

_PLAN_MODULE = """
m.id AS module_id, m.code, m.title_nl, m.title_en, m.audience, m.theme, m.hours,
coalesce((SELECT jsonb_agg(jsonb_build_object('competence_id', c.competence_id,
                 'level', c.level) ORDER BY c.competence_id)
          FROM training_module_competence c WHERE c.module_id = m.id), '[]'::jsonb)
    AS competences
"""

# Open items first, then the most recently done; within each, digital skills first.
SELECT_PLAN = f"""
SELECT {_PLAN_MODULE}, p.added_on, p.completed_on
FROM staff_learning_plan p JOIN training_module m ON m.id = p.module_id
WHERE p.account_id = $1
ORDER BY p.completed_on IS NOT NULL, p.completed_on DESC, m.theme <> 'digital',
         lower(m.title_nl), m.id
"""

SELECT_PLAN_ITEM = f"""
SELECT {_PLAN_MODULE}, p.added_on, p.completed_on
FROM staff_learning_plan p JOIN training_module m ON m.id = p.module_id
WHERE p.account_id = $1 AND p.module_id = $2
"""

# No row when the module is on the plan already.
INSERT_PLAN_ITEM = """
INSERT INTO staff_learning_plan (account_id, module_id, added_on) VALUES ($1, $2, $3)
ON CONFLICT (account_id, module_id) DO NOTHING
RETURNING module_id
"""

UPDATE_PLAN_ITEM = """
UPDATE staff_learning_plan SET completed_on = $3
WHERE account_id = $1 AND module_id = $2
RETURNING module_id
"""

DELETE_PLAN_ITEM = """
DELETE FROM staff_learning_plan WHERE account_id = $1 AND module_id = $2 RETURNING module_id
"""

# Active modules of the audiences $2, not on the plan, that teach a competence above the own
# level (0 when not assessed); digital skills first, then the most competences raised and the
# largest raise. $3 how many.
SUGGESTIONS = f"""
WITH raised AS (
    SELECT c.module_id, c.competence_id, coalesce(d.level, 0) AS own_level,
           c.level AS module_level
    FROM training_module_competence c
    LEFT JOIN staff_digcomp d ON d.account_id = $1 AND d.competence_id = c.competence_id
    WHERE c.level > coalesce(d.level, 0)
)
SELECT {_PLAN_MODULE},
       jsonb_agg(jsonb_build_object('competence_id', r.competence_id,
                 'own_level', r.own_level, 'module_level', r.module_level)
                 ORDER BY r.competence_id) AS raises
FROM training_module m JOIN raised r ON r.module_id = m.id
WHERE m.active AND m.audience = ANY($2::text[])
  AND NOT EXISTS (SELECT 1 FROM staff_learning_plan p
                  WHERE p.account_id = $1 AND p.module_id = m.id)
GROUP BY m.id
ORDER BY m.theme <> 'digital', count(*) DESC, sum(r.module_level - r.own_level) DESC,
         lower(m.title_nl), m.id
LIMIT $3
"""

# The WISE's staff: active admin and jobcoach accounts; $1 the organisation.
_STAFF = """
FROM staff_digcomp d JOIN account a ON a.id = d.account_id
WHERE a.organisation_id = $1 AND a.active AND a.role IN ('admin', 'jobcoach')
"""

COUNT_STAFF = """
SELECT count(*) AS staff,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM staff_digcomp d WHERE d.account_id = a.id))
           AS assessed
FROM account a
WHERE a.organisation_id = $1 AND a.active AND a.role IN ('admin', 'jobcoach')
"""

_BAND_COUNTS = """
count(*) FILTER (WHERE level = 0) AS none,
count(*) FILTER (WHERE level BETWEEN 1 AND 2) AS foundation,
count(*) FILTER (WHERE level BETWEEN 3 AND 4) AS intermediate,
count(*) FILTER (WHERE level >= 5) AS advanced
"""

# Per competence, how many staff are in each band.
COMPETENCE_BANDS = f"""
SELECT competence_id AS id, {_BAND_COUNTS}
FROM (SELECT d.competence_id, d.level {_STAFF}) AS s
GROUP BY competence_id ORDER BY competence_id
"""

# Per area, how many staff are in each band by the mean of their levels in it, rounded down.
AREA_BANDS = f"""
SELECT area AS id, {_BAND_COUNTS}
FROM (SELECT split_part(d.competence_id, '.', 1) AS area, floor(avg(d.level))::int AS level
      {_STAFF}
      GROUP BY d.account_id, split_part(d.competence_id, '.', 1)) AS s
GROUP BY area ORDER BY area
"""

ORGANISATION_KIND = "SELECT kind FROM organisation WHERE id = $1"
