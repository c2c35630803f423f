"""Occupations named in a text's title: the curated Dutch titles file and the title matching."""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from services.core.taxonomy import titles
from services.core.taxonomy.titles import Entry, build, named, parse, title_line

OCC = "http://data.europa.eu/esco/occupation"
MOVER = f"{OCC}/mover"
TRUCK = f"{OCC}/moving-truck-driver"
SHOP = f"{OCC}/shop-assistant"
CLEANER = f"{OCC}/window-cleaner"
PORTER = f"{OCC}/kitchen-porter"
GARDENER = f"{OCC}/landscape-gardener"
GROUNDS = f"{OCC}/groundsman"


def file_text() -> str:
    return (
        resources.files("services.core.taxonomy")
        .joinpath(titles.FILE_NAME)
        .read_text(encoding="utf-8")
    )


def test_the_file_parses_into_more_than_a_hundred_titles_of_one_to_three_occupations() -> None:
    entries = parse(file_text())
    curated = titles.curated()
    assert len(curated) >= 100
    assert all(1 <= len(uris) <= 3 for uris in curated.values())
    assert all(e.occupation_uri.startswith(f"{OCC}/") for e in entries)
    # A title's rows stand together, best occupation first, so a reviewer reads them as one.
    order = [e.title for e in entries]
    runs = [t for i, t in enumerate(order) if i == 0 or order[i - 1] != t]
    assert len(runs) == len(set(runs)) == len(curated)
    assert curated["afwasser"] == (
        next(e.occupation_uri for e in entries if e.esco_label == "kitchen porter"),
    )


def test_a_bad_row_or_a_duplicate_is_refused() -> None:
    header = ",".join(titles.COLUMNS)
    with pytest.raises(ValueError, match="line 3"):
        parse(f"{header}\nafwasser,{PORTER},kitchen porter,\nkok,,,\n")
    with pytest.raises(ValueError, match="lower case"):
        parse(f"{header}\nAfwasser,{PORTER},kitchen porter,\n")
    with pytest.raises(ValueError, match="columns"):
        parse("title,uri\nafwasser,x\n")
    with pytest.raises(ValueError, match="twice"):
        build([Entry("afwasser", PORTER, "x", ""), Entry("afwasser", PORTER, "x", "")])
    with pytest.raises(ValueError, match="more than three"):
        build([Entry("kok", f"{OCC}/{n}", "x", "") for n in range(4)])


@pytest.mark.esco
def test_every_uri_is_an_esco_occupation_with_the_label_given(esco_dir: Path | None) -> None:
    if esco_dir is None:
        pytest.skip("OPSTAP_ESCO_DIR is not set")
    csv.field_size_limit(2**31 - 1)
    with (esco_dir / "occupations_en.csv").open(newline="", encoding="utf-8") as handle:
        labels = {row["conceptUri"]: row["preferredLabel"] for row in csv.DictReader(handle)}
    assert len(labels) > 3000
    wrong = [
        f"{e.title}: {e.occupation_uri} is {labels.get(e.occupation_uri)!r}, not {e.esco_label!r}"
        for e in parse(file_text())
        if labels.get(e.occupation_uri) != e.esco_label
    ]
    assert wrong == []


def test_a_title_names_the_occupations_whose_labels_it_holds() -> None:
    esco = {"verhuizer": (MOVER, TRUCK), "window cleaner": (CLEANER,), "shop assistant": (SHOP,)}
    curated = {"verhuizer": (MOVER,), "hovenier": (GARDENER, GROUNDS)}
    both = [curated, esco]
    assert named("Window Cleaner", both) == {CLEANER: 1.0}
    assert named("Window cleaners", both) == {CLEANER: 1.0}  # the last word may be plural
    # The curated list is asked first; one title naming two occupations gives each half.
    assert named("Verhuizer", both) == {MOVER: 1.0}
    assert named("Verhuizer", [esco]) == {MOVER: 0.5, TRUCK: 0.5}
    assert named("Hovenier", both) == {GARDENER: 0.5, GROUNDS: 0.5}
    # A part of the title ("/", brackets) is read apart; words of work in general do not count.
    assert named("Verhuizer / medewerker verhuisservice", both) == {MOVER: 1.0}
    assert named("Assistent hovenier (parttime)", both) == {GARDENER: 0.5, GROUNDS: 0.5}
    # Words the title found does not explain make it less certain.
    assert named("Print & Copy Shop Assistant", both) == {SHOP: pytest.approx(1 / 3)}
    assert named("Medewerker", both) == named("Assistant", both) == {}


def test_the_longest_title_wins_over_a_shorter_one_inside_it() -> None:
    index = {"medewerker groenvoorziening": (GROUNDS,), "groenvoorziening": (GARDENER,)}
    assert named("Medewerker groenvoorziening", [index]) == {GROUNDS: 1.0}
    assert named("Groenvoorziening", [index]) == {GARDENER: 1.0}


def test_only_a_first_line_that_reads_as_a_title_is_read() -> None:
    assert title_line("Hotel Porter\nWe are looking for ...") == "Hotel Porter"
    assert title_line("  Afwasser (20 uur)  \n\nWat ga je doen?") == "Afwasser (20 uur)"
    assert title_line("Ons café zoekt een afwasser.\nJe wast af.") == ""
    sentence = "Ons sociale lunchcafé in de binnenstad zoekt een afwasser voor de ochtend"
    assert title_line(sentence) == ""


def test_the_label_index_is_built_from_the_occupation_rows_of_the_label_vectors() -> None:
    labels = SimpleNamespace(
        version="test-titles",
        uris=np.array([MOVER, MOVER, TRUCK, "skill/x"]),
        kinds=np.array(["occupation", "occupation", "occupation", "skill"]),
        labels=np.array(["mover", "Verhuizer", "verhuizer", "verhuizen"]),
    )
    index = titles.label_index(labels)
    assert index["verhuizer"] == (MOVER, TRUCK)
    assert index["mover"] == (MOVER,)
    assert "verhuizen" not in index
