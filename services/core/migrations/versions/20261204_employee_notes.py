"""A jobcoach's notes on a person: free text of at most 2,000 characters.

The notes are part of the whole record (the person, their jobcoach and their organisation's
admin), never of the profile an employer sees; they are exported with the person and erased with
them (the row goes). The form's hint asks for functional needs and agreements only, never
medical information or a diagnosis (special category data, GDPR art. 9).

Revision ID: 20261204_0015
Revises: 20261203_0014
Create Date: 2026-12-04
"""

from alembic import op

revision = "20261204_0015"
down_revision = "20261203_0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    ALTER TABLE employee ADD COLUMN notes text
        CONSTRAINT employee_notes_length CHECK (length(notes) <= 2000);
    """)


def downgrade() -> None:
    op.execute("ALTER TABLE employee DROP COLUMN notes;")
