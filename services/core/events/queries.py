"""SQL of the event outbox."""

INSERT_EVENT = """
INSERT INTO outbox_event (event_type, aggregate_type, aggregate_id, payload)
VALUES ($1, $2, $3, $4)
RETURNING id
"""

# Unpublished events, and published ones whose lease ran out before a worker processed them
# (the broker lost the message). SKIP LOCKED lets several relays run side by side.
CLAIM_DUE_EVENTS = """
WITH due AS (
    SELECT id FROM outbox_event
    WHERE processed_at IS NULL
      AND (published_at IS NULL OR lease_until < clock_timestamp())
    ORDER BY created_at
    LIMIT $1
    FOR UPDATE SKIP LOCKED
)
UPDATE outbox_event AS e
SET published_at = clock_timestamp(),
    lease_until = clock_timestamp() + make_interval(secs => $2),
    attempts = e.attempts + 1
FROM due
WHERE e.id = due.id
RETURNING e.id, e.event_type, e.attempts
"""

SELECT_EVENT = """
SELECT id, event_type, aggregate_type, aggregate_id, payload, created_at, processed_at
FROM outbox_event WHERE id = $1
"""

MARK_PROCESSED = """
UPDATE outbox_event SET processed_at = clock_timestamp()
WHERE id = $1 AND processed_at IS NULL
"""

# Records that `handler` applied the event; returns no row when it already had.
CLAIM_HANDLING = """
INSERT INTO processed_event (handler, event_id) VALUES ($1, $2)
ON CONFLICT DO NOTHING
RETURNING event_id
"""

SELECT_LAG = """
SELECT count(*) FILTER (WHERE published_at IS NULL) AS unpublished,
       count(*) FILTER (WHERE processed_at IS NULL) AS unprocessed,
       coalesce(extract(epoch FROM clock_timestamp() - min(created_at)
                FILTER (WHERE processed_at IS NULL)), 0)::float8 AS oldest_seconds
FROM outbox_event
WHERE processed_at IS NULL
"""

DELETE_PROCESSED_BEFORE = """
WITH gone AS (
    DELETE FROM outbox_event
    WHERE processed_at IS NOT NULL AND processed_at < clock_timestamp() - make_interval(days => $1)
    RETURNING id
)
DELETE FROM processed_event p USING gone WHERE p.event_id = gone.id
"""
