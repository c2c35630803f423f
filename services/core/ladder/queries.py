"""SQL of the ladder over time (table ladder_change: one row per rung a person was put on,
changed_on the date it took effect)."""

_CHANGE_COLUMNS = """
c.id, c.employee_id, c.rung, c.previous_rung, c.changed_on, c.decided_by,
a.name AS decided_by_name, c.decided_role, c.note, c.recorded_at
"""

# Oldest first; on the same day in the order recorded.
SELECT_HISTORY = f"""
SELECT {_CHANGE_COLUMNS}
FROM ladder_change c LEFT JOIN account a ON a.id = c.decided_by
WHERE c.employee_id = $1
ORDER BY c.changed_on, c.id
"""

SELECT_NEWEST = f"""
SELECT {_CHANGE_COLUMNS}
FROM ladder_change c LEFT JOIN account a ON a.id = c.decided_by
WHERE c.employee_id = $1
ORDER BY c.changed_on DESC, c.id DESC
LIMIT 1
"""

INSERT_CHANGE = """
INSERT INTO ladder_change
    (employee_id, rung, previous_rung, changed_on, decided_by, decided_role, note)
VALUES ($1, $2, $3, $4, $5, $6, $7)
RETURNING id
"""

# The person's rung follows the newest move (the row is locked by the caller's read first).
SET_RUNG = """
UPDATE employee SET ladder_rung = $2, updated_at = now() WHERE id = $1
"""

# Since when each person is on their current rung: the newest change's date.
SELECT_ON_RUNG_SINCE = """
SELECT DISTINCT ON (employee_id) employee_id, changed_on
FROM ladder_change WHERE employee_id = ANY($1::uuid[])
ORDER BY employee_id, changed_on DESC, id DESC
"""
