"""A tiny taxonomy folder in the ESCO v1.1.1 CSV layout, with deliberate faults, for tests."""

from __future__ import annotations

import csv
from pathlib import Path

ESCO = "http://data.europa.eu/esco"
OCC_DIRECTOR, OCC_CLEANER = f"{ESCO}/occupation/director", f"{ESCO}/occupation/cleaner"
OCC_WITHDRAWN = f"{ESCO}/occupation/withdrawn"
SKILL_STAFF, SKILL_SURFACES = f"{ESCO}/skill/staff", f"{ESCO}/skill/surfaces"
SKILL_PRODUCTS, SKILL_HASKELL = f"{ESCO}/skill/products", f"{ESCO}/skill/haskell"
GROUP_MANAGE, GROUP_CLEAN = f"{ESCO}/skill/group-manage", f"{ESCO}/skill/group-clean"
LONG_DESCRIPTION = "Directs. " * 20_000  # longer than the csv module's default field limit


def columns(header: str) -> list[str]:
    """A header line as a list of column names."""
    return header.split(",")


# The real ESCO v1.1.1 headers.
OCCUPATION_HEADER = columns(
    "conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,"
    "modifiedDate,regulatedProfessionNote,scopeNote,definition,inScheme,description,code"
)
SKILL_HEADER = columns(
    "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,"
    "status,modifiedDate,scopeNote,definition,inScheme,description"
)
ISCO_HEADER = columns(
    "conceptType,conceptUri,code,preferredLabel,status,altLabels,inScheme,description"
)
GROUP_HEADER = columns(
    "conceptType,conceptUri,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,"
    "scopeNote,inScheme,description,code"
)
RELATION_HEADER = columns("occupationUri,relationType,skillType,skillUri")
SKILL_RELATION_HEADER = columns(
    "originalSkillUri,originalSkillType,relationType,relatedSkillType,relatedSkillUri"
)
BROADER_HEADER = columns("conceptType,conceptUri,broaderType,broaderUri")
COLLECTION_HEADER = columns(
    "conceptType,conceptUri,preferredLabel,status,skillType,reuseLevel,altLabels,description,"
    "broaderConceptUri,broaderConceptPT"
)

ISCO_CODES = {
    "2": "Professionals",
    "26": "Legal, social and cultural professionals",
    "265": "Creative and performing artists",
    "2654": "Film, stage directors",
    "9": "Elementary occupations",
    "91": "Cleaners and helpers",
    "911": "Domestic, hotel and office cleaners",
    "9112": "Office cleaners",
}


def occupation(uri: str, isco: str, label: str, alt: str = "", hidden: str = "", **kw: str):
    """An occupations_*.csv row; `kw` fills other columns by name."""
    values = {
        "conceptType": "Occupation",
        "conceptUri": uri,
        "iscoGroup": isco,
        "preferredLabel": label,
        "altLabels": alt,
        "hiddenLabels": hidden,
        "status": "released",
        "description": f"{label} does things.",
        **kw,
    }
    return [values.get(column, "") for column in OCCUPATION_HEADER]


def skill(uri: str, label: str, skill_type: str = "skill/competence", alt: str = ""):
    """A skills_*.csv row."""
    values = {
        "conceptType": "KnowledgeSkillCompetence",
        "conceptUri": uri,
        "skillType": skill_type,
        "reuseLevel": "sector-specific",
        "preferredLabel": label,
        "altLabels": alt,
        "status": "released",
        "description": f"Be able to {label}.",
    }
    return [values.get(column, "") for column in SKILL_HEADER]


def group(uri: str, label: str, code: str, alt: str = ""):
    """A skillGroups_*.csv row."""
    values = {
        "conceptType": "SkillGroup",
        "conceptUri": uri,
        "preferredLabel": label,
        "altLabels": alt,
        "status": "released",
        "code": code,
    }
    return [values.get(column, "") for column in GROUP_HEADER]


def isco(code: str, label: str) -> list[str]:
    """An ISCOGroups_*.csv row."""
    return ["ISCOGroup", f"{ESCO}/isco/C{code}", code, label, "released", "", "", f"{label}."]


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    """A CSV file written like ESCO's: CRLF row ends, quoted fields with embedded newlines."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)


def write_tiny_esco(folder: Path, *, second: bool = False) -> Path:
    """A tiny folder in the ESCO layout; `second` is a later version without the cleaner."""
    folder.mkdir(parents=True, exist_ok=True)
    isco_rows = [isco(code, label) for code, label in ISCO_CODES.items()]
    write_csv(folder / "ISCOGroups_en.csv", ISCO_HEADER, isco_rows)
    write_csv(folder / "ISCOGroups_nl.csv", ISCO_HEADER, [isco("2", "Specialisten")])
    director = "stage director" if second else "technical director"
    occupations = [
        occupation(
            OCC_DIRECTOR,
            "2654",
            director,
            "technical and operations director\nhead of technical",
            description=LONG_DESCRIPTION,
            code="2654.1.7",
        ),  # lines 2-3
        occupation(
            OCC_CLEANER,
            "9112",
            "office cleaner",
            "cleaner\r\noffice cleaning operative\r\n cleaner ",
            hidden="janitor",
            code="9112.1",
        ),  # lines 4-6
        ["Occupation", f"{ESCO}/occupation/short", "9112"],  # line 7: too few fields
        occupation(OCC_DIRECTOR, "2654", "director again"),  # line 8: duplicate URI
        occupation("", "9112", "no uri"),  # line 9: empty URI
    ]
    if second:
        occupations = occupations[:1]
    write_csv(folder / "occupations_en.csv", OCCUPATION_HEADER, occupations)
    write_csv(
        folder / "occupations_nl.csv",
        OCCUPATION_HEADER,
        [
            occupation(OCC_DIRECTOR, "2654", "inspiciënt", "toneelmeester"),
            occupation(OCC_WITHDRAWN, "9112", "vervallen beroep"),  # line 3: not in _en
        ],
    )
    skills = [
        skill(SKILL_STAFF, "manage musical staff", alt="manage staff of music"),
        skill(SKILL_SURFACES, "clean surfaces"),
        skill(SKILL_PRODUCTS, "cleaning products", "knowledge"),
        skill(SKILL_HASKELL, "Haskell", "knowledge"),
    ]
    write_csv(folder / "skills_en.csv", SKILL_HEADER, skills[:2] + skills[3:] if second else skills)
    write_csv(
        folder / "skills_nl.csv",
        SKILL_HEADER,
        [
            skill(SKILL_STAFF, "muziekpersoneel beheren", alt="muzikanten aansturen"),
            skill(SKILL_SURFACES, "oppervlakken reinigen"),
        ],
    )
    _write_relations(folder, second=second)
    return folder


def _write_relations(folder: Path, *, second: bool) -> None:
    relations = [
        [OCC_DIRECTOR, "essential", "skill/competence", SKILL_STAFF],
        [OCC_DIRECTOR, "optional" if second else "essential", "knowledge", SKILL_HASKELL],
        [OCC_CLEANER, "essential", "skill/competence", SKILL_SURFACES],
        [OCC_CLEANER, "optional", "knowledge", SKILL_PRODUCTS],
        [OCC_WITHDRAWN, "essential", "skill/competence", SKILL_STAFF],  # line 6: unknown occ.
        [OCC_DIRECTOR, "mandatory", "skill/competence", SKILL_SURFACES],  # line 7: bad type
        [OCC_DIRECTOR, "essential", "skill/competence", SKILL_STAFF],  # line 8: duplicate
        [OCC_CLEANER, "essential", "skill/competence", f"{ESCO}/skill/gone"],  # line 9
    ]
    write_csv(
        folder / "occupationSkillRelations.csv",
        RELATION_HEADER,
        relations[:2] if second else relations,
    )
    write_csv(
        folder / "skillSkillRelations.csv",
        SKILL_RELATION_HEADER,
        []
        if second
        else [
            [SKILL_SURFACES, "skill/competence", "optional", "knowledge", SKILL_PRODUCTS],
        ],
    )
    occ_broader = [
        ["ISCOGroup", f"{ESCO}/isco/C{code}", "ISCOGroup", f"{ESCO}/isco/C{code[:-1]}"]
        for code in ISCO_CODES
        if len(code) > 1
    ]
    occ_broader.append(["Occupation", OCC_DIRECTOR, "ISCOGroup", f"{ESCO}/isco/C2654"])
    if not second:
        occ_broader.append(["Occupation", OCC_CLEANER, "ISCOGroup", f"{ESCO}/isco/C9112"])
    write_csv(folder / "broaderRelationsOccPillar.csv", BROADER_HEADER, occ_broader)
    write_csv(
        folder / "broaderRelationsSkillPillar.csv",
        BROADER_HEADER,
        [
            ["KnowledgeSkillCompetence", SKILL_STAFF, "SkillGroup", GROUP_MANAGE],
            ["KnowledgeSkillCompetence", SKILL_SURFACES, "SkillGroup", GROUP_CLEAN],
            ["SkillGroup", GROUP_CLEAN, "SkillGroup", f"{ESCO}/skill/group-unknown"],  # line 4
        ],
    )
    write_csv(
        folder / "skillGroups_en.csv",
        GROUP_HEADER,
        [
            group(GROUP_MANAGE, "management skills", "S4", alt="managing"),
            group(GROUP_CLEAN, "cleaning", "S6.1"),
        ],
    )
    write_csv(
        folder / "skillGroups_nl.csv",
        GROUP_HEADER,
        [group(GROUP_MANAGE, "managementvaardigheden", "S4")],
    )
    write_csv(
        folder / "transversalSkillsCollection_en.csv",
        COLLECTION_HEADER,
        [["KnowledgeSkillCompetence", SKILL_SURFACES] + [""] * 8],
    )
    write_csv(
        folder / "digitalSkillsCollection_en.csv",
        COLLECTION_HEADER,
        [
            ["KnowledgeSkillCompetence", SKILL_HASKELL] + [""] * 8,
            ["KnowledgeSkillCompetence", f"{ESCO}/skill/gone"] + [""] * 8,  # line 3
        ],
    )
