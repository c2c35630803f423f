"""The person form: the whole profile a jobcoach (or an admin) writes, shared by the new-person
page and a person's profile page. One form that keeps its state across full page loads (search
for an occupation, one more language row) until it is saved, so it works without script; one
way to the employees service (create as POST /employees does, change as PATCH does)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import asyncpg
from fastapi import Request
from pydantic import ValidationError

from services.api.pages import forms, labels
from services.api.pages.i18n import Lang
from services.core import i18n
from services.core.access.policy import Actor, Role
from services.core.accounts import repository as accounts
from services.core.employees import service as employees
from services.core.employees.models import NOTES_MAX, Employee, EmployeeIn, EmployeePatch
from services.core.errors import Invalid
from services.core.settings import Settings
from services.core.taxonomy import service as taxonomy

FIELDS = (
    "name",
    "email",
    "phone",
    "ladder_rung",
    "work_setting",
    "hours_min",
    "hours_max",
    "postcode",
    "max_travel_km",
    "current_occupation_uri",
    "target_occupation_uri",
    "notes",
)
OCCUPATIONS = ("current_occupation", "target_occupation")
# Languages offered first, then the rest by name: those most spoken by people in Dutch WISEs
# (ISO 639-1, as employee_language stores them). A stored language not listed is kept.
LANGUAGES = ("nl", "en")
MORE_LANGUAGES = (
    "am", "ar", "bg", "bs", "de", "es", "fa", "fr", "hr", "it", "ku", "pl", "ps", "pt", "ro",
    "ru", "so", "sr", "ti", "tr", "uk", "ur", "zh",
)  # fmt: skip
MAX_LANGUAGES = 20  # as EmployeeIn
# Errors in the catalogue's words, for the fields whose generic message would not say what to do.
KNOWN = {
    "hours_min": "error.hours_order",
    "current_occupation_uri": "person_form.error_occupation",
    "target_occupation_uri": "person_form.error_occupation",
    "jobcoach_id": "person_form.error_jobcoach",
    "postcode": "person_form.error_postcode",
    "phone": "person_form.error_phone",
    "languages": "person_form.error_languages",
}


@dataclass
class PersonForm:
    """What the form holds: its fields, its language rows and the accommodations ticked."""

    values: dict[str, str]
    languages: list[tuple[str, str]]  # (language, CEFR level) per row, blanks included
    accommodations: list[str]
    errors: forms.Errors = field(default_factory=dict)
    hits: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # occupation -> hits
    labels: dict[str, str] = field(default_factory=dict)  # occupation URI -> label
    label_langs: dict[str, str] = field(default_factory=dict)  # URI -> the label's language
    landing: str | None = None  # the fragment a search button lands on (its formaction)


def _with_blank_rows(rows: list[tuple[str, str]], blanks: int) -> list[tuple[str, str]]:
    return rows + [("", "")] * max(0, min(blanks, MAX_LANGUAGES - len(rows)))


def empty(actor: Actor) -> PersonForm:
    """A new person's form: the coach who writes it becomes the jobcoach."""
    values = dict.fromkeys(FIELDS, "") | {"jobcoach_id": _own_coach(actor)}
    return PersonForm(values, _with_blank_rows([], 2), [])


def of_employee(employee: Employee) -> PersonForm:
    """The form for changing a person's profile, filled with what is stored."""
    data = employee.model_dump()
    values = {f: "" if data[f] is None else str(data[f]) for f in (*FIELDS, "jobcoach_id")}
    rows = [(x.language, str(x.cefr)) for x in employee.languages]
    return PersonForm(values, _with_blank_rows(rows, 1), list(employee.accommodations))


def _own_coach(actor: Actor) -> str:
    return str(actor.account_id) if actor.role is Role.JOBCOACH else ""


async def parse(request: Request) -> tuple[PersonForm, str]:
    """The form as sent, and what was asked of it (save, search an occupation, add a row)."""
    entered = await forms.values(request)
    rows = await forms.lists(request, "language", "cefr", "accommodations")
    languages = list(zip(rows["language"], rows["cefr"], strict=False))[:MAX_LANGUAGES]
    keys = (*FIELDS, "jobcoach_id", *(f"{o}_q" for o in OCCUPATIONS))
    values = {k: entered.get(k, "") for k in keys}
    form = PersonForm(values, languages or [("", "")], rows["accommodations"])
    return form, entered.get("intent", "save")


async def apply(
    conn: asyncpg.Connection,
    settings: Settings,
    form: PersonForm,
    intent: str,
    t: Callable[..., str],
    lang: Lang,
) -> None:
    """Carry out a step that is not saving: search an occupation, or add a language row."""
    occupation = intent.removeprefix("search:")
    if occupation in OCCUPATIONS:
        form.landing = occupation.replace("_", "-")
        await _search(conn, settings, form, occupation, lang)
        if not form.hits.get(occupation):
            typed = form.values[f"{occupation}_q"]
            form.errors[f"{occupation}_q"] = t(
                "error.nothing_found" if typed else "person_form.type_first"
            )
    elif intent == "add_language":
        form.languages = _with_blank_rows(form.languages, 1)


async def _search(
    conn: asyncpg.Connection, settings: Settings, form: PersonForm, occupation: str, lang: Lang
) -> None:
    query = form.values.get(f"{occupation}_q", "")[:200]
    if not query:
        return
    found = await taxonomy.search_occupations(conn, settings, q=query, lang=lang, limit=10)
    form.hits[occupation] = [(h.uri, h.label) for h in found.items]
    form.label_langs |= {h.uri: h.label_lang for h in found.items}


def _language_rows(form: PersonForm, t: Callable[..., str]) -> list[dict[str, str]]:
    """The rows filled in, each with both parts; an error beside a row half filled in."""
    chosen: list[dict[str, str]] = []
    for i, (language, cefr) in enumerate(form.languages):
        if language and not cefr:
            form.errors[f"cefr.{i}"] = t("person_form.error_cefr")
        elif cefr and not language:
            form.errors[f"language.{i}"] = t("person_form.error_language")
        elif language:
            chosen.append({"language": language, "cefr": cefr})
    return chosen


def _occupations_chosen(form: PersonForm, t: Callable[..., str]) -> None:
    """A search typed but no occupation chosen from it: say so rather than save without it."""
    for occupation in OCCUPATIONS:
        if form.values.get(f"{occupation}_q") and not form.values.get(f"{occupation}_uri"):
            form.errors[f"{occupation}_uri"] = t("person_form.error_choose_occupation")


def _data(form: PersonForm, t: Callable[..., str], actor: Actor) -> dict[str, Any]:
    v = form.values
    data: dict[str, Any] = {f: forms.blank_none(v.get(f)) for f in FIELDS}
    data["name"] = v.get("name", "")
    for number in ("ladder_rung", "hours_min", "hours_max", "max_travel_km"):
        data[number] = forms.as_int(v.get(number))
    data["languages"] = _language_rows(form, t)
    data["accommodations"] = form.accommodations
    if actor.role is Role.ADMIN:  # a jobcoach keeps (or, when new, becomes) the jobcoach
        data["jobcoach_id"] = forms.blank_none(v.get("jobcoach_id"))
    return data


def _validated(form: PersonForm, data: dict[str, Any], model: Any, t: Callable[..., str]) -> Any:
    """The model, or None with the form's errors filled in."""
    try:
        checked = model.model_validate(data)
    except ValidationError as exc:
        found = forms.from_validation(exc, t)
        for name in found.keys() & KNOWN.keys():
            if name != "hours_min":
                found[name] = t(KNOWN[name])
        if "ladder_rung" in found and data.get("ladder_rung") is None:
            found["ladder_rung"] = t("person_form.error_rung")
        if "notes" in found:
            found["notes"] = t("error.too_long", n=NOTES_MAX)
        form.errors |= found
        return None
    return None if form.errors else checked


async def save(
    conn: asyncpg.Connection,
    actor: Actor,
    form: PersonForm,
    t: Callable[..., str],
    lang: Lang,
    employee: Employee | None = None,
) -> Employee | None:
    """Create the person (or change `employee`) through the employees service; the saved
    record, or None with the form's errors filled in (and nothing written)."""
    data = _data(form, t, actor)
    _occupations_chosen(form, t)
    model = _validated(form, data, EmployeeIn if employee is None else EmployeePatch, t)
    if model is None:
        return None
    try:
        async with conn.transaction():  # a savepoint: a refusal leaves nothing written
            if employee is None:
                return await employees.create(conn, actor, model)
            return await employees.update(conn, actor, employee.id, model)
    except Invalid as exc:
        form.errors |= forms.from_domain(exc, t, lang, KNOWN)
        return None


def _language_options(form: PersonForm, lang: Lang) -> list[tuple[str, str]]:
    rest = sorted(MORE_LANGUAGES, key=lambda c: i18n.language_name(c, lang))
    codes = list(dict.fromkeys([*LANGUAGES, *rest, *(x for x, _ in form.languages if x)]))
    return [(c, i18n.language_name(c, lang)) for c in codes]


async def view(
    conn: asyncpg.Connection, actor: Actor, form: PersonForm, lang: Lang
) -> dict[str, Any]:
    """What the form's template (_person_form.html) shows besides the form itself."""
    chosen = [form.values.get(f"{o}_uri") for o in OCCUPATIONS]
    for uri, (text, text_lang) in (await labels.occupation_labels(conn, chosen, lang)).items():
        form.labels[uri] = text
        form.label_langs[uri] = text_lang
    coaches: list[tuple[str, str]] = []
    if actor.role is Role.ADMIN:
        rows = await accounts.organisation_accounts(conn, actor.organisation_id, "jobcoach")
        current = form.values.get("jobcoach_id", "")
        coaches = [
            (str(r["id"]), r["name"]) for r in rows if r["active"] or str(r["id"]) == current
        ]
    return {
        "form": form,
        "language_options": _language_options(form, lang),
        "coaches": coaches,
        "occupation_options": {o: _occupation_options(form, o) for o in OCCUPATIONS},
        "vocabulary": await labels.accommodation_names(conn, lang),
    }


def _occupation_options(form: PersonForm, occupation: str) -> list[tuple[str, str]]:
    """The choices of an occupation's select: the one chosen, then the search's hits."""
    uri = form.values.get(f"{occupation}_uri", "")
    found = [(uri, form.labels.get(uri, uri))] if uri else []
    return found + [(u, text) for u, text in form.hits.get(occupation, []) if u != uri]
