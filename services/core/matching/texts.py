"""A match's constraints in words for whoever reads them: the person ("je"), their coach or an
employer (both about the person), in Dutch and English, from the catalogue (core/i18n).

A stored explanation keeps each constraint's key and fields (codes and numbers), so its words
follow the reader and the catalogue. Matches stored before that keep their own Dutch and English
sentences (to the person), shown as they are until the match is scored again.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from services.core import i18n
from services.core.access.policy import Actor, Role
from services.core.i18n import Lang, Reader
from services.core.matching.models import MatchExplanation

log = logging.getLogger(__name__)


def reader_of(actor: Actor) -> Reader:
    """Who reads a match: the person themselves, an employer, or a coach (admins read as one)."""
    if actor.role is Role.EMPLOYEE:
        return "person"
    return "employer" if actor.role is Role.EMPLOYER else "coach"


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
    return values


def constraint_text(
    key: str, fields: Mapping[str, Any], lang: Lang, reader: Reader, status: str = "unknown"
) -> str:
    """One constraint's sentence for `reader` in `lang`."""
    try:
        return i18n.text(lang, key, reader=reader, **_values(fields, lang))
    except (KeyError, IndexError, ValueError):
        # A stored key or field the catalogue no longer knows: say the outcome, not fail.
        log.warning("no text for constraint %s with fields %s", key, sorted(fields))
        return i18n.text(lang, f"constraint.{status}")


def _worded(constraint: dict[str, Any], reader: Reader) -> dict[str, Any]:
    key = constraint.get("key")
    if not key:  # stored before constraints kept keys: their own sentences
        return constraint
    fields = constraint.get("fields") or {}
    status = str(constraint.get("status", "unknown"))
    return {
        **constraint,
        "label_nl": constraint_text(key, fields, "nl", reader, status),
        "label_en": constraint_text(key, fields, "en", reader, status),
    }


def explanation(stored: Mapping[str, Any], reader: Reader) -> MatchExplanation:
    """A stored explanation with each constraint's sentences for `reader`."""
    data = dict(stored)
    data["constraints"] = [_worded(dict(c), reader) for c in stored.get("constraints", [])]
    return MatchExplanation.model_validate(data)
