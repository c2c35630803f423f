"""Languages of the pages: Dutch by default, English on request. Every text comes from the
gettext catalogue in services/core/i18n (keys as msgids); dates through Babel."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import Request

from services.core import i18n
from services.core.i18n import LANGUAGES, Lang, Reader, format_date, format_moment, has

__all__ = [
    "DEFAULT",
    "LANGUAGES",
    "LANG_COOKIE",
    "Lang",
    "format_date",
    "format_moment",
    "has",
    "label",
    "language",
    "pick",
    "pick_lang",
    "translator",
]

DEFAULT: Lang = "nl"
LANG_COOKIE = "opstap_lang"


def language(request: Request) -> Lang:
    """?lang= (which then sticks, see render.finish), else the cookie, else Dutch."""
    for value in (request.query_params.get("lang"), request.cookies.get(LANG_COOKIE)):
        if value in LANGUAGES:
            return value
    return DEFAULT


def translator(lang: Lang, reader: Reader | None = None) -> Callable[..., str]:
    """t(key, **values): the catalogue's text for `key` in `lang`, with values filled in."""
    return i18n.translator(lang, reader)


def pick(lang: Lang, nl: str | None, en: str | None) -> str:
    """Stored text in `lang` (a label kept in both), falling back to the other language."""
    return pick_lang(lang, nl, en)[0]


def pick_lang(lang: Lang, nl: str | None, en: str | None) -> tuple[str, Lang]:
    """The text in `lang` (falling back to the other language) and the language it is in, so
    a page can mark an English label on a Dutch page with lang="en" and the other way round."""
    texts: dict[Lang, str | None] = {"nl": nl, "en": en}
    for choice in (lang, *(other for other in LANGUAGES if other != lang)):
        found = texts[choice]
        if found:
            return found, choice
    return "", lang


def label(labels: dict[str, Any] | None, lang: Lang, fallback: str = "") -> str:
    """A {"nl": ..., "en": ...} label in `lang`."""
    labels = labels or {}
    return pick(lang, labels.get("nl"), labels.get("en")) or fallback
