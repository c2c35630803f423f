"""The evaluation's synthetic people (bench/matcher_data.py) and its scoring on the starter."""

from __future__ import annotations

import numpy as np

from bench import matcher_data, matcher_eval
from services.matcher.scoring import Matcher
from tests.unit.matcher.conftest import starter_data, starter_model


def test_each_kind_of_person_is_drawn_as_documented() -> None:
    data = starter_data()
    near = matcher_data.neighbours(data)
    rng = np.random.default_rng(7)
    for occupation in matcher_data.occupations(data, 5):
        essential = set(occupation.essential)
        n = len(occupation.essential)
        kinds = {
            kind: {
                s.uri
                for s in matcher_data.person_of_kind(
                    kind, occupation, rng, near=near, person_id="p"
                ).skills
            }
            for kind in matcher_data.KINDS
        }
        assert kinds["exact"] <= essential and len(kinds["exact"]) == round(0.6 * n)
        assert kinds["thin"] <= essential and len(kinds["thin"]) == 3
        noisy_own = kinds["noisy"] & essential
        assert len(noisy_own) == round(0.5 * n)
        assert not (kinds["noisy"] - noisy_own) & {*occupation.essential, *occupation.optional}
        # A neighbour is a sibling or an ESCO-related skill of an essential one (or, with
        # neither, the skill itself).
        for uri in kinds["neighbours"]:
            assert uri in essential or any(uri in near.of.get(e, ()) for e in essential)


def test_the_evaluation_ranks_with_the_recompute_and_its_checks_agree() -> None:
    data = starter_data()
    chosen = matcher_eval.sample(data, 1)
    matcher = Matcher(starter_model())
    scores = matcher_eval.matcher_scores(matcher, chosen.people, chosen.vacancies)
    assert scores.shape == (len(chosen.people), len(chosen.vacancies))
    assert matcher_eval.disagreements(matcher, chosen, scores, checks=30) == []
    rank = matcher_eval.ranks(scores, chosen.own)
    assert rank.min() >= 1
    ceiling = matcher_eval.ceiling_scores(chosen.people, chosen.vacancies)
    exact = chosen.kind == matcher_data.KINDS.index("exact")
    # All of an exact person's skills are the own occupation's essentials: never ranked below
    # an occupation that lacks one of them.
    own = ceiling[np.flatnonzero(exact), chosen.own[exact]]
    assert np.all(own >= ceiling[np.flatnonzero(exact)].max(axis=1) - 999)
    # Ties count against: equal scores all rank at the lowest of their places.
    tied = np.array([[1.0, 1.0, 0.5]])
    assert matcher_eval.ranks(tied, np.array([0])).tolist() == [2]
