"""Required skills weigh by their specificity: an idf over the taxonomy's occupations."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest

from services.matcher import credit
from services.matcher.scoring import Matcher
from services.matcher.similarity import IDF_STEP, build_skill_model
from services.matcher.types import Person, PersonSkill, TaxonomyData, Vacancy, VacancySkill
from tests.unit.matcher.conftest import SMALL

# "s:teams" is asked for by every occupation, "s:weld" by one. The tests that compare scores
# build the model with neighbours=0 (no related credit), so only the weights differ.
WORKSHOP = TaxonomyData(
    skill_uris=["s:teams", "s:weld", "s:paint", "s:drive", "s:unused"],
    occupation_uris=["o:welder", "o:painter", "o:driver", "o:clerk"],
    occupation_skills=[
        ("o:welder", "s:teams", "essential"),
        ("o:welder", "s:weld", "essential"),
        ("o:painter", "s:teams", "essential"),
        ("o:painter", "s:paint", "essential"),
        ("o:driver", "s:teams", "optional"),
        ("o:driver", "s:drive", "essential"),
        ("o:clerk", "s:teams", "essential"),
    ],
    skill_relations=[],
    skill_broader=[],
    fingerprint="workshop-1",
)


def person(*uris: str) -> Person:
    skills = tuple(PersonSkill(uri, 2, "observed") for uri in uris)
    return Person("p1", skills, 4, consent_matching=True)


def vacancy(*skills: tuple[str, str]) -> Vacancy:
    reqs = tuple(VacancySkill(uri, relation) for uri, relation in skills)  # type: ignore[arg-type]
    return Vacancy("v1", reqs, 4, "paid", 20, 32)


def test_idf_follows_the_formula_in_whole_steps() -> None:
    model = build_skill_model(WORKSHOP)
    idf = {uri: float(model.idf[model.index[uri]]) for uri in model.skill_uris}
    assert model.idf.dtype == np.float32
    for uri, df in (("s:teams", 4), ("s:weld", 1), ("s:unused", 0)):
        assert idf[uri] == round(math.log1p(4 / (1 + df)) * IDF_STEP) / IDF_STEP
    assert idf["s:teams"] < idf["s:weld"] == idf["s:paint"] < idf["s:unused"]


def test_a_rare_skill_weighs_more_than_a_generic_one() -> None:
    matcher = Matcher(build_skill_model(WORKSHOP, neighbours=0))
    v = vacancy(("s:teams", "essential"), ("s:weld", "essential"))
    rare = matcher.explain(person("s:weld"), v)
    generic = matcher.explain(person("s:teams"), v)
    assert rare.score > generic.score
    # Coverage is weighted by specificity; each person's one skill is required: fit 100.
    assert rare.components["essential"] > 50.0 > generic.components["essential"]
    total = rare.components["essential"] + generic.components["essential"]
    assert total == pytest.approx(100.0, abs=1e-3)
    assert rare.components == {"essential": rare.components["essential"], "fit": 100.0}
    coverage = rare.components["essential"]
    fit = float(credit.FIT)
    assert rare.score == pytest.approx((1 - fit) * coverage + fit * 100.0, abs=1e-3)


def test_a_welder_ranks_the_welding_job_above_a_generic_one() -> None:
    matcher = Matcher(build_skill_model(WORKSHOP, neighbours=0))
    welding = vacancy(("s:teams", "essential"), ("s:weld", "essential"), ("s:paint", "optional"))
    welding = dataclasses.replace(welding, id="v-weld")
    clerk = dataclasses.replace(
        vacancy(("s:teams", "essential"), ("s:drive", "essential")), id="v-c"
    )
    welder = person("s:weld", "s:paint")
    assert matcher.score(welder, welding) > matcher.score(person("s:teams", "s:drive"), welding)
    # Someone with only the generic skill fits the two-skill clerk job better than the welding
    # job, and covers less than half of it: the other skill there is the more specific one.
    teams = person("s:teams")
    ranked = matcher.vacancies_for(teams, matcher.index_vacancies([clerk, welding]))
    assert [e.vacancy_id for e in ranked] == ["v-c", "v-weld"]
    assert ranked[1].score < ranked[0].score
    assert ranked[0].components["essential"] < 50.0


def test_a_skill_outside_the_model_weighs_as_a_typical_listed_skill() -> None:
    model = build_skill_model(WORKSHOP)
    listed = [float(model.idf[model.index[u]]) for u in ("s:teams", "s:weld", "s:paint", "s:drive")]
    assert model.unknown_idf == float(np.median(listed))
    assert model.specificity("s:not-in-esco") == model.unknown_idf
    reqs = credit.requirements(vacancy(("s:weld", "essential"), ("x:custom", "essential")), model)
    weights = {r.uri: float(r.weight) for r in reqs}
    assert weights["x:custom"] / weights["s:weld"] == pytest.approx(
        model.unknown_idf / model.specificity("s:weld"), rel=1e-6
    )


def test_the_weights_are_part_of_the_model_version() -> None:
    fewer = dataclasses.replace(WORKSHOP, occupation_skills=WORKSHOP.occupation_skills[:-1])
    assert build_skill_model(WORKSHOP).version != build_skill_model(fewer).version


def test_an_empty_taxonomy_weighs_every_skill_alike() -> None:
    bare = dataclasses.replace(SMALL, occupation_uris=[], occupation_skills=[])
    model = build_skill_model(bare)
    assert np.all(model.idf == model.idf[0]) and model.idf[0] > 0
    assert model.unknown_idf > 0
