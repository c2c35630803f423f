"""Read a folder in the ESCO v1.1.1 CSV layout into typed rows (models.py), skipping bad rows
with a reason.

A DigComp 2.2 competences file (digcomp_2_2_competences.csv) is read with it when one is given.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from services.core.errors import Invalid
from services.core.taxonomy import digcomp
from services.core.taxonomy.models import (
    BroaderRow,
    CollectionRow,
    DigcompRow,
    IscoGroupRow,
    LabelRow,
    OccupationRow,
    OccupationSkillRow,
    SkillGroupRow,
    SkillRelationRow,
    SkillRow,
    SkippedRow,
    Taxonomy,
)

# Some ESCO descriptions are longer than the csv module's default limit of 131072 characters.
csv.field_size_limit(2**31 - 1)

Progress = Callable[[str, int, int], None]

RELATION_TYPES = frozenset({"essential", "optional"})
LABEL_COLUMNS = (("preferred", "preferredLabel"), ("alt", "altLabels"), ("hidden", "hiddenLabels"))
# ISCO-08 skill level per major group; 0 (armed forces) has none.
SKILL_LEVEL_BY_MAJOR_GROUP = {"1": 4, "2": 4, "3": 3, "9": 1} | dict.fromkeys("45678", 2)


class FileSpec(NamedTuple):
    """One CSV file of the layout: its name, whether it must exist, the columns it must have."""

    name: str
    required: bool
    columns: tuple[str, ...]


# Concept files need only these columns; the others they use (altLabels, description, ...)
# are read when present, so a translation may leave them out.
_CONCEPT = ("conceptUri", "preferredLabel")
ISCO_EN = FileSpec("ISCOGroups_en.csv", True, (*_CONCEPT, "code"))
ISCO_NL = FileSpec("ISCOGroups_nl.csv", False, _CONCEPT)
OCCUPATIONS_EN = FileSpec("occupations_en.csv", True, (*_CONCEPT, "iscoGroup"))
OCCUPATIONS_NL = FileSpec("occupations_nl.csv", False, _CONCEPT)
SKILLS_EN = FileSpec("skills_en.csv", True, _CONCEPT)
SKILLS_NL = FileSpec("skills_nl.csv", False, _CONCEPT)
SKILL_GROUPS_EN = FileSpec("skillGroups_en.csv", True, _CONCEPT)
SKILL_GROUPS_NL = FileSpec("skillGroups_nl.csv", False, _CONCEPT)
_BROADER = ("conceptType", "conceptUri", "broaderType", "broaderUri")
BROADER_OCCUPATION = FileSpec("broaderRelationsOccPillar.csv", True, _BROADER)
BROADER_SKILL = FileSpec("broaderRelationsSkillPillar.csv", True, _BROADER)
OCCUPATION_SKILLS = FileSpec(
    "occupationSkillRelations.csv", True, ("occupationUri", "relationType", "skillUri")
)
SKILL_SKILLS = FileSpec(
    "skillSkillRelations.csv", False, ("originalSkillUri", "relationType", "relatedSkillUri")
)
COLLECTIONS = {
    name: FileSpec(f"{name}SkillsCollection_en.csv", False, ("conceptUri",))
    for name in ("digital", "transversal", "language", "green")
}
# Not in FILES: it comes from its own folder (see digcomp.competences_file), when at all.
DIGCOMP_COMPETENCES = FileSpec(
    digcomp.COMPETENCES_FILE,
    False,
    ("competence_id", "area_id", "area_name", "competence_name", "esco_uri"),
)
FILES: tuple[FileSpec, ...] = (
    *(ISCO_EN, ISCO_NL, OCCUPATIONS_EN, OCCUPATIONS_NL, SKILLS_EN, SKILLS_NL),
    *(SKILL_GROUPS_EN, SKILL_GROUPS_NL, BROADER_OCCUPATION, BROADER_SKILL),
    *(OCCUPATION_SKILLS, SKILL_SKILLS, *COLLECTIONS.values()),
)


def check_folder(folder: Path) -> list[Path]:
    """The layout's CSV files present in `folder`; Invalid when the folder or a file is missing."""
    if not folder.is_dir():
        raise Invalid(
            f"taxonomy folder {folder} does not exist or is not a folder; "
            "expected a folder in the ESCO v1.1.1 CSV layout",
            fields={"folder": str(folder)},
        )
    for spec in FILES:
        if spec.required and not (folder / spec.name).is_file():
            raise Invalid(
                f"{spec.name} is missing from {folder}; expected the ESCO v1.1.1 CSV layout",
                fields={"file": spec.name, "folder": str(folder)},
            )
    return [folder / spec.name for spec in FILES if (folder / spec.name).is_file()]


def read_folder(
    folder: Path, progress: Progress | None = None, digcomp_dir: Path | None = None
) -> Taxonomy:
    """Parse every known file in `folder`, and the DigComp competences in `digcomp_dir`."""
    check_folder(folder)
    reader = _FolderReader(folder, progress)
    reader.read_concepts("isco_group", ISCO_EN, ISCO_NL, reader.isco_group)
    reader.read_concepts("occupation", OCCUPATIONS_EN, OCCUPATIONS_NL, reader.occupation)
    reader.read_concepts("skill", SKILLS_EN, SKILLS_NL, reader.skill)
    reader.read_concepts("skill_group", SKILL_GROUPS_EN, SKILL_GROUPS_NL, reader.skill_group)
    reader.read_broader(BROADER_OCCUPATION, "occupation")
    reader.read_broader(BROADER_SKILL, "skill")
    reader.read_relations()
    reader.read_collections()
    if digcomp_dir is not None:
        reader.read_digcomp(digcomp_dir)
    return reader.data


def _text(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def skill_level(isco_code: str) -> int | None:
    """The ISCO-08 skill level (1 to 4) of the major group of `isco_code`."""
    return SKILL_LEVEL_BY_MAJOR_GROUP.get(isco_code[:1])


Records = Iterator[tuple[int, str, dict[str, str]]]  # (line, conceptUri, fields)
Known = tuple[Mapping[str, object], str]  # (concepts by URI, the file they come from)
Pairs = Iterator[tuple[str, str, str]]
ConceptRow = IscoGroupRow | OccupationRow | SkillRow | SkillGroupRow
Builder = Callable[[str, str, dict[str, str]], ConceptRow | str]  # a row, or why it is skipped


class _FolderReader:
    def __init__(self, folder: Path, progress: Progress | None) -> None:
        self.folder = folder
        self.progress = progress
        self.data = Taxonomy()
        self.isco_codes: dict[str, str] = {}

    def skip(self, spec: FileSpec, line: int, reason: str) -> None:
        self.data.skipped.append(SkippedRow(spec.name, line, reason))

    def records(
        self, spec: FileSpec, folder: Path | None = None
    ) -> Iterator[tuple[int, dict[str, str]]]:
        """(line where the row starts, fields by column) for every well-formed row of `spec`."""
        path = (folder or self.folder) / spec.name
        if not path.is_file():
            return
        count = 0
        with path.open(newline="", encoding="utf-8-sig") as handle:
            rows = csv.reader(handle)
            header = self._header(spec, _next_row(spec, rows, 1), path.parent)
            start = rows.line_num + 1
            while (row := _next_row(spec, rows, start)) is not None:
                line, start = start, rows.line_num + 1
                if not any(value.strip() for value in row):
                    continue
                count += 1
                if len(row) != len(header):
                    self.skip(spec, line, f"expected {len(header)} fields, found {len(row)}")
                    continue
                yield line, dict(zip(header, row, strict=True))
        if self.progress:
            self.progress(f"reading {spec.name}", count, count)

    def _header(self, spec: FileSpec, row: list[str] | None, folder: Path) -> list[str]:
        if row is None:
            raise Invalid(f"{spec.name} in {folder} is empty; expected a header row")
        header = [name.strip() for name in row]
        layout = "DigComp 2.2" if spec is DIGCOMP_COMPETENCES else "ESCO v1.1.1"
        for column in spec.columns:
            if column not in header:
                raise Invalid(
                    f"{spec.name} in {folder} has no column {column!r}; "
                    f"expected the {layout} CSV layout",
                    fields={"file": spec.name, "column": column},
                )
        return header

    def concepts(self, spec: FileSpec, known: Mapping[str, object] | None = None) -> Records:
        """Rows with a new conceptUri and a preferred label (and, for a translation, known)."""
        seen: dict[str, int] = {}
        for line, fields in self.records(spec):
            uri = fields["conceptUri"].strip()
            if not uri:
                self.skip(spec, line, "empty conceptUri")
            elif uri in seen:
                self.skip(spec, line, f"duplicate conceptUri {uri} (first on line {seen[uri]})")
            elif not fields["preferredLabel"].strip():
                self.skip(spec, line, f"empty preferredLabel for {uri}")
            elif known is not None and uri not in known:
                english = spec.name.replace("_nl.csv", "_en.csv")
                self.skip(spec, line, f"{uri} is not in {english}")
            else:
                seen[uri] = line
                yield line, uri, fields

    def add_labels(self, uri: str, kind: str, lang: str, fields: dict[str, str]) -> None:
        """Every preferred, alt and hidden label of a concept, stripped and without repeats."""
        labels = self.data.taxonomy_label
        for label_kind, column in LABEL_COLUMNS:
            for text in fields.get(column, "").splitlines():
                if label := text.strip():
                    labels[(uri, lang, label_kind, label)] = LabelRow(
                        uri, kind, lang, label_kind, label
                    )

    def read_concepts(self, kind: str, en: FileSpec, nl: FileSpec, build: Builder) -> None:
        """The concepts of one kind: English rows, then their Dutch translation when present."""
        rows: dict[str, ConceptRow] = getattr(self.data, kind)
        for line, uri, fields in self.concepts(en):
            row = build(uri, fields["preferredLabel"].strip(), fields)
            if isinstance(row, str):
                self.skip(en, line, row)
                continue
            rows[uri] = row
            self.add_labels(uri, kind, "en", fields)
        for _line, uri, fields in self.concepts(nl, rows):
            dutch: dict[str, Any] = {"label_nl": fields["preferredLabel"].strip()}
            if "description_nl" in rows[uri]._fields:
                dutch["description_nl"] = _text(fields.get("description"))
            rows[uri] = rows[uri]._replace(**dutch)
            self.add_labels(uri, kind, "nl", fields)

    def isco_group(self, uri: str, label: str, fields: dict[str, str]) -> IscoGroupRow | str:
        code = fields["code"].strip()
        if not code:
            return f"empty code for {uri}"
        if code in self.isco_codes:
            return f"duplicate code {code} (also {self.isco_codes[code]})"
        self.isco_codes[code] = uri
        description = _text(fields.get("description"))
        return IscoGroupRow(
            uri, code, code[:-1] or None, skill_level(code), label, None, description
        )

    @staticmethod
    def occupation(uri: str, label: str, fields: dict[str, str]) -> OccupationRow | str:
        isco = fields["iscoGroup"].strip()
        if not isco:
            return f"empty iscoGroup for {uri}"
        code, description = _text(fields.get("code")), _text(fields.get("description"))
        return OccupationRow(uri, code, isco, skill_level(isco), label, None, description, None)

    @staticmethod
    def skill(uri: str, label: str, fields: dict[str, str]) -> SkillRow:
        kind, reuse = _text(fields.get("skillType")), _text(fields.get("reuseLevel"))
        return SkillRow(uri, kind, reuse, label, None, _text(fields.get("description")), None)

    @staticmethod
    def skill_group(uri: str, label: str, fields: dict[str, str]) -> SkillGroupRow:
        code, description = _text(fields.get("code")), _text(fields.get("description"))
        return SkillGroupRow(uri, code, label, None, description)

    def read_broader(self, spec: FileSpec, pillar: str) -> None:
        data = self.data
        known: set[str] = (
            {*data.occupation, *data.isco_group}
            if pillar == "occupation"
            else {*data.skill, *data.skill_group}
        )
        seen: dict[tuple[str, str], int] = {}
        for line, fields in self.records(spec):
            uri, broader = fields["conceptUri"].strip(), fields["broaderUri"].strip()
            if not uri or not broader:
                self.skip(spec, line, "empty conceptUri or broaderUri")
            elif unknown := next((u for u in (uri, broader) if u not in known), None):
                self.skip(spec, line, f"{unknown} is not a concept of the {pillar} pillar")
            elif (uri, broader) in seen:
                self.skip(spec, line, f"duplicate relation (first on line {seen[uri, broader]})")
            else:
                seen[uri, broader] = line
                concept_type, broader_type = fields["conceptType"], fields["broaderType"]
                data.taxonomy_broader.append(
                    BroaderRow(uri, concept_type.strip(), broader, broader_type.strip(), pillar)
                )

    def pairs(self, spec: FileSpec, columns: tuple[str, str], left: Known, right: Known) -> Pairs:
        """(left URI, right URI, relationType) of each valid relation between known concepts."""
        seen: dict[tuple[str, str], int] = {}
        for line, fields in self.records(spec):
            pair = (fields[columns[0]].strip(), fields[columns[1]].strip())
            relation = fields["relationType"].strip()
            if not all(pair):
                self.skip(spec, line, f"empty {columns[0]} or {columns[1]}")
            elif relation not in RELATION_TYPES:
                self.skip(spec, line, f"unknown relationType {relation!r}")
            elif pair[0] not in left[0]:
                self.skip(spec, line, f"{pair[0]} is not in {left[1]}")
            elif pair[1] not in right[0]:
                self.skip(spec, line, f"{pair[1]} is not in {right[1]}")
            elif pair in seen:
                self.skip(spec, line, f"duplicate relation (first on line {seen[pair]})")
            else:
                seen[pair] = line
                yield (*pair, relation)

    def read_relations(self) -> None:
        occupations = (self.data.occupation, OCCUPATIONS_EN.name)
        skills = (self.data.skill, SKILLS_EN.name)
        columns = ("occupationUri", "skillUri")
        self.data.occupation_skill = [
            OccupationSkillRow(*row)
            for row in self.pairs(OCCUPATION_SKILLS, columns, occupations, skills)
        ]
        columns = ("originalSkillUri", "relatedSkillUri")
        self.data.skill_relation = [
            SkillRelationRow(*row) for row in self.pairs(SKILL_SKILLS, columns, skills, skills)
        ]

    def read_collections(self) -> None:
        skills = self.data.skill
        for collection, spec in COLLECTIONS.items():
            seen: dict[str, int] = {}
            for line, fields in self.records(spec):
                uri = fields["conceptUri"].strip()
                if not uri:
                    self.skip(spec, line, "empty conceptUri")
                elif uri not in skills:
                    self.skip(spec, line, f"{uri} is not in {SKILLS_EN.name}")
                elif uri in seen:
                    self.skip(spec, line, f"duplicate conceptUri {uri} (first on line {seen[uri]})")
                else:
                    seen[uri] = line
                    self.data.skill_collection.append(CollectionRow(collection, uri))

    def read_digcomp(self, folder: Path) -> None:
        """The competences of a known id whose skill is in the taxonomy, with our Dutch names."""
        spec, rows = DIGCOMP_COMPETENCES, self.data.digcomp_competence
        seen: dict[str, int] = {}
        for line, fields in self.records(spec, folder):
            competence, uri = fields["competence_id"].strip(), fields["esco_uri"].strip()
            names, area = digcomp.COMPETENCES.get(competence), fields["area_id"].strip()
            if names is None:
                self.skip(spec, line, f"unknown DigComp 2.2 competence id {competence!r}")
            elif area != competence.split(".")[0]:
                self.skip(spec, line, f"area_id {area!r} does not fit competence {competence}")
            elif competence in seen:
                first = seen[competence]
                self.skip(spec, line, f"duplicate competence {competence} (first on line {first})")
            elif not uri:
                self.skip(spec, line, f"empty esco_uri for competence {competence}")
            elif uri not in self.data.skill:
                self.skip(spec, line, f"{uri} (competence {competence}) is not in {SKILLS_EN.name}")
            else:
                seen[competence] = line
                area_names = digcomp.AREAS[int(area)]
                rows[competence] = DigcompRow(
                    competence,
                    int(area),
                    _text(fields["area_name"]) or area_names.en,
                    area_names.nl,
                    _text(fields["competence_name"]) or names.en,
                    names.nl,
                    uri,
                )


def _next_row(spec: FileSpec, rows: Iterator[list[str]], line: int) -> list[str] | None:
    """The next parsed row, None at the end; a file that is not CSV or not UTF-8 is Invalid."""
    try:
        return next(rows, None)
    except (csv.Error, UnicodeDecodeError) as exc:
        raise Invalid(f"{spec.name} cannot be read from line {line}: {exc}") from exc
