"""Live indexes (matcher/live.py): after any changes, the same answers as a full index."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from services.matcher.live import LivePeople, LiveVacancies
from services.matcher.types import Filters, Person, PersonSkill, Vacancy
from tests.unit.matcher.test_properties import matcher, people, vacancies

SETTINGS = settings(max_examples=60, deadline=None)
IDS = [f"p{i:02d}" for i in range(14)]
VIDS = [f"v{i:02d}" for i in range(10)]


@st.composite
def changes(draw: st.DrawFn, make: object, ids: list[str]) -> list[tuple[str, object]]:
    """A few steps, each an upsert (a new or changed row) or a removal of an id."""
    steps = []
    for _ in range(draw(st.integers(1, 12))):
        row_id = draw(st.sampled_from(ids))
        if draw(st.booleans()):
            steps.append(("upsert", draw(make(row_id))))  # type: ignore[operator]
        else:
            steps.append(("remove", row_id))
    return steps


def _rows(explained: list[object], field: str) -> list[tuple[str, float]]:
    return [(getattr(e, field), e.score) for e in explained]  # type: ignore[attr-defined]


# With 2, nearly every change set is built into a new base: both paths are tried.
compact_min = st.sampled_from([500, 2])


@SETTINGS
@given(
    st.lists(st.sampled_from(IDS), unique=True, max_size=10).flatmap(
        lambda ids: st.tuples(*(people(i) for i in ids))
    ),
    changes(people, IDS),
    vacancies(),
    st.integers(1, 6),
    st.one_of(st.none(), st.frozensets(st.integers(1, 6), min_size=1)),
    compact_min,
)
def test_live_people_rank_as_a_full_index_of_the_current_rows(
    start: tuple[Person, ...],
    steps: list[tuple[str, object]],
    vacancy: Vacancy,
    k: int,
    rungs: frozenset[int] | None,
    compact: int,
) -> None:
    index = LivePeople(matcher(), start, compact)
    current = {p.id: p for p in start}
    filters = Filters(ladder_rungs=rungs)
    for kind, value in steps:
        if kind == "upsert":
            assert isinstance(value, Person)
            index.apply(upserts=[value])
            current[value.id] = value
        else:
            assert isinstance(value, str)
            index.apply(removals=[value])
            current.pop(value, None)
        full = matcher().index_people(sorted(current.values(), key=lambda p: p.id))
        want = matcher().candidates_for(vacancy, full, k, filters)
        got = index.candidates_for(vacancy, k, filters)
        assert _rows(got, "person_id") == _rows(want, "person_id")
        assert [dataclasses.asdict(e) for e in got] == [dataclasses.asdict(e) for e in want]
    assert len(index) == len(current)


@SETTINGS
@given(
    st.lists(st.sampled_from(VIDS), unique=True, max_size=8).flatmap(
        lambda ids: st.tuples(*(vacancies(i) for i in ids))
    ),
    changes(vacancies, VIDS),
    people(),
    st.integers(1, 6),
    compact_min,
)
def test_live_vacancies_rank_as_a_full_index_of_the_current_rows(
    start: tuple[Vacancy, ...],
    steps: list[tuple[str, object]],
    person: Person,
    k: int,
    compact: int,
) -> None:
    person = dataclasses.replace(person, consent_matching=True)
    index = LiveVacancies(matcher(), start, compact)
    current = {v.id: v for v in start}
    for kind, value in steps:
        if kind == "upsert":
            assert isinstance(value, Vacancy)
            index.apply(upserts=[value])
            current[value.id] = value
        else:
            assert isinstance(value, str)
            index.apply(removals=[value])
            current.pop(value, None)
        full = matcher().index_vacancies(sorted(current.values(), key=lambda v: v.id))
        want = matcher().vacancies_for(person, full, k)
        assert _rows(index.vacancies_for(person, k), "vacancy_id") == _rows(want, "vacancy_id")
        scores = matcher().vacancy_scores(person, full) if full.vacancies else []
        for bar in (0.0, 20.0, 60.0):
            assert index.fitting(person, bar) == sum(1 for s in scores if s >= bar)
    # One index of every current row (what a full recompute scores against) is the full one.
    whole = index.whole()
    assert [v.id for v in whole.vacancies] == sorted(current)
    assert not index.skip.any() and not index.changed


def test_changes_stay_in_the_delta_until_it_is_large() -> None:
    folks = [dataclasses.replace(p, id=f"p{i:02d}") for i, p in enumerate(_sample_people(6))]
    index = LivePeople(matcher(), folks, compact_min=3)
    assert index.compactions == 1
    index.apply(upserts=[dataclasses.replace(folks[0], ladder_rung=2)], removals=["p01"])
    assert index.compactions == 1 and len(index.delta.people) == 1
    assert index.skip.tolist() == [True, True, False, False, False, False]
    index.apply(upserts=[dataclasses.replace(p, ladder_rung=3) for p in folks[2:5]])
    assert index.compactions == 2 and len(index.delta.people) == 0 and not index.skip.any()
    assert [p.id for p in index.base.people] == ["p00", "p02", "p03", "p04", "p05"]


def _sample_people(n: int) -> list[Person]:
    uris = matcher().model.skill_uris
    return [
        Person(id="x", skills=(PersonSkill(uris[i], 2, "self"),), ladder_rung=3) for i in range(n)
    ]
