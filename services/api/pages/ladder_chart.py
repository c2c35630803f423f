"""A person's rungs over time as an inline SVG line chart, drawn on the server.

Steps, not slopes: a rung holds from the day it took effect until the next change, so the line
runs flat and jumps where a move was recorded. Months on the x axis, rungs 1-6 with their
names on the y axis (each name above its line, so the picture stays narrow enough for a
phone). The picture is role="img" with a title and a description; the page puts
the same data beside it as a table, so nothing depends on seeing the line.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup, escape

WIDTH, HEIGHT = 480.0, 330.0
LEFT, RIGHT, TOP, BOTTOM = 36.0, 36.0, 36.0, 44.0  # room for half a month's label
RUNGS = range(1, 7)
MAX_MONTH_LABELS = 6
FONT = 14
LINE, GRID, AXIS, INK = "#1d4f9e", "#d6d6d6", "#545454", "#1f1f1f"


@dataclass(frozen=True)
class Step:
    """A rung held from `start` until `end` (the next change, or the chart's last day)."""

    rung: int
    start: date
    end: date


def steps_of(changes: Sequence[tuple[date, int]], until: date) -> list[Step]:
    """The rungs held, oldest first, from (day, rung) changes in the order recorded; of several
    changes on one day the last one holds."""
    by_day: dict[date, int] = {}
    for day, rung in sorted(changes, key=lambda c: c[0]):  # stable: a day's last one wins
        by_day[day] = rung
    days = sorted(by_day)
    found: list[Step] = []
    for i, day in enumerate(days):
        end = days[i + 1] if i + 1 < len(days) else max(until, day)
        if found and found[-1].rung == by_day[day]:  # no move: the step runs on
            found[-1] = Step(found[-1].rung, found[-1].start, end)
        else:
            found.append(Step(by_day[day], day, end))
    return found


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


@dataclass(frozen=True)
class Frame:
    """The chart's time span (whole months) and how days and rungs map to points."""

    first: date
    last: date

    @classmethod
    def around(cls, steps: Sequence[Step]) -> Frame:
        """From the first month of the first step to the month after the last step's end."""
        return cls(_month_start(steps[0].start), _next_month(steps[-1].end))

    def x(self, day: date) -> float:
        """The horizontal position of a day."""
        span = (self.last - self.first).days or 1
        return round(LEFT + (WIDTH - LEFT - RIGHT) * (day - self.first).days / span, 1)

    @staticmethod
    def y(rung: int) -> float:
        """The vertical position of a rung (6 at the top)."""
        height = HEIGHT - TOP - BOTTOM
        return round(TOP + height * (6 - rung) / 5, 1)

    def months(self) -> list[date]:
        """The first day of every month in the span, both ends included."""
        found, day = [], self.first
        while day <= self.last:
            found.append(day)
            day = _next_month(day)
        return found


def points(steps: Sequence[Step], frame: Frame) -> list[tuple[float, float]]:
    """The line's corners: along each step, then straight up or down to the next."""
    found: list[tuple[float, float]] = []
    for step in steps:
        y = frame.y(step.rung)
        found += [(frame.x(step.start), y), (frame.x(step.end), y)]
    return found


def labelled(months: Sequence[date], most: int = MAX_MONTH_LABELS) -> list[date]:
    """Every k-th month (the first and k chosen so that at most `most` carry a label)."""
    every = max(1, -(-len(months) // most))
    return list(months[::every])


def chart(
    changes: Sequence[tuple[date, int]],
    until: date,
    *,
    uid: str,
    title: str,
    description: str,
    rung_label: Callable[[int], str],
    month_label: Callable[[date], str],
) -> Markup:
    """The SVG of the rungs over time; empty when nothing is recorded."""
    steps = steps_of(changes, until)
    if not steps:
        return Markup("")
    frame = Frame.around(steps)
    bottom = HEIGHT - BOTTOM
    parts = [
        f'<svg class="ladder-chart" role="img" aria-labelledby="{uid}-title {uid}-desc" '
        f'viewBox="0 0 {WIDTH:g} {HEIGHT:g}" width="100%" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{uid}-title">{escape(title)}</title>',
        f'<desc id="{uid}-desc">{escape(description)}</desc>',
    ]
    for rung in RUNGS:
        y = frame.y(rung)
        parts.append(
            f'<line x1="{LEFT:g}" y1="{y:g}" x2="{WIDTH - RIGHT:g}" y2="{y:g}" stroke="{GRID}"/>'
            f'<text x="{LEFT:g}" y="{y - 8:g}" font-size="{FONT}" '
            f'fill="{INK}">{escape(rung_label(rung))}</text>'
        )
    parts.append(
        f'<line x1="{LEFT:g}" y1="{bottom:g}" x2="{WIDTH - RIGHT:g}" y2="{bottom:g}" '
        f'stroke="{AXIS}" stroke-width="1.5"/>'
    )
    shown = set(labelled(frame.months()))
    for month in frame.months():
        x = frame.x(month)
        tall = 8 if month in shown else 4
        parts.append(
            f'<line x1="{x:g}" y1="{bottom:g}" x2="{x:g}" y2="{bottom + tall:g}" stroke="{AXIS}"/>'
        )
        if month in shown:
            parts.append(
                f'<text x="{x:g}" y="{bottom + 26:g}" text-anchor="middle" '
                f'font-size="{FONT}" '
                f'fill="{INK}">{escape(month_label(month))}</text>'
            )
    corners = " ".join(f"{x:g},{y:g}" for x, y in points(steps, frame))
    parts.append(
        f'<polyline points="{corners}" fill="none" stroke="{LINE}" stroke-width="3" '
        'stroke-linejoin="round"/>'
    )
    for step in steps:
        parts.append(
            f'<circle cx="{frame.x(step.start):g}" cy="{frame.y(step.rung):g}" r="5" '
            f'fill="{LINE}" stroke="#ffffff" stroke-width="1.5"/>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
