"""Counts over live people (matcher/live.py `fitting`, `holders`) agree with one pair's
explanation: the same people fit, the same people can do a skill, after any changes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from services.matcher import credit
from services.matcher.live import CAN_DO, LivePeople
from services.matcher.types import Explanation, Person, Vacancy
from tests.unit.matcher.test_live import IDS, changes, compact_min
from tests.unit.matcher.test_properties import matcher, people, vacancies

SETTINGS = settings(max_examples=60, deadline=None)


def _can_do(explained: Explanation, uri: str) -> bool:
    """Whether the explanation gives the skill more credit than a neighbour alone can."""
    return any(x.skill_uri == uri and x.credit > CAN_DO for x in explained.matched)


def _essential(vacancy: Vacancy) -> set[str]:
    return {
        r.uri for r in credit.requirements(vacancy, matcher().model) if r.relation == "essential"
    }


@SETTINGS
@given(
    st.lists(st.sampled_from(IDS), unique=True, max_size=10).flatmap(
        lambda ids: st.tuples(*(people(i) for i in ids))
    ),
    changes(people, IDS),
    vacancies(),
    st.sampled_from([0.0, 20.0, 40.0, 60.0]),
    compact_min,
)
def test_fitting_and_holders_agree_with_each_pairs_explanation(
    start: tuple[Person, ...],
    steps: list[tuple[str, object]],
    vacancy: Vacancy,
    min_score: float,
    compact: int,
) -> None:
    index = LivePeople(matcher(), start, compact)
    current = {p.id: p for p in start}
    for kind, value in steps:
        if kind == "upsert":
            assert isinstance(value, Person)
            index.apply(upserts=[value])
            current[value.id] = value
        else:
            assert isinstance(value, str)
            index.apply(removals=[value])
            current.pop(value, None)
    consenting = [p for p in sorted(current.values(), key=lambda p: p.id) if p.consent_matching]
    explained = {p.id: matcher().explain(p, vacancy) for p in consenting}
    want = [p.id for p in consenting if explained[p.id].score >= min_score]
    assert [p.id for p in index.fitting(vacancy, min_score)] == want
    complete = [p for p in want if all(_can_do(explained[p], u) for u in _essential(vacancy))]
    assert [p.id for p in index.fitting(vacancy, min_score, every_essential=True)] == complete
    holders = index.holders(vacancy)
    for req in credit.requirements(vacancy, matcher().model):
        held = sum(1 for e in explained.values() if _can_do(e, req.uri))
        assert holders[req.uri] == held, req.uri
