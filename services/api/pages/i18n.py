"""Languages of the pages: Dutch by default, English on request; every UI string comes from
the catalogue in messages/ (nl.py, en.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any, Literal
from zoneinfo import ZoneInfo

from fastapi import Request

from services.api.pages.messages import CATALOGUE

Lang = Literal["nl", "en"]
LANGUAGES: tuple[Lang, ...] = ("nl", "en")
DEFAULT: Lang = "nl"
LANG_COOKIE = "opstap_lang"
LOCAL_TIME = ZoneInfo("Europe/Amsterdam")


def language(request: Request) -> Lang:
    """?lang= (which then sticks, see render.finish), else the cookie, else Dutch."""
    for value in (request.query_params.get("lang"), request.cookies.get(LANG_COOKIE)):
        if value == "en":
            return "en"
        if value == "nl":
            return "nl"
    return DEFAULT


def translator(lang: Lang) -> Callable[..., str]:
    """t(key, **values): the catalogue's text for `key` in `lang`, with values filled in."""
    messages = CATALOGUE[lang]

    def t(key: str, **values: Any) -> str:
        text = messages[key]
        return text.format(**values) if values else text

    return t


def pick(lang: Lang, nl: str | None, en: str | None) -> str:
    """The text in `lang`, falling back to the other language."""
    return (nl or en or "") if lang == "nl" else (en or nl or "")


def pick_lang(lang: Lang, nl: str | None, en: str | None) -> tuple[str, Lang]:
    """The text in `lang` (falling back to the other language) and the language it is in, so
    a page can mark an English label on a Dutch page with lang="en" and the other way round."""
    first, second = (nl, en) if lang == "nl" else (en, nl)
    other: Lang = "en" if lang == "nl" else "nl"
    if first:
        return first, lang
    return (second, other) if second else ("", lang)


def label(labels: dict[str, Any] | None, lang: Lang, fallback: str = "") -> str:
    """A {"nl": ..., "en": ...} label in `lang`."""
    labels = labels or {}
    return pick(lang, labels.get("nl"), labels.get("en")) or fallback


def format_date(value: date | datetime | None, lang: Lang) -> str:
    """2 december 2026 / 2 December 2026 (local time for moments)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(LOCAL_TIME).date()
    month = CATALOGUE[lang][f"month.{value.month}"]
    return f"{value.day} {month} {value.year}"


def format_moment(value: datetime | None, lang: Lang) -> str:
    """2 december 2026, 14:05 (local time)."""
    if value is None:
        return ""
    local = value.astimezone(LOCAL_TIME)
    return f"{format_date(local, lang)}, {local:%H:%M}"
