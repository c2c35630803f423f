"""Access and portability (GDPR art. 15 and 20): everything held about a person, as JSON.

Who may: the person themself, and an admin of their WISE on their behalf (the WISE is the
controller and answers the request). Not a jobcoach: they guide the person and see the
profile, but a full copy, with the audit trail, every notification and the account, is more
than their work needs (data minimisation, art. 5(1)(c)); the person or an admin asks for it.
Not an employer.
"""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

import asyncpg

from services.core import audit
from services.core.access.policy import Actor, Role
from services.core.employees.models import Employee
from services.core.errors import Forbidden
from services.core.privacy import queries, repository
from services.core.privacy.models import PersonalData

# Table -> the export section that holds its rows about the person. The schema test
# (tests/integration/test_privacy_export_erasure.py) fails for a table that refers to a person
# or an account and is neither here nor in its allow-list.
EXPORTED_TABLES = {
    "employee": "profile",
    "employee_skill": "skills",
    "employee_language": "languages",
    "employee_accommodation": "accommodations",
    "consent": "consents",
    "match": "matches",
    "notification": "notifications",
    "delivery": "notifications",
    "audit_log": "audit",
    "training_record": "training_records",
    "suggestion_log": "suggestions",
    "placement_decision": "placement_decisions",
    "account": "account",
    "refresh_token": "sessions",
    "page_session": "sessions",
    "api_key": "api_keys",
    "notification_preference": "notification_preference",
    "digest": "digests",
    "ladder_change": "ladder_changes",
    "logbook_entry": "logbook",
    "employee_capacity": "capacity",
    "placement_followup": "placement_followups",
    "wage_value": "wage_values",
    "learning_agreement": "learning_agreements",
    "learning_progress": "learning_agreements",
}


def can_export(actor: Actor, employee_id: UUID) -> None:
    """The person, or an admin of their organisation (visibility is checked in SQL first)."""
    if actor.role is Role.EMPLOYEE and actor.employee_id == employee_id:
        return
    if actor.role is Role.ADMIN:
        return
    raise Forbidden("Only the person or an admin of their organisation may export their data.")


async def export(conn: asyncpg.Connection, actor: Actor, employee: Employee) -> PersonalData:
    """Everything held about a visible person; the read is audited (and in the export)."""
    can_export(actor, employee.id)
    await audit.record_reads(conn, actor, [employee.id], list(queries.SECTIONS), "export")
    sections = await repository.personal_data(conn, employee.id, employee.account_id)
    return PersonalData(exported_at=datetime.now(UTC), employee_id=employee.id, **sections)
