"""A training plan's modules: only those that teach a missing skill of the goal, judged by the
skill model's credit, and the plan with what it opens.

A module is offered for a skill when, with the module's skills certified at its level, the
matcher credits the goal's skill through the skill itself, at least MIN_GAIN more than it does
now: a module that teaches the skill counts; one that teaches a neighbouring skill (which the
model credits, at most, as related) or an unrelated one does not, and is not offered for it.
Of the modules that teach the same number of what is left, the plan takes the one the goal uses
most of (the matcher's fit term, as for a person: of everything the module teaches, weighed by
specificity, how much the goal asks for), so a production job gets the course on production
tools and protective gear, not the one on garden machines that also covers protective gear; a
module the goal uses less than MIN_MODULE_FIT of is about another trade and is not offered.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence
from typing import Literal
from uuid import UUID

import asyncpg

from services.core.i18n import Reader
from services.core.matching import live
from services.core.next_steps import repository, texts
from services.core.next_steps.models import ModuleChoice, Skill, SkillToLearn, TrainingPlan
from services.core.settings import Settings
from services.matcher import credit
from services.matcher.scoring import Matcher
from services.matcher.types import Person, PersonSkill, Vacancy, VacancySkill

# The least credit (0-1) a module must add to a skill, through the skill itself, to count as
# teaching it: a module on a neighbouring skill gives only related credit (at most
# similarity.RELATED_CAP) and never counts; one that repeats what the person already has at
# the level asked adds next to nothing. A first course (level 1) for a skill asked at level 2
# adds at least 0.5 - 0.3 (a related skill's usual credit) and counts.
MIN_GAIN = 0.2
# The least share (0-100) of a module's content, weighed by specificity, that the goal uses.
# Generic modules (a first course on computers) score low against most trades' skill lists
# yet are the right course for the one skill they teach, so this only stops the far-off ones.
MIN_MODULE_FIT = 10.0
Labels = dict[str, tuple[str, str | None]]


def goal_of(uris: Sequence[str], essential: Collection[str], base: Vacancy | None) -> Vacancy:
    """The goal as the matcher sees it: a vacancy's own skills, else the skills to reach."""
    if base is not None:
        return base
    skills = tuple(
        VacancySkill(u, "essential" if u in essential else "optional") for u in dict.fromkeys(uris)
    )
    return Vacancy(
        id="goal", skills=skills, ladder_rung=1, contract_kind="goal", hours_min=0, hours_max=0
    )


def with_skills(person: Person, uris: Collection[str], level: int) -> Person:
    """The person as they would be with these skills certified at `level`."""
    skills = {s.uri: s for s in person.skills}
    for uri in uris:
        old = skills.get(uri)
        skills[uri] = PersonSkill(uri, max(level, old.level if old else 0), "certified")
    return dataclasses.replace(person, skills=tuple(skills[u] for u in sorted(skills)))


def _credits(engine: Matcher, person: Person, goal: Vacancy) -> dict[str, tuple[float, bool]]:
    """The credit the model gives each of the goal's skills (absent: missing), and whether it
    comes through the skill itself rather than a related one."""
    found = engine.explain(person, goal)
    return {e.skill_uri: (e.credit, e.via_uri is None) for e in (*found.matched, *found.related)}


def _gained(
    before: dict[str, tuple[float, bool]], after: dict[str, tuple[float, bool]], uri: str
) -> bool:
    """Whether the credit for `uri` now comes through the skill itself and rose enough."""
    credit_after, itself = after.get(uri, (0.0, False))
    return itself and credit_after - before.get(uri, (0.0, False))[0] >= MIN_GAIN


def module_fit(engine: Matcher, module: asyncpg.Record, goal: Vacancy) -> float:
    """How much of what a module teaches the goal uses (0-100, the matcher's fit term), over
    the skills the model knows (the catalogue's own phrases outside it say nothing either way);
    100 when it knows none of them."""
    known = [u for u in module["skills"] if u in engine.model.index]
    if not known:
        return 100.0
    level = credit.level(module["level"])
    content = Person(
        id=module["code"],
        skills=tuple(PersonSkill(u, level, "certified") for u in known),
        ladder_rung=1,
    )
    return engine.explain(content, goal).components.get("fit", 0.0)


@dataclasses.dataclass(frozen=True)
class Judged:
    """A module that may go into the plan: what it teaches of the missing skills, and how much
    of it the goal uses (0-100)."""

    teaches: list[str]
    fit: float


def judged(
    engine: Matcher,
    person: Person,
    goal: Vacancy,
    missing: Sequence[str],
    modules: Sequence[asyncpg.Record],
) -> dict[str, Judged]:
    """module code -> what it teaches of the missing skills by the model's credit; modules that
    teach none, or that the goal hardly uses, are left out."""
    before = _credits(engine, person, goal)
    found: dict[str, Judged] = {}
    for m in modules:
        fit = module_fit(engine, m, goal)
        if fit < MIN_MODULE_FIT:
            continue
        after = _credits(engine, with_skills(person, m["skills"], m["level"]), goal)
        teaches = [u for u in missing if _gained(before, after, u)]
        if teaches:
            found[m["code"]] = Judged(teaches, fit)
    return found


def cover(
    missing: Sequence[str], modules: Sequence[asyncpg.Record], judgement: dict[str, Judged]
) -> list[asyncpg.Record]:
    """Modules that teach the missing skills: each time the one teaching most of what is left
    (on a tie the one the goal uses most of, then fewest hours, then code)."""
    left, chosen = set(missing), []
    candidates = [m for m in modules if m["code"] in judgement]

    def key(m: asyncpg.Record) -> tuple[int, float, int, str]:
        found = judgement[m["code"]]
        return (-len(left & set(found.teaches)), -found.fit, m["hours"], m["code"])

    while left:
        best = min(candidates, key=key, default=None)
        if best is None or not left & set(judgement[best["code"]].teaches):
            break
        chosen.append(best)
        left -= set(judgement[best["code"]].teaches)
        candidates.remove(best)
    return chosen


@dataclasses.dataclass(frozen=True)
class Goal:
    """What a plan is for."""

    kind: Literal["vacancy", "occupation", "route"]
    title: str
    vacancy: Vacancy | None
    vacancy_id: UUID | None
    occupation_uri: str | None


def _skill(uri: str, labels: Labels) -> Skill:
    en, nl = labels.get(uri, (uri, None))
    return Skill(uri=uri, label_en=en, label_nl=nl)


async def plan(
    conn: asyncpg.Connection,
    settings: Settings,
    person: Person,
    engine: Matcher,
    goal: Goal,
    to_learn: tuple[list[str], list[str]],
    reader: Reader,
) -> TrainingPlan:
    """The plan for `to_learn`: (every missing skill, the essential ones among them)."""
    missing, essential_uris = to_learn
    essential = set(essential_uris)
    labels = await repository.skill_labels(conn, missing)
    demand = await repository.skill_demand(conn, missing)
    modules = await repository.modules_for(conn, missing)
    target = goal_of(missing, essential, goal.vacancy)
    judgement = judged(engine, person, target, missing, modules)
    chosen = cover(missing, modules, judgement)
    teaches = {m["code"]: judgement[m["code"]].teaches for m in chosen}
    teaching = {u: [m["code"] for m in chosen if u in teaches[m["code"]]] for u in missing}
    order = sorted(
        missing,
        key=lambda u: (u not in essential, -demand.get(u, 0), labels.get(u, (u, None))[0]),
    )
    skills = [
        SkillToLearn(
            skill=_skill(u, labels),
            essential=u in essential,
            opens=demand.get(u, 0),
            module_codes=teaching[u],
        )
        for u in order
    ]
    # What if: score the person against every open vacancy as they are, after each module,
    # and after the whole plan; "viable" is the one threshold for "fits".
    # The process's live index of the open vacancies (live.py), not every row read again.
    opened = (await live.open_vacancies(conn)).vacancies

    def viable(someone: Person) -> int:
        return opened.fitting(someone, settings.notify_min_score)

    now = viable(person)
    choices = []
    for m in chosen:
        taught = [_skill(u, labels) for u in order if u in teaches[m["code"]]]
        more = viable(with_skills(person, m["skills"], m["level"])) - now
        choices.append(
            ModuleChoice(
                module_id=m["id"],
                code=m["code"],
                title_nl=m["title_nl"],
                title_en=m["title_en"],
                provider_kind=m["provider_kind"],
                hours=m["hours"],
                teaches=taught,
                more_viable=more,
                why=texts.module(m["title_nl"], m["title_en"], m["hours"], taught, more, reader),
            )
        )
    after = person
    for m in chosen:
        after = with_skills(after, m["skills"], m["level"])
    viable_after = viable(after)
    hours = sum(m["hours"] for m in chosen)
    first = skills[0] if skills else None
    uncovered = [s.skill for s in skills if not s.module_codes]
    return TrainingPlan(
        goal=goal.kind,
        goal_title=goal.title,
        vacancy_id=goal.vacancy_id,
        occupation_uri=goal.occupation_uri,
        skills=skills,
        modules=choices,
        total_hours=hours,
        uncovered=uncovered,
        viable_now=now,
        viable_after=viable_after,
        no_course=texts.no_course(reader) if uncovered else None,
        why=texts.plan(
            goal.title,
            first.skill if first else None,
            hours,
            viable_after - now,
            reader,
            first_has_course=bool(first and first.module_codes),
        ),
    )
