"""Organisations, accounts, tokens, page sessions and API keys as the API shows them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from services.core.access.policy import Actor, Role
from services.core.security import MIN_PASSWORD_LENGTH

# No setting may let a key live longer (OPSTAP_API_KEY_MAX_DAYS may only shorten it).
API_KEY_MAX_DAYS = 365

OrganisationKind = Literal["wise", "employer", "municipality"]


class OrganisationIn(BaseModel):
    """An organisation's public profile (its "digital window" for a WISE)."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    description: str | None = Field(None, max_length=5000, description="what it does")
    goods_and_services: str | None = Field(
        None, max_length=5000, description="what it makes, sells or offers"
    )
    support_offered: str | None = Field(
        None, max_length=5000, description="how it supports the people who work there"
    )
    website: str | None = Field(None, max_length=300, pattern=r"^https?://\S+$")
    postcode: str | None = Field(None, pattern=r"^[1-9][0-9]{3} ?[A-Za-z]{2}$")


class Organisation(OrganisationIn):
    """An organisation as stored."""

    model_config = ConfigDict(extra="ignore")

    id: UUID
    kind: OrganisationKind
    created_at: datetime


class AccountIn(BaseModel):
    """A new account in the admin's organisation."""

    model_config = ConfigDict(extra="forbid")

    email: EmailStr
    name: str = Field(min_length=1, max_length=200)
    role: Role
    # The schema states the policy's minimum; the service checks it and says why in its words.
    password: str = Field(
        min_length=1, max_length=256, json_schema_extra={"minLength": MIN_PASSWORD_LENGTH}
    )


class Account(BaseModel):
    """An account, never with its password hash."""

    id: UUID
    organisation_id: UUID
    email: str
    name: str
    role: Role
    active: bool
    created_at: datetime


class TokenPair(BaseModel):
    """What a sign-in returns (OAuth2 password flow)."""

    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int = Field(description="seconds until the access token expires")
    refresh_token: str


@dataclass(frozen=True)
class NewPageSession:
    """A page session just started: the token for the browser's cookie (shown this once;
    the database holds its hash) and who signed in."""

    token: str
    actor: Actor


class RefreshIn(BaseModel):
    """A refresh token to exchange or revoke."""

    model_config = ConfigDict(extra="forbid")

    refresh_token: str = Field(min_length=10, max_length=200)


class PasswordChangeIn(BaseModel):
    """The current password and the new one."""

    model_config = ConfigDict(extra="forbid")

    current_password: str = Field(min_length=1, max_length=256)
    new_password: str = Field(
        min_length=1, max_length=256, json_schema_extra={"minLength": MIN_PASSWORD_LENGTH}
    )


RevokedReason = Literal["owner", "admin", "password_change"]


class ApiKeyIn(BaseModel):
    """A name for a new API key, and how long it may live."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=100)
    expires_in_days: int | None = Field(
        None,
        ge=1,
        # Stated here; the service checks it against OPSTAP_API_KEY_MAX_DAYS (at most this).
        json_schema_extra={"maximum": API_KEY_MAX_DAYS},
        description="days until the key stops working: by default 90, at most 365 "
        "(OPSTAP_API_KEY_DAYS and OPSTAP_API_KEY_MAX_DAYS)",
    )


class ApiKey(BaseModel):
    """An API key without its secret."""

    id: UUID
    name: str
    prefix: str
    created_at: datetime
    expires_at: datetime = Field(description="when the key stops working")
    last_used_at: datetime | None = Field(
        description="its last use, to the minute (noted at most once a minute)"
    )
    revoked_at: datetime | None
    revoked_reason: RevokedReason | None = Field(
        description="who ended it: its owner, an admin, or a change of the owner's password"
    )


class NewApiKey(ApiKey):
    """An API key with its secret, shown this once."""

    key: str
