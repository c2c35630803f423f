"""Notification texts in plain Dutch (B1) and English: what happened, why, what to do next.

Employees are spoken to as "je", employers as "u". Texts are rendered when read, from the
notification's kind and data and the names it mentions, so they follow the reader's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Lang = Literal["nl", "en"]


@dataclass(frozen=True)
class Facts:
    """What a notification is about: its kind and data, and the names it mentions."""

    kind: str
    data: dict[str, Any]
    employee_name: str | None
    vacancy_title: str | None
    organisation_name: str | None


def _join(items: list[str], lang: Lang) -> str:
    if len(items) <= 1:
        return "".join(items)
    word = " en " if lang == "nl" else " and "
    return ", ".join(items[:-1]) + word + items[-1]


def _learn(data: dict[str, Any], lang: Lang) -> str:
    labels = [item.get(lang) or item.get("en") or item["uri"] for item in data.get("learn", [])]
    return _join(labels, lang)


def _have(data: dict[str, Any], lang: Lang, *, who: str) -> str:
    have, total = data.get("have", 0), data.get("total", 0)
    if not total:
        return ""
    if lang == "nl":
        subject = "Je kunt" if who == "je" else f"{who} kan"
        return f"{subject} al {have} van de {total} dingen die dit werk vraagt."
    subject = "You can" if who == "je" else f"{who} can"
    return f"{subject} already do {have} of the {total} things this work asks for."


def render(facts: Facts, lang: Lang) -> tuple[str, str]:
    """(title, body) of a notification in `lang`."""
    data = facts.data
    title = facts.vacancy_title or ("een vacature" if lang == "nl" else "a vacancy")
    org = facts.organisation_name or ""
    person = facts.employee_name or ("iemand" if lang == "nl" else "someone")
    learn = _learn(data, lang)
    step_up = bool(data.get("step_up"))
    if facts.kind == "match_found":
        if lang == "nl":
            head = f"Een stap verder: {title}" if step_up else f"Werk dat bij je past: {title}"
            parts = [f"{org} zoekt iemand als {title}.", _have(data, lang, who="je")]
            if learn:
                parts.append(f"Leer nog: {learn}.")
            parts.append("Wil je dit? Praat erover met je jobcoach.")
        else:
            head = f"A step up: {title}" if step_up else f"Work that fits you: {title}"
            parts = [f"{org} is looking for someone as {title}.", _have(data, lang, who="je")]
            if learn:
                parts.append(f"Still to learn: {learn}.")
            parts.append("Do you want this? Talk about it with your job coach.")
    elif facts.kind == "caseload_match":
        score = data.get("score")
        if lang == "nl":
            head = f"Nieuwe match voor {person}: {title}"
            parts = [
                f"{person} past bij {title} bij {org} (score {score}).",
                _have(data, lang, who=person),
            ]
            if step_up:
                parts.append("Dit is een stap omhoog op de participatieladder.")
            if learn:
                parts.append(f"Ontbreekt nog: {learn}.")
            parts.append(f"Bekijk de uitleg en bespreek met {person} of je hen voorstelt.")
        else:
            head = f"New match for {person}: {title}"
            parts = [
                f"{person} fits {title} at {org} (score {score}).",
                _have(data, lang, who=person),
            ]
            if step_up:
                parts.append("This is a step up the participation ladder.")
            if learn:
                parts.append(f"Still missing: {learn}.")
            parts.append(
                f"See the explanation and discuss with {person} whether to introduce them."
            )
    elif facts.kind == "candidate_found":
        score = data.get("score")
        if lang == "nl":
            head = f"Nieuwe kandidaat voor {title}"
            parts = [
                f"Een kandidaat die het profiel met u deelt, past bij {title} (score {score}).",
                "Bekijk de kandidaten bij uw vacature.",
            ]
        else:
            head = f"New candidate for {title}"
            parts = [
                f"Someone who shares their profile with you fits {title} (score {score}).",
                "See the candidates of your vacancy.",
            ]
    elif facts.kind == "vacancy_closed":
        filled = data.get("status") == "filled"
        for_employee = data.get("audience") == "employee"
        if lang == "nl":
            head = f"{title} is niet meer open"
            done = "heeft iemand gevonden" if filled else "zoekt niet meer"
            parts = [f"{org} {done} voor {title}."]
            parts.append(
                "Je hoeft niets te doen. We zoeken verder met je."
                if for_employee
                else f"De match met {person} is vervallen."
            )
        else:
            head = f"{title} is no longer open"
            done = "has found someone" if filled else "is no longer looking"
            parts = [f"{org} {done} for {title}."]
            parts.append(
                "You do not need to do anything. We keep looking with you."
                if for_employee
                else f"The match with {person} has lapsed."
            )
    else:  # a kind this code does not know yet: say so plainly rather than fail
        head = "Nieuw bericht" if lang == "nl" else "New message"
        parts = []
    return head, " ".join(p for p in parts if p)
