"""The bias report: selection rates per group and adverse impact ratios (the four-fifths rule).

Computed from counts aggregated in SQL, so no person leaves the query; groups smaller than
`min_group` are suppressed, since a rate over a handful of people could single one out.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

import asyncpg

from services.core.access.policy import Actor, Role, require_role
from services.core.bias import repository
from services.core.bias.models import BiasReport, GroupFigures, Source
from services.core.errors import NotFound

MIN_GROUP = 5
WARN_BELOW = 0.8
ORDER = {
    "accommodation_needs": ["with", "without"],
    "age_band": ["<27", "27-44", "45-54", "55+", "unknown"],
}
LABELS = {"suggestion": "suggestions", "outcome": "outcomes (introduced, trial or hired)"}


def _rate(part: int, whole: int) -> float:
    return round(part / whole, 3)


def _figures(dimension: str, rows: dict[str, Any], min_group: int) -> list[GroupFigures]:
    """The groups of one dimension in a fixed order, rates and ratios filled in."""
    result = []
    for group in ORDER[dimension]:
        row = rows.get(group)
        if row is None:
            continue
        people, hidden = row["people"], row["people"] < min_group
        shown = None if hidden else row
        result.append(
            GroupFigures(
                dimension=dimension,
                group=group,
                people=None if hidden else people,
                suppressed=hidden,
                compared=not hidden and group != "unknown",
                suggested=shown["suggested"] if shown else None,
                suggestion_rate=_rate(row["suggested"], people) if shown else None,
                suggestion_ratio=None,
                outcomes=shown["outcomes"] if shown else None,
                outcome_rate=_rate(row["outcomes"], people) if shown else None,
                outcome_ratio=None,
            )
        )
    return result


def _compare(groups: list[GroupFigures], measure: str, min_group: int) -> tuple[list[str], str]:
    """Fill in each compared group's ratio to the highest rate; a warning for each under 0.8,
    unless there are fewer than `min_group` selections in all (then a note says so)."""
    compared = [g for g in groups if g.compared]
    rates = {g.group: getattr(g, f"{measure}_rate") for g in compared}
    best = max(rates.values(), default=0.0)
    if len(compared) < 2 or best <= 0:
        return [], ""
    selected = sum(
        getattr(g, "suggested" if measure == "suggestion" else "outcomes") for g in compared
    )
    warnings = []
    for g in compared:
        ratio = round(rates[g.group] / best, 3)
        setattr(g, f"{measure}_ratio", ratio)
        if ratio < WARN_BELOW:
            top = max(rates, key=lambda k: rates[k])
            warnings.append(
                f"{g.dimension} '{g.group}': {LABELS[measure]} rate {rates[g.group]:.0%} is "
                f"{ratio:.2f} of group '{top}' ({best:.0%}), under {WARN_BELOW}."
            )
    if warnings and selected < min_group:
        # One or two outcomes make any ratio extreme: say so instead of raising an alarm.
        dimension = compared[0].dimension
        return [], (
            f"{dimension}: only {selected} {LABELS[measure]} in all, too few to read a ratio "
            f"from (a warning needs {min_group} or more)."
        )
    return warnings, ""


async def report(
    conn: asyncpg.Connection,
    *,
    organisation_id: UUID | None,
    source: Source = "matches",
    threshold: float = 60.0,
    min_group: int = MIN_GROUP,
    year: int | None = None,
) -> BiasReport:
    """The bias report for one organisation's people (or everyone's)."""
    year = year or date.today().year
    counts = await repository.group_counts(conn, organisation_id, source, year, threshold)
    groups: list[GroupFigures] = []
    warnings: list[str] = []
    few: list[str] = []
    for dimension in ORDER:
        rows = {r["grp"]: r for r in counts if r["dimension"] == dimension}
        found = _figures(dimension, rows, min_group)
        for measure in ("suggestion", "outcome"):
            raised, too_few = _compare(found, measure, min_group)
            warnings += raised
            few += [too_few] if too_few else []
        groups += found
    suppressed = [f"{g.dimension} '{g.group}'" for g in groups if g.suppressed]
    notes = [
        "People counted: those in scope with an active consent to matching.",
        (
            f"Suggested: a stored match at or over {threshold:g} on an open vacancy."
            if source == "matches"
            else "Suggested: a vacancy shown to anyone, from the suggestion log."
        ),
        "Age bands are counted from the birth year, where the person gave it.",
    ]
    notes += few
    if suppressed:
        notes.append(f"Fewer than {min_group} people, figures withheld: {', '.join(suppressed)}.")
    return BiasReport(
        organisation_id=organisation_id,
        source=source,
        threshold=threshold,
        min_group=min_group,
        year=year,
        groups=groups,
        warnings=warnings,
        notes=notes,
    )


async def report_for(
    conn: asyncpg.Connection, actor: Actor, *, source: Source, threshold: float, min_group: int
) -> BiasReport:
    """An admin's report: the people of their own organisation."""
    require_role(actor, Role.ADMIN, action="see the bias report")
    return await report(
        conn,
        organisation_id=actor.organisation_id,
        source=source,
        threshold=threshold,
        min_group=min_group,
    )


async def organisation_id(conn: asyncpg.Connection, name: str) -> UUID:
    """The id of the organisation called `name`; NotFound otherwise."""
    found = await repository.organisation_by_name(conn, name)
    if found is None:
        raise NotFound(f"No organisation is called {name!r}.")
    return found
