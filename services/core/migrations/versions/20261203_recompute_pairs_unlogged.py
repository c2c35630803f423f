"""A recompute's pairs as scratch rows: an unlogged table without keys, indexes or references.

A shard writes up to a few hundred thousand pairs with COPY; with a primary key, a second index
and two foreign keys checked per row that took longer than scoring them (about 50 of 140 s at
30,000 x 6,000). The pairs live only while their run does: the merge reads them all at once
(a sort, no index needed) and checks each person and vacancy still exists as it stores; the run
drops them when it ends, and so what an earlier run left. Unlogged, they are not written to the
WAL and are emptied if PostgreSQL restarts: each shard notes how many pairs it wrote, and a
merge that finds fewer fails the run (start it again). `kept` was unused.

Revision ID: 20261203_0014
Revises: 20261202_0013
Create Date: 2026-12-03
"""

from alembic import op

revision = "20261203_0014"
down_revision = "20261202_0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    DROP TABLE match_recompute_pair;
    CREATE UNLOGGED TABLE match_recompute_pair (
        recompute_id uuid NOT NULL,
        vacancy_id   uuid NOT NULL,
        employee_id  uuid NOT NULL,
        score        real NOT NULL
    );
    ALTER TABLE match_recompute_shard ADD COLUMN pairs integer;
    UPDATE match_recompute SET status = 'failed', finished_at = now(),
        reason = 'the database was upgraded during the run; start it again'
    WHERE status = 'scoring';
    """)


def downgrade() -> None:
    op.execute("""
    ALTER TABLE match_recompute_shard DROP COLUMN pairs;
    DROP TABLE match_recompute_pair;
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
    """)
