"""SQL of employees, their skills, languages and accommodations, and consent.

Scoped reads end with the visibility predicate of access/queries.py, the actor being $1..$3
(role, account, organisation) and the statement's own parameters from $4. Skills, languages
and accommodations are aggregated in the same statement, so a page of people is one query.
"""

from services.core.access.queries import employee_visible

_PROFILE_COLUMNS = """
e.id, e.organisation_id, e.account_id, e.jobcoach_id, e.name, e.email, e.phone, e.postcode,
e.latitude, e.longitude, e.ladder_rung, e.current_occupation_uri, e.work_setting,
e.target_occupation_uri, e.hours_min, e.hours_max, e.max_travel_km, e.birth_year, e.notes,
e.created_at, e.updated_at,
coalesce((
    SELECT json_agg(json_build_object('skill_uri', s.skill_uri, 'level', s.level,
                    'source', s.source, 'assessed_on', s.assessed_on) ORDER BY s.skill_uri)
    FROM employee_skill s WHERE s.employee_id = e.id), '[]') AS skills,
coalesce((
    SELECT json_agg(json_build_object('language', l.language, 'cefr', l.cefr)
                    ORDER BY l.language)
    FROM employee_language l WHERE l.employee_id = e.id), '[]') AS languages,
coalesce((
    SELECT array_agg(a.accommodation_code ORDER BY a.accommodation_code)
    FROM employee_accommodation a WHERE a.employee_id = e.id), ARRAY[]::text[])
    AS accommodations
"""

# $1 employee; unscoped: only after the caller was authorized (e.g. to answer a write).
SELECT_EMPLOYEE = f"SELECT {_PROFILE_COLUMNS} FROM employee e WHERE e.id = $1"

# $1..$3 actor, $4 employee.
SELECT_VISIBLE_EMPLOYEE = f"""
SELECT {_PROFILE_COLUMNS} FROM employee e WHERE e.id = $4 AND {employee_visible("e")}
"""

# $1 employee; locks the row so concurrent updates of one record apply one after the other.
SELECT_EMPLOYEE_FOR_UPDATE = (
    f"SELECT {_PROFILE_COLUMNS} FROM employee e WHERE e.id = $1 FOR UPDATE OF e"
)

# $1..$3 actor, $4 rung, $5 jobcoach, $6 name contains, $7 accommodation code.
_LIST_WHERE = f"""
FROM employee e
WHERE {employee_visible("e")}
  AND ($4::smallint IS NULL OR e.ladder_rung = $4)
  AND ($5::uuid IS NULL OR e.jobcoach_id = $5)
  AND ($6::text IS NULL OR strpos(lower(e.name), lower($6)) > 0)
  AND ($7::text IS NULL OR EXISTS (
        SELECT 1 FROM employee_accommodation ea
        WHERE ea.employee_id = e.id AND ea.accommodation_code = $7))
"""

COUNT_EMPLOYEES = f"SELECT count(*) {_LIST_WHERE}"

EMPLOYEE_ORDER = {
    "name": "lower(e.name) ASC",
    "-name": "lower(e.name) DESC",
    "ladder_rung": "e.ladder_rung ASC",
    "-ladder_rung": "e.ladder_rung DESC",
    "updated_at": "e.updated_at ASC",
    "-updated_at": "e.updated_at DESC",
}

# One statement per sort order (ORDER BY takes no parameters); $8 limit, $9 offset.
SELECT_EMPLOYEES = {
    sort: f"SELECT {_PROFILE_COLUMNS} {_LIST_WHERE} ORDER BY {order}, e.id LIMIT $8 OFFSET $9"
    for sort, order in EMPLOYEE_ORDER.items()
}

INSERT_EMPLOYEE = """
INSERT INTO employee (organisation_id, account_id, jobcoach_id, name, email, phone, postcode,
    latitude, longitude, ladder_rung, current_occupation_uri, work_setting,
    target_occupation_uri, hours_min, hours_max, max_travel_km, birth_year, notes)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
RETURNING id
"""

UPDATE_EMPLOYEE = """
UPDATE employee
SET account_id = $2, jobcoach_id = $3, name = $4, email = $5, phone = $6, postcode = $7,
    latitude = $8, longitude = $9, ladder_rung = $10, current_occupation_uri = $11,
    work_setting = $12, target_occupation_uri = $13, hours_min = $14, hours_max = $15,
    max_travel_km = $16, birth_year = $17, notes = $18, updated_at = now()
WHERE id = $1
"""

DELETE_SKILLS = "DELETE FROM employee_skill WHERE employee_id = $1"
INSERT_SKILLS = """
INSERT INTO employee_skill (employee_id, skill_uri, level, source, assessed_on)
SELECT $1, u, lv, src, d FROM unnest($2::text[], $3::smallint[], $4::text[], $5::date[])
    AS t (u, lv, src, d)
"""

DELETE_LANGUAGES = "DELETE FROM employee_language WHERE employee_id = $1"
INSERT_LANGUAGES = """
INSERT INTO employee_language (employee_id, language, cefr)
SELECT $1, lang, level FROM unnest($2::text[], $3::text[]) AS t (lang, level)
"""

DELETE_ACCOMMODATIONS = "DELETE FROM employee_accommodation WHERE employee_id = $1"
INSERT_ACCOMMODATIONS = """
INSERT INTO employee_accommodation (employee_id, accommodation_code)
SELECT $1, c FROM unnest($2::text[]) AS c
"""

# $1 account, $2 the employee being written (NULL on create).
SELECT_ACCOUNT_LINK = """
SELECT a.organisation_id, a.role, a.active,
       (SELECT e.id FROM employee e WHERE e.account_id = a.id AND e.id IS DISTINCT FROM $2)
           AS other_employee_id
FROM account a WHERE a.id = $1
"""

_CONSENT_COLUMNS = """
c.id, c.employee_id, c.purpose, c.employer_id, o.name AS employer_name, c.vacancy_id,
c.given_at, c.given_by, g.name AS given_by_name,
c.withdrawn_at, c.withdrawn_by, w.name AS withdrawn_by_name,
(c.withdrawn_at IS NULL) AS active
FROM consent c
LEFT JOIN organisation o ON o.id = c.employer_id
LEFT JOIN account g ON g.id = c.given_by
LEFT JOIN account w ON w.id = c.withdrawn_by
"""

SELECT_CONSENTS = f"""
SELECT {_CONSENT_COLUMNS}
WHERE c.employee_id = $1
ORDER BY c.withdrawn_at IS NOT NULL, c.given_at DESC, c.id
"""

# $1 consent, $2 employee: a consent is only ever found through its (visible) employee.
SELECT_CONSENT = f"SELECT {_CONSENT_COLUMNS} WHERE c.id = $1 AND c.employee_id = $2"

# No row when the same consent is active already (the partial unique index consent_active_key).
INSERT_CONSENT = """
INSERT INTO consent (employee_id, purpose, employer_id, vacancy_id, given_by)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT DO NOTHING
RETURNING id
"""

# No row when it was withdrawn already.
WITHDRAW_CONSENT = """
UPDATE consent SET withdrawn_at = now(), withdrawn_by = $3
WHERE id = $1 AND employee_id = $2 AND withdrawn_at IS NULL
RETURNING id
"""

SELECT_ORGANISATION_KIND = "SELECT kind FROM organisation WHERE id = $1"

SELECT_VACANCY_ORGANISATION = "SELECT organisation_id FROM vacancy WHERE id = $1"

# $1 employee, $2 skill URIs, $3 their levels, $4 the date: the skills become certified, each
# only when the loaded taxonomy has it (one URI given twice counts at its highest level). A
# certificate never lowers a level and replaces a self-assessed or observed source; rows it
# does not change are left alone, and the changed ones returned. The trigger on employee_skill
# logs the change for the matcher's live indexes (match_input_change).
CERTIFY_SKILL_LEVELS = """
WITH taught AS (
    SELECT t.skill_uri, max(t.level) AS level
    FROM unnest($2::text[], $3::smallint[]) AS t (skill_uri, level)
    JOIN skill k ON k.uri = t.skill_uri
    GROUP BY t.skill_uri
)
INSERT INTO employee_skill AS e (employee_id, skill_uri, level, source, assessed_on)
SELECT $1, t.skill_uri, t.level, 'certified', $4 FROM taught t
ON CONFLICT (employee_id, skill_uri) DO UPDATE
SET level = greatest(e.level, excluded.level),
    source = 'certified',
    assessed_on = CASE WHEN e.source = 'certified'
                       THEN greatest(e.assessed_on, excluded.assessed_on)
                       ELSE excluded.assessed_on END
WHERE e.source <> 'certified' OR e.level < excluded.level
   OR e.assessed_on IS NULL OR e.assessed_on < excluded.assessed_on
RETURNING e.skill_uri
"""
TOUCH_EMPLOYEE = "UPDATE employee SET updated_at = now() WHERE id = $1"
