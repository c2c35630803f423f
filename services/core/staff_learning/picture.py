"""Which counts of the staff picture are withheld, so that no one reads the level of a group of
fewer than 5 staff, directly or by subtraction.

A row (an area or a competence) counts the staff who assessed it in four bands and shows their
total. Its rules, in order:
- a total of 1-4: the whole row is withheld (each band, and the total, is "fewer than 5");
- a band of 1-4 people is withheld as "fewer than 5";
- when those withheld counts could be worked out from the total and the shown bands (one band
  withheld alone; or several whose sum leaves only one possibility, all 1s or all 4s), the
  smallest other band with people is withheld too, and every withheld band of the row then
  reads "protected" (so no one can tell which of them is the small group); when there is no such
  band, the total is withheld as well.
Bands of 0 are shown: they name no one.
"""

from __future__ import annotations

from typing import Literal

from services.core.staff_learning.models import BANDS, MIN_GROUP, Band, BandCount

Mark = Literal["fewer_than_5", "protected"] | None


def _exact(small: list[int], limit: int) -> bool:
    """Whether small counts (each 1..limit-1) follow from their sum alone."""
    total = sum(small)
    return len(small) == 1 or total in (len(small), (limit - 1) * len(small))


def withhold(counts: list[int], limit: int = MIN_GROUP) -> tuple[bool, list[Mark]]:
    """(total withheld, a mark per count) for one row of counts."""
    total = sum(counts)
    if 0 < total < limit:
        return True, ["fewer_than_5"] * len(counts)
    marks: list[Mark] = ["fewer_than_5" if 0 < n < limit else None for n in counts]
    small = [n for n, m in zip(counts, marks, strict=True) if m]
    if not small or not _exact(small, limit):
        return False, marks
    others = sorted(
        (n, i) for i, (n, m) in enumerate(zip(counts, marks, strict=True)) if n and not m
    )
    if not others:
        return True, marks
    marks[others[0][1]] = "protected"
    return False, ["protected" if m else None for m in marks]


def row_bands(found: dict[str, int] | None) -> tuple[int | None, list[BandCount]]:
    """(the total shown, the bands) of one row's counts by band (None: nobody assessed it)."""
    counts = [int((found or {}).get(band, 0)) for band, _ in BANDS]
    hidden, marks = withhold(counts)
    bands = [
        BandCount(band=band, levels=levels, staff=None if mark else n, withheld=mark)
        for (band, levels), n, mark in zip(BANDS, counts, marks, strict=True)
    ]
    return (None if hidden else sum(counts)), bands


__all__ = ["Band", "Mark", "row_bands", "withhold"]
