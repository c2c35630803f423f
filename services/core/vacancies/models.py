"""Vacancies as the API takes and shows them; the ladder rung follows from the contract kind."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
)

from services.core.accommodations.models import CODE_PATTERN
from services.core.clock import IsoDate
from services.core.csv_rows import ImportProblem
from services.core.paging import PageQuery

ContractKind = Literal[
    "regular",
    "regular_with_wage_subsidy",
    "sheltered",
    "wise_paid",
    "work_experience",
    "volunteer",
    "day_activity",
]
VacancyStatus = Literal["draft", "open", "filled", "closed"]
Relation = Literal["essential", "optional"]
Cefr = Literal["A1", "A2", "B1", "B2", "C1", "C2"]
Sort = Literal["title", "-title", "created_at", "-created_at", "closing_date", "-closing_date"]

# The participation ladder (VNG) rung each kind of placement stands on; see DOMAIN.md.
LADDER_RUNG: dict[str, int] = {
    "day_activity": 3,
    "volunteer": 4,
    "work_experience": 4,
    "sheltered": 5,
    "wise_paid": 5,
    "regular_with_wage_subsidy": 5,
    "regular": 6,
}

_POSTCODE = re.compile(r"^([1-9][0-9]{3}) ?([A-Za-z]{2})$")


def normalise_postcode(value: str | None) -> str | None:
    """A Dutch postcode as `1234AB`; ValueError when it is not one."""
    if value is None:
        return None
    found = _POSTCODE.match(value.strip())
    if found is None:
        raise ValueError("must be a Dutch postcode such as 1234 AB")
    return found[1] + found[2].upper()


Title = Annotated[str, Field(min_length=1, max_length=200)]
Description = Annotated[str, Field(max_length=10_000)]
Uri = Annotated[str, Field(min_length=1, max_length=500)]
Hours = Annotated[int, Field(ge=0, le=60, description="hours a week")]
Postcode = Annotated[
    str | None, AfterValidator(normalise_postcode), Field(description="e.g. 1234 AB")
]
Latitude = Annotated[float | None, Field(ge=-90, le=90)]
Longitude = Annotated[float | None, Field(ge=-180, le=180)]
Places = Annotated[int, Field(ge=1, le=500)]
AccommodationCode = Annotated[str, Field(pattern=CODE_PATTERN)]


class VacancySkillIn(BaseModel):
    """A skill the job asks for, and the least level (1-4) it needs."""

    model_config = ConfigDict(extra="forbid")

    skill_uri: Uri
    relation: Relation = "essential"
    min_level: int = Field(1, ge=1, le=4)


class LanguageRequirement(BaseModel):
    """The language the work is done in and the least CEFR level it needs."""

    model_config = ConfigDict(extra="forbid")

    language: str = Field(pattern=r"^[a-z]{2}$", description="ISO 639-1, e.g. nl")
    cefr: Cefr


def _no_duplicates(items: list[Any], key: str, what: str) -> None:
    seen: set[str] = set()
    for item in items:
        value = getattr(item, key) if isinstance(item, BaseModel) else item
        if value in seen:
            raise ValueError(f"{what} {value} is listed twice")
        seen.add(value)


class VacancyIn(BaseModel):
    """A vacancy as an employer writes it; the ladder rung is derived, never sent."""

    model_config = ConfigDict(extra="forbid")

    title: Title
    description: Description = ""
    occupation_uri: Uri
    contract_kind: ContractKind
    hours_min: Hours
    hours_max: Hours
    skills: list[VacancySkillIn] = Field(default_factory=list, max_length=200)
    postcode: Postcode = None
    latitude: Latitude = None
    longitude: Longitude = Field(None, validate_default=True)
    accommodations: list[AccommodationCode] = Field(default_factory=list, max_length=50)
    language: LanguageRequirement | None = None
    places: Places = 1
    closing_date: IsoDate | None = None

    @field_validator("hours_max")
    @classmethod
    def _hours_in_order(cls, value: int, info: ValidationInfo) -> int:
        low = info.data.get("hours_min")
        if low is not None and value < low:
            raise ValueError(f"must be at least hours_min ({low})")
        return value

    @field_validator("longitude")
    @classmethod
    def _both_coordinates(cls, value: float | None, info: ValidationInfo) -> float | None:
        if "latitude" in info.data and (info.data["latitude"] is None) != (value is None):
            raise ValueError("give latitude and longitude together, or neither")
        return value

    @field_validator("skills")
    @classmethod
    def _distinct_skills(cls, value: list[VacancySkillIn]) -> list[VacancySkillIn]:
        _no_duplicates(value, "skill_uri", "skill")
        return value

    @field_validator("accommodations")
    @classmethod
    def _distinct_codes(cls, value: list[str]) -> list[str]:
        _no_duplicates(value, "code", "accommodation")
        return value


class VacancyPatch(BaseModel):
    """The fields to change; what is left out stays, null clears an optional field."""

    model_config = ConfigDict(extra="forbid")

    title: Title | None = None
    description: Description | None = None
    occupation_uri: Uri | None = None
    contract_kind: ContractKind | None = None
    hours_min: Hours | None = None
    hours_max: Hours | None = None
    skills: list[VacancySkillIn] | None = Field(None, max_length=200)
    postcode: Postcode = None
    latitude: Latitude = None
    longitude: Longitude = None
    accommodations: list[AccommodationCode] | None = Field(None, max_length=50)
    language: LanguageRequirement | None = None
    places: Places | None = None
    closing_date: IsoDate | None = None


class OrganisationRef(BaseModel):
    """The organisation (employer or WISE) that posted a vacancy."""

    id: UUID
    name: str


class VacancySkill(VacancySkillIn):
    """A skill of a vacancy as stored."""

    model_config = ConfigDict(extra="ignore")


class Vacancy(BaseModel):
    """A vacancy as stored, with its derived ladder rung and its organisation."""

    id: UUID
    organisation: OrganisationRef
    status: VacancyStatus
    title: str
    description: str
    occupation_uri: str
    contract_kind: ContractKind
    ladder_rung: int = Field(description="participation ladder rung, from the contract kind")
    hours_min: int
    hours_max: int
    skills: list[VacancySkill]
    postcode: str | None
    latitude: float | None
    longitude: float | None
    accommodations: list[str]
    language: LanguageRequirement | None
    places: int
    closing_date: date | None
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None
    carved: bool = Field(
        False, description="carved from its occupation's tasks (job carving, /carving)"
    )
    left_out: list[str] = Field(
        default_factory=list,
        description="for a carved vacancy: the occupation's skills it does not ask for (the "
        "tasks taken out of the full job), essential first; empty otherwise",
    )


class VacancyFilter(PageQuery):
    """What a vacancy list is narrowed to and ordered by."""

    status: VacancyStatus | None = None
    contract_kind: ContractKind | None = None
    ladder_rung: int | None = Field(None, ge=1, le=6)
    organisation_id: UUID | None = None
    occupation_uri: str | None = Field(None, max_length=500)
    q: str | None = Field(None, max_length=200, description="Words in the title.")
    sort: Sort = Field("-created_at", description="`-` first for descending.")


class ImportResult(BaseModel):
    """What an import did: the rows imported and why the others were not."""

    imported: int
    errors: list[ImportProblem]
    ids: list[UUID]
