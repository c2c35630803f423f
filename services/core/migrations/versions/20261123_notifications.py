"""Notifications, their deliveries by email and webhook, preferences, and dead letters.

Revision ID: 20261123_0004
Revises: 20261123_0003
Create Date: 2026-11-23
"""

from alembic import op

revision = "20261123_0004"
down_revision = "20261123_0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    ALTER TABLE account ADD COLUMN language text NOT NULL DEFAULT 'nl'
        CHECK (language IN ('nl', 'en'));

    -- An event may wait (a retry with backoff) and may be given up on (a dead letter).
    ALTER TABLE outbox_event ADD COLUMN available_at timestamptz NOT NULL
        DEFAULT clock_timestamp();
    ALTER TABLE outbox_event ADD COLUMN dead_at timestamptz;

    -- One notification per recipient and fact: dedupe_key makes creating it idempotent.
    -- Texts are rendered from kind and data when read, in the reader's language.
    CREATE TABLE notification (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id  uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        kind        text NOT NULL CHECK (kind IN
                    ('match_found', 'caseload_match', 'candidate_found', 'vacancy_closed')),
        dedupe_key  text NOT NULL,
        employee_id uuid REFERENCES employee (id) ON DELETE CASCADE,
        vacancy_id  uuid REFERENCES vacancy (id) ON DELETE CASCADE,
        data        jsonb NOT NULL DEFAULT '{}',
        created_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
        read_at     timestamptz,
        UNIQUE (account_id, dedupe_key)
    );
    CREATE INDEX notification_account_idx ON notification (account_id, created_at DESC);
    CREATE INDEX notification_unread_idx ON notification (account_id) WHERE read_at IS NULL;
    CREATE INDEX notification_employee_idx ON notification (employee_id);
    CREATE INDEX notification_vacancy_idx ON notification (vacancy_id);

    -- How an account wants to hear about notifications beyond the in-app feed.
    CREATE TABLE notification_preference (
        account_id uuid PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
        email      text NOT NULL DEFAULT 'instant' CHECK (email IN ('off', 'instant', 'digest')),
        webhook    boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now()
    );

    -- An organisation's endpoints for signed notifications (HMAC-SHA256).
    CREATE TABLE webhook (
        id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id      uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
        url                  text NOT NULL CHECK (url ~ '^https?://'),
        secret               text NOT NULL,
        enabled              boolean NOT NULL DEFAULT true,
        consecutive_failures integer NOT NULL DEFAULT 0,
        disabled_at          timestamptz,
        created_by           uuid REFERENCES account (id) ON DELETE SET NULL,
        created_at           timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX webhook_organisation_idx ON webhook (organisation_id);

    -- One delivery per notification and channel (and webhook); retried with backoff.
    CREATE TABLE delivery (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        notification_id uuid NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
        channel         text NOT NULL CHECK (channel IN ('email', 'webhook')),
        webhook_id      uuid REFERENCES webhook (id) ON DELETE CASCADE,
        status          text NOT NULL DEFAULT 'pending'
                        CHECK (status IN ('pending', 'sent', 'failed', 'skipped')),
        attempts        integer NOT NULL DEFAULT 0,
        last_error      text,
        created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
        sent_at         timestamptz,
        CHECK ((channel = 'webhook') = (webhook_id IS NOT NULL))
    );
    CREATE UNIQUE INDEX delivery_key ON delivery
        (notification_id, channel, coalesce(webhook_id, '00000000-0000-0000-0000-000000000000'));

    -- A digest sent to an account for a period (e.g. '2026-W48'): never sent twice.
    CREATE TABLE digest (
        account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        period     text NOT NULL,
        items      integer NOT NULL,
        sent_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account_id, period)
    );

    -- Messages given up on after repeated failure, for an admin to inspect and replay.
    CREATE TABLE dead_letter (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        task_name   text NOT NULL,
        task_id     text NOT NULL,
        args        jsonb NOT NULL DEFAULT '[]',
        error       text NOT NULL,
        attempts    integer NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        replayed_at timestamptz
    );
    CREATE UNIQUE INDEX dead_letter_open_key ON dead_letter (task_id) WHERE replayed_at IS NULL;
    """)


def downgrade() -> None:
    op.execute("""
    DROP TABLE IF EXISTS dead_letter, digest, delivery, webhook, notification_preference,
        notification;
    ALTER TABLE outbox_event DROP COLUMN IF EXISTS dead_at;
    ALTER TABLE outbox_event DROP COLUMN IF EXISTS available_at;
    ALTER TABLE account DROP COLUMN IF EXISTS language;
    """)
