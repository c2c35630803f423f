"""Next steps as the API shows them: what fits now, stepping stones, a route, a training plan.

Every suggestion carries `why`: short sentences in Dutch (B1) and English made from its data
through the catalogue; nothing here is stored.
"""

from __future__ import annotations

from typing import Literal
from uuid import UUID

from pydantic import BaseModel, Field


class Words(BaseModel):
    """The same text in Dutch and English, worded for the request from the catalogue's keys
    (next_steps/texts.py) or kept per language with the data (taxonomy names)."""

    nl: str
    en: str

    def in_language(self, lang: Literal["nl", "en"]) -> str:
        """The text in `lang`."""
        text: str = getattr(self, lang)
        return text


class Skill(BaseModel):
    """A taxonomy skill with its labels."""

    uri: str
    label_nl: str | None
    label_en: str


class Occupation(BaseModel):
    """A taxonomy occupation with its labels."""

    uri: str
    label_nl: str | None
    label_en: str


class VacancySuggestion(BaseModel):
    """An open vacancy and how the person fits it."""

    vacancy_id: UUID
    title: str
    organisation: str
    ladder_rung: int
    score: float
    have: int = Field(description="essential skills the person has (or nearly has)")
    total: int = Field(description="essential skills the work asks for")
    missing: list[Skill]
    why: Words


class OccupationStep(BaseModel):
    """A viable move from the person's current occupation (or one step of a route)."""

    occupation: Occupation
    from_occupation: Occupation
    similarity: float = Field(description="0-1: how much of the new work the old work covers")
    highly_viable: bool
    level_delta: int | None = Field(description="ISCO skill levels up (+) or down (-)")
    gap: float = Field(description="skill equivalents to learn")
    missing: list[Skill]
    open_vacancies: int = Field(description="open vacancies in this occupation")
    why: Words


class SteppingStones(BaseModel):
    """Realistic next steps one rung up or toward the target."""

    vacancies: list[VacancySuggestion] = Field(
        description="open vacancies one rung up the ladder, or in the target or a stepping-"
        "stone occupation"
    )
    occupations: list[OccupationStep]


class Route(BaseModel):
    """At most three viable moves from the current occupation to the target, least to learn."""

    found: bool
    target: Occupation
    steps: list[OccupationStep]
    total_gap: float | None
    why: Words


class ModuleChoice(BaseModel):
    """A training module in a plan, with what it teaches and what it opens."""

    module_id: UUID
    code: str
    title_nl: str
    title_en: str
    provider_kind: str
    hours: int
    teaches: list[Skill] = Field(description="the plan's missing skills this module teaches")
    more_viable: int = Field(description="more open vacancies viable after this module alone")
    why: Words


class SkillToLearn(BaseModel):
    """A missing skill, with how many open vacancies ask for it and which modules teach it."""

    skill: Skill
    essential: bool = Field(description="the goal cannot do without it")
    opens: int = Field(description="open vacancies that need it as an essential skill")
    module_codes: list[str]


class TrainingPlan(BaseModel):
    """What to learn for a goal, in which modules, how long it takes and what it opens."""

    goal: Literal["vacancy", "occupation", "route"]
    goal_title: str
    vacancy_id: UUID | None = None
    occupation_uri: str | None = None
    skills: list[SkillToLearn] = Field(
        description="essential ones first, then by how many open vacancies ask for them"
    )
    modules: list[ModuleChoice]
    total_hours: int
    uncovered: list[Skill] = Field(description="missing skills no module teaches yet")
    viable_now: int = Field(description="open vacancies viable for the person now")
    viable_after: int = Field(description="open vacancies viable after the whole plan")
    no_course: Words | None = Field(
        None, description="said when a skill to learn has no course yet (None: every one has)"
    )
    why: Words


class DigitalArea(BaseModel):
    """A DigComp area: the person's level beside what their next step asks."""

    area_id: int
    name: Words
    level: int = Field(description="DigComp proficiency 0-8 the person shows (0: none yet)")
    asked: int = Field(description="competences of this area the next step asks for")
    missing: list[Words] = Field(description="asked competences the person does not have yet")


class NextSteps(BaseModel):
    """Where a person stands and where they can go next."""

    employee_id: UUID
    ladder_rung: int
    current_occupation: Occupation | None
    target_occupation: Occupation | None
    fits_now: list[VacancySuggestion]
    stepping_stones: SteppingStones
    route: Route | None
    training_plan: TrainingPlan | None
    digital: list[DigitalArea]
    why: Words
    rung_time: Words | None = Field(
        None,
        description="Said when the person has been on a rung below 6 for 12 months or more: "
        "time to look at the next step together.",
    )
