"""SQL of the bias report: counts per group only; no name or id leaves the database."""

# People in scope ($1 an organisation, or NULL for all) who take part in matching (an active
# consent: others are never scored, so counting them would measure consent, not the matcher).
# Suggested: $2 = 'matches', a stored match at or over $4 on an open vacancy; 'shown', a vacancy
# suggestion in the log. Outcome: an introduction, trial placement or hire. $3: the year.
GROUP_COUNTS = """
WITH person AS (
    SELECT EXISTS (SELECT 1 FROM employee_accommodation a WHERE a.employee_id = e.id)
               AS accommodations,
           CASE WHEN e.birth_year IS NULL THEN 'unknown'
                WHEN $3 - e.birth_year < 27 THEN '<27'
                WHEN $3 - e.birth_year < 45 THEN '27-44'
                WHEN $3 - e.birth_year < 55 THEN '45-54'
                ELSE '55+' END AS age_band,
           CASE WHEN $2 = 'matches' THEN EXISTS (
                    SELECT 1 FROM match m JOIN vacancy v ON v.id = m.vacancy_id
                    WHERE m.employee_id = e.id AND m.score >= $4 AND v.status = 'open')
                ELSE EXISTS (
                    SELECT 1 FROM suggestion_log s
                    WHERE s.employee_id = e.id AND s.vacancy_id IS NOT NULL) END AS suggested,
           EXISTS (SELECT 1 FROM placement_decision d WHERE d.employee_id = e.id
                   AND d.decision IN ('introduced', 'trial_placement', 'hired')) AS outcome
    FROM employee e
    WHERE ($1::uuid IS NULL OR e.organisation_id = $1)
      AND EXISTS (SELECT 1 FROM consent c WHERE c.employee_id = e.id AND c.purpose = 'matching'
                  AND c.withdrawn_at IS NULL)
)
SELECT 'accommodation_needs' AS dimension,
       CASE WHEN accommodations THEN 'with' ELSE 'without' END AS grp,
       count(*) AS people, count(*) FILTER (WHERE suggested) AS suggested,
       count(*) FILTER (WHERE outcome) AS outcomes
FROM person GROUP BY 1, 2
UNION ALL
SELECT 'age_band', age_band, count(*), count(*) FILTER (WHERE suggested),
       count(*) FILTER (WHERE outcome)
FROM person GROUP BY 1, 2
"""

ORGANISATION_BY_NAME = "SELECT id FROM organisation WHERE lower(name) = lower($1)"
