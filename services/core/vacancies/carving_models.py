"""Job carving as the API takes and shows it: an occupation's tasks, what a carved job keeps,
and how many people fit it against the full occupation's job (counts only, never who)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from services.core.clock import IsoDate
from services.core.taxonomy.models import Lang
from services.core.vacancies.models import (
    AccommodationCode,
    ContractKind,
    Description,
    Hours,
    LanguageRequirement,
    Places,
    Postcode,
    Relation,
    Title,
    Uri,
)

SMALL_GROUP = 5  # a count from 1 to SMALL_GROUP - 1 is not shown exactly
SMALL = "null when 1 to 4: a small group is not shown exactly"
Count = Annotated[int | None, Field(ge=0, description=SMALL)]


def shown(count: int) -> int | None:
    """A count as a reader may see it: None for a small group (1 to SMALL_GROUP - 1)."""
    return None if 0 < count < SMALL_GROUP else count


class CarvingTask(BaseModel):
    """One task of an occupation (an ESCO skill it asks for)."""

    skill_uri: str
    label: str = Field(description="in the language asked for, else English")
    label_lang: Lang = Field(description="the language the label is in")
    relation: Relation = Field(description="essential or optional for the full occupation")
    holders: Count = Field(
        description="people with consent to matching who can do the task: they hold the "
        f"skill itself, at or near the level asked (a related skill is one to learn); {SMALL}"
    )


class CarvingTasks(BaseModel):
    """An occupation's tasks to carve a job from, essential first."""

    occupation_uri: str
    occupation_label: str
    occupation_label_lang: Lang
    people: Count = Field(description=f"the people with consent to matching counted; {SMALL}")
    tasks: list[CarvingTask]


def _distinct(value: list[str], what: str) -> list[str]:
    if len(set(value)) != len(value):
        twice = next(v for v in value if value.count(v) > 1)
        raise ValueError(f"{what} {twice} is listed twice")
    return value


class CarvingIn(BaseModel):
    """A carved job to count: the occupation, the tasks it keeps and, optionally, its hours
    and the accommodations offered."""

    model_config = ConfigDict(extra="forbid")

    occupation_uri: Uri
    kept: list[Uri] = Field(
        min_length=1,
        max_length=200,
        description="the skill URIs of the occupation's tasks the job keeps (at least one; "
        "see GET /api/v1/carving/tasks)",
    )
    contract_kind: ContractKind | None = None
    hours_min: Hours | None = None
    hours_max: Hours | None = None
    accommodations: list[AccommodationCode] = Field(default_factory=list, max_length=50)

    @field_validator("hours_max")
    @classmethod
    def _hours_in_order(cls, value: int | None, info: ValidationInfo) -> int | None:
        low = info.data.get("hours_min")
        if value is not None and low is not None and value < low:
            raise ValueError(f"must be at least hours_min ({low})")
        return value

    @field_validator("kept")
    @classmethod
    def _distinct_kept(cls, value: list[str]) -> list[str]:
        return _distinct(value, "task")

    @field_validator("accommodations")
    @classmethod
    def _distinct_codes(cls, value: list[str]) -> list[str]:
        return _distinct(value, "accommodation")


class CarvedVacancyIn(CarvingIn):
    """A carved vacancy to post as a draft: the kept tasks become its (essential) skills."""

    title: Title
    description: Description = ""
    contract_kind: ContractKind
    hours_min: Hours
    hours_max: Hours
    postcode: Postcode = None
    language: LanguageRequirement | None = None
    places: Places = 1
    closing_date: IsoDate | None = None


class CarvingPreview(BaseModel):
    """How many people fit the carved job and the full occupation's job.

    Fits: the person consents to matching, can do every essential task of the job (holds the
    skill itself, at or near the level asked; a related skill is one to learn), scores at least
    `min_score` (the score a match is worth telling about, OPSTAP_NOTIFY_MIN_SCORE), and their
    hours do not rule the job out. Counted over everyone with consent to matching, as a
    vacancy's candidates are."""

    occupation_uri: str
    min_score: float
    full: Count = Field(description=f"people who fit the occupation's full job; {SMALL}")
    carved: Count = Field(description=f"people who fit the carved job; {SMALL}")
    difference: int | None = Field(
        description="carved minus full (negative when fewer fit the carved job); null when "
        "either count is not shown"
    )
    kept: list[str]
    left_out: list[str] = Field(description="the occupation's tasks the carved job leaves out")


def difference(full: int | None, carved: int | None) -> int | None:
    """How many more fit the carved job, when both counts are shown."""
    return None if full is None or carved is None else carved - full
