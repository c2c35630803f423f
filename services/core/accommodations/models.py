"""The accommodation vocabulary: functional support a workplace can offer."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

CODE_PATTERN = r"^[a-z][a-z0-9_]{1,39}$"


class AccommodationIn(BaseModel):
    """A new accommodation in the vocabulary (admins)."""

    model_config = ConfigDict(extra="forbid")

    code: str = Field(pattern=CODE_PATTERN, description="e.g. quiet_workspace")
    label_nl: str = Field(min_length=1, max_length=100)
    label_en: str = Field(min_length=1, max_length=100)
    description_nl: str | None = Field(None, max_length=1000)
    description_en: str | None = Field(None, max_length=1000)


class Accommodation(AccommodationIn):
    """An accommodation as stored."""

    model_config = ConfigDict(extra="ignore")
