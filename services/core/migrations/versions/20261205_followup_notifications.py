"""A notification kind for follow-up moments: the daily reminder tells a person's jobcoach that
a moment after a placement (1, 3, 6 or 12 months) is due to be recorded.

Revision ID: 20261205_0017
Revises: 20261205_0016
Create Date: 2026-12-05
"""

from alembic import op

revision = "20261205_0017"
down_revision = "20261205_0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    ALTER TABLE notification DROP CONSTRAINT notification_kind_check,
        ADD CONSTRAINT notification_kind_check CHECK (kind IN
            ('match_found', 'caseload_match', 'candidate_found', 'vacancy_closed',
             'followup_due'));
    """)


def downgrade() -> None:
    op.execute("""
    DELETE FROM notification WHERE kind = 'followup_due';
    ALTER TABLE notification DROP CONSTRAINT notification_kind_check,
        ADD CONSTRAINT notification_kind_check CHECK (kind IN
            ('match_found', 'caseload_match', 'candidate_found', 'vacancy_closed'));
    """)
