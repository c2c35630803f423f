"""The vacancy form: one form that keeps its state across full page loads (search for an
occupation, search and add skills, remove one, skills suggested from a pasted vacancy text)
until it is saved, so it works without script. With script (static/keep-place.js) the skill
steps answer with the skills part alone (`focus` and `announce` say what follows the swap)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import asyncpg
from fastapi import Request
from pydantic import ValidationError

from services.api.pages import capacity_pages, forms, labels, suggestions
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
# Hours outside 0-60, or a minimum above the maximum: one message that says what to fix.
HOURS = {"hours_min": "vacancy_form.hours_range", "hours_max": "vacancy_form.hours_range"}


@dataclass
class VacancyForm:
    """What the form holds: its fields, its skill rows and the accommodations ticked."""

    values: dict[str, str]
    skills: list[dict[str, Any]]
    accommodations: list[str]
    errors: forms.Errors = field(default_factory=dict)
    demands: dict[str, str] = field(default_factory=dict)  # demand_<item> -> level ("": none)
    occupation_hits: list[tuple[str, str]] = field(default_factory=list)
    skill_hits: list[tuple[str, str]] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # skill and occupation URI -> label
    label_langs: dict[str, str] = field(default_factory=dict)  # URI -> the label's language
    proposal: suggestions.Proposal = field(default_factory=suggestions.Proposal)
    landing: str | None = None  # the fragment the step's button lands on (its formaction)
    # A step keep-place.js swaps in without a page load: the control focused afterwards, and
    # what the live region says. None: the step is not one of those (saving, suggestions).
    focus: str | None = None
    announce: str = ""

    @property
    def summary_id(self) -> str | None:
        """The error summary's id: the fragment its step lands on, so that the browser focuses
        the summary after the page loads."""
        return self.landing if self.errors else None


def action_of(vacancy: Vacancy | None) -> str:
    """Where the form posts: the new vacancy's address, or the vacancy's edit address."""
    return f"/employer/vacancies/{vacancy.id}/edit" if vacancy else "/employer/vacancies/new"


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
    form.demands = capacity_pages.demands_of(entered)
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
    elif intent == "search_skill":
        await _search_skill(conn, settings, form, t, lang)
    elif intent == "add_skill":
        _add_skill(form, t)
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
        _remove_skill(form, intent.partition(":")[2], t)


async def _search_skill(
    conn: asyncpg.Connection,
    settings: Settings,
    form: VacancyForm,
    t: Callable[..., str],
    lang: Lang,
) -> None:
    """Skills for the words in the search field, to choose from in the list below it."""
    form.focus = "skill-q"
    if not form.values.get("skill_q"):
        return
    skills = await taxonomy.search_skills(
        conn, settings, q=form.values["skill_q"][:200], lang=lang, limit=10
    )
    form.skill_hits = [(h.uri, h.label) for h in skills.items]
    form.label_langs |= {h.uri: h.label_lang for h in skills.items}
    if not form.skill_hits:
        form.errors["skill_q"] = t("error.nothing_found")
        return
    form.focus = "skill-pick"
    form.announce = t("keep_place.skills_found", n=len(form.skill_hits))


def _add_skill(form: VacancyForm, t: Callable[..., str]) -> None:
    """The chosen skill joins the list (once); the search is emptied for the next one."""
    uri = form.values.get("skill_pick", "")
    if not uri:
        form.errors["skill_pick"] = t("error.choose_skill")
        form.focus = "skill-pick"
        return
    form.focus = "skill-q"
    form.values["skill_q"] = ""
    if uri in {s["skill_uri"] for s in form.skills}:
        form.announce = t("keep_place.skill_already")
        return
    relation = form.values.get("pick_relation") or "essential"
    level = form.values.get("pick_level") or "1"
    form.skills.append({"skill_uri": uri, "relation": relation, "min_level": level})
    form.announce = t("keep_place.skill_added")


def _remove_skill(form: VacancyForm, index: str, t: Callable[..., str]) -> None:
    """One skill off the list; the focus goes to the next row's remove button (the last row's,
    or the search when the list is empty)."""
    form.focus = "skill-q"
    if not (index.isdigit() and int(index) < len(form.skills)):
        return
    del form.skills[int(index)]
    form.announce = t("keep_place.skill_removed")
    if form.skills:
        form.focus = f"skills-{min(int(index), len(form.skills) - 1)}-remove"


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
        form.errors |= forms.from_validation(exc, t, RENAMES, bounds=HOURS)
        return None


async def label(conn: asyncpg.Connection, form: VacancyForm, lang: Lang) -> None:
    """Labels of the skills and the occupation in the form."""
    skills = await labels.skill_labels(conn, [s["skill_uri"] for s in form.skills], lang)
    occupation = await labels.occupation_labels(conn, [form.values.get("occupation_uri")], lang)
    for uri, (text, text_lang) in (skills | occupation).items():
        form.labels[uri] = text
        form.label_langs[uri] = text_lang
    await suggestions.label(conn, form.proposal, lang)
