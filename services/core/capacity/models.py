"""Work capacity as the API shows and takes it: levels 0-4 on the items of items.py."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, field_validator

from services.core.capacity.items import BY_CODE
from services.core.clock import IsoDate

ITEM_PATTERN = r"^[a-z][a-z0-9_]{1,39}$"
MAX_ITEMS = 60


class LevelWords(BaseModel):
    """One level's words: what a person can, and what a job asks."""

    level: int
    can_nl: str
    can_en: str
    asks_nl: str
    asks_en: str


class ItemInfo(BaseModel):
    """One capacity item of the list, with its level words."""

    code: str
    category: str
    label_nl: str
    label_en: str
    levels: list[LevelWords]
    resolved_by: list[str] = Field(
        description="accommodations that can make a demand the person does not meet workable"
    )


class CategoryInfo(BaseModel):
    """One of the six categories, with its items."""

    code: str
    label_nl: str
    label_en: str
    items: list[ItemInfo]


class LevelIn(BaseModel):
    """A level on one item."""

    model_config = ConfigDict(extra="forbid")

    item: str = Field(pattern=ITEM_PATTERN, description="a code from GET /api/v1/capacity/items")
    level: int = Field(ge=0, le=4, description="0 (least) to 4 (most)")

    @field_validator("item")
    @classmethod
    def _known(cls, code: str) -> str:
        if code not in BY_CODE:
            raise ValueError("unknown item; see GET /api/v1/capacity/items")
        return code


def _unique(levels: list[LevelIn]) -> list[LevelIn]:
    seen: set[str] = set()
    for level in levels:
        if level.item in seen:
            raise ValueError(f"the item {level.item} is given twice")
        seen.add(level.item)
    return levels


class ProfileIn(BaseModel):
    """A person's whole capacity profile: it replaces the old one (an item left out has no
    level any more)."""

    model_config = ConfigDict(extra="forbid")

    levels: list[LevelIn] = Field(max_length=MAX_ITEMS)
    assessed_on: IsoDate | None = Field(None, description="when the levels were assessed")

    _unique_levels = field_validator("levels")(_unique)


class DemandsIn(BaseModel):
    """A vacancy's demands: they replace the old ones (none: the vacancy asks nothing)."""

    model_config = ConfigDict(extra="forbid")

    demands: list[LevelIn] = Field(max_length=MAX_ITEMS)

    _unique_demands = field_validator("demands")(_unique)


class Level(BaseModel):
    """A stored level of a person on one item."""

    item: str
    category: str
    level: int
    assessed_on: date | None
    recorded_by: UUID | None
    recorded_at: datetime


class Profile(BaseModel):
    """A person's capacity profile: the items with a level (an item without one is unknown)."""

    employee_id: UUID
    levels: list[Level]


class Demand(BaseModel):
    """A vacancy's demand on one item."""

    item: str
    category: str
    level: int


class Demands(BaseModel):
    """What a vacancy asks on the capacity items."""

    vacancy_id: UUID
    demands: list[Demand]
