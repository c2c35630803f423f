"""Every text Opstap shows people, in Dutch and English: one gettext catalogue through Babel.

The catalogues are `locale/{nl,en}/LC_MESSAGES/opstap.po`. Their msgids are keys
("sign_in.title", "constraint.hours.fail"), so both files hold every key and a test checks
that they agree. Placeholders are `{name}` (str.format), filled in after the lookup; numbers
among the values are formatted for the language (1.234,5 / 1,234.5).

A text may differ by who reads it: `msgctxt "coach"` (or "employer", "person") holds the
variant for that reader, and the entry without a context is the one for everyone else, so a
reader variant is written only where the words differ. Counts go through ngettext: an entry
with `msgid_plural` is chosen by the value `n`.

The .po files are read when a language is first used and compiled in memory: no build step
and no .mo files in the repository.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from functools import cache, lru_cache
from io import BytesIO
from pathlib import Path
from typing import Any, Literal, NamedTuple

from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.lists import format_list
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import Translations

from services.core.clock import LOCAL_TIME

Lang = Literal["nl", "en"]
Reader = Literal["person", "coach", "employer"]
LANGUAGES: tuple[Lang, ...] = ("nl", "en")
READERS: tuple[Reader, ...] = ("person", "coach", "employer")
LOCALES: dict[Lang, str] = {"nl": "nl_NL", "en": "en_GB"}
DOMAIN = "opstap"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"


def po_path(lang: Lang) -> Path:
    """Where the catalogue of `lang` lives."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalogue(lang: Lang) -> Catalog:
    """The catalogue of `lang` as Babel reads it from its .po file."""
    with po_path(lang).open("rb") as f:
        return read_po(f, locale=LOCALES[lang], domain=DOMAIN)


class _Loaded(NamedTuple):
    translations: Translations
    keys: frozenset[tuple[str | None, str]]  # (context, key)
    plurals: frozenset[str]


@cache
def _loaded(lang: Lang) -> _Loaded:
    catalogue = read_catalogue(lang)
    compiled = BytesIO()
    write_mo(compiled, catalogue)
    compiled.seek(0)
    keys: set[tuple[str | None, str]] = set()
    plurals: set[str] = set()
    for message in catalogue:
        if not message.id:
            continue  # the header
        key = message.id[0] if message.pluralizable else message.id
        keys.add((message.context, str(key)))
        if message.pluralizable:
            plurals.add(str(key))
    return _Loaded(Translations(compiled, domain=DOMAIN), frozenset(keys), frozenset(plurals))


def has(lang: Lang, key: str) -> bool:
    """Whether the catalogue of `lang` holds `key` (for any reader)."""
    return (None, key) in _loaded(lang).keys


def _formatted(value: Any, lang: Lang) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    return number(value, lang)


@cache
def _locale(lang: Lang) -> Locale:
    return Locale.parse(LOCALES[lang])


def text(lang: Lang, key: str, /, *, reader: Reader | None = None, **values: Any) -> str:
    """The text of `key` in `lang` for `reader`, with `values` filled in; a plural entry is
    chosen by `values["n"]`. A key the catalogue lacks is a KeyError: a bug, not a text."""
    loaded = _loaded(lang)
    context = reader if reader is not None and (reader, key) in loaded.keys else None
    if (context, key) not in loaded.keys:
        raise KeyError(f"{key!r} is not in the {lang} catalogue")
    tr = loaded.translations
    if key in loaded.plurals:
        n = int(values["n"])
        found = str(tr.npgettext(context, key, key, n) if context else tr.ngettext(key, key, n))
    else:
        found = str(tr.pgettext(context, key) if context else tr.gettext(key))
    if not values:
        return found
    return found.format(**{name: _formatted(value, lang) for name, value in values.items()})


def translator(lang: Lang, reader: Reader | None = None) -> Callable[..., str]:
    """t(key, **values): `text` for one language and reader."""

    def t(key: str, /, **values: Any) -> str:
        return text(lang, key, reader=reader, **values)

    return t


def pick(lang: Lang, **texts: str | None) -> str:
    """Stored text kept per language (pick("nl", nl=..., en=...)): the one in `lang`, else
    the first other one there is."""
    found = texts.get(lang) or next((text for text in texts.values() if text), None)
    return found or ""


def join(items: Iterable[str], lang: Lang) -> str:
    """'a, b en c' / 'a, b and c'."""
    listed = [item for item in items if item]
    return format_list(listed, locale=_locale(lang)) if listed else ""


@lru_cache(maxsize=4096)
def number(value: float, lang: Lang) -> str:
    """A number as the language writes it (kept per value: explanations repeat a few numbers
    many times, and Babel's formatting is slow)."""
    return str(format_decimal(value, locale=_locale(lang)))


def language_name(code: str, lang: Lang) -> str:
    """The name of a language (ISO 639 code) in `lang`: "Duits" / "German"; else the code."""
    names = _locale(lang).languages
    return str(names.get(code.lower(), code))


def format_date(value: date | datetime | None, lang: Lang) -> str:
    """2 december 2026 / 2 December 2026 (local time for moments)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(LOCAL_TIME).date()
    return str(babel_format_date(value, "long", locale=_locale(lang)))


def format_moment(value: datetime | None, lang: Lang) -> str:
    """2 december 2026, 14:05 (local time)."""
    if value is None:
        return ""
    local = value.astimezone(LOCAL_TIME)
    return f"{format_date(local, lang)}, {local:%H:%M}"
