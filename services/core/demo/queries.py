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
