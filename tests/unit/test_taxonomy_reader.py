"""The ESCO CSV reader: real parsing, typed rows, and bad rows skipped with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.core.errors import Invalid
from services.core.taxonomy import importer, models, reader
from services.core.taxonomy.models import SkippedRow
from tests.esco_folders import (
    ESCO,
    GROUP_MANAGE,
    LONG_DESCRIPTION,
    OCC_CLEANER,
    OCC_DIRECTOR,
    OCC_WITHDRAWN,
    SKILL_HASKELL,
    SKILL_PRODUCTS,
    SKILL_STAFF,
    SKILL_SURFACES,
    write_csv,
    write_tiny_esco,
)


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """A tiny ESCO folder with one bad row of each kind."""
    return write_tiny_esco(tmp_path / "esco")


def labels(taxonomy: models.Taxonomy, uri: str, lang: str, kind: str) -> list[str]:
    """The labels of one concept, language and kind, in file order."""
    return [
        row.label
        for row in taxonomy.taxonomy_label.values()
        if (row.concept_uri, row.lang, row.label_kind) == (uri, lang, kind)
    ]


def test_concepts_are_parsed_into_typed_rows(tiny: Path) -> None:
    taxonomy = reader.read_folder(tiny)
    assert set(taxonomy.occupation) == {OCC_DIRECTOR, OCC_CLEANER}
    director = taxonomy.occupation[OCC_DIRECTOR]
    assert director == models.OccupationRow(
        OCC_DIRECTOR,
        "2654.1.7",
        "2654",
        4,
        "technical director",
        "inspiciënt",
        LONG_DESCRIPTION.strip(),
        "inspiciënt does things.",
    )
    assert taxonomy.occupation[OCC_CLEANER].skill_level == 1
    assert taxonomy.occupation[OCC_CLEANER].label_nl is None
    assert taxonomy.skill[SKILL_STAFF].label_nl == "muziekpersoneel beheren"
    assert taxonomy.skill[SKILL_PRODUCTS].skill_type == "knowledge"
    assert taxonomy.skill_group[GROUP_MANAGE].label_nl == "managementvaardigheden"


def test_isco_groups_get_parent_code_and_skill_level(tiny: Path) -> None:
    groups = {row.code: row for row in reader.read_folder(tiny).isco_group.values()}
    assert (groups["2"].parent_code, groups["2"].skill_level) == (None, 4)
    assert (groups["2654"].parent_code, groups["2654"].skill_level) == ("265", 4)
    assert (groups["9112"].parent_code, groups["9112"].skill_level) == ("911", 1)
    assert groups["2"].label_nl == "Specialisten"
    assert [reader.skill_level(code) for code in "0123456789"] == [
        None,
        4,
        4,
        3,
        2,
        2,
        2,
        2,
        2,
        1,
    ]


def test_multi_line_labels_are_split_stripped_and_deduplicated(tiny: Path) -> None:
    taxonomy = reader.read_folder(tiny)
    assert labels(taxonomy, OCC_DIRECTOR, "en", "alt") == [
        "technical and operations director",
        "head of technical",
    ]
    assert labels(taxonomy, OCC_CLEANER, "en", "alt") == ["cleaner", "office cleaning operative"]
    assert labels(taxonomy, OCC_CLEANER, "en", "hidden") == ["janitor"]
    assert labels(taxonomy, OCC_DIRECTOR, "nl", "preferred") == ["inspiciënt"]
    assert labels(taxonomy, OCC_DIRECTOR, "nl", "alt") == ["toneelmeester"]
    assert labels(taxonomy, SKILL_STAFF, "nl", "alt") == ["muzikanten aansturen"]
    assert labels(taxonomy, f"{ESCO}/isco/C2", "nl", "preferred") == ["Specialisten"]
    assert labels(taxonomy, GROUP_MANAGE, "en", "alt") == ["managing"]


def test_relations_between_known_concepts_are_kept(tiny: Path) -> None:
    taxonomy = reader.read_folder(tiny)
    assert set(taxonomy.occupation_skill) == {
        models.OccupationSkillRow(OCC_DIRECTOR, SKILL_STAFF, "essential"),
        models.OccupationSkillRow(OCC_DIRECTOR, SKILL_HASKELL, "essential"),
        models.OccupationSkillRow(OCC_CLEANER, SKILL_SURFACES, "essential"),
        models.OccupationSkillRow(OCC_CLEANER, SKILL_PRODUCTS, "optional"),
    }
    assert taxonomy.skill_relation == [
        models.SkillRelationRow(SKILL_SURFACES, SKILL_PRODUCTS, "optional")
    ]
    assert set(taxonomy.skill_collection) == {
        models.CollectionRow("transversal", SKILL_SURFACES),
        models.CollectionRow("digital", SKILL_HASKELL),
    }
    pillars = {(row.concept_uri, row.pillar) for row in taxonomy.taxonomy_broader}
    assert (OCC_CLEANER, "occupation") in pillars
    assert (SKILL_STAFF, "skill") in pillars
    assert len(taxonomy.taxonomy_broader) == 6 + 2 + 2


def test_each_bad_row_is_skipped_with_its_file_and_starting_line(tiny: Path) -> None:
    skipped = reader.read_folder(tiny).skipped
    where = [(row.file, row.line) for row in skipped]
    assert where == [
        ("occupations_en.csv", 7),
        ("occupations_en.csv", 8),
        ("occupations_en.csv", 9),
        ("occupations_nl.csv", 3),
        ("broaderRelationsSkillPillar.csv", 4),
        ("occupationSkillRelations.csv", 6),
        ("occupationSkillRelations.csv", 7),
        ("occupationSkillRelations.csv", 8),
        ("occupationSkillRelations.csv", 9),
        ("digitalSkillsCollection_en.csv", 3),
    ]
    reasons = [row.reason for row in skipped]
    assert reasons[0] == "expected 14 fields, found 3"
    assert reasons[1].startswith(f"duplicate conceptUri {OCC_DIRECTOR} (first on line 2)")
    assert reasons[2] == "empty conceptUri"
    assert reasons[3] == f"{OCC_WITHDRAWN} is not in occupations_en.csv"
    assert reasons[5] == f"{OCC_WITHDRAWN} is not in occupations_en.csv"
    assert reasons[6] == "unknown relationType 'mandatory'"
    assert reasons[7] == "duplicate relation (first on line 2)"
    assert reasons[8] == f"{ESCO}/skill/gone is not in skills_en.csv"
    assert all(isinstance(row, SkippedRow) for row in skipped)


def test_a_missing_required_file_is_named(tiny: Path) -> None:
    (tiny / "skills_en.csv").unlink()
    with pytest.raises(Invalid) as error:
        reader.read_folder(tiny)
    assert "skills_en.csv is missing from" in error.value.detail
    assert str(tiny) in error.value.detail
    assert error.value.fields["file"] == "skills_en.csv"


def test_optional_files_may_be_absent(tiny: Path) -> None:
    for name in ("skills_nl.csv", "occupations_nl.csv", "skillSkillRelations.csv"):
        (tiny / name).unlink()
    taxonomy = reader.read_folder(tiny)
    assert taxonomy.skill_relation == []
    assert taxonomy.occupation[OCC_DIRECTOR].label_nl is None


def test_a_folder_that_does_not_exist_is_invalid(tmp_path: Path) -> None:
    with pytest.raises(Invalid, match="does not exist"):
        reader.read_folder(tmp_path / "nowhere")


def test_a_header_without_a_needed_column_names_file_and_column(tiny: Path) -> None:
    path = tiny / "occupationSkillRelations.csv"
    write_csv(path, ["occupationUri", "relation", "skillType", "skillUri"], [])
    with pytest.raises(Invalid) as error:
        reader.read_folder(tiny)
    assert "occupationSkillRelations.csv" in error.value.detail
    assert "'relationType'" in error.value.detail


def test_an_empty_file_is_invalid(tiny: Path) -> None:
    (tiny / "skillGroups_en.csv").write_bytes(b"")
    with pytest.raises(Invalid, match=r"skillGroups_en\.csv .* is empty"):
        reader.read_folder(tiny)


def test_fingerprint_follows_names_and_contents(tiny: Path, tmp_path: Path) -> None:
    before = importer.fingerprint(tiny)
    assert before == importer.fingerprint(write_tiny_esco(tmp_path / "copy"))
    (tiny / "README.txt").write_text("not read by the importer")
    assert importer.fingerprint(tiny) == before
    with (tiny / "skills_en.csv").open("a", encoding="utf-8") as handle:
        handle.write("\r\n")
    assert importer.fingerprint(tiny) != before


def test_progress_is_reported_per_file(tiny: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reader.read_folder(tiny, importer.echo_progress)
    err = capsys.readouterr().err
    assert "reading occupations_en.csv ... 5 rows" in err
    assert "reading occupationSkillRelations.csv ... 8 rows" in err
