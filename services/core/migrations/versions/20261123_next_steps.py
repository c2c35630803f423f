"""Next steps: DigComp competences, the occupation transition graph, training modules and records.

Revision ID: 20261123_0005
Revises: 20261123_0004
Create Date: 2026-11-23
"""

from alembic import op

revision = "20261123_0005"
down_revision = "20261123_0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    -- The 21 DigComp 2.2 competences in 5 areas, each mapped to a taxonomy skill; imported with
    -- the taxonomy (no foreign key, so a re-import is never blocked).
    CREATE TABLE digcomp_competence (
        id         text PRIMARY KEY CHECK (id ~ '^[1-5]\\.[1-9]$'),
        area_id    smallint NOT NULL CHECK (area_id BETWEEN 1 AND 5),
        area_en    text NOT NULL,
        area_nl    text NOT NULL,
        name_en    text NOT NULL,
        name_nl    text NOT NULL,
        skill_uri  text NOT NULL
    );
    CREATE INDEX digcomp_competence_skill_idx ON digcomp_competence (skill_uri);

    -- One row per build of the transition graph; the newest finished one is in use.
    CREATE TABLE transition_graph (
        version       text PRIMARY KEY,
        taxonomy      text NOT NULL,
        thresholds    jsonb NOT NULL,
        distribution  jsonb NOT NULL,
        seconds       real NOT NULL,
        built_at      timestamptz NOT NULL DEFAULT now()
    );

    -- Occupation -> occupation moves of the graph in use (replaced by each build).
    CREATE TABLE occupation_transition (
        origin_uri        text NOT NULL,
        destination_uri   text NOT NULL,
        similarity        real NOT NULL CHECK (similarity BETWEEN 0 AND 1),
        viable            boolean NOT NULL,
        highly_viable     boolean NOT NULL,
        level_delta       smallint,
        gap               real NOT NULL CHECK (gap >= 0),
        missing_essential text[] NOT NULL DEFAULT '{}',
        PRIMARY KEY (origin_uri, destination_uri)
    );
    CREATE INDEX occupation_transition_destination_idx
        ON occupation_transition (destination_uri) WHERE viable;

    -- Training that teaches taxonomy skills and DigComp competences.
    CREATE TABLE training_module (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code          text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9_.-]{1,63}$'),
        title_nl      text NOT NULL CHECK (length(title_nl) BETWEEN 1 AND 200),
        title_en      text NOT NULL CHECK (length(title_en) BETWEEN 1 AND 200),
        provider_kind text NOT NULL CHECK (provider_kind IN
                      ('practice_certificate', 'digital_skills', 'on_the_job', 'course')),
        level         smallint NOT NULL CHECK (level BETWEEN 1 AND 4),
        hours         smallint NOT NULL CHECK (hours BETWEEN 1 AND 2000),
        description_nl text NOT NULL DEFAULT '',
        description_en text NOT NULL DEFAULT '',
        active        boolean NOT NULL DEFAULT true,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE training_module_skill (
        module_id uuid NOT NULL REFERENCES training_module (id) ON DELETE CASCADE,
        skill_uri text NOT NULL,
        PRIMARY KEY (module_id, skill_uri)
    );
    CREATE INDEX training_module_skill_skill_idx ON training_module_skill (skill_uri);
    CREATE TABLE training_module_competence (
        module_id     uuid NOT NULL REFERENCES training_module (id) ON DELETE CASCADE,
        competence_id text NOT NULL,
        level         smallint NOT NULL CHECK (level BETWEEN 1 AND 8),
        PRIMARY KEY (module_id, competence_id)
    );

    -- A module a person completed: recorded by their jobcoach, an admin or themselves.
    CREATE TABLE training_record (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employee_id  uuid NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
        module_id    uuid NOT NULL REFERENCES training_module (id),
        completed_on date NOT NULL,
        recorded_by  uuid REFERENCES account (id) ON DELETE SET NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        UNIQUE (employee_id, module_id)
    );
    """)


def downgrade() -> None:
    op.execute("""
    DROP TABLE IF EXISTS training_record, training_module_competence, training_module_skill,
        training_module, occupation_transition, transition_graph, digcomp_competence;
    """)
