"""The jobcoach's logbook: dated notes on a person, for the person and those who guide them."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, field_validator

from services.core.clock import IsoDate

BODY_MAX = 4000


class LogbookEntryIn(BaseModel):
    """A note: agreements, what was seen, what works. Never medical information or diagnoses."""

    model_config = ConfigDict(extra="forbid")

    happened_on: IsoDate = Field(description="The day the note is about; not in the future.")
    body: str = Field(
        min_length=1,
        max_length=BODY_MAX,
        description="Agreements, what you saw and what works; no medical information.",
    )

    @field_validator("body")
    @classmethod
    def _strip(cls, value: str) -> str:
        return value.strip()


class LogbookEntry(BaseModel):
    """A note as stored, with who wrote it."""

    id: UUID
    employee_id: UUID
    happened_on: date
    body: str
    written_by: UUID | None = Field(description="The writer's account (None once erased).")
    written_by_name: str | None
    written_role: str
    written_at: datetime
