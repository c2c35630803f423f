"""The vacancy lifecycle, every status against every action, without a database.

The table below is written out by hand from the lifecycle (draft -> open -> closed or filled;
closed and filled can open again), not derived from the code's table, so a change to either
shows up here.
"""

from __future__ import annotations

from itertools import product
from typing import get_args

import pytest

from services.core.errors import Invalid
from services.core.vacancies import service
from services.core.vacancies.models import VacancyStatus

STATUSES = get_args(VacancyStatus)
ACTIONS = ("publish", "close", "fill", "reopen")

# (status, action) -> (new status, event); every pair not here is refused.
ALLOWED = {
    ("draft", "publish"): ("open", "vacancy.published"),
    ("closed", "publish"): ("open", "vacancy.published"),
    ("open", "close"): ("closed", "vacancy.closed"),
    ("open", "fill"): ("filled", "vacancy.filled"),
    ("closed", "reopen"): ("open", "vacancy.published"),
    ("filled", "reopen"): ("open", "vacancy.published"),
}


def test_the_statuses_and_actions_are_the_ones_this_table_covers() -> None:
    assert set(STATUSES) == {"draft", "open", "filled", "closed"}
    assert set(service.TRANSITIONS) == set(ACTIONS)


@pytest.mark.parametrize(("status", "action"), sorted(ALLOWED))
def test_an_allowed_transition_leads_to_its_status_and_event(status: str, action: str) -> None:
    assert service.step(status, action) == ALLOWED[status, action]


@pytest.mark.parametrize(
    ("status", "action"),
    sorted(pair for pair in product(STATUSES, ACTIONS) if pair not in ALLOWED),
)
def test_every_other_transition_is_refused_naming_the_status(status: str, action: str) -> None:
    with pytest.raises(Invalid) as caught:
        service.step(status, action)
    assert caught.value.status == 422 and caught.value.fields == {"status": status}
    starts = sorted(s for s, a in ALLOWED if a == action)
    assert caught.value.detail.startswith(f"The vacancy is {status}; only a vacancy that is ")
    assert all(s in caught.value.detail for s in starts)


def test_a_refusal_says_what_the_action_would_have_done() -> None:
    with pytest.raises(
        Invalid,
        match=r"^The vacancy is draft; only a vacancy that is open can be "
        r"filled\.$",
    ):
        service.step("draft", "fill")
    with pytest.raises(Invalid, match=r"closed or filled can be reopened\.$"):
        service.step("open", "reopen")


def test_only_a_filled_vacancy_can_no_longer_be_edited() -> None:
    assert set(service.EDITABLE) == set(STATUSES) - {"filled"}
