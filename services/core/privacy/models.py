"""What a person gets when they ask for their data (GDPR art. 15 and 20)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from pydantic import BaseModel, Field

Row = dict[str, Any]


class PersonalData(BaseModel):
    """Everything Opstap holds about one person, section by section, as plain JSON."""

    format: str = Field("opstap.personal-data.v1", description="version of this layout")
    exported_at: datetime
    employee_id: UUID
    profile: Row = Field(description="the employee record, with organisation and jobcoach name")
    skills: list[Row]
    languages: list[Row]
    accommodations: list[Row] = Field(description="accommodations the person needs")
    consents: list[Row] = Field(description="every consent, given and withdrawn")
    matches: list[Row] = Field(description="vacancies the matcher ranked, with explanation")
    notifications: list[Row] = Field(description="the person's own feed, with deliveries")
    notifications_about_you: list[Row] = Field(
        description="notifications about the person to others, by recipient role"
    )
    audit: list[Row] = Field(description="every read of the person's sensitive data")
    training_records: list[Row]
    suggestions: list[Row] = Field(description="suggestions about or shown to the person")
    placement_decisions: list[Row] = Field(description="human decisions on those suggestions")
    account: Row | None = Field(description="the person's login, without secrets")
    sessions: list[Row] = Field(description="sign-in sessions, without token material")
    api_keys: list[Row] = Field(description="API keys, without key material")
    notification_preference: Row | None
    digests: list[Row]
    ladder_changes: list[Row] = Field(
        description="every rung on the participation ladder, with its date and who decided"
    )
    logbook: list[Row] = Field(description="the jobcoach's dated notes about the person")
    capacity: list[Row] = Field(
        description="the work capacity: a level 0-4 per item, when assessed and who recorded it"
    )
    placement_followups: list[Row] = Field(
        description="the follow-up moments after each placement, with what was recorded"
    )
    learning_agreements: list[Row] = Field(
        description="practice-based learning: each agreement with its progress and result",
    )
    wage_values: list[Row] = Field(
        description="the wage values (loonwaarde) assessed; the register flag is in profile"
    )
