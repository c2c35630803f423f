"""A staff account's own data (GDPR art. 15 and 20): a jobcoach, admin or employer downloads
what Opstap holds about them as a person: their account, their own DigComp self-assessment and
their learning plan. What they recorded about others (profiles, logbook notes, decisions) is
those people's data and is in their exports; their notifications name others and stay in the
feed. An employee's own data is the person's export (`export.py`)."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import asyncpg
from pydantic import BaseModel, Field

from services.core.access.policy import Actor
from services.core.accounts import repository as accounts
from services.core.accounts.models import Account
from services.core.errors import NotFound
from services.core.staff_learning import service as staff_learning
from services.core.staff_learning.models import OwnDigComp, PlanItem


class StaffData(BaseModel):
    """Everything held about a staff member as a person, as of `exported_at`."""

    exported_at: datetime
    account: Account
    organisation_id: UUID
    organisation_name: str
    digcomp: OwnDigComp = Field(description="the own DigComp self-assessment")
    learning_plan: list[PlanItem] = Field(description="the modules on the own learning plan")


async def export(conn: asyncpg.Connection, actor: Actor) -> StaffData:
    """The caller's own data; Forbidden for an employee (their data is the person's export)."""
    staff_learning.can_keep_own_learning(actor)
    row = await accounts.account_by_id(conn, actor.account_id)
    organisation = await accounts.get_organisation(conn, actor.organisation_id)
    if row is None or organisation is None:
        raise NotFound("No account is signed in with this token.")
    plan = await staff_learning.learning_plan(conn, actor)
    return StaffData(
        exported_at=datetime.now().astimezone(),
        account=Account.model_validate(dict(row)),
        organisation_id=organisation["id"],
        organisation_name=organisation["name"],
        digcomp=await staff_learning.own_digcomp(conn, actor),
        learning_plan=plan.items,
    )
