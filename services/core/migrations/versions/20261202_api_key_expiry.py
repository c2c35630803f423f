"""API keys expire, say who revoked them, and are found by account quickly.

Keys made before this had no end: they get 90 days from the upgrade (not from when they were
made), so no integration stops without warning on the day of the upgrade.

Revision ID: 20261202_0009
Revises: 20261202_0008
Create Date: 2026-12-02
"""

from alembic import op

revision = "20261202_0009"
down_revision = "20261202_0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    ALTER TABLE api_key
        ADD COLUMN expires_at timestamptz,
        ADD COLUMN revoked_reason text
            CHECK (revoked_reason IN ('owner', 'admin', 'password_change'));
    UPDATE api_key SET expires_at = now() + interval '90 days';
    UPDATE api_key SET revoked_reason = 'owner' WHERE revoked_at IS NOT NULL;
    ALTER TABLE api_key
        ALTER COLUMN expires_at SET NOT NULL,
        ADD CONSTRAINT api_key_revoked_reason_given
            CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL));
    CREATE INDEX api_key_account_idx ON api_key (account_id);
    """)


def downgrade() -> None:
    op.execute("""
    DROP INDEX IF EXISTS api_key_account_idx;
    ALTER TABLE api_key DROP CONSTRAINT IF EXISTS api_key_revoked_reason_given,
        DROP COLUMN IF EXISTS revoked_reason,
        DROP COLUMN IF EXISTS expires_at;
    """)
