"""The ladder chart: a person's rungs over time as steps, months along, rungs up."""

from __future__ import annotations

import re
from datetime import date

from services.api.pages.ladder_chart import Frame, Step, chart, labelled, points, steps_of

HISTORY = [
    (date(2025, 1, 10), 3),
    (date(2025, 6, 1), 4),
    (date(2025, 6, 1), 5),  # corrected the same day: the last one holds
    (date(2026, 1, 15), 4),
]
UNTIL = date(2026, 3, 20)


def _chart(history: list[tuple[date, int]]) -> str:
    return str(
        chart(
            history,
            UNTIL,
            uid="t",
            title="Noor <treden>",
            description="Van januari 2025 tot vandaag.",
            rung_label=lambda n: f"trede {n}",
            month_label=lambda d: f"{d:%m-%Y}",
        )
    )


def test_each_rung_holds_until_the_next_change_and_a_days_last_change_wins() -> None:
    assert steps_of(HISTORY, UNTIL) == [
        Step(3, date(2025, 1, 10), date(2025, 6, 1)),
        Step(5, date(2025, 6, 1), date(2026, 1, 15)),
        Step(4, date(2026, 1, 15), UNTIL),
    ]
    # Recorded out of date order, the dates decide; a "move" to the same rung runs on.
    shuffled = [(date(2025, 3, 1), 4), (date(2025, 1, 1), 3), (date(2025, 5, 1), 4)]
    assert steps_of(shuffled, UNTIL) == [
        Step(3, date(2025, 1, 1), date(2025, 3, 1)),
        Step(4, date(2025, 3, 1), UNTIL),
    ]
    assert steps_of([], UNTIL) == []


def test_the_points_of_a_known_history_are_flat_steps_with_jumps_at_each_move() -> None:
    steps = steps_of(HISTORY, UNTIL)
    frame = Frame.around(steps)
    assert (frame.first, frame.last) == (date(2025, 1, 1), date(2026, 4, 1))
    # x: 36 + 408 * days since 1 January 2025 / 455 days; y: 36 + 50 per rung below 6.
    assert points(steps, frame) == [
        (44.1, 186.0),
        (171.4, 186.0),
        (171.4, 86.0),
        (375.9, 86.0),
        (375.9, 136.0),
        (433.2, 136.0),
    ]
    assert [Frame.y(r) for r in range(1, 7)] == [286.0, 236.0, 186.0, 136.0, 86.0, 36.0]


def test_months_run_along_the_axis_and_at_most_six_carry_a_label() -> None:
    frame = Frame(date(2025, 1, 1), date(2026, 4, 1))
    months = frame.months()
    assert len(months) == 16 and months[0] == date(2025, 1, 1) and months[-1] == date(2026, 4, 1)
    assert labelled(months) == months[::3]
    assert labelled(months[:6]) == months[:6]


def test_the_svg_is_an_image_with_a_title_a_description_and_the_rung_names() -> None:
    svg = _chart(HISTORY)
    assert svg.startswith('<svg class="ladder-chart" role="img" aria-labelledby="t-title t-desc"')
    assert '<title id="t-title">Noor &lt;treden&gt;</title>' in svg
    assert '<desc id="t-desc">Van januari 2025 tot vandaag.</desc>' in svg
    assert all(f">trede {n}</text>" in svg for n in range(1, 7))
    assert ">01-2025</text>" in svg and ">04-2025</text>" in svg  # every third month
    assert ">02-2025</text>" not in svg
    line = re.search(r'<polyline points="([^"]+)"', svg)
    assert line and line[1] == "44.1,186 171.4,186 171.4,86 375.9,86 375.9,136 433.2,136"
    assert svg.count("<circle") == 3  # one dot per rung held


def test_a_person_without_history_gets_no_picture_and_one_change_a_dot() -> None:
    assert _chart([]) == ""
    single = _chart([(UNTIL, 4)])
    assert single.count("<circle") == 1
