"""SQL of qualifications and their work processes, and of learning agreements and progress.

Qualifications are reference data every signed-in actor may read; agreements are only ever
reached through an employee the caller was authorized for, so these statements take no actor.
"""

from __future__ import annotations

# A work process's skills with their labels (none when the loaded taxonomy lacks the skill).
_SKILLS = """
coalesce((SELECT jsonb_agg(jsonb_build_object('skill_uri', s.skill_uri, 'level', s.level,
                 'label_en', k.label_en, 'label_nl', k.label_nl)
                 ORDER BY coalesce(k.label_nl, k.label_en, s.skill_uri))
          FROM work_process_skill s LEFT JOIN skill k ON k.uri = s.skill_uri
          WHERE s.work_process_id = w.id), '[]'::jsonb) AS skills
"""

# $1 words in either title (NULL: all); $2 limit, $3 offset.
_FILTER = """
FROM qualification q
WHERE $1::text IS NULL OR q.title_nl ILIKE '%' || $1 || '%' OR q.title_en ILIKE '%' || $1 || '%'
   OR q.crebo = $1
"""
COUNT_QUALIFICATIONS = f"SELECT count(*) {_FILTER}"
LIST_QUALIFICATIONS = f"""
SELECT q.crebo, q.title_nl, q.title_en, q.mbo_level,
       (SELECT count(*) FROM work_process w WHERE w.crebo = q.crebo) AS work_processes
{_FILTER}
ORDER BY q.mbo_level, lower(q.title_nl), q.crebo
LIMIT $2 OFFSET $3
"""

SELECT_QUALIFICATION = """
SELECT q.crebo, q.title_nl, q.title_en, q.mbo_level FROM qualification q WHERE q.crebo = $1
"""

SELECT_WORK_PROCESSES = f"""
SELECT w.id, w.code, w.title_nl, w.title_en, {_SKILLS}
FROM work_process w WHERE w.crebo = $1 ORDER BY w.code
"""

# The import: qualifications, then work processes, by their keys; the skills of the work
# processes named become exactly the file's. A work process the file does not name stays (a
# person's progress on it is kept).
UPSERT_QUALIFICATIONS = """
INSERT INTO qualification (crebo, title_nl, title_en, mbo_level)
SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::smallint[])
ON CONFLICT (crebo) DO UPDATE
SET title_nl = excluded.title_nl, title_en = excluded.title_en,
    mbo_level = excluded.mbo_level, updated_at = now()
WHERE (qualification.title_nl, qualification.title_en, qualification.mbo_level)
      IS DISTINCT FROM (excluded.title_nl, excluded.title_en, excluded.mbo_level)
"""

UPSERT_WORK_PROCESSES = """
INSERT INTO work_process (crebo, code, title_nl, title_en)
SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
ON CONFLICT (crebo, code) DO UPDATE
SET title_nl = excluded.title_nl, title_en = excluded.title_en
RETURNING id, crebo, code
"""

DELETE_WORK_PROCESS_SKILLS = (
    "DELETE FROM work_process_skill WHERE work_process_id = ANY($1::uuid[])"
)
INSERT_WORK_PROCESS_SKILLS = """
INSERT INTO work_process_skill (work_process_id, skill_uri, level)
SELECT * FROM unnest($1::uuid[], $2::text[], $3::smallint[])
"""

# --- Agreements ---

_AGREEMENT = f"""
a.id, a.employee_id, a.crebo, q.title_nl AS qualification_nl, q.title_en AS qualification_en,
q.mbo_level, a.college, a.company, a.trainer_name, a.starts_on, a.ends_on, a.status, a.result,
a.result_on, c.name AS created_by_name, a.created_at, a.updated_at,
coalesce((SELECT jsonb_agg(jsonb_build_object(
              'work_process_id', w.id, 'code', w.code, 'title_nl', w.title_nl,
              'title_en', w.title_en, 'status', p.status, 'assessed_on', p.assessed_on,
              'note', coalesce(p.note, ''), 'recorded_by_name', r.name, 'skills', w.skills)
              ORDER BY w.code)
          FROM (SELECT w.*, {_SKILLS} FROM work_process w WHERE w.crebo = a.crebo) w
          LEFT JOIN learning_progress p ON p.agreement_id = a.id AND p.work_process_id = w.id
          LEFT JOIN account r ON r.id = p.recorded_by), '[]'::jsonb) AS work_processes
FROM learning_agreement a
JOIN qualification q ON q.crebo = a.crebo
LEFT JOIN account c ON c.id = a.created_by
"""

SELECT_AGREEMENTS = f"""
SELECT {_AGREEMENT}
WHERE a.employee_id = $1
ORDER BY (a.status = 'active') DESC, a.starts_on DESC, a.created_at DESC, a.id
"""

SELECT_AGREEMENT = f"SELECT {_AGREEMENT} WHERE a.id = $1 AND a.employee_id = $2"

# For a change: the row is locked until the request's transaction ends.
LOCK_AGREEMENT = """
SELECT id FROM learning_agreement WHERE id = $1 AND employee_id = $2 FOR UPDATE
"""

INSERT_AGREEMENT = """
INSERT INTO learning_agreement
    (employee_id, crebo, college, company, trainer_name, starts_on, ends_on, created_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
RETURNING id
"""

UPDATE_AGREEMENT = """
UPDATE learning_agreement
SET college = $2, company = $3, trainer_name = $4, ends_on = $5, status = $6, updated_at = now()
WHERE id = $1
"""

COMPLETE_AGREEMENT = """
UPDATE learning_agreement
SET status = 'completed', result = $2, result_on = $3, updated_at = now()
WHERE id = $1
"""

UPSERT_PROGRESS = """
INSERT INTO learning_progress (agreement_id, work_process_id, status, assessed_on, note,
    recorded_by)
VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (agreement_id, work_process_id) DO UPDATE
SET status = excluded.status, assessed_on = excluded.assessed_on, note = excluded.note,
    recorded_by = excluded.recorded_by, recorded_at = now()
"""

TOUCH_AGREEMENT = "UPDATE learning_agreement SET updated_at = now() WHERE id = $1"

# The skills of the work processes shown in an agreement, each at its highest level.
SHOWN_SKILLS = """
SELECT s.skill_uri, max(s.level)::int AS level
FROM learning_progress p
JOIN work_process_skill s ON s.work_process_id = p.work_process_id
WHERE p.agreement_id = $1 AND p.status = 'shown'
GROUP BY s.skill_uri
"""

# Every skill of a qualification, each at its highest level (what a whole agreement teaches).
QUALIFICATION_SKILLS = """
SELECT s.skill_uri, max(s.level)::int AS level
FROM work_process w JOIN work_process_skill s ON s.work_process_id = w.id
WHERE w.crebo = $1
GROUP BY s.skill_uri
"""

SELECT_VACANCY_TITLES = """
SELECT v.id, v.title, o.name AS organisation
FROM vacancy v JOIN organisation o ON o.id = v.organisation_id
WHERE v.id = ANY($1::uuid[])
"""
