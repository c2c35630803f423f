"""Skills suggested from free text: a pasted vacancy text, a jobcoach's notes, a short CV.

Nothing is added by this module: it answers suggestions, each with the phrase of the text it came
from and a confidence, and a person ticks the ones to keep (the pages and the API clients do).

How:
1. The text is checked (words in a Latin script, at most MAX_TEXT characters) and cut into
   phrases: lines, sentences, bullet items, and the parts of a sentence between commas and
   "en"/"and"/"of"/"or", windows of at most WINDOW words.
2. Two sources propose skills: the curated Dutch vocabulary (every term found in the text,
   confidence VOCABULARY_CONFIDENCE), and the meaning (each phrase's sentence vector against
   every skill label; the PER_PHRASE nearest from a cosine of FLOOR, confidence rising linearly
   from FLOOR to FULL; times ONE_WORD for a phrase of one word, a topic more often than a task,
   and times KNOWLEDGE for a knowledge concept, as texts about work name tasks).
3. Likely occupations: each occupation scores the confidences of the proposed skills it asks for
   (essential 1, optional OPTIONAL), over the square root of its number of skills (so one that
   asks for little gets no free lead), as a share of the best; plus NAMED times the nearness of
   its labels to the first phrase (often the title) or the whole text.
4. The CONTEXT_OCCUPATIONS likeliest occupations' own skills are compared with every phrase, and
   proposed from a cosine of CONTEXT_FLOOR (a task the text words differently than ESCO).
5. A proposal a likely occupation asks for gains CONTEXT_BOOST of its confidence; one by meaning
   alone that none asks for keeps OUT_OF_CONTEXT of it. Ranked by confidence.
A skill proposed by several phrases keeps its best confidence and phrase.
"""

from __future__ import annotations

import asyncio
import math
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

import asyncpg

from services.core.errors import Invalid
from services.core.settings import Settings
from services.core.taxonomy import repository, vectors, vocabulary
from services.core.taxonomy.embeddings import encoder
from services.core.taxonomy.models import Lang

MAX_TEXT = 20_000
MIN_LETTERS = 3
WINDOW = 10
MAX_PHRASES = 400  # the longest allowed text gives fewer; a bound on the encoder's work
PER_PHRASE = 3
FLOOR = 0.5
FULL = 0.9
VOCABULARY_CONFIDENCE = 0.95
OPTIONAL = 0.5
ONE_WORD = 0.7  # a single word is a topic more often than a task
KNOWLEDGE = 0.7  # texts about work name tasks: a knowledge concept is less often what is meant
WHOLE_TEXT = 2000  # characters of the text whose meaning is compared with occupations
LIKELY_OCCUPATIONS = 5
NAMED = 0.5  # an occupation the title or the whole text is near, against the skill votes
CONTEXT_OCCUPATIONS = 3
CONTEXT_BOOST = 0.25
OUT_OF_CONTEXT = 0.8  # a proposal by meaning alone that no likely occupation asks for
CONTEXT_FLOOR = 0.4  # a likely occupation's skill this near a phrase is proposed too

_DASHES = "-\u2013\u2014"  # hyphen, en dash, em dash: a dash between spaces starts a new item
_BREAKS = re.compile(
    rf"[\n\r;:!?•·●▪◦*|]+|(?<=[^\d\s])\.(?=\s|$)|\s[{_DASHES}]\s|^\s*[{_DASHES}]\s", re.M
)
_JOINS = re.compile(r",|\s(?:en|and|of|or|maar|but)\s", re.I)
_WORD = re.compile(r"\w+", re.U)


@dataclass(frozen=True)
class Phrase:
    """A piece of the text and where it starts."""

    text: str
    start: int


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
    for start, piece in _split(_BREAKS, text, 0):
        for part_start, part in _split(_JOINS, piece, start):
            for window_start, window in _windows(part, part_start):
                if any(len(w) >= 3 and not w.isdigit() for w in _WORD.findall(window)):
                    found.append(Phrase(window, window_start))
    return found[:MAX_PHRASES]


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


def context_confidence(cosine: float) -> float:
    """The confidence of a likely occupation's skill near a phrase: 0 at CONTEXT_FLOOR."""
    return max(0.0, min(1.0, (cosine - CONTEXT_FLOOR) / (FULL - CONTEXT_FLOOR)))


def confidence(cosine: float) -> float:
    """A cosine as a confidence: 0 at FLOOR, 1 from FULL."""
    return max(0.0, min(1.0, (cosine - FLOOR) / (FULL - FLOOR)))


async def suggest(
    conn: asyncpg.Connection, settings: Settings, *, text: str, lang: Lang, limit: int = 20
) -> Suggestions:
    """Ranked skills and likely occupations for `text` (see the module docstring)."""
    text = check(text)
    pieces = phrases(text)
    best: dict[str, tuple[float, str, str]] = {}  # uri -> (confidence, phrase, source)

    def propose(uri: str, value: float, phrase: str, source: str) -> None:
        if value > best.get(uri, (0.0, "", ""))[0]:
            best[uri] = (value, phrase, source)

    for term in vocabulary.find_in_text(text):
        propose(term.skill_uri, VOCABULARY_CONFIDENCE, term.phrase or term.term, "vocabulary")
    named: dict[str, float] = {}  # occupations the title or the whole text is near
    found = await vectors.loaded(conn, settings)
    if found is not None and pieces:
        model = encoder(settings.encoder_threads)
        wholes = [pieces[0].text, text[:WHOLE_TEXT]]
        matrix = await asyncio.to_thread(model.encode, [p.text for p in pieces] + wholes)
        nearest = found.search_many(matrix[: len(pieces)], "skill", PER_PHRASE, FLOOR)
        for piece, hits in zip(pieces, nearest, strict=True):
            for hit in hits:
                propose(hit.uri, confidence(hit.score), piece.text, "semantic")
        for hits in found.search_many(
            matrix[len(pieces) :], "occupation", LIKELY_OCCUPATIONS, FLOOR
        ):
            for hit in hits:
                named[hit.uri] = max(named.get(hit.uri, 0.0), confidence(hit.score))
    known = await repository.skills_by_uri(conn, list(best), lang, None)
    values = {
        uri: (value * _factor(phrase, known[uri]) if how != "vocabulary" else value, phrase, how)
        for uri, (value, phrase, how) in best.items()
        if uri in known
    }
    likely = await _likely_occupations(conn, {uri: v[0] for uri, v in values.items()}, named)
    context = [uri for uri, _ in likely[:CONTEXT_OCCUPATIONS]]
    if found is not None and pieces and context:
        # The likely occupations' own skills, each against its nearest phrase: a task the text
        # words differently than ESCO does ("cover the till": operate cash register).
        asked = await repository.skills_of(conn, context)
        near = found.nearest_query(matrix[: len(pieces)], "skill", sorted(asked - set(values)))
        extra = {uri: hit for uri, hit in near.items() if hit[0] >= CONTEXT_FLOOR}
        rows = await repository.skills_by_uri(conn, list(extra), lang, None)
        for uri, (cosine, position) in extra.items():
            known[uri] = rows[uri]
            value = context_confidence(cosine) * _factor(pieces[position].text, rows[uri])
            values[uri] = (value, pieces[position].text, "context")
    fitting = await repository.skills_asked_by(conn, list(values), context)
    final = {uri: _final(value, uri in fitting, how) for uri, (value, _, how) in values.items()}
    ranked = sorted(final, key=lambda uri: (-final[uri], uri))[:limit]
    skills = [
        SuggestedSkill(
            uri,
            known[uri]["label"],
            known[uri]["label_lang"],
            values[uri][1],
            round(final[uri], 3),
            values[uri][2],
        )
        for uri in ranked
        if final[uri] > 0
    ]
    rows = await repository.occupations_by_uri(conn, [uri for uri, _ in likely], lang, None)
    top = likely[0][1] if likely else 1.0
    occupations = [
        SuggestedOccupation(uri, rows[uri]["label"], rows[uri]["label_lang"], round(s / top, 3))
        for uri, s in likely
        if uri in rows
    ]
    return Suggestions(lang, len(pieces), skills, occupations)


def _factor(phrase: str, skill: asyncpg.Record) -> float:
    """Less for a proposal by meaning from one word, or of a knowledge concept."""
    factor = ONE_WORD if len(_WORD.findall(phrase)) == 1 else 1.0
    return factor * (KNOWLEDGE if skill["skill_type"] == "knowledge" else 1.0)


def _final(value: float, fits: bool, source: str) -> float:
    """A proposal's confidence after the context: up when a likely occupation asks for it."""
    if fits:
        return min(1.0, value * (1 + CONTEXT_BOOST))
    return value * OUT_OF_CONTEXT if source == "semantic" else value


async def _likely_occupations(
    conn: asyncpg.Connection, proposed: dict[str, float], named: dict[str, float]
) -> list[tuple[str, float]]:
    """Occupations by the proposed skills they ask for, plus NAMED for one the text names."""
    scored: dict[str, float] = {}
    if proposed:
        for row in await repository.occupations_asking_for(conn, list(proposed), OPTIONAL):
            pairs = zip(row["skills"], row["weights"], strict=True)
            total = sum(proposed[uri] * weight for uri, weight in pairs)
            scored[row["uri"]] = total / math.sqrt(row["size"])
    top = max(scored.values(), default=0.0) or 1.0
    combined = {uri: value / top for uri, value in scored.items()}
    for uri, value in named.items():
        combined[uri] = combined.get(uri, 0.0) + NAMED * value
    ranked = sorted(combined.items(), key=lambda item: (-item[1], item[0]))
    return [(uri, score) for uri, score in ranked[:LIKELY_OCCUPATIONS] if score > 0]
