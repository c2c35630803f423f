"""Profile completeness and staleness: what a person's profile lacks, and what has not been
confirmed for a long time (the public Kandidatenverkenner failed largely on incomplete and
stale profiles). One home for the rules; queries.facts reads what they need."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel

STALE_MONTHS = 12
# What a profile needs, in the order a coach would fill it in: (fact column, item).
NEEDED: tuple[tuple[str, str], ...] = (
    ("has_skills", "skills"),
    ("has_target", "target_occupation"),
    ("has_hours", "hours"),
    ("has_languages", "languages"),
    ("has_capacity", "capacity"),
)


class Gap(BaseModel):
    """One thing to complete or to confirm again in a person's profile."""

    kind: Literal["missing", "stale"]
    item: str
    months: int | None = None  # for stale: months since it was last confirmed
    since: date | None = None


def months_between(earlier: date, later: date) -> int:
    """Whole months from `earlier` to `later` (0 when later comes first)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if later.day < earlier.day:
        months -= 1
    return max(months, 0)


def profile_gaps(facts: Mapping[str, Any], today: date) -> list[Gap]:
    """What is missing (no skills, no target occupation, no hours, no languages, no capacity
    profile) and what is stale (skills last confirmed 12 or more months ago). Skills that
    carry no date at all are not called stale: nothing says when they were confirmed."""
    gaps = [Gap(kind="missing", item=item) for column, item in NEEDED if not facts[column]]
    confirmed = facts.get("skills_confirmed_on")
    if facts["has_skills"] and confirmed is not None:
        months = months_between(confirmed, today)
        if months >= STALE_MONTHS:
            gaps.append(Gap(kind="stale", item="skills", months=months, since=confirmed))
    return gaps
