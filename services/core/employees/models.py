"""Employees (people on a participation route), their consent, and the views each role gets.

There is deliberately no diagnosis or health field: support needs are recorded only as
accommodation codes (functional needs), and unknown fields are rejected. The jobcoach's notes
are free text, so the pages ask for functional needs and agreements only; employers never see
them (they are not in the shared profile).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, EmailStr, Field, StringConstraints, field_validator

from services.core.accommodations.models import CODE_PATTERN
from services.core.clock import IsoDate
from services.core.paging import PageQuery
from services.core.partial import not_null_in_schema
from services.core.vacancies.models import Cefr, ContractKind

# Where the person works or takes part now, in the vocabulary of placement kinds that vacancies
# use for contract_kind (DOMAIN.md, "Kinds of placement"); None when unknown or not working.
WorkSetting = ContractKind
SkillSource = Literal["self", "observed", "certified"]
ConsentPurpose = Literal["matching", "share_with_employer"]
EmployeeSort = Literal["name", "-name", "ladder_rung", "-ladder_rung", "updated_at", "-updated_at"]

POSTCODE_PATTERN = r"^[1-9][0-9]{3} ?[A-Za-z]{2}$"
NOTES_MAX = 2000  # as the CHECK of employee.notes (migration 0015)
Uri = Annotated[str, StringConstraints(min_length=1, max_length=500)]
Code = Annotated[str, StringConstraints(pattern=CODE_PATTERN)]


class LanguageIn(BaseModel):
    """A language the person speaks, at a CEFR level."""

    model_config = ConfigDict(extra="forbid")

    language: str = Field(pattern=r"^[a-z]{2}$", description="ISO 639-1, e.g. nl")
    cefr: Cefr


class SkillIn(BaseModel):
    """A skill (taxonomy URI) at a level from 1 (beginner) to 4 (can teach it)."""

    model_config = ConfigDict(extra="forbid")

    skill_uri: Uri
    level: int = Field(ge=1, le=4)
    source: SkillSource = "self"
    assessed_on: IsoDate | None = None


def _no_duplicates(values: list[Any], key: str | None, what: str) -> list[Any]:
    seen = [getattr(v, key) if key else v for v in values]
    doubles = sorted({s for s in seen if seen.count(s) > 1})
    if doubles:
        raise ValueError(f"{what} given more than once: {', '.join(doubles)}")
    return values


class _ProfileFields(BaseModel):
    """Fields shared by create and update; every one optional here."""

    model_config = ConfigDict(extra="forbid")

    email: EmailStr | None = None
    phone: str | None = Field(None, pattern=r"^\+?[0-9 ()-]{6,20}$")
    postcode: str | None = Field(None, pattern=POSTCODE_PATTERN, description="e.g. 1234 AB")
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)
    current_occupation_uri: Uri | None = None
    work_setting: WorkSetting | None = None
    target_occupation_uri: Uri | None = None
    hours_min: int | None = Field(None, ge=0, le=60)
    hours_max: int | None = Field(None, ge=0, le=60)
    max_travel_km: int | None = Field(None, ge=0, le=500)
    birth_year: int | None = Field(
        None, ge=1900, le=2100, description="optional; only for bias monitoring by age band"
    )
    jobcoach_id: UUID | None = None
    account_id: UUID | None = Field(None, description="the person's own login (role employee)")
    notes: str | None = Field(
        None,
        max_length=NOTES_MAX,
        description="the jobcoach's notes: functional needs and agreements, never a diagnosis; "
        "not shared with employers",
    )

    @field_validator("notes")
    @classmethod
    def _blank_notes(cls, value: str | None) -> str | None:
        return value.strip() or None if value is not None else None

    @field_validator("postcode")
    @classmethod
    def _normalise_postcode(cls, value: str | None) -> str | None:
        return value.replace(" ", "").upper() if value else value

    @field_validator("skills", check_fields=False)
    @classmethod
    def _unique_skills(cls, value: list[SkillIn] | None) -> list[SkillIn] | None:
        return _no_duplicates(value, "skill_uri", "skill") if value else value

    @field_validator("languages", check_fields=False)
    @classmethod
    def _unique_languages(cls, value: list[LanguageIn] | None) -> list[LanguageIn] | None:
        return _no_duplicates(value, "language", "language") if value else value

    @field_validator("accommodations", check_fields=False)
    @classmethod
    def _unique_codes(cls, value: list[str] | None) -> list[str] | None:
        return _no_duplicates(value, None, "accommodation") if value else value


class EmployeeIn(_ProfileFields):
    """A new employee record."""

    name: str = Field(min_length=1, max_length=200)
    ladder_rung: int = Field(ge=1, le=6, description="participation ladder, 1 to 6")
    languages: list[LanguageIn] = Field(default_factory=list, max_length=20)
    skills: list[SkillIn] = Field(default_factory=list, max_length=200)
    accommodations: list[Code] = Field(
        default_factory=list, max_length=40, description="codes from GET /api/v1/accommodations"
    )


class EmployeePatch(_ProfileFields):
    """A partial update: only the fields given change; lists replace the old list."""

    # Left out keeps the value; null is refused, so the schema offers none.
    name: str | None = Field(
        None, min_length=1, max_length=200, json_schema_extra=not_null_in_schema
    )
    ladder_rung: int | None = Field(None, ge=1, le=6, json_schema_extra=not_null_in_schema)
    languages: list[LanguageIn] | None = Field(
        None, max_length=20, json_schema_extra=not_null_in_schema
    )
    skills: list[SkillIn] | None = Field(None, max_length=200, json_schema_extra=not_null_in_schema)
    accommodations: list[Code] | None = Field(
        None, max_length=40, json_schema_extra=not_null_in_schema
    )

    @field_validator("name", "ladder_rung", "languages", "skills", "accommodations")
    @classmethod
    def _not_null(cls, value: Any) -> Any:
        if value is None:
            raise ValueError("may not be null; leave it out to keep the current value")
        return value


class Language(BaseModel):
    """A language as stored."""

    language: str
    cefr: Cefr


class Skill(BaseModel):
    """A skill as stored."""

    skill_uri: str
    level: int
    source: SkillSource
    assessed_on: date | None


class SharedProfile(BaseModel):
    """What an employer sees of a person who shares their profile with it: no contact details,
    no address or coordinates, no jobcoach."""

    model_config = ConfigDict(extra="ignore")

    id: UUID
    name: str
    ladder_rung: int
    current_occupation_uri: str | None
    hours_min: int | None
    hours_max: int | None
    languages: list[Language]
    skills: list[Skill]
    accommodations: list[Code] = Field(description="accommodations the person needs")


class Employee(SharedProfile):
    """The whole record, for the person, their jobcoach and their organisation's admin."""

    organisation_id: UUID
    account_id: UUID | None
    jobcoach_id: UUID | None
    email: str | None
    phone: str | None
    postcode: str | None
    latitude: float | None
    longitude: float | None
    work_setting: WorkSetting | None
    target_occupation_uri: str | None
    max_travel_km: int | None
    birth_year: int | None
    notes: str | None = Field(description="the jobcoach's notes; never shown to employers")
    created_at: datetime
    updated_at: datetime


class EmployeeFilter(PageQuery):
    """Filters, order and page of the employee list."""

    ladder_rung: int | None = Field(None, ge=1, le=6)
    jobcoach_id: UUID | None = None
    q: str | None = Field(None, min_length=1, max_length=100, description="in name")
    has_accommodation: str | None = Field(
        None, pattern=CODE_PATTERN, description="people who need this code"
    )
    sort: EmployeeSort = Field("name", description="a leading - sorts descending")


class ConsentIn(BaseModel):
    """Consent for one purpose; sharing names the employer (and optionally its vacancy)."""

    model_config = ConfigDict(extra="forbid")

    purpose: ConsentPurpose
    employer_id: UUID | None = Field(None, description="required for share_with_employer")
    vacancy_id: UUID | None = Field(None, description="a vacancy of that employer")


class Consent(BaseModel):
    """A consent as recorded, with who gave and who withdrew it, and when."""

    id: UUID
    employee_id: UUID
    purpose: ConsentPurpose
    employer_id: UUID | None
    employer_name: str | None
    vacancy_id: UUID | None
    given_at: datetime
    given_by: UUID | None
    given_by_name: str | None
    withdrawn_at: datetime | None
    withdrawn_by: UUID | None
    withdrawn_by_name: str | None
    active: bool


class AuditEntry(BaseModel):
    """One read of sensitive data about a person."""

    at: datetime
    actor_id: UUID | None
    actor_role: str
    action: str
    fields: list[str]
    purpose: str
    request_id: str | None
