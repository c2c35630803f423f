"""Match results: one row per (vacancy, employee) the matcher ranked, with its explanation.

Revision ID: 20261123_0003
Revises: 20261123_0002
Create Date: 2026-11-23
"""

from alembic import op

revision = "20261123_0003"
down_revision = "20261123_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    CREATE TABLE match (
        vacancy_id    uuid NOT NULL REFERENCES vacancy (id) ON DELETE CASCADE,
        employee_id   uuid NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
        score         real NOT NULL CHECK (score BETWEEN 0 AND 100),
        explanation   jsonb NOT NULL,
        model_version text NOT NULL,
        computed_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (vacancy_id, employee_id)
    );
    CREATE INDEX match_employee_idx ON match (employee_id, score DESC);
    CREATE INDEX match_vacancy_score_idx ON match (vacancy_id, score DESC);
    """)


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS match;")
