"""The pages' texts and pictures, without a server: both languages say the same things, every
key a page uses exists, employees' texts stay short, and the pictures are sound SVG that never
rely on colour alone."""

from __future__ import annotations

import re
import string
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import get_args

import pytest

from services.api.pages import pictures, render, suggestions
from services.api.pages.messages import CATALOGUE, EN, NL
from services.core.decisions.models import DecisionKind
from services.core.vacancies.models import ContractKind, VacancyStatus
from services.core.vacancies.service import TRANSITIONS

PAGES = Path(render.__file__).parent
STATIC_KEY = re.compile(r"""\bt\(\s*["']([a-z_]+(?:\.[a-z_0-9]+)+)["']""")
SVG = "{http://www.w3.org/2000/svg}"


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_languages_have_the_same_keys_and_placeholders() -> None:
    assert set(NL) == set(EN)
    different = [k for k in NL if _placeholders(NL[k]) != _placeholders(EN[k])]
    assert different == []
    assert all(NL[k].strip() and EN[k].strip() for k in NL)


def test_every_key_a_page_names_is_in_the_catalogue() -> None:
    sources = [*PAGES.glob("*.py"), *(PAGES.parent / "templates").glob("*.html")]
    found = {key for path in sources for key in STATIC_KEY.findall(path.read_text())}
    named = {key for key in found if not key.endswith("_")}  # "decision.state_" ~ state
    assert len(named) > 150
    assert sorted(named - set(NL)) == []


@pytest.mark.parametrize(
    "keys",
    [
        [f"rung.{n}" for n in range(1, 7)],
        [f"contract.{k}" for k in get_args(ContractKind)],
        [f"status.{s}" for s in get_args(VacancyStatus)],
        [f"level.{n}" for n in range(1, 5)],
        [f"month.{n}" for n in range(1, 13)],
        [f"constraint.{s}" for s in ("pass", "fail", "unknown")],
        [f"decision.{d}" for d in get_args(DecisionKind) if d not in ("introduced", "overridden")],
        [f"decision.state_{d}" for d in get_args(DecisionKind) if d != "overridden"],
        [f"done.decision_{d}" for d in get_args(DecisionKind) if d != "overridden"],
        [f"done.vacancy_{action}" for action in TRANSITIONS],
        [f"{key}.title" for key in render.ERROR_PAGES.values()],
        [f"{key}.text" for key in render.ERROR_PAGES.values()],
        [f"suggest.band_{band}" for band in suggestions.BANDS],
        [message for message in suggestions.MESSAGES.values()],
    ],
    ids=lambda keys: keys[0].rsplit(".", 1)[0],
)
def test_keys_made_from_values_exist(keys: list[str]) -> None:
    for lang, messages in CATALOGUE.items():
        assert [k for k in keys if k not in messages] == [], lang


def test_texts_for_employees_are_short_sentences() -> None:
    """Plain Dutch (B1): one idea a sentence, so no sentence longer than twelve words."""
    employee_keys = [k for k in NL if k.startswith(("me.", "me_"))]
    assert len(employee_keys) > 30
    long = [
        (key, sentence)
        for key in employee_keys
        for sentence in re.split(r"(?<=[.?!:])\s+", NL[key])
        if len(sentence.split()) > 12
    ]
    assert long == []


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
