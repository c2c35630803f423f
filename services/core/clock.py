"""The time Opstap's dates are meant in: the Netherlands'."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated
from zoneinfo import ZoneInfo

from pydantic import BeforeValidator

LOCAL_TIME = ZoneInfo("Europe/Amsterdam")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def today() -> date:
    """The date in the Netherlands, where closing and completion dates are meant."""
    return datetime.now(LOCAL_TIME).date()


def _written_date(value: object) -> object:
    """A date as written (YYYY-MM-DD or a date), never a number or "0": pydantic would read
    those as seconds since 1970, which no one who sends them means."""
    if isinstance(value, int | float) or (
        isinstance(value, str) and not _ISO_DATE.fullmatch(value)
    ):
        raise ValueError("a date as YYYY-MM-DD")
    return value


# A date in a request: YYYY-MM-DD (JSON) or a date; a number is refused with a 422.
IsoDate = Annotated[date, BeforeValidator(_written_date)]
