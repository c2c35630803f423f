"""Organisations, accounts, employees, vacancies, accommodations, consent and the audit log.

Skill and occupation URIs are checked against the taxonomy when written, but carry no foreign
key: a taxonomy re-import (starter to full ESCO) must not be blocked by people's profiles.

Revision ID: 20261123_0002
Revises: 20261123_0001
Create Date: 2026-11-23
"""

from alembic import op

revision = "20261123_0002"
down_revision = "20261123_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    CREATE TABLE organisation (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind        text NOT NULL CHECK (kind IN ('wise', 'employer', 'municipality')),
        name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        description text,
        website     text,
        postcode    text,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE account (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        email           text NOT NULL,
        name            text NOT NULL,
        role            text NOT NULL CHECK (role IN ('admin', 'jobcoach', 'employer', 'employee')),
        password_hash   text,
        token_version   integer NOT NULL DEFAULT 0,
        active          boolean NOT NULL DEFAULT true,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX account_email_key ON account (lower(email));
    CREATE INDEX account_organisation_idx ON account (organisation_id);

    CREATE TABLE refresh_token (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id  uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        token_hash  text NOT NULL UNIQUE,
        created_at  timestamptz NOT NULL DEFAULT now(),
        expires_at  timestamptz NOT NULL,
        revoked_at  timestamptz
    );
    CREATE INDEX refresh_token_account_idx ON refresh_token (account_id);

    CREATE TABLE api_key (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id   uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        name         text NOT NULL,
        prefix       text NOT NULL,
        key_hash     text NOT NULL UNIQUE,
        created_at   timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at   timestamptz
    );

    -- Functional needs and the accommodations that meet them; never diagnoses.
    CREATE TABLE accommodation (
        code            text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$'),
        label_nl        text NOT NULL,
        label_en        text NOT NULL,
        description_nl  text,
        description_en  text,
        created_at      timestamptz NOT NULL DEFAULT now()
    );
    INSERT INTO accommodation (code, label_nl, label_en) VALUES
        ('part_time', 'Deeltijd', 'Part-time'),
        ('flexible_hours', 'Flexibele werktijden', 'Flexible hours'),
        ('fixed_routine', 'Vaste routine', 'Fixed routine'),
        ('quiet_workspace', 'Rustige werkplek', 'Quiet workspace'),
        ('visual_instructions', 'Instructies met plaatjes', 'Visual instructions'),
        ('simple_language', 'Eenvoudige taal', 'Simple language'),
        ('job_coach_on_site', 'Jobcoach op de werkplek', 'Job coach on site'),
        ('buddy_colleague', 'Vaste collega als maatje', 'Buddy colleague'),
        ('extra_breaks', 'Extra pauzes', 'Extra breaks'),
        ('adapted_workstation', 'Aangepaste werkplek', 'Adapted workstation'),
        ('wheelchair_access', 'Toegankelijk met rolstoel', 'Wheelchair access'),
        ('reduced_pace', 'Lager werktempo', 'Reduced pace'),
        ('remote_possible', 'Thuiswerken mogelijk', 'Remote work possible');

    CREATE TABLE employee (
        id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id       uuid NOT NULL REFERENCES organisation (id),
        account_id            uuid UNIQUE REFERENCES account (id),
        jobcoach_id           uuid REFERENCES account (id),
        name                  text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        email                 text,
        phone                 text,
        postcode              text,
        latitude              double precision CHECK (latitude BETWEEN -90 AND 90),
        longitude             double precision CHECK (longitude BETWEEN -180 AND 180),
        ladder_rung           smallint NOT NULL CHECK (ladder_rung BETWEEN 1 AND 6),
        current_occupation_uri text,
        work_setting          text,
        target_occupation_uri text,
        hours_min             smallint CHECK (hours_min BETWEEN 0 AND 60),
        hours_max             smallint CHECK (hours_max BETWEEN 0 AND 60),
        max_travel_km         smallint CHECK (max_travel_km BETWEEN 0 AND 500),
        created_at            timestamptz NOT NULL DEFAULT now(),
        updated_at            timestamptz NOT NULL DEFAULT now(),
        CHECK (hours_min IS NULL OR hours_max IS NULL OR hours_min <= hours_max),
        CHECK ((latitude IS NULL) = (longitude IS NULL))
    );
    CREATE INDEX employee_organisation_idx ON employee (organisation_id);
    CREATE INDEX employee_jobcoach_idx ON employee (jobcoach_id);

    CREATE TABLE employee_skill (
        employee_id uuid NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
        skill_uri   text NOT NULL,
        level       smallint NOT NULL CHECK (level BETWEEN 1 AND 4),
        source      text NOT NULL CHECK (source IN ('self', 'observed', 'certified')),
        assessed_on date,
        PRIMARY KEY (employee_id, skill_uri)
    );
    CREATE INDEX employee_skill_skill_idx ON employee_skill (skill_uri);

    CREATE TABLE employee_language (
        employee_id uuid NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
        language    text NOT NULL CHECK (language ~ '^[a-z]{2}$'),
        cefr        text NOT NULL CHECK (cefr IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
        PRIMARY KEY (employee_id, language)
    );

    CREATE TABLE employee_accommodation (
        employee_id        uuid NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
        accommodation_code text NOT NULL REFERENCES accommodation (code),
        PRIMARY KEY (employee_id, accommodation_code)
    );

    CREATE TABLE vacancy (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description     text NOT NULL DEFAULT '',
        occupation_uri  text NOT NULL,
        contract_kind   text NOT NULL CHECK (contract_kind IN ('regular',
                            'regular_with_wage_subsidy', 'sheltered', 'wise_paid',
                            'work_experience', 'volunteer', 'day_activity')),
        ladder_rung     smallint NOT NULL CHECK (ladder_rung BETWEEN 1 AND 6),
        hours_min       smallint NOT NULL CHECK (hours_min BETWEEN 0 AND 60),
        hours_max       smallint NOT NULL CHECK (hours_max BETWEEN 0 AND 60),
        postcode        text,
        latitude        double precision CHECK (latitude BETWEEN -90 AND 90),
        longitude       double precision CHECK (longitude BETWEEN -180 AND 180),
        language        text CHECK (language ~ '^[a-z]{2}$'),
        language_cefr   text CHECK (language_cefr IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
        places          smallint NOT NULL DEFAULT 1 CHECK (places BETWEEN 1 AND 500),
        closing_date    date,
        status          text NOT NULL DEFAULT 'draft'
                            CHECK (status IN ('draft', 'open', 'filled', 'closed')),
        created_by      uuid REFERENCES account (id),
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        published_at    timestamptz,
        CHECK (hours_min <= hours_max),
        CHECK ((latitude IS NULL) = (longitude IS NULL)),
        CHECK ((language IS NULL) = (language_cefr IS NULL))
    );
    CREATE INDEX vacancy_organisation_idx ON vacancy (organisation_id);
    CREATE INDEX vacancy_open_idx ON vacancy (status) WHERE status = 'open';

    CREATE TABLE vacancy_skill (
        vacancy_id uuid NOT NULL REFERENCES vacancy (id) ON DELETE CASCADE,
        skill_uri  text NOT NULL,
        relation   text NOT NULL CHECK (relation IN ('essential', 'optional')),
        min_level  smallint NOT NULL DEFAULT 1 CHECK (min_level BETWEEN 1 AND 4),
        PRIMARY KEY (vacancy_id, skill_uri)
    );

    CREATE TABLE vacancy_accommodation (
        vacancy_id         uuid NOT NULL REFERENCES vacancy (id) ON DELETE CASCADE,
        accommodation_code text NOT NULL REFERENCES accommodation (code),
        PRIMARY KEY (vacancy_id, accommodation_code)
    );

    -- Consent per purpose; withdrawing sets withdrawn_at, so the history stays.
    CREATE TABLE consent (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employee_id  uuid NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
        purpose      text NOT NULL CHECK (purpose IN ('matching', 'share_with_employer')),
        employer_id  uuid REFERENCES organisation (id),
        vacancy_id   uuid REFERENCES vacancy (id) ON DELETE CASCADE,
        given_at     timestamptz NOT NULL DEFAULT now(),
        given_by     uuid REFERENCES account (id),
        withdrawn_at timestamptz,
        withdrawn_by uuid REFERENCES account (id),
        CHECK ((purpose = 'share_with_employer') = (employer_id IS NOT NULL)),
        CHECK (vacancy_id IS NULL OR purpose = 'share_with_employer')
    );
    CREATE UNIQUE INDEX consent_active_key ON consent
        (employee_id, purpose, coalesce(employer_id, '00000000-0000-0000-0000-000000000000'),
         coalesce(vacancy_id, '00000000-0000-0000-0000-000000000000'))
        WHERE withdrawn_at IS NULL;

    -- Every read of sensitive data: who, in which role, whose record, which fields, why.
    CREATE TABLE audit_log (
        id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at           timestamptz NOT NULL DEFAULT now(),
        actor_id     uuid,
        actor_role   text NOT NULL,
        employee_id  uuid NOT NULL,
        action       text NOT NULL,
        fields       text[] NOT NULL,
        purpose      text NOT NULL,
        request_id   text
    );
    CREATE INDEX audit_log_employee_idx ON audit_log (employee_id, at);
    """)


def downgrade() -> None:
    op.execute("""
    DROP TABLE IF EXISTS audit_log, consent, vacancy_accommodation, vacancy_skill, vacancy,
        employee_accommodation, employee_language, employee_skill, employee, accommodation,
        api_key, refresh_token, account, organisation;
    """)
