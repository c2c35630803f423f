"""SQL of the outcome report and of profile completeness.

The report's scope is one organisation's people ($1); dates are calendar days in the
Netherlands (a decision's time is read there). Only counts leave these queries.
"""

from services.core.outcomes import completeness

LOCAL = "Europe/Amsterdam"

# Each person's rung on a day ($2): their latest ladder_change on or before it. A person with
# no ladder_change at all (recorded before the ladder was kept and never backfilled) counts
# with their current rung from the day they were recorded.
RUNGS_ON = """
WITH people AS (SELECT id, ladder_rung, created_at FROM employee WHERE organisation_id = $1),
on_day AS (
    (SELECT DISTINCT ON (l.employee_id) l.employee_id, l.rung
     FROM ladder_change l JOIN people p ON p.id = l.employee_id
     WHERE l.changed_on <= $2
     ORDER BY l.employee_id, l.changed_on DESC, l.id DESC)
    UNION ALL
    SELECT p.id, p.ladder_rung FROM people p
    WHERE (p.created_at AT TIME ZONE 'Europe/Amsterdam')::date <= $2
      AND NOT EXISTS (SELECT FROM ladder_change l WHERE l.employee_id = p.id)
)
SELECT rung, count(*)::int AS people FROM on_day GROUP BY rung ORDER BY rung
"""

# Moves on the ladder that took effect in the period ($2..$3): a row whose rung differs from
# the person's row before it (the first row of a person is where they started, not a move).
MOVES = """
WITH steps AS (
    SELECT l.employee_id, l.changed_on, l.rung,
           lag(l.rung) OVER (PARTITION BY l.employee_id ORDER BY l.changed_on, l.id) AS before
    FROM ladder_change l JOIN employee e ON e.id = l.employee_id
    WHERE e.organisation_id = $1
)
SELECT count(*) FILTER (WHERE rung > before)::int AS up,
       count(*) FILTER (WHERE rung < before)::int AS down,
       count(DISTINCT employee_id) FILTER (WHERE rung > before)::int AS people_up,
       count(DISTINCT employee_id) FILTER (WHERE rung < before)::int AS people_down
FROM steps
WHERE changed_on BETWEEN $2 AND $3 AND before IS NOT NULL
"""

_DAY = f"(d.decided_at AT TIME ZONE '{LOCAL}')::date"

# Trial placements and hires decided in the period, per kind, with the people placed.
PLACEMENTS = f"""
SELECT d.decision AS kind, count(*)::int AS placements,
       count(DISTINCT d.employee_id)::int AS people
FROM placement_decision d JOIN employee e ON e.id = d.employee_id
WHERE e.organisation_id = $1 AND d.decision IN ('trial_placement', 'hired')
  AND {_DAY} BETWEEN $2 AND $3
GROUP BY d.decision
"""

# The follow-up moments at 3, 6 and 12 months due in the period: how many were recorded and
# how many of those found the person still working; the ones still open.
RETENTION = """
SELECT f.months, count(*) FILTER (WHERE f.recorded_at IS NOT NULL)::int AS recorded,
       count(*) FILTER (WHERE f.still_working)::int AS still_working,
       count(*) FILTER (WHERE f.recorded_at IS NULL)::int AS open
FROM placement_followup f JOIN employee e ON e.id = f.employee_id
WHERE e.organisation_id = $1 AND f.months IN (3, 6, 12) AND f.due_on BETWEEN $2 AND $3
GROUP BY f.months
"""

# Per person placed in the period: days from the first vacancy ever suggested to them (the
# suggestion log: a stored match keeps no date of its own, it is recomputed) to their first
# trial placement or hire in the period. NULL days: no suggestion before the placement.
TIME_TO_PLACEMENT = f"""
WITH placed AS (
    SELECT d.employee_id, min(d.decided_at) AS placed_at
    FROM placement_decision d JOIN employee e ON e.id = d.employee_id
    WHERE e.organisation_id = $1 AND d.decision IN ('trial_placement', 'hired')
      AND {_DAY} BETWEEN $2 AND $3
    GROUP BY d.employee_id
)
SELECT p.employee_id,
       ((p.placed_at AT TIME ZONE '{LOCAL}')::date
        - (first.shown_at AT TIME ZONE '{LOCAL}')::date) AS days
FROM placed p
LEFT JOIN LATERAL (
    SELECT min(s.shown_at) AS shown_at FROM suggestion_log s
    WHERE s.employee_id = p.employee_id AND s.vacancy_id IS NOT NULL
      AND s.shown_at <= p.placed_at
) first ON true
"""

# An organisation's kind ($1), NULL when there is none.
ORGANISATION_KIND = "SELECT kind FROM organisation WHERE id = $1"

# What completeness reads of a person `e` (a SQL alias), as columns; the rules live in
# completeness.py, the caseload sorts on the same facts and rules through gaps().
FACTS_SQL = """
       EXISTS (SELECT 1 FROM employee_skill s WHERE s.employee_id = {e}.id) AS has_skills,
       ({e}.target_occupation_uri IS NOT NULL) AS has_target,
       ({e}.hours_min IS NOT NULL OR {e}.hours_max IS NOT NULL) AS has_hours,
       EXISTS (SELECT 1 FROM employee_language l WHERE l.employee_id = {e}.id) AS has_languages,
       EXISTS (SELECT 1 FROM employee_capacity c WHERE c.employee_id = {e}.id) AS has_capacity,
       (SELECT max(s.assessed_on) FROM employee_skill s WHERE s.employee_id = {e}.id)
           AS skills_confirmed_on"""


def facts(e: str) -> str:
    """The completeness facts of the person aliased `e`, as select-list columns."""
    return FACTS_SQL.format(e=e)


def gaps(e: str, today: str = "(now() AT TIME ZONE 'Europe/Amsterdam')::date") -> str:
    """How many gaps the person aliased `e` has, as a SQL expression (for sorting): the rules
    of completeness.profile_gaps over the same facts (a part missing; skills confirmed
    STALE_MONTHS or more before `today`, a SQL date expression)."""
    missing = " + ".join(f"(NOT f.{column})::int" for column, _ in completeness.NEEDED)
    stale = (
        f"(f.has_skills AND coalesce(f.skills_confirmed_on <= (({today})::date"
        f" - interval '{completeness.STALE_MONTHS} months')::date, false))::int"
    )
    return f"(SELECT {missing} + {stale} FROM (SELECT {facts(e)}) f)"


# One person's facts ($1).
PERSON_FACTS = f"SELECT {facts('e')} FROM employee e WHERE e.id = $1"

# Many people's facts ($1 ids).
PEOPLE_FACTS = f"SELECT e.id, {facts('e')} FROM employee e WHERE e.id = ANY($1::uuid[])"
