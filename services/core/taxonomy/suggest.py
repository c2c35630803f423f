"""Skills suggested from free text: a pasted vacancy text, a jobcoach's notes, a short CV.

Nothing is added by this module: it answers suggestions, each with the phrase of the text it came
from and a confidence, and a person ticks the ones to keep (the pages and the API clients do).

How:
1. The text is checked (words in a Latin script, at most MAX_TEXT characters) and cut into
   phrases: lines, sentences, bullet items, and the parts of a sentence between commas and
   "en"/"and"/"of"/"or", windows of at most WINDOW words. What the employer offers (from a
   heading such as "Wat bieden wij?" or "What we offer" to the next heading) is left out: a
   course or a uniform on offer is no skill the job asks for.
2. Two sources propose skills: the curated Dutch vocabulary, for a text in Dutch (by its
   function words; the same letters mean other things in English: "veg", "plant"), each term's
   skills with the vocabulary's score (its first skill highest) times VOCABULARY_CONFIDENCE;
   and the meaning (each phrase's sentence vector against every skill label; the PER_PHRASE
   nearest from a cosine of FLOOR, confidence rising linearly from FLOOR to FULL; times
   ONE_WORD for a phrase of one word, a topic more often than a task, and times KNOWLEDGE for a
   knowledge concept, as texts about work name tasks).
3. Likely occupations: for each occupation asking for a proposed skill (essential 1, optional
   OPTIONAL), each phrase votes once, with its best proposal the occupation asks for (so one
   phrase that finds ten tyre skills does not make a car wash a tyre fitter); the votes over
   the square root of its number of skills (so one that asks for little gets no free lead), as
   a share of the best; plus NAMED times the nearness of its labels to the first phrase (often
   the title) or the whole text; or, if more, TITLED times how well the text's title names it
   by its words (`titles.py`: ESCO's occupation labels and curated Dutch job titles).
4. Ranked against the likely occupations: the proposals and every skill the CONTEXT_OCCUPATIONS
   likeliest occupations ask for are each compared with every phrase. A skill's support is its
   nearest phrase's cosine, rising linearly from RANK_FLOOR to RANK_FULL (times ONE_WORD and
   KNOWLEDGE as above), or its vocabulary confidence if higher. With PRIOR, how much the likely
   occupations ask for it (the occupation's share times the relation's weight) is added to a
   supported skill; one by meaning alone that none asks for keeps OUT_OF_CONTEXT. The second
   skill whose support is the same phrase keeps SAME_PHRASE of its confidence, the third
   SAME_PHRASE squared, and so on: a phrase is one task more often than many.
A skill keeps the phrase of its best proposal (the nearest phrase for a likely occupation's own
skill, source "context"). Suggestions below MIN_CONFIDENCE are not shown.
"""

from __future__ import annotations

import asyncio
import bisect
import math
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import asyncpg

from services.core.errors import Invalid
from services.core.settings import Settings
from services.core.taxonomy import repository, titles, vectors, vocabulary
from services.core.taxonomy.embeddings import encoder
from services.core.taxonomy.models import Lang

MAX_TEXT = 20_000
MIN_LETTERS = 3
WINDOW = 10
MAX_PHRASES = 400  # the longest allowed text gives fewer; a bound on the encoder's work
MAX_HEADING_WORDS = 6
PER_PHRASE = 3
FLOOR = 0.5
FULL = 0.9
VOCABULARY_CONFIDENCE = 0.95
OPTIONAL = 0.5
ONE_WORD = 0.7  # a single word is a topic more often than a task
KNOWLEDGE = 0.7  # texts about work name tasks: a knowledge concept is less often what is meant
WHOLE_TEXT = 2000  # characters of the text whose meaning is compared with occupations
LIKELY_OCCUPATIONS = 5
NAMED = 1.0  # an occupation the title or the whole text is near, against the skill votes
CONTEXT_OCCUPATIONS = 3
TITLED = 2.0  # an occupation the title names by one of its labels or a curated Dutch title
RANK_FLOOR = 0.35  # a cosine between a phrase and a skill's label from which it counts
RANK_FULL = 0.8
PRIOR = 0.5  # a likely occupation's asking for a skill, against the text's support for it
OUT_OF_CONTEXT = 0.7  # a skill by meaning alone that no likely occupation asks for
SAME_PHRASE = 0.85  # the next skill whose support is a phrase that already supports one
MIN_CONFIDENCE = (
    0.4  # below it, 1 suggestion in 25 was right on the tuning and first held-out texts
)

# fmt: off
_DUTCH = frozenset({
    "de", "het", "een", "je", "jij", "wij", "we", "van", "voor", "met", "bij", "naar", "zijn",
    "ook", "niet", "wat", "en", "op", "te", "onze", "ons", "jouw",
})
_ENGLISH = frozenset({
    "the", "and", "you", "your", "we", "our", "of", "for", "with", "to", "is", "are", "a", "an",
    "on", "at", "will", "what", "who",
})
# fmt: on
_OFFER = re.compile(
    r"^\W*(?:what\s+)?(?:we\s+offer|we\s+provide|what\s+you\s+get|benefits|"
    r"(?:wat\s+)?(?:wij|we)\s+bieden|wat\s+bieden\s+(?:wij|we)|wat\s+krijg\s+je|"
    r"arbeidsvoorwaarden|ons\s+aanbod)\b",
    re.I,
)

_DASHES = "-\u2013\u2014"  # hyphen, en dash, em dash: a dash between spaces starts a new item
_BREAKS = re.compile(
    rf"[\n\r;:!?•·●▪◦*|]+|(?<=[^\d\s])\.(?=\s|$)|\s[{_DASHES}]\s|^\s*[{_DASHES}]\s", re.M
)
_JOINS = re.compile(r",|\s(?:en|and|of|or|maar|but)\s", re.I)
_WORD = re.compile(r"\w+", re.U)


@dataclass(frozen=True)
class Phrase:
    """A piece of the text, where it starts, and whether it says what the employer offers."""

    text: str
    start: int
    offer: bool = False


@dataclass(frozen=True)
class SuggestedSkill:
    """A skill the text seems to ask for or describe."""

    uri: str
    label: str
    label_lang: str
    phrase: str  # the words of the text it came from, as written
    confidence: float  # 0-1
    source: str  # "vocabulary", "semantic", or "context" (a likely occupation's skill)


@dataclass(frozen=True)
class SuggestedOccupation:
    """An occupation the text seems to be about."""

    uri: str
    label: str
    label_lang: str
    confidence: float  # 0-1, against the likeliest


@dataclass(frozen=True)
class Suggestions:
    """Ranked skills and likely occupations for one text."""

    lang: Lang
    phrases: int
    skills: list[SuggestedSkill]
    occupations: list[SuggestedOccupation]


def check(text: str) -> str:
    """The text as suggestions are made from it; Invalid when there is nothing to read."""
    text = text.strip()
    if not text:
        raise Invalid("The text is empty: paste a vacancy text or notes.", fields={"text": "empty"})
    if len(text) > MAX_TEXT:
        raise Invalid(
            f"The text has {len(text)} characters; at most {MAX_TEXT} are read. "
            "Paste the part that describes the work.",
            fields={"text": "too_long"},
        )
    if "\x00" in text:
        raise Invalid("The text contains a NUL character.", fields={"text": "invalid"})
    letters = [c for c in text if unicodedata.category(c).startswith("L")]
    if len(letters) < MIN_LETTERS:
        raise Invalid(
            "The text has no words to read (only digits, signs or emoji). "
            "Describe the work in words.",
            fields={"text": "no_words"},
        )
    latin = sum(1 for c in letters if "LATIN" in unicodedata.name(c, ""))
    if latin < len(letters) / 2:
        raise Invalid(
            "The text is not in a Latin script; suggestions work for Dutch and English text.",
            fields={"text": "script"},
        )
    return text


def phrases(text: str) -> list[Phrase]:
    """The phrases of a checked text, in order, each with at least one word of 3 letters."""
    found: list[Phrase] = []
    offers = offer_spans(text)
    for start, piece in _split(_BREAKS, text, 0):
        offer = any(first <= start < end for first, end in offers)
        for part_start, part in _split(_JOINS, piece, start):
            for window_start, window in _windows(part, part_start):
                if any(len(w) >= 3 and not w.isdigit() for w in _WORD.findall(window)):
                    found.append(Phrase(window, window_start, offer))
    return found[:MAX_PHRASES]


def offer_spans(text: str) -> list[tuple[int, int]]:
    """Where the text says what is offered: from a line starting "Wat bieden wij" or "What we
    offer" to the next heading (a short line that is no bullet and no sentence) or the end."""
    spans: list[tuple[int, int]] = []
    start, position = -1, 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        short = 0 < len(_WORD.findall(line)) <= MAX_HEADING_WORDS
        heading = short and not stripped.endswith(".") and stripped[:1] not in "-•*·▪◦●"
        if _OFFER.search(line) or heading:
            if start >= 0:
                spans.append((start, position))
            start = position if _OFFER.search(line) else -1
        position += len(line)
    if start >= 0:
        spans.append((start, position))
    return spans


def text_language(text: str) -> Lang:
    """ "nl" when the text has more Dutch than English function words, else "en"."""
    words = [w.lower() for w in _WORD.findall(text)]
    dutch = sum(w in _DUTCH for w in words)
    return "nl" if dutch > sum(w in _ENGLISH for w in words) else "en"


def _split(pattern: re.Pattern[str], text: str, offset: int) -> Iterator[tuple[int, str]]:
    position = 0
    for match in pattern.finditer(text):
        yield from _trimmed(text[position : match.start()], offset + position)
        position = match.end()
    yield from _trimmed(text[position:], offset + position)


def _trimmed(piece: str, offset: int) -> Iterator[tuple[int, str]]:
    stripped = piece.strip(" \t\"'()[]{}.,")
    if stripped:
        yield offset + piece.index(stripped), stripped


def _windows(part: str, offset: int) -> Iterator[tuple[int, str]]:
    words = list(re.finditer(r"\S+", part))
    if len(words) <= WINDOW:
        yield offset, part
        return
    step = WINDOW // 2
    for first in range(0, len(words) - step, step):
        chunk = words[first : first + WINDOW]
        yield offset + chunk[0].start(), part[chunk[0].start() : chunk[-1].end()]


def support(cosine: float) -> float:
    """A skill's nearest phrase's cosine as its support: 0 at RANK_FLOOR, 1 from RANK_FULL."""
    return max(0.0, min(1.0, (cosine - RANK_FLOOR) / (RANK_FULL - RANK_FLOOR)))


def confidence(cosine: float) -> float:
    """A cosine as a confidence: 0 at FLOOR, 1 from FULL."""
    return max(0.0, min(1.0, (cosine - FLOOR) / (FULL - FLOOR)))


# A proposal: (confidence, index of its phrase, the words it came from, source)
Proposal = tuple[float, int, str, str]


async def suggest(
    conn: asyncpg.Connection, settings: Settings, *, text: str, lang: Lang, limit: int = 20
) -> Suggestions:
    """Ranked skills and likely occupations for `text` (see the module docstring)."""
    text = check(text)
    pieces = [p for p in phrases(text) if not p.offer]
    # (skill, where from: a phrase's meaning or a vocabulary term's place) -> its proposal
    found: dict[tuple[str, str], Proposal] = {}

    def propose(uri: str, where: str, proposal: Proposal) -> None:
        if proposal[0] > found.get((uri, where), (0.0,))[0]:
            found[(uri, where)] = proposal

    if text_language(text) == "nl":
        offers = offer_spans(text)
        starts = [p.start for p in pieces]
        for term in vocabulary.find_in_text(text):
            if not any(first <= term.offset < end for first, end in offers):
                index = max(0, bisect.bisect_right(starts, term.offset) - 1)
                value = VOCABULARY_CONFIDENCE * term.score
                propose(
                    term.skill_uri, f"v{term.offset}", (value, index, term.phrase, "vocabulary")
                )
    named: dict[str, float] = {}  # occupations the title or the whole text is near
    labels = await vectors.loaded(conn, settings)
    matrix = None
    if labels is not None and pieces:
        model = encoder(settings.encoder_threads)
        wholes = [pieces[0].text, text[:WHOLE_TEXT]]
        matrix = await asyncio.to_thread(model.encode, [p.text for p in pieces] + wholes)
        nearest = labels.search_many(matrix[: len(pieces)], "skill", PER_PHRASE, FLOOR)
        for index, (piece, hits) in enumerate(zip(pieces, nearest, strict=True)):
            for hit in hits:
                proposal = (confidence(hit.score), index, piece.text, "semantic")
                propose(hit.uri, f"s{index}", proposal)
        for hits in labels.search_many(
            matrix[len(pieces) :], "occupation", LIKELY_OCCUPATIONS, FLOOR
        ):
            for hit in hits:
                named[hit.uri] = max(named.get(hit.uri, 0.0), confidence(hit.score))
        indexes = (titles.curated(), await asyncio.to_thread(titles.label_index, labels))
        for uri, value in titles.named(titles.title_line(text), indexes).items():
            named[uri] = max(named.get(uri, 0.0), TITLED * value)
    known = await repository.skills_by_uri(conn, list({uri for uri, _ in found}), lang, None)
    proposals = {
        key: (
            value * _factor(phrase, known[key[0]]) if how != "vocabulary" else value,
            i,
            phrase,
            how,
        )
        for key, (value, i, phrase, how) in found.items()
        if key[0] in known
    }
    likely = await _likely_occupations(conn, proposals, named)
    best: dict[str, Proposal] = {}
    for (uri, _), proposal in sorted(proposals.items(), key=lambda kv: (-kv[1][0], kv[0])):
        best.setdefault(uri, proposal)
    if matrix is not None and labels is not None and likely:
        final = await _ranked(
            conn, lang, labels, matrix[: len(pieces)], pieces, likely, best, known
        )
    else:  # no vectors: the vocabulary's proposals as they are
        final = {uri: proposal[0] for uri, proposal in best.items()}
    ranked = sorted(final, key=lambda uri: (-final[uri], uri))[:limit]
    skills = [
        SuggestedSkill(
            uri,
            known[uri]["label"],
            known[uri]["label_lang"],
            best[uri][2],
            round(final[uri], 3),
            best[uri][3],
        )
        for uri in ranked
        if final[uri] > MIN_CONFIDENCE
    ]
    rows = await repository.occupations_by_uri(conn, [uri for uri, _ in likely], lang, None)
    top = likely[0][1] if likely else 1.0
    occupations = [
        SuggestedOccupation(uri, rows[uri]["label"], rows[uri]["label_lang"], round(s / top, 3))
        for uri, s in likely
        if uri in rows
    ]
    return Suggestions(lang, len(pieces), skills, occupations)


async def _ranked(
    conn: asyncpg.Connection,
    lang: Lang,
    labels: vectors.LabelVectors,
    matrix: Any,
    pieces: list[Phrase],
    likely: list[tuple[str, float]],
    best: dict[str, Proposal],
    known: dict[str, asyncpg.Record],
) -> dict[str, float]:
    """Each proposal and each skill the likely occupations ask for, by its support in the text
    and the occupations' asking (step 4); fills in `best` and `known` for the new skills."""
    context = likely[:CONTEXT_OCCUPATIONS]
    pool = sorted(await repository.skills_of(conn, [uri for uri, _ in context]) | set(best))
    near = labels.nearest_query(matrix, "skill", pool)
    known.update(
        await repository.skills_by_uri(conn, [u for u in pool if u not in known], lang, None)
    )
    prior = await _asked(conn, pool, context)
    final: dict[str, float] = {}
    for uri in pool:
        if uri not in known or uri not in near:
            continue
        cosine, position = near[uri]
        value = support(cosine) * _factor(pieces[position].text, known[uri])
        if uri in best and best[uri][3] == "vocabulary":
            value = max(value, best[uri][0])
        best.setdefault(uri, (value, position, pieces[position].text, "context"))
        asked = prior.get(uri, 0.0)
        score = (value + PRIOR * asked * (value > 0)) / (1 + PRIOR)
        if not asked and best[uri][3] != "vocabulary":
            score *= OUT_OF_CONTEXT
        final[uri] = score
    by_phrase: dict[int, int] = {}
    for uri in sorted(final, key=lambda u: (-final[u], u)):
        seen = by_phrase.get(best[uri][1], 0)
        by_phrase[best[uri][1]] = seen + 1
        final[uri] *= SAME_PHRASE**seen
    return final


async def _asked(
    conn: asyncpg.Connection, uris: list[str], likely: list[tuple[str, float]]
) -> dict[str, float]:
    """How much the likely occupations ask for each skill: the most of an occupation's share of
    the likeliest's score times the relation's weight (essential 1, optional OPTIONAL)."""
    top = likely[0][1] or 1.0
    share = {uri: score / top for uri, score in likely}
    asked: dict[str, float] = {}
    for row in await repository.occupations_asking_for(conn, uris, OPTIONAL):
        if row["uri"] in share:
            for uri, weight in zip(row["skills"], row["weights"], strict=True):
                asked[uri] = max(asked.get(uri, 0.0), share[row["uri"]] * weight)
    return asked


def _factor(phrase: str, skill: asyncpg.Record) -> float:
    """Less for a proposal by meaning from one word, or of a knowledge concept."""
    factor = ONE_WORD if len(_WORD.findall(phrase)) == 1 else 1.0
    return factor * (KNOWLEDGE if skill["skill_type"] == "knowledge" else 1.0)


async def _likely_occupations(
    conn: asyncpg.Connection, proposals: dict[tuple[str, str], Proposal], named: dict[str, float]
) -> list[tuple[str, float]]:
    """Occupations by the phrases whose proposals they ask for, plus NAMED for one the text
    names (step 3)."""
    by_skill: dict[str, list[tuple[float, int]]] = {}
    for (uri, _), (value, index, _, _) in proposals.items():
        by_skill.setdefault(uri, []).append((value, index))
    scored: dict[str, float] = {}
    if by_skill:
        for row in await repository.occupations_asking_for(conn, list(by_skill), OPTIONAL):
            votes: dict[int, float] = {}  # phrase -> its best proposal this occupation asks for
            for uri, weight in zip(row["skills"], row["weights"], strict=True):
                for value, index in by_skill[uri]:
                    votes[index] = max(votes.get(index, 0.0), value * weight)
            scored[row["uri"]] = sum(votes.values()) / math.sqrt(row["size"])
    top = max(scored.values(), default=0.0) or 1.0
    combined = {uri: value / top for uri, value in scored.items()}
    for uri, value in named.items():
        combined[uri] = combined.get(uri, 0.0) + NAMED * value
    ranked = sorted(combined.items(), key=lambda item: (-item[1], item[0]))
    return [(uri, score) for uri, score in ranked[:LIKELY_OCCUPATIONS] if score > 0]
