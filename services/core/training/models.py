"""Training modules and completion records as the API takes and shows them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
)

from services.core.clock import IsoDate
from services.core.csv_rows import ImportProblem
from services.core.paging import PageQuery
from services.core.partial import not_null_in_schema

ProviderKind = Literal["practice_certificate", "digital_skills", "on_the_job", "course"]
ModuleSort = Literal["title", "-title", "code", "level", "-level", "hours", "-hours"]
# Who a module is for (B-WISE's three curricula) and what it is about, digital skills first.
Audience = Literal["employee", "jobcoach", "manager"]
Theme = Literal["digital", "communication", "collaboration", "creativity", "vocational"]
AUDIENCES: tuple[str, ...] = ("employee", "jobcoach", "manager")
THEMES: tuple[str, ...] = ("digital", "communication", "collaboration", "creativity", "vocational")

# DigComp 2.2: five areas, 21 competences (DOMAIN.md, "Taxonomies").
DIGCOMP_COMPETENCES: tuple[str, ...] = (
    *("1.1", "1.2", "1.3"),
    *("2.1", "2.2", "2.3", "2.4", "2.5", "2.6"),
    *("3.1", "3.2", "3.3", "3.4"),
    *("4.1", "4.2", "4.3", "4.4"),
    *("5.1", "5.2", "5.3", "5.4"),
)

CODE_PATTERN = r"^[a-z0-9][a-z0-9_.-]{1,63}$"  # the table's CHECK
Code = Annotated[
    str,
    StringConstraints(pattern=CODE_PATTERN),
    Field(description="stable key for imports: 2-64 of a-z 0-9 _ . - (e.g. log-forklift)"),
]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Description = Annotated[str, StringConstraints(max_length=10_000)]
Level = Annotated[int, Field(ge=1, le=4, description="the skill level (1-4) the module reaches")]
Hours = Annotated[int, Field(ge=1, le=2000, description="study load in hours")]
SkillUri = Annotated[str, StringConstraints(min_length=1, max_length=500)]


def _no_duplicates(values: list[str], what: str) -> None:
    doubles = sorted({v for v in values if values.count(v) > 1})
    if doubles:
        raise ValueError(f"{what} given more than once: {', '.join(doubles)}")


def _known_competence(value: str) -> str:
    if value not in DIGCOMP_COMPETENCES:
        raise ValueError(
            "is no DigComp 2.2 competence; use 1.1-1.3, 2.1-2.6, 3.1-3.4, 4.1-4.4 or 5.1-5.4"
        )
    return value


CompetenceId = Annotated[
    str,
    AfterValidator(_known_competence),
    Field(
        description="DigComp 2.2 competence, 1.1 to 5.4",
        json_schema_extra={"enum": list(DIGCOMP_COMPETENCES)},
    ),
]


class CompetenceIn(BaseModel):
    """A DigComp 2.2 competence the module teaches, and to which proficiency level (1-8)."""

    model_config = ConfigDict(extra="forbid")

    competence_id: CompetenceId
    level: int = Field(ge=1, le=8, description="DigComp proficiency level, 1-8")


class _Lists(BaseModel):
    """The checks on what a module teaches, shared by create and update."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("skills", check_fields=False)
    @classmethod
    def _distinct_skills(cls, value: list[str] | None) -> list[str] | None:
        if value:
            _no_duplicates(value, "skill")
        return value

    @field_validator("competences", check_fields=False)
    @classmethod
    def _distinct_competences(cls, value: list[CompetenceIn] | None) -> list[CompetenceIn] | None:
        if value:
            _no_duplicates([c.competence_id for c in value], "competence")
        return value


class ModuleIn(_Lists):
    """A new training module; it must teach at least one skill or competence."""

    code: Code
    title_nl: Title
    title_en: Title
    provider_kind: ProviderKind
    level: Level
    hours: Hours
    description_nl: Description = ""
    description_en: Description = ""
    skills: list[SkillUri] = Field(
        default_factory=list, max_length=100, description="taxonomy skill URIs it teaches"
    )
    competences: list[CompetenceIn] = Field(default_factory=list, max_length=21)
    audience: Audience = Field(
        "employee",
        description="who it is for: employee (offered to people), jobcoach or manager (staff "
        "learning plans; never offered to a person)",
    )
    theme: Theme = Field("vocational", description="digital skills, or another theme")


class ModulePatch(_Lists):
    """The fields to change; lists given replace the old list."""

    # Left out keeps the value; null is refused, so the schema offers none.
    code: Code | None = Field(None, json_schema_extra=not_null_in_schema)
    title_nl: Title | None = Field(None, json_schema_extra=not_null_in_schema)
    title_en: Title | None = Field(None, json_schema_extra=not_null_in_schema)
    provider_kind: ProviderKind | None = Field(None, json_schema_extra=not_null_in_schema)
    level: Level | None = Field(None, json_schema_extra=not_null_in_schema)
    hours: Hours | None = Field(None, json_schema_extra=not_null_in_schema)
    description_nl: Description | None = Field(None, json_schema_extra=not_null_in_schema)
    description_en: Description | None = Field(None, json_schema_extra=not_null_in_schema)
    skills: list[SkillUri] | None = Field(
        None, max_length=100, json_schema_extra=not_null_in_schema
    )
    competences: list[CompetenceIn] | None = Field(
        None, max_length=21, json_schema_extra=not_null_in_schema
    )
    audience: Audience | None = Field(None, json_schema_extra=not_null_in_schema)
    theme: Theme | None = Field(None, json_schema_extra=not_null_in_schema)

    @field_validator("*")
    @classmethod
    def _not_null(cls, value: Any) -> Any:
        if value is None:
            raise ValueError("may not be null; leave it out to keep the current value")
        return value


INPUT_FIELDS: set[str] = set(ModuleIn.model_fields)


class Competence(BaseModel):
    """A competence of a module as stored."""

    competence_id: str
    level: int


class TrainingModule(BaseModel):
    """A module of the catalogue; inactive ones are no longer offered but stay readable."""

    id: UUID
    code: str
    title_nl: str
    title_en: str
    provider_kind: ProviderKind
    level: int
    hours: int
    description_nl: str
    description_en: str
    skills: list[str]
    competences: list[Competence]
    audience: Audience
    theme: Theme
    active: bool
    created_at: datetime
    updated_at: datetime


class ModuleFilter(PageQuery):
    """What a module list is narrowed to and ordered by."""

    skill_uri: str | None = Field(
        None,
        max_length=500,
        description="Modules that teach this skill, directly or through a DigComp "
        "competence mapped to it.",
    )
    competence_id: str | None = Field(
        None, pattern=r"^[1-5]\.[1-9]$", description="A DigComp 2.2 competence, e.g. 2.1."
    )
    provider_kind: ProviderKind | None = None
    audience: Audience | None = Field(
        None, description="Who it is for; an employee always sees only modules for employees."
    )
    theme: Theme | None = None
    q: str | None = Field(
        None, min_length=1, max_length=200, description="Words in a title (nl, en)."
    )
    include_inactive: bool = Field(False, description="Also modules no longer offered.")
    sort: ModuleSort = Field("title", description="`-` first for descending.")


class ModuleImportResult(BaseModel):
    """What an import did: new and changed modules (by code), and why rows were left out."""

    imported: int = Field(description="valid rows: created, changed or already the same")
    created: int
    updated: int
    errors: list[ImportProblem]
    ids: list[UUID] = Field(description="the modules of the valid rows, in file order")


class TrainingRecordIn(BaseModel):
    """A module the person completed, and when."""

    model_config = ConfigDict(extra="forbid")

    module_id: UUID
    completed_on: IsoDate = Field(description="not in the future")


class TrainingRecord(BaseModel):
    """A completed module, with its titles and who recorded it."""

    id: UUID
    employee_id: UUID
    module_id: UUID
    module_code: str
    title_nl: str
    title_en: str
    provider_kind: ProviderKind
    level: int
    completed_on: date
    recorded_by: UUID | None
    recorded_by_name: str | None
    created_at: datetime


class TrainingCompletion(TrainingRecord):
    """A new record and the skills it certified on the person's profile."""

    certified_skills: list[str] = Field(
        description="skills set to source certified or raised to the module's level now"
    )
