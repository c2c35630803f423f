"""SQL of work capacity: a person's levels and a vacancy's demands."""

import re

from services.core.capacity.items import ITEMS

SAFE = re.compile(r"^[a-z][a-z0-9_]{1,39}$")

SELECT_PROFILE = """
SELECT item, level, assessed_on, recorded_by, recorded_at
FROM employee_capacity WHERE employee_id = $1 ORDER BY item
"""

DELETE_PROFILE_EXCEPT = """
DELETE FROM employee_capacity WHERE employee_id = $1 AND NOT (item = ANY($2::text[]))
"""

# A level that did not change keeps who recorded it and when.
UPSERT_LEVELS = """
INSERT INTO employee_capacity (employee_id, item, level, assessed_on, recorded_by)
SELECT $1, l.item, l.level, $4, $5
FROM unnest($2::text[], $3::smallint[]) AS l (item, level)
ON CONFLICT (employee_id, item) DO UPDATE
SET level = excluded.level, assessed_on = excluded.assessed_on,
    recorded_by = excluded.recorded_by, recorded_at = now()
WHERE employee_capacity.level IS DISTINCT FROM excluded.level
   OR employee_capacity.assessed_on IS DISTINCT FROM excluded.assessed_on
"""

SELECT_DEMANDS = (
    "SELECT item, level FROM vacancy_capacity_demand WHERE vacancy_id = $1 ORDER BY item"
)

DELETE_DEMANDS_EXCEPT = """
DELETE FROM vacancy_capacity_demand WHERE vacancy_id = $1 AND NOT (item = ANY($2::text[]))
"""

UPSERT_DEMANDS = """
INSERT INTO vacancy_capacity_demand (vacancy_id, item, level)
SELECT $1, d.item, d.level FROM unnest($2::text[], $3::smallint[]) AS d (item, level)
ON CONFLICT (vacancy_id, item) DO UPDATE SET level = excluded.level
WHERE vacancy_capacity_demand.level IS DISTINCT FROM excluded.level
"""


def _resolving_values() -> str:
    """The item list's (item, accommodation) pairs as a VALUES list (codes match
    ^[a-z][a-z0-9_]+$, checked here, so they are safe inside SQL)."""
    pairs = [(i.code, c) for i in ITEMS for c in i.resolved_by]
    assert all(SAFE.match(x) for pair in pairs for x in pair)
    return ", ".join(f"('{item}', '{code}')" for item, code in pairs)


def capacity_fails(employee_id: str, vacancy_id: str) -> str:
    """A condition: the person's capacity constraint fails for the vacancy (as the matcher's
    capacity constraint decides): a demand on an item the person has a lower level for, which
    no accommodation the vacancy offers can make workable. An item without a level is unknown,
    never a fail."""
    return f"""EXISTS (
        SELECT 1 FROM vacancy_capacity_demand d
        JOIN employee_capacity k ON k.employee_id = {employee_id} AND k.item = d.item
        WHERE d.vacancy_id = {vacancy_id} AND k.level < d.level
          AND NOT EXISTS (
              SELECT 1 FROM vacancy_accommodation a
              JOIN (VALUES {_resolving_values()}) AS r (item, code)
                ON r.code = a.accommodation_code
              WHERE a.vacancy_id = d.vacancy_id AND r.item = d.item))"""


# Which of these vacancies ($2) the person's ($1) capacity constraint fails for.
FAILING = f"""
SELECT v.id FROM unnest($2::uuid[]) AS v (id)
WHERE {capacity_fails("$1::uuid", "v.id")}
"""
