"""Privacy and trust: the decision log, placement decisions, erasure tombstones, age for bias.

Revision ID: 20261123_0006
Revises: 20261123_0005
Create Date: 2026-11-23
"""

from alembic import op

revision = "20261123_0006"
down_revision = "20261123_0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    -- Year of birth, when the person wants it known: only for the age bands of bias monitoring.
    ALTER TABLE employee ADD COLUMN birth_year smallint
        CHECK (birth_year BETWEEN 1900 AND 2100);

    -- Every suggestion shown to a person, with the model, score and explanation behind it
    -- (EU AI Act logging). `audience` is the role it was shown to.
    CREATE TABLE suggestion_log (
        id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        shown_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
        shown_to      uuid REFERENCES account (id) ON DELETE SET NULL,
        audience      text NOT NULL
                      CHECK (audience IN ('admin', 'jobcoach', 'employer', 'employee')),
        context       text NOT NULL,
        employee_id   uuid NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
        vacancy_id    uuid REFERENCES vacancy (id) ON DELETE CASCADE,
        occupation_uri text,
        score         real,
        model_version text NOT NULL,
        explanation   jsonb NOT NULL DEFAULT '{}'
    );
    CREATE INDEX suggestion_log_employee_idx ON suggestion_log (employee_id, shown_at);
    CREATE INDEX suggestion_log_vacancy_idx ON suggestion_log (vacancy_id, shown_at);

    -- Human decisions on a suggestion; a placement changes only through one of these.
    CREATE TABLE placement_decision (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employee_id   uuid NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
        vacancy_id    uuid NOT NULL REFERENCES vacancy (id) ON DELETE CASCADE,
        decision      text NOT NULL CHECK (decision IN
                      ('introduced', 'trial_placement', 'hired', 'declined', 'overridden')),
        reason        text CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 1000),
        suggestion_id bigint REFERENCES suggestion_log (id) ON DELETE SET NULL,
        score         real,
        model_version text,
        decided_by    uuid REFERENCES account (id) ON DELETE SET NULL,
        decided_role  text NOT NULL,
        decided_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
        CHECK (decision NOT IN ('declined', 'overridden') OR reason IS NOT NULL)
    );
    CREATE INDEX placement_decision_employee_idx ON placement_decision (employee_id, decided_at);
    CREATE INDEX placement_decision_vacancy_idx ON placement_decision (vacancy_id, decided_at);

    -- What remains of an erased person: nothing that identifies them, only what counts need.
    CREATE TABLE erasure_tombstone (
        id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        erased_at       timestamptz NOT NULL DEFAULT now(),
        organisation_id uuid REFERENCES organisation (id) ON DELETE SET NULL,
        ladder_rung     smallint,
        reason          text NOT NULL CHECK (reason IN ('request', 'retention'))
    );
    """)


def downgrade() -> None:
    op.execute("""
    DROP TABLE IF EXISTS erasure_tombstone, placement_decision, suggestion_log;
    ALTER TABLE employee DROP COLUMN IF EXISTS birth_year;
    """)
