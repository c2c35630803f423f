"""Stored matches as the API shows them (the explanation mirrors services/matcher/types.py)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal
from uuid import UUID

from pydantic import BaseModel, Field


class Evidence(BaseModel):
    """How one required skill is (or is not) covered."""

    skill_uri: str
    relation: Literal["essential", "optional"]
    credit: float
    via_uri: str | None = None
    person_level: int | None = None
    min_level: int = 1


class ConstraintResult(BaseModel):
    """One constraint's result, with a sentence in Dutch and English for the reader."""

    code: str
    status: Literal["pass", "fail", "unknown"]
    detail: dict[str, Any]
    key: str | None = Field(
        default=None,
        description="the sentence's catalogue key (null for matches stored before keys were)",
    )
    fields: dict[str, Any] = Field(default_factory=dict, description="what the sentence names")
    label_nl: str = Field(description="the sentence in Dutch, for the caller (you, or about them)")
    label_en: str = Field(description="the sentence in English, for the caller")


class MatchExplanation(BaseModel):
    """Why a pair scores what it scores."""

    score: float
    components: dict[str, float]
    matched: list[Evidence]
    related: list[Evidence]
    missing_essential: list[str]
    missing_optional: list[str]
    constraints: list[ConstraintResult]
    model_version: str
    labels: dict[str, dict[str, str | None]] = Field(
        default_factory=dict, description="skill URI -> its label in en and nl"
    )


class CandidateMatch(BaseModel):
    """A person matched to a vacancy."""

    employee_id: UUID
    name: str
    score: float
    explanation: MatchExplanation | None = Field(
        default=None, description="why, with ?explain=true (null without)"
    )
    computed_at: datetime


class VacancyMatches(BaseModel):
    """The candidates of one vacancy the caller may see, and how many others there are."""

    vacancy_id: UUID
    items: list[CandidateMatch]
    visible: int
    others: int  # matched people the caller may not see: a count only
    limit: int
    offset: int


class VacancyMatch(BaseModel):
    """An open vacancy matched to a person."""

    vacancy_id: UUID
    title: str
    organisation_id: UUID
    organisation_name: str
    contract_kind: str
    ladder_rung: int
    score: float
    explanation: MatchExplanation | None = Field(
        default=None, description="why, with ?explain=true (null without)"
    )
    computed_at: datetime


class EmployeeMatches(BaseModel):
    """The open vacancies that fit one person, best first."""

    employee_id: UUID
    items: list[VacancyMatch]
    total: int
    limit: int
    offset: int
