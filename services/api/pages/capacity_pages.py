"""Work capacity on pages: the coach's tab to see and change a person's profile, grouped by
the six categories; the person's own profile in "je" words and the "only work that fits what I
can do" filter on /me/work; and the optional demands on the employer's vacancy form.

Every form works without script: one select per item (a level's words, or "not known"), a
fieldset per category.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from uuid import UUID

import asyncpg
from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from services.api.dependencies import Conn
from services.api.pages import forms, i18n
from services.api.pages.access import PageEmployee
from services.api.pages.employee_view import Overview
from services.api.pages.render import redirect, render
from services.api.pages.session import CoachActor, check_csrf, coach_actor
from services.core.access.policy import Actor
from services.core.capacity import repository, service
from services.core.capacity.items import CATEGORIES, ITEMS, LEVELS, words
from services.core.capacity.models import DemandsIn, LevelIn, ProfileIn
from services.core.clock import today
from services.core.employees.models import Employee
from services.core.matching import texts
from services.core.vacancies.models import Vacancy

router = APIRouter(prefix="/coach", dependencies=[Depends(coach_actor)])
LEVEL = "level_"  # the profile form's field of an item: level_<code>
DEMAND = "demand_"  # the vacancy form's field of an item: demand_<code>
FITS = "fits"  # ?capacity=fits on /me/work


@dataclass
class Row:
    """One item on a page: its field, name, chosen level and the options of its select."""

    field: str
    label: str
    level: int | None
    words: str | None
    options: list[tuple[str, str]]


@dataclass
class Group:
    """One of the six categories with its items."""

    code: str
    label: str
    rows: list[Row]


def groups(
    chosen: Mapping[str, str], lang: str, *, asks: bool, prefix: str, only_set: bool = False
) -> list[Group]:
    """The categories and their items, each with the level in `chosen` (field -> "0".."4" or
    ""): a job's words when `asks`, else a person's; only the items with a level with
    `only_set`."""
    found: list[Group] = []
    for code, nl, en in CATEGORIES:
        rows: list[Row] = []
        for item in (i for i in ITEMS if i.category == code):
            value = chosen.get(prefix + item.code, "")
            level = int(value) if value in {str(n) for n in LEVELS} else None
            if only_set and level is None:
                continue
            rows.append(
                Row(
                    field=prefix + item.code,
                    label=item.label_nl if lang == "nl" else item.label_en,
                    level=level,
                    words=None if level is None else words(item.code, level, lang, asks=asks),
                    options=[(str(n), words(item.code, n, lang, asks=asks)) for n in LEVELS],
                )
            )
        if rows:
            found.append(Group(code, nl if lang == "nl" else en, rows))
    return found


def entered_levels(
    entered: Mapping[str, str], prefix: str, t: Callable[..., str]
) -> tuple[list[LevelIn], forms.Errors]:
    """The levels a form gives (an empty select: no level), and a message per wrong field."""
    levels: list[LevelIn] = []
    errors: forms.Errors = {}
    for item in ITEMS:
        value = entered.get(prefix + item.code, "")
        if not value:
            continue
        if value not in {str(n) for n in LEVELS}:
            errors[prefix + item.code] = t("error.choose")
            continue
        levels.append(LevelIn(item=item.code, level=int(value)))
    return levels, errors


def _assessed_on(value: str, t: Callable[..., str]) -> tuple[date | None, str | None]:
    if not value:
        return None, None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return None, t("error.date")
    return (None, t("capacity.error_future")) if day > today() else (day, None)


async def _coach_page(
    request: Request,
    actor: Actor,
    conn: asyncpg.Connection,
    employee: Employee,
    *,
    values: dict[str, str] | None = None,
    errors: forms.Errors | None = None,
) -> Response:
    lang = i18n.language(request)
    profile = await service.read_profile(conn, actor, employee)
    if values is None:
        values = {LEVEL + lv.item: str(lv.level) for lv in profile.levels}
        dates = [lv.assessed_on for lv in profile.levels if lv.assessed_on]
        values["assessed_on"] = max(dates).isoformat() if dates else ""
    return render(
        request,
        "coach_capacity.html",
        status=422 if errors else 200,
        title=employee.name,
        employee=employee,
        first_name=texts.first_name(employee.name) or employee.name,
        tab="capacity",
        groups=groups(values, lang, asks=False, prefix=LEVEL),
        values=values,
        errors=errors or {},
        recorded=max((lv.recorded_at for lv in profile.levels), default=None),
    )


@router.get("/people/{employee_id}/capacity")
async def capacity_tab(
    request: Request, employee: PageEmployee, actor: CoachActor, conn: Conn
) -> Response:
    """What the person can do at work, by category, to see and change."""
    return await _coach_page(request, actor, conn, employee)


@router.post("/people/{employee_id}/capacity", dependencies=[Depends(check_csrf)])
async def capacity_save(
    request: Request, employee: PageEmployee, actor: CoachActor, conn: Conn
) -> Response:
    """Store the profile as the form gives it (an item left at "not known" has no level)."""
    t = i18n.translator(i18n.language(request))
    entered = await forms.values(request)
    levels, errors = entered_levels(entered, LEVEL, t)
    day, problem = _assessed_on(entered.get("assessed_on", ""), t)
    if problem:
        errors["assessed_on"] = problem
    if errors:
        return await _coach_page(request, actor, conn, employee, values=entered, errors=errors)
    async with conn.transaction():
        await service.replace_profile(
            conn, actor, employee, ProfileIn(levels=levels, assessed_on=day)
        )
    return redirect(request, f"/coach/people/{employee.id}/capacity", done="capacity_saved")


async def own_profile(
    conn: asyncpg.Connection, actor: Actor, employee: Employee, lang: str
) -> list[Group]:
    """The person's own levels in words, by category (read audited, as any read of it)."""
    profile = await service.read_profile(conn, actor, employee)
    chosen = {LEVEL + lv.item: str(lv.level) for lv in profile.levels}
    return groups(chosen, lang, asks=False, prefix=LEVEL, only_set=True)


async def only_fitting(conn: asyncpg.Connection, employee_id: UUID, view: Overview) -> Overview:
    """The overview without the work whose capacity demands the person does not meet (as
    ?capacity=fits on the API: not known and to discuss stay)."""
    ids = [j.vacancy_id for j in (*view.now, *view.next)]
    failing = await repository.failing(conn, employee_id, ids)
    return dataclasses.replace(
        view,
        now=[j for j in view.now if j.vacancy_id not in failing],
        next=[j for j in view.next if j.vacancy_id not in failing],
    )


async def stored_demands(conn: asyncpg.Connection, vacancy_id: UUID) -> dict[str, str]:
    """A vacancy's demands as the form's fields."""
    return {DEMAND + d.item: str(d.level) for d in await repository.demands(conn, vacancy_id)}


def demands_of(entered: Mapping[str, str]) -> dict[str, str]:
    """The demand fields of a sent vacancy form."""
    return {k: v for k, v in entered.items() if k.startswith(DEMAND)}


def checked_demands(
    chosen: Mapping[str, str], t: Callable[..., str]
) -> tuple[DemandsIn | None, forms.Errors]:
    """The demands to store (None with the messages when a field is wrong)."""
    levels, errors = entered_levels(chosen, DEMAND, t)
    return (None, errors) if errors else (DemandsIn(demands=levels), {})


async def save_demands(conn: asyncpg.Connection, vacancy: Vacancy, demands: DemandsIn) -> None:
    """Store a saved vacancy's demands (the caller's own, in its transaction)."""
    await service.replace_demands(conn, vacancy, demands)
