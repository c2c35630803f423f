"""One page of a list: the items, how many match in all, and which window of them this is."""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a list; `total` counts every match, not just this page."""

    items: list[T]
    total: int
    limit: int
    offset: int


class PageQuery(BaseModel):
    """Which window of a list to show; a list's filters extend it, and the API reads them from
    the query string (`Annotated[Filters, Query()]`), so each bound is declared here once."""

    limit: int = Field(20, ge=1, le=100, description="Page size.")
    offset: int = Field(0, ge=0, le=1_000_000, description="Results to skip.")
