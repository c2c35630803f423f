"""Label vectors for semantic search, in pgvector where the server has it.

Revision ID: 20261202_0008
Revises: 20261202_0007
Create Date: 2026-12-02

The table exists only on a server that offers the `vector` extension (the embedded PostgreSQL
does; a plain PostgreSQL 15 may not). Without it the vectors live in an array file under the
data folder (services/core/taxonomy/vectors.py); nothing else in the schema depends on them.
"""

from alembic import op

revision = "20261202_0008"
down_revision = "20261202_0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    DO $$
    BEGIN
        IF EXISTS (SELECT FROM pg_available_extensions WHERE name = 'vector') THEN
            CREATE EXTENSION IF NOT EXISTS vector;
            CREATE TABLE taxonomy_vector (
                version text NOT NULL,
                position int NOT NULL,
                concept_uri text NOT NULL,
                concept_kind text NOT NULL CHECK (concept_kind IN ('skill', 'occupation')),
                lang text NOT NULL,
                label_kind text NOT NULL,
                label text NOT NULL,
                embedding vector(512) NOT NULL,
                PRIMARY KEY (version, position)
            );
        END IF;
    END
    $$;
    """)


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS taxonomy_vector")
