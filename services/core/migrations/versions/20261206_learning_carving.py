"""Learning with the vocational college, curricula for three audiences, job carving.

- qualification, work_process, work_process_skill: mbo qualifications by crebo code, their work
  processes (werkprocessen, e.g. B1-K1-W1) and the taxonomy skills each covers, filled by a
  CSV import.
- learning_agreement: a person's practice-based learning (praktijkleren) with a ROC: the
  qualification, the college, the recognised company (erkend leerbedrijf), the practice
  trainer, the period, and how it ended: a praktijkverklaring (SBB) or an mbo-certificaat.
- learning_progress: per agreement and work process, started or shown, with the date. The
  result certifies the skills of the work processes shown (like a completed module).
- training_module.audience (employee, jobcoach, manager) and .theme (digital skills first;
  communication, collaboration, creativity; vocational for a trade's own skills).
- staff_digcomp: a jobcoach's or manager's own DigComp 2.2 level per competence (0-8).
- staff_learning_plan: the modules on a staff member's own learning plan, and when done.
- vacancy.carved: the vacancy was carved from its occupation's tasks (job carving): the tasks
  left out are the occupation's skills the vacancy does not ask for.

Revision ID: 20261206_0018
Revises: 20261205_0017
Create Date: 2026-12-06
"""

from alembic import op

revision = "20261206_0018"
down_revision = "20261205_0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    CREATE TABLE qualification (
        crebo      text PRIMARY KEY CHECK (crebo ~ '^[0-9]{5}$'),
        title_nl   text NOT NULL CHECK (length(title_nl) BETWEEN 1 AND 200),
        title_en   text NOT NULL CHECK (length(title_en) BETWEEN 1 AND 200),
        mbo_level  smallint NOT NULL CHECK (mbo_level BETWEEN 1 AND 4),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE work_process (
        id       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        crebo    text NOT NULL REFERENCES qualification (crebo) ON DELETE CASCADE,
        code     text NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9-]{1,31}$'),
        title_nl text NOT NULL CHECK (length(title_nl) BETWEEN 1 AND 300),
        title_en text NOT NULL CHECK (length(title_en) BETWEEN 1 AND 300),
        UNIQUE (crebo, code)
    );
    CREATE TABLE work_process_skill (
        work_process_id uuid NOT NULL REFERENCES work_process (id) ON DELETE CASCADE,
        skill_uri       text NOT NULL,
        level           smallint NOT NULL DEFAULT 2 CHECK (level BETWEEN 1 AND 4),
        PRIMARY KEY (work_process_id, skill_uri)
    );
    CREATE INDEX work_process_skill_skill_idx ON work_process_skill (skill_uri);

    CREATE TABLE learning_agreement (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employee_id  uuid NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
        crebo        text NOT NULL REFERENCES qualification (crebo),
        college      text NOT NULL CHECK (length(college) BETWEEN 1 AND 200),
        company      text NOT NULL CHECK (length(company) BETWEEN 1 AND 200),
        trainer_name text NOT NULL CHECK (length(trainer_name) BETWEEN 1 AND 200),
        starts_on    date NOT NULL,
        ends_on      date NOT NULL,
        status       text NOT NULL DEFAULT 'active'
                         CHECK (status IN ('active', 'completed', 'stopped')),
        result       text CHECK (result IN ('praktijkverklaring', 'mbo_certificaat')),
        result_on    date,
        created_by   uuid REFERENCES account (id) ON DELETE SET NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        updated_at   timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on >= starts_on),
        CHECK ((status = 'completed') = (result IS NOT NULL)),
        CHECK ((result IS NULL) = (result_on IS NULL))
    );
    CREATE INDEX learning_agreement_employee_idx ON learning_agreement (employee_id);
    CREATE TABLE learning_progress (
        agreement_id    uuid NOT NULL REFERENCES learning_agreement (id) ON DELETE CASCADE,
        work_process_id uuid NOT NULL REFERENCES work_process (id) ON DELETE CASCADE,
        status          text NOT NULL CHECK (status IN ('started', 'shown')),
        assessed_on     date NOT NULL,
        note            text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
        recorded_by     uuid REFERENCES account (id) ON DELETE SET NULL,
        recorded_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (agreement_id, work_process_id)
    );

    ALTER TABLE training_module
        ADD COLUMN audience text NOT NULL DEFAULT 'employee'
            CHECK (audience IN ('employee', 'jobcoach', 'manager')),
        ADD COLUMN theme text NOT NULL DEFAULT 'vocational'
            CHECK (theme IN ('digital', 'communication', 'collaboration', 'creativity',
                             'vocational'));
    UPDATE training_module m SET theme = 'digital'
        WHERE m.provider_kind = 'digital_skills'
           OR EXISTS (SELECT 1 FROM training_module_competence c WHERE c.module_id = m.id);

    CREATE TABLE staff_digcomp (
        account_id    uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        competence_id text NOT NULL CHECK (competence_id ~ '^[1-5]\\.[1-9]$'),
        level         smallint NOT NULL CHECK (level BETWEEN 0 AND 8),
        assessed_on   date NOT NULL,
        PRIMARY KEY (account_id, competence_id)
    );
    CREATE TABLE staff_learning_plan (
        account_id   uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        module_id    uuid NOT NULL REFERENCES training_module (id) ON DELETE CASCADE,
        added_on     date NOT NULL,
        completed_on date,
        PRIMARY KEY (account_id, module_id)
    );

    ALTER TABLE vacancy ADD COLUMN carved boolean NOT NULL DEFAULT false;
    """)


def downgrade() -> None:
    op.execute("""
    ALTER TABLE vacancy DROP COLUMN IF EXISTS carved;
    DROP TABLE IF EXISTS staff_learning_plan, staff_digcomp, learning_progress,
        learning_agreement, work_process_skill, work_process, qualification;
    ALTER TABLE training_module DROP COLUMN IF EXISTS audience,
        DROP COLUMN IF EXISTS theme;
    """)
