"""The time Opstap's dates are meant in: the Netherlands'."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

LOCAL_TIME = ZoneInfo("Europe/Amsterdam")


def today() -> date:
    """The date in the Netherlands, where closing and completion dates are meant."""
    return datetime.now(LOCAL_TIME).date()
