"""Reads are audited once per reader, person, purpose and hour.

A page read every few seconds wrote a row each time (70,000 rows a minute at national scale,
kept 24 months). A read now records the hour it falls in (UTC); a second read of the same
person by the same reader for the same purpose in that hour adds nothing (or only the fields it
read that the first did not). Rows written before this have no hour and stay as they are.

Revision ID: 20261202_0011
Revises: 20261202_0010
Create Date: 2026-12-02
"""

from alembic import op

revision = "20261202_0011"
down_revision = "20261202_0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    ALTER TABLE audit_log ADD COLUMN read_hour timestamp;
    CREATE UNIQUE INDEX audit_log_read_once
        ON audit_log (actor_id, employee_id, purpose, read_hour) NULLS NOT DISTINCT
        WHERE action = 'read' AND read_hour IS NOT NULL;
    """)


def downgrade() -> None:
    op.execute("""
    DROP INDEX IF EXISTS audit_log_read_once;
    ALTER TABLE audit_log DROP COLUMN IF EXISTS read_hour;
    """)
