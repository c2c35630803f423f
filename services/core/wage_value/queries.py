"""SQL of the wage value and the target group register flag."""

# $1 the person: their wage values, newest assessment first.
SELECT_FOR_EMPLOYEE = """
SELECT w.id, w.employee_id, w.percentage, w.reference_job, w.assessed_on, w.method,
       w.recorded_by, a.name AS recorded_by_name, w.recorded_at
FROM wage_value w LEFT JOIN account a ON a.id = w.recorded_by
WHERE w.employee_id = $1
ORDER BY w.assessed_on DESC, w.recorded_at DESC, w.id
"""

SELECT_REGISTER = "SELECT target_group_register FROM employee WHERE id = $1"

INSERT = """
INSERT INTO wage_value (employee_id, percentage, reference_job, assessed_on, method, recorded_by)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING id
"""

SET_REGISTER = """
UPDATE employee SET target_group_register = $2, updated_at = now() WHERE id = $1
"""

# Whether the person ($1) consents to matching now: the processing consent that special
# category data is recorded under.
HAS_CONSENT = """
SELECT EXISTS (SELECT 1 FROM consent c WHERE c.employee_id = $1 AND c.purpose = 'matching'
                                          AND c.withdrawn_at IS NULL)
"""
