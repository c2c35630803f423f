"""The outcome report's charts, as geometry for inline SVG (drawn by _outcome_charts.html):
bars with their value written beside them, so no figure depends on colour, and each chart
has its numbers as a table on the page too."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from services.core.outcomes.models import OutcomeReport

WIDTH = 600.0
PLOT_TOP = 24.0
PLOT_HEIGHT = 160.0
AXIS_Y = PLOT_TOP + PLOT_HEIGHT
HEIGHT = AXIS_Y + 44.0


@dataclass(frozen=True)
class Bar:
    """One bar: where it stands, its value and which series it belongs to."""

    x: float
    y: float
    width: float
    height: float
    value: str
    series: str  # "start", "end", "up", "down", "kept", "left"


@dataclass(frozen=True)
class Group:
    """A labelled group of bars along the axis."""

    label: str
    x: float
    bars: list[Bar]


@dataclass(frozen=True)
class Chart:
    """A bar chart: its groups, and the series in the legend (series, label)."""

    uid: str
    title: str
    description: str
    groups: list[Group]
    legend: list[tuple[str, str]]
    width: float = WIDTH
    height: float = HEIGHT
    axis_y: float = AXIS_Y
    empty: bool = False  # every value is 0: the page says so instead of drawing flat bars


def bars(
    uid: str,
    title: str,
    description: str,
    groups: Sequence[tuple[str, Sequence[tuple[str, float, str]]]],
    legend: list[tuple[str, str]],
) -> Chart:
    """A chart of groups of bars: (group label, [(series, value, value text)]); the tallest
    bar fills the plot, a zero stays a line on the axis."""
    highest = max((v for _, values in groups for _, v, _ in values), default=0.0)
    top = highest or 1.0
    slot = WIDTH / max(len(groups), 1)
    found = []
    for n, (label, values) in enumerate(groups):
        width = min(48.0, (slot - 16.0) / max(len(values), 1))
        left = n * slot + (slot - width * len(values)) / 2
        drawn = []
        for k, (series, value, text) in enumerate(values):
            height = max(PLOT_HEIGHT * value / top, 1.0)
            drawn.append(Bar(left + k * width, AXIS_Y - height, width - 4.0, height, text, series))
        found.append(Group(label, n * slot + slot / 2, drawn))
    return Chart(uid, title, description, found, legend, empty=highest == 0)


def charts(report: OutcomeReport, t: Callable[..., str]) -> list[Chart]:
    """The three charts of the report: rungs at the start and the end, moves, retention."""
    start, end = report.period.start.isoformat(), report.period.end.isoformat()
    rungs = bars(
        "chart-rungs",
        t("outcomes.chart_rungs"),
        t("outcomes.chart_rungs_desc", start=start, end=end),
        [
            (
                t("rung.short", n=r.rung),
                [("start", r.start, str(r.start)), ("end", r.end, str(r.end))],
            )
            for r in report.rungs
        ],
        [("start", t("outcomes.at_start")), ("end", t("outcomes.at_end"))],
    )
    m = report.moves
    moves = bars(
        "chart-moves",
        t("outcomes.chart_moves"),
        t("outcomes.chart_moves_desc", up=m.up, down=m.down),
        [
            (t("outcomes.up"), [("up", m.up, str(m.up))]),
            (t("outcomes.down"), [("down", m.down, str(m.down))]),
        ],
        [("up", t("outcomes.up")), ("down", t("outcomes.down"))],
    )
    retention = bars(
        "chart-retention",
        t("outcomes.chart_retention"),
        t("outcomes.chart_retention_desc"),
        [
            (
                t("outcomes.months", n=k.months),
                [
                    ("kept", k.still_working, str(k.still_working)),
                    ("left", k.recorded - k.still_working, str(k.recorded - k.still_working)),
                ],
            )
            for k in report.retention
        ],
        [("kept", t("outcomes.still_working")), ("left", t("outcomes.not_working"))],
    )
    return [rungs, moves, retention]
