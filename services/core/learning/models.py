"""Practice-based learning with a ROC (praktijkleren) as the API takes and shows it: mbo
qualifications and their work processes, a person's learning agreements, progress and result."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from services.core.clock import IsoDate
from services.core.csv_rows import ImportProblem

CREBO_PATTERN = r"^[0-9]{5}$"  # the table's CHECK
WORK_PROCESS_PATTERN = r"^[A-Z][A-Z0-9-]{1,31}$"
Crebo = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=CREBO_PATTERN),
    Field(description="the qualification's crebo code: five digits (SBB's register)"),
]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Note = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)]
Status = Literal["active", "completed", "stopped"]
ProgressStatus = Literal["started", "shown"]
# A praktijkverklaring (SBB) states what the person showed at work; an mbo-certificaat is the
# college's certificate of part of a qualification. Both certify the work processes shown.
Result = Literal["praktijkverklaring", "mbo_certificaat"]


class WorkProcessSkill(BaseModel):
    """A taxonomy skill a work process covers, at the level (1-4) showing it certifies."""

    skill_uri: str
    level: int
    label_en: str | None = Field(description="the skill's name (null: not in the taxonomy)")
    label_nl: str | None = Field(description="its Dutch name, where the taxonomy has one")


class WorkProcess(BaseModel):
    """A work process (werkproces) of a qualification, e.g. B1-K1-W1."""

    id: UUID
    code: str
    title_nl: str
    title_en: str
    skills: list[WorkProcessSkill]


class QualificationSummary(BaseModel):
    """An mbo qualification in a list."""

    crebo: str
    title_nl: str
    title_en: str
    mbo_level: int = Field(description="mbo level 1 (Entree) to 4")
    work_processes: int = Field(description="how many work processes it has")


class Qualification(BaseModel):
    """An mbo qualification with its work processes and the skills each covers."""

    crebo: str
    title_nl: str
    title_en: str
    mbo_level: int
    work_processes: list[WorkProcess]


class QualificationImportResult(BaseModel):
    """What an import of a qualification file did, and each row it left out."""

    imported: int = Field(description="rows imported")
    qualifications: int = Field(description="qualifications created or updated")
    work_processes: int = Field(description="work processes created or updated")
    errors: list[ImportProblem]


class AgreementIn(BaseModel):
    """A new learning agreement: the qualification, who teaches, where, and the period."""

    model_config = ConfigDict(extra="forbid")

    crebo: Crebo
    college: Name = Field(description="the vocational college (ROC)")
    company: Name = Field(description="the recognised training company (erkend leerbedrijf)")
    trainer_name: Name = Field(description="the practice trainer (praktijkopleider)")
    starts_on: IsoDate
    ends_on: IsoDate = Field(description="the planned end; on or after starts_on")


class AgreementPatch(BaseModel):
    """Change an active agreement: the college, company, trainer or planned end, or stop it."""

    model_config = ConfigDict(extra="forbid")

    college: Name | None = None
    company: Name | None = None
    trainer_name: Name | None = None
    ends_on: IsoDate | None = None
    status: Literal["stopped"] | None = Field(
        None, description="`stopped` ends the agreement without a result"
    )


class ProgressIn(BaseModel):
    """Where the person is on one work process: started, or shown at work (assessed)."""

    model_config = ConfigDict(extra="forbid")

    status: ProgressStatus
    assessed_on: IsoDate = Field(description="the day; within the agreement, not in the future")
    note: Note = ""


class ResultIn(BaseModel):
    """How the agreement ended: the statement or certificate, and its date."""

    model_config = ConfigDict(extra="forbid")

    result: Result
    result_on: IsoDate = Field(description="the day it was given; not in the future")


class AgreementWorkProcess(BaseModel):
    """A work process of the agreement's qualification with the person's progress on it."""

    work_process_id: UUID
    code: str
    title_nl: str
    title_en: str
    status: ProgressStatus | None = Field(description="null: not started")
    assessed_on: date | None
    note: str
    recorded_by_name: str | None
    skills: list[WorkProcessSkill]


class Agreement(BaseModel):
    """A person's learning agreement with its progress per work process."""

    id: UUID
    employee_id: UUID
    crebo: str
    qualification_nl: str
    qualification_en: str
    mbo_level: int
    college: str
    company: str
    trainer_name: str
    starts_on: date
    ends_on: date
    status: Status
    result: Result | None
    result_on: date | None
    created_by_name: str | None
    created_at: datetime
    updated_at: datetime
    work_processes: list[AgreementWorkProcess]


class AgreementResult(Agreement):
    """The completed agreement and the skills its result certified now."""

    certified_skills: list[str] = Field(
        description="skill URIs that became certified or rose a level (the taxonomy's only)"
    )
