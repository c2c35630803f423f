"""The held-out evaluation (bench/match_heldout.py): its generator, and one small run through
the API on the starter taxonomy."""

from __future__ import annotations

import re

import pytest

from bench import match_heldout as heldout
from services.core.settings import STARTER_TAXONOMY_DIR


def test_the_generator_draws_each_kind_as_described() -> None:
    tax = heldout.read_taxonomy(STARTER_TAXONOMY_DIR)
    people, replacements = heldout.population(tax, 4, seed=7)
    assert [p.kind for p in people] == [k for k in heldout.KINDS for _ in range(4)]
    neighbours = [p for p in people if p.kind == "neighbours"]
    assert sum(replacements.values()) == sum(len(p.skills) for p in neighbours)
    for person in people:
        essential = set(tax.essential[person.occupation])
        own = essential | set(tax.optional[person.occupation])
        skills = set(person.skills)
        assert len(skills) == len(person.skills)
        share = round(heldout.SHARE * len(essential))
        if person.kind == "exact":
            assert skills <= essential and len(skills) == share
        elif person.kind == "thin":
            assert skills <= essential and len(skills) == heldout.THIN
        elif person.kind == "noisy":
            assert len(skills & essential) == share and len(skills - own) == heldout.NOISE
        else:
            assert not skills & own and heldout.THIN <= len(skills) <= share
            near = set().union(*(tax.near[s] | tax.far[s] for s in essential))
            assert skills <= near
    again, _ = heldout.population(tax, 4, seed=7)
    assert again == people


async def test_a_small_run_through_the_api(
    service_urls: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    server, redis_url = service_urls
    monkeypatch.setenv("DATABASE_URL", server)
    monkeypatch.setenv("REDIS_URL", redis_url)
    result = await heldout.evaluate(STARTER_TAXONOMY_DIR, per_kind=2, seed=11)
    assert result.vacancies == len(heldout.read_taxonomy(STARTER_TAXONOMY_DIR).labels)
    assert result.service["all"].n == result.jaccard["all"].n == 8
    # Most of an occupation's essential skills find its vacancy near the top.
    assert all(
        s.rank is not None and s.rank <= 10
        for p, s in zip(result.people, result.seen, strict=True)
        if p.kind == "exact"
    )
    # The service's own recompute ran to the end and stored matches.
    assert re.match(r"recompute \S+ done: [1-9]\d* matches stored", result.recompute), (
        result.recompute
    )
    text = heldout.report(result, STARTER_TAXONOMY_DIR, "test")
    assert all(kind in text for kind in heldout.KINDS)
    assert [f.name for f in heldout.figures(result)][-1] == "held-out 1 - MRR, all"
