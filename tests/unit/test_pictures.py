"""The inline pictures: every id defined once on a page, every pattern a picture uses defined."""

from __future__ import annotations

import re
from collections import Counter

from services.api.pages import pictures

IDS = re.compile(r'\bid="([^"]+)"')
USES = re.compile(r"url\(#([^)]+)\)")


def _figure(uid: str) -> str:
    """A coverage bar and its legend's three swatches, as _pictures.html draws them."""
    found = pictures.Coverage(matched=2, related=1, missing=1)
    parts = [pictures.coverage_bar(found, uid, "2 van 4")]
    parts += [pictures.swatch(kind, uid) for kind in pictures.KINDS]
    return "".join(parts)


def test_two_coverage_pictures_on_one_page_define_each_id_once() -> None:
    page = _figure("cov-a") + _figure("cov-b")
    defined = Counter(IDS.findall(page))
    assert defined and max(defined.values()) == 1, defined


def test_every_pattern_a_picture_fills_with_is_defined() -> None:
    page = _figure("cov-a")
    assert set(USES.findall(page)) <= set(IDS.findall(page))
    assert len(set(USES.findall(page))) == 6  # three kinds in the bar, three swatches


def test_a_swatch_defines_only_its_own_kind() -> None:
    swatch = pictures.swatch("related", "cov-a")
    assert IDS.findall(swatch) == ["cov-a-s-related"]
