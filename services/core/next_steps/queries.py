"""SQL of next steps: a person's place, matches that fit now or a step up, demand for skills,
and the training modules that teach them."""

EMPLOYEE = """
SELECT e.id, e.name, e.ladder_rung, e.current_occupation_uri, e.target_occupation_uri,
       c.label_en AS current_en, c.label_nl AS current_nl,
       t.label_en AS target_en, t.label_nl AS target_nl
FROM employee e
LEFT JOIN occupation c ON c.uri = e.current_occupation_uri
LEFT JOIN occupation t ON t.uri = e.target_occupation_uri
WHERE e.id = $1
"""

_MATCH = """
m.vacancy_id, m.employee_id, v.title, o.name AS organisation, v.ladder_rung, v.occupation_uri,
m.score, m.explanation
FROM match m
JOIN vacancy v ON v.id = m.vacancy_id AND v.status = 'open'
JOIN organisation o ON o.id = v.organisation_id
JOIN employee e ON e.id = m.employee_id
"""

# Open vacancies the person could take now: a good score, at most one rung up (a job one rung
# up that already fits is a stepping stone as well).
FITS_NOW = f"""
SELECT {_MATCH}
WHERE m.employee_id = $1 AND v.ladder_rung <= e.ladder_rung + 1 AND m.score >= $2
ORDER BY m.score DESC, m.vacancy_id
LIMIT $3
"""

# Open vacancies that are a step: one rung up, or in one of the given occupations (the target,
# a stepping-stone occupation) at the person's rung or above; best first.
STEP_VACANCIES = f"""
SELECT {_MATCH}
WHERE m.employee_id = $1 AND m.score >= $3
  AND (v.ladder_rung = e.ladder_rung + 1
       OR (v.occupation_uri = ANY($2::text[]) AND v.ladder_rung >= e.ladder_rung))
ORDER BY (v.ladder_rung = e.ladder_rung + 1) DESC, m.score DESC, m.vacancy_id
LIMIT $4
"""

SKILL_LABELS = """
SELECT uri, label_en, label_nl FROM skill WHERE uri = ANY($1::text[]) ORDER BY uri
"""
OCCUPATION_LABELS = """
SELECT uri, label_en, label_nl FROM occupation WHERE uri = ANY($1::text[]) ORDER BY uri
"""
OPEN_VACANCIES_BY_OCCUPATION = """
SELECT occupation_uri, count(*) AS n FROM vacancy
WHERE status = 'open' AND occupation_uri = ANY($1::text[])
GROUP BY occupation_uri
"""

# How many open vacancies need each skill as an essential one.
SKILL_DEMAND = """
SELECT s.skill_uri, count(*) AS n
FROM vacancy_skill s JOIN vacancy v ON v.id = s.vacancy_id AND v.status = 'open'
WHERE s.skill_uri = ANY($1::text[]) AND s.relation = 'essential'
GROUP BY s.skill_uri
"""

# An occupation's essential skills (a goal without a stored move).
OCCUPATION_ESSENTIALS = """
SELECT skill_uri FROM occupation_skill
WHERE occupation_uri = $1 AND relation = 'essential' ORDER BY skill_uri
"""

# Active modules for employees (never a jobcoach's or manager's) that teach any of the skills,
# directly or through a DigComp competence, with every skill they teach (so a what-if can add
# them all) and the level they reach.
MODULES_FOR_SKILLS = """
WITH taught AS (
    SELECT module_id, skill_uri FROM training_module_skill
    UNION
    SELECT c.module_id, d.skill_uri
    FROM training_module_competence c JOIN digcomp_competence d ON d.id = c.competence_id
)
SELECT m.id, m.code, m.title_nl, m.title_en, m.provider_kind, m.hours, m.level,
       array_agg(t.skill_uri ORDER BY t.skill_uri) AS skills
FROM training_module m JOIN taught t ON t.module_id = m.id
WHERE m.active AND m.audience = 'employee'
  AND m.id IN (SELECT module_id FROM taught WHERE skill_uri = ANY($1::text[]))
GROUP BY m.id
ORDER BY m.code
"""

VACANCY_TITLE = "SELECT title FROM vacancy WHERE id = $1"
