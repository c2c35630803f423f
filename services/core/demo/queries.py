"""SQL of the demo's placement story."""

# $1 the WISE: the best stored match of one of its people on an open vacancy of an employer
# (not a WISE placement), with the person's jobcoach and one of the employer's accounts.
SELECT_STORY_PAIR = """
SELECT m.employee_id, m.vacancy_id, e.jobcoach_id, hr.id AS employer_account_id
FROM match m
JOIN employee e ON e.id = m.employee_id
JOIN vacancy v ON v.id = m.vacancy_id AND v.status = 'open'
JOIN organisation o ON o.id = v.organisation_id AND o.kind = 'employer'
JOIN LATERAL (
    SELECT a.id FROM account a
    WHERE a.organisation_id = o.id AND a.role = 'employer' ORDER BY a.email LIMIT 1
) hr ON true
WHERE e.organisation_id = $1 AND e.jobcoach_id IS NOT NULL
ORDER BY m.score DESC, m.employee_id, m.vacancy_id
LIMIT 1
"""

# $1 employee, $2 employer organisation: an active consent to share with it.
SHARES_WITH = """
SELECT EXISTS (
    SELECT 1 FROM consent c
    WHERE c.employee_id = $1 AND c.purpose = 'share_with_employer'
      AND c.employer_id = $2 AND c.withdrawn_at IS NULL)
"""

# The demo's history (history.py). $1 the demo WISEs' names: their people in a fixed order,
# with their coach, and each WISE's own vacancies (placements need no consent to share there).
HISTORY_PEOPLE = """
SELECT e.id, e.organisation_id, e.jobcoach_id, e.ladder_rung, e.name, o.name AS wise
FROM employee e JOIN organisation o ON o.id = e.organisation_id
WHERE o.name = ANY($1::text[]) AND e.jobcoach_id IS NOT NULL
ORDER BY array_position($1::text[], o.name), e.name, e.id
"""
HISTORY_VACANCIES = """
SELECT v.id, v.organisation_id, v.title FROM vacancy v
JOIN organisation o ON o.id = v.organisation_id
WHERE o.name = ANY($1::text[])
ORDER BY array_position($1::text[], o.name), v.title, v.id
"""
# The history replaces the first rung recorded when the demo person was made today.
HISTORY_CLEAR_LADDER = "DELETE FROM ladder_change WHERE employee_id = ANY($1::uuid[])"
HISTORY_LADDER = """
INSERT INTO ladder_change
    (employee_id, rung, previous_rung, changed_on, decided_by, decided_role, note, recorded_at)
SELECT u.*, u.changed_on + time '10:00'
FROM unnest($1::uuid[], $2::smallint[], $3::smallint[], $4::date[], $5::uuid[], $6::text[],
            $7::text[]) AS u (employee_id, rung, previous_rung, changed_on, decided_by, role, note)
"""
# A vacancy shown to the coach in the caseload, as decisions.record_shown logs it.
HISTORY_SUGGESTION = """
INSERT INTO suggestion_log
    (shown_at, shown_to, audience, context, employee_id, vacancy_id, score, model_version)
VALUES ($1, $2, 'jobcoach', 'caseload', $3, $4, $5, 'demo-history')
RETURNING id
"""
# The four follow-up moments of a placement ($3 the decision, $4 its date), as the decisions
# hook makes them; the answers ($6.. per moment, NULL while not recorded) are written over
# whatever the hook made.
HISTORY_FOLLOWUPS = """
INSERT INTO placement_followup AS f
    (employee_id, vacancy_id, decision_id, months, due_on, still_working, hours, satisfaction,
     support_needed, recorded_at, recorded_by)
SELECT $1, $2, $3, m.months, ($4::date + make_interval(months => m.months))::date,
       m.still_working, m.hours, m.satisfaction, m.support,
       CASE WHEN m.still_working IS NOT NULL
            THEN ($4::date + make_interval(months => m.months) + interval '2 days 11 hours')
       END,
       CASE WHEN m.still_working IS NOT NULL THEN $5::uuid END
FROM unnest($6::smallint[], $7::boolean[], $8::smallint[], $9::smallint[], $10::text[])
     AS m (months, still_working, hours, satisfaction, support)
ON CONFLICT (employee_id, vacancy_id, months) DO UPDATE
SET still_working = excluded.still_working, hours = excluded.hours,
    satisfaction = excluded.satisfaction, support_needed = excluded.support_needed,
    recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by
"""
HISTORY_WAGE_VALUE = """
INSERT INTO wage_value (employee_id, percentage, reference_job, assessed_on, method, recorded_by)
VALUES ($1, $2, $3, $4, $5, $6)
"""
HISTORY_LOGBOOK = """
INSERT INTO logbook_entry (employee_id, happened_on, body, written_by, written_role, written_at)
VALUES ($1, $2, $3, $4, 'jobcoach', $2::date + time '16:00')
"""
# When the skills were last confirmed ($2), for one person ($1).
HISTORY_SKILLS_CONFIRMED = "UPDATE employee_skill SET assessed_on = $2 WHERE employee_id = $1"
