"""SQL of the export and the erasure of one person.

Every export section is one statement that answers one jsonb value (a list of objects, or one
object or NULL). They all start from `p`, the person's employee id and their own login account
(NULL when they have none), given as $1 and $2. `to_jsonb(row)` exports whole rows, so a column
added later is exported without a change here; only secrets are left out (password hash, token
version, refresh token, page session and API key hashes and prefixes).
"""

_P = "WITH p (employee_id, account_id) AS (VALUES ($1::uuid, $2::uuid)) "


def _list(select: str, order: str) -> str:
    return (
        f"{_P}SELECT coalesce(jsonb_agg(to_jsonb(x) ORDER BY {order}), '[]'::jsonb) "
        f"FROM ({select}) x"
    )


_DELIVERIES = """(
    SELECT coalesce(jsonb_agg(jsonb_build_object('channel', d.channel, 'status', d.status,
        'attempts', d.attempts, 'created_at', d.created_at, 'sent_at', d.sent_at)
        ORDER BY d.created_at), '[]'::jsonb)
    FROM delivery d WHERE d.notification_id = n.id) AS deliveries"""

SECTIONS: dict[str, str] = {
    "profile": f"""{_P}
        SELECT to_jsonb(e) || jsonb_build_object('organisation_name', o.name,
                                                 'jobcoach_name', j.name)
        FROM p JOIN employee e ON e.id = p.employee_id
        JOIN organisation o ON o.id = e.organisation_id
        LEFT JOIN account j ON j.id = e.jobcoach_id""",
    "skills": _list(
        """SELECT s.*, k.label_en, k.label_nl
        FROM p JOIN employee_skill s ON s.employee_id = p.employee_id
        LEFT JOIN skill k ON k.uri = s.skill_uri""",
        "x.skill_uri",
    ),
    "languages": _list(
        "SELECT l.* FROM p JOIN employee_language l ON l.employee_id = p.employee_id",
        "x.language",
    ),
    "accommodations": _list(
        """SELECT a.*, c.label_nl, c.label_en
        FROM p JOIN employee_accommodation a ON a.employee_id = p.employee_id
        JOIN accommodation c ON c.code = a.accommodation_code""",
        "x.accommodation_code",
    ),
    # Given and withdrawn: the history of consent is part of what is held.
    "consents": _list(
        """SELECT c.*, o.name AS employer_name, g.name AS given_by_name,
               w.name AS withdrawn_by_name
        FROM p JOIN consent c ON c.employee_id = p.employee_id
        LEFT JOIN organisation o ON o.id = c.employer_id
        LEFT JOIN account g ON g.id = c.given_by
        LEFT JOIN account w ON w.id = c.withdrawn_by""",
        "x.given_at, x.id",
    ),
    "matches": _list(
        """SELECT m.*, v.title AS vacancy_title, o.name AS vacancy_organisation
        FROM p JOIN match m ON m.employee_id = p.employee_id
        JOIN vacancy v ON v.id = m.vacancy_id
        JOIN organisation o ON o.id = v.organisation_id""",
        "x.score DESC, x.vacancy_id",
    ),
    # The person's own feed, with how each notification was delivered.
    "notifications": _list(
        f"""SELECT n.*, {_DELIVERIES}
        FROM p JOIN notification n ON n.account_id = p.account_id""",
        "x.created_at, x.id",
    ),
    # About the person, sent to others: art. 15(1)(c) asks for the recipients, given here by
    # role and organisation (the reader's own name is their data, not the person's: 15(4)).
    "notifications_about_you": _list(
        f"""SELECT n.id, n.kind, n.vacancy_id, n.data, n.created_at, n.read_at,
               a.role AS recipient_role, o.name AS recipient_organisation, {_DELIVERIES}
        FROM p JOIN notification n ON n.employee_id = p.employee_id
        JOIN account a ON a.id = n.account_id
        JOIN organisation o ON o.id = a.organisation_id
        WHERE n.account_id IS DISTINCT FROM p.account_id""",
        "x.created_at, x.id",
    ),
    "audit": _list(
        """SELECT l.id, l.at, l.actor_id, l.actor_role, l.action, l.fields, l.purpose,
               l.request_id
        FROM p JOIN audit_log l ON l.employee_id = p.employee_id""",
        "x.at, x.id",
    ),
    "training_records": _list(
        """SELECT r.*, m.code AS module_code, m.title_nl, m.title_en
        FROM p JOIN training_record r ON r.employee_id = p.employee_id
        JOIN training_module m ON m.id = r.module_id""",
        "x.completed_on, x.id",
    ),
    # Suggestions about the person, and those shown to them; who else saw one is kept as a role.
    "suggestions": _list(
        """SELECT s.id, s.shown_at, s.audience, s.context, s.employee_id, s.vacancy_id,
               s.occupation_uri, s.score, s.model_version, s.explanation,
               (s.shown_to IS NOT DISTINCT FROM p.account_id) AS shown_to_you
        FROM p JOIN suggestion_log s
          ON s.employee_id = p.employee_id OR s.shown_to = p.account_id""",
        "x.shown_at, x.id",
    ),
    "placement_decisions": _list(
        """SELECT d.*, a.name AS decided_by_name
        FROM p JOIN placement_decision d
          ON d.employee_id = p.employee_id OR d.decided_by = p.account_id
        LEFT JOIN account a ON a.id = d.decided_by""",
        "x.decided_at, x.id",
    ),
    "account": f"""{_P}
        SELECT to_jsonb(a) - 'password_hash' - 'token_version'
               || jsonb_build_object('organisation_name', o.name)
        FROM p JOIN account a ON a.id = p.account_id
        JOIN organisation o ON o.id = a.organisation_id""",
    # API refresh tokens and page sessions; a page session's id is its token's hash: left out.
    "sessions": _list(
        """SELECT 'api' AS kind, t.id, t.created_at, t.expires_at, t.revoked_at,
               NULL::timestamptz AS last_seen_at, NULL::text AS user_agent
        FROM p JOIN refresh_token t ON t.account_id = p.account_id
        UNION ALL
        SELECT 'pages', NULL, s.created_at, s.expires_at, s.revoked_at, s.last_seen_at,
               s.user_agent
        FROM p JOIN page_session s ON s.account_id = p.account_id""",
        "x.created_at, x.id",
    ),
    "api_keys": _list(
        """SELECT k.id, k.name, k.created_at, k.expires_at, k.last_used_at, k.revoked_at,
               k.revoked_reason
        FROM p JOIN api_key k ON k.account_id = p.account_id""",
        "x.created_at, x.id",
    ),
    "notification_preference": f"""{_P}
        SELECT to_jsonb(n) FROM p JOIN notification_preference n ON n.account_id = p.account_id""",
    "digests": _list(
        "SELECT g.* FROM p JOIN digest g ON g.account_id = p.account_id",
        "x.sent_at",
    ),
    # Who decided a move or wrote a note is named: the person may know who recorded it.
    "ladder_changes": _list(
        """SELECT c.*, a.name AS decided_by_name
        FROM p JOIN ladder_change c ON c.employee_id = p.employee_id
        LEFT JOIN account a ON a.id = c.decided_by""",
        "x.changed_on, x.id",
    ),
    "logbook": _list(
        """SELECT l.*, a.name AS written_by_name
        FROM p JOIN logbook_entry l ON l.employee_id = p.employee_id
        LEFT JOIN account a ON a.id = l.written_by""",
        "x.happened_on, x.written_at",
    ),
    "capacity": _list(
        """SELECT k.*, a.name AS recorded_by_name
        FROM p JOIN employee_capacity k ON k.employee_id = p.employee_id
        LEFT JOIN account a ON a.id = k.recorded_by""",
        "x.item",
    ),
    "placement_followups": _list(
        """SELECT f.*, v.title AS vacancy_title, a.name AS recorded_by_name
        FROM p JOIN placement_followup f ON f.employee_id = p.employee_id
        JOIN vacancy v ON v.id = f.vacancy_id
        LEFT JOIN account a ON a.id = f.recorded_by""",
        "x.due_on, x.vacancy_id, x.months",
    ),
    # Each agreement with its progress per work process; who recorded a step is named.
    "learning_agreements": _list(
        """SELECT l.*, c.name AS created_by_name, (
            SELECT coalesce(jsonb_agg(to_jsonb(g) || jsonb_build_object(
                       'work_process_code', w.code, 'recorded_by_name', r.name)
                       ORDER BY w.code), '[]'::jsonb)
            FROM learning_progress g JOIN work_process w ON w.id = g.work_process_id
            LEFT JOIN account r ON r.id = g.recorded_by
            WHERE g.agreement_id = l.id) AS progress
        FROM p JOIN learning_agreement l ON l.employee_id = p.employee_id
        LEFT JOIN account c ON c.id = l.created_by""",
        "x.starts_on, x.id",
    ),
    "wage_values": _list(
        """SELECT w.*, a.name AS recorded_by_name
        FROM p JOIN wage_value w ON w.employee_id = p.employee_id
        LEFT JOIN account a ON a.id = w.recorded_by""",
        "x.assessed_on, x.recorded_at",
    ),
}

# Every column that refers to a person or an account: foreign keys to employee(id) or
# account(id), and any column named employee_id or account_id (audit_log has no key).
SELECT_PERSON_COLUMNS = """
SELECT c.table_name::text AS table_name, c.column_name::text AS column_name
FROM information_schema.columns c
JOIN information_schema.tables t
  ON t.table_schema = c.table_schema AND t.table_name = c.table_name
WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
  AND c.column_name IN ('employee_id', 'account_id')
UNION
SELECT src.relname::text, att.attname::text
FROM pg_constraint k
JOIN pg_class src ON src.oid = k.conrelid
JOIN pg_class dst ON dst.oid = k.confrelid
JOIN pg_attribute att ON att.attrelid = k.conrelid AND att.attnum = ANY (k.conkey)
WHERE k.contype = 'f' AND src.relnamespace = current_schema()::regnamespace
  AND dst.relname IN ('employee', 'account')
ORDER BY 1, 2
"""

# --- Erasure: run in this order, in one transaction; $1 the employee ids throughout, $2 (where
# named) the ids of their own sign-in accounts. Used for a request and for retention alike. ---

# Locked, so no concurrent write of a record interleaves with its erasure.
SELECT_FOR_ERASURE = """
SELECT id FROM employee WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE
"""

# The person's own sign-in account goes with them; a staff account never does.
SELECT_OWN_ACCOUNTS = """
SELECT a.id FROM employee e JOIN account a ON a.id = e.account_id
WHERE e.id = ANY($1::uuid[]) AND a.role = 'employee'
"""

# $2 when, $3 why: what counts need, nothing that identifies. One row per person, in id order.
INSERT_TOMBSTONES = """
INSERT INTO erasure_tombstone (erased_at, organisation_id, ladder_rung, reason)
SELECT coalesce($2::timestamptz, now()), organisation_id, ladder_rung, $3
FROM employee WHERE id = ANY($1::uuid[]) ORDER BY id
RETURNING id
"""

# Events about the people, their accounts or their deliveries, sent or not, and any whose
# payload names one of them; a redelivery then finds nothing ("gone").
DELETE_EVENTS = """
WITH who (id) AS (SELECT unnest($1::uuid[] || $2::uuid[])::text)
DELETE FROM outbox_event o
WHERE (o.aggregate_type = 'employee' AND o.aggregate_id = ANY($1::uuid[]::text[]))
   OR (o.aggregate_type = 'account' AND o.aggregate_id = ANY($2::uuid[]::text[]))
   OR (o.aggregate_type = 'delivery' AND o.aggregate_id IN (
        SELECT d.id::text FROM delivery d JOIN notification n ON n.id = d.notification_id
        WHERE n.employee_id = ANY($1::uuid[]) OR n.account_id = ANY($2::uuid[])))
   OR EXISTS (SELECT 1 FROM who WHERE strpos(o.payload::text, who.id) > 0)
"""

# About the people to every reader, and their own feeds (deliveries cascade).
DELETE_NOTIFICATIONS = """
DELETE FROM notification WHERE employee_id = ANY($1::uuid[]) OR account_id = ANY($2::uuid[])
"""

# Audit rows about the people go with them: kept, they would go on saying who read an erased
# person's data; the erasure itself is accounted for by the tombstone.
DELETE_AUDIT = "DELETE FROM audit_log WHERE employee_id = ANY($1::uuid[])"

# Skills, languages, accommodations, consents, matches, training records and the
# suggestion_log and placement_decision rows go with it (ON DELETE CASCADE; a test checks that
# every foreign key to employee cascades or is cleared).
DELETE_EMPLOYEES = "DELETE FROM employee WHERE id = ANY($1::uuid[])"

# $1 the accounts: reads they made of anyone else keep the fact, not the reader; references
# that do not cascade become NULL, so that an erasure never fails on a foreign key.
FORGET_ACCOUNTS = """
WITH r AS (UPDATE audit_log SET actor_id = NULL WHERE actor_id = ANY($1::uuid[])),
     g AS (UPDATE consent SET given_by = NULL WHERE given_by = ANY($1::uuid[])),
     w AS (UPDATE consent SET withdrawn_by = NULL WHERE withdrawn_by = ANY($1::uuid[])),
     v AS (UPDATE vacancy SET created_by = NULL WHERE created_by = ANY($1::uuid[]))
SELECT 1
"""

# $1 the accounts: sessions, API keys, preferences and digests cascade; authorship elsewhere
# (training records, suggestions, decisions, webhooks) becomes NULL.
DELETE_ACCOUNTS = "DELETE FROM account WHERE id = ANY($1::uuid[])"

# $1 the person: the placements the decision log records as work: hired, or on a trial placement.
RESUME_PLACEMENTS = """
SELECT d.decision, d.decided_at::date AS start_date, v.title, o.name AS organisation
FROM placement_decision d
JOIN vacancy v ON v.id = d.vacancy_id
JOIN organisation o ON o.id = v.organisation_id
WHERE d.employee_id = $1 AND d.decision IN ('hired', 'trial_placement')
ORDER BY d.decided_at, d.id
"""
