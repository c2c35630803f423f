"""Progress and outcomes: work capacity, the ladder over time, follow-up after placement, the
wage value (loonwaarde) and the target group register (doelgroepregister), the jobcoach's logbook.

- employee_capacity: a person's level on a work-capacity item (grouped like the six categories
  of UWV's Functionele Mogelijkhedenlijst; the items are a list in code,
  services/core/capacity). Functional capacities only, never a diagnosis: special category
  data, read with an audit row, exported and erased with the person.
- vacancy_capacity_demand: what a vacancy demands on the same items (optional). The matcher
  checks a demand as a constraint (pass, fail, or unknown without a level); it never changes
  the skill score.
- ladder_change: every rung a person was put on, with the date and who decided. Existing
  people get one row: their rung since they were recorded.
- placement_followup: the moments after a placement (1, 3, 6 and 12 months) a jobcoach
  records: still working, hours, support needed, satisfaction. One set per person and
  vacancy, from the first trial placement or hire.
- wage_value: the loonwaarde as assessed (percentage, reference job, date, method), newest
  first; employee.target_group_register: in the doelgroepregister (NULL: not known).
- logbook_entry: a jobcoach's dated notes on a person, for that organisation's coaches and
  admins and the person themself (no medical information: the form says so).

Revision ID: 20261205_0016
Revises: 20261204_0015
Create Date: 2026-12-05
"""

from alembic import op

revision = "20261205_0016"
down_revision = "20261204_0015"
branch_labels = None
depends_on = None

# The matcher's inputs among the new tables (see 20261202_match_input_changes).
WATCHED = (
    ("employee_capacity", "person", "employee_id"),
    ("vacancy_capacity_demand", "vacancy", "vacancy_id"),
)


def upgrade() -> None:
    op.execute("""
    CREATE TABLE employee_capacity (
        employee_id uuid NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
        item        text NOT NULL CHECK (item ~ '^[a-z][a-z0-9_]{1,39}$'),
        level       smallint NOT NULL CHECK (level BETWEEN 0 AND 4),
        assessed_on date,
        recorded_by uuid REFERENCES account (id) ON DELETE SET NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (employee_id, item)
    );

    CREATE TABLE vacancy_capacity_demand (
        vacancy_id uuid NOT NULL REFERENCES vacancy (id) ON DELETE CASCADE,
        item       text NOT NULL CHECK (item ~ '^[a-z][a-z0-9_]{1,39}$'),
        level      smallint NOT NULL CHECK (level BETWEEN 0 AND 4),
        PRIMARY KEY (vacancy_id, item)
    );

    CREATE TABLE ladder_change (
        id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        employee_id   uuid NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
        rung          smallint NOT NULL CHECK (rung BETWEEN 1 AND 6),
        previous_rung smallint CHECK (previous_rung BETWEEN 1 AND 6),
        changed_on    date NOT NULL,
        decided_by    uuid REFERENCES account (id) ON DELETE SET NULL,
        decided_role  text,
        note          text CHECK (length(note) <= 500),
        recorded_at   timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX ladder_change_employee_idx ON ladder_change (employee_id, changed_on);
    INSERT INTO ladder_change (employee_id, rung, changed_on)
        SELECT id, ladder_rung, created_at::date FROM employee;

    CREATE TABLE placement_followup (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employee_id    uuid NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
        vacancy_id     uuid NOT NULL REFERENCES vacancy (id) ON DELETE CASCADE,
        decision_id    uuid REFERENCES placement_decision (id) ON DELETE SET NULL,
        months         smallint NOT NULL CHECK (months IN (1, 3, 6, 12)),
        due_on         date NOT NULL,
        still_working  boolean,
        hours          smallint CHECK (hours BETWEEN 0 AND 60),
        support_needed text CHECK (length(support_needed) <= 1000),
        satisfaction   smallint CHECK (satisfaction BETWEEN 1 AND 5),
        note           text CHECK (length(note) <= 2000),
        recorded_at    timestamptz,
        recorded_by    uuid REFERENCES account (id) ON DELETE SET NULL,
        reminded_at    timestamptz,
        UNIQUE (employee_id, vacancy_id, months),
        CHECK ((recorded_at IS NULL) = (still_working IS NULL))
    );
    CREATE INDEX placement_followup_due_idx ON placement_followup (due_on)
        WHERE recorded_at IS NULL;

    CREATE TABLE wage_value (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employee_id   uuid NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
        percentage    smallint NOT NULL CHECK (percentage BETWEEN 0 AND 100),
        reference_job text NOT NULL CHECK (length(reference_job) BETWEEN 1 AND 200),
        assessed_on   date NOT NULL,
        method        text NOT NULL CHECK (length(method) BETWEEN 1 AND 200),
        recorded_by   uuid REFERENCES account (id) ON DELETE SET NULL,
        recorded_at   timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX wage_value_employee_idx ON wage_value (employee_id, assessed_on);
    ALTER TABLE employee ADD COLUMN target_group_register boolean;

    CREATE TABLE logbook_entry (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employee_id  uuid NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
        happened_on  date NOT NULL,
        body         text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
        written_by   uuid REFERENCES account (id) ON DELETE SET NULL,
        written_role text NOT NULL,
        written_at   timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX logbook_entry_employee_idx ON logbook_entry (employee_id, happened_on);
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
    DROP TABLE IF EXISTS logbook_entry, wage_value, placement_followup, ladder_change,
        vacancy_capacity_demand, employee_capacity;
    ALTER TABLE employee DROP COLUMN IF EXISTS target_group_register;
    """)
