"""Profile completeness and staleness: what is missing, what has gone stale, and how a coach
reads it ("vaardigheden 14 maanden niet bevestigd")."""

from __future__ import annotations

from datetime import date
from typing import Any

from services.api.pages import i18n
from services.api.pages.outcomes import gap_words
from services.core.outcomes.completeness import months_between, profile_gaps

TODAY = date(2026, 12, 3)
FULL: dict[str, Any] = {
    "has_skills": True,
    "has_target": True,
    "has_hours": True,
    "has_languages": True,
    "has_capacity": True,
    "skills_confirmed_on": date(2026, 6, 1),
}


def test_a_complete_recent_profile_has_no_gaps() -> None:
    assert profile_gaps(FULL, TODAY) == []


def test_each_missing_part_is_named_in_the_order_a_coach_fills_them_in() -> None:
    empty = dict.fromkeys(FULL, False) | {"skills_confirmed_on": None}
    assert [(g.kind, g.item) for g in profile_gaps(empty, TODAY)] == [
        ("missing", "skills"),
        ("missing", "target_occupation"),
        ("missing", "hours"),
        ("missing", "languages"),
        ("missing", "capacity"),
    ]
    for column, item in (("has_languages", "languages"), ("has_capacity", "capacity")):
        gaps = profile_gaps(FULL | {column: False}, TODAY)
        assert [(g.kind, g.item) for g in gaps] == [("missing", item)]


def test_skills_are_stale_from_twelve_whole_months_without_confirmation() -> None:
    for confirmed, months in ((date(2025, 12, 3), 12), (date(2025, 10, 1), 14)):
        (gap,) = profile_gaps(FULL | {"skills_confirmed_on": confirmed}, TODAY)
        assert (gap.kind, gap.item, gap.months, gap.since) == ("stale", "skills", months, confirmed)
    assert profile_gaps(FULL | {"skills_confirmed_on": date(2025, 12, 4)}, TODAY) == []


def test_undated_skills_and_no_skills_are_never_called_stale() -> None:
    assert profile_gaps(FULL | {"skills_confirmed_on": None}, TODAY) == []
    gaps = profile_gaps(FULL | {"has_skills": False, "skills_confirmed_on": None}, TODAY)
    assert [(g.kind, g.item) for g in gaps] == [("missing", "skills")]


def test_months_between_counts_whole_months() -> None:
    assert months_between(date(2025, 1, 31), date(2025, 2, 28)) == 0
    assert months_between(date(2025, 1, 31), date(2025, 3, 1)) == 1
    assert months_between(date(2024, 2, 29), date(2025, 2, 28)) == 11
    assert months_between(date(2026, 12, 4), TODAY) == 0


def test_the_coach_reads_the_gaps_in_their_language() -> None:
    gaps = profile_gaps(
        FULL | {"has_languages": False, "skills_confirmed_on": date(2025, 10, 1)}, TODAY
    )
    assert gap_words(gaps, i18n.translator("nl")) == [
        "geen talen",
        "vaardigheden 14 maanden niet bevestigd",
    ]
    assert gap_words(gaps, i18n.translator("en")) == [
        "no languages",
        "skills not confirmed for 14 months",
    ]
