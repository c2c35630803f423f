"""The bundled starter taxonomy is a faithful, self-consistent copy of the ESCO v1.1.1 layout,
generated from the YAML data in tools/starter_taxonomy/, which its generator validates.

Only the standard library's csv module reads the CSV files here, on purpose: these tests check
the files themselves, independently of the importer that reads them.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
STARTER = ROOT / "services/core/taxonomy/starter"
GENERATOR = ROOT / "tools/starter_taxonomy.py"
DATA = ROOT / "tools/starter_taxonomy"


def load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("starter_taxonomy", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks the module up while being made
    spec.loader.exec_module(module)
    return module


generator = load_generator()

# Headers of the official ESCO v1.1.1 CSV files (skills_nl.csv, our addition, uses skills_en's).
OCCUPATIONS = (
    "conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,"
    "modifiedDate,regulatedProfessionNote,scopeNote,definition,inScheme,description,code"
)
SKILLS = (
    "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status,"
    "modifiedDate,scopeNote,definition,inScheme,description"
)
ISCO = "conceptType,conceptUri,code,preferredLabel,status,altLabels,inScheme,description"
BROADER = "conceptType,conceptUri,broaderType,broaderUri"
SKILL_GROUPS = (
    "conceptType,conceptUri,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,"
    "scopeNote,inScheme,description,code"
)
HIERARCHY = (
    "Level 0 URI,Level 0 preferred term,Level 1 URI,Level 1 preferred term,Level 2 URI,"
    "Level 2 preferred term,Level 3 URI,Level 3 preferred term,Description,Scope note,"
    "Level 0 code,Level 1 code,Level 2 code,Level 3 code"
)
HEADERS = {
    "occupations_en.csv": OCCUPATIONS,
    "occupations_nl.csv": OCCUPATIONS,
    "skills_en.csv": SKILLS,
    "skills_nl.csv": SKILLS,
    "occupationSkillRelations.csv": "occupationUri,relationType,skillType,skillUri",
    "skillSkillRelations.csv": (
        "originalSkillUri,originalSkillType,relationType,relatedSkillType,relatedSkillUri"
    ),
    "ISCOGroups_en.csv": ISCO,
    "ISCOGroups_nl.csv": ISCO,
    "broaderRelationsOccPillar.csv": BROADER,
    "broaderRelationsSkillPillar.csv": BROADER,
    "skillGroups_en.csv": SKILL_GROUPS,
    "skillGroups_nl.csv": SKILL_GROUPS,
    "skillsHierarchy_en.csv": HIERARCHY,
    "skillsHierarchy_nl.csv": HIERARCHY,
    "transversalSkillsCollection_en.csv": (
        "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,status,altLabels,"
        "description,broaderConceptUri,broaderConceptPT"
    ),
    "digitalSkillsCollection_en.csv": (
        "conceptType,conceptUri,preferredLabel,status,skillType,reuseLevel,altLabels,"
        "description,broaderConceptUri,broaderConceptPT"
    ),
    # Not ESCO: the columns of the DigComp 2.2 reference file (../shared/data/digcomp).
    "digcomp_2_2_competences.csv": (
        "competence_id,area_id,area_name,competence_name,esco_uri,esco_preferred_label,"
        "esco_skill_type,esco_description"
    ),
}

SKILL_TYPES = {"skill/competence", "knowledge"}
REUSE_LEVELS = {"transversal", "cross-sector", "sector-specific", "occupation-specific"}
RELATION_TYPES = {"essential", "optional"}


def read(name: str) -> list[dict[str, str]]:
    with (STARTER / name).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def by_uri(name: str) -> dict[str, dict[str, str]]:
    return {row["conceptUri"]: row for row in read(name)}


def test_the_folder_holds_exactly_the_expected_files() -> None:
    assert sorted(path.name for path in STARTER.iterdir()) == sorted(HEADERS)


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_headers_are_the_esco_headers(name: str) -> None:
    with (STARTER / name).open(newline="", encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert header == HEADERS[name].split(",")


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_files_are_utf8_without_bom_and_every_row_ends_in_crlf(name: str) -> None:
    raw = (STARTER / name).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert raw.endswith(b"\r\n")
    # Multi-line cells contain bare LF only, so every CR belongs to a row ending.
    assert raw.count(b"\r") == raw.count(b"\r\n") == len(rows)
    assert all(len(row) == len(rows[0]) for row in rows), "every row has every column"


@pytest.mark.parametrize(
    "name",
    [
        "occupations_en.csv",
        "occupations_nl.csv",
        "skills_en.csv",
        "skills_nl.csv",
        "ISCOGroups_en.csv",
        "ISCOGroups_nl.csv",
        "skillGroups_en.csv",
        "skillGroups_nl.csv",
        "transversalSkillsCollection_en.csv",
        "digitalSkillsCollection_en.csv",
    ],
)
def test_no_duplicate_uris_and_every_concept_is_released_with_a_label(name: str) -> None:
    rows = read(name)
    uris = Counter(row["conceptUri"] for row in rows)
    assert [uri for uri, n in uris.items() if n > 1] == []
    assert all(row["conceptUri"].startswith("urn:opstap:") for row in rows)
    assert all(row["preferredLabel"].strip() and row["status"] == "released" for row in rows)


@pytest.mark.parametrize(
    ("english", "dutch"),
    [
        ("occupations_en.csv", "occupations_nl.csv"),
        ("skills_en.csv", "skills_nl.csv"),
        ("ISCOGroups_en.csv", "ISCOGroups_nl.csv"),
        ("skillGroups_en.csv", "skillGroups_nl.csv"),
    ],
)
def test_dutch_files_translate_the_same_concepts(english: str, dutch: str) -> None:
    en, nl = by_uri(english), by_uri(dutch)
    assert set(en) == set(nl)
    language_neutral = {"conceptType", "iscoGroup", "code", "skillType", "reuseLevel", "status"}
    for uri, row in en.items():
        for column in language_neutral & set(row):
            assert nl[uri][column] == row[column], (uri, column)


def test_occupations_have_labels_descriptions_and_codes_in_both_languages() -> None:
    en, nl = by_uri("occupations_en.csv"), by_uri("occupations_nl.csv")
    assert 35 <= len(en) <= 45
    for uri, row in en.items():
        assert uri.startswith("urn:opstap:occupation:")
        for lang_row in (row, nl[uri]):
            assert lang_row["preferredLabel"].strip() and lang_row["description"].strip()
        assert row["code"].split(".")[0] == row["iscoGroup"]


def test_dutch_labels_contain_the_words_people_search_for() -> None:
    labels = " | ".join(
        f"{row['preferredLabel']}\n{row['altLabels']}".lower() for row in read("occupations_nl.csv")
    )
    for word in (
        "schoonmaker",
        "schoonmaakmedewerker",
        "glazenwasser",
        "magazijnmedewerker",
        "orderpicker",
        "keukenhulp",
        "afwasser",
        "kok",
        "fietsenmaker",
        "groenvoorziener",
        "inpakker",
        "kassamedewerker",
        "receptionist",
        "postkamermedewerker",
    ):
        assert word in labels, word


def test_every_occupation_has_enough_essential_and_optional_skills() -> None:
    counts: Counter[tuple[str, str]] = Counter(
        (row["occupationUri"], row["relationType"]) for row in read("occupationSkillRelations.csv")
    )
    for uri in by_uri("occupations_en.csv"):
        assert 8 <= counts[uri, "essential"] <= 15, uri
        assert 3 <= counts[uri, "optional"] <= 8, uri


def test_every_relation_joins_existing_concepts() -> None:
    occupations, skills = by_uri("occupations_en.csv"), by_uri("skills_en.csv")
    relations = read("occupationSkillRelations.csv")
    pairs = Counter((row["occupationUri"], row["skillUri"]) for row in relations)
    assert [pair for pair, n in pairs.items() if n > 1] == []
    for row in relations:
        assert row["occupationUri"] in occupations
        assert row["skillUri"] in skills
        assert row["relationType"] in RELATION_TYPES
        assert row["skillType"] == skills[row["skillUri"]]["skillType"]
    used = {row["skillUri"] for row in relations}
    assert used == set(skills), "every skill belongs to at least one occupation"

    skill_relations = read("skillSkillRelations.csv")
    assert len(skill_relations) >= 24
    for row in skill_relations:
        assert row["originalSkillUri"] in skills and row["relatedSkillUri"] in skills
        assert row["originalSkillUri"] != row["relatedSkillUri"]
        assert row["relationType"] in RELATION_TYPES
        assert row["originalSkillType"] == skills[row["originalSkillUri"]]["skillType"]
        assert row["relatedSkillType"] == skills[row["relatedSkillUri"]]["skillType"]


def test_skills_are_typed_and_described() -> None:
    en, nl = by_uri("skills_en.csv"), by_uri("skills_nl.csv")
    assert 180 <= len(en) <= 300
    for uri, row in en.items():
        assert uri.startswith("urn:opstap:skill:")
        assert row["skillType"] in SKILL_TYPES
        assert row["reuseLevel"] in REUSE_LEVELS
        assert row["description"].strip() and nl[uri]["description"].strip()


def test_isco_groups_are_complete_and_every_occupation_has_a_unit_group() -> None:
    en = read("ISCOGroups_en.csv")
    codes = {row["code"]: row for row in en}
    assert len(codes) == len(en)
    for code, row in codes.items():
        assert code.isdigit() and 1 <= len(code) <= 4
        assert row["conceptUri"] == f"urn:opstap:isco:C{code}"
        for length in range(1, len(code)):
            assert code[:length] in codes, f"{code} lacks its ancestor {code[:length]}"
    for row in read("occupations_en.csv"):
        assert len(row["iscoGroup"]) == 4 and row["iscoGroup"] in codes, row["conceptUri"]


def test_occupation_pillar_links_groups_and_occupations() -> None:
    isco = {row["conceptUri"]: row["code"] for row in read("ISCOGroups_en.csv")}
    occupations = by_uri("occupations_en.csv")
    broader: dict[str, list[tuple[str, str]]] = {}
    for row in read("broaderRelationsOccPillar.csv"):
        broader.setdefault(row["conceptUri"], []).append((row["broaderType"], row["broaderUri"]))
    for uri, code in isco.items():
        if len(code) > 1:
            assert broader[uri] == [("ISCOGroup", f"urn:opstap:isco:C{code[:-1]}")]
        else:
            assert uri not in broader
    narrower = 0
    for uri, row in occupations.items():
        [(kind, parent)] = broader[uri]
        if kind == "ISCOGroup":
            assert isco[parent] == row["iscoGroup"]
        else:
            assert kind == "Occupation" and occupations[parent]["iscoGroup"] == row["iscoGroup"]
            assert row["code"].startswith(occupations[parent]["code"] + ".")
            narrower += 1
    assert narrower >= 2


def test_every_skill_has_a_broader_group_and_groups_form_one_hierarchy() -> None:
    skills, groups = by_uri("skills_en.csv"), by_uri("skillGroups_en.csv")
    assert 10 <= len(groups) <= 25
    assert all(uri.startswith("urn:opstap:skillgroup:") for uri in groups)
    broader: dict[str, set[str]] = {}
    for row in read("broaderRelationsSkillPillar.csv"):
        expected_type = "SkillGroup" if row["conceptUri"] in groups else "KnowledgeSkillCompetence"
        assert row["conceptType"] == expected_type
        assert row["broaderType"] == "SkillGroup" and row["broaderUri"] in groups
        broader.setdefault(row["conceptUri"], set()).add(row["broaderUri"])
    for uri in skills:
        assert broader.get(uri), f"{uri} has no broader skill group"
    tops = {uri for uri in groups if uri not in broader}
    assert {groups[uri]["code"] for uri in tops} == {"S", "K", "T"}

    for lang in ("en", "nl"):
        hierarchy = read(f"skillsHierarchy_{lang}.csv")
        labelled = by_uri(f"skillGroups_{lang}.csv")
        deepest = set()
        for row in hierarchy:
            path = [row[f"Level {n} URI"] for n in range(4) if row[f"Level {n} URI"]]
            assert all(uri in groups for uri in path)
            for n, uri in enumerate(path):
                assert row[f"Level {n} code"] == groups[uri]["code"]
                assert row[f"Level {n} preferred term"] == labelled[uri]["preferredLabel"]
            for child, parent in zip(path[1:], path, strict=False):
                assert broader[child] == {parent}
            deepest.add(path[-1])
        assert deepest == set(groups) and len(hierarchy) == len(groups)


def test_collections_hold_the_digital_and_transversal_skills() -> None:
    skills = by_uri("skills_en.csv")
    digital = by_uri("digitalSkillsCollection_en.csv")
    transversal = by_uri("transversalSkillsCollection_en.csv")
    assert len(digital) >= 20 and len(transversal) >= 20
    for collection in (digital, transversal):
        for uri, row in collection.items():
            assert uri in skills
            assert row["preferredLabel"] == skills[uri]["preferredLabel"]
            assert row["skillType"] == skills[uri]["skillType"]
            assert "\n" not in row["altLabels"] and "\n" not in row["broaderConceptUri"]
    transversal_level = {uri for uri, row in skills.items() if row["reuseLevel"] == "transversal"}
    assert transversal_level <= set(transversal)


def test_digital_skills_are_a_visible_gap_between_rungs() -> None:
    digital = set(by_uri("digitalSkillsCollection_en.csv"))
    essential: dict[str, set[str]] = {}
    for row in read("occupationSkillRelations.csv"):
        if row["relationType"] == "essential":
            essential.setdefault(row["occupationUri"], set()).add(row["skillUri"])

    def digital_count(slug: str) -> int:
        return len(essential[f"urn:opstap:occupation:{slug}"] & digital)

    for entry, next_rung in (
        ("office-cleaner", "cleaning-team-leader"),
        ("warehouse-worker", "stock-clerk"),
        ("shelf-stacker", "cashier"),
        ("kitchen-assistant", "cook"),
    ):
        assert digital_count(entry) < digital_count(next_rung), (entry, next_rung)


def test_regenerating_gives_byte_identical_files(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(GENERATOR), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
        text=True,
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(HEADERS)
    for name in HEADERS:
        assert (tmp_path / name).read_bytes() == (STARTER / name).read_bytes(), (
            f"{name} differs from the generator output; run python tools/starter_taxonomy.py"
        )


def test_the_data_validate_and_hold_what_the_files_hold() -> None:
    taxonomy = generator.read(DATA)
    assert set(taxonomy.occupations) == {
        row["conceptUri"].rsplit(":", 1)[1] for row in read("occupations_en.csv")
    }
    assert len(taxonomy.skills) == len(read("skills_en.csv"))
    assert len(taxonomy.isco) == len(read("ISCOGroups_en.csv"))
    assert len(taxonomy.groups) == len(read("skillGroups_en.csv"))


def test_generating_in_process_gives_the_committed_files() -> None:
    files = generator.build_files(generator.read(DATA))
    assert sorted(files) == sorted(HEADERS)
    for name, rows in files.items():
        out = io.StringIO(newline="")
        csv.writer(out, lineterminator="\r\n").writerows(rows)
        assert out.getvalue().encode("utf-8") == (STARTER / name).read_bytes(), name


# (file, text in it, what it becomes, part of the message that must name file and entry)
BROKEN = [
    (
        "cleaning.yaml",
        "      - vacuum-floors\n",
        "      - vacuum-floor\n",
        "cleaning.yaml: occupation office-cleaner: unknown skill vacuum-floor",
    ),
    (
        "cleaning.yaml",
        "  room-attendant:\n",
        "  office-cleaner:\n",
        "cleaning.yaml: office-cleaner is there twice in",
    ),
    (
        "cleaning.yaml",
        "      label: schoonmaker kantoren\n",
        "",
        "cleaning.yaml: occupation office-cleaner: nl label missing",
    ),
    (
        "cleaning.yaml",
        "    isco: 9112\n",
        "",
        "cleaning.yaml: occupation office-cleaner: isco missing",
    ),
    (
        "catering-and-kitchen.yaml",
        "    broader: cook\n",
        "    broader: chef\n",
        "catering-and-kitchen.yaml: occupation assistant-cook: unknown broader occupation chef",
    ),
    (
        "catering-and-kitchen.yaml",
        "    code: 5120.1.1\n",
        "    code: 5120.2\n",
        "catering-and-kitchen.yaml: occupation assistant-cook: code must be 5120.1.<n>",
    ),
    (
        "cleaning.yaml",
        "    essential:\n",
        "    essentials:\n",
        "cleaning.yaml: occupation office-cleaner: unknown field essentials",
    ),
    (
        "cleaning.yaml",
        "    groups: [S6.11]\n",
        "    groups: [S6.12]\n",
        "cleaning.yaml: skill sweep-and-mop-floors: unknown skill group S6.12",
    ),
    (
        "retail.yaml",
        "skills:\n",
        "skills:\n  sweep-and-mop-floors:\n    reuse: cross-sector\n",
        "retail.yaml: skill sweep-and-mop-floors: also in cleaning.yaml",
    ),
    (
        "digcomp.yaml",
        "    skill: search-information-online\n",
        "    skill: sweep-and-mop-floors\n",
        "digcomp.yaml: competence 1.1: skill not in S5",
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "message"), BROKEN)
def test_a_broken_data_file_gives_a_message_naming_file_and_entry(
    tmp_path: Path, name: str, old: str, new: str, message: str
) -> None:
    shutil.copytree(DATA, tmp_path, dirs_exist_ok=True)
    text = (tmp_path / name).read_text(encoding="utf-8")
    assert old in text
    (tmp_path / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(generator.InvalidData, match="invalid starter taxonomy data") as raised:
        generator.read(tmp_path)
    assert message in str(raised.value)


def test_the_generator_writes_nothing_and_exits_with_the_message_on_broken_data(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    text = (data / "retail.yaml").read_text(encoding="utf-8")
    assert "    type: knowledge\n" in text
    (data / "retail.yaml").write_text(text.replace("    type: knowledge\n", "    type: kennis\n"))
    result = subprocess.run(
        [sys.executable, str(GENERATOR), "--data", str(data), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "retail.yaml: skill product-range: type is skill (the default) or knowledge" in (
        result.stderr
    )
    assert not (tmp_path / "out").exists()
