"""Counts over live people (matcher/live.py `fitting`, `holders`) agree with one pair's
explanation: the same people fit, the same people hold a skill, after any changes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from services.matcher import credit
from services.matcher.live import LivePeople
from services.matcher.types import Person, Vacancy
from tests.unit.matcher.test_live import IDS, changes, compact_min
from tests.unit.matcher.test_properties import matcher, people, vacancies

SETTINGS = settings(max_examples=60, deadline=None)


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
    holders = index.holders(vacancy)
    for req in credit.requirements(vacancy, matcher().model):
        held = sum(
            1
            for e in explained.values()
            if any(x.skill_uri == req.uri for x in (*e.matched, *e.related))
        )
        assert holders[req.uri] == held, req.uri
