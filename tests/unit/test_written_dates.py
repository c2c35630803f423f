"""Dates in requests are written dates: YYYY-MM-DD or a date, never a number."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from services.core.logbook.models import LogbookEntryIn
from services.core.training.models import TrainingRecordIn


@pytest.mark.parametrize("value", [0, 1.5, True, "0", "1700000000", "2026-13-01", "3-12-2026"])
def test_a_number_or_another_form_is_refused(value: object) -> None:
    with pytest.raises(ValidationError, match=r"a date as YYYY-MM-DD|month"):
        LogbookEntryIn.model_validate({"happened_on": value, "body": "Gesprek"})


def test_a_written_date_or_a_date_is_read() -> None:
    written = LogbookEntryIn.model_validate({"happened_on": "2026-03-01", "body": "Gesprek"})
    given = TrainingRecordIn.model_validate(
        {"module_id": "00000000-0000-0000-0000-000000000001", "completed_on": date(2026, 3, 1)}
    )
    assert written.happened_on == given.completed_on == date(2026, 3, 1)
