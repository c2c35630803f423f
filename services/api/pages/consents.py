"""Consents on a page, for the person and for their jobcoach: the same service calls either
way (the service decides who may change them)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from uuid import UUID

import asyncpg
from pydantic import ValidationError

from services.api.pages import forms
from services.api.pages.i18n import Lang
from services.core.access.policy import Actor
from services.core.employees import service as employees
from services.core.employees.models import Consent, ConsentIn, Employee
from services.core.errors import Conflict, Invalid
from services.core.vacancies import service as vacancies
from services.core.vacancies.models import VacancyFilter

KNOWN = {"purpose": "error.consent_given", "employer_id": "error.choose_employer"}


@dataclass
class ConsentView:
    """A person's consents and the employers they could share their profile with."""

    active: list[Consent]
    withdrawn: list[Consent]
    matching_active: bool
    employers: list[tuple[UUID, str]]  # organisations with open vacancies, not shared with yet


async def view(conn: asyncpg.Connection, actor: Actor, employee: Employee) -> ConsentView:
    """The consents of a person the actor may see (ForbiddenError for others)."""
    found = await employees.consents(conn, actor, employee)
    active = [c for c in found if c.active]
    shared = {c.employer_id for c in active if c.purpose == "share_with_employer"}
    page = await vacancies.list_vacancies(
        conn, actor, VacancyFilter(status="open", sort="title", limit=100)
    )
    employers = {v.organisation.id: v.organisation.name for v in page.items}
    return ConsentView(
        active=active,
        withdrawn=[c for c in found if not c.active],
        matching_active=any(c.purpose == "matching" for c in active),
        employers=sorted(
            ((i, n) for i, n in employers.items() if i not in shared), key=lambda e: e[1].lower()
        ),
    )


async def give(
    conn: asyncpg.Connection,
    actor: Actor,
    employee: Employee,
    entered: dict[str, str],
    t: Callable[..., str],
    lang: Lang,
) -> forms.Errors:
    """Record the consent in the form; the errors to show (none when it was recorded)."""
    try:
        body = ConsentIn(
            purpose=entered.get("purpose", ""),
            employer_id=forms.blank_none(entered.get("employer_id")),
        )
    except ValidationError as exc:
        return forms.from_validation(exc, t)
    try:
        async with conn.transaction():
            await employees.give_consent(conn, actor, employee, body)
    except (Invalid, Conflict) as exc:
        return forms.from_domain(exc, t, lang, KNOWN)
    return {}


async def withdraw(
    conn: asyncpg.Connection, actor: Actor, employee: Employee, consent: Consent
) -> bool:
    """Withdraw a consent; False when it was withdrawn already (nothing changes)."""
    try:
        async with conn.transaction():
            await employees.withdraw_consent(conn, actor, employee, consent)
    except Conflict:
        return False
    return True
