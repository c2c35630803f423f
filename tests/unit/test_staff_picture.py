"""The staff picture's withholding: no band of 1-4 people is shown, nor one it could be worked out
from; zeros are shown."""

from __future__ import annotations

import itertools

import pytest

from services.core.staff_learning.models import band_of
from services.core.staff_learning.picture import row_bands, withhold


@pytest.mark.parametrize(
    ("counts", "total_hidden", "marks"),
    [
        ([6, 5, 7, 0], False, [None] * 4),
        ([0, 0, 0, 0], False, [None] * 4),
        ([0, 3, 0, 0], True, ["fewer_than_5"] * 4),
        ([0, 2, 3, 9], False, [None, "fewer_than_5", "fewer_than_5", None]),
        ([0, 2, 8, 5], False, [None, "protected", None, "protected"]),
        ([1, 5, 0, 0], False, ["protected", "protected", None, None]),
        ([0, 1, 1, 8], False, [None, "protected", "protected", "protected"]),
        ([0, 4, 4, 0], True, [None, "fewer_than_5", "fewer_than_5", None]),
    ],
)
def test_small_bands_and_what_reveals_them_are_withheld(
    counts: list[int], total_hidden: bool, marks: list[str | None]
) -> None:
    assert withhold(counts) == (total_hidden, marks)


def test_no_shown_figure_lets_a_small_band_be_worked_out() -> None:
    for counts in itertools.product(range(0, 8), repeat=4):
        hidden, marks = withhold(list(counts))
        shown = [n for n, m in zip(counts, marks, strict=True) if m is None]
        assert all(n == 0 or n >= 5 for n in shown), counts
        if not hidden and sum(counts) > 0:
            withheld = [n for n, m in zip(counts, marks, strict=True) if m]
            # Never one withheld band alone, never a sum that fixes every withheld band.
            assert len(withheld) != 1, counts
            if withheld and all(m == "fewer_than_5" for m in marks if m):
                assert sum(withheld) not in (len(withheld), 4 * len(withheld)), counts


def test_row_bands_name_the_levels_and_bands() -> None:
    total, bands = row_bands({"none": 5, "foundation": 0, "intermediate": 6, "advanced": 9})
    assert total == 20
    assert [(b.band, b.levels, b.staff) for b in bands] == [
        ("none", "0", 5),
        ("foundation", "1-2", 0),
        ("intermediate", "3-4", 6),
        ("advanced", "5-8", 9),
    ]
    assert [band_of(level) for level in range(9)] == (
        ["none"] + ["foundation"] * 2 + ["intermediate"] * 2 + ["advanced"] * 4
    )
