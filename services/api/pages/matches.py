"""A match as the coach and employer pages show it: its explanation, the decisions that may
follow, and a vacancy with its ranked candidates."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar
from uuid import UUID

import asyncpg
from fastapi import Request
from fastapi.responses import Response
from pydantic import ValidationError

from services.api.pages import forms, i18n, labels
from services.api.pages.i18n import Lang, label, pick
from services.api.pages.pictures import Coverage
from services.api.pages.render import render
from services.core import i18n as core_i18n
from services.core.access.policy import Actor, Role
from services.core.decisions import repository as decisions_repository
from services.core.decisions import service as decisions
from services.core.decisions.models import DecisionIn
from services.core.errors import Invalid, NotFound
from services.core.i18n import Reader
from services.core.matching import service as matching
from services.core.matching import texts
from services.core.matching.models import (
    CandidateMatch,
    ConstraintResult,
    MatchExplanation,
    VacancyMatch,
)
from services.core.vacancies.models import Vacancy

COACH_STEPS = ("trial_placement", "hired", "declined")
EMPLOYER_STEPS = ("trial_placement", "hired", "declined")
DECISION_MESSAGES = {
    "consent": "error.consent_to_introduce",
    "reason": "error.reason_required",
    "decision": "error.decision_order",
    "employee_id": "error.not_yours",
    "vacancy_id": "error.not_yours",
}


@dataclass
class Explanation:
    """A match explanation in the reader's language."""

    score: int
    coverage: Coverage
    matched: list[str]
    related: list[tuple[str, str]]  # (required skill, the person's related skill)
    missing_essential: list[str]
    missing_optional: list[str]
    constraints: list[tuple[str, str]]  # (pass|fail|unknown, sentence)


def explain(
    explanation: MatchExplanation, lang: Lang, about: tuple[Reader, str] | None = None
) -> Explanation:
    """The explanation of a stored match, with labels in `lang`; `about` = (reader, the
    person's name) words its constraints for that reader about the person by name (as the
    service does for a vacancy's candidates)."""

    def name(uri: str | None) -> str:
        return label(explanation.labels.get(uri or ""), lang, uri or "")

    def sentence(c: ConstraintResult) -> str:
        if about is None or c.key is None:
            return pick(lang, c.label_nl, c.label_en)
        reader, person = about
        called = texts.first_name(person)
        return texts.constraint_text(c.key, c.fields, lang, reader, c.status, called)

    missing = len(explanation.missing_essential) + len(explanation.missing_optional)
    return Explanation(
        score=math.floor(explanation.score),  # 59.6 does not reach a threshold of 60
        coverage=Coverage(len(explanation.matched), len(explanation.related), missing),
        matched=[name(e.skill_uri) for e in explanation.matched],
        related=[(name(e.skill_uri), name(e.via_uri)) for e in explanation.related],
        missing_essential=[name(u) for u in explanation.missing_essential],
        missing_optional=[name(u) for u in explanation.missing_optional],
        constraints=[(c.status, sentence(c)) for c in explanation.constraints],
    )


Match = TypeVar("Match", CandidateMatch, VacancyMatch)


def explained(
    found: Iterable[Match], lang: Lang, about: tuple[Reader, str] | None = None
) -> list[tuple[Match, Explanation]]:
    """Matches read with their explanations (as the pages read them), each worded in `lang`
    (about a named person for `about`'s reader, see `explain`)."""
    return [(m, explain(m.explanation, lang, about)) for m in found if m.explanation is not None]


@dataclass
class DecisionChoices:
    """Where a person and a vacancy stand, and what the reader may record next. An introduction
    comes next by the order rules (`introduce_next`), and may be recorded (`can_introduce`)
    only when the person shares their profile with the vacancy's employer (`shares`)."""

    state: str | None
    can_introduce: bool
    steps: list[str] = field(default_factory=list)
    introduce_next: bool = False
    shares: bool = True
    employer_id: UUID | None = None
    employer_name: str = ""


async def choices(
    conn: asyncpg.Connection, actor: Actor, pairs: Iterable[tuple[UUID, UUID]]
) -> dict[tuple[UUID, UUID], DecisionChoices]:
    """Per (person, vacancy): the placement state and the decisions that may follow it, by
    the same order rules the decisions service enforces."""
    found = {}
    wanted = list(dict.fromkeys(pairs))
    states = await decisions_repository.pair_states(conn, wanted)
    sharing = (
        await decisions_repository.pair_sharing(conn, wanted)
        if actor.role is not Role.EMPLOYER
        else {}
    )
    for pair in wanted:
        state = states.get(pair)
        allowed = [d for d in decisions.ALLOWED_AFTER if state in decisions.ALLOWED_AFTER[d]]
        if actor.role is Role.EMPLOYER:
            steps = [d for d in EMPLOYER_STEPS if d in allowed]
            found[pair] = DecisionChoices(state, False, steps)
            continue
        steps = [d for d in COACH_STEPS if d in allowed]
        share = sharing.get(pair)
        shares = bool(share and share["shares"])
        found[pair] = DecisionChoices(
            state,
            "introduced" in allowed and shares,
            steps,
            introduce_next="introduced" in allowed,
            shares=shares,
            employer_id=share["organisation_id"] if share else None,
            employer_name=share["organisation_name"] if share else "",
        )
    return found


@dataclass(frozen=True)
class Decided:
    """A decision form as posted: what was entered, for which pair, and the errors to show
    (none when it was recorded)."""

    entered: dict[str, str]
    employee_id: UUID
    vacancy_id: UUID
    errors: forms.Errors

    def again(self, target: UUID) -> dict[str, Any]:
        """The refused form's input and errors, to show again at the row of `target`."""
        return {"for": target, "errors": self.errors, "values": self.entered}

    @property
    def done(self) -> str:
        return f"decision_{self.entered['decision']}"


async def decide(
    request: Request,
    conn: asyncpg.Connection,
    actor: Actor,
    *,
    employee_id: UUID | None = None,
    vacancy_id: UUID | None = None,
) -> Decided:
    """Record the posted decision through the decisions service; the person or the vacancy
    not given comes from the form. A refused decision leaves nothing written."""
    entered = await forms.values(request)
    employee_id = employee_id or parse_uuid(entered.get("employee_id"))
    vacancy_id = vacancy_id or parse_uuid(entered.get("vacancy_id"))
    lang = i18n.language(request)
    errors = await _record(conn, actor, employee_id, vacancy_id, entered, lang)
    return Decided(entered, employee_id, vacancy_id, errors)


async def _record(
    conn: asyncpg.Connection,
    actor: Actor,
    employee_id: UUID,
    vacancy_id: UUID,
    entered: dict[str, str],
    lang: Lang,
) -> forms.Errors:
    t = i18n.translator(lang)
    try:
        body = DecisionIn(
            employee_id=employee_id,
            vacancy_id=vacancy_id,
            decision=entered.get("decision", ""),
            reason=forms.blank_none(entered.get("reason")),
        )
    except ValidationError as exc:
        return forms.from_validation(exc, t)
    try:
        async with conn.transaction():  # a savepoint: a refusal undoes all of it
            await decisions.decide(conn, actor, body)
    except Invalid as exc:
        return forms.from_domain(exc, t, lang, DECISION_MESSAGES)
    return {}


def parse_uuid(value: str | None) -> UUID:
    """The id in a form field; NotFound when it is not one."""
    try:
        return UUID(value or "")
    except ValueError as exc:
        raise NotFound("No such person or vacancy.") from exc


def language_fact(vacancy: Vacancy, lang: Lang) -> str:
    """The language the work asks and its level ("Nederlands, niveau A2"), or that it asks none."""
    t = i18n.translator(lang)
    if vacancy.language is None:
        return t("vacancy_facts.no_language")
    name = core_i18n.language_name(vacancy.language.language, lang)
    return t("vacancy_facts.language", language=name, cefr=vacancy.language.cefr)


async def vacancy_page(
    request: Request,
    actor: Actor,
    conn: asyncpg.Connection,
    vacancy: Vacancy,
    template: str,
    *,
    status: int = 200,
    decision: dict[str, Any] | None = None,
    **extra: Any,
) -> Response:
    """A vacancy with its ranked candidates, each with the explanation and what may be
    recorded next; `decision` puts a refused decision's input and errors back in its form."""
    lang = i18n.language(request)
    every = request.query_params.get("candidates") == "all"
    found = await matching.for_vacancy(conn, actor, vacancy.id, 50 if every else 10, 0)
    states = await choices(conn, actor, [(c.employee_id, vacancy.id) for c in found.items])
    facts = await labels.vacancy_facts(conn, vacancy, lang)
    return render(
        request,
        template,
        status=status,
        title=vacancy.title,
        vacancy=vacancy,
        facts=facts,
        language_fact=language_fact(vacancy, lang),
        candidates=explained(found.items, lang),
        others=found.others,
        visible=found.visible,
        states={e: s for (e, _), s in states.items()},
        decision=decision or {},
        **extra,
    )
