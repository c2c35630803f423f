"""The outcome report as the API and the page show it: figures only, never people."""

from __future__ import annotations

from datetime import date
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, Field

PlacementKind = Literal["trial_placement", "hired"]


class Period(BaseModel):
    """The days the report covers, both included."""

    start: date
    end: date


class RungCount(BaseModel):
    """People on one rung of the participation ladder at the start and at the end."""

    rung: int = Field(ge=1, le=6)
    start: int
    end: int


class Moves(BaseModel):
    """Rung changes that took effect in the period."""

    up: int = Field(description="moves one or more rungs up")
    down: int = Field(description="moves one or more rungs down")
    people_up: int = Field(description="people with at least one move up")
    people_down: int = Field(description="people with at least one move down")


class PlacementCount(BaseModel):
    """Trial placements or hires decided in the period."""

    kind: PlacementKind
    placements: int
    people: int


class Retention(BaseModel):
    """The follow-up moments at `months` due in the period."""

    months: Literal[3, 6, 12]
    recorded: int = Field(description="moments recorded")
    still_working: int = Field(description="of those recorded, the person still worked there")
    open: int = Field(description="moments due in the period and not recorded (yet)")
    rate: float | None = Field(description="still_working / recorded; None without any")


class TimeToPlacement(BaseModel):
    """Days from the first vacancy suggested to a person to their first placement."""

    people_placed: int = Field(description="people with a trial placement or hire in the period")
    measured: int = Field(description="of those, people with a suggestion before it")
    median_days: float | None
    source: str = Field(
        description="where the first match comes from: the suggestion log (stored matches "
        "are recomputed and keep no date of their own)"
    )


class OutcomeReport(BaseModel):
    """A WISE's outcomes over a period, as counts (small numbers are kept: the WISE's own
    staff read them; no figure names or describes one person)."""

    organisation_id: UUID
    period: Period
    rungs: list[RungCount] = Field(description="rungs 1 to 6")
    people_start: int
    people_end: int
    moves: Moves
    placements: list[PlacementCount]
    retention: list[Retention] = Field(description="at 3, 6 and 12 months")
    time_to_placement: TimeToPlacement
    notes: list[str]
