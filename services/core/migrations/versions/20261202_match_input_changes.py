"""A change log of the matcher's inputs, so that a worker's warm indexes follow every change.

Every insert, update or delete of a person's or a vacancy's matching data (the row itself, its
skills, languages, accommodations, consents) appends (kind, id) with the writing transaction's
id. A process that keeps indexes warm reads the ids changed from the oldest transaction still
running when it last looked (so one that commits late is not missed) and reloads those rows.
Rows older than a day are pruned; processes reload everything well within that.

Revision ID: 20261202_0010
Revises: 20261202_0009
Create Date: 2026-12-02
"""

from alembic import op

revision = "20261202_0010"
down_revision = "20261202_0009"
branch_labels = None
depends_on = None

# (table, kind, id column)
WATCHED = (
    ("employee", "person", "id"),
    ("employee_skill", "person", "employee_id"),
    ("employee_language", "person", "employee_id"),
    ("employee_accommodation", "person", "employee_id"),
    ("consent", "person", "employee_id"),
    ("vacancy", "vacancy", "id"),
    ("vacancy_skill", "vacancy", "vacancy_id"),
    ("vacancy_accommodation", "vacancy", "vacancy_id"),
)


def upgrade() -> None:
    op.execute("""
    CREATE TABLE match_input_change (
        id     bigserial PRIMARY KEY,
        kind   text NOT NULL CHECK (kind IN ('person', 'vacancy')),
        row_id uuid NOT NULL,
        xid    xid8 NOT NULL DEFAULT pg_current_xact_id(),
        at     timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX match_input_change_xid_idx ON match_input_change (xid);
    CREATE INDEX match_input_change_at_idx ON match_input_change (at);

    -- TG_ARGV: the kind, the column holding the person's or vacancy's id.
    CREATE FUNCTION match_input_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        new_id text := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) ->> TG_ARGV[1] END;
        old_id text := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) ->> TG_ARGV[1] END;
    BEGIN
        IF new_id IS NOT NULL THEN
            INSERT INTO match_input_change (kind, row_id) VALUES (TG_ARGV[0], new_id::uuid);
        END IF;
        IF old_id IS NOT NULL AND old_id IS DISTINCT FROM new_id THEN
            INSERT INTO match_input_change (kind, row_id) VALUES (TG_ARGV[0], old_id::uuid);
        END IF;
        RETURN NULL;
    END
    $$;
    """)
    for table, kind, column in WATCHED:
        op.execute(f"""
        CREATE TRIGGER {table}_match_input AFTER INSERT OR UPDATE OR DELETE ON {table}
        FOR EACH ROW EXECUTE FUNCTION match_input_changed('{kind}', '{column}')
        """)


def downgrade() -> None:
    for table, _, _ in WATCHED:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_match_input ON {table}")
    op.execute("""
    DROP FUNCTION IF EXISTS match_input_changed();
    DROP TABLE IF EXISTS match_input_change;
    """)
