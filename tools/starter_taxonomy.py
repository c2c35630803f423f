"""Generate Opstap's starter taxonomy, a small hand-made ESCO look-alike, from its data files.

When no ESCO folder is configured the service imports this starter taxonomy, so a demo works
out of the box. Its content lives in tools/starter_taxonomy/ as YAML, one file per sector
(README.md there says what each field means). This script validates it and writes it in the
layout of the official ESCO v1.1.1 CSV download (same file names, headers, column order,
multi-value cells, UTF-8 without BOM, CRLF row endings), so one importer reads both. Rows are
sorted and dates fixed, so the output changes only when the data do:

    python tools/starter_taxonomy.py               # writes services/core/taxonomy/starter/
    python tools/starter_taxonomy.py --out DIR     # writes somewhere else

Content notes, in short: occupations, skills, skill groups and relations are our own, written
for work-integration social enterprises, not copied from ESCO, and every URI is in our own
namespace (urn:opstap:...). ISCO-08 codes, English titles and the first sentence of each
description, the Dutch ISCO titles and the skill-group codes follow ESCO v1.1.1 (European
Commission, https://esco.ec.europa.eu, reuse authorised with acknowledgement). The DigComp 2.2
names are official (Vuorikari, Kluzer & Punie 2022, JRC128415; (c) European Union, CC BY 4.0).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).resolve().with_suffix("")  # tools/starter_taxonomy/
DEFAULT_OUT = DATA.parents[1] / "services" / "core" / "taxonomy" / "starter"

SCHEME, MODIFIED, STATUS = "urn:opstap:concept-scheme:", "2025-01-15T12:00:00Z", "released"
UNREGULATED = "http://data.europa.eu/esco/regulated-professions/unregulated"
SKILL_TYPES = {"skill": "skill/competence", "knowledge": "knowledge"}
REUSE_LEVELS = ("transversal", "cross-sector", "sector-specific", "occupation-specific")
DIGITAL_GROUP = "S5"  # its skills also go into digitalSkillsCollection_en.csv
DIGCOMP = "1.1 1.2 1.3 2.1 2.2 2.3 2.4 2.5 2.6 3.1 3.2 3.3 3.4 4.1 4.2 4.3 4.4 5.1 5.2 5.3 5.4"
REFERENCE_FILES = ("skill-groups.yaml", "isco-groups.yaml", "digcomp.yaml")
KEY, GROUP_CODE = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*"), re.compile(r"[A-Z](\d+(\.\d+){0,2})?")

# The fields of each kind of entry: one line of text, a list of such lines, or a block.
TEXT, OPTIONAL, LIST = "text", "optional text", "list"
LABELS = {"label": TEXT, "alt": LIST, "hidden": LIST, "description": TEXT}
SCHEMAS: dict[str, dict[str, Any]] = {
    "occupation": {"nl": LABELS, "en": LABELS, "isco": TEXT, "broader": OPTIONAL, "code": TEXT}
    | {"essential": LIST, "optional": LIST},
    "skill": {"nl": LABELS, "en": LABELS, "type": OPTIONAL, "groups": LIST, "reuse": TEXT}
    | {"related": {"essential": LIST, "optional": LIST}},
    "skill group": {"slug": TEXT, "nl": LABELS, "en": LABELS},
    "ISCO group": {"nl": {"label": TEXT}, "en": {"label": TEXT, "description": TEXT}},
    "competence": {"name": TEXT, "skill": TEXT},
}
CONCEPTS = {  # kind -> URI namespace, ESCO conceptType, concept schemes
    "occupation": ("urn:opstap:occupation:", "Occupation", "occupations starter-taxonomy"),
    "skill": ("urn:opstap:skill:", "KnowledgeSkillCompetence", "skills starter-taxonomy"),
    "ISCO group": ("urn:opstap:isco:C", "ISCOGroup", "occupations isco"),
    "skill group": ("urn:opstap:skillgroup:", "SkillGroup", "skills skills-hierarchy"),
}

# Headers of the ESCO v1.1.1 files of the same name; the last is Opstap's DigComp 2.2 file.
_LABELS = "preferredLabel,altLabels,hiddenLabels,status,modifiedDate"
_COLLECTION = "altLabels,description,broaderConceptUri,broaderConceptPT"
_BROADER = "conceptType,conceptUri,broaderType,broaderUri"
HEADERS = {
    "occupations": f"conceptType,conceptUri,iscoGroup,{_LABELS},regulatedProfessionNote,"
    "scopeNote,definition,inScheme,description,code",
    "skills": f"conceptType,conceptUri,skillType,reuseLevel,{_LABELS},scopeNote,definition,"
    "inScheme,description",
    "skillGroups": f"conceptType,conceptUri,{_LABELS},scopeNote,inScheme,description,code",
    "ISCOGroups": "conceptType,conceptUri,code,preferredLabel,status,altLabels,inScheme,"
    "description",
    "transversalSkillsCollection": "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,"
    f"status,{_COLLECTION}",
    "digitalSkillsCollection": "conceptType,conceptUri,preferredLabel,status,skillType,"
    f"reuseLevel,{_COLLECTION}",
    "skillsHierarchy": "".join(f"Level {n} URI,Level {n} preferred term," for n in range(4))
    + "Description,Scope note,Level 0 code,Level 1 code,Level 2 code,Level 3 code",
    "occupationSkillRelations": "occupationUri,relationType,skillType,skillUri",
    "skillSkillRelations": "originalSkillUri,originalSkillType,relationType,relatedSkillType,"
    "relatedSkillUri",
    "broaderRelationsOccPillar": _BROADER,
    "broaderRelationsSkillPillar": _BROADER,
    "digcomp": "competence_id,area_id,area_name,competence_name,esco_uri,esco_preferred_label,"
    "esco_skill_type,esco_description",
}

Entry = dict[str, Any]  # an entry as in its file, with its key, where it is, and its URI


class InvalidData(ValueError):
    """The data are inconsistent; the message names the file and entry of each problem."""


@dataclass(frozen=True)
class Taxonomy:
    groups: dict[str, Entry]  # by code
    isco: dict[str, Entry]  # by code
    skills: dict[str, Entry]
    occupations: dict[str, Entry]
    areas: dict[str, str]  # DigComp area number -> name
    competences: dict[str, Entry]  # by DigComp id


class _Loader(yaml.BaseLoader):
    """Every value is text (no "no" -> False, no 1.10 -> 1.1), and a key twice is an error."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> Any:
        keys = [key for key, _ in node.value if isinstance(key, yaml.ScalarNode)]
        for n, key in enumerate(keys):
            if key.value in [earlier.value for earlier in keys[:n]]:
                problem, mark = f"{key.value} is there twice", key.start_mark
                raise yaml.MarkedYAMLError(problem=problem, problem_mark=mark)
        return super().construct_mapping(node, deep)


class _Reader:
    """Reads entries by their schema, noting every problem with its file and entry."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def load(self, path: Path) -> Any:
        try:
            with path.open(encoding="utf-8") as handle:
                return yaml.load(handle, Loader=_Loader)
        except (OSError, yaml.YAMLError) as error:
            self.errors.append(f"{path.name}: {' '.join(str(error).split())}")
            return None

    def fields(self, where: str, value: Any, allowed: Iterable[str] = ()) -> dict[str, Any]:
        if value is not None and not isinstance(value, dict):
            self.errors.append(f"{where}: expected fields (name: value), found {value!r}")
        fields: dict[str, Any] = value if isinstance(value, dict) else {}
        unknown = sorted(set(fields) - set(allowed)) if allowed else []
        self.errors += [f"{where}: unknown field {name}" for name in unknown]
        return fields

    def text(self, where: str, name: str, value: Any) -> str:
        if isinstance(value, str) and value and "\n" not in value and value == value.strip():
            return value
        problem = "missing" if value in (None, "") else f"not one line of text: {value!r}"
        self.errors.append(f"{where}: {name} {problem}")
        return ""

    def entry(self, where: str, value: Any, schema: dict[str, Any], path: str = "") -> Entry:
        """The entry's fields by its schema: text, tuples of text and blocks of those."""
        fields, entry = self.fields(f"{where}: {path}".rstrip(": "), value, schema), Entry()
        for field, kind in schema.items():
            name, value = path + field, fields.get(field)
            if isinstance(kind, dict):
                entry[field] = self.entry(where, value, kind, name + " ")
            elif kind == LIST and not isinstance(value, list | None):
                self.errors.append(f"{where}: {name} must be a list (one '- value' a line)")
                entry[field] = ()
            elif kind == LIST:
                entry[field] = tuple(self.text(where, f"a value in {name}", v) for v in value or ())
            elif value is not None or kind == TEXT:
                entry[field] = self.text(where, name, value)
        return entry

    def entries(self, file: str, value: Any, kind: str) -> dict[str, Entry]:
        entries = {}
        for key, fields in self.fields(file, value).items():
            where = f"{file}: {kind} {key}"
            entry = self.entry(where, fields, SCHEMAS[kind]) | {"key": key, "where": where}
            if kind in CONCEPTS:
                namespace, entry["conceptType"], entry["schemes"] = CONCEPTS[kind]
                entry["uri"] = namespace + entry.get("slug", key)
            if kind == "skill":
                entry = {"type": "skill"} | entry | {"digital": DIGITAL_GROUP in entry["groups"]}
                entry["transversal"] = any(code.startswith("T") for code in entry["groups"])
            elif kind == "skill group":  # ESCO-style codes: S6.11 -> S6 -> S; T4 -> T; K: none
                entry["parent"] = key.rsplit(".", 1)[0] if "." in key else key[0] if key[1:] else ""
                entry["order"] = [key[0], *map(int, re.findall(r"\d+", key))]
            elif kind == "ISCO group":
                entry["parent"] = key[:-1]
            entries[key] = entry
        return entries


def read(folder: Path = DATA) -> Taxonomy:
    """The data in `folder`, validated; InvalidData lists every problem with file and entry."""
    r = _Reader()
    groups, isco, digcomp = (r.load(folder / name) for name in REFERENCE_FILES)
    digcomp = r.fields("digcomp.yaml", digcomp, ("areas", "competences"))
    areas = r.fields("digcomp.yaml: areas", digcomp.get("areas"), tuple("12345"))
    found: dict[str, dict[str, Entry]] = {"skill": {}, "occupation": {}}
    for path in sorted(set(folder.glob("*.yaml")) - {folder / name for name in REFERENCE_FILES}):
        content = r.fields(path.name, r.load(path), ("occupations", "skills"))
        for kind, into in found.items():
            for key, entry in r.entries(path.name, content.get(kind + "s"), kind).items():
                if key in into:
                    r.errors.append(f"{entry['where']}: also in {into[key]['where']}")
                into[key] = entry
    groups = r.entries("skill-groups.yaml", groups, "skill group")
    isco = r.entries("isco-groups.yaml", isco, "ISCO group")
    areas = {n: r.text("digcomp.yaml: areas", f"area {n}", name) for n, name in areas.items()}
    competences = r.entries("digcomp.yaml", digcomp.get("competences"), "competence")
    t = Taxonomy(groups, isco, found["skill"], found["occupation"], areas, competences)
    if errors := r.errors or _check(t):
        raise InvalidData(f"invalid starter taxonomy data in {folder}:\n  " + "\n  ".join(errors))
    return t


def _check(t: Taxonomy) -> list[str]:
    """What single entries cannot show: references, counts, duplicates."""
    errors: list[str] = []

    def rules(where: str, *checks: tuple[object, str]) -> None:
        errors.extend(f"{where}: {problem}" for failed, problem in checks if failed)

    def duplicates(name: str, items: Iterable[tuple[str, str]]) -> None:
        seen: dict[str, list[str]] = {}
        for value, where in items:
            seen.setdefault(value, []).append(where)
        errors.extend(f"{name} {v!r} twice: {'; '.join(w)}" for v, w in seen.items() if w[1:])

    groups, skills, occupations = t.groups.values(), t.skills.values(), t.occupations.values()
    for lang in ("nl", "en"):
        for kind, entries in (("skill", skills), ("occupation", occupations)):
            duplicates(f"{lang} {kind} label", ((e[lang]["label"], e["where"]) for e in entries))
    duplicates("skill-group slug", ((g["slug"], g["where"]) for g in groups))
    duplicates("occupation code", ((o["code"], o["where"]) for o in occupations))
    for c in [*groups, *skills, *occupations]:
        nl, en = c["nl"], c["en"]
        shown = {x.lower() for x in (nl["label"], en["label"], *nl["alt"], *en["alt"])}
        hidden = [h for h in nl["hidden"] + en["hidden"] if h.lower() in shown]
        rules(
            c["where"],
            (nl["label"] in nl["alt"] or en["label"] in en["alt"], "a label repeated in alt"),
            (hidden, f"hidden {', '.join(hidden)} also shown"),
        )
    for g in groups:
        rules(
            g["where"],
            (not GROUP_CODE.fullmatch(g["key"]), "a code looks like S6.11 (4 levels at most)"),
            (not KEY.fullmatch(g["slug"]), "a slug may hold only a-z, 0-9 and -"),
            (g["parent"] and g["parent"] not in t.groups, f"no parent group {g['parent']}"),
        )

    used = {key for o in occupations for key in o["essential"] + o["optional"]}
    for s in skills:
        related = s["related"]["essential"] + s["related"]["optional"]
        rules(
            s["where"],
            (not KEY.fullmatch(s["key"]), "a key may hold only a-z, 0-9 and -"),
            (s["type"] not in SKILL_TYPES, "type is skill (the default) or knowledge"),
            (s["reuse"] not in REUSE_LEVELS, f"reuse is one of {', '.join(REUSE_LEVELS)}"),
            (not s["groups"], "no skill group"),
            *((code not in t.groups, f"unknown skill group {code}") for code in s["groups"]),
            (s["reuse"] == "transversal" and not s["transversal"], "transversal needs a T group"),
            (s["type"] == "knowledge" and "K" not in s["groups"], "knowledge needs group K"),
            *((key not in t.skills, f"unknown related skill {key}") for key in related),
            (s["key"] in related, "related to itself"),
            (s["key"] not in used, "not used by any occupation"),
        )
        duplicates("related skill", ((key, s["where"]) for key in related))

    for o in occupations:
        skills_of, parent = o["essential"] + o["optional"], t.occupations.get(o.get("broader", ""))
        expected = parent["code"] if parent else o["isco"]
        code_ok = re.fullmatch(re.escape(expected) + r"\.[1-9]\d*", o["code"])
        rules(
            o["where"],
            (not KEY.fullmatch(o["key"]), "a key may hold only a-z, 0-9 and -"),
            (len(o["isco"]) != 4 or o["isco"] not in t.isco, f"no ISCO unit group {o['isco']}"),
            (len(o["essential"]) not in range(8, 16), "needs 8-15 essential skills"),
            (len(o["optional"]) not in range(3, 9), "needs 3-8 optional skills"),
            *((key not in t.skills, f"unknown skill {key}") for key in skills_of),
            (o.get("broader") and not parent, f"unknown broader occupation {o.get('broader')}"),
            (parent and parent["isco"] != o["isco"], "its broader occupation has another ISCO"),
            (not code_ok, f"code must be {expected}.<n>"),
        )
        duplicates("skill", ((key, o["where"]) for key in skills_of))

    needed = {o["isco"][:n] for o in occupations for n in range(1, 5)}
    for code, g in t.isco.items():
        rules(
            g["where"],
            (not re.fullmatch(r"\d{1,4}", code), "a code has 1 to 4 digits"),
            (g["parent"] and g["parent"] not in t.isco, f"no parent group {g['parent']}"),
            (code not in needed, "not used by any occupation"),
        )
    order = [*t.areas, *t.competences] != [*"12345", *DIGCOMP.split()]
    rules("digcomp.yaml", (order, f"areas 1-5 and competences {DIGCOMP} needed, in this order"))
    for c in t.competences.values():
        skill = t.skills.get(c["skill"])
        rules(c["where"], (not skill or not skill["digital"], f"skill not in {DIGITAL_GROUP}"))
    duplicates("DigComp skill", ((c["skill"], c["where"]) for c in t.competences.values()))
    return errors


def _cells(t: Taxonomy, c: Entry, lang: str) -> dict[str, str]:
    """A concept's ESCO columns in one language; each file takes those in its header."""
    x, schemes = c[lang], c["schemes"]
    cells = {"conceptType": c["conceptType"], "conceptUri": c["uri"], "status": STATUS}
    cells |= {"code": c.get("code", c["key"]), "iscoGroup": c.get("isco", "")}
    cells |= {"preferredLabel": x["label"], "description": x.get("description", "")}
    cells |= {f"{name}Labels": "\n".join(x.get(name, ())) for name in ("alt", "hidden")}
    cells |= {"modifiedDate": MODIFIED, "regulatedProfessionNote": UNREGULATED}
    if c["conceptType"] == "KnowledgeSkillCompetence":
        schemes += " digital-skills" * c["digital"] + " transversal-skills" * c["transversal"]
        groups = [t.groups[code] for code in c["groups"]]
        cells |= {"skillType": SKILL_TYPES[c["type"]], "reuseLevel": c["reuse"]}
        cells["broaderConceptUri"] = " | ".join(g["uri"] for g in groups)
        cells["broaderConceptPT"] = " | ".join(g["en"]["label"] for g in groups)
    separator = "\n" if c["conceptType"] == "SkillGroup" else ",\n"
    return cells | {"inScheme": separator.join(SCHEME + name for name in schemes.split())}


def build_files(t: Taxonomy) -> dict[str, list[list[str]]]:
    """File name -> rows, the header first."""
    groups, skills, occupations = t.groups.values(), t.skills.values(), t.occupations.values()
    files: dict[str, list[list[str]]] = {}

    def put(name: str, rows: Iterable[Any], ordered: bool = True) -> None:
        header = HEADERS[name.split("_")[0].removesuffix(".csv")].split(",")
        rows = [[r.get(c, "") for c in header] if isinstance(r, dict) else r for r in rows]
        files[name] = [header, *(sorted(rows) if ordered else rows)]

    def links(c: Entry, *broader: Entry) -> list[list[str]]:
        return [[c["conceptType"], c["uri"], b["conceptType"], b["uri"]] for b in broader]

    for lang in ("en", "nl"):
        put(f"occupations_{lang}.csv", (_cells(t, o, lang) for o in occupations))
        put(f"skills_{lang}.csv", (_cells(t, s, lang) for s in skills))
        put(f"ISCOGroups_{lang}.csv", (_cells(t, g, lang) for g in t.isco.values()))
        put(f"skillGroups_{lang}.csv", (_cells(t, g, lang) for g in groups))
        hierarchy = []  # each group's path from the top, in code order
        for g in sorted(groups, key=lambda g: g["order"]):
            hierarchy.append({"Description": g[lang]["description"]})
            path = [g]
            while path[0]["parent"]:
                path.insert(0, t.groups[path[0]["parent"]])
            for n, node in enumerate(path):
                hierarchy[-1] |= {f"Level {n} URI": node["uri"], f"Level {n} code": node["key"]}
                hierarchy[-1][f"Level {n} preferred term"] = node[lang]["label"]
        put(f"skillsHierarchy_{lang}.csv", hierarchy, ordered=False)

    # The collections list a skill's alternative labels and groups with " | " between them.
    en = {s["key"]: _cells(t, s, "en") | {"altLabels": " | ".join(s["en"]["alt"])} for s in skills}
    put("transversalSkillsCollection_en.csv", (en[s["key"]] for s in skills if s["transversal"]))
    put("digitalSkillsCollection_en.csv", (en[s["key"]] for s in skills if s["digital"]))
    type_of = {key: SKILL_TYPES[s["type"]] for key, s in t.skills.items()}
    rows = []
    for o in occupations:
        for relation in ("essential", "optional"):
            rows += [[o["uri"], relation, type_of[k], t.skills[k]["uri"]] for k in o[relation]]
    put("occupationSkillRelations.csv", rows)
    rows = []
    for s in skills:
        for relation, keys in s["related"].items():
            original = [s["uri"], type_of[s["key"]], relation]
            rows += [[*original, type_of[k], t.skills[k]["uri"]] for k in keys]
    put("skillSkillRelations.csv", rows)
    rows = [row for g in t.isco.values() if g["parent"] for row in links(g, t.isco[g["parent"]])]
    for o in occupations:  # like in ESCO, its broader occupation or else its ISCO unit group
        rows += links(o, t.occupations[o["broader"]] if "broader" in o else t.isco[o["isco"]])
    put("broaderRelationsOccPillar.csv", rows)
    rows = [row for g in groups if g["parent"] for row in links(g, t.groups[g["parent"]])]
    for s in skills:
        rows += links(s, *(t.groups[code] for code in s["groups"]))
    put("broaderRelationsSkillPillar.csv", rows)
    rows = []
    for cid, competence in t.competences.items():
        s, area = t.skills[competence["skill"]], cid.split(".")[0]
        rows.append([cid, area, t.areas[area], competence["name"], s["uri"], s["en"]["label"]])
        rows[-1] += [type_of[s["key"]], s["en"]["description"]]
    put("digcomp_2_2_competences.csv", rows, ordered=False)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    parser.add_argument("--data", type=Path, default=DATA, help="folder of the YAML data")
    args = parser.parse_args(argv)
    try:
        taxonomy = read(args.data)
    except InvalidData as error:
        sys.exit(str(error))
    files = build_files(taxonomy)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, rows in files.items():
        with (args.out / name).open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\r\n").writerows(rows)
    counts = f"{len(taxonomy.occupations)} occupations, {len(taxonomy.skills)} skills"
    print(f"wrote {len(files)} files with {counts} to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
