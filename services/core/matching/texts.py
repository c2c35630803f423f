"""A match's constraints in words for whoever reads them: the person ("je"), their coach or an
employer (both about the person, by first name), in Dutch and English, from the catalogue
(core/i18n).

A stored explanation keeps each constraint's key and fields (codes and numbers), so its words
follow the reader and the catalogue. A coach or employer who knows whom they read about gets the
"about.constraint.*" entries, with the person's first name (`{name}`); without a name, the
constraint's own reader variant ("deze persoon"). Matches stored before keys were kept their
own sentences, spoken to the person: their key and fields are read back from the constraint's
code, status and detail, so those too are worded for the reader.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from services.core import i18n
from services.core.access.policy import Actor, Role
from services.core.capacity import items as capacity_items
from services.core.i18n import Lang, Reader
from services.core.matching.models import MatchExplanation

log = logging.getLogger(__name__)
ABOUT = "about."  # the prefix of the entries about a named person


def reader_of(actor: Actor) -> Reader:
    """Who reads a match: the person themselves, an employer, or a coach (admins read as one)."""
    if actor.role is Role.EMPLOYEE:
        return "person"
    return "employer" if actor.role is Role.EMPLOYER else "coach"


def first_name(name: str | None) -> str | None:
    """The name a coach or employer calls the person by in a sentence: the first word."""
    words = (name or "").split()
    return words[0] if words else None


def accommodation(code: str, lang: Lang) -> str:
    """An accommodation in words inside a sentence; a code the catalogue lacks as its words."""
    key = f"accommodation.{code}"
    return i18n.text(lang, key) if i18n.has(lang, key) else code.replace("_", " ")


def _values(fields: Mapping[str, Any], lang: Lang) -> dict[str, Any]:
    """The fields as the sentence shows them: a distance, a language's name, a list."""
    values = dict(fields)
    if values.get("km") is not None:
        km = float(values["km"])
        values["km"] = (
            i18n.text(lang, "constraint.km_under_one")
            if km < 1
            else i18n.text(lang, "constraint.km", n=round(km))
        )
    if values.get("language") is not None:
        values["language"] = i18n.language_name(str(values["language"]), lang)
    if isinstance(values.get("items"), list):
        values["items"] = i18n.join((accommodation(c, lang) for c in values["items"]), lang)
    if isinstance(values.get("offers"), list):
        values["offers"] = i18n.join((accommodation(c, lang) for c in values["offers"]), lang)
    if isinstance(values.get("capacity_items"), list):
        names = (_lower(capacity_items.label(c, lang)) for c in values["capacity_items"])
        values["capacity_items"] = i18n.join(names, lang)
    return values


def _lower(text: str) -> str:
    """A capacity item's name inside a sentence."""
    return text[:1].lower() + text[1:]


def _sentence(text: str) -> str:
    """A sentence starts with a capital ("de kandidaat" may open one)."""
    return text[:1].upper() + text[1:]


def constraint_text(
    key: str,
    fields: Mapping[str, Any],
    lang: Lang,
    reader: Reader,
    status: str = "unknown",
    name: str | None = None,
) -> str:
    """One constraint's sentence for `reader` in `lang`; a coach or employer reads it about
    `name` (the person's first name) where the catalogue words it so."""
    values = _values(fields, lang)
    about = ABOUT + key
    if reader != "person" and name and i18n.has(lang, about):
        key, values = about, {**values, "name": name}
    try:
        return _sentence(i18n.text(lang, key, reader=reader, **values))
    except (KeyError, IndexError, ValueError):
        # A stored key or field the catalogue no longer knows: say the outcome, not fail.
        log.warning("no text for constraint %s with fields %s", key, sorted(fields))
        return i18n.text(lang, f"constraint.{status}")


def _distance_key(status: str, detail: Mapping[str, Any]) -> str:
    if detail.get("km") is None:
        return "distance.unknown"
    return "distance.no_limit" if detail.get("max_km") is None else f"distance.{status}"


def _ladder_key(detail: Mapping[str, Any]) -> str:
    step = int(detail.get("step", 0))
    return (
        "ladder_rung.stretch"
        if step > 1
        else "ladder_rung.step"
        if step == 1
        else "ladder_rung.same"
    )


def _language_key(status: str, detail: Mapping[str, Any]) -> str:
    if not detail:
        return "language.none"
    return "language.unknown" if detail.get("person") is None else f"language.{status}"


def _accommodations_key(detail: Mapping[str, Any]) -> str:
    if not detail:
        return "accommodations.none"
    return "accommodations.fail" if detail.get("to_discuss") else "accommodations.pass"


def key_of(constraint: Mapping[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """The key and fields of a constraint stored before constraints kept them, read back from
    its code, status and detail as the matcher sets them; None for one it cannot read."""
    code, status = constraint.get("code"), str(constraint.get("status", ""))
    detail = constraint.get("detail") or {}
    try:
        if code == "hours":
            low, high = (detail.get("vacancy") or [None, None])[:2]
            return f"constraint.hours.{status}", {"low": low, "high": high}
        if code == "distance":
            fields = {"km": detail.get("km"), "max_km": detail.get("max_km")}
            return f"constraint.{_distance_key(status, detail)}", fields
        if code == "ladder_rung":
            return f"constraint.{_ladder_key(detail)}", {}
        if code == "language":
            fields = {"language": detail.get("language"), "cefr": detail.get("required")}
            return f"constraint.{_language_key(status, detail)}", fields
        if code == "accommodations":
            fields = {"items": list(detail.get("to_discuss") or [])}
            return f"constraint.{_accommodations_key(detail)}", fields
        if code == "consent":
            return f"constraint.consent.{status}", {}
    except (TypeError, ValueError):
        return None
    return None


def _worded(constraint: dict[str, Any], reader: Reader, name: str | None) -> dict[str, Any]:
    key, fields = constraint.get("key"), constraint.get("fields") or {}
    if not key:  # stored before constraints kept keys: read them back where we can
        found = key_of(constraint)
        if found is None:
            return constraint
        key, fields = found
    status = str(constraint.get("status", "unknown"))
    return {
        **constraint,
        "key": key,
        "fields": fields,
        "label_nl": constraint_text(key, fields, "nl", reader, status, name),
        "label_en": constraint_text(key, fields, "en", reader, status, name),
    }


def explanation(
    stored: Mapping[str, Any], reader: Reader, name: str | None = None
) -> MatchExplanation:
    """A stored explanation with each constraint's sentences for `reader`, about the person
    called `name` (their full name; the sentences use the first) for a coach or employer."""
    data = dict(stored)
    called = first_name(name)
    data["constraints"] = [_worded(dict(c), reader, called) for c in stored.get("constraints", [])]
    return MatchExplanation.model_validate(data)
