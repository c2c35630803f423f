"""Notification texts in plain Dutch (B1) and English: what happened, why, what to do next.

A notification stores its kind and data (keys, codes, numbers and the names of skills); its
words come from the catalogue (core/i18n, keys "notification.*") when it is read or sent, in
the reader's language. Everyone is spoken to as "je", as the pages do: the person, their coach
and the employer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from services.core import i18n
from services.core.i18n import Lang


@dataclass(frozen=True)
class Facts:
    """What a notification is about: its kind and data, and the names it mentions."""

    kind: str
    data: dict[str, Any]
    employee_name: str | None
    vacancy_title: str | None
    organisation_name: str | None


def _learn(data: dict[str, Any], lang: Lang) -> str:
    """The skills still to learn, each in `lang` when stored so, else in English."""
    items = data.get("learn", [])
    return i18n.join((item.get(lang) or item.get("en") or item["uri"] for item in items), lang)


def _due(data: dict[str, Any], lang: Lang) -> str:
    """A follow-up moment's due date in `lang` ("" for other kinds)."""
    due = data.get("due_on")
    return i18n.format_date(date.fromisoformat(due), lang) if isinstance(due, str) else ""


def _have(data: dict[str, Any], t: Callable[..., str], person: str | None = None) -> str:
    """How much of the work the person can already do ("je", or named)."""
    have, total = data.get("have", 0), data.get("total", 0)
    if not total:
        return ""
    if person is None:
        return t("notification.have", have=have, total=total)
    return t("notification.have_named", person=person, have=have, total=total)


def _match_found(facts: Facts, t: Callable[..., str], names: dict[str, Any]) -> list[str]:
    parts = [t("notification.match_found.looking", **names), _have(facts.data, t)]
    if names["learn"]:
        parts.append(t("notification.match_found.learn", learn=names["learn"]))
    return [*parts, t("notification.match_found.next")]


def _caseload_match(facts: Facts, t: Callable[..., str], names: dict[str, Any]) -> list[str]:
    data = facts.data
    parts = [
        t("notification.caseload_match.fits", score=data.get("score"), **names),
        _have(data, t, names["person"]),
    ]
    if data.get("step_up"):
        parts.append(t("notification.caseload_match.step_up"))
    if names["learn"]:
        parts.append(t("notification.caseload_match.learn", learn=names["learn"]))
    return [*parts, t("notification.caseload_match.next", person=names["person"])]


def _candidate_found(facts: Facts, t: Callable[..., str], names: dict[str, Any]) -> list[str]:
    return [
        t("notification.candidate_found.fits", score=facts.data.get("score"), **names),
        t("notification.candidate_found.next"),
    ]


def _vacancy_closed(facts: Facts, t: Callable[..., str], names: dict[str, Any]) -> list[str]:
    filled = facts.data.get("status") == "filled"
    closed = "filled" if filled else "closed"
    last = (
        t("notification.vacancy_closed.for_person")
        if facts.data.get("audience") == "employee"
        else t("notification.vacancy_closed.for_coach", person=names["person"])
    )
    return [t(f"notification.vacancy_closed.{closed}", **names), last]


def _followup_due(facts: Facts, t: Callable[..., str], names: dict[str, Any]) -> list[str]:
    months = facts.data.get("months", 0)
    return [
        t("notification.followup_due.due", n=months, **names),
        t("notification.followup_due.next", person=names["person"]),
    ]


BODIES = {
    "match_found": _match_found,
    "caseload_match": _caseload_match,
    "candidate_found": _candidate_found,
    "vacancy_closed": _vacancy_closed,
    "followup_due": _followup_due,
}


def _title(facts: Facts, t: Callable[..., str], names: dict[str, Any]) -> str:
    if facts.kind == "match_found" and facts.data.get("step_up"):
        return t("notification.match_found.title_step_up", **names)
    return t(f"notification.{facts.kind}.title", **names)


def render(facts: Facts, lang: Lang) -> tuple[str, str]:
    """(title, body) of a notification in `lang`."""
    t = i18n.translator(lang)
    body = BODIES.get(facts.kind)
    if body is None:  # a kind this code does not know yet: say so plainly rather than fail
        return t("notification.unknown.title"), ""
    names = {
        "title": facts.vacancy_title or t("notification.a_vacancy"),
        "org": facts.organisation_name or "",
        "person": facts.employee_name or t("notification.someone"),
        "learn": _learn(facts.data, lang),
        "due": _due(facts.data, lang),
    }
    return _title(facts, t, names), " ".join(p for p in body(facts, t, names) if p)
