"""Work capacity: who reads and changes a person's profile and a vacancy's demands.

A person's capacity is special category data (GDPR art. 9), like the accommodations they need:
the person, their jobcoach and their WISE's admins see it, an employer only while the person
shares their profile with it (the visibility predicate, checked before this is called), and
every read leaves an audit row. The admins and jobcoaches who keep the person's record change
it; the organisation that posted a vacancy changes its demands. A change is announced like any
profile or vacancy change, so that the worker scores the person or the vacancy again.
"""

from __future__ import annotations

from uuid import UUID

import asyncpg

from services.core import audit
from services.core.access.policy import Actor, Role, can_change_record
from services.core.capacity import repository
from services.core.capacity.items import CATEGORIES, ITEMS, LEVELS, Item
from services.core.capacity.models import (
    CategoryInfo,
    Demands,
    DemandsIn,
    ItemInfo,
    LevelWords,
    Profile,
    ProfileIn,
)
from services.core.employees.models import Employee
from services.core.errors import Invalid
from services.core.events.repository import emit
from services.core.vacancies.models import Vacancy
from services.core.vacancies.service import EDITABLE

READ_FIELDS = ("capacity",)


def item_list() -> list[CategoryInfo]:
    """The six categories with their items and every level's words."""
    return [
        CategoryInfo(
            code=code,
            label_nl=nl,
            label_en=en,
            items=[_item_info(i) for i in ITEMS if i.category == code],
        )
        for code, nl, en in CATEGORIES
    ]


def _item_info(item: Item) -> ItemInfo:
    return ItemInfo(
        code=item.code,
        category=item.category,
        label_nl=item.label_nl,
        label_en=item.label_en,
        levels=[
            LevelWords(
                level=n,
                can_nl=item.scale.can[n][0],
                can_en=item.scale.can[n][1],
                asks_nl=item.scale.asks[n][0],
                asks_en=item.scale.asks[n][1],
            )
            for n in LEVELS
        ],
        resolved_by=list(item.resolved_by),
    )


def _purpose(actor: Actor) -> str:
    if actor.role is Role.EMPLOYER:
        return "employer_candidate_view"
    return "own_capacity" if actor.role is Role.EMPLOYEE else "view_capacity"


async def read_profile(conn: asyncpg.Connection, actor: Actor, employee: Employee) -> Profile:
    """The capacity profile of a person the actor may see, audited."""
    levels = await repository.levels(conn, employee.id)
    await audit.record_reads(conn, actor, [employee.id], READ_FIELDS, _purpose(actor))
    return Profile(employee_id=employee.id, levels=levels)


def can_change_profile(actor: Actor, employee: Employee) -> None:
    """The admins of the person's WISE and their own jobcoach, as for the rest of the record."""
    can_change_record(
        actor, employee.jobcoach_id, "A jobcoach changes only the records of their own caseload."
    )


async def replace_profile(
    conn: asyncpg.Connection, actor: Actor, employee: Employee, body: ProfileIn
) -> Profile:
    """Make the person's profile the one given; announce it when it changed."""
    can_change_profile(actor, employee)
    changed = await repository.replace_levels(
        conn, employee.id, body.levels, body.assessed_on, actor.account_id
    )
    if changed:
        await emit(
            conn,
            "employee.profile_updated",
            aggregate_type="employee",
            aggregate_id=str(employee.id),
            payload={"fields": ["capacity"]},
        )
    return await read_profile(conn, actor, employee)


async def read_demands(conn: asyncpg.Connection, vacancy_id: UUID) -> Demands:
    """What a vacancy (one the caller may see) asks: nothing private."""
    return Demands(vacancy_id=vacancy_id, demands=await repository.demands(conn, vacancy_id))


async def replace_demands(conn: asyncpg.Connection, vacancy: Vacancy, body: DemandsIn) -> Demands:
    """Make a vacancy's demands the ones given (the caller holds it locked as its own
    organisation's); an open vacancy announces the change."""
    if vacancy.status not in EDITABLE:  # as for the vacancy's other fields
        raise Invalid(
            f"The vacancy is {vacancy.status}; reopen it before changing it.",
            fields={"status": vacancy.status},
        )
    # Level 0 is "does not ask this": the same as no demand, so it is not kept.
    asked = [d for d in body.demands if d.level > 0]
    changed = await repository.replace_demands(conn, vacancy.id, asked)
    if changed and vacancy.status == "open":
        await emit(
            conn,
            "vacancy.updated",
            aggregate_type="vacancy",
            aggregate_id=str(vacancy.id),
            payload={"fields": ["capacity"]},
        )
    return await read_demands(conn, vacancy.id)
