"""Posting, changing, listing and moving vacancies through their lifecycle."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any
from uuid import UUID

import asyncpg

from services.core.access.policy import Actor, can_manage_vacancies
from services.core.clock import today
from services.core.errors import Forbidden, Invalid, NotFound, Problem, invalid
from services.core.events.repository import emit
from services.core.paging import Page
from services.core.partial import patched
from services.core.taxonomy.repository import unknown_occupation_uris, unknown_skill_uris
from services.core.vacancies import repository
from services.core.vacancies.models import (
    Vacancy,
    VacancyFilter,
    VacancyIn,
    VacancyPatch,
)
from services.core.vacancies.repository import NewVacancy

SUBJECT = "vacancy"  # what an Invalid asks to check
# action: (statuses it may start from, status it ends in, event it records)
TRANSITIONS: dict[str, tuple[tuple[str, ...], str, str]] = {
    "publish": (("draft", "closed"), "open", "vacancy.published"),
    "close": (("open",), "closed", "vacancy.closed"),
    "fill": (("open",), "filled", "vacancy.filled"),
    "reopen": (("closed", "filled"), "open", "vacancy.published"),
}
DONE = {"publish": "published", "close": "closed", "fill": "filled", "reopen": "reopened"}
EDITABLE = ("draft", "open", "closed")


def closing_problems(closing_date: date | None) -> list[Problem]:
    """A vacancy cannot be open with a closing date that has passed."""
    if closing_date is not None and closing_date < today():
        return [(("closing_date",), "is in the past; an open vacancy needs a later date")]
    return []


async def reference_problems(
    conn: asyncpg.Connection, items: Sequence[VacancyIn]
) -> list[list[Problem]]:
    """Per item: unknown occupation, skill URIs and accommodation codes (three queries in all)."""
    occupations = set(await unknown_occupation_uris(conn, list({i.occupation_uri for i in items})))
    skill_uris = list({s.skill_uri for i in items for s in i.skills})
    skills = set(await unknown_skill_uris(conn, skill_uris))
    codes = await repository.unknown_accommodation_codes(
        conn, list({c for i in items for c in i.accommodations})
    )
    found: list[list[Problem]] = []
    for item in items:
        problems: list[Problem] = []
        if item.occupation_uri in occupations:
            problems.append((("occupation_uri",), "is no occupation of the taxonomy"))
        for n, skill in enumerate(item.skills):
            if skill.skill_uri in skills:
                problems.append((("skills", n, "skill_uri"), "is no skill of the taxonomy"))
        for n, code in enumerate(item.accommodations):
            if code in codes:
                problems.append(
                    (("accommodations", n), "unknown code; see GET /api/v1/accommodations")
                )
        found.append(problems)
    return found


async def create_many(conn: asyncpg.Connection, actor: Actor, rows: Sequence[NewVacancy]) -> None:
    """Store checked vacancies of the actor's organisation; open ones are published."""
    can_manage_vacancies(actor)
    await repository.insert_many(conn, actor.organisation_id, actor.account_id, rows)
    for vacancy_id, status, _ in rows:
        if status == "open":
            await _record(conn, "vacancy.published", vacancy_id, {"from": None})


async def create(conn: asyncpg.Connection, actor: Actor, item: VacancyIn) -> Vacancy:
    """A new draft vacancy of the actor's organisation; Invalid for unknown references."""
    can_manage_vacancies(actor)
    if problems := (await reference_problems(conn, [item]))[0]:
        raise invalid(SUBJECT, problems)
    vacancy_id = uuid.uuid4()
    await create_many(conn, actor, [(vacancy_id, "draft", item)])
    return await get(conn, actor, vacancy_id)


async def get(conn: asyncpg.Connection, actor: Actor, vacancy_id: UUID) -> Vacancy:
    """A vacancy the actor may see; NotFound for any other."""
    found = await repository.get(conn, actor, vacancy_id)
    if found is None:
        raise NotFound("No vacancy you can see has this id.")
    return found


async def get_for_change(conn: asyncpg.Connection, actor: Actor, vacancy_id: UUID) -> Vacancy:
    """A vacancy of the actor's own organisation, locked; 404 if unseen, 403 if not theirs."""
    found = await repository.get(conn, actor, vacancy_id, for_update=True)
    if found is None:
        raise NotFound("No vacancy you can see has this id.")
    can_manage_vacancies(actor)
    if found.organisation.id != actor.organisation_id:
        raise Forbidden("Only the organisation that posted a vacancy may change it.")
    return found


async def list_vacancies(conn: asyncpg.Connection, actor: Actor, f: VacancyFilter) -> Page[Vacancy]:
    """A page of the vacancies the actor may see."""
    items, total = await repository.page(conn, actor, f)
    return Page[Vacancy](items=items, total=total, limit=f.limit, offset=f.offset)


async def update(
    conn: asyncpg.Connection, actor: Actor, vacancy: Vacancy, patch: VacancyPatch
) -> Vacancy:
    """Change the given fields, checked as a whole; an open vacancy records what changed."""
    if vacancy.status not in EDITABLE:
        raise Invalid(
            f"The vacancy is {vacancy.status}; reopen it before changing it.",
            fields={"status": vacancy.status},
        )
    item, changed = patched(VacancyIn, vacancy, patch, SUBJECT)
    if not changed:
        return vacancy
    problems = (await reference_problems(conn, [item]))[0]
    if vacancy.status == "open" and "closing_date" in changed:
        problems += closing_problems(item.closing_date)
    if problems:
        raise invalid(SUBJECT, problems)
    await repository.update(conn, vacancy.id, item, changed)
    if vacancy.status == "open":
        await _record(conn, "vacancy.updated", vacancy.id, {"fields": sorted(changed)})
    return await get(conn, actor, vacancy.id)


async def transition(
    conn: asyncpg.Connection, actor: Actor, vacancy: Vacancy, action: str
) -> Vacancy:
    """Publish, close, fill or reopen; Invalid naming the status when that is not possible."""
    to, event = step(vacancy.status, action)
    allowed_from = TRANSITIONS[action][0]
    if to == "open" and (problems := closing_problems(vacancy.closing_date)):
        raise invalid(SUBJECT, problems)
    if not await repository.set_status(conn, vacancy.id, to, allowed_from):
        raise _impossible(vacancy.status, action, allowed_from)
    await _record(conn, event, vacancy.id, {"from": vacancy.status})
    return await get(conn, actor, vacancy.id)


async def close_expired(conn: asyncpg.Connection, day: date | None = None) -> int:
    """Close every open vacancy whose closing day has passed (the Netherlands' calendar), each
    with the `vacancy.closed` event a manual close records: the worker drops its matches and
    tells who heard of it. How many; a second run the same day closes none."""
    closed = await repository.close_expired(conn, day or today())
    for vacancy_id in closed:
        await _record(conn, "vacancy.closed", vacancy_id, {"from": "open", "expired": True})
    return len(closed)


def step(status: str, action: str) -> tuple[str, str]:
    """(the status an action leads to from `status`, the event it records); Invalid naming
    the status when the action is not possible from it."""
    allowed_from, to, event = TRANSITIONS[action]
    if status not in allowed_from:
        raise _impossible(status, action, allowed_from)
    return to, event


def _impossible(status: str, action: str, allowed_from: Sequence[str]) -> Invalid:
    # 422 naming the field, as for any other input the current state does not allow.
    return Invalid(
        f"The vacancy is {status}; only a vacancy that is {' or '.join(allowed_from)} "
        f"can be {DONE[action]}.",
        fields={"status": status},
    )


async def _record(
    conn: asyncpg.Connection, event_type: str, vacancy_id: UUID, payload: dict[str, Any]
) -> None:
    await emit(
        conn, event_type, aggregate_type="vacancy", aggregate_id=str(vacancy_id), payload=payload
    )
