"""One page of a list and the window a list is asked for (core/paging.py)."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ValidationError

from services.core.paging import Page, PageQuery


class Item(BaseModel):
    name: str


def test_a_page_serialises_as_items_total_limit_offset() -> None:
    page = Page[Item](items=[Item(name="a")], total=7, limit=1, offset=3)
    assert page.model_dump(mode="json") == {
        "items": [{"name": "a"}],
        "total": 7,
        "limit": 1,
        "offset": 3,
    }


def test_a_page_checks_its_items() -> None:
    with pytest.raises(ValidationError):
        Page[Item].model_validate({"items": [{"title": "a"}], "total": 1, "limit": 1, "offset": 0})


def test_the_window_defaults_to_the_first_twenty() -> None:
    assert PageQuery().model_dump() == {"limit": 20, "offset": 0}


@pytest.mark.parametrize(
    ("window", "field"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 101}, "limit"),
        ({"offset": -1}, "offset"),
        ({"offset": 1_000_001}, "offset"),
        ({"limit": "ten"}, "limit"),
    ],
)
def test_a_window_out_of_bounds_names_its_field(window: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        PageQuery.model_validate(window)
    assert [e["loc"] for e in caught.value.errors()] == [(field,)]
