"""The pages' pictures, without a server: sound SVG that never rely on colour alone (the texts
are checked in tests/unit/test_texts.py)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from services.api.pages import pictures, render

SVG = "{http://www.w3.org/2000/svg}"


def _svg(markup: str) -> ET.Element:
    return ET.fromstring(str(markup))


def test_the_coverage_bar_is_proportional_and_patterned() -> None:
    coverage = pictures.Coverage(matched=3, related=1, missing=4)
    bar = _svg(pictures.coverage_bar(coverage, "c1", "3 of 8 present"))
    assert bar.get("role") == "img" and bar.get("aria-label") == "3 of 8 present"
    segments = [r for r in bar.findall(f"{SVG}rect") if str(r.get("fill")).startswith("url(")]
    fills = [r.get("fill") for r in segments]
    assert fills == ["url(#c1-matched)", "url(#c1-related)", "url(#c1-missing)"]
    widths = [float(r.get("width", 0)) for r in segments if r.get("fill") in fills]
    assert widths[0] / widths[1] == pytest.approx(3) and widths[2] / widths[1] == pytest.approx(4)
    patterns = {p.get("id"): p for p in bar.iter(f"{SVG}pattern")}
    assert set(patterns) == {"c1-matched", "c1-related", "c1-missing"}
    # Beside the colour: stripes for related, dots and a dashed edge for missing.
    assert patterns["c1-related"].get("patternTransform") == "rotate(45)"
    assert list(patterns["c1-missing"].iter(f"{SVG}circle"))
    assert any(r.get("stroke-dasharray") for r in segments)
    assert {pictures.symbol(k) for k in pictures.KINDS} == {"✓", "≈", "✗"}


def test_an_empty_coverage_draws_only_the_frame() -> None:
    bar = _svg(pictures.coverage_bar(pictures.Coverage(0, 0, 0), "c2", "none"))
    assert [r.get("fill") for r in bar.findall(f"{SVG}rect")] == ["#ffffff"]


def test_levels_fill_as_many_cells_as_the_level() -> None:
    for level, filled in ((0, 0), (3, 3), (8, 8), (12, 8), (-1, 0)):
        cells = list(_svg(pictures.level_cells(level)).iter(f"{SVG}rect"))
        assert len(cells) == 8
        assert sum(c.get("fill") == "#1d4f9e" for c in cells) == filled


def test_decorations_are_hidden_from_screen_readers() -> None:
    for markup in (
        pictures.swatch("related", "s"),
        pictures.level_cells(2),
        pictures.path_marker(1, current=True),
        pictures.path_arrow(),
        render.icon("work"),
    ):
        svg = _svg(markup)
        assert svg.get("aria-hidden") == "true" and svg.get("focusable") == "false"
