"""SQL for retention. Every delete takes a bounded batch and skips rows others hold locked."""

SELECT_NOW = "SELECT clock_timestamp()"

# Cut-off instants, from the caller's clock: $1 now, then months/days per kind.
SELECT_CUTOFFS = """
SELECT $1::timestamptz - make_interval(months => $2) AS inactive_people,
       $1::timestamptz - make_interval(months => $3) AS closed_vacancies,
       $1::timestamptz - make_interval(days => $4) AS read_notifications,
       $1::timestamptz - make_interval(days => $5) AS unread_notifications,
       $1::timestamptz - make_interval(months => $6) AS audit,
       $1::timestamptz - make_interval(months => $7) AS suggestions,
       $1::timestamptz - make_interval(mins => $8) AS idle_page_sessions
"""

# A person is inactive when nobody did anything with or for their file since $1: no profile
# change, no sign-in or API use of their account, no consent given or withdrawn, no training
# recorded, no skill assessed, no placement decision. Work of the machine (matches rescored,
# notifications created, suggestions shown) is not activity: it happens without anyone.
SELECT_INACTIVE_PEOPLE = """
SELECT e.id
FROM employee e
LEFT JOIN account a ON a.id = e.account_id
WHERE greatest(e.created_at, e.updated_at, a.updated_at, a.last_sign_in_at) < $1
  AND NOT EXISTS (SELECT 1 FROM refresh_token t
                  WHERE t.account_id = e.account_id AND t.created_at >= $1)
  AND NOT EXISTS (SELECT 1 FROM api_key k
                  WHERE k.account_id = e.account_id AND k.last_used_at >= $1)
  AND NOT EXISTS (SELECT 1 FROM consent c WHERE c.employee_id = e.id
                  AND (c.given_at >= $1 OR c.withdrawn_at >= $1))
  AND NOT EXISTS (SELECT 1 FROM training_record r
                  WHERE r.employee_id = e.id AND r.created_at >= $1)
  AND NOT EXISTS (SELECT 1 FROM employee_skill s
                  WHERE s.employee_id = e.id AND s.assessed_on >= $1::date)
  AND NOT EXISTS (SELECT 1 FROM placement_decision d
                  WHERE d.employee_id = e.id AND d.decided_at >= $1)
ORDER BY e.id
LIMIT $2
FOR UPDATE OF e SKIP LOCKED
"""

# --- other kinds: $1 cut-off(s), last parameter the batch size -----------------------------

SELECT_EXPIRED_VACANCIES = """
SELECT id FROM vacancy
WHERE status IN ('closed', 'filled') AND updated_at < $1
ORDER BY id
LIMIT $2
FOR UPDATE SKIP LOCKED
"""

DELETE_VACANCY_EVENTS = """
DELETE FROM outbox_event WHERE aggregate_type = 'vacancy' AND aggregate_id = ANY($1::text[])
"""

# Skills, accommodations, matches, notifications, suggestions and decisions about the vacancy,
# and consents to share for it, go by ON DELETE CASCADE on vacancy(id).
DELETE_VACANCIES = "DELETE FROM vacancy WHERE id = ANY($1::uuid[])"

DELETE_NOTIFICATIONS = """
WITH gone AS (
    DELETE FROM notification WHERE id IN (
        SELECT id FROM notification
        WHERE (read_at IS NOT NULL AND created_at < $1)
           OR (read_at IS NULL AND created_at < $2)
        LIMIT $3
        FOR UPDATE SKIP LOCKED)
    RETURNING 1)
SELECT count(*) FROM gone
"""

DELETE_AUDIT_ROWS = """
WITH gone AS (
    DELETE FROM audit_log WHERE id IN (
        SELECT id FROM audit_log WHERE at < $1 ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)
    RETURNING 1)
SELECT count(*) FROM gone
"""

DELETE_SUGGESTIONS = """
WITH gone AS (
    DELETE FROM suggestion_log WHERE id IN (
        SELECT id FROM suggestion_log WHERE shown_at < $1 ORDER BY id LIMIT $2
        FOR UPDATE SKIP LOCKED)
    RETURNING 1)
SELECT count(*) FROM gone
"""

# Page sessions that can no longer be used: past their end ($1 now), idle since $2, or revoked.
DELETE_PAGE_SESSIONS = """
WITH gone AS (
    DELETE FROM page_session WHERE id IN (
        SELECT id FROM page_session
        WHERE expires_at <= $1 OR last_seen_at <= $2 OR revoked_at IS NOT NULL
        LIMIT $3
        FOR UPDATE SKIP LOCKED)
    RETURNING 1)
SELECT count(*) FROM gone
"""
