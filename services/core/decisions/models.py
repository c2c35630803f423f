"""Placement decisions and the decision log as the API shows them."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal
from uuid import UUID

from pydantic import BaseModel, Field, field_validator

DecisionKind = Literal["introduced", "trial_placement", "hired", "declined", "overridden"]


class DecisionIn(BaseModel):
    """A human decision on a person and a vacancy."""

    employee_id: UUID
    vacancy_id: UUID
    decision: DecisionKind
    reason: str | None = Field(
        None, max_length=1000, description="Why; required for declined and overridden."
    )
    suggestion_id: int | None = Field(
        None, ge=1, description="The shown suggestion this decision answers, when there is one."
    )

    @field_validator("reason")
    @classmethod
    def _strip(cls, value: str | None) -> str | None:
        return (value.strip() or None) if value is not None else None


class Decision(BaseModel):
    """A recorded decision, with the score and model behind the suggestion it answers."""

    id: UUID
    employee_id: UUID
    vacancy_id: UUID
    decision: DecisionKind
    reason: str | None
    suggestion_id: int | None
    score: float | None
    model_version: str | None
    decided_by: UUID | None
    decided_role: str
    decided_at: datetime


class LogEntry(BaseModel):
    """One line of the decision log: a suggestion shown, or a decision taken."""

    kind: Literal["suggestion", "decision"]
    id: str = Field(description="The suggestion's number or the decision's id.")
    at: datetime
    actor_id: UUID | None = Field(description="Shown to, or decided by (None once erased).")
    actor_name: str | None
    role: str
    employee_id: UUID
    employee_name: str
    vacancy_id: UUID | None
    vacancy_title: str | None
    occupation_uri: str | None
    context: str | None = Field(description="Where a suggestion was shown.")
    decision: DecisionKind | None
    reason: str | None
    suggestion_id: int | None
    score: float | None
    model_version: str | None
    explanation: dict[str, Any] | None = Field(description="Why the suggestion was made.")


class DecisionLog(BaseModel):
    """Suggestions and decisions, oldest first."""

    items: list[LogEntry]
    limit: int
    offset: int
