"""The vacancy form: one form that keeps its state across full page loads (search for an
occupation, search and add skills, remove one, skills suggested from a pasted vacancy text)
until it is saved, so it works without script."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import asyncpg
from fastapi import Request
from pydantic import ValidationError

from services.api.pages import forms, labels, suggestions
from services.api.pages.i18n import Lang
from services.core.settings import Settings
from services.core.taxonomy import service as taxonomy
from services.core.vacancies.models import Vacancy, VacancyIn

FIELDS = (
    "title",
    "description",
    "occupation_uri",
    "contract_kind",
    "hours_min",
    "hours_max",
    "postcode",
    "places",
    "closing_date",
    "language",
    "language_cefr",
)
RENAMES = {"language.cefr": "language_cefr", "language.language": "language"}


@dataclass
class VacancyForm:
    """What the form holds: its fields, its skill rows and the accommodations ticked."""

    values: dict[str, str]
    skills: list[dict[str, Any]]
    accommodations: list[str]
    errors: forms.Errors = field(default_factory=dict)
    occupation_hits: list[tuple[str, str]] = field(default_factory=list)
    skill_hits: list[tuple[str, str]] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # skill and occupation URI -> label
    label_langs: dict[str, str] = field(default_factory=dict)  # URI -> the label's language
    proposal: suggestions.Proposal = field(default_factory=suggestions.Proposal)
    landing: str | None = None  # the fragment the step's button lands on (its formaction)


def empty() -> VacancyForm:
    """A new vacancy's form."""
    values = dict.fromkeys(FIELDS, "") | {"places": "1", "language": "nl", "language_cefr": "A2"}
    return VacancyForm(values, [], [])


def of_vacancy(vacancy: Vacancy) -> VacancyForm:
    """The form for changing a vacancy, filled with what is stored."""
    data = vacancy.model_dump()
    values = {f: "" if data.get(f) is None else str(data.get(f)) for f in FIELDS}
    values["language"] = vacancy.language.language if vacancy.language else ""
    values["language_cefr"] = vacancy.language.cefr if vacancy.language else ""
    skills = [s.model_dump() for s in vacancy.skills]
    return VacancyForm(values, skills, list(vacancy.accommodations))


async def parse(request: Request) -> tuple[VacancyForm, str]:
    """The form as sent, and what was asked of it (save, search, add or remove a skill)."""
    entered = await forms.values(request)
    rows = await forms.lists(
        request, "skill_uri", "skill_relation", "skill_level", "accommodations"
    )
    skills = [
        {"skill_uri": uri, "relation": relation, "min_level": level}
        for uri, relation, level in zip(
            rows["skill_uri"], rows["skill_relation"], rows["skill_level"], strict=False
        )
        if uri
    ]
    values = {f: entered.get(f, "") for f in (*FIELDS, "occupation_q", "skill_q")}
    values |= {k: entered.get(k, "") for k in ("skill_pick", "pick_relation", "pick_level")}
    form = VacancyForm(values, skills, rows["accommodations"])
    form.proposal = await suggestions.carried(request)
    return form, entered.get("intent", "save")


async def apply(
    conn: asyncpg.Connection,
    settings: Settings,
    form: VacancyForm,
    intent: str,
    t: Callable[..., str],
    lang: Lang,
) -> None:
    """Carry out a step that is not saving: search, add or remove a skill, suggest skills from
    the pasted text or add the ticked suggestions."""
    if intent == "search_occupation" and form.values.get("occupation_q"):
        occupations = await taxonomy.search_occupations(
            conn, settings, q=form.values["occupation_q"][:200], lang=lang, limit=10
        )
        form.occupation_hits = [(h.uri, h.label) for h in occupations.items]
        form.label_langs |= {h.uri: h.label_lang for h in occupations.items}
        if not form.occupation_hits:
            form.errors["occupation_q"] = t("error.nothing_found")
    elif intent == "search_skill" and form.values.get("skill_q"):
        skills = await taxonomy.search_skills(
            conn, settings, q=form.values["skill_q"][:200], lang=lang, limit=10
        )
        form.skill_hits = [(h.uri, h.label) for h in skills.items]
        form.label_langs |= {h.uri: h.label_lang for h in skills.items}
        if not form.skill_hits:
            form.errors["skill_q"] = t("error.nothing_found")
    elif intent == "add_skill":
        uri = form.values.get("skill_pick", "")
        if not uri:
            form.errors["skill_pick"] = t("error.choose_skill")
        elif uri not in {s["skill_uri"] for s in form.skills}:
            relation = form.values.get("pick_relation") or "essential"
            level = form.values.get("pick_level") or "1"
            form.skills.append({"skill_uri": uri, "relation": relation, "min_level": level})
            form.values["skill_q"] = ""
    elif intent == "suggest_skills":
        form.landing = "from-text"
        have = {s["skill_uri"] for s in form.skills}
        text = form.proposal.text
        form.proposal, problem = await suggestions.ask(conn, settings, text, lang, t, have)
        if problem:
            form.errors[suggestions.TEXT] = problem
    elif intent == "add_suggested":
        form.landing = "skills"
        _add_suggested(form, t)
    elif intent.startswith("remove_skill:"):
        index = intent.partition(":")[2]
        if index.isdigit() and int(index) < len(form.skills):
            del form.skills[int(index)]


def _add_suggested(form: VacancyForm, t: Callable[..., str]) -> None:
    """The ticked suggestions join the form's skills (each as essential or optional, at the
    lowest level); the vacancy is saved with the form's save button, as always."""
    have = {s["skill_uri"] for s in form.skills}
    ticked = [s for s in form.proposal.ticked() if s.uri not in have]
    if not ticked:
        form.errors[suggestions.TICKED] = t("error.tick_one")
        return
    for skill in ticked:
        form.skills.append({"skill_uri": skill.uri, "relation": skill.relation, "min_level": "1"})
    form.proposal = suggestions.Proposal(text=form.proposal.text)


def body(form: VacancyForm, t: Callable[..., str]) -> VacancyIn | None:
    """The vacancy to save, or None with the form's errors filled in."""
    v = form.values
    language = {"language": v["language"], "cefr": v["language_cefr"]} if v["language"] else None
    data = {
        "title": v["title"],
        "description": v["description"],
        "occupation_uri": v["occupation_uri"],
        "contract_kind": v["contract_kind"] or None,
        "hours_min": forms.as_int(v["hours_min"]),
        "hours_max": forms.as_int(v["hours_max"]),
        "postcode": forms.blank_none(v["postcode"]),
        "places": forms.as_int(v["places"]) or 1,
        "closing_date": forms.blank_none(v["closing_date"]),
        "language": language,
        "skills": form.skills,
        "accommodations": form.accommodations,
    }
    try:
        return VacancyIn.model_validate(data)
    except ValidationError as exc:
        form.errors |= forms.from_validation(exc, t, RENAMES)
        return None


async def label(conn: asyncpg.Connection, form: VacancyForm, lang: Lang) -> None:
    """Labels of the skills and the occupation in the form."""
    skills = await labels.skill_labels(conn, [s["skill_uri"] for s in form.skills], lang)
    occupation = await labels.occupation_labels(conn, [form.values.get("occupation_uri")], lang)
    for uri, (text, text_lang) in (skills | occupation).items():
        form.labels[uri] = text
        form.label_langs[uri] = text_lang
    await suggestions.label(conn, form.proposal, lang)
