"""The Dutch work vocabulary: its file, ESCO URIs and labels, search and finding terms in text."""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path

import pytest

from services.core.taxonomy import vocabulary
from services.core.taxonomy.vocabulary import Entry, build, find_in_text, lookup, restrict

SKILL = "http://data.europa.eu/esco/skill"
WASH_THE_DISHES = f"{SKILL}/c662be22-f17a-4ba0-894f-d720b20c44cf"
OPERATE_DISHWASHER = f"{SKILL}/f20aedf0-6543-498d-b88e-0a32e604acbb"
PRUNE_PLANTS = f"{SKILL}/af9b6098-7d2f-4990-b4eb-d7dd73fdb933"
CLEAN_FLOORS = f"{SKILL}/a2cd3b30-2d6c-473e-a5d4-4e7cb576babe"
OPERATE_FORKLIFT = f"{SKILL}/28cb374e-6261-4133-8371-f9a5470145da"
CASH_REGISTER = f"{SKILL}/0cb013af-6dd9-4fb2-b34e-63dda1a5cf82"


def file_text() -> str:
    return (
        resources.files("services.core.taxonomy")
        .joinpath(vocabulary.FILE_NAME)
        .read_text(encoding="utf-8")
    )


def found(text: str) -> list[tuple[str, str, int]]:
    """(term, phrase, offset) of each term occurrence in `text`, in text order."""
    hits = find_in_text(text)
    return list(dict.fromkeys((h.term, h.phrase, h.offset) for h in hits))


def test_the_file_parses_into_a_few_hundred_terms_of_one_to_four_skills() -> None:
    entries = vocabulary.parse(file_text())
    voc = vocabulary.vocabulary()
    assert voc.entries == entries
    assert 250 <= len(voc.terms) <= 400
    assert all(1 <= len(term.skill_uris) <= 4 for term in voc.terms)
    # A term's rows stand together, best skill first, so a reviewer reads them as one.
    terms_in_order = [e.term for e in entries]
    runs = [t for i, t in enumerate(terms_in_order) if i == 0 or terms_in_order[i - 1] != t]
    assert len(runs) == len(set(runs)) == len(voc.terms)
    assert all(e.skill_uri.startswith(f"{SKILL}/") for e in entries)


def test_no_row_is_there_twice() -> None:
    pairs = [(e.term, e.skill_uri) for e in vocabulary.parse(file_text())]
    assert len(pairs) == len(set(pairs))
    with pytest.raises(ValueError, match="twice"):
        build([Entry("afwassen", WASH_THE_DISHES, "x"), Entry("afwassen", WASH_THE_DISHES, "x")])
    with pytest.raises(ValueError, match="same term"):
        build([Entry("hygiëne", WASH_THE_DISHES, "x"), Entry("hygiene", CLEAN_FLOORS, "x")])


def test_a_bad_row_is_reported_with_its_line() -> None:
    header = ",".join(vocabulary.COLUMNS)
    with pytest.raises(ValueError, match="line 3"):
        vocabulary.parse(f"{header}\nafwassen,{WASH_THE_DISHES},wash the dishes,\nkassa,,,\n")
    with pytest.raises(ValueError, match="lower case"):
        vocabulary.parse(f"{header}\nAfwassen,{WASH_THE_DISHES},wash the dishes,\n")
    with pytest.raises(ValueError, match="columns"):
        vocabulary.parse("term,uri\nafwassen,x\n")


@pytest.mark.esco
def test_every_uri_is_an_esco_skill_with_the_label_given(esco_dir: Path | None) -> None:
    if esco_dir is None:
        pytest.skip("OPSTAP_ESCO_DIR is not set")
    csv.field_size_limit(2**31 - 1)  # some ESCO descriptions are longer than the default
    with (esco_dir / "skills_en.csv").open(newline="", encoding="utf-8") as handle:
        labels = {row["conceptUri"]: row["preferredLabel"] for row in csv.DictReader(handle)}
    assert len(labels) == 13_896
    wrong = [
        f"{e.term}: {e.skill_uri} is {labels.get(e.skill_uri)!r}, not {e.esco_label!r}"
        for e in vocabulary.parse(file_text())
        if labels.get(e.skill_uri) != e.esco_label
    ]
    assert wrong == []


def test_lookup_ranks_the_exact_term_first_then_prefixes_then_words() -> None:
    hits = lookup("afwassen")
    assert [(h.skill_uri, h.term, h.score) for h in hits[:2]] == [
        (WASH_THE_DISHES, "afwassen", 1.0),
        (OPERATE_DISHWASHER, "afwassen", 0.975),
    ]
    assert [h.term for h in lookup("afwas")][:2] == ["afwas", "afwassen"]  # exact, then prefix
    assert all(h.phrase == "" and h.offset == -1 for h in hits)
    dweilen = lookup("dweilen", limit=20)
    assert dweilen[0].term == "dweilen"
    assert "vloer dweilen" in {h.term for h in dweilen[1:]}  # contains it as a word
    assert lookup("vloer dwe")[0].term == "vloer dweilen"  # typing: the last word a prefix
    for hits in (dweilen, lookup("kassa"), lookup("heftruck"), lookup("vloer")):
        scores = [h.score for h in hits]
        assert scores == sorted(scores, reverse=True)
        assert all(0.0 <= s <= 1.0 for s in scores)
        assert len({h.skill_uri for h in hits}) == len(hits), "each skill once"


def test_lookup_normalises_the_query_and_knows_inflected_forms() -> None:
    assert lookup("  Vakken   VULLEN! ")[0].term == "vakken vullen"
    assert lookup("hygiene")[0].term == "hygiëne"
    assert lookup("kassa's")[0].term == "kassa"
    assert lookup("gesnoeid")[0].skill_uri == PRUNE_PLANTS
    assert lookup("wast af")[0].term == "afwassen"
    assert lookup("") == lookup("?!") == lookup("afwassen", limit=0) == []
    assert lookup("xyzzy") == []


def test_lookup_forgives_one_typo_in_a_word_only_when_nothing_else_is_found() -> None:
    assert lookup("heftruk")[0].skill_uri == OPERATE_FORKLIFT  # a letter left out
    assert lookup("afwasen")[0].skill_uri == WASH_THE_DISHES
    assert lookup("afwsasen")[0].skill_uri == WASH_THE_DISHES  # two neighbours swapped
    assert lookup("ofderpicken")[0].term == "orderpicken"  # a letter changed
    assert {h.term for h in lookup("dweillen")} >= {"dweilen", "vloer dweilen"}  # a word of it
    hits = lookup("heftruk")
    assert all(h.score <= 0.3 for h in hits), "a guess ranks below anything found as written"
    assert lookup("kasa") == []  # short words: one typo from too many others
    assert lookup("hftrk") == []  # two typos
    assert lookup("heftruk rijden") == []  # typos only for a one-word query


@pytest.mark.parametrize(
    ("typed", "word", "near"),
    [
        ("heftruk", "heftruck", True),
        ("heftrucks", "heftruck", True),
        ("hetfruck", "heftruck", True),
        ("heftrack", "heftruck", True),
        ("heftruck", "heftruck", False),  # no typo: found as written instead
        ("hetfrukc", "heftruck", False),
        ("kasa", "kassa", False),
        ("vloer", "vloeren", False),
    ],
)
def test_typo_away(typed: str, word: str, near: bool) -> None:
    assert vocabulary.typo_away(typed, word) is near


def test_lookup_limit_and_known_uris() -> None:
    assert len(lookup("schoon", limit=3)) == 3
    only = lookup("afwassen", known_uris={OPERATE_DISHWASHER})
    assert [h.skill_uri for h in only] == [OPERATE_DISHWASHER]
    assert lookup("afwassen", known_uris={"urn:opstap:skill:wash-dishes"}) == []


def test_find_in_text_finds_inflected_forms_with_their_phrase_and_offset() -> None:
    text = (
        "Hij snoeit de struiken, heeft gisteren gesnoeid en dweilt de gang. "
        "De borden zijn afgewassen. Zij bediende de kassa's."
    )
    occurrences = found(text)
    assert occurrences == [
        ("snoeien", "snoeit", 4),
        ("snoeien", "gesnoeid", text.index("gesnoeid")),
        ("dweilen", "dweilt", text.index("dweilt")),
        ("afwassen", "afgewassen", text.index("afgewassen")),
        ("kassa", "kassa's", text.index("kassa's")),
    ]
    assert all(text[offset : offset + len(phrase)] == phrase for _, phrase, offset in occurrences)
    hits = find_in_text("Wij zoeken iemand voor de afwas.")
    assert [(h.skill_uri, h.score) for h in hits] == [(WASH_THE_DISHES, 1.0)]
    assert find_in_text("snoeit")[0].score == 0.9  # an inflected form scores a little lower


def test_find_in_text_finds_multi_word_terms_and_plurals() -> None:
    text = "Ervaring met heftruck rijden, laden en lossen en vloeren dweilen; HACCP-regels kennen."
    assert [term for term, _, _ in found(text)] == [
        "heftruck rijden",
        "laden en lossen",
        "vloer dweilen",
        "haccp",
    ]
    assert ("vloer dweilen", "vloeren dweilen", text.index("vloeren")) in found(text)
    assert found("Je wast af en ruimt op.") == [
        ("afwassen", "wast af", 3),
        ("opruimen", "ruimt op", 14),
    ]
    assert OPERATE_FORKLIFT in {h.skill_uri for h in find_in_text("Heftruckrijden? Nee: heftruck.")}


def test_the_longest_term_wins_over_a_shorter_term_inside_it() -> None:
    small = build(
        [
            Entry("dweilen", CLEAN_FLOORS, "clean building floors"),
            Entry("vloer dweilen", CLEAN_FLOORS, "clean building floors"),
            Entry("vloer", WASH_THE_DISHES, "a made-up skill"),
        ]
    )
    hits = small.find_in_text("Vandaag de vloer dweilen, morgen dweilen.")
    assert [(h.term, h.phrase, h.offset) for h in hits] == [
        ("vloer dweilen", "vloer dweilen", 11),
        ("dweilen", "dweilen", 33),
    ]
    # Words in different sentences are not one term.
    assert [h.term for h in small.find_in_text("De vloer. Dweilen!")] == ["vloer", "dweilen"]
    assert [t for t, _, _ in found("de vaatwasser bedienen")] == ["vaatwasser bedienen"]


def test_a_text_without_terms_gives_nothing() -> None:
    assert find_in_text("") == []
    assert find_in_text("Het was een mooie dag en ik zag de zon.") == []  # was ≠ wassen


def test_word_forms_follow_simple_dutch_inflection() -> None:
    assert {"dweil", "dweilt", "dweilde", "gedweild", "dweilend"} <= vocabulary.word_forms(
        "dweilen"
    )
    assert {"pak", "pakt", "pakte", "gepakt"} <= vocabulary.word_forms("pakken")
    assert {"soldeer", "soldeert", "gesoldeerd"} <= vocabulary.word_forms("solderen")
    assert {"afwas", "afgewassen", "afgewast"} <= vocabulary.word_forms("afwassen")
    assert {"verpakt", "verpakte"} <= vocabulary.word_forms("verpakken")
    assert {"ramen"} <= vocabulary.word_forms("raam")
    assert {"bedden"} <= vocabulary.word_forms("bed")
    assert {"groenten", "groentes"} <= vocabulary.word_forms("groente")
    assert {"kassas"} <= vocabulary.word_forms("kassa")
    assert "was" not in vocabulary.word_forms("wassen")
    assert vocabulary.word_forms("op") == {"op"}


def test_restrict_keeps_the_skills_of_the_loaded_taxonomy() -> None:
    hits = find_in_text("Kassa draaien en afwassen.")
    assert {h.skill_uri for h in restrict(hits, {CASH_REGISTER})} == {CASH_REGISTER}
    # The starter taxonomy has its own URIs, so none of these ESCO skills is in it.
    assert restrict(hits, {"urn:opstap:skill:operate-till"}) == []
