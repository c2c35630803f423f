"""SQL of the decision log."""

from services.core.access.queries import employee_visible, vacancy_visible

# Stored matches shown to an actor: the score and model come from the match itself, the
# explanation too unless the reader computed it ($6: a match stored without one, explained when
# read), or {} for one stored and read without it (scores only). $1 shown_to, $2 audience,
# $3 context, $4/$5 the pairs, $6 their explanations or NULLs.
# A row shown since the start of today (UTC).
TODAY = "l.shown_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'"

# Once per reader, context, match and day (UTC): the same suggestion shown again (a page
# reloaded) adds nothing; a changed one (another score or model) is logged anew, and so is one
# first logged without an explanation (stored with scores only, read without) that has one now.
LOG_SHOWN_MATCHES = f"""
INSERT INTO suggestion_log
    (shown_to, audience, context, employee_id, vacancy_id, score, model_version, explanation)
SELECT $1, $2, $3, m.employee_id, m.vacancy_id, m.score, m.model_version,
       coalesce(m.explanation, s.explanation::jsonb, '{{}}')
FROM unnest($4::uuid[], $5::uuid[], $6::text[])
     WITH ORDINALITY AS s (employee_id, vacancy_id, explanation, n)
JOIN match m ON m.employee_id = s.employee_id AND m.vacancy_id = s.vacancy_id
WHERE NOT EXISTS (
    SELECT FROM suggestion_log AS l
    WHERE l.employee_id = m.employee_id AND l.vacancy_id = m.vacancy_id
      AND l.shown_to IS NOT DISTINCT FROM $1 AND l.context = $3
      AND l.score = m.score AND l.model_version = m.model_version AND {TODAY}
      AND (l.explanation <> '{{}}' OR coalesce(m.explanation, s.explanation::jsonb) IS NULL))
ORDER BY s.n
"""

# Occupations suggested as a next step (no vacancy): the transition graph in use is the model.
LOG_SHOWN_OCCUPATIONS = f"""
WITH graph AS (
    SELECT coalesce((SELECT 'transitions:' || version FROM transition_graph
                     ORDER BY built_at DESC LIMIT 1), 'transitions') AS version
)
INSERT INTO suggestion_log
    (shown_to, audience, context, employee_id, occupation_uri, score, model_version, explanation)
SELECT $1, $2, $3, $4, o.uri, o.score, graph.version, o.explanation::jsonb
FROM unnest($5::text[], $6::real[], $7::text[]) WITH ORDINALITY AS o (uri, score, explanation, n)
CROSS JOIN graph
WHERE NOT EXISTS (
    SELECT FROM suggestion_log AS l
    WHERE l.employee_id = $4 AND l.occupation_uri = o.uri
      AND l.shown_to IS NOT DISTINCT FROM $1 AND l.context = $3
      AND l.score = o.score AND l.model_version = graph.version AND {TODAY})
ORDER BY o.n
"""


def _shares(e: str, v: str) -> str:
    """Whether the person `e` may be introduced to the organisation of vacancy `v`: they share
    their profile with it now (the consent that lets an employer see them), or the vacancy is
    their own WISE's, which holds their profile already."""
    return f"""({v}.organisation_id = {e}.organisation_id OR EXISTS (
        SELECT 1 FROM consent c
        WHERE c.employee_id = {e}.id AND c.purpose = 'share_with_employer'
          AND c.employer_id = {v}.organisation_id AND c.withdrawn_at IS NULL))"""


# The pair a decision is about ($4 employee, $5 vacancy), whether the actor ($1..$3) may see
# each side of it (false for an id that does not exist), and whether the person shares their
# profile with the vacancy's organisation.
PAIR = f"""
SELECT v.organisation_id AS vacancy_organisation_id,
       coalesce({employee_visible("e")}, false) AS employee_visible,
       coalesce({vacancy_visible("v")}, false) AS vacancy_visible,
       coalesce({_shares("e", "v")}, false) AS shares
FROM (VALUES ($4::uuid, $5::uuid)) AS p (employee_id, vacancy_id)
LEFT JOIN employee e ON e.id = p.employee_id
LEFT JOIN vacancy v ON v.id = p.vacancy_id
"""

# For many pairs ($1 employees, $2 vacancies, pairwise): the vacancy's organisation and whether
# the person shares their profile with it (as PAIR's `shares`).
PAIR_SHARING = f"""
SELECT p.employee_id, p.vacancy_id, v.organisation_id, o.name AS organisation_name,
       {_shares("e", "v")} AS shares
FROM unnest($1::uuid[], $2::uuid[]) AS p (employee_id, vacancy_id)
JOIN employee e ON e.id = p.employee_id
JOIN vacancy v ON v.id = p.vacancy_id
JOIN organisation o ON o.id = v.organisation_id
"""

# Decisions on one pair are taken one at a time, so the order check sees every earlier one.
LOCK_PAIR = "SELECT pg_advisory_xact_lock(hashtextextended($1::text || ':' || $2::text, 0))"

# The placement state of a pair: its newest decision other than an override (a note on the
# suggestion, not a step of the placement).
PAIR_STATE = """
SELECT decision FROM placement_decision
WHERE employee_id = $1 AND vacancy_id = $2 AND decision <> 'overridden'
ORDER BY decided_at DESC, id DESC LIMIT 1
"""

# The same for many pairs at once ($1 employees, $2 vacancies, pairwise): one row per pair that
# has a decision.
PAIR_STATES = """
SELECT DISTINCT ON (d.employee_id, d.vacancy_id) d.employee_id, d.vacancy_id, d.decision
FROM unnest($1::uuid[], $2::uuid[]) AS p (employee_id, vacancy_id)
JOIN placement_decision d
  ON d.employee_id = p.employee_id AND d.vacancy_id = p.vacancy_id AND d.decision <> 'overridden'
ORDER BY d.employee_id, d.vacancy_id, d.decided_at DESC, d.id DESC
"""

# The suggestion a decision answers: the given one ($3), or else the newest for the pair; when
# the pair was never shown, the stored match behind it.
SUGGESTION_FOR = """
SELECT id AS suggestion_id, score, model_version FROM suggestion_log
WHERE employee_id = $1 AND vacancy_id = $2 AND ($3::bigint IS NULL OR id = $3)
ORDER BY shown_at DESC, id DESC LIMIT 1
"""
MATCH_FOR = """
SELECT NULL::bigint AS suggestion_id, score, model_version FROM match
WHERE employee_id = $1 AND vacancy_id = $2
"""

# $10: when a decision taken earlier took effect (the demo's past year); NULL (always, through
# the API) dates it now.
INSERT_DECISION = """
INSERT INTO placement_decision (employee_id, vacancy_id, decision, reason, suggestion_id, score,
                                model_version, decided_by, decided_role, decided_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, coalesce($10::timestamptz, clock_timestamp()))
RETURNING id, employee_id, vacancy_id, decision, reason, suggestion_id, score, model_version,
          decided_by, decided_role, decided_at
"""

_ENTRIES = """
SELECT 'suggestion' AS kind, s.id::text AS id, s.shown_at AS at, s.shown_to AS actor_id,
       a.name AS actor_name, s.audience AS role, s.employee_id, e.name AS employee_name,
       s.vacancy_id, v.title AS vacancy_title, s.occupation_uri, s.context,
       NULL AS decision, NULL AS reason, NULL::bigint AS suggestion_id, s.score::float8 AS score,
       s.model_version, s.explanation
FROM suggestion_log s JOIN employee e ON e.id = s.employee_id
LEFT JOIN account a ON a.id = s.shown_to LEFT JOIN vacancy v ON v.id = s.vacancy_id
WHERE {where_s}
UNION ALL
SELECT 'decision', d.id::text, d.decided_at, d.decided_by, a.name, d.decided_role, d.employee_id,
       e.name, d.vacancy_id, v.title, NULL, NULL, d.decision, d.reason, d.suggestion_id,
       d.score::float8, d.model_version, NULL
FROM placement_decision d JOIN employee e ON e.id = d.employee_id
LEFT JOIN account a ON a.id = d.decided_by LEFT JOIN vacancy v ON v.id = d.vacancy_id
WHERE {where_d}
ORDER BY at, kind DESC, id
"""

# Everything about one person ($1), oldest first; $2 limit, $3 offset.
LOG_FOR_EMPLOYEE = (
    _ENTRIES.format(where_s="s.employee_id = $1", where_d="d.employee_id = $1")
    + " LIMIT $2 OFFSET $3"
)

# Everything about one vacancy ($4) for the people the actor ($1..$3) may see; $5 limit,
# $6 offset.
LOG_FOR_VACANCY = (
    _ENTRIES.format(
        where_s=f"s.vacancy_id = $4 AND {employee_visible('e')}",
        where_d=f"d.vacancy_id = $4 AND {employee_visible('e')}",
    )
    + " LIMIT $5 OFFSET $6"
)
