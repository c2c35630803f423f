"""Follow-up moments after a placement, as the API and the pages show them.

A moment is created for each of 1, 3, 6 and 12 months after the first trial placement or hire
of a person at a vacancy. Its answers (still working, hours, support needed, satisfaction) are
about the work and the support it takes, never about health.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StrictBool, field_validator

MONTHS = (1, 3, 6, 12)
# A coach may visit before the moment is due, but not this many days or more before it.
EARLY_DAYS = 14
# A placement is a trial placement or a hire in the decision log.
PLACEMENT_DECISIONS = frozenset({"trial_placement", "hired"})
State = Literal["recorded", "overdue", "due", "later"]


def _blank(value: str | None) -> str | None:
    return (value.strip() or None) if value is not None else None


class FollowupIn(BaseModel):
    """What the jobcoach found at a follow-up moment."""

    model_config = ConfigDict(extra="forbid")

    still_working: StrictBool = Field(description="Does the person still work there?")
    hours: int | None = Field(
        None, ge=0, le=60, description="Hours a week now; leave out when not working."
    )
    support_needed: str | None = Field(
        None,
        max_length=1000,
        description="Support the work still needs (functional needs, never a diagnosis).",
    )
    satisfaction: int | None = Field(
        None, ge=1, le=5, description="How content the person is, 1 (not) to 5 (very)."
    )
    note: str | None = Field(None, max_length=2000, description="Anything else, no medical data.")

    @field_validator("support_needed", "note")
    @classmethod
    def _strip(cls, value: str | None) -> str | None:
        return _blank(value)


class Followup(BaseModel):
    """One follow-up moment, recorded or not."""

    id: UUID
    employee_id: UUID
    vacancy_id: UUID
    decision_id: UUID | None
    months: Literal[1, 3, 6, 12]
    due_on: date
    record_from: date = Field(description="The first day it may be recorded (a visit early).")
    state: State = Field(description="recorded; overdue (past due); due (may be recorded); later")
    still_working: bool | None
    hours: int | None
    support_needed: str | None
    satisfaction: int | None
    note: str | None
    recorded_at: datetime | None
    recorded_by: UUID | None
    recorded_by_name: str | None
    reminded_at: datetime | None


class Placement(BaseModel):
    """A person's placement at a vacancy, with its follow-up moments (1, 3, 6, 12 months)."""

    vacancy_id: UUID
    vacancy_title: str
    organisation_name: str
    status: str | None = Field(description="The newest decision on the pair: trial, hire, decline")
    placed_on: date | None = Field(description="The date of the first trial placement or hire.")
    followups: list[Followup]


class PlacementFollowups(BaseModel):
    """Every placement of a person with its follow-up moments, newest placement first."""

    employee_id: UUID
    placements: list[Placement]


class FollowupDue(BaseModel):
    """A follow-up moment that may be recorded now (due within the early window, or overdue)."""

    id: UUID
    employee_id: UUID
    employee_name: str
    vacancy_id: UUID
    vacancy_title: str
    months: int
    due_on: date
    overdue: bool
