"""A curated Dutch vocabulary of everyday WISE work, mapped to ESCO skills.

Jobcoaches and employees type plain Dutch: "afwassen", "vloer dweilen", "heftruck rijden",
"vakken vullen". ESCO v1.1.1 has no Dutch skill labels and the multilingual embedding model
misses exactly these words, so `vocabulary_nl.csv` (next to this module) maps them to the
ESCO skills a jobcoach would record for them. `lookup` serves search, `find_in_text` finds
the terms in a pasted vacancy text or a coach's notes, and `restrict` keeps the hits whose
skill the loaded taxonomy holds (the starter taxonomy has none of these ESCO URIs).

The file has one row per (term, skill): `term,skill_uri,esco_label,note`. A term maps to 1-4
skills, its first row being the best one. Terms are lower case Dutch as people write them
(accents, hyphens and apostrophes allowed: "hygiëne", "e-mail", "collega's helpen").
`esco_label` is the English ESCO preferredLabel, copied exactly, for the reviewer; `note`
says why when a mapping is a stretch.

Who reviews it: a jobcoach (are these the words people use; is the first skill the one you
would record?) and whoever maintains the taxonomy (does the URI fit?).
tests/unit/test_vocabulary.py checks every URI and label against ESCO when OPSTAP_ESCO_DIR
is set.

To add a term: add one row per skill, best first, with the skill's URI and preferredLabel
from ESCO's skills_en.csv. Prefer a practical skill over a knowledge concept. Write the term
in its base form: the infinitive for a verb ("dweilen") and the singular or the usual plural
for a noun. `find_in_text` works out the inflected forms. Then run the tests with
OPSTAP_ESCO_DIR set.

How words match. Text, terms and queries are normalised in the same way: lower case, accents
folded, apostrophes dropped ("kassa's" becomes "kassas"), and any other punctuation treated
as a break between words. In `find_in_text`, each word of a term also matches these forms:
- A word ending in -en may be a verb infinitive ("dweilen", "snoeien", "afwassen") or a
  plural noun ("vakken", "ramen"). It matches:
  - its stem ("dweil", "pak" from "pakken", "maak" from "maken", "verf" from "verven"; for
    -e- before the last consonant both "luister" and "soldeer"), which is also the singular
    of a plural noun ("vak");
  - stem+t ("dweilt");
  - the past tense stem+te/de and stem+ten/den, by 't kofschip ("dweilde", "pakte");
  - the past participle stem+t/d with or without ge ("gedweild", "gepakt", "verpakt"), and
    ge+infinitive for strong verbs ("gewassen");
  - with a separable particle, the same forms with ge after the particle ("afgewassen",
    "ingepakt", "schoongemaakt");
  - infinitive+d/de ("snoeiend") and infinitive+s ("keukens").
- Any other word matches:
  - its plural in -en, -s or -'s ("kassa's");
  - its plural with a doubled final consonant ("bed", "bedden") or an undoubled vowel
    ("raam", "ramen");
  - -n and -s after a final -e ("groente", "groenten").
- Words of one or two letters and function words such as "op" or "de" match only
  themselves. So do a few generated forms that are common words with another meaning:
  "was" matches only the term "was", not the verb "wassen".
- A one-word separable verb also matches when it is split, with the particle right after
  the verb ("wast af" for "afwassen", "ruimt op" for "opruimen").
The words of a multi-word term must follow each other in the text, separated only by spaces
or hyphens. The longest term wins over a shorter term inside it: "vloer dweilen" wins over
"dweilen". Not handled:
- irregular forms ("gestreken");
- a split verb with words between the verb and its particle ("wast de borden af");
- a change of word order ("dweilt de vloer" against "vloer dweilen");
- diminutives;
- a term inside a compound word ("heftruckrijbewijs").
"""

from __future__ import annotations

import csv
import functools
import io
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType

FILE_NAME = "vocabulary_nl.csv"
COLUMNS = ("term", "skill_uri", "esco_label", "note")
MAX_SKILLS_PER_TERM = 4

_APOSTROPHES = "'\u2019"
_WORD = re.compile(rf"[^\W_]+(?:[{_APOSTROPHES}][^\W_]+)*")
_JOINER = re.compile(r"[\s\-\u2010]*")  # what may stand between the words of one term in a text
_VOWELS = frozenset("aeiouy")
# fmt: off
_FUNCTION_WORDS = frozenset({
    "aan", "als", "bij", "dat", "de", "den", "der", "die", "door", "een", "en", "er", "het",
    "in", "je", "met", "na", "naar", "of", "om", "op", "over", "te", "tot", "uit", "van", "voor",
})
# Separable particles: a participle puts "ge" after them (afwassen → afgewassen).
_PARTICLES = (
    "schoon", "terug", "samen", "klaar", "door", "over", "voor", "weg", "aan", "bij", "mee",
    "uit", "vol", "af", "in", "na", "om", "op", "toe",
)
# Generated forms that are common words with another meaning; a term can still be one of them.
_AMBIGUOUS_FORMS = frozenset({
    "bak", "bezorgd", "boord", "geschillen", "gewassen", "schuur", "spiegel", "spiegelend",
    "spiegelende", "was", "zag",
})
# fmt: on


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of the file: a term and one of its skills."""

    term: str
    skill_uri: str
    esco_label: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class VocabularyHit:
    """A skill found for a query or in a text. `term` is the term as written in the file.

    `score` is in [0, 1], higher is better. `find_in_text` sets `phrase` and `offset`: the span
    of the text that matched, exactly as written, and where it starts. A `lookup` hit has an
    empty phrase and offset -1.
    """

    skill_uri: str
    term: str
    score: float
    phrase: str = ""
    offset: int = -1


@dataclass(frozen=True, slots=True)
class _Term:
    text: str  # as written in the file
    key: str  # normalised
    words: tuple[str, ...]
    # Word by word, the forms that match in a text: first the term's own words with their
    # inflections, then for a separable verb split in the text ("wast af") its two words.
    patterns: tuple[tuple[frozenset[str], ...], ...]
    skill_uris: tuple[str, ...]  # best first
    order: int  # place in the file


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The terms and their skills, read-only. Build one with `build`."""

    entries: tuple[Entry, ...]
    terms: tuple[_Term, ...]
    # A form of a pattern's first word → (term, pattern) pairs starting with it.
    by_first_form: Mapping[str, tuple[tuple[_Term, int], ...]]

    def lookup(
        self, query: str, limit: int = 10, known_uris: Collection[str] | None = None
    ) -> list[VocabularyHit]:
        """Skills for a search query, best first, each skill once.

        The query is normalised. Terms are ranked in tiers:
        - the exact term;
        - the query as an inflected form of a term ("gesnoeid", "wast af");
        - terms starting with the query ("afwas" finds "afwassen");
        - terms containing the query as a word ("dweilen" finds "vloer dweilen");
        - only when none of these finds a term: terms or words of terms one typo away from a
          one-word query ("heftruk" finds "heftruck"; see `typo_away`).
        Within a tier, terms closer in length to the query rank first, then the term's best
        skill first. With `known_uris`, only those skills count toward the limit.
        """
        q = normalise(query)
        if not q or limit <= 0:
            return []
        q_words = q.split()
        ranked: list[tuple[float, str, VocabularyHit]] = []
        for term, top, closeness in self._tiers(q, q_words) or self._typos(q, q_words):
            for rank, uri in enumerate(term.skill_uris):
                score = round(top - 0.1 * (1.0 - closeness) - 0.025 * rank, 4)
                ranked.append((-score, term.key, VocabularyHit(uri, term.text, score)))
        ranked.sort(key=lambda r: (r[0], r[1]))
        hits: list[VocabularyHit] = []
        for _, _, hit in ranked:
            if any(h.skill_uri == hit.skill_uri for h in hits):
                continue
            if known_uris is None or hit.skill_uri in known_uris:
                hits.append(hit)
                if len(hits) == limit:
                    break
        return hits

    def _tiers(self, q: str, q_words: list[str]) -> list[tuple[_Term, float, float]]:
        """(term, tier score, closeness) for each term the query finds as written."""
        found = []
        for term in self.terms:
            if term.key == q:
                found.append((term, 1.0, 1.0))
            elif any(_matches(q_words, pattern) for pattern in term.patterns):
                found.append((term, 0.8, 1.0))
            elif term.key.startswith(q):
                found.append((term, 0.6, len(q) / len(term.key)))
            elif f" {q} " in f" {term.key} ":
                found.append((term, 0.4, len(q) / len(term.key)))
        return found

    def _typos(self, q: str, q_words: list[str]) -> list[tuple[_Term, float, float]]:
        """(term, tier score, closeness) for terms a one-word query may be a misspelling of."""
        if len(q_words) != 1:
            return []
        found = []
        for term in self.terms:
            if typo_away(q, term.key):
                found.append((term, 0.3, 1.0))
            elif any(typo_away(q, word) for word in term.words):
                found.append((term, 0.2, len(q) / len(term.key)))
        return found

    def find_in_text(self, text: str) -> list[VocabularyHit]:
        """Every occurrence of a term in `text`, in text order, one hit per skill of the term.

        A hit's `phrase` is the span of the text as written and `offset` is where it starts.
        Where terms overlap, the one with more words wins; if they have as many words, the one
        matched without inflection wins, then the one starting first. `score` is 1.0 for the
        term's best skill when the text has the term's own words, and 0.9 when it has an
        inflected form. Each further skill of the term scores 0.1 less.
        """
        tokens = [(m.start(), m.end(), _fold(m.group())) for m in _WORD.finditer(text)]
        words = [word for _, _, word in tokens]
        # (number of words, whether they are the term's own words, first word, term)
        found: list[tuple[int, bool, int, _Term]] = []
        for i, word in enumerate(words):
            for term, p in self.by_first_form.get(word, ()):
                n = len(term.patterns[p])
                if _matches(words[i : i + n], term.patterns[p]) and all(
                    _JOINER.fullmatch(text, tokens[k - 1][1], tokens[k][0])
                    for k in range(i + 1, i + n)
                ):
                    own_words = p == 0 and tuple(words[i : i + n]) == term.words
                    found.append((n, own_words, i, term))
        found.sort(key=lambda f: (-f[0], not f[1], f[2], f[3].order))
        taken: set[int] = set()
        hits: list[tuple[int, int, VocabularyHit]] = []
        for n, own_words, i, term in found:
            if not taken.isdisjoint(range(i, i + n)):
                continue
            taken.update(range(i, i + n))
            start, end = tokens[i][0], tokens[i + n - 1][1]
            for rank, uri in enumerate(term.skill_uris):
                score = round((1.0 if own_words else 0.9) - 0.1 * rank, 4)
                hits.append(
                    (start, rank, VocabularyHit(uri, term.text, score, text[start:end], start))
                )
        return [hit for _, _, hit in sorted(hits, key=lambda h: (h[0], h[1]))]


def _matches(words: list[str], pattern: tuple[frozenset[str], ...]) -> bool:
    return len(words) == len(pattern) and all(
        w in forms for w, forms in zip(words, pattern, strict=True)
    )


def typo_away(typed: str, word: str) -> bool:
    """Whether `typed` is `word` with one typo (a letter left out, added, changed, or two
    neighbours swapped), for words of five letters or more: shorter words are one typo away
    from too many others ("kast", "kist", "kust")."""
    if typed == word or min(len(typed), len(word)) < 5 or abs(len(typed) - len(word)) > 1:
        return False
    start = 0
    while start < min(len(typed), len(word)) and typed[start] == word[start]:
        start += 1
    a, b = typed[start:], word[start:]
    if len(a) == len(b):
        return a[1:] == b[1:] or (len(a) >= 2 and a[0] == b[1] and a[1] == b[0] and a[2:] == b[2:])
    return a[1:] == b if len(a) > len(b) else a == b[1:]


def normalise(text: str) -> str:
    """Lower case, accents folded, apostrophes dropped, one space between words."""
    return " ".join(_fold(m.group()) for m in _WORD.finditer(text))


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c) and c not in _APOSTROPHES)


def word_forms(word: str) -> frozenset[str]:
    """The forms of one (normalised) word of a term that match in a text; see the docstring."""
    if len(word) <= 2 or word in _FUNCTION_WORDS or not word.isalpha():
        return frozenset({word})
    forms = {word}
    if word.endswith("en") and len(word) > 4:
        forms |= {word + "d", word + "de", word + "s"}
        forms |= _verb_forms("", word)
        particle, verb = _split_particle(word)
        if particle:
            forms |= _verb_forms(particle, verb)
    else:
        forms |= {word + "en", word + "s"}
        if word.endswith("e"):
            forms.add(word + "n")
        if _short_vowel_before_final_consonant(word):
            forms.add(word + word[-1] + "en")  # bed → bedden
        if len(word) >= 4 and word[-2] == word[-3] and word[-2] in _VOWELS:
            forms.add(word[:-2] + word[-1] + "en")  # raam → ramen
    return frozenset(forms - (_AMBIGUOUS_FORMS - {word}))


def _split_particle(word: str) -> tuple[str, str]:
    """("af", "wassen") for "afwassen"; ("", word) when it has no separable particle."""
    for particle in _PARTICLES:
        if word.startswith(particle) and len(word) - len(particle) > 4:
            return particle, word[len(particle) :]
    return "", word


def _verb_forms(particle: str, verb: str, finite_only: bool = False) -> set[str]:
    """Forms of an infinitive after `particle`: present and past tense, past participles."""
    raw = verb[:-2]
    if raw[-1] == raw[-2] and raw[-1] not in _VOWELS:
        stems = [raw[:-1]]  # pakk → pak
    elif _short_vowel_before_final_consonant(raw):
        doubled = raw[:-1] + raw[-2] + raw[-1]  # mak → maak, solder → soldeer
        stems = [raw, doubled] if raw[-2] == "e" else [doubled]  # luister, but soldeer
    else:
        stems = [raw]
    forms: set[str] = set()
    for stem in stems:
        past = "t" if stem[-1] in "tkfschpx" else "d"  # 't kofschip, before v → f
        stem = stem[:-1] + {"v": "f", "z": "s"}.get(stem[-1], stem[-1])  # verv → verf
        forms |= {stem, stem + "t", stem + past + "e", stem + past + "en"}
        if not finite_only:
            participle = stem if stem[-1] in "td" else stem + past
            forms |= {participle, "ge" + participle}  # verpakt, gedweild, gezet
    if not finite_only:
        forms.add("ge" + verb)  # strong verbs: gewassen, gevouwen
    return {particle + form for form in forms}


def _short_vowel_before_final_consonant(word: str) -> bool:
    """Whether it ends in one vowel and one consonant, as "bed", "mak" and "solder" do."""
    return (
        len(word) >= 3
        and word[-1] not in _VOWELS
        and word[-2] in _VOWELS - {"i", "y"}
        and word[-3] not in _VOWELS
    )


def parse(text: str) -> tuple[Entry, ...]:
    """The rows of a vocabulary file. Raises ValueError naming the line of a bad row."""
    return tuple(Entry(*row) for row in curated_rows(text, FILE_NAME, COLUMNS))


def curated_rows(
    text: str, file_name: str, columns: tuple[str, str, str, str]
) -> list[tuple[str, str, str, str]]:
    """The rows of a reviewed CSV of Dutch words (`columns`: the words, an ESCO URI, its
    English label, a note), each as (words, uri, label, note). Raises ValueError naming the
    line of a bad row: a missing value, or words not written in lower case."""
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != columns:
        raise ValueError(f"{file_name}: the columns must be {','.join(columns)}")
    words_column, uri_column, label_column, note_column = columns
    rows: list[tuple[str, str, str, str]] = []
    for row in reader:
        line = reader.line_num
        words, uri = row[words_column] or "", row[uri_column] or ""
        label = row[label_column] or ""
        if not (words and uri and label) or None in row:
            raise ValueError(
                f"{file_name} line {line}: {words_column}, {uri_column} and {label_column} "
                "are needed"
            )
        if words != " ".join(words.lower().split()) or not normalise(words):
            raise ValueError(
                f"{file_name} line {line}: write the {words_column} {words!r} in lower case"
            )
        rows.append((words, uri, label, row[note_column] or ""))
    return rows


def build(entries: Iterable[Entry]) -> Vocabulary:
    """A vocabulary from rows: a term's skills in row order, at most four, each once."""
    entries = tuple(entries)
    skills: dict[str, list[str]] = {}
    texts: dict[str, str] = {}
    for entry in entries:
        key = normalise(entry.term)
        if texts.setdefault(key, entry.term) != entry.term:
            raise ValueError(f"{entry.term!r} and {texts[key]!r} are the same term")
        uris = skills.setdefault(key, [])
        if entry.skill_uri in uris:
            raise ValueError(f"{entry.term!r} has {entry.skill_uri} twice")
        uris.append(entry.skill_uri)
        if len(uris) > MAX_SKILLS_PER_TERM:
            raise ValueError(f"{entry.term!r} has more than {MAX_SKILLS_PER_TERM} skills")
    terms: list[_Term] = []
    index: dict[str, list[tuple[_Term, int]]] = {}
    for key, uris in skills.items():
        words = tuple(key.split())
        patterns = [tuple(word_forms(w) for w in words)]
        particle, verb = _split_particle(words[0]) if len(words) == 1 else ("", "")
        if particle and verb.endswith("en"):
            finite = frozenset(_verb_forms("", verb, finite_only=True) - _AMBIGUOUS_FORMS)
            patterns.append((finite, frozenset({particle})))  # wast af
        term = _Term(texts[key], key, words, tuple(patterns), tuple(uris), len(terms))
        terms.append(term)
        for p, pattern in enumerate(term.patterns):
            for form in pattern[0]:
                index.setdefault(form, []).append((term, p))
    by_first_form = MappingProxyType({form: tuple(pairs) for form, pairs in index.items()})
    return Vocabulary(entries, tuple(terms), by_first_form)


@functools.cache
def vocabulary() -> Vocabulary:
    """The bundled vocabulary, read once."""
    text = resources.files(__package__ or "services.core.taxonomy").joinpath(FILE_NAME)
    return build(parse(text.read_text(encoding="utf-8")))


def lookup(
    query: str, limit: int = 10, known_uris: Collection[str] | None = None
) -> list[VocabularyHit]:
    """Skills for a search query in the bundled vocabulary; see `Vocabulary.lookup`."""
    return vocabulary().lookup(query, limit, known_uris)


def find_in_text(text: str) -> list[VocabularyHit]:
    """Terms of the bundled vocabulary in a free text; see `Vocabulary.find_in_text`."""
    return vocabulary().find_in_text(text)


def restrict(hits: Iterable[VocabularyHit], known_uris: Collection[str]) -> list[VocabularyHit]:
    """The hits whose skill is one of `known_uris`, e.g. the URIs of the loaded taxonomy."""
    return [hit for hit in hits if hit.skill_uri in known_uris]
