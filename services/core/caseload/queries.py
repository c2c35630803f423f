"""SQL of the caseload: people with their best match, open steps and last change, one
statement per sort order; the caseload's best matches and open steps.

The actor is $1..$3 (access/queries.py); the people are those `employee_visible` lets the actor
see, the vacancies open ones `vacancy_visible` allows.
"""

from services.core.access.queries import employee_visible, vacancy_visible
from services.core.outcomes.queries import gaps

# A pair's placement state is its newest decision other than an override (decisions/queries.py);
# an introduction or trial placement on an open vacancy awaits an answer.
AWAITING = ("introduced", "trial_placement")
_AWAITING_SQL = ", ".join(f"'{d}'" for d in AWAITING)

# $4 rung, $5 name contains.
_PEOPLE = f"""
FROM employee e
LEFT JOIN LATERAL (
    SELECT m.score, m.vacancy_id, v.title
    FROM match m JOIN vacancy v ON v.id = m.vacancy_id
    WHERE m.employee_id = e.id AND v.status = 'open' AND {vacancy_visible("v")}
    ORDER BY m.score DESC, m.vacancy_id
    LIMIT 1
) best ON true
LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE s.decision IN ({_AWAITING_SQL}) AND s.status = 'open')
               AS open_steps,
           max(s.decided_at) AS last_decision
    FROM (
        SELECT DISTINCT ON (d.vacancy_id) d.decision, d.decided_at, v.status
        FROM placement_decision d JOIN vacancy v ON v.id = d.vacancy_id
        WHERE d.employee_id = e.id AND d.decision <> 'overridden'
        ORDER BY d.vacancy_id, d.decided_at DESC, d.id DESC
    ) s
) steps ON true
WHERE {employee_visible("e")}
  AND ($4::smallint IS NULL OR e.ladder_rung = $4)
  AND ($5::text IS NULL OR strpos(lower(e.name), lower($5)) > 0)
"""

COUNT_CASELOAD = f"SELECT count(*) {_PEOPLE}"

# The column each sort key orders by; ties by name, then id, so a page never shuffles.
_COLUMNS = {
    "name": "lower(e.name)",
    "rung": "e.ladder_rung",
    "best": "best.score",
    "open": "steps.open_steps",
    "changed": "greatest(e.updated_at, steps.last_decision)",
    "profile": gaps("e"),
}


def _order(key: str, descending: bool) -> str:
    # A person without any match sorts last in both directions: "no score" is not a low one.
    direction = "DESC NULLS LAST" if descending else "ASC NULLS LAST"
    return f"{_COLUMNS[key]} {direction}, lower(e.name), e.id"


# One statement per sort order (ORDER BY takes no parameters); $6 limit, $7 offset.
SELECT_CASELOAD = {
    f"{'-' if descending else ''}{key}": f"""
SELECT e.id, e.name, e.ladder_rung, best.score AS best_score, best.vacancy_id AS best_vacancy_id,
       best.title AS best_title, steps.open_steps,
       greatest(e.updated_at, steps.last_decision) AS last_change,
       {_COLUMNS["profile"]} AS profile_gaps
{_PEOPLE}
ORDER BY {_order(key, descending)}
LIMIT $6 OFFSET $7
"""
    for key in _COLUMNS
    for descending in (False, True)
}

# Across the caseload: matches at or above the threshold for "fits" ($4) that nobody decided
# on yet (a decided pair is an open step or done), best first; $5 limit.
_BEST = f"""
FROM match m
JOIN employee e ON e.id = m.employee_id
JOIN vacancy v ON v.id = m.vacancy_id
JOIN organisation o ON o.id = v.organisation_id
WHERE {employee_visible("e")} AND v.status = 'open' AND {vacancy_visible("v")}
  AND m.score >= $4
  AND NOT EXISTS (SELECT 1 FROM placement_decision d
                  WHERE d.employee_id = m.employee_id AND d.vacancy_id = m.vacancy_id)
"""
SELECT_BEST_MATCHES = f"""
SELECT e.id AS employee_id, e.name AS employee_name, m.vacancy_id, v.title,
       o.name AS organisation_name, m.score
{_BEST}
ORDER BY m.score DESC, lower(e.name), m.vacancy_id
LIMIT $5
"""
COUNT_BEST_MATCHES = f"SELECT count(*) {_BEST}"

# Introductions and trial placements on open vacancies that await an answer, oldest first
# (the longest wait on top); $4 limit.
_OPEN = f"""
FROM (
    SELECT DISTINCT ON (d.employee_id, d.vacancy_id)
           d.employee_id, d.vacancy_id, d.decision, d.decided_at
    FROM placement_decision d JOIN employee e ON e.id = d.employee_id
    WHERE d.decision <> 'overridden' AND {employee_visible("e")}
    ORDER BY d.employee_id, d.vacancy_id, d.decided_at DESC, d.id DESC
) s
JOIN employee e ON e.id = s.employee_id
JOIN vacancy v ON v.id = s.vacancy_id AND v.status = 'open'
JOIN organisation o ON o.id = v.organisation_id
WHERE s.decision IN ({_AWAITING_SQL}) AND {vacancy_visible("v")}
"""
SELECT_OPEN_STEPS = f"""
SELECT e.id AS employee_id, e.name AS employee_name, s.vacancy_id, v.title,
       o.name AS organisation_name, s.decision, s.decided_at
{_OPEN}
ORDER BY s.decided_at, lower(e.name), s.vacancy_id
LIMIT $4
"""
COUNT_OPEN_STEPS = f"SELECT count(*) {_OPEN}"
