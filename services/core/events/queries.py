"""SQL of the event outbox."""

INSERT_EVENT = """
INSERT INTO outbox_event (event_type, aggregate_type, aggregate_id, payload, available_at)
VALUES ($1, $2, $3, $4, clock_timestamp() + make_interval(secs => $5))
RETURNING id
"""

# Unpublished events that are due, and published ones whose lease ran out before a worker
# processed them (the broker lost the message); never dead ones. SKIP LOCKED lets several
# relays run side by side.
CLAIM_DUE_EVENTS = """
WITH due AS (
    SELECT id FROM outbox_event
    WHERE processed_at IS NULL AND dead_at IS NULL AND available_at <= clock_timestamp()
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
SELECT count(*) FILTER (WHERE published_at IS NULL AND dead_at IS NULL) AS unpublished,
       count(*) FILTER (WHERE dead_at IS NULL) AS unprocessed,
       count(*) FILTER (WHERE dead_at IS NOT NULL) AS dead,
       coalesce(extract(epoch FROM clock_timestamp() - min(available_at)
                FILTER (WHERE dead_at IS NULL AND available_at <= clock_timestamp())),
                0)::float8 AS oldest_seconds
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

# Give up on an event: the relay stops sending it until an admin replays it.
MARK_DEAD = """
UPDATE outbox_event SET dead_at = clock_timestamp()
WHERE id = $1 AND processed_at IS NULL AND dead_at IS NULL
"""

# Events leased so often that their messages must be killing workers or getting lost.
SELECT_WORN_OUT = """
SELECT id, event_type, attempts FROM outbox_event
WHERE processed_at IS NULL AND dead_at IS NULL AND attempts >= $1
  AND (lease_until IS NULL OR lease_until < clock_timestamp())
ORDER BY created_at
LIMIT 100
FOR UPDATE SKIP LOCKED
"""

REVIVE = """
UPDATE outbox_event
SET dead_at = NULL, published_at = NULL, lease_until = NULL, attempts = 0,
    available_at = clock_timestamp()
WHERE id = $1 AND processed_at IS NULL
"""

# A message given up on; one open dead letter per task id (a replayed one may die again).
RECORD_DEAD_LETTER = """
INSERT INTO dead_letter (task_name, task_id, args, error, attempts)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (task_id) WHERE replayed_at IS NULL
DO UPDATE SET error = excluded.error, attempts = excluded.attempts
RETURNING id
"""
LIST_DEAD_LETTERS = """
SELECT id, task_name, task_id, args, error, attempts, created_at, replayed_at
FROM dead_letter
WHERE $1::boolean OR replayed_at IS NULL
ORDER BY created_at, id
"""
CLAIM_DEAD_LETTER = """
UPDATE dead_letter SET replayed_at = clock_timestamp()
WHERE id = $1 AND replayed_at IS NULL
RETURNING id, task_name, task_id, args
"""
