"""A person's next steps as the stepping-stone path the coach and employee pages draw."""

from __future__ import annotations

from dataclasses import dataclass, field

from services.api.pages.i18n import Lang, pick
from services.core.next_steps.models import NextSteps, OccupationStep


@dataclass
class Stop:
    """One stop on the stepping-stone path."""

    label: str
    current: bool = False
    learn: list[str] = field(default_factory=list)
    open_vacancies: int = 0
    why: str = ""


@dataclass
class Path:
    """The stepping-stone path: from the current work, step by step (a route to the target,
    or else the most viable next occupation), and the other options."""

    kind: str  # route | stone | none
    stops: list[Stop]
    target: str | None
    others: list[Stop]


def _stop(step: OccupationStep, lang: Lang) -> Stop:
    return Stop(
        label=pick(lang, step.occupation.label_nl, step.occupation.label_en),
        learn=[pick(lang, m.label_nl, m.label_en) for m in step.missing],
        open_vacancies=step.open_vacancies,
        why=step.why.in_language(lang),
    )


def path_of(steps: NextSteps, lang: Lang) -> Path:
    """The path to draw for a person's next steps."""
    target = steps.target_occupation
    target_label = pick(lang, target.label_nl, target.label_en) if target else None
    current = steps.current_occupation
    if current is None:
        return Path("none", [], target_label, [])
    here = Stop(pick(lang, current.label_nl, current.label_en), current=True)
    route = steps.route
    if route is not None and route.found and route.steps:
        return Path("route", [here, *(_stop(s, lang) for s in route.steps)], target_label, [])
    stones = [_stop(s, lang) for s in steps.stepping_stones.occupations]
    if stones:
        return Path("stone", [here, stones[0]], target_label, stones[1:])
    return Path("none", [here], target_label, [])
