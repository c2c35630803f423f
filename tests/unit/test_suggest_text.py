"""Reading a free text: what is refused, and the phrases suggestions are made from."""

from __future__ import annotations

import pytest

from services.core.errors import Invalid
from services.core.taxonomy import suggest


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        ("x" * (suggest.MAX_TEXT + 1), "too_long"),
        ("0612345678 1234 AB", "no_words"),
        ("😀🎉👍 🚀", "no_words"),
        ("我会洗碗和打扫厨房", "script"),
        ("أستطيع غسل الصحون وتنظيف المطبخ", "script"),
        ("Ik kan\x00 afwassen", "invalid"),
    ],
)
def test_text_without_readable_words_is_refused_with_what_to_fix(text: str, field: str) -> None:
    with pytest.raises(Invalid) as refused:
        suggest.check(text)
    assert refused.value.fields == {"text": field}
    assert len(str(refused.value)) > 20  # a sentence that says what to do


def test_a_dutch_text_with_a_few_words_of_another_script_is_read() -> None:
    assert suggest.check("  Afwassen en de keuken schoonmaken (厨房)  ").startswith("Afwassen")


def test_phrases_follow_lines_sentences_bullets_and_joins() -> None:
    text = (
        "Wat ga je doen?\n"
        "- Je wast af en je snijdt groente.\n"
        "• Vloeren dweilen, ramen lappen\n"
        "Wij bieden: 24 uur per week"
    )
    found = [p.text for p in suggest.phrases(text)]
    assert found == [
        "Wat ga je doen",
        "Je wast af",
        "je snijdt groente",
        "Vloeren dweilen",
        "ramen lappen",
        "Wij bieden",
        "24 uur per week",
    ]
    for phrase in suggest.phrases(text):
        assert text[phrase.start : phrase.start + len(phrase.text)] == phrase.text


def test_a_long_sentence_is_read_in_overlapping_windows() -> None:
    words = [f"woord{i}" for i in range(25)]
    found = suggest.phrases(" ".join(words))
    assert all(len(p.text.split()) <= suggest.WINDOW for p in found)
    assert {w for p in found for w in p.text.split()} == set(words)


def test_confidence_rises_from_the_floor_to_full() -> None:
    assert suggest.confidence(suggest.FLOOR - 0.1) == 0.0
    assert suggest.confidence(suggest.FULL + 0.1) == 1.0
    middle = suggest.confidence((suggest.FLOOR + suggest.FULL) / 2)
    assert middle == pytest.approx(0.5)


def test_what_the_employer_offers_is_marked_from_its_heading_to_the_next() -> None:
    text = (
        "Medewerker wasserij\n"
        "Wat ga je doen?\n"
        "- Je vouwt de was.\n"
        "Wat bieden wij?\n"
        "- Een cursus heftruck rijden.\n"
        "Wat vragen wij?\n"
        "- Je bent op tijd.\n"
        "What we offer: a uniform and training"
    )
    offered = [p.text for p in suggest.phrases(text) if p.offer]
    assert offered == [
        "Wat bieden wij",
        "Een cursus heftruck rijden",
        "What we offer",
        "a uniform",
        "training",
    ]
    kept = [p.text for p in suggest.phrases(text) if not p.offer]
    assert "Je vouwt de was" in kept and "Je bent op tijd" in kept


def test_a_bullet_or_a_sentence_is_no_heading_that_ends_the_offer() -> None:
    text = "We offer\n- a uniform\nFree lunch.\n- a job coach"
    assert all(p.offer for p in suggest.phrases(text))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Je wast af en je houdt de keuken schoon. Wij bieden een vast contract.", "nl"),
        ("You wash up and keep the kitchen clean. We offer a fixed contract.", "en"),
        ("Plant, veg and hygiene: you keep the beds tidy and the tools clean.", "en"),
    ],
)
def test_the_text_language_follows_its_function_words(text: str, lang: str) -> None:
    assert suggest.text_language(text) == lang


def test_support_rises_from_the_rank_floor_to_full() -> None:
    assert suggest.support(suggest.RANK_FLOOR - 0.05) == 0.0
    assert suggest.support(suggest.RANK_FULL + 0.05) == 1.0
    assert suggest.support((suggest.RANK_FLOOR + suggest.RANK_FULL) / 2) == pytest.approx(0.5)
