"""The digital window: what an organisation makes or offers, and how it supports people.

Revision ID: 20261202_0007
Revises: 20261123_0006
Create Date: 2026-12-02
"""

from alembic import op

revision = "20261202_0007"
down_revision = "20261123_0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    ALTER TABLE organisation
        ADD COLUMN goods_and_services text
            CHECK (goods_and_services IS NULL OR length(goods_and_services) <= 5000),
        ADD COLUMN support_offered text
            CHECK (support_offered IS NULL OR length(support_offered) <= 5000);
    """)


def downgrade() -> None:
    op.execute("""
    ALTER TABLE organisation DROP COLUMN IF EXISTS goods_and_services,
        DROP COLUMN IF EXISTS support_offered;
    """)
