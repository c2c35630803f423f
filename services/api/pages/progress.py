"""The ladder over time and the logbook on a page, for the coach and for the person: the
chart with its table, and the notes; the same service calls either way (the services decide
who may read and write)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from babel.dates import format_date as babel_format_date
from markupsafe import Markup

from services.api.pages import ladder_chart
from services.api.pages.i18n import Lang, format_date
from services.core.clock import today
from services.core.i18n import LOCALES
from services.core.ladder.models import LadderHistory
from services.core.ladder.service import long_on_rung
from services.core.next_steps import texts as next_texts


@dataclass(frozen=True)
class LadderRow:
    """One change as the table beside the chart lists it."""

    changed_on: date
    rung: int
    previous_rung: int | None
    direction: str  # first | up | down
    decided_by: str | None
    note: str | None


@dataclass(frozen=True)
class LadderView:
    """The chart, the same data as rows (oldest first), and how long on the current rung."""

    chart: Markup
    rows: list[LadderRow]
    current_rung: int
    since: date | None
    months: int | None


def _direction(previous: int | None, rung: int) -> str:
    if previous is None:
        return "first"
    return "up" if rung > previous else "down"


def month_label(day: date, lang: Lang) -> str:
    """A month on the axis: "jun 2026" / "Jun 2026"."""
    return str(babel_format_date(day, "MMM yyyy", locale=LOCALES[lang]))


def rung_time(history: LadderHistory, lang: Lang, name: str) -> str:
    """For the coach, as next steps say it: a year or more on one rung below 6 is time to
    look at the next step together; empty otherwise."""
    months = history.months_on_rung or 0
    if not long_on_rung(history.current_rung, months):
        return ""
    words = next_texts.rung_time(months, history.current_rung, name, "coach")
    return words.in_language(lang)


def ladder_view(
    history: LadderHistory, lang: Lang, t: Callable[..., str], *, uid: str, name: str
) -> LadderView:
    """The person's line: the chart worded by `t` (coach or person texts) about `name`."""
    rows = [
        LadderRow(
            c.changed_on,
            c.rung,
            c.previous_rung,
            _direction(c.previous_rung, c.rung),
            c.decided_by_name,
            c.note,
        )
        for c in history.changes
    ]
    since = history.on_rung_since
    description = t(
        "ladder_time.chart_desc",
        name=name,
        start=format_date(rows[0].changed_on, lang) if rows else "",
        rung=history.current_rung,
        rung_name=t(f"rung.{history.current_rung}"),
        since=format_date(since, lang) if since else "",
        n=max(len(rows) - 1, 0),
    )
    chart = ladder_chart.chart(
        [(r.changed_on, r.rung) for r in rows],
        today(),
        uid=uid,
        title=t("ladder_time.chart_title", name=name),
        description=description,
        rung_label=lambda n: f"{n} {t(f'rung.{n}')}",
        month_label=lambda d: month_label(d, lang),
    )
    return LadderView(chart, rows, history.current_rung, since, history.months_on_rung)
