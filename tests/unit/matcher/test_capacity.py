"""Work capacity as a constraint: pass, fail, unknown and a point to discuss, in words for the
person, a coach and an employer; and, on random pairs, that capacity never changes a score and
that a person without a profile is "unknown", never "fail"."""

from __future__ import annotations

import dataclasses
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from services.core.capacity import items
from services.core.matching import texts
from services.matcher import constraints
from services.matcher.scoring import Matcher
from services.matcher.types import Person, Vacancy
from tests.unit.matcher.conftest import starter_model
from tests.unit.matcher.test_properties import people, vacancies

PERSON = Person("p", (), 4, consent_matching=True)
VACANCY = Vacancy("v", (), 4, "paid", 24, 32)
CODES = tuple(i.code for i in items.ITEMS)
SETTINGS = settings(max_examples=60, deadline=None)


@cache
def matcher() -> Matcher:
    return Matcher(starter_model())


def pair(
    have: dict[str, int], asks: dict[str, int], offered: frozenset[str] = frozenset()
) -> tuple[Person, Vacancy]:
    person = dataclasses.replace(PERSON, capacity=tuple(sorted(have.items())))
    vacancy = dataclasses.replace(
        VACANCY,
        capacity_demands=tuple(sorted(asks.items())),
        accommodations=offered,
        capacity_resolved=items.resolved_pairs(offered),
    )
    return person, vacancy


def test_no_demands_passes_whatever_the_person_can() -> None:
    found = constraints.capacity(*pair({"standing": 0}, {}))
    assert (found.status, found.key) == ("pass", "constraint.capacity.none")


def test_every_demand_met_passes() -> None:
    found = constraints.capacity(*pair({"standing": 3, "lifting": 2}, {"standing": 3}))
    assert (found.status, found.key) == ("pass", "constraint.capacity.pass")
    assert found.detail["met"] == ["standing"]


def test_an_unmet_demand_fails_naming_only_the_unmet_items() -> None:
    person, vacancy = pair({"standing": 1, "lifting": 4}, {"standing": 3, "lifting": 2})
    found = constraints.capacity(person, vacancy)
    assert (found.status, found.key) == ("fail", "constraint.capacity.fail")
    assert found.fields == {"capacity_items": ["standing"]}
    assert found.detail["levels"] == {"lifting": [4, 2], "standing": [1, 3]}
    said = texts.constraint_text(found.key, found.fields, "nl", "person", found.status)
    assert said == "Dit werk vraagt meer dan je nu aankunt: staan."
    about = texts.constraint_text(found.key, found.fields, "en", "coach", found.status, "Sam")
    assert about == "This work asks more than Sam can manage now: standing."


def test_a_demand_without_a_level_is_unknown_not_fail() -> None:
    found = constraints.capacity(*pair({}, {"noise": 2, "hours_per_day": 3}))
    assert (found.status, found.key) == ("unknown", "constraint.capacity.unknown")
    assert found.fields == {"capacity_items": ["hours_per_day", "noise"]}
    said = texts.constraint_text(found.key, found.fields, "en", "person", found.status)
    assert "hours a day and working in noise" in said


def test_a_shortfall_an_offered_accommodation_resolves_is_to_discuss() -> None:
    offered = frozenset({"part_time", "quiet_workspace"})
    person, vacancy = pair(
        {"hours_per_day": 1, "noise": 0}, {"hours_per_day": 3, "noise": 2}, offered
    )
    found = constraints.capacity(person, vacancy)
    assert (found.status, found.key) == ("pass", "constraint.capacity.discuss")
    assert found.fields == {
        "capacity_items": ["hours_per_day", "noise"],
        "offers": ["part_time", "quiet_workspace"],
    }
    for reader in ("person", "coach", "employer"):
        said = texts.constraint_text(found.key, found.fields, "nl", reader, found.status, "Sam")
        assert said.startswith("Bespreek: uren per dag en werken in lawaai.")
        assert "rustige werkplek" in said.lower()


def test_an_accommodation_that_resolves_another_item_does_not_help() -> None:
    person, vacancy = pair({"lifting": 0}, {"lifting": 3}, frozenset({"part_time"}))
    assert constraints.capacity(person, vacancy).status == "fail"


def test_a_fail_outweighs_unknown_and_discuss() -> None:
    person, vacancy = pair(
        {"lifting": 0, "noise": 0},
        {"lifting": 3, "noise": 2, "sitting": 1},
        frozenset({"quiet_workspace"}),
    )
    found = constraints.capacity(person, vacancy)
    assert found.status == "fail"
    assert (found.detail["unmet"], found.detail["unknown"], found.detail["discuss"]) == (
        ["lifting"],
        ["sitting"],
        ["noise"],
    )


def test_every_item_has_five_levels_of_words() -> None:
    # That the accommodations an item names exist is checked against the database
    # (tests/integration/test_capacity.py).
    assert {i.category for i in items.ITEMS} == set(items.CATEGORY_CODES)
    for item in items.ITEMS:
        assert constraints_pattern_ok(item.code)
        assert len(item.scale.can) == len(item.scale.asks) == 5
        assert all(nl and en for nl, en in (*item.scale.can, *item.scale.asks))
    assert len(set(CODES)) == len(CODES)


def constraints_pattern_ok(code: str) -> bool:
    import re

    return re.fullmatch(r"[a-z][a-z0-9_]{1,39}", code) is not None


levels = st.dictionaries(st.sampled_from(CODES), st.integers(0, 4), max_size=8)
offers = st.frozensets(st.sampled_from(("part_time", "quiet_workspace", "reduced_pace")))


@SETTINGS
@given(people(), vacancies(), levels, levels, offers)
def test_capacity_never_changes_the_score(
    p: Person, v: Vacancy, have: dict[str, int], asks: dict[str, int], offered: frozenset[str]
) -> None:
    with_capacity = dataclasses.replace(p, capacity=tuple(sorted(have.items())))
    with_demands = dataclasses.replace(
        v,
        capacity_demands=tuple(sorted(asks.items())),
        capacity_resolved=items.resolved_pairs(v.accommodations | offered),
    )
    plain = matcher().explain(p, v)
    judged = matcher().explain(with_capacity, with_demands)
    assert judged.score == plain.score
    assert judged.components == plain.components
    assert matcher().score(with_capacity, with_demands) == matcher().score(p, v)


demands = st.dictionaries(st.sampled_from(CODES), st.integers(1, 4), min_size=1, max_size=8)


@SETTINGS
@given(people(), vacancies(), demands, offers)
def test_without_a_profile_any_demand_is_unknown_never_fail(
    p: Person, v: Vacancy, asks: dict[str, int], offered: frozenset[str]
) -> None:
    demanding = dataclasses.replace(
        v,
        capacity_demands=tuple(sorted(asks.items())),
        capacity_resolved=items.resolved_pairs(offered),
    )
    found = constraints.capacity(dataclasses.replace(p, capacity=()), demanding)
    assert found.status == "unknown"
    assert found.fields["capacity_items"] == sorted(asks)
    (shown,) = [c for c in matcher().explain(p, demanding).constraints if c.code == "capacity"]
    assert shown.status == "unknown"
