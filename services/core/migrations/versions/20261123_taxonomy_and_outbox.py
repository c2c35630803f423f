"""Taxonomy (ESCO layout) and the event outbox.

Revision ID: 20261123_0001
Revises:
Create Date: 2026-11-23
"""

from alembic import op

revision = "20261123_0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    CREATE EXTENSION IF NOT EXISTS pg_trgm;

    -- ISCO-08 groups: 1 to 4 digit codes; skill_level from the major group (DOMAIN.md).
    CREATE TABLE isco_group (
        uri            text PRIMARY KEY,
        code           text NOT NULL UNIQUE,
        parent_code    text,
        skill_level    smallint,
        label_en       text NOT NULL,
        label_nl       text,
        description_en text
    );

    CREATE TABLE occupation (
        uri            text PRIMARY KEY,
        code           text,
        isco_code      text NOT NULL,
        skill_level    smallint,
        label_en       text NOT NULL,
        label_nl       text,
        description_en text,
        description_nl text
    );
    CREATE INDEX occupation_isco_code_idx ON occupation (isco_code);

    CREATE TABLE skill (
        uri            text PRIMARY KEY,
        skill_type     text,
        reuse_level    text,
        label_en       text NOT NULL,
        label_nl       text,
        description_en text,
        description_nl text
    );

    CREATE TABLE occupation_skill (
        occupation_uri text NOT NULL REFERENCES occupation (uri) ON DELETE CASCADE,
        skill_uri      text NOT NULL REFERENCES skill (uri) ON DELETE CASCADE,
        relation       text NOT NULL CHECK (relation IN ('essential', 'optional')),
        PRIMARY KEY (occupation_uri, skill_uri)
    );
    CREATE INDEX occupation_skill_skill_idx ON occupation_skill (skill_uri);

    CREATE TABLE skill_group (
        uri            text PRIMARY KEY,
        code           text,
        label_en       text NOT NULL,
        label_nl       text,
        description_en text
    );

    -- Broader relations of both pillars: concept -> broader concept, with their kinds.
    CREATE TABLE taxonomy_broader (
        concept_uri   text NOT NULL,
        concept_type  text NOT NULL,
        broader_uri   text NOT NULL,
        broader_type  text NOT NULL,
        pillar        text NOT NULL CHECK (pillar IN ('occupation', 'skill')),
        PRIMARY KEY (concept_uri, broader_uri)
    );
    CREATE INDEX taxonomy_broader_broader_idx ON taxonomy_broader (broader_uri);

    CREATE TABLE skill_relation (
        skill_uri         text NOT NULL REFERENCES skill (uri) ON DELETE CASCADE,
        related_skill_uri text NOT NULL REFERENCES skill (uri) ON DELETE CASCADE,
        relation          text NOT NULL,
        PRIMARY KEY (skill_uri, related_skill_uri)
    );

    -- Collections such as digital, transversal, language and green skills.
    CREATE TABLE skill_collection (
        collection text NOT NULL,
        skill_uri  text NOT NULL REFERENCES skill (uri) ON DELETE CASCADE,
        PRIMARY KEY (collection, skill_uri)
    );

    -- Every label of every concept, for search: preferred, alternative and hidden.
    CREATE TABLE taxonomy_label (
        concept_uri  text NOT NULL,
        concept_kind text NOT NULL CHECK (concept_kind IN
                         ('occupation', 'skill', 'isco_group', 'skill_group')),
        lang         text NOT NULL,
        label_kind   text NOT NULL CHECK (label_kind IN ('preferred', 'alt', 'hidden')),
        label        text NOT NULL,
        PRIMARY KEY (concept_uri, lang, label_kind, label)
    );
    CREATE INDEX taxonomy_label_trgm_idx ON taxonomy_label USING gin (lower(label) gin_trgm_ops);
    CREATE INDEX taxonomy_label_kind_lang_idx ON taxonomy_label (concept_kind, lang);

    -- One row per import run: what was read, changed and skipped.
    CREATE TABLE taxonomy_import (
        id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        source       text NOT NULL,
        version      text NOT NULL,
        started_at   timestamptz NOT NULL DEFAULT now(),
        finished_at  timestamptz,
        counts       jsonb NOT NULL DEFAULT '{}',
        changes      jsonb NOT NULL DEFAULT '{}',
        skipped      jsonb NOT NULL DEFAULT '[]'
    );

    -- Transactional outbox: written in the same transaction as the change it announces.
    CREATE TABLE outbox_event (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_type     text NOT NULL,
        aggregate_type text NOT NULL,
        aggregate_id   text NOT NULL,
        payload        jsonb NOT NULL DEFAULT '{}',
        created_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
        published_at   timestamptz,
        lease_until    timestamptz,
        attempts       integer NOT NULL DEFAULT 0,
        processed_at   timestamptz
    );
    CREATE INDEX outbox_event_pending_idx ON outbox_event (created_at)
        WHERE processed_at IS NULL;

    -- Which handler has applied which event: written with the effect, so a redelivery is a no-op.
    CREATE TABLE processed_event (
        handler      text NOT NULL,
        event_id     uuid NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (handler, event_id)
    );

    CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM pg_notify('outbox_event', '');
        RETURN NULL;
    END $$;
    CREATE TRIGGER outbox_event_notify AFTER INSERT ON outbox_event
        FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
    """)


def downgrade() -> None:
    op.execute("""
    DROP TRIGGER IF EXISTS outbox_event_notify ON outbox_event;
    DROP FUNCTION IF EXISTS outbox_notify();
    DROP TABLE IF EXISTS processed_event, outbox_event, taxonomy_import, taxonomy_label,
        skill_collection, skill_relation, taxonomy_broader, skill_group, occupation_skill,
        skill, occupation, isco_group;
    """)
