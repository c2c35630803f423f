"""A job as the person opens it from their own pages."""

from __future__ import annotations

from uuid import UUID

from pydantic import BaseModel

from services.core.matching.models import MatchExplanation


class PersonJob(BaseModel):
    """A vacancy matched to the person or told to them, and how they fit it (none when the
    match is gone, e.g. since the vacancy closed)."""

    id: UUID
    status: str
    title: str
    description: str
    occupation_uri: str
    contract_kind: str
    ladder_rung: int
    hours_min: int
    hours_max: int
    postcode: str | None
    language: str | None
    language_cefr: str | None
    places: int
    organisation_name: str
    accommodations: list[str]
    score: float | None
    explanation: MatchExplanation | None
    told: bool
