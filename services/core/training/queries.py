"""SQL of training modules, their skills and competences, and completion records.

Modules are reference data every signed-in actor may read; records are only ever reached
through an employee the caller was authorized for, so these statements take no actor.
"""

from __future__ import annotations

# Skills and competences are aggregated per row, so a page of modules is one query.
_MODULE_COLUMNS = """
m.id, m.code, m.title_nl, m.title_en, m.provider_kind, m.level, m.hours, m.description_nl,
m.description_en, m.audience, m.theme, m.active, m.created_at, m.updated_at,
coalesce((SELECT array_agg(s.skill_uri ORDER BY s.skill_uri)
          FROM training_module_skill s WHERE s.module_id = m.id), '{}'::text[]) AS skills,
coalesce((SELECT jsonb_agg(jsonb_build_object('competence_id', c.competence_id,
                 'level', c.level) ORDER BY c.competence_id)
          FROM training_module_competence c WHERE c.module_id = m.id), '[]'::jsonb)
    AS competences
"""

SELECT_MODULE = f"SELECT {_MODULE_COLUMNS} FROM training_module m WHERE m.id = $1"

# For writes: the row is locked until the request's transaction ends.
SELECT_MODULE_FOR_UPDATE = SELECT_MODULE + " FOR UPDATE OF m"

SELECT_MODULES_BY_CODE = f"""
SELECT {_MODULE_COLUMNS} FROM training_module m WHERE m.code = ANY($1::text[])
FOR UPDATE OF m
"""

SELECT_MODULE_ID_BY_CODE = "SELECT id FROM training_module WHERE code = $1"

# $1 inactive ones too, $2 skill (taught directly or through a DigComp competence mapped to
# it), $3 competence, $4 provider kind, $5 words in either title, $6 audience, $7 theme.
_FILTERS = """
FROM training_module m
WHERE ($1::boolean OR m.active)
  AND ($2::text IS NULL
       OR EXISTS (SELECT 1 FROM training_module_skill s
                  WHERE s.module_id = m.id AND s.skill_uri = $2)
       OR EXISTS (SELECT 1 FROM training_module_competence c
                  JOIN digcomp_competence d ON d.id = c.competence_id
                  WHERE c.module_id = m.id AND d.skill_uri = $2))
  AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM training_module_competence c
                                   WHERE c.module_id = m.id AND c.competence_id = $3))
  AND ($4::text IS NULL OR m.provider_kind = $4)
  AND ($5::text IS NULL OR m.title_nl ILIKE '%' || $5 || '%' OR m.title_en ILIKE '%' || $5 || '%')
  AND ($6::text IS NULL OR m.audience = $6)
  AND ($7::text IS NULL OR m.theme = $7)
"""

COUNT_MODULES = f"SELECT count(*) {_FILTERS}"

_ORDER = {
    "title": "lower(m.title_nl), m.id",
    "-title": "lower(m.title_nl) DESC, m.id",
    "code": "m.code",
    "level": "m.level, lower(m.title_nl), m.id",
    "-level": "m.level DESC, lower(m.title_nl), m.id",
    "hours": "m.hours, lower(m.title_nl), m.id",
    "-hours": "m.hours DESC, lower(m.title_nl), m.id",
}

# One statement per sort order ($8 = limit, $9 = offset).
LIST_MODULES = {
    sort: f"SELECT {_MODULE_COLUMNS} {_FILTERS} ORDER BY {order} LIMIT $8 OFFSET $9"
    for sort, order in _ORDER.items()
}

# Several modules at once, new or changed; the caller decided which, so a no-op never
# touches updated_at. `active` is left as it is: an admin's deactivation survives a re-import.
UPSERT_MODULES = """
INSERT INTO training_module (code, title_nl, title_en, provider_kind, level, hours,
    description_nl, description_en, audience, theme)
SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::smallint[],
                     $6::smallint[], $7::text[], $8::text[], $9::text[], $10::text[])
ON CONFLICT (code) DO UPDATE
SET title_nl = excluded.title_nl, title_en = excluded.title_en,
    provider_kind = excluded.provider_kind, level = excluded.level, hours = excluded.hours,
    description_nl = excluded.description_nl, description_en = excluded.description_en,
    audience = excluded.audience, theme = excluded.theme, updated_at = now()
RETURNING id, code
"""

# No row when the code is taken.
INSERT_MODULE = """
INSERT INTO training_module (code, title_nl, title_en, provider_kind, level, hours,
    description_nl, description_en, audience, theme)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
ON CONFLICT (code) DO NOTHING
RETURNING id
"""

UPDATE_MODULE = """
UPDATE training_module
SET code = $2, title_nl = $3, title_en = $4, provider_kind = $5, level = $6, hours = $7,
    description_nl = $8, description_en = $9, audience = $10, theme = $11, updated_at = now()
WHERE id = $1
"""

# No row when the module is in that state already.
SET_ACTIVE = """
UPDATE training_module SET active = $2, updated_at = now()
WHERE id = $1 AND active <> $2
RETURNING id
"""

DELETE_SKILLS = "DELETE FROM training_module_skill WHERE module_id = ANY($1::uuid[])"
INSERT_SKILLS = """
INSERT INTO training_module_skill (module_id, skill_uri)
SELECT * FROM unnest($1::uuid[], $2::text[])
"""

DELETE_COMPETENCES = "DELETE FROM training_module_competence WHERE module_id = ANY($1::uuid[])"
INSERT_COMPETENCES = """
INSERT INTO training_module_competence (module_id, competence_id, level)
SELECT * FROM unnest($1::uuid[], $2::text[], $3::smallint[])
"""

# Serializes a completion with concurrent changes of the same person's profile.
LOCK_EMPLOYEE = "SELECT id FROM employee WHERE id = $1 FOR UPDATE"

# No row when the person completed this module before (UNIQUE (employee_id, module_id)).
INSERT_RECORD = """
INSERT INTO training_record (employee_id, module_id, completed_on, recorded_by)
VALUES ($1, $2, $3, $4)
ON CONFLICT (employee_id, module_id) DO NOTHING
RETURNING id
"""

_RECORD_COLUMNS = """
r.id, r.employee_id, r.module_id, m.code AS module_code, m.title_nl, m.title_en,
m.provider_kind, m.level, r.completed_on, r.recorded_by, a.name AS recorded_by_name,
r.created_at
FROM training_record r
JOIN training_module m ON m.id = r.module_id
LEFT JOIN account a ON a.id = r.recorded_by
"""

SELECT_RECORDS = f"""
SELECT {_RECORD_COLUMNS}
WHERE r.employee_id = $1
ORDER BY r.completed_on DESC, r.created_at DESC, r.id
"""

SELECT_RECORD = f"SELECT {_RECORD_COLUMNS} WHERE r.id = $1"

# What a module certifies: its own skills and the skills its DigComp competences map to
# (digcomp_competence may be empty), each only when the loaded taxonomy has it. $1 = module.
SELECT_TAUGHT_SKILLS = """
SELECT s.skill_uri FROM training_module_skill s
JOIN skill k ON k.uri = s.skill_uri
WHERE s.module_id = $1
UNION
SELECT d.skill_uri FROM training_module_competence c
JOIN digcomp_competence d ON d.id = c.competence_id
JOIN skill k ON k.uri = d.skill_uri
WHERE c.module_id = $1
"""
