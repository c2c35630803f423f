"""DigComp 2.2: where its file comes from, the Dutch names, the level rule, reading the file."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from services.core.errors import Invalid
from services.core.settings import STARTER_TAXONOMY_DIR, Settings
from services.core.taxonomy import digcomp, importer, reader
from tests.esco_folders import SKILL_STAFF, SKILL_SURFACES, write_tiny_esco

IDS = [
    *("1.1", "1.2", "1.3"),
    *("2.1", "2.2", "2.3", "2.4", "2.5", "2.6"),
    *("3.1", "3.2", "3.3", "3.4"),
    *("4.1", "4.2", "4.3", "4.4"),
    *("5.1", "5.2", "5.3", "5.4"),
]
HEADER = [
    "competence_id",
    "area_id",
    "area_name",
    "competence_name",
    "esco_uri",
    "esco_preferred_label",
    "esco_skill_type",
    "esco_description",
]


def write_digcomp(folder: Path, rows: list[tuple[str, str, str]]) -> Path:
    """A competences file of (competence id, area id, skill URI) rows, in the reference layout."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / digcomp.COMPETENCES_FILE).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for competence, area, uri in rows:
            names = digcomp.COMPETENCES.get(competence, digcomp.Names("?", "?"))
            area_name = digcomp.AREAS.get(int(area), names).en
            writer.writerow([competence, area, area_name, names.en, uri, "", "", ""])
    return folder


def settings(esco_dir: Path | None = None, digcomp_dir: Path | None = None) -> Settings:
    """Settings with these folders, whatever OPSTAP_ESCO_DIR and OPSTAP_DIGCOMP_DIR say."""
    return Settings(_env_file=None, esco_dir=esco_dir, digcomp_dir=digcomp_dir)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_the_translation_table_has_all_21_competences_in_5_areas() -> None:
    assert list(digcomp.COMPETENCES) == IDS
    assert list(digcomp.AREAS) == [1, 2, 3, 4, 5]
    dutch = [names.nl for names in (*digcomp.AREAS.values(), *digcomp.COMPETENCES.values())]
    assert all(name.strip() for name in dutch)
    assert len(set(dutch)) == len(dutch), "every Dutch name is its own"
    assert {int(competence.split(".")[0]) for competence in IDS} == set(digcomp.AREAS)


def test_the_english_names_are_those_of_the_starter_file_and_the_reference_file(
    esco_dir: Path | None,
) -> None:
    files = [STARTER_TAXONOMY_DIR / digcomp.COMPETENCES_FILE]
    if esco_dir is not None and (esco_dir.parent / "digcomp").is_dir():
        files.append(esco_dir.parent / "digcomp" / digcomp.COMPETENCES_FILE)
    for path in files:
        rows = read_csv(path)
        assert [row["competence_id"] for row in rows] == IDS, path
        for row in rows:
            assert row["competence_name"] == digcomp.COMPETENCES[row["competence_id"]].en
            assert row["area_name"] == digcomp.AREAS[int(row["area_id"])].en


def test_each_competence_has_its_own_digital_starter_skill() -> None:
    rows = read_csv(STARTER_TAXONOMY_DIR / digcomp.COMPETENCES_FILE)
    skills = {row["conceptUri"]: row for row in read_csv(STARTER_TAXONOMY_DIR / "skills_en.csv")}
    digital = {
        row["conceptUri"]
        for row in read_csv(STARTER_TAXONOMY_DIR / "digitalSkillsCollection_en.csv")
    }
    uris = [row["esco_uri"] for row in rows]
    assert len(set(uris)) == 21
    for row in rows:
        skill = skills[row["esco_uri"]]
        assert row["esco_uri"] in digital
        assert row["esco_preferred_label"] == skill["preferredLabel"]
        assert row["esco_skill_type"] == skill["skillType"]


def test_our_levels_map_onto_digcomp_by_autonomy() -> None:
    assert [digcomp.digcomp_level(level) for level in (1, 2, 3, 4)] == [2, 3, 4, 5]
    for level in (0, 5):
        with pytest.raises(ValueError, match="between 1 and 4"):
            digcomp.digcomp_level(level)
    assert [digcomp.proficiency(level) for level in (1, 2, 3, 5, 8)] == [
        ("Foundation", "Basis"),
        ("Foundation", "Basis"),
        ("Intermediate", "Gemiddeld"),
        ("Advanced", "Gevorderd"),
        ("Highly specialised", "Zeer gespecialiseerd"),
    ]
    assert digcomp.proficiency(0) is None and digcomp.proficiency(9) is None


def test_the_starter_taxonomy_uses_its_own_competences_file(tmp_path: Path) -> None:
    assert digcomp.digcomp_folder(settings()) == STARTER_TAXONOMY_DIR
    # An ESCO-mapped DigComp folder cannot fit the starter's skills, so it is not used.
    assert digcomp.digcomp_folder(settings(digcomp_dir=tmp_path)) == STARTER_TAXONOMY_DIR


def test_with_esco_the_setting_wins_then_a_digcomp_folder_beside_it(tmp_path: Path) -> None:
    esco = write_tiny_esco(tmp_path / "esco")
    assert digcomp.digcomp_folder(settings(esco_dir=esco)) is None
    (tmp_path / "digcomp").mkdir()
    assert digcomp.digcomp_folder(settings(esco_dir=esco)) is None, "a folder without the file"
    beside = write_digcomp(tmp_path / "digcomp", [])
    assert digcomp.digcomp_folder(settings(esco_dir=esco)) == beside
    chosen = tmp_path / "elsewhere"
    assert digcomp.digcomp_folder(settings(esco_dir=esco, digcomp_dir=chosen)) == chosen


def test_a_chosen_digcomp_folder_must_hold_the_file(tmp_path: Path) -> None:
    esco = write_tiny_esco(tmp_path / "esco")
    assert digcomp.competences_file(esco) is None
    with pytest.raises(Invalid, match=r"digcomp_2_2_competences\.csv is missing"):
        digcomp.competences_file(esco, tmp_path / "nowhere")
    with pytest.raises(Invalid, match=r"digcomp_2_2_competences\.csv is missing"):
        importer.fingerprint(esco, tmp_path / "nowhere")


def test_competences_are_read_with_dutch_names_and_bad_rows_skipped(tmp_path: Path) -> None:
    esco = write_tiny_esco(tmp_path / "esco")
    folder = write_digcomp(
        tmp_path / "digcomp",
        [
            ("4.2", "4", SKILL_STAFF),  # line 2
            ("4.1", "4", "http://data.europa.eu/esco/skill/gone"),  # line 3: unknown skill
            ("6.1", "6", SKILL_SURFACES),  # line 4: no such competence
            ("2.1", "3", SKILL_SURFACES),  # line 5: wrong area
            ("4.2", "4", SKILL_SURFACES),  # line 6: duplicate
            ("1.1", "1", ""),  # line 7: no skill
        ],
    )
    data = reader.read_folder(esco, digcomp_dir=folder)
    assert data.rows("digcomp_competence") == [
        (
            "4.2",
            4,
            "Safety",
            "Veiligheid",
            "Protecting personal data and privacy",
            "Persoonsgegevens en privacy beschermen",
            SKILL_STAFF,
        )
    ]
    skipped = {row.line: row.reason for row in data.skipped if row.file == digcomp.COMPETENCES_FILE}
    assert sorted(skipped) == [3, 4, 5, 6, 7]
    assert "is not in skills_en.csv" in skipped[3]
    assert "unknown DigComp 2.2 competence id '6.1'" in skipped[4]
    assert "area_id '3' does not fit competence 2.1" in skipped[5]
    assert "duplicate competence 4.2 (first on line 2)" in skipped[6]
    assert "empty esco_uri" in skipped[7]


def test_a_competences_file_without_a_needed_column_is_invalid(tmp_path: Path) -> None:
    esco = write_tiny_esco(tmp_path / "esco")
    folder = tmp_path / "digcomp"
    folder.mkdir()
    (folder / digcomp.COMPETENCES_FILE).write_text("competence_id,area_id\r\n1.1,1\r\n")
    with pytest.raises(Invalid, match=r"has no column 'area_name'; expected the DigComp 2\.2"):
        reader.read_folder(esco, digcomp_dir=folder)


def test_adding_a_digcomp_file_changes_the_fingerprint(tmp_path: Path) -> None:
    esco = write_tiny_esco(tmp_path / "esco")
    before = importer.fingerprint(esco)
    folder = write_digcomp(tmp_path / "digcomp", [("4.2", "4", SKILL_STAFF)])
    after = importer.fingerprint(esco)
    assert after != before
    assert importer.fingerprint(esco, folder) == after
    write_digcomp(folder, [("4.2", "4", SKILL_SURFACES)])
    assert importer.fingerprint(esco) != after
