"""Hybrid search over skills and occupations: curated words, labels, and meaning.

Three ranked lists are merged by weighted reciprocal rank fusion (score = sum over lists of
weight / (RRF_K + rank)), so no list's raw scores need to be comparable with another's:
- the curated Dutch vocabulary of everyday WISE work (vocabulary.py; skills only): reviewed
  by people, so it weighs most;
- the label search (pg_trgm over every label in every language present; repository.py): an
  exact label weighs as much as the vocabulary; other label hits weigh less when the label is
  in another language than the reader's (a Dutch query that happens to share letters with an
  English label: "koken" in "spoken Korean");
- the meaning: the query's sentence vector against every label's (vectors.py), kept from a
  cosine of SEMANTIC_FLOOR, so a query that means nothing finds nothing, and weighing by how
  near it is (rising to WEIGHT_SEMANTIC at SEMANTIC_FULL), so a typo's accidental neighbours
  do not outrank the label search's typo-tolerant hits; only for queries of
  at least SEMANTIC_MIN_LETTERS letters (two letters mean nothing yet: they are the start of a
  word, which the label search handles).
Each hit says which list placed it highest (`match`) and the label it matched; its score is the
fused score over the best possible (first in every list), 0-1. Search pages through the best
CANDIDATES of each list; without a query, everything is listed (repository.py).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Sequence
from dataclasses import dataclass
from typing import TypeVar

import asyncpg

from services.core.settings import Settings
from services.core.taxonomy import repository, vectors, vocabulary
from services.core.taxonomy.embeddings import encoder
from services.core.taxonomy.models import (
    ConceptHit,
    Lang,
    MatchKind,
    OccupationHit,
    OccupationPage,
    SkillHit,
    SkillPage,
)

PageT = TypeVar("PageT", SkillPage, OccupationPage)
HitT = TypeVar("HitT", SkillHit, OccupationHit)
RRF_K = 5
WEIGHT_VOCABULARY = 4.0
WEIGHT_EXACT = 4.0
WEIGHT_LABEL = 1.0
WEIGHT_LABEL_OTHER_LANGUAGE = 0.4
WEIGHT_SEMANTIC = 1.5
SEMANTIC_FLOOR = 0.5
SEMANTIC_FULL = 0.8  # a hit weighs WEIGHT_SEMANTIC from this cosine, less the nearer the floor
SEMANTIC_MIN_LETTERS = 3
TYPO_FACTOR = 0.25
CANDIDATES = 100  # taken from each list: the most a page holds
# The fused score of a concept first in every list: scores are shown as a share of it.
SKILL_CEILING = (WEIGHT_VOCABULARY + WEIGHT_EXACT + WEIGHT_SEMANTIC) / (RRF_K + 1)
OCCUPATION_CEILING = (WEIGHT_EXACT + WEIGHT_SEMANTIC) / (RRF_K + 1)


@dataclass(frozen=True)
class Ranked:
    """One list's hit: the concept, the label it matched, how."""

    uri: str
    matched_label: str | None
    match: MatchKind


@dataclass
class Fused:
    """A concept after fusion: its score and the best list's label and kind."""

    uri: str
    score: float
    matched_label: str | None
    match: MatchKind
    best: float  # the largest single contribution, which names `match`


def fuse(lists: Sequence[tuple[Sequence[float], Sequence[Ranked]]]) -> list[Fused]:
    """Weighted reciprocal rank fusion: (weights per hit, hits) per list; best first, by URI."""
    found: dict[str, Fused] = {}
    for weights, hits in lists:
        seen: set[str] = set()
        for rank, (weight, hit) in enumerate(zip(weights, hits, strict=True), start=1):
            if hit.uri in seen:
                continue
            seen.add(hit.uri)
            part = weight / (RRF_K + rank)
            item = found.get(hit.uri)
            if item is None:
                found[hit.uri] = Fused(hit.uri, part, hit.matched_label, hit.match, part)
                continue
            item.score += part
            if part > item.best:
                item.best, item.matched_label, item.match = part, hit.matched_label, hit.match
    return sorted(found.values(), key=lambda f: (-f.score, f.uri))


def _distrust_typos(weights: list[float], labelled: Sequence[ConceptHit]) -> list[float]:
    """The meaning's weights, at TYPO_FACTOR when the query looks misspelt: the label search
    found it in the reader's language only as a fuzzy match (the meaning of a misspelt word is
    noise). A Dutch word near English labels only (no Dutch skill labels) is no typo."""
    typo = (
        bool(labelled)
        and labelled[0].match == "fuzzy"
        and not labelled[0].fallback
        and all(hit.match == "fuzzy" for hit in labelled)
    )
    return [w * TYPO_FACTOR for w in weights] if typo else weights


def _label_weights(hits: Sequence[ConceptHit]) -> list[float]:
    return [
        WEIGHT_EXACT
        if hit.match == "exact"
        else WEIGHT_LABEL_OTHER_LANGUAGE
        if hit.fallback
        else WEIGHT_LABEL
        for hit in hits
    ]


async def _loaded(
    conn: asyncpg.Connection, settings: Settings, query: str
) -> vectors.LabelVectors | None:
    """The label vectors when the query is long enough to mean something, else None."""
    if sum(c.isalpha() for c in query) < SEMANTIC_MIN_LETTERS:
        return None
    return await vectors.loaded(conn, settings)


def _semantic(
    found: vectors.LabelVectors | None,
    settings: Settings,
    query: str,
    kind: vectors.Kind,
    limit: int,
) -> tuple[list[float], list[Ranked]]:
    """The meaning's list, each hit weighing by how near it is (a typo means nothing much).

    Runs in a thread, beside the label search in PostgreSQL: the model and the matrix product
    release the GIL, so a search costs the longer of the two, not their sum."""
    if found is None:
        return [], []
    vector = encoder(settings.encoder_threads).encode_one(query)
    hits = found.search(vector, kind, limit, SEMANTIC_FLOOR)
    weights = [
        WEIGHT_SEMANTIC * min(1.0, (hit.score - SEMANTIC_FLOOR) / (SEMANTIC_FULL - SEMANTIC_FLOOR))
        for hit in hits
    ]
    return weights, [Ranked(hit.uri, hit.label, "semantic") for hit in hits]


async def _both(
    conn: asyncpg.Connection,
    settings: Settings,
    query: str,
    kind: vectors.Kind,
    label_search: Awaitable[PageT],
) -> tuple[PageT, list[float], list[Ranked]]:
    """The label search (in PostgreSQL) and the meaning (in a thread) side by side."""
    found = await _loaded(conn, settings, query)
    labelled, (weights, meaning) = await asyncio.gather(
        label_search, asyncio.to_thread(_semantic, found, settings, query, kind, CANDIDATES)
    )
    return labelled, _distrust_typos(weights, labelled.items), meaning


def _label_list(page: SkillPage | OccupationPage) -> tuple[list[float], list[Ranked]]:
    """The label search's hits as a list to fuse, with their weights."""
    hits = page.items
    return _label_weights(hits), [Ranked(h.uri, h.matched_label, h.match or "fuzzy") for h in hits]


def _hits(
    hit: type[HitT],
    fused: list[Fused],
    rows: dict[str, asyncpg.Record],
    lang: Lang,
    ceiling: float,
    offset: int,
    limit: int,
) -> tuple[list[HitT], int]:
    """This page of the fused concepts that `rows` holds (the others are outside the filter),
    each with its row's fields and its score as a share of `ceiling`; and how many there are."""
    kept = [f for f in fused if f.uri in rows]
    items = [
        hit(
            **dict(rows[f.uri]),
            fallback=rows[f.uri]["label_lang"] != lang,
            matched_label=f.matched_label,
            match=f.match,
            score=round(f.score / ceiling, 4),
        )
        for f in kept[offset : offset + limit]
    ]
    return items, len(kept)


async def skills(
    conn: asyncpg.Connection,
    settings: Settings,
    *,
    query: str,
    lang: Lang,
    collection: str | None,
    limit: int,
    offset: int,
) -> SkillPage:
    """Skills for a (normalised) query, best first, from all three lists."""
    labelled, weights, meaning = await _both(
        conn,
        settings,
        query,
        "skill",
        repository.search_skills(
            conn, query=query, lang=lang, collection=collection, limit=CANDIDATES, offset=0
        ),
    )
    curated = [
        Ranked(hit.skill_uri, hit.term, "vocabulary")
        for hit in vocabulary.lookup(query, limit=CANDIDATES)
    ]
    fused = fuse(
        [([WEIGHT_VOCABULARY] * len(curated), curated), _label_list(labelled), (weights, meaning)]
    )
    rows = await repository.skills_by_uri(conn, [f.uri for f in fused], lang, collection)
    items, total = _hits(SkillHit, fused, rows, lang, SKILL_CEILING, offset, limit)
    return SkillPage(items, limit, offset, total)


async def occupations(
    conn: asyncpg.Connection,
    settings: Settings,
    *,
    query: str,
    lang: Lang,
    isco: str | None,
    limit: int,
    offset: int,
) -> OccupationPage:
    """Occupations for a (normalised) query, best first, from labels and meaning."""
    labelled, weights, meaning = await _both(
        conn,
        settings,
        query,
        "occupation",
        repository.search_occupations(
            conn, query=query, lang=lang, isco=isco, limit=CANDIDATES, offset=0
        ),
    )
    fused = fuse([_label_list(labelled), (weights, meaning)])
    rows = await repository.occupations_by_uri(conn, [f.uri for f in fused], lang, isco)
    items, total = _hits(OccupationHit, fused, rows, lang, OCCUPATION_CEILING, offset, limit)
    return OccupationPage(items, limit, offset, total)
