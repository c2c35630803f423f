"""What the person's own pages show, made once per request from their next steps: the work that
fits now (at or over the one threshold, settings.notify_min_score), the work one step further
(never also "now"), what to learn for the next goal and where, the path, and the computer skills
in words. Every page counts from the same lists, so the counts agree everywhere."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from uuid import UUID

import asyncpg

from services.api.pages.i18n import Lang, pick_lang
from services.api.pages.labels import Label, skill_label
from services.api.pages.pictures import Coverage, digcomp_words
from services.core.access.policy import Actor
from services.core.matching.models import MatchExplanation
from services.core.next_steps.models import (
    NextSteps,
    Occupation,
    OccupationStep,
    Skill,
    TrainingPlan,
    VacancySuggestion,
)
from services.core.person_jobs import service as person_jobs


@dataclass
class Course:
    """A training module that teaches a skill to learn."""

    title: Label
    hours: int


@dataclass
class SkillItem:
    """A skill named for the reader, with the courses that teach it (none: say so)."""

    uri: str
    label: Label
    courses: list[Course] = field(default_factory=list)


@dataclass
class Job:
    """A vacancy on the person's pages: "now" (it fits) or "next" (a step further)."""

    vacancy_id: UUID
    title: str
    organisation: str
    kind: str  # now | next
    score: int
    step_up: bool
    can: list[SkillItem]
    almost: list[SkillItem]
    learn: list[SkillItem]

    @property
    def have(self) -> int:
        """What the work asks that the person can do, or nearly."""
        return len(self.can) + len(self.almost)

    @property
    def total(self) -> int:
        """Everything the work asks."""
        return self.have + len(self.learn)

    @property
    def coverage(self) -> Coverage:
        """The same counts for the picture."""
        return Coverage(len(self.can), len(self.almost), len(self.learn))


@dataclass
class Goal:
    """What to learn next, and for what (a job of the person's pages, or an occupation)."""

    title: Label
    vacancy_id: UUID | None
    items: list[SkillItem]
    organisation: str = ""


@dataclass
class Stop:
    """A stop on the path: an occupation, what to learn for it, how much open work it has."""

    label: Label
    current: bool = False
    learn: list[SkillItem] = field(default_factory=list)
    open_vacancies: int = 0


@dataclass
class DigitalRow:
    """One area of computer skills: its number (for its plain name), the person's level in
    words, and what the next step asks of it that the person does not have yet."""

    area_id: int
    words: str
    asked: int
    missing: list[Label]


@dataclass
class Overview:
    """Everything the person's pages show, counted once."""

    threshold: int
    now: list[Job]
    next: list[Job]
    goal: Goal | None
    stops: list[Stop]
    target: Label | None
    digital: list[DigitalRow]

    @property
    def counts(self) -> dict[str, int]:
        """The numbers every page shows the same."""
        return {
            "now": len(self.now),
            "next": len(self.next),
            "learn": len(self.goal.items) if self.goal else 0,
        }

    def job(self, vacancy_id: UUID) -> Job | None:
        """The job on the person's pages with this vacancy, if any."""
        return next((j for j in (*self.now, *self.next) if j.vacancy_id == vacancy_id), None)


def occupation_label(occupation: Occupation, lang: Lang) -> Label:
    """An occupation's label for the reader, marked when in the other language."""
    return Label(*pick_lang(lang, occupation.label_nl, occupation.label_en))


def _skill(skill: Skill, lang: Lang) -> SkillItem:
    return SkillItem(skill.uri, skill_label(skill.uri, skill.label_nl, skill.label_en, lang))


def explained_skills(
    why: MatchExplanation, lang: Lang
) -> tuple[list[SkillItem], list[SkillItem], list[SkillItem]]:
    """(can, almost, to learn) of a match, each skill named for the reader."""

    def item(uri: str) -> SkillItem:
        names = why.labels.get(uri) or {}
        return SkillItem(uri, skill_label(uri, names.get("nl"), names.get("en"), lang))

    return (
        [item(e.skill_uri) for e in why.matched],
        [item(e.skill_uri) for e in why.related],
        [item(u) for u in (*why.missing_essential, *why.missing_optional)],
    )


def _job(
    found: VacancySuggestion, why: MatchExplanation | None, kind: str, rung: int, lang: Lang
) -> Job:
    can, almost, learn = explained_skills(why, lang) if why else ([], [], [])
    if why is None:  # no stored explanation: what the suggestion itself says is missing
        learn = [_skill(s, lang) for s in found.missing]
    return Job(
        found.vacancy_id,
        found.title,
        found.organisation,
        kind,
        math.floor(found.score),  # 59.6 does not reach a threshold of 60
        found.ladder_rung > rung,
        can,
        almost,
        learn,
    )


def _courses(plan: TrainingPlan, lang: Lang) -> dict[str, list[Course]]:
    """Per skill of the plan: the plan's modules that teach it."""
    modules = {
        m.code: Course(Label(*pick_lang(lang, m.title_nl, m.title_en)), m.hours)
        for m in plan.modules
    }
    return {s.skill.uri: [modules[c] for c in s.module_codes if c in modules] for s in plan.skills}


def _goal(steps: NextSteps, jobs: list[Job], lang: Lang) -> Goal | None:
    """The plan's goal, its skills named as the pages name them: for a job, exactly what its
    card says to learn; each with the courses that teach it."""
    plan = steps.training_plan
    if plan is None:
        return None
    courses = _courses(plan, lang)
    job = next((j for j in jobs if plan.vacancy_id and j.vacancy_id == plan.vacancy_id), None)
    if job is not None:
        items = [SkillItem(s.uri, s.label, courses.get(s.uri, [])) for s in job.learn]
        return Goal(Label(job.title, lang), job.vacancy_id, items, job.organisation)
    items = [_skill(s.skill, lang) for s in plan.skills]
    for s in items:
        s.courses = courses.get(s.uri, [])
    occupations = {o.occupation.uri: o.occupation for o in steps.stepping_stones.occupations}
    target = steps.target_occupation
    goal = target if plan.goal == "route" else occupations.get(plan.occupation_uri or "")
    title = occupation_label(goal, lang) if goal else Label(plan.goal_title, lang)
    return Goal(title, None, items)


def _stop(step: OccupationStep, lang: Lang) -> Stop:
    learn = [_skill(s, lang) for s in step.missing]
    return Stop(occupation_label(step.occupation, lang), False, learn, step.open_vacancies)


def _path(steps: NextSteps, lang: Lang) -> list[Stop]:
    """From the work of now: the route to the target, or else the most viable next step."""
    current = steps.current_occupation
    if current is None:
        return []
    here = Stop(occupation_label(current, lang), current=True)
    route = steps.route
    if route is not None and route.found and route.steps:
        return [here, *(_stop(s, lang) for s in route.steps)]
    stones = steps.stepping_stones.occupations
    return [here, _stop(stones[0], lang)] if stones else [here]


def _digital(steps: NextSteps, lang: Lang) -> list[DigitalRow]:
    return [
        DigitalRow(
            a.area_id,
            digcomp_words(a.level),
            a.asked,
            [Label(*pick_lang(lang, m.nl, m.en)) for m in a.missing],
        )
        for a in steps.digital
    ]


async def overview(
    conn: asyncpg.Connection,
    actor: Actor,
    steps: NextSteps,
    threshold: float,
    lang: Lang,
) -> Overview:
    """The person's pages from their next steps: a job under `threshold` is never "now", and a
    job that fits now is not also a next step."""
    now_found = [v for v in steps.fits_now if math.floor(v.score) >= threshold]
    now_ids = {v.vacancy_id for v in now_found}
    next_found = [v for v in steps.stepping_stones.vacancies if v.vacancy_id not in now_ids]
    ids = [v.vacancy_id for v in (*now_found, *next_found)]
    why = await person_jobs.explanations(conn, actor, steps.employee_id, ids)
    rung = steps.ladder_rung
    now = [_job(v, why.get(v.vacancy_id), "now", rung, lang) for v in now_found]
    later = [_job(v, why.get(v.vacancy_id), "next", rung, lang) for v in next_found]
    target = steps.target_occupation
    return Overview(
        threshold=math.floor(threshold),
        now=now,
        next=later,
        goal=_goal(steps, [*now, *later], lang),
        stops=_path(steps, lang),
        target=occupation_label(target, lang) if target else None,
        digital=_digital(steps, lang),
    )
