"""Page sessions held by the server: the cookie carries a random token, `page_session` its hash.

A row is one signed-in browser: whose it is, when it ends whatever happens (`expires_at`), when
it was last seen (the idle limit; noted at most once a minute), and when it was ended (sign-out,
a password change). Rows go with their account, and retention deletes ended ones.
`account.last_sign_in_at` keeps the fact of a sign-in after its session is gone: retention
counts it as activity. Browsers signed in before the upgrade sign in again once.

Revision ID: 20261202_0012
Revises: 20261202_0011
Create Date: 2026-12-02
"""

from alembic import op

revision = "20261202_0012"
down_revision = "20261202_0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    CREATE TABLE page_session (
        id            text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{64}$'),
        account_id    uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        created_at    timestamptz NOT NULL DEFAULT now(),
        expires_at    timestamptz NOT NULL,
        last_seen_at  timestamptz NOT NULL DEFAULT now(),
        revoked_at    timestamptz,
        user_agent    text CHECK (length(user_agent) <= 200)
    );
    CREATE INDEX page_session_account_idx ON page_session (account_id);
    ALTER TABLE account ADD COLUMN last_sign_in_at timestamptz;
    """)


def downgrade() -> None:
    op.execute("""
    ALTER TABLE account DROP COLUMN IF EXISTS last_sign_in_at;
    DROP TABLE IF EXISTS page_session;
    """)
