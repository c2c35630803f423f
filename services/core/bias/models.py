"""The bias report: figures per group, never people."""

from __future__ import annotations

from typing import Literal
from uuid import UUID

from pydantic import BaseModel, Field

Source = Literal["matches", "shown"]


class GroupFigures(BaseModel):
    """One group's selection rates and how they compare with the best-served group."""

    dimension: Literal["accommodation_needs", "age_band"]
    group: str
    people: int | None = Field(description="None when suppressed (fewer than min_group).")
    suppressed: bool
    compared: bool = Field(description="False for 'unknown' (no birth year) and suppressed.")
    suggested: int | None
    suggestion_rate: float | None = Field(description="Share with at least one suggestion.")
    suggestion_ratio: float | None = Field(description="Rate / the highest group's rate.")
    outcomes: int | None
    outcome_rate: float | None = Field(
        description="Share with at least one introduction, trial placement or hire."
    )
    outcome_ratio: float | None


class BiasReport(BaseModel):
    """Selection rates per group with adverse impact ratios; a warning under 0.8."""

    organisation_id: UUID | None = Field(description="The scope; None for all organisations.")
    source: Source
    threshold: float = Field(description="A stored match counts as a suggestion from here.")
    min_group: int
    year: int = Field(description="Ages are counted at this year.")
    groups: list[GroupFigures]
    warnings: list[str]
    notes: list[str]
