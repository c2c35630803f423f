"""Properties on random people, vacancies and small worlds over the starter taxonomy."""

from __future__ import annotations

import dataclasses
from functools import cache

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from services.matcher.scoring import Matcher
from services.matcher.types import Filters, Person, PersonSkill, Vacancy, VacancySkill
from tests.unit.matcher.conftest import starter_model

SETTINGS = settings(max_examples=50, deadline=None)
ACCOMMODATIONS = ("quiet_workspace", "extra_breaks", "part_time", "wheelchair_access")
TOLERANCE = 1e-3


@cache
def matcher() -> Matcher:
    return Matcher(starter_model())


@cache
def pool() -> tuple[str, ...]:
    """24 well-connected starter skills and two URIs outside the model: overlap is likely."""
    model = starter_model()
    degree = np.diff(model.related.indptr)
    best = np.argsort(-degree, kind="stable")[:24]
    return (*sorted(model.skill_uris[i] for i in best), "x:outside-a", "x:outside-b")


skill_uri = st.deferred(lambda: st.sampled_from(pool()))
person_skill = st.builds(
    PersonSkill, skill_uri, st.integers(1, 4), st.sampled_from(("self", "observed", "certified"))
)
vacancy_skill = st.builds(
    VacancySkill, skill_uri, st.sampled_from(("essential", "optional")), st.integers(1, 4)
)
coordinate = st.one_of(st.none(), st.tuples(st.floats(52.0, 52.6), st.floats(4.6, 5.2)))


@st.composite
def people(draw: st.DrawFn, pid: str = "p") -> Person:
    where = draw(coordinate)
    return Person(
        id=pid,
        skills=tuple(draw(st.lists(person_skill, max_size=8))),
        ladder_rung=draw(st.integers(1, 6)),
        latitude=where[0] if where else None,
        longitude=where[1] if where else None,
        accommodations=frozenset(draw(st.lists(st.sampled_from(ACCOMMODATIONS), max_size=2))),
        consent_matching=draw(st.booleans()),
    )


@st.composite
def vacancies(draw: st.DrawFn, vid: str = "v") -> Vacancy:
    where = draw(coordinate)
    return Vacancy(
        id=vid,
        skills=tuple(draw(st.lists(vacancy_skill, max_size=8))),
        ladder_rung=draw(st.integers(1, 6)),
        contract_kind=draw(st.sampled_from(("paid", "volunteer"))),
        hours_min=16,
        hours_max=32,
        latitude=where[0] if where else None,
        longitude=where[1] if where else None,
        accommodations=frozenset(draw(st.lists(st.sampled_from(ACCOMMODATIONS), max_size=2))),
    )


@st.composite
def worlds(draw: st.DrawFn) -> tuple[list[Person], list[Vacancy]]:
    """Up to 12 people and 6 vacancies with shuffled ids; some share a profile (ties)."""
    n_people, n_vacancies = draw(st.integers(1, 12)), draw(st.integers(1, 6))
    pids = draw(st.permutations([f"p{i:02d}" for i in range(n_people)]))
    vids = draw(st.permutations([f"v{i:02d}" for i in range(n_vacancies)]))
    folks = [draw(people(pid)) for pid in pids]
    if n_people > 1 and draw(st.booleans()):
        folks[1] = dataclasses.replace(folks[0], id=folks[1].id)  # an exact tie
    return folks, [draw(vacancies(vid)) for vid in vids]


def expected_top(scored: list[tuple[float, str]], k: int) -> list[str]:
    """Ids of the k best scores above 0, ties by id."""
    return [i for s, i in sorted((-s, i) for s, i in scored if s > 0)][:k]  # type: ignore[misc]


@SETTINGS
@given(
    people(),
    vacancies(),
    st.frozensets(st.sampled_from(ACCOMMODATIONS)),
    st.frozensets(st.sampled_from(ACCOMMODATIONS)),
)
def test_accommodations_never_change_the_score(
    p: Person, v: Vacancy, needed: frozenset[str], offered: frozenset[str]
) -> None:
    changed = matcher().score(
        dataclasses.replace(p, accommodations=needed),
        dataclasses.replace(v, accommodations=offered),
    )
    assert changed == matcher().score(p, v)


@SETTINGS
@given(people(), vacancies(), st.text(min_size=1, max_size=20), st.integers(1, 6), st.randoms())
def test_id_rung_location_and_list_order_never_change_the_score(
    p: Person, v: Vacancy, new_id: str, rung: int, random: object
) -> None:
    skills, reqs = list(p.skills), list(v.skills)
    random.shuffle(skills)  # type: ignore[attr-defined]
    random.shuffle(reqs)  # type: ignore[attr-defined]
    other = dataclasses.replace(
        p, id=new_id, skills=tuple(skills), ladder_rung=rung, latitude=None, longitude=None
    )
    assert matcher().score(other, dataclasses.replace(v, skills=tuple(reqs))) == matcher().score(
        p, v
    )


@SETTINGS
@given(people(), vacancies(), st.data())
def test_adding_a_required_skill_never_lowers_the_score(
    p: Person, v: Vacancy, data: st.DataObject
) -> None:
    if not v.skills:
        return
    wanted = data.draw(st.sampled_from(v.skills))
    added = PersonSkill(
        wanted.uri,
        data.draw(st.integers(1, 4)),
        data.draw(st.sampled_from(("self", "observed", "certified"))),
    )
    before = matcher().score(p, v)
    after = matcher().score(dataclasses.replace(p, skills=(*p.skills, added)), v)
    assert after >= before
    assert 0.0 <= before <= 100.0 and 0.0 <= after <= 100.0


@SETTINGS
@given(worlds(), st.integers(1, 4))
def test_candidates_for_agrees_with_score_and_needs_consent(
    world: tuple[list[Person], list[Vacancy]], k: int
) -> None:
    folks, jobs = world
    index = matcher().index_people(folks)
    for v in jobs:
        found = matcher().candidates_for(v, index, k=k)
        scored = [(matcher().score(p, v), p.id) for p in folks if p.consent_matching]
        assert [e.person_id for e in found] == expected_top(scored, k)
        by_id = dict((i, s) for s, i in scored)
        for e in found:
            assert abs(e.score - by_id[e.person_id]) <= TOLERANCE
            assert (
                e.score == matcher().explain(next(p for p in folks if p.id == e.person_id), v).score
            )


@SETTINGS
@given(worlds(), st.integers(1, 4))
def test_vacancies_for_agrees_with_score(world: tuple[list[Person], list[Vacancy]], k: int) -> None:
    folks, jobs = world
    index = matcher().index_vacancies(jobs)
    for p in folks:
        found = matcher().vacancies_for(p, index, k=k)
        if not p.consent_matching:
            assert found == []
            continue
        scored = [(matcher().score(p, v), v.id) for v in jobs]
        assert [e.vacancy_id for e in found] == expected_top(scored, k)
        by_id = dict((i, s) for s, i in scored)
        assert all(abs(e.score - by_id[e.vacancy_id]) <= TOLERANCE for e in found)


@SETTINGS
@given(worlds(), st.integers(1, 4), st.integers(1, 5))
def test_recompute_is_the_union_of_both_top_k_lists(
    world: tuple[list[Person], list[Vacancy]], k: int, chunk: int
) -> None:
    folks, jobs = world
    pairs = list(
        matcher().recompute(
            matcher().index_people(folks), matcher().index_vacancies(jobs), k=k, people_chunk=chunk
        )
    )
    consenting = [p for p in folks if p.consent_matching]
    score = {(v.id, p.id): matcher().score(p, v) for v in jobs for p in consenting}
    wanted: set[tuple[str, str]] = set()
    for v in jobs:
        wanted |= {
            (v.id, pid) for pid in expected_top([(score[v.id, p.id], p.id) for p in consenting], k)
        }
    for p in consenting:
        wanted |= {
            (vid, p.id) for vid in expected_top([(score[v.id, p.id], v.id) for v in jobs], k)
        }
    assert {(vid, pid) for vid, pid, _ in pairs} == wanted
    assert len(pairs) == len(wanted)
    assert all(abs(s - score[vid, pid]) <= TOLERANCE for vid, pid, s in pairs)


@SETTINGS
@given(worlds(), st.integers(1, 4), st.data())
def test_a_shard_of_one_index_scores_as_an_index_of_its_own(
    world: tuple[list[Person], list[Vacancy]], k: int, data: st.DataObject
) -> None:
    """A recompute's shards score rows of the worker's one people index (sharing its plan);
    each answers exactly what an index of the shard's people alone answers."""
    folks, jobs = world
    everyone = matcher().index_people(folks)
    vacancies = matcher().index_vacancies(jobs)
    cut = data.draw(st.integers(0, len(everyone.people)))
    for rows in (np.arange(0, cut), np.arange(cut, len(everyone.people))):
        shard = [everyone.people[int(r)] for r in rows]
        alone = list(matcher().recompute(matcher().index_people(shard), vacancies, k=k))
        part = list(matcher().recompute(everyone, vacancies, k=k, rows=rows))
        assert part == alone


@SETTINGS
@given(worlds(), st.floats(0.5, 40))
def test_a_distance_filter_never_drops_unknown_locations(
    world: tuple[list[Person], list[Vacancy]], km: float
) -> None:
    folks, jobs = world
    index = matcher().index_people(folks)
    for v in jobs:
        everyone = {e.person_id for e in matcher().candidates_for(v, index, k=50)}
        near = {
            e.person_id
            for e in matcher().candidates_for(v, index, k=50, filters=Filters(max_distance_km=km))
        }
        assert near <= everyone
        for e in matcher().candidates_for(v, index, k=50):
            distance = e.constraints[1]
            kept = distance.detail.get("km") is None or distance.detail["km"] <= km + 0.1
            if e.person_id in near:
                assert kept
            elif distance.detail.get("km") is None:
                raise AssertionError("a person without a known distance was filtered out")
