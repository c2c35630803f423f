"""Erasure (GDPR art. 17): a person and everything derived from them, in one transaction.

Who may: an admin of the person's WISE, also when the person asks for it themself. The WISE is
the controller: it checks the request and any duty to keep records (wage subsidy, the
doelgroepregister) before it erases, and an erasure cannot be undone, so it is not one click
away for a person who may act under pressure or by mistake.

What remains is one erasure_tombstone row (organisation, rung, reason) for counts, and the
`employee.erased` event, whose aggregate id is the erased id (meaningless now) and whose
payload holds no personal data. Workers rebuild what they need per event and cache nothing of a
person (only the taxonomy model), so there is nothing for them to drop yet.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime
from typing import Literal
from uuid import UUID

import asyncpg

from services.core.access.policy import Actor, Role, can_manage_employees, require_role
from services.core.errors import NotFound
from services.core.events.repository import emit
from services.core.privacy import repository

log = logging.getLogger(__name__)

ERASED = "employee.erased"
ErasureReason = Literal["request", "retention"]


def can_erase(actor: Actor) -> None:
    """Only an admin of a WISE erases a person (visibility is checked in SQL first)."""
    require_role(actor, Role.ADMIN, action="erase a person's data")
    can_manage_employees(actor)


async def erase(
    conn: asyncpg.Connection, actor: Actor, employee_id: UUID, reason: ErasureReason = "request"
) -> int:
    """Erase the person and what derives from them; the tombstone's id."""
    can_erase(actor)
    tombstones = await erase_people(conn, [employee_id], reason=reason, actor_id=actor.account_id)
    if not tombstones:
        raise NotFound("No employee you may see has this id.")
    return tombstones[0]


async def erase_people(
    conn: asyncpg.Connection,
    employee_ids: Sequence[UUID],
    *,
    reason: ErasureReason,
    at: datetime | None = None,
    actor_id: UUID | None = None,
) -> list[int]:
    """Erase people without an access check (for a caller that authorized, or retention):
    their rows, their own account and everything derived; one tombstone each (its id)."""
    ids = await repository.lock_employees(conn, employee_ids)
    if not ids:
        return []
    accounts = await repository.own_accounts(conn, ids)
    tombstones = await repository.insert_tombstones(conn, ids, at, reason)
    counts = await repository.delete_derived(conn, ids, accounts)
    await repository.delete_people(conn, ids, accounts)
    for employee_id, tombstone_id in zip(ids, tombstones, strict=True):
        await emit(
            conn,
            ERASED,
            aggregate_type="employee",
            aggregate_id=str(employee_id),
            payload={"tombstone_id": tombstone_id, "reason": reason},
        )
    # Counts only: a log line must not carry what was just erased.
    log.info(
        "employee erased: %d",
        len(ids),
        extra={
            "reason": reason,
            "tombstone_ids": tombstones,
            "actor_id": str(actor_id) if actor_id else None,
            "accounts_erased": len(accounts),
            **{f"deleted_{k}": v for k, v in counts.items()},
        },
    )
    return tombstones
