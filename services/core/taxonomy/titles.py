"""Occupations a text names in its title, by the words themselves.

A pasted vacancy text starts with its title: "Verhuizer", "Medewerker groenvoorziening",
"Hotel Porter". The sentence model often places a Dutch title far from the right occupation
(a mover's title near a granulator operator), so the suggestions (`suggest.py`) also look the
title's words up, as written:
- in ESCO's own occupation labels, in every language the taxonomy holds (the preferred label and
  the shortest alternative labels, those the label vectors keep): "verhuizer", "conciërge",
  "postbezorger", "window cleaner";
- in a curated list of Dutch job titles of everyday and entry-level work that ESCO does not
  spell that way (`occupation_titles_nl.csv`, next to this module): "medewerker
  groenvoorziening", "afwasser", "belader", "hulp bouwvakker", each mapped to 1-3 ESCO
  occupations, the first the best.
The longest title found wins over a shorter one inside it ("medewerker groenvoorziening" over
"groenvoorziening"), and a word alone that names work in general ("medewerker", "assistant")
names no occupation. The last word of a title may be plural ("verhuizers", "porters").

The file has one row per (title, occupation): `title,occupation_uri,esco_label,note`, the title
in lower case, `esco_label` the English preferredLabel copied exactly for the reviewer.
tests/unit/test_titles.py checks every URI and label against ESCO when OPSTAP_ESCO_DIR is set.
Who reviews it: a jobcoach (do employers write these titles?) and whoever maintains the
taxonomy (is this the occupation?).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Any

from services.core.taxonomy.vocabulary import curated_rows, normalise

FILE_NAME = "occupation_titles_nl.csv"
COLUMNS = ("title", "occupation_uri", "esco_label", "note")
MAX_OCCUPATIONS_PER_TITLE = 3
MAX_WORDS = 6  # the longest title looked up, in words
TITLE_WORDS = 10  # a first line of more words is a sentence, not a title
# fmt: off
GENERIC = frozenset({
    "medewerker", "medewerkster", "assistent", "hulp", "helper", "leerling", "stagiair",
    "operator", "assistant", "worker", "operative", "trainee", "apprentice", "staff",
    "team", "member", "crew", "manager", "leider", "vacature", "vacancy", "job", "werk", "work",
})
_LINKS = frozenset({"en", "of", "and", "or", "de", "het", "the", "a", "van", "voor", "for"})
# fmt: on
_PARTS = re.compile(r"[/()|,\u2013\u2014]|\s-\s")


@dataclass(frozen=True)
class Entry:
    """One row of the curated file."""

    title: str
    occupation_uri: str
    esco_label: str
    note: str


def parse(text: str) -> tuple[Entry, ...]:
    """The rows of a titles file. Raises ValueError naming the line of a bad row."""
    return tuple(Entry(*row) for row in curated_rows(text, FILE_NAME, COLUMNS))


def build(entries: Iterable[Entry]) -> Mapping[str, tuple[str, ...]]:
    """Normalised title -> its occupations in row order (at most three, each once)."""
    found: dict[str, list[str]] = {}
    for entry in entries:
        uris = found.setdefault(normalise(entry.title), [])
        if entry.occupation_uri in uris:
            raise ValueError(f"{FILE_NAME}: {entry.title} -> {entry.occupation_uri} twice")
        uris.append(entry.occupation_uri)
        if len(uris) > MAX_OCCUPATIONS_PER_TITLE:
            raise ValueError(f"{FILE_NAME}: {entry.title} has more than three occupations")
    return MappingProxyType({title: tuple(uris) for title, uris in found.items()})


@functools.cache
def curated() -> Mapping[str, tuple[str, ...]]:
    """The curated Dutch titles, read once."""
    text = resources.files(__package__).joinpath(FILE_NAME).read_text(encoding="utf-8")
    return build(parse(text))


_label_index: dict[str, Mapping[str, tuple[str, ...]]] = {}


def label_index(labels: Any) -> Mapping[str, tuple[str, ...]]:
    """Normalised occupation label -> occupations, from one version's label vectors (cached)."""
    version = str(labels.version)
    if version not in _label_index:
        index: dict[str, list[str]] = {}
        for uri, kind, label in zip(labels.uris, labels.kinds, labels.labels, strict=True):
            if kind == "occupation":
                uris = index.setdefault(normalise(str(label)), [])
                if str(uri) not in uris:
                    uris.append(str(uri))
        _label_index.clear()  # one version at a time
        _label_index[version] = MappingProxyType({k: tuple(v) for k, v in index.items()})
    return _label_index[version]


def title_line(text: str) -> str:
    """The text's first line when it reads as a title (at most TITLE_WORDS words, no full stop
    at its end), else "": where a pasted ad names its job."""
    first = text.strip().split("\n", 1)[0].strip()
    return "" if len(first.split()) > TITLE_WORDS or first.endswith(".") else first


def _forms(word: str) -> list[str]:
    """A (last) word as written and, if it may be a plural, its singulars."""
    forms = [word]
    if len(word) > 4 and word.endswith("s"):
        forms.append(word[:-1])
    if len(word) > 5 and word.endswith("en"):
        forms.append(word[:-2])
    return forms


def named(title: str, indexes: Iterable[Mapping[str, tuple[str, ...]]]) -> dict[str, float]:
    """The occupations `title` names, by the first of `indexes` that knows each title found.

    A title may have parts ("Verhuizer / medewerker verhuisservice", "Tyre Fitter (trainee)");
    in its part, a title found counts for the share of the part's words it covers (words that
    name work in general and words such as "en" or "and" left out), so "Print & Copy Shop
    Assistant" names a shop assistant for a third; and 1/n when one title names n occupations.
    """
    indexes = list(indexes)
    found: dict[str, float] = {}
    for part in _PARTS.split(title):
        words = normalise(part).split()
        content = [i for i, w in enumerate(words) if w not in GENERIC and w not in _LINKS]
        for start, end, uris in _spans(words, indexes):
            covered = sum(1 for i in content if start <= i < end)
            share = covered / len(content) if content else 1.0
            for uri in uris:
                found[uri] = max(found.get(uri, 0.0), share / len(uris))
    return found


def _spans(
    words: list[str], indexes: list[Mapping[str, tuple[str, ...]]]
) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, occupations) of each title found in `words`, none inside a longer one."""
    spans: list[tuple[int, int, tuple[str, ...]]] = []
    for start in range(len(words)):
        for end in range(min(len(words), start + MAX_WORDS), start, -1):
            if end - start == 1 and words[start] in GENERIC:
                continue
            head = " ".join(words[start : end - 1])
            for form in _forms(words[end - 1]):
                key = f"{head} {form}".strip()
                # the first index that knows the title: the curated list before ESCO's labels
                uris = next((index[key] for index in indexes if key in index), ())
                if uris:
                    spans.append((start, end, uris))
                    break
    return [
        (start, end, uris)
        for start, end, uris in spans
        if not any(s <= start and end <= e and (s, e) != (start, end) for s, e, _ in spans)
    ]
