"""The training catalogue (admins maintain it, everyone signed in reads it) and recording a
completed module, which certifies its skills on the person's profile in the same transaction."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

import asyncpg

from services.core.access.policy import Actor, Role, can_change_consent, require_role
from services.core.clock import today
from services.core.employees.models import Employee
from services.core.errors import (
    Conflict,
    Forbidden,
    Invalid,
    NotFound,
    Problem,
    invalid,
    invalid_fields,
)
from services.core.events.repository import emit
from services.core.paging import Page
from services.core.partial import patched
from services.core.taxonomy.repository import unknown_skill_uris
from services.core.training import repository
from services.core.training.models import (
    ModuleFilter,
    ModuleIn,
    ModulePatch,
    TrainingCompletion,
    TrainingModule,
    TrainingRecord,
    TrainingRecordIn,
)

SUBJECT = "training module"  # what an Invalid asks to check
TEACHES_NOTHING = "a module teaches at least one skill or DigComp competence"


def can_maintain_catalogue(actor: Actor) -> None:
    """Only admins change the catalogue that every organisation shares."""
    require_role(actor, Role.ADMIN, action="change the training catalogue")


def can_record_training(actor: Actor, employee: Employee) -> None:
    """The person, their own jobcoach or their organisation's admin: the rule for consent."""
    try:
        can_change_consent(actor, employee.id, employee.jobcoach_id)
    except Forbidden as exc:
        raise Forbidden(
            "Only the person, their jobcoach or an admin may record or read training."
        ) from exc


async def reference_problems(
    conn: asyncpg.Connection, items: Sequence[ModuleIn]
) -> list[list[Problem]]:
    """Per item: skill URIs the taxonomy lacks, or nothing taught (one query in all)."""
    unknown = set(await unknown_skill_uris(conn, list({u for i in items for u in i.skills})))
    found: list[list[Problem]] = []
    for item in items:
        problems: list[Problem] = []
        if missing := [u for u in item.skills if u in unknown]:
            problems.append((("skills",), f"unknown skill URI(s): {', '.join(missing)}"))
        elif not item.skills and not item.competences:
            problems.append((("skills",), TEACHES_NOTHING))
        found.append(problems)
    return found


async def create(conn: asyncpg.Connection, actor: Actor, item: ModuleIn) -> TrainingModule:
    """A new module of the catalogue; Invalid for unknown skills, Conflict for a taken code."""
    can_maintain_catalogue(actor)
    if problems := (await reference_problems(conn, [item]))[0]:
        raise invalid(SUBJECT, problems)
    module_id = await repository.insert(conn, item)
    if module_id is None:
        raise _code_taken(item.code)
    return await get(conn, module_id)


async def get(conn: asyncpg.Connection, module_id: UUID) -> TrainingModule:
    """A module, active or not; NotFound when there is none with this id."""
    found = await repository.get(conn, module_id)
    if found is None:
        raise NotFound("No training module has this id.")
    return found


async def get_for_change(conn: asyncpg.Connection, actor: Actor, module_id: UUID) -> TrainingModule:
    """A module locked for this transaction; 404 when there is none, 403 for non-admins."""
    found = await repository.get(conn, module_id, for_update=True)
    if found is None:
        raise NotFound("No training module has this id.")
    can_maintain_catalogue(actor)
    return found


def offered_to(actor: Actor, f: ModuleFilter) -> ModuleFilter:
    """The filter as the actor may use it: an employee sees only modules for employees."""
    if actor.role is Role.EMPLOYEE:
        return f.model_copy(update={"audience": "employee"})
    return f


async def list_modules(conn: asyncpg.Connection, f: ModuleFilter) -> Page[TrainingModule]:
    """A page of the catalogue (narrowed by `offered_to` for the reader)."""
    items, total = await repository.page(conn, f)
    return Page[TrainingModule](items=items, total=total, limit=f.limit, offset=f.offset)


async def update(
    conn: asyncpg.Connection, module: TrainingModule, patch: ModulePatch
) -> TrainingModule:
    """Change the given fields, checked as a whole; lists replace the old ones."""
    item, changed = patched(ModuleIn, module, patch, SUBJECT)
    if not changed:
        return module
    if problems := (await reference_problems(conn, [item]))[0]:
        raise invalid(SUBJECT, problems)
    if item.code != module.code and await repository.id_by_code(conn, item.code) is not None:
        raise _code_taken(item.code)
    await repository.update(conn, module.id, item)
    return await get(conn, module.id)


async def set_active(
    conn: asyncpg.Connection, module: TrainingModule, active: bool
) -> TrainingModule:
    """Offer a module again or no longer; records of it stay. Invalid when it is so already."""
    if not await repository.set_active(conn, module.id, active):
        state = "active" if active else "inactive"
        raise Invalid(f"The module is {state} already.", fields={"active": state})
    return await get(conn, module.id)


def _code_taken(code: str) -> Conflict:
    return Conflict(
        f"A training module with code {code} exists already; change that one instead.",
        fields={"code": "taken"},
    )


async def record_completion(
    conn: asyncpg.Connection, actor: Actor, employee: Employee, body: TrainingRecordIn
) -> TrainingCompletion:
    """Record a completed module and certify what it teaches; Conflict when recorded before."""
    can_record_training(actor, employee)
    module = await _completable(conn, body)
    if not await repository.lock_employee(conn, employee.id):
        raise NotFound("No employee you may see has this id.")
    record_id = await repository.insert_record(
        conn, employee.id, module.id, body.completed_on, actor.account_id
    )
    if record_id is None:
        raise Conflict(
            f"{module.title_en} is recorded for this person already; a module counts once.",
            fields={"module_id": "recorded already"},
        )
    certified = await repository.certify_skills(conn, employee.id, module, body.completed_on)
    await emit(
        conn,
        "training.completed",
        aggregate_type="employee",
        aggregate_id=str(employee.id),
        payload={
            "module_id": str(module.id),
            "record_id": str(record_id),
            "certified_skills": certified,
        },
    )
    record = await repository.record(conn, record_id)
    assert record is not None
    return TrainingCompletion(**record.model_dump(), certified_skills=certified)


async def _completable(conn: asyncpg.Connection, body: TrainingRecordIn) -> TrainingModule:
    """The active module of the record; Invalid naming the field for anything else."""
    fields: dict[str, str] = {}
    if body.completed_on > today():
        fields["completed_on"] = "is in the future; record a module once it is completed"
    module = await repository.get(conn, body.module_id)
    if module is None:
        fields["module_id"] = "no training module has this id; see GET /api/v1/training/modules"
    elif not module.active:
        fields["module_id"] = "this module is no longer offered (inactive)"
    elif module.audience != "employee":
        fields["module_id"] = (
            f"this module is for a {module.audience}'s own learning, not for a person; "
            "choose a module whose audience is employee"
        )
    if fields or module is None:
        raise invalid_fields("training record", fields)
    return module


async def records(
    conn: asyncpg.Connection, actor: Actor, employee: Employee
) -> list[TrainingRecord]:
    """The modules the person completed, most recent first."""
    can_record_training(actor, employee)
    return await repository.records(conn, employee.id)
