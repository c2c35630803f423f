"""Sentences for next steps in plain Dutch (B1) and English: short, one idea each, no jargon.

The words come from the catalogue (core/i18n, keys "next.*"), worded for each request in both
languages from the suggestion's data; labels of skills and occupations are the taxonomy's own,
in the language asked when the taxonomy has it. They speak to the person ("je"), or, for a
coach, about them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from services.core import i18n
from services.core.i18n import Lang, Reader
from services.core.next_steps.models import Occupation, Skill, Words

Say = Callable[[Lang, Callable[..., str]], list[str]]


def _words(say: Say, reader: Reader = "person") -> Words:
    """Words in every language: `say(lang, t)` gives the sentences in one."""
    said = {lang: say(lang, i18n.translator(lang, reader)) for lang in i18n.LANGUAGES}
    return Words(**{lang: " ".join(p for p in parts if p) for lang, parts in said.items()})


def _name(item: Skill | Occupation, lang: Lang) -> str:
    return i18n.pick(lang, nl=item.label_nl, en=item.label_en)


def _learn(skills: Sequence[Skill], lang: Lang, t: Callable[..., str]) -> str:
    """'Leer nog: a, b en c.' for the first three skills; nothing when there are none."""
    shown = [_name(s, lang) for s in skills[:3]]
    return t("next.learn", learn=i18n.join(shown, lang)) if shown else ""


def fits(
    title: str,
    have: int,
    total: int,
    learn: Sequence[Skill],
    *,
    step_up: bool,
    reader: Reader = "person",
) -> Words:
    """Why a vacancy fits (or is a stepping stone, `step_up`): how much the person can
    already do, and what is left to learn."""

    def say(lang: Lang, t: Callable[..., str]) -> list[str]:
        can = t("next.vacancy.have", have=have, total=total) if total else t("next.vacancy.open")
        step = t("next.vacancy.step_up") if step_up else ""
        return [t("next.vacancy.title", title=title), can, _learn(learn, lang, t), step]

    return _words(say, reader)


def occupation_step(
    occupation: Occupation,
    similarity: float,
    learn: Sequence[Skill],
    vacancies: int,
    reader: Reader = "person",
) -> Words:
    """Why an occupation is a realistic next step."""

    def say(lang: Lang, t: Callable[..., str]) -> list[str]:
        step = t("next.occupation.step", occupation=_name(occupation, lang), share=share)
        open_now = t("next.occupation.vacancies", n=vacancies) if vacancies else ""
        return [step, _learn(learn, lang, t), open_now]

    share = round(similarity * 10)
    return _words(say, reader)


def route(
    target: Occupation, stops: Sequence[Occupation], to_learn: int, reader: Reader = "person"
) -> Words:
    """How a route leads to the target."""

    def say(lang: Lang, t: Callable[..., str]) -> list[str]:
        goal = _name(target, lang)
        if not stops:
            return [t("next.route.direct", target=goal)]
        via = i18n.join((_name(s, lang) for s in stops), lang)
        return [t("next.route.via", target=goal, via=via), t("next.route.learn", n=to_learn)]

    return _words(say, reader)


def no_route(target: Occupation, reader: Reader = "person") -> Words:
    """When no route of at most three steps exists."""
    return _words(lambda lang, t: [t("next.route.none", target=_name(target, lang))], reader)


def module(
    title_nl: str,
    title_en: str,
    hours: int,
    teaches: Sequence[Skill],
    more: int,
    reader: Reader = "person",
) -> Words:
    """Why a module is in the plan."""

    def say(lang: Lang, t: Callable[..., str]) -> list[str]:
        name = i18n.pick(lang, nl=title_nl, en=title_en)
        taught = i18n.join((_name(s, lang) for s in teaches[:3]), lang)
        after = t("next.module.more", n=more) if more else ""
        return [t("next.module.takes", module=name, n=hours, teaches=taught), after]

    return _words(say, reader)


def plan(
    goal: str,
    first: Skill | None,
    hours: int,
    more: int,
    reader: Reader = "person",
    *,
    first_has_course: bool = True,
) -> Words:
    """The plan in two or three sentences; when the first skill has no course, it says so
    (and never "0 more": a count of nothing is left out)."""

    def say(lang: Lang, t: Callable[..., str]) -> list[str]:
        if first is None:
            return [t("next.plan.nothing", goal=goal)]
        return [
            t("next.plan.first", goal=goal, first=_name(first, lang)),
            "" if first_has_course else t("plan_fit.no_course"),
            t("next.plan.hours", n=hours) if hours else "",
            t("next.plan.more", n=more) if more > 0 else "",
        ]

    return _words(say, reader)


def no_course(reader: Reader = "person") -> Words:
    """When a skill to learn has no course yet: say so, and who to ask."""
    return _words(lambda lang, t: [t("plan_fit.no_course")], reader)


def rung_time(months: int, rung: int, name: str, reader: Reader = "person") -> Words:
    """A long time on one rung: time to look at the next step together."""
    return _words(lambda lang, t: [t("next.rung_time", n=months, rung=rung, name=name)], reader)


def summary(fits_now: int, stones: int, has_plan: bool, reader: Reader = "person") -> Words:
    """The page's first sentences."""

    def say(lang: Lang, t: Callable[..., str]) -> list[str]:
        return [
            t("next.summary.fits", n=fits_now),
            t("next.summary.steps", n=stones) if stones else "",
            t("next.summary.plan") if has_plan else "",
        ]

    return _words(say, reader)
