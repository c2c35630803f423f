"""SQL of the follow-up moments after a placement."""

from services.core.access.queries import employee_visible

# The four moments of a placement decision ($1), each months ($2) after the decision's date in
# the Netherlands ($3, the time zone); a pair that has them already (a hire after a trial
# placement) keeps the first set.
INSERT_FOR_DECISION = """
INSERT INTO placement_followup (employee_id, vacancy_id, decision_id, months, due_on)
SELECT d.employee_id, d.vacancy_id, d.id, m.months,
       ((d.decided_at AT TIME ZONE $3)::date + make_interval(months => m.months))::date
FROM placement_decision d
CROSS JOIN unnest($2::smallint[]) AS m (months)
WHERE d.id = $1
ON CONFLICT (employee_id, vacancy_id, months) DO NOTHING
"""

_COLUMNS = """
f.id, f.employee_id, f.vacancy_id, f.decision_id, f.months, f.due_on, f.still_working, f.hours,
f.support_needed, f.satisfaction, f.note, f.recorded_at, f.recorded_by,
r.name AS recorded_by_name, f.reminded_at
"""

# A person's moments ($1) with their vacancy, its organisation, the pair's newest decision
# (overrides aside) and the date of its first placement; newest placement first.
SELECT_FOR_EMPLOYEE = f"""
SELECT {_COLUMNS}, v.title AS vacancy_title, o.name AS organisation_name,
       s.decision AS status, p.placed_on
FROM placement_followup f
JOIN vacancy v ON v.id = f.vacancy_id
JOIN organisation o ON o.id = v.organisation_id
LEFT JOIN account r ON r.id = f.recorded_by
LEFT JOIN LATERAL (
    SELECT d.decision FROM placement_decision d
    WHERE d.employee_id = f.employee_id AND d.vacancy_id = f.vacancy_id
      AND d.decision <> 'overridden'
    ORDER BY d.decided_at DESC, d.id DESC LIMIT 1
) s ON true
LEFT JOIN LATERAL (
    SELECT min((d.decided_at AT TIME ZONE $2)::date) AS placed_on FROM placement_decision d
    WHERE d.employee_id = f.employee_id AND d.vacancy_id = f.vacancy_id
      AND d.decision IN ('trial_placement', 'hired')
) p ON true
WHERE f.employee_id = $1
ORDER BY min(f.due_on) OVER (PARTITION BY f.vacancy_id) DESC, f.vacancy_id, f.months
"""

# One moment of one person ($1 moment, $2 person), locked for recording.
SELECT_ONE = f"""
SELECT {_COLUMNS}
FROM placement_followup f LEFT JOIN account r ON r.id = f.recorded_by
WHERE f.id = $1 AND f.employee_id = $2
"""
LOCK_ONE = "SELECT id FROM placement_followup WHERE id = $1 AND employee_id = $2 FOR UPDATE"

# Record (or correct) the answers of a moment; $8 who.
RECORD = """
UPDATE placement_followup
SET still_working = $3, hours = $4, support_needed = $5, satisfaction = $6, note = $7,
    recorded_at = now(), recorded_by = $8
WHERE id = $1 AND employee_id = $2
"""

# Moments due by $1 (a date), not recorded and not reminded of, whose person has an active
# jobcoach to remind; at most $2, locked so two runs never remind of the same one.
CLAIM_DUE = """
SELECT f.id FROM placement_followup f
JOIN employee e ON e.id = f.employee_id
JOIN account a ON a.id = e.jobcoach_id AND a.active
WHERE f.due_on <= $1 AND f.recorded_at IS NULL AND f.reminded_at IS NULL
ORDER BY f.due_on, f.id
LIMIT $2
FOR UPDATE OF f SKIP LOCKED
"""
MARK_REMINDED = """
UPDATE placement_followup SET reminded_at = now() WHERE id = ANY($1::uuid[])
"""

# The caseload's moments that may be recorded now: due by $4 (today plus the early window),
# not recorded, of the people the actor ($1..$3) may see; overdue first. $5 today, $6 limit.
_DUE = f"""
FROM placement_followup f
JOIN employee e ON e.id = f.employee_id
JOIN vacancy v ON v.id = f.vacancy_id
WHERE f.recorded_at IS NULL AND f.due_on <= $4 AND {employee_visible("e")}
"""
SELECT_DUE_FOR_CASELOAD = f"""
SELECT f.id, f.employee_id, e.name AS employee_name, f.vacancy_id, v.title AS vacancy_title,
       f.months, f.due_on, f.due_on < $5 AS overdue
{_DUE}
ORDER BY f.due_on, e.name, f.id
LIMIT $6
"""
COUNT_DUE_FOR_CASELOAD = f"SELECT count(*) {_DUE}"
