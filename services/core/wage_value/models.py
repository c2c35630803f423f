"""The wage value (loonwaarde) and the target group register (doelgroepregister) flag.

The loonwaarde is a person's productivity against a reference job, assessed with one uniform
method since July 2021; it sets the wage-cost subsidy. The doelgroepregister flag says whether
a job counts for the Banenafspraak. Both say something about what a person can do, so they
are special category data here: recorded with consent, read audited, shown to an employer
only when the person shares their profile with it.
"""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StrictBool, field_validator

from services.core.clock import IsoDate

DEFAULT_METHOD = "Uniforme loonwaardemethode"


class WageValueIn(BaseModel):
    """A wage value as assessed."""

    model_config = ConfigDict(extra="forbid")

    percentage: int = Field(ge=0, le=100, description="Productivity against the reference job.")
    reference_job: str = Field(min_length=1, max_length=200, description="e.g. medewerker groen")
    assessed_on: IsoDate = Field(description="The date of the assessment; not in the future.")
    method: str = Field(DEFAULT_METHOD, min_length=1, max_length=200)

    @field_validator("reference_job", "method", mode="before")
    @classmethod
    def _strip(cls, value: object) -> object:
        return value.strip() if isinstance(value, str) else value


class WageValue(BaseModel):
    """A recorded wage value; who recorded it is left out for an employer."""

    id: UUID
    employee_id: UUID
    percentage: int
    reference_job: str
    assessed_on: date
    method: str
    recorded_by: UUID | None
    recorded_by_name: str | None
    recorded_at: datetime


class RegisterIn(BaseModel):
    """Whether the person is in the doelgroepregister: yes, no, or null (not known)."""

    model_config = ConfigDict(extra="forbid")

    target_group_register: StrictBool | None


class WageValues(BaseModel):
    """A person's register flag and wage values, newest assessment first."""

    employee_id: UUID
    target_group_register: bool | None = Field(description="null: not known")
    wage_values: list[WageValue]
