"""SQL of the jobcoach's logbook."""

_ENTRY_COLUMNS = """
l.id, l.employee_id, l.happened_on, l.body, l.written_by, a.name AS written_by_name,
l.written_role, l.written_at
"""

# Newest first: by the day a note is about, then by when it was written.
SELECT_ENTRIES = f"""
SELECT {_ENTRY_COLUMNS}
FROM logbook_entry l LEFT JOIN account a ON a.id = l.written_by
WHERE l.employee_id = $1
ORDER BY l.happened_on DESC, l.written_at DESC, l.id
LIMIT $2
"""

SELECT_ENTRY = f"""
SELECT {_ENTRY_COLUMNS}
FROM logbook_entry l LEFT JOIN account a ON a.id = l.written_by
WHERE l.id = $1 AND l.employee_id = $2
"""

INSERT_ENTRY = """
INSERT INTO logbook_entry (employee_id, happened_on, body, written_by, written_role)
VALUES ($1, $2, $3, $4, $5)
RETURNING id
"""

DELETE_ENTRY = "DELETE FROM logbook_entry WHERE id = $1 AND employee_id = $2"
