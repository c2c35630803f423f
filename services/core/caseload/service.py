"""The caseload for jobcoaches and admins: who may read it, and what a read logs."""

from __future__ import annotations

import asyncpg

from services.core import audit
from services.core.access.policy import Actor, Role, require_role
from services.core.caseload import repository
from services.core.caseload.models import CaseloadFilter, CaseloadRow, Overview
from services.core.decisions import service as decisions
from services.core.followup import service as followup
from services.core.paging import Page

# What a caseload read shows of each person: name and rung (not sensitive) and match scores.
READ_FIELDS = ("matches",)
OVERVIEW_LIMIT = 10


def _can_read(actor: Actor) -> None:
    require_role(actor, Role.ADMIN, Role.JOBCOACH, action="see a caseload")


async def caseload(conn: asyncpg.Connection, actor: Actor, f: CaseloadFilter) -> Page[CaseloadRow]:
    """A page of the actor's people (an admin: the organisation's), sorted, audited."""
    _can_read(actor)
    rows, total = await repository.page(conn, actor, f)
    await audit.record_reads(conn, actor, [r.id for r in rows], READ_FIELDS, "list_caseload")
    return Page[CaseloadRow](items=rows, total=total, limit=f.limit, offset=f.offset)


async def overview(conn: asyncpg.Connection, actor: Actor, min_score: float) -> Overview:
    """The caseload's best undecided matches (at or above `min_score`) and its open steps;
    the matches shown are logged as suggestions."""
    _can_read(actor)
    best, best_total = await repository.best_matches(conn, actor, min_score, OVERVIEW_LIMIT)
    steps, open_total = await repository.open_steps(conn, actor, OVERVIEW_LIMIT)
    people = list(dict.fromkeys(m.employee_id for m in best))
    await audit.record_reads(conn, actor, people, READ_FIELDS, "list_caseload")
    pairs = [(m.employee_id, m.vacancy_id) for m in best]
    await decisions.record_shown(conn, actor, "caseload", pairs)
    due, due_total = await followup.due_for_caseload(conn, actor, OVERVIEW_LIMIT)
    return Overview(
        min_score=min_score,
        best_matches=best,
        best_total=best_total,
        open_steps=steps,
        open_total=open_total,
        followups_due=due,
        followups_total=due_total,
    )
