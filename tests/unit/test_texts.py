"""The gettext catalogues: both languages hold the same keys with the same placeholders, no
text is empty, every key the code names exists, and lookups, plurals, reader variants,
numbers and dates come out as each language writes them."""

from __future__ import annotations

import re
import string
from datetime import UTC, date, datetime
from pathlib import Path
from typing import get_args

import pytest

from services.api.pages import render, suggestions
from services.core import i18n
from services.core.decisions.models import DecisionKind
from services.core.notifications import texts as notification_texts
from services.core.vacancies.models import ContractKind, VacancyStatus
from services.core.vacancies.service import TRANSITIONS

SERVICES = Path(i18n.__file__).resolve().parents[2]
TEMPLATES = SERVICES / "api" / "templates"
KEY = r"""["']([a-z_]+(?:\.[a-z_0-9]+)+)["']"""
# t("key", ...), text(lang, "key", ...), i18n.text(lang, "key"), plural/has(lang, "key").
CALL = re.compile(rf"""\b(?:t|text|has)\(\s*(?:[a-z_.]+\s*,\s*)?{KEY}""")

# The accommodations the first migration seeds: words inside a constraint's sentence.
SEED = SERVICES / "core" / "migrations" / "versions" / "20261123_domain_people_vacancies.py"
ACCOMMODATIONS = re.findall(r"\('([a-z_]+)', '[A-Z]", SEED.read_text(encoding="utf-8"))

Entry = tuple[str | None, str]  # (reader context, key)


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _entries(lang: i18n.Lang) -> dict[Entry, list[str]]:
    """Every entry of a catalogue: its texts (one, or one per plural form)."""
    found: dict[Entry, list[str]] = {}
    for message in i18n.read_catalogue(lang):
        if not message.id:
            continue
        key = message.id[0] if message.pluralizable else message.id
        texts = list(message.string) if message.pluralizable else [message.string]
        found[(message.context, str(key))] = [str(t or "") for t in texts]
    return found


NL, EN = _entries("nl"), _entries("en")


def test_both_languages_have_the_same_entries() -> None:
    assert set(NL) == set(EN)
    assert len(NL) > 400


def test_both_languages_have_the_same_placeholders() -> None:
    def names(texts: list[str]) -> set[str]:
        return set().union(*(_placeholders(t) for t in texts))

    assert [e for e in NL if names(NL[e]) != names(EN[e])] == []


def test_no_text_is_empty() -> None:
    catalogues = (("nl", NL), ("en", EN))
    empty = [
        (lang, e)
        for lang, found in catalogues
        for e, texts in found.items()
        if not all(t.strip() for t in texts)
    ]
    assert empty == []


def test_only_known_readers_have_variants_and_each_has_a_plain_text() -> None:
    contexts = {context for context, _ in NL if context is not None}
    assert contexts <= set(i18n.READERS)
    assert [key for context, key in NL if context and (None, key) not in NL] == []


def test_every_key_the_code_names_is_in_the_catalogue() -> None:
    sources = [*SERVICES.rglob("*.py"), *TEMPLATES.glob("*.html")]
    found = {key for path in sources for key in CALL.findall(path.read_text(encoding="utf-8"))}
    named = {key for key in found if not key.endswith(("_", "."))}  # "decision.state_" ~ state
    assert len(named) > 150
    assert sorted(key for key in named if (None, key) not in NL) == []


@pytest.mark.parametrize(
    "keys",
    [
        [f"rung.{n}" for n in range(1, 7)],
        [f"contract.{k}" for k in get_args(ContractKind)],
        [f"status.{s}" for s in get_args(VacancyStatus)],
        [f"level.{n}" for n in range(1, 5)],
        [f"constraint.{s}" for s in ("pass", "fail", "unknown")],
        [f"decision.{d}" for d in get_args(DecisionKind) if d not in ("introduced", "overridden")],
        [f"decision.state_{d}" for d in get_args(DecisionKind) if d != "overridden"],
        [f"done.decision_{d}" for d in get_args(DecisionKind) if d != "overridden"],
        [f"done.vacancy_{action}" for action in TRANSITIONS],
        [f"{key}.title" for key in render.ERROR_PAGES.values()],
        [f"{key}.text" for key in render.ERROR_PAGES.values()],
        [f"suggest.band_{band}" for band in suggestions.BANDS],
        list(suggestions.MESSAGES.values()),
        [f"notification.{kind}.title" for kind in notification_texts.BODIES],
        [f"notification.vacancy_closed.{status}" for status in ("filled", "closed")],
        [f"accommodation.{code}" for code in ACCOMMODATIONS],
    ],
    ids=lambda keys: keys[0].rsplit(".", 1)[0],
)
def test_keys_made_from_values_exist(keys: list[str]) -> None:
    for lang in i18n.LANGUAGES:
        assert [k for k in keys if not i18n.has(lang, k)] == [], lang


def test_the_seeded_accommodations_are_read_from_the_migration() -> None:
    assert len(ACCOMMODATIONS) == 13 and "quiet_workspace" in ACCOMMODATIONS


def test_texts_for_employees_are_short_sentences() -> None:
    """Plain Dutch (B1): one idea a sentence, so no sentence longer than twelve words."""
    employee = [
        (key, t) for (ctx, key), ts in NL.items() if key.startswith(("me.", "me_")) for t in ts
    ]
    assert len(employee) > 30
    long = [
        (key, sentence)
        for key, text in employee
        for sentence in re.split(r"(?<=[.?!:])\s+", text)
        if len(sentence.split()) > 12
    ]
    assert long == []


def test_a_missing_key_is_an_error_not_a_text() -> None:
    with pytest.raises(KeyError):
        i18n.text("nl", "no.such_key")
    assert not i18n.has("en", "no.such_key")


def test_plurals_follow_the_count() -> None:
    assert i18n.text("nl", "sign_in.too_many", n=1).endswith("over 1 minuut opnieuw.")
    assert i18n.text("nl", "sign_in.too_many", n=5).endswith("over 5 minuten opnieuw.")
    assert i18n.text("en", "me.learn_hours", n=1) == "It takes 1 hour."
    assert i18n.text("en", "me.learn_hours", n=3) == "It takes 3 hours."


def test_numbers_in_texts_are_written_as_the_language_writes_them() -> None:
    nl = i18n.text("nl", "caseload.lead", n=1234)
    en = i18n.text("en", "caseload.lead", n=1234)
    assert "1.234" in nl and "1,234" in en
    assert i18n.number(2.5, "nl") == "2,5" and i18n.number(2.5, "en") == "2.5"


def test_dates_come_from_babel_in_local_time() -> None:
    assert i18n.format_date(date(2026, 12, 2), "nl") == "2 december 2026"
    assert i18n.format_date(date(2026, 12, 2), "en") == "2 December 2026"
    late = datetime(2026, 3, 31, 22, 30, tzinfo=UTC)  # already 1 April in Amsterdam
    assert i18n.format_moment(late, "nl") == "1 april 2026, 00:30"
    assert i18n.format_date(None, "en") == ""


def test_lists_and_language_names_per_language() -> None:
    assert i18n.join(["a", "b", "c"], "nl") == "a, b en c"
    assert i18n.join(["a", "b"], "en") == "a and b"
    assert i18n.join([], "en") == ""
    assert i18n.language_name("de", "nl") == "Duits"
    assert i18n.language_name("DE", "en") == "German"
    assert i18n.language_name("xx", "en") == "xx"
