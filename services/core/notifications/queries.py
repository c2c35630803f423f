"""SQL of notifications, their deliveries, preferences, webhooks and digests."""

# Matches of these vacancies or people ($1, $2) that are worth telling about: an open vacancy,
# a score at or over the threshold ($3), or one rung up and at or over the lower
# stepping-stone threshold ($4); and who would be told of each, with the dedupe key that makes
# telling idempotent: the person, their jobcoach, and the employer's accounts when the person
# shares their profile with that employer.
_RECIPIENTS = """
notable AS (
    SELECT m.vacancy_id, m.employee_id, e.account_id, e.jobcoach_id, v.organisation_id
    FROM match m
    JOIN vacancy v ON v.id = m.vacancy_id
    JOIN employee e ON e.id = m.employee_id
    WHERE (m.vacancy_id = ANY($1::uuid[]) OR m.employee_id = ANY($2::uuid[]))
      AND v.status = 'open'
      AND (m.score >= $3 OR (v.ladder_rung = e.ladder_rung + 1 AND m.score >= $4))
),
told AS (
    SELECT n.account_id, 'match_found' AS kind, n.vacancy_id, n.employee_id
    FROM notable n WHERE n.account_id IS NOT NULL
    UNION ALL
    SELECT n.jobcoach_id, 'caseload_match', n.vacancy_id, n.employee_id
    FROM notable n WHERE n.jobcoach_id IS NOT NULL
    UNION ALL
    SELECT a.id, 'candidate_found', n.vacancy_id, n.employee_id
    FROM notable n
    JOIN account a ON a.organisation_id = n.organisation_id AND a.role = 'employer' AND a.active
    WHERE EXISTS (
        SELECT 1 FROM consent c
        WHERE c.employee_id = n.employee_id AND c.purpose = 'share_with_employer'
          AND c.employer_id = n.organisation_id AND c.withdrawn_at IS NULL
          AND (c.vacancy_id IS NULL OR c.vacancy_id = n.vacancy_id))
),
recipients AS (
    SELECT t.*, t.kind || ':' || t.vacancy_id || ':' || t.employee_id AS dedupe_key
    FROM told t JOIN account a ON a.id = t.account_id AND a.active
)
"""
# The notable matches (as above) that someone has yet to be told of and that are stored without
# an explanation: the notification is written from it, so it is explained first.
UNTOLD_UNEXPLAINED = f"""
WITH {_RECIPIENTS}
SELECT DISTINCT r.vacancy_id, r.employee_id
FROM recipients r
JOIN match m ON m.vacancy_id = r.vacancy_id AND m.employee_id = r.employee_id
WHERE m.explanation IS NULL
  AND NOT EXISTS (SELECT 1 FROM notification x
                  WHERE x.account_id = r.account_id AND x.dedupe_key = r.dedupe_key)
ORDER BY r.vacancy_id, r.employee_id
"""
# The notifications of the notable matches not told before; a second run inserts nothing.
INSERT_MATCH_NOTIFICATIONS = f"""
WITH {_RECIPIENTS}
INSERT INTO notification (account_id, kind, dedupe_key, employee_id, vacancy_id, data)
SELECT r.account_id, r.kind, r.dedupe_key, r.employee_id, r.vacancy_id,
       CASE r.kind WHEN 'candidate_found' THEN d.data - 'learn' ELSE d.data END
FROM recipients r
JOIN match m ON m.vacancy_id = r.vacancy_id AND m.employee_id = r.employee_id
JOIN vacancy v ON v.id = m.vacancy_id
JOIN employee e ON e.id = m.employee_id
CROSS JOIN LATERAL (
    SELECT jsonb_build_object(
               'score', round(m.score::numeric),
               'step_up', v.ladder_rung = e.ladder_rung + 1,
               'have', jsonb_array_length(jsonb_path_query_array(
                   m.explanation, '$.matched[*] ? (@.relation == "essential")'))
                 + jsonb_array_length(jsonb_path_query_array(
                   m.explanation, '$.related[*] ? (@.relation == "essential")')),
               'total', jsonb_array_length(jsonb_path_query_array(
                   m.explanation, '$.matched[*] ? (@.relation == "essential")'))
                 + jsonb_array_length(jsonb_path_query_array(
                   m.explanation, '$.related[*] ? (@.relation == "essential")'))
                 + jsonb_array_length(m.explanation -> 'missing_essential'),
               'learn', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                             'uri', x.uri,
                             'en', m.explanation -> 'labels' -> x.uri ->> 'en',
                             'nl', m.explanation -> 'labels' -> x.uri ->> 'nl')
                             ORDER BY x.n), '[]')
                         FROM jsonb_array_elements_text(m.explanation -> 'missing_essential')
                              WITH ORDINALITY AS x (uri, n)
                         WHERE x.n <= 3),
               'model_version', m.model_version
           ) AS data
) d
ON CONFLICT (account_id, dedupe_key) DO NOTHING
RETURNING id, kind
"""

# Everyone told about a vacancy (person or jobcoach) hears once that it closed or was filled.
INSERT_CLOSED_NOTIFICATIONS = """
INSERT INTO notification (account_id, kind, dedupe_key, employee_id, vacancy_id, data)
SELECT n.account_id, 'vacancy_closed', 'vacancy_closed:' || n.vacancy_id || ':' || n.employee_id,
       n.employee_id, n.vacancy_id,
       jsonb_build_object('status', v.status,
                          'audience', CASE n.kind WHEN 'match_found' THEN 'employee'
                                      ELSE 'jobcoach' END)
FROM notification n JOIN vacancy v ON v.id = n.vacancy_id
WHERE n.vacancy_id = $1 AND n.kind IN ('match_found', 'caseload_match')
  AND v.status IN ('closed', 'filled')
ON CONFLICT (account_id, dedupe_key) DO NOTHING
RETURNING id, kind
"""

# The person's jobcoach hears once of each follow-up moment ($1) that is due (followup/).
INSERT_FOLLOWUP_NOTIFICATIONS = """
INSERT INTO notification (account_id, kind, dedupe_key, employee_id, vacancy_id, data)
SELECT e.jobcoach_id, 'followup_due', 'followup_due:' || f.id, f.employee_id, f.vacancy_id,
       jsonb_build_object('followup_id', f.id, 'months', f.months, 'due_on', f.due_on)
FROM placement_followup f JOIN employee e ON e.id = f.employee_id
WHERE f.id = ANY($1::uuid[]) AND e.jobcoach_id IS NOT NULL
ON CONFLICT (account_id, dedupe_key) DO NOTHING
RETURNING id, kind
"""

# A delivery for each new notification on each channel its account asked for: email when
# 'instant' (the default), and every enabled webhook of the account's organisation when on.
INSERT_DELIVERIES = """
INSERT INTO delivery (notification_id, channel, webhook_id)
SELECT n.id, 'email', NULL::uuid
FROM notification n
LEFT JOIN notification_preference p ON p.account_id = n.account_id
WHERE n.id = ANY($1::uuid[]) AND coalesce(p.email, 'instant') = 'instant'
UNION ALL
SELECT n.id, 'webhook', w.id
FROM notification n
JOIN notification_preference p ON p.account_id = n.account_id AND p.webhook
JOIN account a ON a.id = n.account_id
JOIN webhook w ON w.organisation_id = a.organisation_id AND w.enabled
WHERE n.id = ANY($1::uuid[])
ON CONFLICT DO NOTHING
RETURNING id
"""

# A notification as its reader sees it: with the names it mentions, read at render time.
_NOTIFICATION_COLUMNS = """
n.id, n.account_id, n.kind, n.employee_id, n.vacancy_id, n.data, n.created_at, n.read_at,
e.name AS employee_name, v.title AS vacancy_title, o.name AS organisation_name
"""
_NOTIFICATION_JOINS = """
FROM notification n
LEFT JOIN employee e ON e.id = n.employee_id
LEFT JOIN vacancy v ON v.id = n.vacancy_id
LEFT JOIN organisation o ON o.id = v.organisation_id
"""
LIST_FOR_ACCOUNT = f"""
SELECT {_NOTIFICATION_COLUMNS} {_NOTIFICATION_JOINS}
WHERE n.account_id = $1 AND (NOT $2::boolean OR n.read_at IS NULL)
ORDER BY n.created_at DESC, n.id
LIMIT $3 OFFSET $4
"""
COUNT_FOR_ACCOUNT = """
SELECT count(*) FILTER (WHERE NOT $2::boolean OR read_at IS NULL) AS total,
       count(*) FILTER (WHERE read_at IS NULL) AS unread
FROM notification WHERE account_id = $1
"""
SELECT_ONE = f"SELECT {_NOTIFICATION_COLUMNS} {_NOTIFICATION_JOINS} WHERE n.id = $1"
MARK_READ = """
UPDATE notification SET read_at = coalesce(read_at, clock_timestamp())
WHERE id = $1 AND account_id = $2
RETURNING id
"""
MARK_ALL_READ = """
UPDATE notification SET read_at = clock_timestamp() WHERE account_id = $1 AND read_at IS NULL
"""
# Notifications of an account in a period, for its digest.
LIST_SINCE = f"""
SELECT {_NOTIFICATION_COLUMNS} {_NOTIFICATION_JOINS}
WHERE n.account_id = $1 AND n.created_at >= $2 AND n.created_at < $3
ORDER BY n.created_at, n.id
"""

SELECT_PREFERENCES = """
SELECT a.language, coalesce(p.email, 'instant') AS email, coalesce(p.webhook, false) AS webhook
FROM account a LEFT JOIN notification_preference p ON p.account_id = a.id
WHERE a.id = $1
"""
UPSERT_PREFERENCES = """
INSERT INTO notification_preference (account_id, email, webhook) VALUES ($1, $2, $3)
ON CONFLICT (account_id) DO UPDATE
SET email = excluded.email, webhook = excluded.webhook, updated_at = now()
"""
SET_LANGUAGE = "UPDATE account SET language = $2, updated_at = now() WHERE id = $1"

# Accounts that get a weekly digest: jobcoaches unless they switched email off, and anyone
# who asked for a digest instead of instant email.
DIGEST_ACCOUNTS = """
SELECT a.id, a.email, a.name, a.language, a.role
FROM account a LEFT JOIN notification_preference p ON p.account_id = a.id
WHERE a.active AND (coalesce(p.email, 'instant') = 'digest'
                    OR (a.role = 'jobcoach' AND coalesce(p.email, 'instant') <> 'off'))
ORDER BY a.id
"""
CLAIM_DIGEST = """
INSERT INTO digest (account_id, period, items) VALUES ($1, $2, $3)
ON CONFLICT DO NOTHING
RETURNING account_id
"""

# A delivery with all it needs to go out; locked so two workers never send it at once.
LOCK_DELIVERY = """
SELECT d.id, d.channel, d.status, d.attempts, d.webhook_id, d.notification_id,
       a.email, a.name AS account_name, a.language, a.active,
       w.url AS webhook_url, w.secret AS webhook_secret, w.enabled AS webhook_enabled
FROM delivery d
JOIN notification n ON n.id = d.notification_id
JOIN account a ON a.id = n.account_id
LEFT JOIN webhook w ON w.id = d.webhook_id
WHERE d.id = $1
FOR UPDATE OF d
"""
MARK_DELIVERY = """
UPDATE delivery
SET status = $2, attempts = attempts + $3, last_error = $4,
    sent_at = CASE WHEN $2 = 'sent' THEN clock_timestamp() ELSE sent_at END
WHERE id = $1
"""
RESET_DELIVERY = """
UPDATE delivery SET status = 'pending', attempts = 0, last_error = NULL WHERE id = $1
"""
SELECT_ACCOUNT = "SELECT id, email, name, language, role, active FROM account WHERE id = $1"

WEBHOOK_COLUMNS = """
id, organisation_id, url, enabled, consecutive_failures, disabled_at, created_at
"""
LIST_WEBHOOKS = f"""
SELECT {WEBHOOK_COLUMNS} FROM webhook
WHERE $1::uuid IS NULL OR organisation_id = $1
ORDER BY created_at, id
"""
SELECT_WEBHOOK = f"SELECT {WEBHOOK_COLUMNS} FROM webhook WHERE id = $1"
INSERT_WEBHOOK = f"""
INSERT INTO webhook (organisation_id, url, secret, created_by) VALUES ($1, $2, $3, $4)
RETURNING {WEBHOOK_COLUMNS}
"""
DELETE_WEBHOOK = "DELETE FROM webhook WHERE id = $1"
ENABLE_WEBHOOK = f"""
UPDATE webhook SET enabled = true, consecutive_failures = 0, disabled_at = NULL WHERE id = $1
RETURNING {WEBHOOK_COLUMNS}
"""
# A failed delivery counts against its webhook; at the limit ($2) the webhook is switched off.
WEBHOOK_FAILED = """
UPDATE webhook
SET consecutive_failures = consecutive_failures + 1,
    enabled = consecutive_failures + 1 < $2,
    disabled_at = CASE WHEN consecutive_failures + 1 >= $2 THEN clock_timestamp()
                       ELSE disabled_at END
WHERE id = $1
RETURNING enabled
"""
WEBHOOK_SUCCEEDED = "UPDATE webhook SET consecutive_failures = 0 WHERE id = $1"
