"""SQL of organisations, accounts, tokens and API keys."""

_ORGANISATION_COLUMNS = """
id, kind, name, description, goods_and_services, support_offered, website, postcode, created_at
"""

INSERT_ORGANISATION = f"""
INSERT INTO organisation (kind, name, description, goods_and_services, support_offered, website,
                          postcode)
VALUES ($1, $2, $3, $4, $5, $6, $7)
RETURNING {_ORGANISATION_COLUMNS}
"""

SELECT_ORGANISATION = f"SELECT {_ORGANISATION_COLUMNS} FROM organisation WHERE id = $1"

# The public digital window: a WISE's profile and the titles of its open vacancies.
SELECT_WINDOW_VACANCIES = """
SELECT id, title FROM vacancy
WHERE organisation_id = $1 AND status = 'open'
ORDER BY lower(title), id
"""

SELECT_ORGANISATION_ID_BY_NAME = """
SELECT id FROM organisation WHERE lower(name) = lower($1) ORDER BY created_at LIMIT 1
"""

UPDATE_ORGANISATION = f"""
UPDATE organisation
SET name = $2, description = $3, goods_and_services = $4, support_offered = $5, website = $6,
    postcode = $7, updated_at = now()
WHERE id = $1
RETURNING {_ORGANISATION_COLUMNS}
"""

INSERT_ACCOUNT = """
INSERT INTO account (organisation_id, email, name, role, password_hash)
VALUES ($1, $2, $3, $4, $5)
RETURNING id
"""

_ACCOUNT_COLUMNS = """
a.id, a.organisation_id, a.email, a.name, a.role, a.password_hash, a.token_version, a.active,
a.created_at, o.kind AS organisation_kind,
(SELECT e.id FROM employee e WHERE e.account_id = a.id) AS employee_id
"""

SELECT_ACCOUNT_BY_EMAIL = f"""
SELECT {_ACCOUNT_COLUMNS}
FROM account a JOIN organisation o ON o.id = a.organisation_id
WHERE lower(a.email) = lower($1)
"""

SELECT_ACCOUNT = f"""
SELECT {_ACCOUNT_COLUMNS}
FROM account a JOIN organisation o ON o.id = a.organisation_id
WHERE a.id = $1
"""

SELECT_ORGANISATION_ACCOUNTS = f"""
SELECT {_ACCOUNT_COLUMNS}
FROM account a JOIN organisation o ON o.id = a.organisation_id
WHERE a.organisation_id = $1 AND ($2::text IS NULL OR a.role = $2)
ORDER BY a.name, a.id
"""

SET_PASSWORD = """
UPDATE account
SET password_hash = $2, token_version = token_version + 1, updated_at = now()
WHERE id = $1
"""

INSERT_REFRESH_TOKEN = """
INSERT INTO refresh_token (account_id, token_hash, expires_at)
VALUES ($1, $2, now() + make_interval(days => $3))
"""

# Marks the token used (rotation) and returns its account when it was still valid.
CONSUME_REFRESH_TOKEN = """
UPDATE refresh_token SET revoked_at = now()
WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()
RETURNING account_id
"""

SELECT_REFRESH_TOKEN_OWNER = """
SELECT account_id FROM refresh_token WHERE token_hash = $1
"""

REVOKE_REFRESH_TOKEN = """
UPDATE refresh_token SET revoked_at = now()
WHERE token_hash = $1 AND account_id = $2 AND revoked_at IS NULL
"""

REVOKE_ALL_REFRESH_TOKENS = """
UPDATE refresh_token SET revoked_at = now() WHERE account_id = $1 AND revoked_at IS NULL
"""

_API_KEY_COLUMNS = """
id, name, prefix, created_at, expires_at, last_used_at, revoked_at, revoked_reason
"""

INSERT_API_KEY = f"""
INSERT INTO api_key (account_id, name, prefix, key_hash, expires_at)
VALUES ($1, $2, $3, $4, now() + make_interval(days => $5))
RETURNING {_API_KEY_COLUMNS}
"""

SELECT_API_KEYS = f"""
SELECT {_API_KEY_COLUMNS}
FROM api_key WHERE account_id = $1 ORDER BY created_at DESC, id
"""

REVOKE_API_KEY = """
UPDATE api_key SET revoked_at = now(), revoked_reason = $3
WHERE id = $1 AND account_id = $2 AND revoked_at IS NULL
RETURNING id
"""

REVOKE_ALL_API_KEYS = """
UPDATE api_key SET revoked_at = now(), revoked_reason = $2
WHERE account_id = $1 AND revoked_at IS NULL
"""

# Whether the key is still good is decided by the caller, so it can say why not.
SELECT_API_KEY_BY_HASH = """
SELECT id, account_id, expires_at, revoked_at, revoked_reason, expires_at <= now() AS expired,
       (last_used_at IS NULL OR last_used_at < now() - make_interval(secs => $2)) AS use_is_stale
FROM api_key WHERE key_hash = $1
"""

# Conditional, so that requests racing past the staleness check write once between them.
NOTE_API_KEY_USE = """
UPDATE api_key SET last_used_at = now()
WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - make_interval(secs => $2))
"""

# --- page sessions: the row is found by the hash of the cookie's token, never the token ---

NOTE_SIGN_IN = "UPDATE account SET last_sign_in_at = now() WHERE id = $1"

INSERT_PAGE_SESSION = """
INSERT INTO page_session (id, account_id, expires_at, user_agent)
VALUES ($1, $2, now() + make_interval(secs => $3), $4)
"""

# The account of a live session: not revoked, before its absolute end, seen within the idle
# limit ($2 seconds), account active; `seen_is_stale` when its last sighting is older than $3
# seconds (then the caller notes it).
SELECT_PAGE_SESSION_ACCOUNT = f"""
SELECT {_ACCOUNT_COLUMNS},
       s.last_seen_at < now() - make_interval(secs => $3) AS seen_is_stale
FROM page_session s
JOIN account a ON a.id = s.account_id
JOIN organisation o ON o.id = a.organisation_id
WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
  AND s.last_seen_at > now() - make_interval(secs => $2) AND a.active
"""

# At most once per $2 seconds; a row another request is noting (and holds locked until its
# transaction ends) is skipped rather than waited for.
NOTE_PAGE_SESSION_SEEN = """
UPDATE page_session SET last_seen_at = now()
WHERE id = (SELECT id FROM page_session
            WHERE id = $1 AND last_seen_at < now() - make_interval(secs => $2)
            FOR UPDATE SKIP LOCKED)
"""

REVOKE_PAGE_SESSION = """
UPDATE page_session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL
"""

REVOKE_ALL_PAGE_SESSIONS = """
UPDATE page_session SET revoked_at = now() WHERE account_id = $1 AND revoked_at IS NULL
"""
