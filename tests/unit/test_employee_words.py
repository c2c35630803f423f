"""The person's pages name things in their language and in words: a skill's Dutch name (ESCO's,
else the curated vocabulary's), an English one marked as English, computer skills in words."""

from __future__ import annotations

from services.api.pages import pictures
from services.api.pages.labels import Label, skill_label, vocabulary_names
from services.api.pages.render import ENV

CLEANING = "http://data.europa.eu/esco/skill/4f1b6304-f54a-42f0-9604-5427a28d240f"
PROTECTION = "http://data.europa.eu/esco/skill/51754b8a-3e2c-4cc1-86e6-cf510d9c6fe4"


def test_a_skill_without_a_dutch_label_takes_the_vocabularys_dutch_name() -> None:
    assert skill_label(CLEANING, None, "perform cleaning duties", "nl") == Label(
        "schoonmaken", "nl"
    )
    assert skill_label(CLEANING, "eigen label", "perform cleaning duties", "nl") == Label(
        "eigen label", "nl"
    )
    # An English reader reads ESCO's English label.
    assert skill_label(CLEANING, None, "perform cleaning duties", "en") == Label(
        "perform cleaning duties", "en"
    )


def test_no_abbreviation_or_stretch_becomes_a_name_and_else_english_is_marked() -> None:
    assert PROTECTION not in vocabulary_names()  # only "pbm" has it first
    found = skill_label(PROTECTION, None, "use personal protection equipment", "nl")
    assert found == Label("use personal protection equipment", "en")


def test_the_macro_marks_only_what_is_not_in_the_pages_language() -> None:
    say = ENV.from_string('{% import "_lang.html" as l with context %}{{ l.say(x) }}')
    assert (
        say.render(lang="nl", x=Label("clean rooms", "en")) == '<span lang="en">clean rooms</span>'
    )
    assert say.render(lang="nl", x=Label("schoonmaken", "nl")) == "schoonmaken"
    assert say.render(lang="nl", x="Rioolreiniger") == "Rioolreiniger"
    assert say.render(lang="nl", x=Label("<b>", "en")) == '<span lang="en">&lt;b&gt;</span>'


def test_computer_skills_are_words_for_each_digcomp_level() -> None:
    words = [pictures.digcomp_words(level) for level in range(9)]
    assert words == [
        "unknown", "starting", "with_help", "on_own", "on_own",
        "explains", "explains", "explains", "explains",
    ]  # fmt: skip
    assert 'aria-hidden="true"' in pictures.word_steps("on_own")
    assert pictures.word_steps("on_own").count('fill="#1d4f9e"') == 3
    assert pictures.word_steps("unknown").count('fill="#1d4f9e"') == 0
