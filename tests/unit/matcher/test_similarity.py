"""The skill model: deterministic, versioned, and giving related skills partial credit."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from services.matcher.scoring import Matcher
from services.matcher.similarity import RELATED_CAP, build_skill_model
from services.matcher.types import Person, PersonSkill, Vacancy, VacancySkill
from tests.unit.matcher.conftest import SMALL, esco_data, starter_data, starter_model

WINDOWS = "urn:opstap:skill:clean-windows"
GLASS = "urn:opstap:skill:clean-glass-surfaces"


def _one_skill_pair(model_skill: str, wanted: str) -> tuple[Person, Vacancy]:
    person = Person("p", (PersonSkill(model_skill, 4, "observed"),), 4, consent_matching=True)
    vacancy = Vacancy("v", (VacancySkill(wanted, "essential"),), 4, "paid", 20, 30)
    return person, vacancy


def test_building_twice_gives_the_same_matrix_and_version() -> None:
    first, second = build_skill_model(starter_data()), build_skill_model(starter_data())
    assert first.version == second.version
    assert first.skill_uris == second.skill_uris
    assert np.array_equal(first.related.indptr, second.related.indptr)
    assert np.array_equal(first.related.indices, second.related.indices)
    assert np.array_equal(first.related.data, second.related.data)


def test_the_order_of_the_input_does_not_change_the_model() -> None:
    data = starter_data()
    shuffled = dataclasses.replace(
        data,
        skill_uris=list(reversed(data.skill_uris)),
        occupation_skills=list(reversed(data.occupation_skills)),
        skill_relations=list(reversed(data.skill_relations)),
        skill_broader=list(reversed(data.skill_broader)),
    )
    a, b = build_skill_model(data), build_skill_model(shuffled)
    assert a.version == b.version
    assert (a.related != b.related).nnz == 0


def test_version_changes_with_the_taxonomy_fingerprint_and_each_parameter() -> None:
    base = build_skill_model(SMALL).version
    assert build_skill_model(dataclasses.replace(SMALL, fingerprint="small-2")).version != base
    assert build_skill_model(SMALL, neighbours=5).version != base
    assert build_skill_model(SMALL, min_similarity=0.5).version != base


def test_without_a_fingerprint_the_content_sets_the_version() -> None:
    bare = dataclasses.replace(SMALL, fingerprint="")
    fewer = dataclasses.replace(bare, skill_relations=[])
    assert build_skill_model(bare).version == build_skill_model(bare).version
    assert build_skill_model(bare).version != build_skill_model(fewer).version


def test_matrix_is_float32_symmetric_capped_with_a_unit_diagonal() -> None:
    related = starter_model().related
    assert related.dtype == np.float32
    assert related.shape == (284, 284)
    assert np.all(related.diagonal() == 1.0)
    off = related - np.diag(related.diagonal())
    assert off.max() <= RELATED_CAP + 1e-6
    assert related.min() >= 0.0
    assert abs(related - related.T).max() == 0.0


def test_neighbours_and_min_similarity_bound_what_is_kept() -> None:
    strict = build_skill_model(starter_data(), neighbours=10, min_similarity=0.9)
    loose = build_skill_model(starter_data(), neighbours=10, min_similarity=0.1)
    assert strict.related.nnz < loose.related.nnz
    # An explicit ESCO relation is curated, so it is kept however strict the cut.
    a, b = strict.index[WINDOWS], strict.index[GLASS]
    assert strict.related[a, b] > 0


def test_a_related_starter_pair_gives_partial_credit_and_a_skill_full_credit() -> None:
    matcher = Matcher(starter_model())
    assert WINDOWS in matcher.model.index and GLASS in matcher.model.index
    related = matcher.score(*_one_skill_pair(WINDOWS, GLASS))
    own = matcher.score(*_one_skill_pair(GLASS, GLASS))
    assert 0 < related < 100
    assert related <= 100 * RELATED_CAP
    assert own == 100.0


def test_co_occurring_skills_are_related_and_unrelated_ones_are_not() -> None:
    model = build_skill_model(SMALL)
    r, i = model.related, model.index
    assert r[i["s:cook"], i["s:dishes"]] > 0  # asked for together by the cook
    assert r[i["s:cook"], i["s:windows"]] == 0
    # The lonely skill is in no occupation and no group: it relates only to itself.
    lonely = r[i["s:lonely"]]
    assert lonely.nnz == 1 and lonely[0, i["s:lonely"]] == 1.0


def test_labels_come_along_and_an_empty_taxonomy_builds() -> None:
    model = starter_model()
    assert model.labels[WINDOWS][0]
    empty = build_skill_model(dataclasses.replace(SMALL, skill_uris=[], occupation_skills=[]))
    assert empty.related.shape == (0, 0)


@pytest.mark.esco
def test_full_esco_builds_a_sparse_bounded_model(esco_dir: Path | None) -> None:
    if esco_dir is None:
        pytest.skip("OPSTAP_ESCO_DIR is not set")
    data = esco_data(esco_dir)
    model = build_skill_model(data)
    related = model.related
    assert related.shape == (len(set(data.skill_uris)),) * 2
    assert np.all(related.diagonal() == 1.0)
    assert abs(related - related.T).max() == 0.0
    # Top 10 each way plus curated relations: a few dozen per skill at most, never dense.
    assert related.nnz < 30 * related.shape[0]
