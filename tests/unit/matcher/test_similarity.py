"""The skill model: deterministic, versioned, and giving related skills partial credit."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from services.matcher.scoring import Matcher
from services.matcher.similarity import (
    GROUP_WEIGHT,
    PARENT_WEIGHT,
    RELATED_CAP,
    SEMANTIC_WEIGHT,
    build_skill_model,
)
from services.matcher.types import (
    Person,
    PersonSkill,
    SkillVectors,
    TaxonomyData,
    Vacancy,
    VacancySkill,
)
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
    assert build_skill_model(SMALL, fit_neighbours=5).version != base
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
    # Up to NEIGHBOURS each way plus curated relations: a few hundred per skill, never dense.
    assert related.nnz < 250 * related.shape[0]


# A family of skills outside any occupation, so only the hierarchy relates them: a group
# (not a skill) with three members, and a skill parent with two children.
FAMILY = TaxonomyData(
    skill_uris=["s:a", "s:b", "s:c", "s:parent", "s:d", "s:e"],
    occupation_uris=[],
    occupation_skills=[],
    skill_relations=[],
    skill_broader=[
        ("s:a", "g:group"),
        ("s:b", "g:group"),
        ("s:c", "g:group"),
        ("s:d", "s:parent"),
        ("s:e", "s:parent"),
        ("s:parent", "g:group"),
    ],
    fingerprint="family-1",
)


def test_a_sibling_under_a_skill_parent_counts_more_than_one_under_a_group() -> None:
    model = build_skill_model(FAMILY)
    r, i = model.related, model.index
    group = round(GROUP_WEIGHT * RELATED_CAP, 4)
    parent = round(PARENT_WEIGHT * RELATED_CAP, 4)
    assert group < parent <= RELATED_CAP
    assert r[i["s:a"], i["s:b"]] == pytest.approx(group)
    assert r[i["s:a"], i["s:parent"]] == pytest.approx(group)  # the parent sits in the group
    assert r[i["s:d"], i["s:e"]] == pytest.approx(parent)
    assert r[i["s:d"], i["s:parent"]] == pytest.approx(parent)  # a skill and its broader skill
    assert r[i["s:a"], i["s:d"]] == 0  # no concept in common


def test_fit_keeps_every_sibling_of_a_large_group_and_coverage_the_nearest() -> None:
    members = [f"s:{n:02d}" for n in range(60)]
    data = TaxonomyData(
        skill_uris=members,
        occupation_uris=[],
        occupation_skills=[],
        skill_relations=[],
        skill_broader=[(uri, "g:big") for uri in members],
        fingerprint="big-1",
    )
    model = build_skill_model(data)
    assert np.all(np.diff(model.affinity.indptr) == 60)  # 59 siblings and the skill itself
    assert model.related.nnz < model.affinity.nnz
    assert build_skill_model(data, neighbours=10).related.nnz < model.related.nnz
    # Coverage's neighbours are fit's nearest: every related pair is in affinity, alike.
    assert (model.related != model.affinity.multiply(model.related > 0)).nnz == 0


def _vectors(data: TaxonomyData, near: tuple[str, str], model: str = "test/1") -> SkillVectors:
    """Orthogonal unit vectors, except that the two `near` skills point almost the same way."""
    uris = tuple(sorted(data.skill_uris))
    matrix = np.eye(len(uris), dtype=np.float32)
    a, b = uris.index(near[0]), uris.index(near[1])
    matrix[b] = 0.6 * matrix[a] + 0.8 * matrix[b]
    return SkillVectors(model, uris, matrix)


def test_skill_vectors_relate_skills_the_taxonomy_does_not() -> None:
    plain = build_skill_model(SMALL)
    vectors = _vectors(SMALL, ("s:cook", "s:lonely"))
    semantic = build_skill_model(dataclasses.replace(SMALL, skill_vectors=vectors))
    i = plain.index
    assert plain.related[i["s:cook"], i["s:lonely"]] == 0
    value = semantic.related[i["s:cook"], i["s:lonely"]]
    assert value == pytest.approx(round(SEMANTIC_WEIGHT * RELATED_CAP, 4))  # the nearest label
    assert semantic.related[i["s:lonely"], i["s:cook"]] == value  # symmetric
    # Semantic similarity only raises what the taxonomy says.
    assert ((semantic.related - plain.related).toarray() >= 0).all()
    assert semantic.version != plain.version


def test_the_vectors_model_and_content_are_part_of_the_version() -> None:
    one = dataclasses.replace(SMALL, skill_vectors=_vectors(SMALL, ("s:cook", "s:lonely")))
    other_model = dataclasses.replace(
        SMALL, skill_vectors=_vectors(SMALL, ("s:cook", "s:lonely"), model="test/2")
    )
    other_pair = dataclasses.replace(SMALL, skill_vectors=_vectors(SMALL, ("s:cook", "s:glass")))
    versions = {build_skill_model(d).version for d in (one, other_model, other_pair)}
    assert len(versions) == 3
    assert build_skill_model(one).version == build_skill_model(one).version


def test_vectors_may_cover_some_skills_and_others_besides() -> None:
    full = _vectors(SMALL, ("s:cook", "s:lonely"))
    keep = [n for n, uri in enumerate(full.uris) if uri != "s:windows"]
    partial = SkillVectors(
        full.model,
        (*[full.uris[n] for n in keep], "x:elsewhere"),
        np.vstack([full.matrix[keep], np.ones((1, full.matrix.shape[1]), np.float32)]),
    )
    model = build_skill_model(dataclasses.replace(SMALL, skill_vectors=partial))
    i = model.index
    assert model.related[i["s:cook"], i["s:lonely"]] > 0
    assert "x:elsewhere" not in i
    with pytest.raises(ValueError, match="skill vectors"):
        bad = SkillVectors("test/1", full.uris, full.matrix[:-1])
        build_skill_model(dataclasses.replace(SMALL, skill_vectors=bad))
