"""Policy of a staff member's own learning and of the staff picture.

Who: jobcoaches, admins and employers keep their own DigComp self-assessment and learning plan;
an employee's digital skills belong to their own profile (skills, next steps), so they are
refused here. Which modules: a jobcoach adds jobcoach modules; an employer adds manager
modules; an admin of a WISE usually leads and coaches both, so adds either. The staff picture
of a WISE is for its own admins and jobcoaches: counts only, small groups withheld
(picture.py); it names no one, so it needs no audit row.
"""

from __future__ import annotations

from uuid import UUID

import asyncpg

from services.core.access.policy import Actor, Role, require_role
from services.core.clock import today
from services.core.errors import Conflict, Forbidden, NotFound, invalid_fields
from services.core.staff_learning import repository
from services.core.staff_learning.models import (
    BANDS,
    LearningPlan,
    OwnDigComp,
    OwnDigCompIn,
    OwnLevel,
    PictureRow,
    PlanItem,
    PlanItemIn,
    PlanItemPatch,
    StaffPicture,
)
from services.core.staff_learning.picture import row_bands
from services.core.taxonomy.digcomp import AREAS, COMPETENCES
from services.core.training import repository as training

AUDIENCES: dict[Role, tuple[str, ...]] = {
    Role.JOBCOACH: ("jobcoach",),
    Role.ADMIN: ("manager", "jobcoach"),
    Role.EMPLOYER: ("manager",),
}
SUGGESTIONS = 6
assert [b for b, _ in BANDS] == ["none", "foundation", "intermediate", "advanced"]


def can_keep_own_learning(actor: Actor) -> tuple[str, ...]:
    """The audiences of modules the actor adds; Forbidden for an employee."""
    if actor.role not in AUDIENCES:
        raise Forbidden(
            "Your digital skills are part of your own profile and next steps; this self-"
            "assessment and learning plan are for jobcoaches, admins and employers."
        )
    return AUDIENCES[actor.role]


async def own_digcomp(conn: asyncpg.Connection, actor: Actor) -> OwnDigComp:
    """The actor's own levels for all 21 competences (None where not assessed)."""
    can_keep_own_learning(actor)
    found = {r["competence_id"]: r for r in await repository.own_levels(conn, actor.account_id)}
    competences = [
        OwnLevel(
            competence_id=cid,
            area=int(cid.split(".")[0]),
            name_nl=names.nl,
            name_en=names.en,
            level=found[cid]["level"] if cid in found else None,
            assessed_on=found[cid]["assessed_on"] if cid in found else None,
        )
        for cid, names in COMPETENCES.items()
    ]
    return OwnDigComp(account_id=actor.account_id, assessed=len(found), competences=competences)


async def assess(conn: asyncpg.Connection, actor: Actor, body: OwnDigCompIn) -> OwnDigComp:
    """Replace the actor's self-assessment; Invalid for a day in the future."""
    can_keep_own_learning(actor)
    day = body.assessed_on or today()
    if day > today():
        raise invalid_fields("self-assessment", {"assessed_on": "is in the future"})
    levels = {item.competence_id: item.level for item in body.levels}
    await repository.replace_own_levels(conn, actor.account_id, levels, day)
    return await own_digcomp(conn, actor)


async def learning_plan(conn: asyncpg.Connection, actor: Actor) -> LearningPlan:
    """The actor's plan and suggestions of modules that raise their own levels."""
    audiences = can_keep_own_learning(actor)
    return LearningPlan(
        audiences=list(audiences),
        items=await repository.plan(conn, actor.account_id),
        suggestions=await repository.suggestions(conn, actor.account_id, audiences, SUGGESTIONS),
    )


async def add(conn: asyncpg.Connection, actor: Actor, body: PlanItemIn) -> PlanItem:
    """Put an active module of a fitting audience on the plan; Conflict when it is there."""
    audiences = can_keep_own_learning(actor)
    module = await training.get(conn, body.module_id)
    problem = None
    if module is None:
        problem = "no training module has this id; see GET /api/v1/training/modules"
    elif not module.active:
        problem = "this module is no longer offered (inactive)"
    elif module.audience not in audiences:
        problem = (
            f"this module is for audience {module.audience}; a {actor.role.value} adds modules "
            f"for {' or '.join(audiences)}"
        )
    if problem:
        raise invalid_fields("learning plan item", {"module_id": problem})
    if not await repository.add(conn, actor.account_id, body.module_id, today()):
        raise Conflict(
            "This module is on your learning plan already.", fields={"module_id": "on the plan"}
        )
    return await plan_item(conn, actor, body.module_id)


async def plan_item(conn: asyncpg.Connection, actor: Actor, module_id: UUID) -> PlanItem:
    """An item of the actor's own plan; Forbidden for an employee, NotFound when not on it."""
    can_keep_own_learning(actor)
    found = await repository.plan_item(conn, actor.account_id, module_id)
    if found is None:
        raise NotFound("This module is not on your learning plan.")
    return found


async def mark(
    conn: asyncpg.Connection, actor: Actor, item: PlanItem, body: PlanItemPatch
) -> PlanItem:
    """Mark an item done on a day (not in the future, not before it was added), or open."""
    day = body.completed_on
    if day is not None and day > today():
        raise invalid_fields("learning plan item", {"completed_on": "is in the future"})
    if day is not None and day < item.added_on:
        raise invalid_fields(
            "learning plan item",
            {"completed_on": f"is before the module was added ({item.added_on.isoformat()})"},
        )
    await repository.set_completed(conn, actor.account_id, item.module_id, day)
    return await plan_item(conn, actor, item.module_id)


async def remove(conn: asyncpg.Connection, actor: Actor, item: PlanItem) -> None:
    """Take an item off the plan."""
    await repository.remove(conn, actor.account_id, item.module_id)


async def check_picture_access(
    conn: asyncpg.Connection, actor: Actor, organisation_id: UUID
) -> UUID:
    """The actor's own WISE, for its admins and jobcoaches; another organisation is not found,
    another role of the same one is forbidden."""
    if organisation_id != actor.organisation_id:
        raise NotFound("No organisation of yours has this id.")
    require_role(actor, Role.ADMIN, Role.JOBCOACH, action="see the staff's digital skills")
    if await repository.organisation_kind(conn, organisation_id) != "wise":
        raise Forbidden("Only a work-integration social enterprise has a staff picture.")
    return organisation_id


async def staff_picture(conn: asyncpg.Connection, organisation_id: UUID) -> StaffPicture:
    """The WISE's staff per DigComp area and competence in four bands, small groups withheld."""
    staff, assessed = await repository.staff_counts(conn, organisation_id)
    areas, competences = await repository.band_counts(conn, organisation_id)

    def row(key: str, nl: str, en: str, found: dict[str, int] | None) -> PictureRow:
        total, bands = row_bands(found)
        return PictureRow(id=key, name_nl=nl, name_en=en, assessed=total, bands=bands)

    return StaffPicture(
        organisation_id=organisation_id,
        staff=staff,
        assessed=assessed,
        areas=[row(str(a), n.nl, n.en, areas.get(str(a))) for a, n in AREAS.items()],
        competences=[row(c, n.nl, n.en, competences.get(c)) for c, n in COMPETENCES.items()],
    )
