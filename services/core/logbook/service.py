"""The jobcoach's logbook: who writes, reads and deletes a person's notes.

Written by the jobcoaches and admins of the person's WISE (a jobcoach for their own caseload,
as with the rest of the record); read by them and by the person themself; never by an
employer, whatever the person shares. A coach's or admin's read is audited as other reads of
sensitive data are: the notes say how someone is doing. The form and the API say what does not
belong in a note: medical information and diagnoses.
"""

from __future__ import annotations

from uuid import UUID

import asyncpg

from services.core import audit
from services.core.access.policy import (
    Actor,
    Role,
    can_change_record,
    can_manage_employees,
    can_see_development,
)
from services.core.clock import today
from services.core.employees.models import Employee
from services.core.errors import Forbidden, NotFound, invalid_fields
from services.core.logbook import repository
from services.core.logbook.models import LogbookEntry, LogbookEntryIn

AUDIT_FIELDS = ("logbook",)
READ_PURPOSE = "read_logbook"


def _can_write(actor: Actor, employee: Employee) -> None:
    can_change_record(
        actor, employee.jobcoach_id, "A jobcoach writes only in the logbook of their own caseload."
    )


async def entries(
    conn: asyncpg.Connection, actor: Actor, employee: Employee, limit: int = 200
) -> list[LogbookEntry]:
    """A person's notes, newest first; a coach's or admin's read is audited."""
    can_see_development(actor, employee.id, "logbook")
    found = await repository.entries(conn, employee.id, limit)
    if actor.role in (Role.ADMIN, Role.JOBCOACH):
        await audit.record_reads(conn, actor, [employee.id], AUDIT_FIELDS, READ_PURPOSE)
    return found


async def write(
    conn: asyncpg.Connection, actor: Actor, employee: Employee, body: LogbookEntryIn
) -> LogbookEntry:
    """Add a note about a day that has been (today or before)."""
    _can_write(actor, employee)
    fields: dict[str, str] = {}
    now = today()
    if body.happened_on > now:
        fields["happened_on"] = f"must not be in the future (today is {now.isoformat()})"
    if not body.body:
        fields["body"] = "write something: an agreement, what you saw, what works"
    if fields:
        raise invalid_fields("logbook entry", fields)
    entry_id = await repository.insert(
        conn, employee.id, body.happened_on, body.body, actor.account_id, actor.role.value
    )
    written = await repository.entry(conn, entry_id, employee.id)
    assert written is not None
    return written


async def entry(
    conn: asyncpg.Connection, actor: Actor, employee: Employee, entry_id: UUID
) -> LogbookEntry:
    """One note of a person the actor may read; NotFound for any other id."""
    can_see_development(actor, employee.id, "logbook")
    found = await repository.entry(conn, entry_id, employee.id)
    if found is None:
        raise NotFound("This person's logbook has no entry with this id.")
    return found


async def delete(
    conn: asyncpg.Connection, actor: Actor, employee: Employee, found: LogbookEntry
) -> None:
    """Delete a note: its writer, or an admin of the person's WISE."""
    can_manage_employees(actor)
    if actor.role is not Role.ADMIN and found.written_by != actor.account_id:
        raise Forbidden("Only the writer of a note or an admin may delete it.")
    if not await repository.delete(conn, found.id, employee.id):
        raise NotFound("This person's logbook has no entry with this id.")
