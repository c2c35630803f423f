"""SQL of a person's own jobs: their stored matches, and one vacancy they may open."""

# The stored matches of one person ($1) with these vacancies ($2), with their explanations.
MATCHES_OF_PERSON = """
SELECT vacancy_id, score, explanation FROM match
WHERE employee_id = $1 AND vacancy_id = ANY($2::uuid[])
"""

# Whether the person ($1, signed in as account $2) was told about a vacancy.
_TOLD = """EXISTS (SELECT 1 FROM notification n
                  WHERE n.account_id = $2 AND n.employee_id = $1 AND n.vacancy_id = v.id)"""

# One vacancy ($3) as the person ($1, account $2) may open it: only one matched to them or one
# they were told about (closed or filled since, it still opens, to say so); never a draft.
JOB = f"""
SELECT v.id, v.status, v.title, v.description, v.occupation_uri, v.contract_kind,
       v.ladder_rung, v.hours_min, v.hours_max, v.postcode, v.language, v.language_cefr,
       v.places, v.closing_date, o.name AS organisation_name,
       coalesce((SELECT array_agg(a.accommodation_code ORDER BY a.accommodation_code)
                 FROM vacancy_accommodation a WHERE a.vacancy_id = v.id), '{{}}'::text[])
           AS accommodations,
       m.score, m.explanation, {_TOLD} AS told
FROM vacancy v
JOIN organisation o ON o.id = v.organisation_id
LEFT JOIN match m ON m.vacancy_id = v.id AND m.employee_id = $1
WHERE v.id = $3 AND v.status <> 'draft' AND (m.vacancy_id IS NOT NULL OR {_TOLD})
"""
