"""The participation ladder over time: every rung a person was put on, when, and who decided."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, field_validator

from services.core.clock import IsoDate

NOTE_MAX = 500


class LadderMoveIn(BaseModel):
    """A move to another rung, recorded by a jobcoach or admin of the person's WISE."""

    model_config = ConfigDict(extra="forbid")

    rung: int = Field(ge=1, le=6, description="The rung the person is on from changed_on.")
    changed_on: IsoDate = Field(
        description="The day the move took effect: not in the future, and not before the "
        "newest move recorded already."
    )
    note: str | None = Field(
        None, max_length=NOTE_MAX, description="Why, in a few words (no medical information)."
    )

    @field_validator("note")
    @classmethod
    def _strip(cls, value: str | None) -> str | None:
        return (value.strip() or None) if value is not None else None


class LadderChange(BaseModel):
    """One rung a person was put on: from changed_on until the next change."""

    id: int
    employee_id: UUID
    rung: int
    previous_rung: int | None = Field(description="None for the first rung recorded.")
    changed_on: date
    decided_by: UUID | None = Field(description="The account that decided (None once erased).")
    decided_by_name: str | None
    decided_role: str | None
    note: str | None
    recorded_at: datetime


class LadderHistory(BaseModel):
    """A person's rungs over time, oldest first, and how long they are on the current one."""

    employee_id: UUID
    current_rung: int
    on_rung_since: date | None = Field(description="changed_on of the newest change.")
    months_on_rung: int | None = Field(description="Whole months on the current rung until today.")
    changes: list[LadderChange]
