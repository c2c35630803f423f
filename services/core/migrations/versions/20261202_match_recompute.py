"""A full recompute split into shards that Celery workers run side by side.

`match_recompute` is one run (its model version, how many to keep each way, the change-log
horizon it started at, and how far it is); `match_recompute_shard` one range of people
(from `first_id` up to the next shard's); `match_recompute_pair` the pairs the shards found:
each person's best k, each vacancy's best k among the shard's people, `kept` once the run
merged them into each vacancy's best k over all shards, `explanation` once explained.
Pairs go when their person or vacancy does, and when the run has finished.

Revision ID: 20261202_0013
Revises: 20261202_0012
Create Date: 2026-12-02
"""

from alembic import op

revision = "20261202_0013"
down_revision = "20261202_0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    CREATE TABLE match_recompute (
        id              uuid PRIMARY KEY,
        status          text NOT NULL DEFAULT 'scoring'
                        CHECK (status IN ('scoring', 'done', 'failed')),
        model_version   text NOT NULL,
        keep            integer NOT NULL CHECK (keep > 0),
        horizon_upto    bigint NOT NULL,
        horizon_running bigint[] NOT NULL,
        horizon_source  text NOT NULL,
        matches         integer,
        reason          text,
        started_at      timestamptz NOT NULL DEFAULT now(),
        finished_at     timestamptz
    );
    CREATE TABLE match_recompute_shard (
        recompute_id uuid NOT NULL REFERENCES match_recompute (id) ON DELETE CASCADE,
        shard        integer NOT NULL,
        first_id     uuid,
        people       integer NOT NULL,
        scored_at    timestamptz,
        PRIMARY KEY (recompute_id, shard)
    );
    CREATE TABLE match_recompute_pair (
        recompute_id uuid NOT NULL REFERENCES match_recompute (id) ON DELETE CASCADE,
        vacancy_id   uuid NOT NULL REFERENCES vacancy (id) ON DELETE CASCADE,
        employee_id  uuid NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
        score        real NOT NULL,
        kept         boolean NOT NULL DEFAULT false,
        PRIMARY KEY (recompute_id, employee_id, vacancy_id)
    );
    CREATE INDEX match_recompute_pair_vacancy_idx
        ON match_recompute_pair (recompute_id, vacancy_id);
    ALTER TABLE match ALTER COLUMN explanation DROP NOT NULL;
    """)


def downgrade() -> None:
    op.execute("""
    DELETE FROM match WHERE explanation IS NULL;
    ALTER TABLE match ALTER COLUMN explanation SET NOT NULL;
    DROP TABLE IF EXISTS match_recompute_pair;
    DROP TABLE IF EXISTS match_recompute_shard;
    DROP TABLE IF EXISTS match_recompute;
    """)
