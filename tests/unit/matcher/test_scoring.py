"""Scores of hand-made pairs on the tiny taxonomy, and what the explanation says about them."""

from __future__ import annotations

import dataclasses

import pytest

from services.matcher.credit import FIT
from services.matcher.scoring import Matcher
from services.matcher.similarity import RELATED_CAP, build_skill_model
from services.matcher.types import (
    Filters,
    Person,
    PersonSkill,
    Source,
    Vacancy,
    VacancySkill,
)
from tests.unit.matcher.conftest import SMALL


def person(*skills: tuple[str, int, Source], pid: str = "p1", **fields: object) -> Person:
    base = Person(pid, tuple(PersonSkill(*s) for s in skills), 4, consent_matching=True)
    return dataclasses.replace(base, **fields)  # type: ignore[arg-type]


def vacancy(*skills: tuple[str, str, int], vid: str = "v1", **fields: object) -> Vacancy:
    reqs = tuple(VacancySkill(uri, rel, level) for uri, rel, level in skills)  # type: ignore[arg-type]
    return dataclasses.replace(Vacancy(vid, reqs, 4, "paid", 20, 32), **fields)  # type: ignore[arg-type]


COVER = 1.0 - float(FIT)  # the score is COVER * coverage + FIT * fit (credit.py)


def blend(coverage: float, fit: float) -> float:
    """The 0-100 score from coverage and fit, each 0-100."""
    return COVER * coverage + float(FIT) * fit


CLEANING = vacancy(("s:windows", "essential", 1), ("s:floors", "optional", 1))


def test_covering_every_skill_scores_100(small_matcher: Matcher) -> None:
    p = person(("s:windows", 2, "observed"), ("s:floors", 1, "certified"))
    explanation = small_matcher.explain(p, CLEANING)
    assert explanation.score == 100.0
    assert explanation.components == {"essential": 100.0, "optional": 100.0, "fit": 100.0}
    assert [e.skill_uri for e in explanation.matched] == ["s:windows", "s:floors"]
    assert explanation.missing_essential == explanation.missing_optional == ()


def test_covering_nothing_scores_0_and_lists_the_gap(small_matcher: Matcher) -> None:
    explanation = small_matcher.explain(person(("s:cook", 4, "observed")), CLEANING)
    assert explanation.score == 0.0
    assert explanation.missing_essential == ("s:windows",)
    assert explanation.missing_optional == ("s:floors",)
    assert explanation.matched == explanation.related == ()


def test_a_vacancy_without_skills_scores_0_and_says_so(small_matcher: Matcher) -> None:
    explanation = small_matcher.explain(person(("s:cook", 4, "observed")), vacancy())
    assert explanation.score == 0.0
    assert explanation.components == {"no_skills": 0.0}


def test_an_essential_skill_weighs_four_times_an_optional_one(small_matcher: Matcher) -> None:
    # s:cook and s:floors are each asked for by one occupation: the same specificity.
    v = vacancy(("s:cook", "essential", 1), ("s:floors", "optional", 1))
    essential_only = small_matcher.explain(person(("s:cook", 1, "observed")), v)
    optional_only = small_matcher.explain(person(("s:floors", 1, "observed")), v)
    # Coverage 80 and 20; each person's one skill is required, so fit is 100 for both.
    assert essential_only.score == pytest.approx(blend(80.0, 100.0), abs=1e-3)
    assert optional_only.score == pytest.approx(blend(20.0, 100.0), abs=1e-3)
    assert essential_only.components["fit"] == optional_only.components["fit"] == 100.0


def test_a_level_below_the_minimum_gives_part_credit(small_matcher: Matcher) -> None:
    v = vacancy(("s:lonely", "essential", 4))
    explanation = small_matcher.explain(person(("s:lonely", 1, "observed")), v)
    assert explanation.components["essential"] == 25.0
    assert explanation.score == blend(25.0, 100.0)  # fit 100: the person's one skill is used
    assert explanation.matched[0].person_level == 1
    assert explanation.matched[0].min_level == 4
    assert small_matcher.score(person(("s:lonely", 2, "observed")), v) == blend(50.0, 100.0)


def test_self_reported_counts_less_than_observed_or_certified(small_matcher: Matcher) -> None:
    v = vacancy(("s:lonely", "essential", 1))
    assert small_matcher.score(person(("s:lonely", 1, "self")), v) == blend(80.0, 100.0)
    assert small_matcher.score(person(("s:lonely", 1, "observed")), v) == 100.0
    assert small_matcher.score(person(("s:lonely", 1, "certified")), v) == 100.0


def test_a_related_skill_gives_partial_credit_through_it(small_matcher: Matcher) -> None:
    v = vacancy(("s:glass", "essential", 1))
    explanation = small_matcher.explain(person(("s:windows", 3, "observed")), v)
    assert 0 < explanation.score <= 100 * RELATED_CAP
    assert explanation.matched == ()
    (evidence,) = explanation.related
    assert evidence.skill_uri == "s:glass"
    assert evidence.via_uri == "s:windows"
    assert evidence.person_level == 3
    assert explanation.components["essential"] == pytest.approx(100 * evidence.credit, abs=1e-2)
    # The vacancy uses the person's one skill through the relation: fit is the same credit
    # (whole 1/1024ths of the skill's idf), and the score their blend.
    assert explanation.components["fit"] == pytest.approx(100 * evidence.credit, abs=0.1)
    assert explanation.score == pytest.approx(
        blend(explanation.components["essential"], explanation.components["fit"]), abs=1e-3
    )


def test_the_skill_itself_beats_a_related_one(small_matcher: Matcher) -> None:
    v = vacancy(("s:glass", "essential", 1))
    both = person(("s:windows", 4, "observed"), ("s:glass", 1, "observed"))
    explanation = small_matcher.explain(both, v)
    assert explanation.components["essential"] == 100.0
    assert explanation.related == ()
    assert explanation.matched[0].via_uri is None


def test_related_skills_do_not_add_up_past_the_best_one(small_matcher: Matcher) -> None:
    v = vacancy(("s:floors", "essential", 1))

    def coverage(*uris: str) -> float:
        p = person(*((uri, 4, "observed") for uri in uris))  # type: ignore[misc]
        return small_matcher.explain(p, v).components["essential"]

    assert coverage("s:windows") > 0 and coverage("s:glass") > 0
    assert coverage("s:windows", "s:glass") == max(coverage("s:windows"), coverage("s:glass"))


def test_a_skill_listed_twice_counts_once_at_its_strictest(small_matcher: Matcher) -> None:
    twice = vacancy(
        ("s:lonely", "optional", 1), ("s:lonely", "essential", 2), ("s:cook", "optional", 1)
    )
    once = vacancy(("s:lonely", "essential", 2), ("s:cook", "optional", 1))
    p = person(("s:lonely", 1, "observed"))
    assert small_matcher.score(p, twice) == small_matcher.score(p, once)
    assert small_matcher.explain(p, twice).matched[0].relation == "essential"


def test_a_skill_outside_the_model_covers_only_itself(small_matcher: Matcher) -> None:
    v = vacancy(("x:outside", "essential", 1), ("s:cook", "essential", 1))
    assert small_matcher.score(person(("x:outside", 1, "observed")), v) == blend(50.0, 100.0)
    assert small_matcher.score(person(("x:other", 1, "observed")), v) == 0.0


def test_fit_prefers_the_vacancy_that_uses_more_of_the_profile(small_matcher: Matcher) -> None:
    # Both vacancies are fully covered; only the second also uses the person's dishwashing.
    cook = person(("s:cook", 2, "observed"), ("s:dishes", 2, "observed"))
    narrow = vacancy(("s:cook", "essential", 1), vid="v-narrow")
    whole = vacancy(("s:cook", "essential", 1), ("s:dishes", "essential", 1), vid="v-whole")
    a, b = small_matcher.explain(cook, narrow), small_matcher.explain(cook, whole)
    assert a.components["essential"] == b.components["essential"] == 100.0
    assert b.components["fit"] == 100.0
    assert 0.0 < a.components["fit"] < 100.0
    assert b.score == 100.0 > a.score
    index = small_matcher.index_vacancies([narrow, whole])
    ranked = small_matcher.vacancies_for(cook, index)
    assert [e.vacancy_id for e in ranked] == ["v-whole", "v-narrow"]
    assert [e.score for e in ranked] == [b.score, a.score]


def test_an_unknown_source_is_refused(small_matcher: Matcher) -> None:
    with pytest.raises(ValueError, match="unknown skill source"):
        small_matcher.score(person(("s:cook", 1, "rumour")), CLEANING)  # type: ignore[arg-type]


def test_explanation_carries_constraints_and_the_model_version(small_matcher: Matcher) -> None:
    explanation = small_matcher.explain(person(("s:windows", 1, "observed")), CLEANING)
    assert [c.code for c in explanation.constraints] == [
        "hours",
        "distance",
        "ladder_rung",
        "language",
        "accommodations",
        "capacity",
        "consent",
    ]
    assert explanation.model_version == small_matcher.model.version
    assert (explanation.person_id, explanation.vacancy_id) == ("p1", "v1")


def test_candidates_are_ranked_by_score_then_id_without_those_lacking_consent(
    small_matcher: Matcher,
) -> None:
    people = [
        person(("s:windows", 4, "self"), pid="b"),
        person(("s:windows", 4, "observed"), pid="c"),
        person(("s:windows", 4, "observed"), pid="a"),
        person(
            ("s:windows", 4, "observed"),
            ("s:floors", 1, "observed"),
            pid="d",
            consent_matching=False,
        ),
        person(("s:cook", 4, "observed"), pid="e"),
    ]
    found = small_matcher.candidates_for(CLEANING, small_matcher.index_people(people), k=10)
    assert [e.person_id for e in found] == ["a", "c", "b"]  # e scores 0: not suggested
    assert found[0].score == small_matcher.score(people[2], CLEANING)
    top = small_matcher.candidates_for(CLEANING, small_matcher.index_people(people), k=2)
    assert [e.person_id for e in top] == ["a", "c"]


def test_a_distance_filter_drops_far_people_and_keeps_unknown_locations(
    small_matcher: Matcher,
) -> None:
    here = {"latitude": 52.37, "longitude": 4.90}
    v = dataclasses.replace(CLEANING, **here)
    people = [
        person(("s:windows", 1, "observed"), pid="near", **here),
        person(("s:windows", 1, "observed"), pid="far", latitude=52.09, longitude=5.12),
        person(("s:windows", 1, "observed"), pid="unknown"),
    ]
    index = small_matcher.index_people(people)
    found = small_matcher.candidates_for(v, index, filters=Filters(max_distance_km=10))
    assert {e.person_id for e in found} == {"near", "unknown"}
    rungs = small_matcher.candidates_for(v, index, filters=Filters(ladder_rungs=frozenset({5})))
    assert rungs == []  # everyone here is on rung 4


def test_vacancies_for_filters_by_rung_contract_and_distance(small_matcher: Matcher) -> None:
    vacancies = [
        dataclasses.replace(CLEANING, id="v-paid"),
        dataclasses.replace(CLEANING, id="v-vol", contract_kind="volunteer", ladder_rung=3),
        dataclasses.replace(CLEANING, id="v-far", latitude=50.85, longitude=4.35),
        dataclasses.replace(CLEANING, id="v-none", skills=()),
    ]
    index = small_matcher.index_vacancies(vacancies)
    p = person(("s:windows", 1, "observed"), latitude=52.37, longitude=4.90)
    assert [e.vacancy_id for e in small_matcher.vacancies_for(p, index)] == [
        "v-far",
        "v-paid",
        "v-vol",
    ]
    kinds = Filters(contract_kinds=frozenset({"volunteer"}))
    assert [e.vacancy_id for e in small_matcher.vacancies_for(p, index, filters=kinds)] == ["v-vol"]
    rungs = Filters(ladder_rungs=frozenset({4}))
    assert [e.vacancy_id for e in small_matcher.vacancies_for(p, index, filters=rungs)] == [
        "v-far",
        "v-paid",
    ]
    near = Filters(max_distance_km=50)
    assert "v-far" not in {
        e.vacancy_id for e in small_matcher.vacancies_for(p, index, filters=near)
    }
    no_consent = dataclasses.replace(p, consent_matching=False)
    assert small_matcher.vacancies_for(no_consent, index) == []


def test_vacancy_scores_are_the_pair_scores_in_index_order(small_matcher: Matcher) -> None:
    vacancies = [
        dataclasses.replace(CLEANING, id="v-a"),
        dataclasses.replace(CLEANING, id="v-b", skills=()),
        dataclasses.replace(CLEANING, id="v-c", skills=CLEANING.skills[:1]),
    ]
    index = small_matcher.index_vacancies(vacancies)
    p = person(("s:windows", 2, "observed"), consent_matching=False)  # what-if: no consent asked
    scores = small_matcher.vacancy_scores(p, index)
    assert len(scores) == 3
    for got, v in zip(scores, vacancies, strict=True):
        assert got == pytest.approx(small_matcher.score(p, v), abs=1e-4)
    assert scores[1] == 0 and scores[0] > 0


def test_recompute_yields_pairs_with_their_scores(small_matcher: Matcher) -> None:
    people = [person(("s:windows", 1, "observed"), pid="a"), person(("s:cook", 2, "self"), pid="b")]
    vacancies = [CLEANING, vacancy(("s:cook", "essential", 1), vid="v2")]
    pairs = list(
        small_matcher.recompute(
            small_matcher.index_people(people), small_matcher.index_vacancies(vacancies), k=5
        )
    )
    assert pairs == [
        ("v1", "a", small_matcher.score(people[0], CLEANING)),
        ("v2", "b", blend(80.0, 100.0)),
    ]


def test_an_index_from_another_model_is_refused(small_matcher: Matcher) -> None:
    other = Matcher(build_skill_model(dataclasses.replace(SMALL, fingerprint="other")))
    index = other.index_people([person(("s:cook", 1, "self"))])
    with pytest.raises(ValueError, match="index built with model"):
        small_matcher.candidates_for(CLEANING, index)


def test_empty_sides_and_skill_less_vacancies_give_no_pairs(small_matcher: Matcher) -> None:
    someone = person(("s:cook", 1, "observed"))
    bare = vacancy(vid="bare")
    no_people, no_jobs = small_matcher.index_people([]), small_matcher.index_vacancies([])
    assert small_matcher.candidates_for(CLEANING, no_people) == []
    assert small_matcher.candidates_for(bare, small_matcher.index_people([someone])) == []
    assert small_matcher.vacancies_for(someone, no_jobs) == []
    assert list(small_matcher.recompute(no_people, no_jobs)) == []
    index = small_matcher.index_vacancies([bare])
    assert list(small_matcher.recompute(small_matcher.index_people([someone]), index)) == []
