"""The caseload as a coach's pages show it."""

from __future__ import annotations

from datetime import datetime
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, Field

from services.core.followup.models import FollowupDue
from services.core.paging import PageQuery

# A column to sort on; a leading - sorts descending.
SortKey = Literal["name", "rung", "best", "open", "changed", "profile"]
SORT_KEYS: tuple[SortKey, ...] = ("name", "rung", "best", "open", "changed", "profile")
Sort = Literal[
    "name",
    "-name",
    "rung",
    "-rung",
    "best",
    "-best",
    "open",
    "-open",
    "changed",
    "-changed",
    "profile",
    "-profile",
]


class CaseloadFilter(PageQuery):
    """Filters, order and page of the caseload."""

    ladder_rung: int | None = Field(None, ge=1, le=6)
    q: str | None = Field(None, min_length=1, max_length=100, description="in name")
    sort: Sort = Field("name", description="a leading - sorts descending")


class CaseloadRow(BaseModel):
    """One person in the caseload."""

    id: UUID
    name: str
    ladder_rung: int
    best_score: float | None = Field(description="best stored match on an open vacancy")
    best_vacancy_id: UUID | None
    best_title: str | None
    open_steps: int = Field(description="introductions and trial placements awaiting an answer")
    last_change: datetime = Field(description="profile changed or a decision taken, the newest")
    profile_gaps: int = Field(
        0, description="missing parts and stale skills of the profile (outcomes.completeness)"
    )


class BestMatch(BaseModel):
    """A match at or above the threshold for 'fits' that nobody decided on yet."""

    employee_id: UUID
    employee_name: str
    vacancy_id: UUID
    title: str
    organisation_name: str
    score: float


class OpenStep(BaseModel):
    """An introduction or trial placement that awaits an answer."""

    employee_id: UUID
    employee_name: str
    vacancy_id: UUID
    title: str
    organisation_name: str
    decision: Literal["introduced", "trial_placement"]
    decided_at: datetime


class Overview(BaseModel):
    """Across the whole caseload: the best matches and the open steps."""

    min_score: float
    best_matches: list[BestMatch]
    best_total: int
    open_steps: list[OpenStep]
    open_total: int
    followups_due: list[FollowupDue] = Field(
        default_factory=list, description="follow-up moments to record now, overdue first"
    )
    followups_total: int = 0
