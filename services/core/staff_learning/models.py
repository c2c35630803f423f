"""A staff member's DigComp self-assessment and learning plan, and a WISE's staff picture, as
the API takes and shows them."""

from __future__ import annotations

from datetime import date
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, field_validator

from services.core.clock import IsoDate
from services.core.training.models import Audience, Competence, CompetenceId, Theme

# DigComp's proficiency bands, with "not yet" (0) before them: how the staff picture groups.
Band = Literal["none", "foundation", "intermediate", "advanced"]
BANDS: tuple[tuple[Band, str], ...] = (
    ("none", "0"),
    ("foundation", "1-2"),
    ("intermediate", "3-4"),
    ("advanced", "5-8"),
)
MIN_GROUP = 5  # a count below this (and above 0) is withheld


def band_of(level: int) -> Band:
    """The band of a DigComp level 0-8."""
    if level <= 0:
        return "none"
    return "foundation" if level <= 2 else "intermediate" if level <= 4 else "advanced"


class OwnLevelIn(BaseModel):
    """One competence of the self-assessment."""

    model_config = ConfigDict(extra="forbid")

    competence_id: CompetenceId
    level: int = Field(
        strict=True,  # a number: JSON true or "3" is refused, not read as 1 or 3
        ge=0,
        le=8,
        description="0 not yet; 1-2 foundation, 3-4 intermediate, 5-6 advanced, 7-8 "
        "highly specialised",
    )


class OwnDigCompIn(BaseModel):
    """The whole self-assessment: competences left out are no longer assessed."""

    model_config = ConfigDict(extra="forbid")

    levels: list[OwnLevelIn] = Field(max_length=21, description="at most one per competence")
    assessed_on: IsoDate | None = Field(None, description="default today; not in the future")

    @field_validator("levels")
    @classmethod
    def _distinct(cls, value: list[OwnLevelIn]) -> list[OwnLevelIn]:
        ids = [v.competence_id for v in value]
        doubles = sorted({i for i in ids if ids.count(i) > 1})
        if doubles:
            raise ValueError(f"competence given more than once: {', '.join(doubles)}")
        return value


class OwnLevel(BaseModel):
    """A competence with the staff member's own level (None: not assessed)."""

    competence_id: str
    area: int
    name_nl: str
    name_en: str
    level: int | None
    assessed_on: date | None


class OwnDigComp(BaseModel):
    """The staff member's self-assessment: all 21 competences in DigComp's order."""

    account_id: UUID
    assessed: int = Field(description="competences with a level")
    competences: list[OwnLevel]


class PlanItemIn(BaseModel):
    """A module to add to the own learning plan."""

    model_config = ConfigDict(extra="forbid")

    module_id: UUID


class PlanItemPatch(BaseModel):
    """Mark a plan item done on a day, or not done (null)."""

    model_config = ConfigDict(extra="forbid")

    completed_on: IsoDate | None = Field(
        description="the day it was done (not in the future); null: not done"
    )


class PlanModule(BaseModel):
    """The module of a plan item or a suggestion."""

    module_id: UUID
    code: str
    title_nl: str
    title_en: str
    audience: Audience
    theme: Theme
    hours: int
    competences: list[Competence]


class PlanItem(PlanModule):
    """A module on the own learning plan."""

    added_on: date
    completed_on: date | None


class Raise(BaseModel):
    """A competence a suggested module raises: from the own level to the module's."""

    competence_id: str
    own_level: int
    module_level: int


class Suggestion(PlanModule):
    """A module of the audience that fits, teaching competences above the own levels."""

    raises: list[Raise]


class LearningPlan(BaseModel):
    """The own plan (open items first), and suggestions to add (digital skills first)."""

    audiences: list[Audience] = Field(description="the audiences of modules this account adds")
    items: list[PlanItem]
    suggestions: list[Suggestion]


class BandCount(BaseModel):
    """How many staff are in one band; withheld when it could point at fewer than 5 people."""

    band: Band
    levels: str = Field(description="the DigComp levels of the band, e.g. 3-4")
    staff: int | None = Field(description="null when withheld")
    withheld: Literal["fewer_than_5", "protected"] | None = Field(
        description="fewer_than_5: a group of 1-4 people; protected: the row holds a small "
        "group that could be worked out from the total, so this band and it are withheld "
        "alike (which of them is small is not told)"
    )


class PictureRow(BaseModel):
    """An area or competence: staff who assessed it, per band."""

    id: str
    name_nl: str
    name_en: str
    assessed: int | None = Field(description="staff who assessed it; null when fewer than 5")
    bands: list[BandCount]


class StaffPicture(BaseModel):
    """A WISE's staff digital skills: counts only, groups under 5 withheld."""

    organisation_id: UUID
    staff: int = Field(description="active admin and jobcoach accounts")
    assessed: int = Field(description="of them, with a self-assessment")
    min_group: int = MIN_GROUP
    areas: list[PictureRow] = Field(
        description="per DigComp area; a person's area level is the mean of the competences "
        "they assessed in it, rounded down"
    )
    competences: list[PictureRow]
