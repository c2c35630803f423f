"""Generate Opstap's starter taxonomy: a small, hand-made ESCO look-alike.

When no ESCO folder is configured the service imports this starter taxonomy, so a
demo works out of the box. The files use exactly the layout of the official ESCO
v1.1.1 CSV download (same file names, headers, column order, multi-value
conventions, UTF-8 without BOM, CRLF row endings), so one importer reads both.

This script is the single source of truth: all content is plain Python data below.
Running it rewrites the CSV files deterministically (sorted rows, fixed dates):

    python tools/starter_taxonomy.py               # writes services/core/taxonomy/starter/
    python tools/starter_taxonomy.py --out DIR     # writes somewhere else

Content notes
- Occupations, skills, skill groups and relations are our own, written for work-
  integration social enterprises (WISEs). They are not copied from ESCO.
- ISCO-08 codes, English titles and the first sentence of each English description
  are the official ISCO-08 texts as published in ESCO v1.1.1; the Dutch titles are
  the ESCO Dutch ISCO titles (with plain apostrophes). Skill-group codes and titles
  follow the ESCO skills pillar (S, S6.11, T4 ...). Source: ESCO, European
  Commission, https://esco.ec.europa.eu (reuse authorised with acknowledgement).
- Like ESCO, each occupation has exactly one broader concept: its ISCO unit group,
  or its broader occupation (e.g. assistant cook -> cook).
- All concept URIs are in our own namespace (urn:opstap:...), so they can never be
  mistaken for real ESCO URIs.
- digcomp_2_2_competences.csv is not an ESCO file: it has the columns of Opstap's DigComp
  2.2 reference file and maps each of the 21 competences to a starter skill, as that file
  maps each to an ESCO skill. Area and competence names are the official English names of
  DigComp 2.2 (Vuorikari, Kluzer & Punie 2022, JRC128415; (c) European Union, CC BY 4.0).
"""

from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO_ROOT / "services" / "core" / "taxonomy" / "starter"

MODIFIED = "2025-01-15T12:00:00Z"
STATUS = "released"
UNREGULATED = "http://data.europa.eu/esco/regulated-professions/unregulated"

OCCUPATION_NS = "urn:opstap:occupation:"
SKILL_NS = "urn:opstap:skill:"
SKILL_GROUP_NS = "urn:opstap:skillgroup:"
ISCO_NS = "urn:opstap:isco:C"

SCHEME_OCCUPATIONS = "urn:opstap:concept-scheme:occupations"
SCHEME_STARTER = "urn:opstap:concept-scheme:starter-taxonomy"
SCHEME_ISCO = "urn:opstap:concept-scheme:isco"
SCHEME_SKILLS = "urn:opstap:concept-scheme:skills"
SCHEME_SKILLS_HIERARCHY = "urn:opstap:concept-scheme:skills-hierarchy"
SCHEME_DIGITAL = "urn:opstap:concept-scheme:digital-skills"
SCHEME_TRANSVERSAL = "urn:opstap:concept-scheme:transversal-skills"

# skillType values
SKILL = "skill/competence"
KNOWLEDGE = "knowledge"

# reuseLevel values
TRANSVERSAL = "transversal"
CROSS_SECTOR = "cross-sector"
SECTOR_SPECIFIC = "sector-specific"
OCCUPATION_SPECIFIC = "occupation-specific"

# relationType values
ESSENTIAL = "essential"
OPTIONAL = "optional"

# Skills in this group are "digital": they also go into digitalSkillsCollection_en.csv.
DIGITAL_GROUP = "S5"

# Headers copied verbatim from the ESCO v1.1.1 files of the same name.
HEADERS = {
    "occupations": [
        "conceptType", "conceptUri", "iscoGroup", "preferredLabel", "altLabels",
        "hiddenLabels", "status", "modifiedDate", "regulatedProfessionNote",
        "scopeNote", "definition", "inScheme", "description", "code",
    ],
    "skills": [
        "conceptType", "conceptUri", "skillType", "reuseLevel", "preferredLabel",
        "altLabels", "hiddenLabels", "status", "modifiedDate", "scopeNote",
        "definition", "inScheme", "description",
    ],
    "occupationSkillRelations": [
        "occupationUri", "relationType", "skillType", "skillUri",
    ],
    "skillSkillRelations": [
        "originalSkillUri", "originalSkillType", "relationType", "relatedSkillType",
        "relatedSkillUri",
    ],
    "ISCOGroups": [
        "conceptType", "conceptUri", "code", "preferredLabel", "status", "altLabels",
        "inScheme", "description",
    ],
    "broaderRelations": [
        "conceptType", "conceptUri", "broaderType", "broaderUri",
    ],
    "skillGroups": [
        "conceptType", "conceptUri", "preferredLabel", "altLabels", "hiddenLabels",
        "status", "modifiedDate", "scopeNote", "inScheme", "description", "code",
    ],
    "skillsHierarchy": [
        "Level 0 URI", "Level 0 preferred term", "Level 1 URI", "Level 1 preferred term",
        "Level 2 URI", "Level 2 preferred term", "Level 3 URI", "Level 3 preferred term",
        "Description", "Scope note", "Level 0 code", "Level 1 code", "Level 2 code",
        "Level 3 code",
    ],
    "transversalSkillsCollection": [
        "conceptType", "conceptUri", "skillType", "reuseLevel", "preferredLabel",
        "status", "altLabels", "description", "broaderConceptUri", "broaderConceptPT",
    ],
    "digitalSkillsCollection": [
        "conceptType", "conceptUri", "preferredLabel", "status", "skillType",
        "reuseLevel", "altLabels", "description", "broaderConceptUri",
        "broaderConceptPT",
    ],
    # Not an ESCO file: the columns of Opstap's DigComp 2.2 reference file.
    "digcompCompetences": [
        "competence_id", "area_id", "area_name", "competence_name", "esco_uri",
        "esco_preferred_label", "esco_skill_type", "esco_description",
    ],
}


# --------------------------------------------------------------------------------------
# Model
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SkillGroup:
    code: str
    slug: str
    en: str
    nl: str
    en_desc: str
    nl_desc: str

    @property
    def uri(self) -> str:
        return SKILL_GROUP_NS + self.slug

    @property
    def parent_code(self) -> str | None:
        """ESCO-style codes: S6.11 -> S6 -> S; T4 -> T; K -> None."""
        if "." in self.code:
            return self.code.rsplit(".", 1)[0]
        if len(self.code) > 1:
            return self.code[0]
        return None


@dataclass(frozen=True)
class Skill:
    slug: str
    groups: tuple[str, ...]
    reuse: str
    en: str
    nl: str
    en_desc: str
    nl_desc: str
    skill_type: str = SKILL
    en_alt: tuple[str, ...] = ()
    nl_alt: tuple[str, ...] = ()

    @property
    def uri(self) -> str:
        return SKILL_NS + self.slug

    @property
    def is_digital(self) -> bool:
        return DIGITAL_GROUP in self.groups

    @property
    def is_transversal(self) -> bool:
        return any(code.startswith("T") for code in self.groups)


@dataclass(frozen=True)
class Occupation:
    slug: str
    isco: str
    en: str
    nl: str
    en_alt: tuple[str, ...]
    nl_alt: tuple[str, ...]
    en_desc: str
    nl_desc: str
    essential: tuple[str, ...]
    optional: tuple[str, ...]
    broader: str | None = None  # slug of a broader occupation (ESCO occupation pillar)
    en_hidden: tuple[str, ...] = ()  # searchable but never shown (misspellings, dated terms)
    nl_hidden: tuple[str, ...] = ()

    @property
    def uri(self) -> str:
        return OCCUPATION_NS + self.slug


def skill(
    slug: str,
    groups: str,
    reuse: str,
    *,
    en: str,
    nl: str,
    en_desc: str,
    nl_desc: str,
    kind: str = SKILL,
    en_alt: tuple[str, ...] = (),
    nl_alt: tuple[str, ...] = (),
) -> Skill:
    """groups: space-separated skill-group codes, e.g. "S6.11 T5"."""
    return Skill(slug, tuple(groups.split()), reuse, en, nl, en_desc, nl_desc, kind,
                 en_alt, nl_alt)


def knowledge(slug: str, groups: str, reuse: str, **kwargs) -> Skill:
    return skill(slug, groups, reuse, kind=KNOWLEDGE, **kwargs)


def occupation(
    slug: str,
    isco: str,
    *,
    en: str,
    nl: str,
    en_alt: tuple[str, ...],
    nl_alt: tuple[str, ...],
    en_desc: str,
    nl_desc: str,
    essential: str,
    optional: str,
    broader: str | None = None,
    en_hidden: tuple[str, ...] = (),
    nl_hidden: tuple[str, ...] = (),
) -> Occupation:
    """essential/optional: whitespace-separated skill slugs."""
    return Occupation(slug, isco, en, nl, en_alt, nl_alt, en_desc, nl_desc,
                      tuple(essential.split()), tuple(optional.split()), broader,
                      en_hidden, nl_hidden)


# --------------------------------------------------------------------------------------
# Skill groups (codes and titles follow the ESCO skills pillar)
# --------------------------------------------------------------------------------------

SKILL_GROUPS = [
    SkillGroup(
        "S", "skills", "skills", "vaardigheden",
        "Skills needed to carry out tasks at work.",
        "Wat je kunt doen om taken op het werk uit te voeren.",
    ),
    SkillGroup(
        "S2", "information-skills", "information skills", "informatievaardigheden",
        "Collecting, recording, checking and processing information.",
        "Informatie verzamelen, vastleggen, controleren en verwerken.",
    ),
    SkillGroup(
        "S3", "assisting-and-caring", "assisting and caring", "assisteren en verzorgen",
        "Helping, serving and caring for people.",
        "Mensen helpen, bedienen en verzorgen.",
    ),
    SkillGroup(
        "S3.4", "information-and-support-to-clients",
        "providing information and support to the public and clients",
        "informatie en ondersteuning geven aan publiek en klanten",
        "Receiving, informing, advising and serving customers, guests and visitors.",
        "Klanten, gasten en bezoekers ontvangen, informeren, adviseren en helpen.",
    ),
    SkillGroup(
        "S3.5", "food-and-drinks", "preparing and serving food and drinks",
        "bereiden en serveren van eten en drinken",
        "Preparing, serving and storing food and drinks safely and hygienically.",
        "Eten en drinken veilig en schoon klaarmaken, bewaren en serveren.",
    ),
    SkillGroup(
        "S5", "working-with-computers", "working with computers", "werken met computers",
        "Using computers, smartphones, scanners and other digital devices and programs "
        "at work.",
        "Computers, smartphones, scanners en andere digitale apparaten en programma's "
        "gebruiken op het werk.",
    ),
    SkillGroup(
        "S6", "handling-and-moving", "handling and moving", "behandelen en verplaatsen",
        "Sorting, moving, making and cleaning goods and materials by hand or with "
        "tools; tending plants.",
        "Spullen en materialen sorteren, verplaatsen, maken en schoonmaken met de hand of "
        "met gereedschap; planten verzorgen.",
    ),
    SkillGroup(
        "S6.1", "sorting-and-packaging", "sorting and packaging goods and materials",
        "sorteren en verpakken van goederen en materialen",
        "Sorting, packing, labelling and arranging goods and materials.",
        "Goederen en materialen sorteren, inpakken, labelen en neerzetten.",
    ),
    SkillGroup(
        "S6.11", "cleaning", "cleaning", "schoonmaken",
        "Cleaning buildings, rooms, equipment, textiles and work areas.",
        "Gebouwen, ruimtes, apparaten, textiel en werkplekken schoonmaken.",
    ),
    SkillGroup(
        "S6.2", "moving-and-lifting", "moving and lifting", "verplaatsen en tillen",
        "Loading, unloading, moving and storing goods, by hand or with simple equipment.",
        "Goederen laden, lossen, verplaatsen en opslaan, met de hand of met eenvoudige "
        "hulpmiddelen.",
    ),
    SkillGroup(
        "S6.4", "tending-plants", "tending plants and crops",
        "verzorgen van planten en gewassen",
        "Planting, maintaining and caring for plants, lawns, hedges and trees.",
        "Planten, gras, heggen en bomen planten, onderhouden en verzorgen.",
    ),
    SkillGroup(
        "S6.5", "assembling-products", "assembling and fabricating products",
        "monteren en vervaardigen van producten",
        "Assembling, fixing and repairing products and parts with hand and power tools.",
        "Producten en onderdelen in elkaar zetten, vastmaken en repareren met "
        "gereedschap.",
    ),
    SkillGroup(
        "S8", "machinery-and-equipment", "working with machinery and specialised equipment",
        "werken met machines en gespecialiseerde apparatuur",
        "Operating, monitoring and looking after machines, vehicles and equipment.",
        "Machines, voertuigen en apparaten bedienen, in de gaten houden en onderhouden.",
    ),
    SkillGroup(
        "S8.2", "driving-vehicles", "driving vehicles", "besturen van voertuigen",
        "Driving cars and vans safely on public roads.",
        "Veilig rijden met een auto of bestelbus op de openbare weg.",
    ),
    SkillGroup(
        "S8.7", "repairing-mechanical-equipment",
        "installing, maintaining and repairing mechanical equipment",
        "installeren, onderhouden en repareren van mechanische apparatuur",
        "Maintaining, adjusting and repairing bicycles, machines and other mechanical "
        "equipment.",
        "Fietsen, machines en andere mechanische apparaten onderhouden, afstellen en "
        "repareren.",
    ),
    SkillGroup(
        "K", "knowledge", "knowledge", "kennis",
        "Facts, rules and principles you need to know for the work.",
        "Feiten, regels en afspraken die je moet weten voor het werk.",
    ),
    SkillGroup(
        "T", "transversal", "transversal skills and competences",
        "transversale vaardigheden en competenties",
        "Skills that are useful in almost every job and every workplace.",
        "Vaardigheden die je in bijna elk beroep en op elke werkplek nodig hebt.",
    ),
    SkillGroup(
        "T1", "core-skills", "core skills and competences",
        "kernvaardigheden en -competenties",
        "Basic language, number and digital skills.",
        "Basisvaardigheden in taal, rekenen en digitale apparaten.",
    ),
    SkillGroup(
        "T3", "self-management", "self-management skills and competences",
        "vaardigheden en competenties voor zelfbeheer",
        "Organising your own work, keeping agreements and learning from experience.",
        "Je eigen werk regelen, afspraken nakomen en leren van ervaring.",
    ),
    SkillGroup(
        "T4", "social-and-communication", "social and communication skills and competences",
        "sociale en communicatieve vaardigheden en competenties",
        "Communicating, working together, helping and guiding others.",
        "Communiceren, samenwerken, anderen helpen en begeleiden.",
    ),
    SkillGroup(
        "T5", "physical-and-manual", "physical and manual skills and competences",
        "fysieke en handmatige vaardigheden en competenties",
        "Working safely and healthily with your body, tools and equipment.",
        "Veilig en gezond werken met je lichaam, gereedschap en apparaten.",
    ),
]


# --------------------------------------------------------------------------------------
# Skills and knowledge
# --------------------------------------------------------------------------------------

TRANSVERSAL_SKILLS = [
    # --- social and communication (T4) ---
    skill(
        "work-in-a-team", "T4", TRANSVERSAL,
        en="work in a team",
        nl="samenwerken in een team",
        en_desc="Work together with colleagues towards a shared result, divide tasks and "
        "help each other.",
        nl_desc="Je werkt samen met collega's. Jullie verdelen de taken en helpen elkaar.",
        en_alt=("work with colleagues", "cooperate with colleagues"),
        nl_alt=("samenwerken", "in teamverband werken"),
    ),
    skill(
        "communicate-with-colleagues", "T4", TRANSVERSAL,
        en="communicate with colleagues",
        nl="communiceren met collega's",
        en_desc="Share information with colleagues clearly, listen, and check that you "
        "understand each other.",
        nl_desc="Je geeft collega's duidelijk informatie. Je luistert en checkt of jullie "
        "elkaar goed begrijpen.",
        nl_alt=("overleggen met collega's",),
    ),
    skill(
        "follow-verbal-instructions", "T4", TRANSVERSAL,
        en="follow verbal instructions",
        nl="mondelinge instructies opvolgen",
        en_desc="Listen to spoken instructions from a supervisor or colleague, ask when "
        "something is unclear and carry them out.",
        nl_desc="Je luistert naar wat je leidinggevende of collega uitlegt. Je vraagt het als "
        "iets niet duidelijk is en je doet wat is afgesproken.",
        en_alt=("follow spoken instructions",),
        nl_alt=("opdrachten uitvoeren", "werken volgens mondelinge uitleg"),
    ),
    skill(
        "ask-for-help", "T4", TRANSVERSAL,
        en="ask for help when needed",
        nl="om hulp vragen als het nodig is",
        en_desc="Recognise when a task is unclear or too difficult and ask a colleague, "
        "supervisor or job coach for help in time.",
        nl_desc="Je merkt wanneer iets niet lukt of niet duidelijk is. Je vraagt op tijd "
        "hulp aan een collega, je leidinggevende of je jobcoach.",
    ),
    skill(
        "report-problems", "T4", TRANSVERSAL,
        en="report problems to a supervisor",
        nl="problemen melden bij je leidinggevende",
        en_desc="Tell the supervisor promptly about problems, mistakes, faults or unsafe "
        "situations.",
        nl_desc="Je vertelt je leidinggevende meteen over problemen, fouten, storingen of "
        "onveilige situaties.",
        nl_alt=("afwijkingen melden",),
    ),
    skill(
        "be-customer-friendly", "T4", TRANSVERSAL,
        en="be customer-friendly",
        nl="klantvriendelijk zijn",
        en_desc="Greet customers, guests and visitors, be polite and helpful, and stay "
        "friendly when someone else is not.",
        nl_desc="Je groet klanten, gasten en bezoekers. Je bent beleefd en behulpzaam, ook "
        "als iemand zelf niet vriendelijk is.",
        en_alt=("show a customer-friendly attitude", "be service-minded"),
        nl_alt=("klantgericht werken", "gastvrij zijn"),
    ),
    skill(
        "respect-diversity", "T4", TRANSVERSAL,
        en="respect diversity",
        nl="respect tonen voor verschillen",
        en_desc="Treat colleagues, customers and clients with respect, whatever their "
        "background, age, beliefs or abilities.",
        nl_desc="Je gaat met respect om met collega's, klanten en cliënten, wat hun "
        "achtergrond, leeftijd, geloof of beperking ook is.",
    ),
    skill(
        "handle-confidential-information", "T4", TRANSVERSAL,
        en="handle information confidentially",
        nl="vertrouwelijk omgaan met informatie",
        en_desc="Keep information about customers, clients, colleagues and the company to "
        "yourself unless you are allowed to share it.",
        nl_desc="Je vertelt niets door over klanten, cliënten, collega's of het bedrijf, "
        "tenzij dat mag.",
        en_alt=("observe confidentiality", "be discreet"),
        nl_alt=("geheimhouding in acht nemen", "discreet zijn"),
    ),
    skill(
        "supervise-team", "T4", CROSS_SECTOR,
        en="supervise a team",
        nl="een team aansturen",
        en_desc="Divide the work among team members, give clear instructions, follow up "
        "on progress and help when needed.",
        nl_desc="Je verdeelt het werk in je team en geeft duidelijke instructies. Je "
        "houdt in de gaten hoe het gaat en helpt als het nodig is.",
        en_alt=("lead a team", "supervise staff"),
        nl_alt=("leidinggeven aan een team", "medewerkers aansturen"),
    ),
    skill(
        "instruct-colleagues", "T4", CROSS_SECTOR,
        en="instruct new colleagues",
        nl="nieuwe collega's inwerken",
        en_desc="Show new colleagues and trainees how the work is done, step by step, and "
        "check that they can do it safely.",
        nl_desc="Je laat nieuwe collega's en stagiairs stap voor stap zien hoe het werk "
        "gaat. Je controleert of ze het veilig kunnen.",
        en_alt=("train new staff", "coach trainees on the job"),
        nl_alt=("werkbegeleiding geven", "nieuwe medewerkers instrueren"),
    ),
    skill(
        "plan-team-work", "T4", CROSS_SECTOR,
        en="plan the work of a team",
        nl="het werk van een team plannen",
        en_desc="Decide who does which task and when, taking into account the available "
        "people, time and materials.",
        nl_desc="Je bepaalt wie welke taak doet en wanneer. Je let op de mensen, de tijd en "
        "de materialen die er zijn.",
        nl_alt=("werkplanning maken",),
    ),
    skill(
        "work-respectfully-in-homes", "T4", CROSS_SECTOR,
        en="work respectfully in a client's home",
        nl="respectvol werken in het huis van een klant",
        en_desc="Respect the wishes, belongings and privacy of people in their own home "
        "and keep to agreements made with them.",
        nl_desc="Je respecteert de wensen, spullen en privacy van mensen in hun eigen huis. "
        "Je houdt je aan de afspraken die je met ze maakt.",
    ),
    # --- self-management (T3) ---
    skill(
        "accept-feedback", "T3", TRANSVERSAL,
        en="accept feedback",
        nl="feedback aannemen",
        en_desc="Listen to comments on your work, ask how to improve and use the advice.",
        nl_desc="Je luistert naar opmerkingen over je werk. Je vraagt hoe het beter kan en "
        "doet daar iets mee.",
        en_alt=("take criticism constructively",),
        nl_alt=("open staan voor kritiek",),
    ),
    skill(
        "be-punctual", "T3", TRANSVERSAL,
        en="be punctual",
        nl="op tijd komen",
        en_desc="Arrive at work on time, keep to break times and tell the employer in time "
        "when you are late or ill.",
        nl_desc="Je bent op tijd op je werk en houdt je aan de pauzes. Ben je ziek of te "
        "laat? Dan meld je dat op tijd.",
        en_alt=("keep to working hours",),
        nl_alt=("stipt zijn", "je aan werktijden houden"),
    ),
    skill(
        "act-reliably", "T3", TRANSVERSAL,
        en="act reliably",
        nl="betrouwbaar zijn",
        en_desc="Do what has been agreed, so that colleagues, customers and clients can "
        "count on you.",
        nl_desc="Je doet wat je hebt afgesproken. Collega's, klanten en cliënten kunnen op "
        "je rekenen.",
        nl_alt=("afspraken nakomen",),
    ),
    skill(
        "work-independently", "T3", TRANSVERSAL,
        en="work independently",
        nl="zelfstandig werken",
        en_desc="Carry out your own tasks without constant supervision and decide the order "
        "of routine tasks yourself.",
        nl_desc="Je doet je taken zonder dat er steeds iemand bij is. Je bepaalt zelf de "
        "volgorde van vaste taken.",
    ),
    skill(
        "work-accurately", "T3", TRANSVERSAL,
        en="work accurately",
        nl="nauwkeurig werken",
        en_desc="Work carefully and precisely and check your own work for mistakes.",
        nl_desc="Je werkt zorgvuldig en precies. Je controleert je eigen werk op fouten.",
        en_alt=("pay attention to detail",),
        nl_alt=("zorgvuldig werken", "precies werken"),
    ),
    skill(
        "manage-own-time", "T3", TRANSVERSAL,
        en="manage your own time",
        nl="je tijd goed indelen",
        en_desc="Plan your tasks so that the work is finished on time, and keep to agreed "
        "times.",
        nl_desc="Je plant je taken zo dat het werk op tijd af is. Je houdt je aan "
        "afgesproken tijden.",
        nl_alt=("planmatig werken",),
    ),
    skill(
        "cope-with-pressure", "T3", TRANSVERSAL,
        en="cope with work pressure",
        nl="omgaan met werkdruk",
        en_desc="Stay calm and keep working well when it is busy or when something has to "
        "be finished quickly.",
        nl_desc="Je blijft rustig en werkt goed door als het druk is of als iets snel af "
        "moet.",
        en_alt=("work under pressure",),
        nl_alt=("stressbestendig zijn", "werken onder tijdsdruk"),
    ),
    skill(
        "adapt-to-change", "T3", TRANSVERSAL,
        en="adapt to changes at work",
        nl="omgaan met veranderingen in het werk",
        en_desc="Adjust to new tasks, new colleagues, a new workplace or a changed "
        "schedule.",
        nl_desc="Je past je aan als je taken, collega's, werkplek of rooster veranderen.",
        nl_alt=("flexibel zijn",),
    ),
    skill(
        "show-willingness-to-learn", "T3", TRANSVERSAL,
        en="show willingness to learn",
        nl="leergierig zijn",
        en_desc="Be open to new tasks and ways of working, and learn from instructions and "
        "mistakes.",
        nl_desc="Je staat open voor nieuwe taken en manieren van werken. Je leert van uitleg "
        "en van fouten.",
        nl_alt=("willen leren",),
    ),
    skill(
        "show-initiative", "T3", TRANSVERSAL,
        en="show initiative",
        nl="initiatief nemen",
        en_desc="Notice what needs doing and start on it without waiting to be asked.",
        nl_desc="Je ziet zelf wat er moet gebeuren en begint eraan zonder dat iemand het "
        "vraagt.",
        nl_alt=("zelf aanpakken",),
    ),
    skill(
        "concentrate-on-tasks", "T3", TRANSVERSAL,
        en="concentrate on tasks",
        nl="je concentreren op je werk",
        en_desc="Keep your attention on a task for a long time, also with noise or people "
        "around you.",
        nl_desc="Je houdt je aandacht lang bij je taak, ook als er lawaai of drukte om je "
        "heen is.",
    ),
    skill(
        "keep-work-area-clean", "T3 S6.11", TRANSVERSAL,
        en="keep the work area clean and tidy",
        nl="de werkplek schoon en opgeruimd houden",
        en_desc="Put tools and materials back in their place, clean up spills and waste "
        "and leave the work area tidy.",
        nl_desc="Je legt gereedschap en materiaal terug op hun plek. Je ruimt afval en "
        "gemorste dingen op en laat je werkplek netjes achter.",
        en_alt=("keep workplace tidy", "apply 5S"),
        nl_alt=("werkplek opruimen", "5S toepassen"),
    ),
    # --- core skills: language and numbers (T1) ---
    skill(
        "speak-dutch-at-work", "T1", TRANSVERSAL,
        en="speak Dutch at work",
        nl="Nederlands spreken op het werk",
        en_desc="Hold simple conversations in Dutch with colleagues and customers about the "
        "work.",
        nl_desc="Je voert eenvoudige gesprekken in het Nederlands met collega's en klanten "
        "over het werk.",
        en_alt=("communicate in Dutch",),
        nl_alt=("Nederlandse taal spreken",),
    ),
    skill(
        "read-simple-dutch-texts", "T1", TRANSVERSAL,
        en="read simple Dutch texts",
        nl="eenvoudige Nederlandse teksten lezen",
        en_desc="Read and understand short Dutch texts at work, such as notes, labels, "
        "schedules and instructions.",
        nl_desc="Je leest en begrijpt korte Nederlandse teksten op het werk, zoals briefjes, "
        "etiketten, roosters en instructies.",
    ),
    skill(
        "follow-written-instructions", "T1", TRANSVERSAL,
        en="follow written instructions",
        nl="schriftelijke instructies opvolgen",
        en_desc="Read work instructions, checklists or pictograms and carry out the task "
        "step by step.",
        nl_desc="Je leest werkinstructies, checklists of plaatjes en voert de taak stap voor "
        "stap uit.",
        en_alt=("work according to a checklist",),
        nl_alt=("werken volgens een checklist", "werkinstructies volgen"),
    ),
    skill(
        "apply-basic-numeracy", "T1", TRANSVERSAL,
        en="apply basic numeracy",
        nl="eenvoudig rekenen",
        en_desc="Count, add up, subtract, weigh and measure in everyday work tasks.",
        nl_desc="Je telt, rekent, weegt en meet bij gewone taken op je werk.",
        en_alt=("use basic arithmetic",),
        nl_alt=("rekenvaardigheid",),
    ),
    # --- core skills: basic digital skills (T1 + S5) ---
    skill(
        "use-a-computer", "T1 S5", TRANSVERSAL,
        en="use a computer",
        nl="een computer gebruiken",
        en_desc="Use the mouse and keyboard, start programs, and open, save and find files.",
        nl_desc="Je gebruikt muis en toetsenbord. Je start programma's en je opent, bewaart "
        "en vindt bestanden.",
        en_alt=("basic computer skills",),
        nl_alt=("computervaardig zijn", "basis computervaardigheden"),
    ),
    skill(
        "use-a-smartphone", "T1 S5", TRANSVERSAL,
        en="use a smartphone",
        nl="een smartphone gebruiken",
        en_desc="Use a smartphone to call, send messages, take photos and use apps, and "
        "keep it up to date.",
        nl_desc="Je gebruikt een smartphone om te bellen, berichten te sturen, foto's te "
        "maken en apps te gebruiken.",
        nl_alt=("mobiele telefoon gebruiken",),
    ),
    skill(
        "use-a-work-schedule-app", "T1 S5", TRANSVERSAL,
        en="use a smartphone app for work schedules",
        nl="een rooster-app gebruiken",
        en_desc="Check your shifts, swap shifts and report sick or absent in the employer's "
        "scheduling app.",
        nl_desc="Je bekijkt je diensten in de rooster-app van je werkgever. Je ruilt "
        "diensten en meldt je ziek of afwezig via de app.",
        en_alt=("use a rostering app", "check the work schedule online"),
        nl_alt=("roosterapp gebruiken", "digitaal rooster bekijken"),
    ),
    skill(
        "send-and-read-email", "T1 S5", TRANSVERSAL,
        en="send and read e-mail",
        nl="e-mail lezen en versturen",
        en_desc="Read, answer, write and send e-mails, add attachments and recognise "
        "suspicious messages.",
        nl_desc="Je leest en beantwoordt e-mails. Je schrijft zelf een e-mail, voegt een "
        "bijlage toe en herkent verdachte berichten.",
        en_alt=("use e-mail", "e-mail"),
        nl_alt=("mailen", "e-mail gebruiken"),
    ),
    skill(
        "fill-in-digital-forms", "T1 S5", TRANSVERSAL,
        en="fill in digital forms",
        nl="digitale formulieren invullen",
        en_desc="Complete forms on a website, tablet or app, such as checklists, reports, "
        "requests or forms of the municipality, and send them.",
        nl_desc="Je vult formulieren in op een website, tablet of app, bijvoorbeeld een "
        "checklist, melding, aanvraag of formulier van de gemeente. Daarna verstuur je ze.",
        en_alt=("complete online forms",),
        nl_alt=("online formulieren invullen",),
    ),
    skill(
        "search-information-online", "T1 S5", TRANSVERSAL,
        en="search for information online",
        nl="informatie zoeken op internet",
        en_desc="Find information on the internet with a search engine and judge whether "
        "a source is reliable.",
        nl_desc="Je zoekt informatie op internet met een zoekmachine. Je kijkt of de bron "
        "betrouwbaar is.",
        nl_alt=("googelen", "online zoeken"),
    ),
    skill(
        "protect-personal-data", "T1 S5", TRANSVERSAL,
        en="protect personal data",
        nl="persoonsgegevens beschermen",
        en_desc="Handle personal data of customers, clients and colleagues carefully, on "
        "paper and on screen, and share it only when allowed.",
        nl_desc="Je gaat zorgvuldig om met persoonsgegevens van klanten, cliënten en "
        "collega's, op papier en op het scherm. Je deelt ze alleen als dat mag.",
        en_alt=("protect privacy",),
        nl_alt=("privacy beschermen",),
    ),
    skill(
        "use-passwords-safely", "T1 S5", TRANSVERSAL,
        en="use passwords safely",
        nl="veilig omgaan met wachtwoorden",
        en_desc="Use strong passwords, keep them secret, lock the screen and log out after "
        "use.",
        nl_desc="Je gebruikt sterke wachtwoorden en houdt ze geheim. Je vergrendelt je "
        "scherm en logt uit als je klaar bent.",
        en_alt=("log in securely",),
        nl_alt=("veilig inloggen",),
    ),
    skill(
        "follow-e-learning", "T1 S5", TRANSVERSAL,
        en="follow an online course",
        nl="een online cursus volgen",
        en_desc="Log in to a learning platform, watch instruction videos and do online "
        "exercises and tests.",
        nl_desc="Je logt in op een leerplatform. Je bekijkt instructievideo's en maakt "
        "online oefeningen en toetsen.",
        en_alt=("follow e-learning",),
        nl_alt=("e-learning volgen",),
    ),
    skill(
        "register-working-hours", "T1 S5", TRANSVERSAL,
        en="register working hours digitally",
        nl="gewerkte uren digitaal registreren",
        en_desc="Record your working hours, breaks and leave in a digital time "
        "registration system or app.",
        nl_desc="Je zet je gewerkte uren, pauzes en verlof in een digitaal systeem of een "
        "app.",
        en_alt=("fill in a digital timesheet",),
        nl_alt=("urenregistratie invullen", "uren schrijven"),
    ),
    skill(
        "make-video-calls", "T1 S5", TRANSVERSAL,
        en="make video calls",
        nl="videobellen",
        en_desc="Join and hold video calls with colleagues, coaches or customers on a "
        "computer or smartphone.",
        nl_desc="Je belt met beeld met collega's, je jobcoach of klanten via een computer "
        "of smartphone.",
        en_alt=("join online meetings",),
        nl_alt=("online vergaderen",),
    ),
    # --- physical and manual (T5) ---
    skill(
        "follow-safety-instructions", "T5", TRANSVERSAL,
        en="follow safety instructions",
        nl="veiligheidsinstructies opvolgen",
        en_desc="Work according to the safety rules and instructions of the workplace and "
        "pay attention to safety signs.",
        nl_desc="Je werkt volgens de veiligheidsregels en -instructies van je werkplek. Je "
        "let op veiligheidsborden.",
        en_alt=("work safely", "comply with safety rules"),
        nl_alt=("veilig werken", "veiligheidsregels naleven"),
    ),
    skill(
        "use-personal-protective-equipment", "T5", TRANSVERSAL,
        en="use personal protective equipment",
        nl="persoonlijke beschermingsmiddelen gebruiken",
        en_desc="Wear gloves, safety shoes, goggles, hearing protection and other "
        "protective equipment when required, and look after it.",
        nl_desc="Je draagt handschoenen, veiligheidsschoenen, een veiligheidsbril, "
        "gehoorbescherming en andere beschermingsmiddelen als dat nodig is.",
        en_alt=("wear protective gear", "use PPE"),
        nl_alt=("PBM gebruiken", "beschermende kleding dragen"),
    ),
    skill(
        "lift-and-carry-safely", "T5", TRANSVERSAL,
        en="lift and carry loads safely",
        nl="veilig tillen en dragen",
        en_desc="Lift, carry and move boxes and other loads with safe lifting techniques "
        "to avoid injury.",
        nl_desc="Je tilt, draagt en verplaatst dozen en andere lasten op een veilige "
        "manier. Zo voorkom je blessures.",
        en_alt=("lift heavy weights", "use safe lifting techniques"),
        nl_alt=("zwaar tillen", "goede tiltechniek gebruiken"),
    ),
    skill(
        "work-ergonomically", "T5", TRANSVERSAL,
        en="work ergonomically",
        nl="ergonomisch werken",
        en_desc="Arrange the workplace and your posture so that the work is less tiring "
        "and does not cause physical complaints.",
        nl_desc="Je richt je werkplek goed in en let op je houding. Zo wordt je werk minder "
        "zwaar en voorkom je klachten.",
        nl_alt=("gezond werken", "op je houding letten"),
    ),
    skill(
        "stand-for-long-periods", "T5", TRANSVERSAL,
        en="work standing for long periods",
        nl="lang staand werken",
        en_desc="Keep working while standing or walking for most of the working day.",
        nl_desc="Je kunt het grootste deel van de werkdag staan of lopen.",
    ),
    skill(
        "work-outdoors", "T5", TRANSVERSAL,
        en="work outdoors in all weather",
        nl="buiten werken bij elk weer",
        en_desc="Carry out work outside in heat, cold, rain or wind and dress for the "
        "weather.",
        nl_desc="Je werkt buiten, ook als het warm, koud, nat of winderig is. Je kleedt je "
        "op het weer.",
        nl_alt=("buitenwerk doen",),
    ),
    skill(
        "perform-repetitive-tasks", "T5", TRANSVERSAL,
        en="perform repetitive tasks",
        nl="herhalend werk doen",
        en_desc="Carry out the same task many times in a row at a steady pace and with the "
        "same quality.",
        nl_desc="Je doet dezelfde taak vaak achter elkaar. Je houdt een vast tempo en "
        "levert steeds dezelfde kwaliteit.",
        nl_alt=("routinematig werken",),
    ),
    skill(
        "apply-personal-hygiene", "T5", TRANSVERSAL,
        en="apply personal hygiene",
        nl="persoonlijke hygiëne toepassen",
        en_desc="Wash your hands, wear clean work clothes and follow the hygiene rules for "
        "yourself at work.",
        nl_desc="Je wast je handen, draagt schone werkkleding en houdt je aan de "
        "hygiëneregels voor jezelf.",
        en_alt=("follow hygiene procedures",),
        nl_alt=("hygiënisch werken",),
    ),
    skill(
        "work-at-height-safely", "T5", CROSS_SECTOR,
        en="work safely at height",
        nl="veilig werken op hoogte",
        en_desc="Take precautions against falling when working on ladders, steps, "
        "scaffolds or aerial work platforms.",
        nl_desc="Je zorgt dat je niet valt als je werkt op een ladder, trap, steiger of "
        "hoogwerker.",
    ),
    skill(
        "use-ladders-safely", "T5", CROSS_SECTOR,
        en="use ladders and steps safely",
        nl="veilig werken met ladders en trappen",
        en_desc="Check a ladder or step before use, set it up stable and at the right "
        "angle and use it correctly.",
        nl_desc="Je controleert een ladder of trap voordat je hem gebruikt. Je zet hem "
        "stevig en onder de goede hoek neer.",
        nl_alt=("ladder gebruiken",),
    ),
    skill(
        "work-safely-near-traffic", "T5", SECTOR_SPECIFIC,
        en="work safely near traffic",
        nl="veilig werken langs de weg",
        en_desc="Wear high-visibility clothing, place warning signs and watch traffic when "
        "working along roads and paths.",
        nl_desc="Je draagt een veiligheidshesje, zet waarschuwingsborden neer en let op het "
        "verkeer als je langs de weg werkt.",
    ),
]

KNOWLEDGE_ITEMS = [
    knowledge(
        "workplace-safety-rules", "K", CROSS_SECTOR,
        en="workplace health and safety rules",
        nl="arboregels op de werkplek",
        en_desc="The rules and procedures for healthy and safe work, including what to do "
        "in an emergency and how to report an accident.",
        nl_desc="De regels voor veilig en gezond werken. Wat je doet bij een noodgeval en "
        "hoe je een ongeval meldt.",
        en_alt=("occupational health and safety",),
        nl_alt=("arbo", "veiligheid en gezondheid op het werk"),
    ),
    knowledge(
        "fire-safety-procedures", "K", CROSS_SECTOR,
        en="fire safety and evacuation procedures",
        nl="brandveiligheid en ontruiming",
        en_desc="How to prevent fire, use a fire extinguisher and act during an "
        "evacuation of the building.",
        nl_desc="Hoe je brand voorkomt, een brandblusser gebruikt en wat je doet als het "
        "gebouw ontruimd moet worden.",
        nl_alt=("ontruimingsplan", "BHV-basiskennis"),
    ),
    knowledge(
        "privacy-rules", "K S5", CROSS_SECTOR,
        en="privacy rules (GDPR)",
        nl="privacyregels (AVG)",
        en_desc="The main rules of the General Data Protection Regulation for handling "
        "personal data at work.",
        nl_desc="De belangrijkste regels van de AVG: hoe je op je werk omgaat met "
        "persoonsgegevens.",
        en_alt=("GDPR", "data protection law"),
        nl_alt=("AVG", "privacywetgeving"),
    ),
    knowledge(
        "hazard-symbols", "K", CROSS_SECTOR,
        en="hazard symbols for substances",
        nl="gevarensymbolen voor stoffen",
        en_desc="The meaning of hazard pictograms and safety information on labels of "
        "chemical products.",
        nl_desc="Wat de gevarensymbolen en veiligheidsinformatie op etiketten van "
        "chemische producten betekenen.",
        en_alt=("GHS pictograms",),
        nl_alt=("GHS-pictogrammen",),
    ),
    knowledge(
        "cleaning-agents", "K S6.11", SECTOR_SPECIFIC,
        en="cleaning agents and their use",
        nl="schoonmaakmiddelen en hun gebruik",
        en_desc="Types of cleaning agents (acid, alkaline, neutral, disinfectant), what "
        "they are used for and how to dose them.",
        nl_desc="Soorten schoonmaakmiddelen (zuur, basisch, neutraal, desinfecterend), "
        "waarvoor je ze gebruikt en hoe je ze doseert.",
        nl_alt=("reinigingsmiddelen",),
    ),
    knowledge(
        "cleaning-methods", "K S6.11", SECTOR_SPECIFIC,
        en="cleaning methods for surfaces and materials",
        nl="schoonmaakmethoden voor oppervlakken en materialen",
        en_desc="Which cleaning method and tools suit which floor, surface and material, "
        "such as wet, damp and dry cleaning.",
        nl_desc="Welke schoonmaakmethode en welk materiaal past bij welke vloer of welk "
        "oppervlak, zoals nat, vochtig en droog reinigen.",
        nl_alt=("reinigingsmethoden",),
    ),
    knowledge(
        "haccp", "K S3.5", SECTOR_SPECIFIC,
        en="HACCP food safety principles",
        nl="HACCP-voedselveiligheid",
        en_desc="The principles of the HACCP food safety system: critical control points, "
        "temperatures, cross-contamination and record keeping.",
        nl_desc="De regels voor voedselveiligheid volgens HACCP: controlepunten, "
        "temperaturen, kruisbesmetting en registratie.",
        en_alt=("HACCP", "food safety"),
        nl_alt=("HACCP", "hygiënecode horeca"),
    ),
    knowledge(
        "food-allergens", "K S3.5", SECTOR_SPECIFIC,
        en="food allergens",
        nl="voedselallergenen",
        en_desc="The 14 main food allergens, in which foods they occur and how to prevent "
        "cross-contact.",
        nl_desc="De 14 belangrijkste allergenen in voedsel, waar ze in zitten en hoe je "
        "voorkomt dat ze ergens in terechtkomen.",
        nl_alt=("allergenen",),
    ),
    knowledge(
        "coffee-varieties", "K S3.5", OCCUPATION_SPECIFIC,
        en="coffee varieties and brewing methods",
        nl="koffiesoorten en zetmethoden",
        en_desc="Coffee beans, roasts and grinds, and the recipes for espresso, "
        "cappuccino, latte and filter coffee.",
        nl_desc="Koffiebonen, brandingen en maalgraad, en de recepten voor espresso, "
        "cappuccino, latte en filterkoffie.",
    ),
    knowledge(
        "alcohol-law-and-social-hygiene", "K S3.5", SECTOR_SPECIFIC,
        en="social hygiene and alcohol law",
        nl="sociale hygiëne en de Alcoholwet",
        en_desc="The rules of the Dutch Alcohol Act and social hygiene: age limits, when to "
        "refuse service and how to prevent alcohol abuse.",
        nl_desc="De regels van de Alcoholwet en sociale hygiëne: leeftijdsgrenzen, wanneer "
        "je niet schenkt en hoe je misbruik voorkomt.",
        en_alt=("Dutch Alcohol Act",),
        nl_alt=("Alcoholwet", "sociale hygiëne"),
    ),
    knowledge(
        "forklift-safety-rules", "K S8", SECTOR_SPECIFIC,
        en="forklift safety rules",
        nl="veiligheidsregels voor heftrucks",
        en_desc="Safe driving, load capacity, stability and traffic rules for forklifts and "
        "other lifting trucks in a warehouse.",
        nl_desc="Veilig rijden, hefvermogen, stabiliteit en verkeersregels voor heftrucks "
        "en andere trucks in een magazijn.",
        nl_alt=("heftruckcertificaat (kennis)",),
    ),
    knowledge(
        "warehouse-processes", "K S6.2", SECTOR_SPECIFIC,
        en="warehouse processes",
        nl="magazijnprocessen",
        en_desc="The flow of goods in a warehouse: receiving, storage, order picking, "
        "packing, dispatch and returns.",
        nl_desc="Hoe goederen door een magazijn gaan: ontvangst, opslag, orderpicken, "
        "inpakken, verzending en retouren.",
        en_alt=("warehouse operations", "logistics processes"),
        nl_alt=("logistieke processen",),
    ),
    knowledge(
        "traffic-rules", "K S8.2", CROSS_SECTOR,
        en="traffic rules",
        nl="verkeersregels",
        en_desc="The rules of the road and traffic signs that apply to drivers in the "
        "Netherlands.",
        nl_desc="De verkeersregels en verkeersborden die gelden voor bestuurders in "
        "Nederland.",
    ),
    knowledge(
        "plant-species", "K S6.4", SECTOR_SPECIFIC,
        en="plant species",
        nl="plantensoorten",
        en_desc="Common trees, shrubs, perennials and grasses, how to recognise them and "
        "what care they need.",
        nl_desc="Veelvoorkomende bomen, struiken, vaste planten en grassen: hoe je ze "
        "herkent en welke verzorging ze nodig hebben.",
        nl_alt=("plantenkennis",),
    ),
    knowledge(
        "machine-safety", "K S8", CROSS_SECTOR,
        en="machine safety",
        nl="machineveiligheid",
        en_desc="Safety devices of machines, such as guards and emergency stops, and how to "
        "switch a machine off safely for cleaning and maintenance.",
        nl_desc="Beveiligingen van machines, zoals afschermingen en noodstoppen. Hoe je een "
        "machine veilig uitzet voor schoonmaak en onderhoud.",
        nl_alt=("veilig werken met machines",),
    ),
    knowledge(
        "product-range", "K S3.4", SECTOR_SPECIFIC,
        en="product range of the shop",
        nl="assortimentskennis",
        en_desc="The products a shop sells, where they are and what they are used for.",
        nl_desc="Welke producten de winkel verkoopt, waar ze liggen en waarvoor ze zijn.",
        en_alt=("product knowledge",),
        nl_alt=("productkennis",),
    ),
    knowledge(
        "textile-care-symbols", "K S6.11", OCCUPATION_SPECIFIC,
        en="textile care labels",
        nl="wassymbolen en wasvoorschriften",
        en_desc="The meaning of care labels and symbols for washing, drying, ironing and "
        "dry cleaning textiles.",
        nl_desc="Wat de wassymbolen en wasvoorschriften betekenen voor wassen, drogen, "
        "strijken en chemisch reinigen.",
    ),
    knowledge(
        "waste-separation-rules", "K S6.1", CROSS_SECTOR,
        en="waste separation rules",
        nl="regels voor afvalscheiding",
        en_desc="Which waste streams exist (paper, plastic, glass, organic, residual, "
        "hazardous) and where each kind of waste goes.",
        nl_desc="Welke afvalsoorten er zijn (papier, plastic, glas, gft, restafval, "
        "gevaarlijk afval) en waar elke soort heen moet.",
        nl_alt=("afvalstromen",),
    ),
    knowledge(
        "bicycle-parts", "K S8.7", OCCUPATION_SPECIFIC,
        en="bicycle parts and components",
        nl="fietsonderdelen",
        en_desc="The parts of city, sports and electric bicycles, such as brakes, hubs, "
        "gears, chains, lights and motors, and how they work.",
        nl_desc="De onderdelen van stadsfietsen, sportfietsen en e-bikes, zoals remmen, "
        "naven, versnellingen, kettingen, verlichting en motoren, en hoe ze werken.",
        nl_alt=("fietstechniek",),
    ),
    knowledge(
        "building-maintenance-basics", "K S6.5", SECTOR_SPECIFIC,
        en="basic building maintenance",
        nl="basiskennis gebouwonderhoud",
        en_desc="Common faults in buildings and installations and which small repairs you "
        "may do yourself.",
        nl_desc="Veelvoorkomende gebreken aan gebouwen en installaties, en welke kleine "
        "reparaties je zelf mag doen.",
    ),
]

CLEANING_SKILLS = [
    skill(
        "sweep-and-mop-floors", "S6.11", CROSS_SECTOR,
        en="sweep and mop floors",
        nl="vegen en dweilen",
        en_desc="Sweep and mop hard floors with the right mop system and cleaning agent.",
        nl_desc="Je veegt en dweilt harde vloeren met het juiste moppensysteem en "
        "schoonmaakmiddel.",
        en_alt=("clean floors", "mop floors"),
        nl_alt=("vloeren schoonmaken", "dweilen", "moppen"),
    ),
    skill(
        "vacuum-floors", "S6.11", CROSS_SECTOR,
        en="vacuum floors and carpets",
        nl="stofzuigen",
        en_desc="Vacuum carpets, mats and hard floors, including edges and under "
        "furniture.",
        nl_desc="Je zuigt tapijt, matten en harde vloeren, ook langs de randen en onder "
        "meubels.",
        en_alt=("vacuum clean",),
        nl_alt=("vloeren zuigen",),
    ),
    skill(
        "dust-surfaces", "S6.11", CROSS_SECTOR,
        en="dust furniture and surfaces",
        nl="stof afnemen",
        en_desc="Remove dust from desks, furniture, window sills and other surfaces, dry or "
        "with a damp cloth.",
        nl_desc="Je haalt stof weg van bureaus, meubels, vensterbanken en andere "
        "oppervlakken, droog of met een vochtige doek.",
        en_alt=("damp dusting",),
        nl_alt=("vochtig afnemen", "interieur reinigen"),
    ),
    skill(
        "clean-sanitary-facilities", "S6.11", SECTOR_SPECIFIC,
        en="clean toilets and sanitary facilities",
        nl="toiletten en sanitair schoonmaken",
        en_desc="Clean and disinfect toilets, urinals, washbasins and showers and refill "
        "soap, paper and towels.",
        nl_desc="Je maakt toiletten, urinoirs, wastafels en douches schoon en desinfecteert "
        "ze. Je vult zeep en papier bij.",
        en_alt=("clean washrooms",),
        nl_alt=("sanitair reinigen",),
    ),
    skill(
        "empty-waste-bins", "S6.11 S6.1", CROSS_SECTOR,
        en="empty waste bins",
        nl="prullenbakken legen",
        en_desc="Empty waste bins and paper containers, replace bin bags and take the "
        "waste to the right container.",
        nl_desc="Je leegt prullenbakken en papierbakken, doet er een nieuwe zak in en "
        "brengt het afval naar de juiste container.",
        nl_alt=("afval afvoeren",),
    ),
    skill(
        "handle-cleaning-chemicals", "S6.11 T5", CROSS_SECTOR,
        en="handle cleaning chemicals safely",
        nl="veilig werken met schoonmaakmiddelen",
        en_desc="Use, store and dispose of cleaning chemicals according to the label and "
        "the safety instructions.",
        nl_desc="Je gebruikt, bewaart en verwerkt schoonmaakmiddelen volgens het etiket en "
        "de veiligheidsinstructies.",
        en_alt=("handle chemical cleaning agents",),
        nl_alt=("veilig omgaan met chemicaliën",),
    ),
    skill(
        "dose-cleaning-agents", "S6.11", SECTOR_SPECIFIC,
        en="dose cleaning agents",
        nl="schoonmaakmiddelen doseren",
        en_desc="Measure the right amount of cleaning agent for the amount of water, by "
        "hand or with a dosing system.",
        nl_desc="Je doet de juiste hoeveelheid schoonmaakmiddel bij het water, met de hand "
        "of met een doseersysteem.",
    ),
    skill(
        "apply-colour-coded-cleaning", "S6.11", SECTOR_SPECIFIC,
        en="apply colour-coded cleaning",
        nl="werken met kleurcodes bij schoonmaak",
        en_desc="Use cloths and mops in the right colour for each area, such as red for "
        "toilets, to prevent spreading germs.",
        nl_desc="Je gebruikt doekjes en moppen in de juiste kleur per ruimte, zoals rood "
        "voor het toilet. Zo verspreid je geen bacteriën.",
    ),
    skill(
        "clean-glass-surfaces", "S6.11", CROSS_SECTOR,
        en="clean glass surfaces",
        nl="glazen oppervlakken reinigen",
        en_desc="Clean glass doors, partitions, mirrors and showcases without streaks, "
        "using suitable products and tools.",
        nl_desc="Je maakt glazen deuren, wanden, spiegels en vitrines streeploos schoon "
        "met de juiste middelen.",
        en_alt=("clean glass", "clean mirrors"),
        nl_alt=("glas schoonmaken", "glasbewassing binnen"),
    ),
    skill(
        "clean-windows", "S6.11", OCCUPATION_SPECIFIC,
        en="clean windows",
        nl="ramen wassen",
        en_desc="Wash the inside and outside of windows, frames and sills with a strip "
        "washer, squeegee and chamois.",
        nl_desc="Je wast ramen aan de binnen- en buitenkant, met kozijnen en "
        "vensterbanken. Je gebruikt een inwasser, trekker en zeem.",
        en_alt=("wash windows",),
        nl_alt=("glazenwassen", "ramen lappen", "glasbewassing"),
    ),
    skill(
        "use-squeegee", "S6.11", OCCUPATION_SPECIFIC,
        en="use a squeegee and strip washer",
        nl="werken met inwasser en raamtrekker",
        en_desc="Wet glass with a strip washer and remove the water streak-free with a "
        "squeegee.",
        nl_desc="Je maakt het glas nat met een inwasser en trekt het water streeploos weg "
        "met een raamtrekker.",
    ),
    skill(
        "use-water-fed-pole", "S6.11 S8", OCCUPATION_SPECIFIC,
        en="use a water-fed pole system",
        nl="werken met een waterhengel",
        en_desc="Clean windows at height from the ground with a telescopic pole and "
        "purified water.",
        nl_desc="Je maakt ramen op hoogte schoon vanaf de grond, met een telescoopsteel en "
        "gezuiverd water (osmose).",
        nl_alt=("osmose glasbewassing",),
    ),
    skill(
        "operate-floor-scrubber", "S6.11 S8", SECTOR_SPECIFIC,
        en="operate a floor scrubber",
        nl="een schrobzuigmachine bedienen",
        en_desc="Clean large floors with a walk-behind or ride-on scrubber dryer, and fill, "
        "empty and clean the machine.",
        nl_desc="Je maakt grote vloeren schoon met een schrobzuigmachine. Je vult de "
        "machine, maakt hem leeg en schoon.",
        en_alt=("use a scrubber dryer",),
        nl_alt=("schrobzuigmachine gebruiken",),
    ),
    skill(
        "clean-industrial-equipment", "S6.11", OCCUPATION_SPECIFIC,
        en="clean industrial machines and installations",
        nl="industriële machines en installaties reinigen",
        en_desc="Clean production machines, conveyor belts and installations according to "
        "the cleaning plan, after they have been shut down safely.",
        nl_desc="Je reinigt productiemachines, lopende banden en installaties volgens het "
        "reinigingsplan, nadat ze veilig zijn uitgezet.",
        nl_alt=("industriële reiniging",),
    ),
    skill(
        "use-high-pressure-cleaner", "S6.11 S8", CROSS_SECTOR,
        en="use a high-pressure cleaner",
        nl="een hogedrukreiniger gebruiken",
        en_desc="Clean machines, floors, vehicles or outside areas with a high-pressure "
        "cleaner, safely and without damage.",
        nl_desc="Je maakt machines, vloeren, voertuigen of terreinen schoon met een "
        "hogedrukreiniger, veilig en zonder schade.",
        nl_alt=("hogedrukspuit gebruiken",),
    ),
    skill(
        "clean-guest-rooms", "S6.11", OCCUPATION_SPECIFIC,
        en="clean guest rooms",
        nl="hotelkamers schoonmaken",
        en_desc="Clean hotel rooms and bathrooms to the house standard within the set time.",
        nl_desc="Je maakt hotelkamers en badkamers schoon volgens de normen van het hotel "
        "en binnen de afgesproken tijd.",
        en_alt=("service hotel rooms",),
        nl_alt=("kamers doen",),
    ),
    skill(
        "make-beds", "S6.11 S3", CROSS_SECTOR,
        en="make beds and change bed linen",
        nl="bedden opmaken en verschonen",
        en_desc="Strip beds, put on clean sheets and covers, and make the bed neatly.",
        nl_desc="Je haalt bedden af, legt schone lakens en hoezen op en maakt het bed netjes "
        "op.",
        nl_alt=("bedden verschonen",),
    ),
    skill(
        "clean-private-homes", "S6.11", OCCUPATION_SPECIFIC,
        en="clean private homes",
        nl="woningen schoonmaken",
        en_desc="Clean living rooms, kitchens, bathrooms and bedrooms in people's homes "
        "according to the agreed tasks.",
        nl_desc="Je maakt de woonkamer, keuken, badkamer en slaapkamers schoon bij mensen "
        "thuis, volgens de afgesproken taken.",
        en_alt=("domestic cleaning",),
        nl_alt=("huishoudelijk werk", "huis schoonmaken"),
    ),
    skill(
        "do-light-household-tasks", "S3 S6.11", CROSS_SECTOR,
        en="do light household tasks",
        nl="lichte huishoudelijke taken doen",
        en_desc="Do the washing, tidy up, do the dishes and water plants for people who "
        "cannot do this themselves.",
        nl_desc="Je doet de was, ruimt op, wast af en geeft planten water voor mensen die "
        "dat zelf niet kunnen.",
    ),
    skill(
        "prevent-infections", "S3 S6.11", CROSS_SECTOR,
        en="prevent infections with hygiene measures",
        nl="infecties voorkomen met hygiënemaatregelen",
        en_desc="Apply hand hygiene, clean and disinfect contact points and follow the "
        "infection prevention rules.",
        nl_desc="Je let op handhygiëne, maakt contactpunten schoon en desinfecteert ze. Je "
        "volgt de regels om infecties te voorkomen.",
        en_alt=("apply infection prevention",),
        nl_alt=("infectiepreventie",),
    ),
    skill(
        "check-cleaning-quality", "S2 S6.11", SECTOR_SPECIFIC,
        en="check cleaning quality",
        nl="schoonmaakkwaliteit controleren",
        en_desc="Inspect whether rooms have been cleaned to the agreed standard and record "
        "the results.",
        nl_desc="Je controleert of ruimtes goed genoeg zijn schoongemaakt en je legt de "
        "uitkomst vast.",
        nl_alt=("kwaliteitscontrole schoonmaak", "VSR-meting"),
    ),
]

KITCHEN_SKILLS = [
    skill(
        "wash-dishes", "S3.5 S6.11", SECTOR_SPECIFIC,
        en="wash dishes",
        nl="afwassen",
        en_desc="Wash dishes, cutlery, glasses, pots and pans by hand or with machines and "
        "put them away clean and dry.",
        nl_desc="Je wast borden, bestek, glazen, pannen en ander keukengerei af. Je ruimt "
        "alles schoon en droog op.",
        en_alt=("do the washing-up", "clean dishes"),
        nl_alt=("vaat doen", "spoelen"),
    ),
    skill(
        "operate-dishwasher", "S3.5 S8", SECTOR_SPECIFIC,
        en="operate an industrial dishwasher",
        nl="een vaatwasmachine bedienen",
        en_desc="Load, run, empty and clean a professional dishwasher or dish conveyor, "
        "and check water temperature and detergent.",
        nl_desc="Je vult, start, leegt en reinigt een grote vaatwasser of afwasstraat. Je "
        "controleert de temperatuur en het spoelmiddel.",
        en_alt=("operate a dish conveyor",),
        nl_alt=("afwasstraat bedienen", "vaatwasser bedienen"),
    ),
    skill(
        "clean-kitchen", "S3.5 S6.11", SECTOR_SPECIFIC,
        en="clean the kitchen and kitchen equipment",
        nl="keuken en keukenapparatuur schoonmaken",
        en_desc="Clean work surfaces, floors, fridges, ovens and other kitchen equipment "
        "according to the cleaning schedule.",
        nl_desc="Je maakt werkbanken, vloeren, koelkasten, ovens en andere apparaten in de "
        "keuken schoon volgens het schoonmaakschema.",
        en_alt=("clean food preparation areas",),
        nl_alt=("keuken reinigen",),
    ),
    skill(
        "follow-food-hygiene", "S3.5", SECTOR_SPECIFIC,
        en="follow food hygiene rules",
        nl="hygiëneregels voor voedsel volgen",
        en_desc="Work hygienically with food: separate raw and cooked food, keep to "
        "temperatures and prevent contamination.",
        nl_desc="Je werkt schoon met eten. Je houdt rauw en bereid eten apart, let op de "
        "temperatuur en voorkomt besmetting.",
        en_alt=("comply with food safety and hygiene",),
        nl_alt=("hygiënisch werken met voedsel",),
    ),
    skill(
        "check-food-temperatures", "S3.5 S2", SECTOR_SPECIFIC,
        en="check and record food temperatures",
        nl="temperaturen van voedsel controleren en noteren",
        en_desc="Measure the temperature of fridges, freezers and dishes with a probe "
        "thermometer and record it.",
        nl_desc="Je meet de temperatuur van koelingen, vriezers en gerechten met een "
        "thermometer en je schrijft die op.",
    ),
    skill(
        "record-food-safety-digitally", "S3.5 S5", SECTOR_SPECIFIC,
        en="record food safety checks in an app",
        nl="voedselveiligheid registreren in een app",
        en_desc="Record temperatures, cleaning rounds and deliveries in a digital HACCP app "
        "or on a kitchen tablet.",
        nl_desc="Je zet temperaturen, schoonmaakrondes en leveringen in een digitale "
        "HACCP-app of op een tablet in de keuken.",
        en_alt=("use a digital HACCP system",),
        nl_alt=("digitale HACCP-registratie",),
    ),
    skill(
        "store-food", "S3.5", SECTOR_SPECIFIC,
        en="store food correctly",
        nl="voedsel goed bewaren",
        en_desc="Store food at the right temperature, covered, labelled with a date and "
        "first in, first out.",
        nl_desc="Je bewaart eten op de goede temperatuur, afgedekt en met een datum erop. "
        "Wat het eerst binnenkomt, gebruik je het eerst.",
        nl_alt=("voorraad koel en droog opslaan",),
    ),
    skill(
        "prepare-ingredients", "S3.5", SECTOR_SPECIFIC,
        en="prepare ingredients",
        nl="ingrediënten voorbereiden",
        en_desc="Wash, peel, cut and portion vegetables, fruit, meat and other ingredients "
        "for further use.",
        nl_desc="Je wast, schilt, snijdt en verdeelt groenten, fruit, vlees en andere "
        "ingrediënten, zodat ze klaar zijn voor gebruik.",
        en_alt=("do mise en place",),
        nl_alt=("mise-en-place maken", "groenten snijden"),
    ),
    skill(
        "use-food-cutting-tools", "S3.5", SECTOR_SPECIFIC,
        en="use food cutting tools",
        nl="snijgereedschap voor voedsel gebruiken",
        en_desc="Cut, slice and chop food safely with knives, slicers and other cutting "
        "tools.",
        nl_desc="Je snijdt en hakt eten veilig met messen, snijmachines en ander "
        "snijgereedschap.",
        en_alt=("use kitchen knives",),
        nl_alt=("met keukenmessen werken",),
    ),
    skill(
        "prepare-cold-dishes", "S3.5", SECTOR_SPECIFIC,
        en="prepare cold dishes",
        nl="koude gerechten bereiden",
        en_desc="Prepare cold starters, salads, platters and desserts according to the "
        "recipe.",
        nl_desc="Je maakt koude voorgerechten, salades, schalen en desserts volgens het "
        "recept.",
        en_alt=("prepare cold food",),
        nl_alt=("koude keuken",),
    ),
    skill(
        "prepare-sandwiches", "S3.5", SECTOR_SPECIFIC,
        en="prepare sandwiches and rolls",
        nl="broodjes klaarmaken",
        en_desc="Prepare filled sandwiches, rolls and wraps, and package or present them.",
        nl_desc="Je maakt belegde broodjes en wraps. Je pakt ze in of legt ze mooi neer.",
        nl_alt=("broodjes beleggen", "lunch klaarmaken"),
    ),
    skill(
        "prepare-salads", "S3.5", OCCUPATION_SPECIFIC,
        en="prepare salads",
        nl="salades maken",
        en_desc="Wash and cut salad ingredients, make dressings and put salads together.",
        nl_desc="Je wast en snijdt groenten voor salades, maakt dressings en stelt de salade "
        "samen.",
    ),
    skill(
        "prepare-hot-dishes", "S3.5", OCCUPATION_SPECIFIC,
        en="prepare hot dishes",
        nl="warme gerechten bereiden",
        en_desc="Prepare soups, sauces, main courses and side dishes according to the "
        "recipe and serve them at the right temperature.",
        nl_desc="Je maakt soepen, sauzen, hoofdgerechten en bijgerechten volgens het recept. "
        "Je serveert ze op de goede temperatuur.",
        en_alt=("cook meals", "prepare soups and sauces"),
        nl_alt=("koken", "warme keuken"),
    ),
    skill(
        "apply-cooking-techniques", "S3.5", OCCUPATION_SPECIFIC,
        en="apply cooking techniques",
        nl="kooktechnieken toepassen",
        en_desc="Boil, fry, stew, roast, steam and bake food with the right technique and "
        "timing.",
        nl_desc="Je kookt, bakt, braadt, stooft, stoomt en roostert eten met de juiste "
        "techniek en tijd.",
        nl_alt=("bereidingstechnieken",),
    ),
    skill(
        "follow-recipes", "S3.5", SECTOR_SPECIFIC,
        en="follow recipes",
        nl="werken volgens een recept",
        en_desc="Read a recipe or recipe card and prepare the dish step by step with the "
        "right quantities.",
        nl_desc="Je leest een recept of receptkaart en maakt het gerecht stap voor stap met "
        "de juiste hoeveelheden.",
        nl_alt=("receptuur volgen",),
    ),
    skill(
        "present-dishes", "S3.5", OCCUPATION_SPECIFIC,
        en="present dishes",
        nl="gerechten opmaken",
        en_desc="Arrange food attractively on plates and platters according to the house "
        "style.",
        nl_desc="Je legt eten mooi op borden en schalen, zoals dat in het bedrijf hoort.",
        en_alt=("plate dishes", "garnish dishes"),
        nl_alt=("opmaken", "garneren"),
    ),
    skill(
        "operate-kitchen-equipment", "S3.5 S8", SECTOR_SPECIFIC,
        en="operate kitchen equipment",
        nl="keukenapparatuur bedienen",
        en_desc="Use ovens, combi steamers, fryers, mixers and other professional kitchen "
        "equipment safely.",
        nl_desc="Je gebruikt ovens, combi-steamers, frituurpannen, mixers en andere "
        "keukenapparaten op een veilige manier.",
        nl_alt=("combi-steamer bedienen",),
    ),
    skill(
        "calculate-portions", "S3.5 T1", SECTOR_SPECIFIC,
        en="calculate quantities and portions",
        nl="hoeveelheden en porties berekenen",
        en_desc="Calculate how much food is needed for a number of guests and divide it "
        "into equal portions.",
        nl_desc="Je rekent uit hoeveel eten er nodig is voor een aantal gasten. Je verdeelt "
        "het in gelijke porties.",
        nl_alt=("portioneren",),
    ),
    skill(
        "reduce-food-waste", "S3.5", CROSS_SECTOR,
        en="reduce food waste",
        nl="voedselverspilling beperken",
        en_desc="Plan, store and use food so that as little as possible is thrown away, and "
        "record what is wasted.",
        nl_desc="Je plant, bewaart en gebruikt eten zo dat er zo weinig mogelijk wordt "
        "weggegooid. Je houdt bij wat er weg moet.",
    ),
    skill(
        "inform-guests-about-allergens", "S3.5 S3.4", SECTOR_SPECIFIC,
        en="inform guests about allergens",
        nl="gasten informeren over allergenen",
        en_desc="Tell guests which allergens are in a dish and pass special dietary "
        "requests on to the kitchen.",
        nl_desc="Je vertelt gasten welke allergenen in een gerecht zitten. Je geeft "
        "dieetwensen door aan de keuken.",
    ),
    skill(
        "serve-food-at-counter", "S3.5 S3.4", SECTOR_SPECIFIC,
        en="serve food at a counter",
        nl="eten uitserveren aan de balie",
        en_desc="Serve meals, snacks and drinks to customers at a counter or buffet, in the "
        "right portion.",
        nl_desc="Je geeft klanten maaltijden, snacks en drinken aan de balie of het buffet, "
        "in de goede portie.",
        en_alt=("work at a food counter",),
        nl_alt=("uitgifte", "balie bemannen"),
    ),
    skill(
        "set-up-buffet", "S3.5", SECTOR_SPECIFIC,
        en="set up a buffet",
        nl="een buffet klaarzetten",
        en_desc="Set up and refill a buffet or lunch counter with food, crockery and "
        "cutlery, and clear it away afterwards.",
        nl_desc="Je zet een buffet of lunchbuffet klaar met eten, servies en bestek. Je vult "
        "het aan en ruimt het daarna op.",
    ),
    skill(
        "prepare-hot-drinks", "S3.5", SECTOR_SPECIFIC,
        en="prepare hot drinks",
        nl="warme dranken maken",
        en_desc="Make coffee, tea and hot chocolate with a coffee machine or by hand.",
        nl_desc="Je maakt koffie, thee en warme chocolademelk met een koffiemachine of met "
        "de hand.",
        en_alt=("make coffee and tea",),
        nl_alt=("koffie en thee zetten",),
    ),
    skill(
        "prepare-espresso-drinks", "S3.5", OCCUPATION_SPECIFIC,
        en="prepare espresso-based drinks",
        nl="espressodranken maken",
        en_desc="Grind, dose and tamp coffee, pull espresso shots, steam milk and make "
        "cappuccino, latte and other coffee specialities.",
        nl_desc="Je maalt en doseert koffie, tampt aan en zet espresso. Je schuimt melk op en "
        "maakt cappuccino, latte en andere koffiespecialiteiten.",
        en_alt=("make espresso", "prepare coffee specialities", "steam milk", "pour latte art"),
        nl_alt=("koffiespecialiteiten maken", "espresso zetten", "melk opschuimen",
                "latte art schenken"),
    ),
    skill(
        "maintain-coffee-machine", "S3.5 S8.7", OCCUPATION_SPECIFIC,
        en="clean and maintain the espresso machine",
        nl="de espressomachine schoonmaken en onderhouden",
        en_desc="Backflush, descale and clean the espresso machine and grinder and adjust "
        "the grind.",
        nl_desc="Je spoelt, ontkalkt en reinigt de espressomachine en de molen. Je stelt de "
        "maalgraad af.",
    ),
    skill(
        "welcome-guests", "S3.4 S3.5", SECTOR_SPECIFIC,
        en="welcome guests",
        nl="gasten ontvangen",
        en_desc="Greet guests at the door, take them to a table and hand out the menu.",
        nl_desc="Je begroet gasten bij binnenkomst, brengt ze naar een tafel en geeft de "
        "menukaart.",
        nl_alt=("gastvrouw of gastheer zijn",),
    ),
    skill(
        "set-tables", "S3.5", SECTOR_SPECIFIC,
        en="set tables",
        nl="tafels dekken",
        en_desc="Lay tables with tablecloths, plates, cutlery and glasses in the house "
        "style.",
        nl_desc="Je dekt tafels met kleden, borden, bestek en glazen, zoals dat in het "
        "restaurant hoort.",
        en_alt=("lay tables",),
        nl_alt=("mise-en-place zaal",),
    ),
    skill(
        "take-orders", "S3.5 S3.4", SECTOR_SPECIFIC,
        en="take orders from guests",
        nl="bestellingen opnemen",
        en_desc="Take food and drink orders from guests correctly and pass them to the "
        "kitchen or bar.",
        nl_desc="Je noteert goed wat gasten willen eten en drinken. Je geeft de bestelling "
        "door aan de keuken of bar.",
        nl_alt=("bestelling opnemen",),
    ),
    skill(
        "use-handheld-ordering-device", "S3.5 S5", SECTOR_SPECIFIC,
        en="use a handheld ordering device",
        nl="bestellingen invoeren op een handheld",
        en_desc="Enter orders on a handheld or tablet connected to the kitchen and till "
        "system.",
        nl_desc="Je zet bestellingen in een handheld of tablet die verbonden is met de "
        "keuken en de kassa.",
        en_alt=("use an order tablet",),
        nl_alt=("handheld kassasysteem gebruiken", "bestel-app gebruiken"),
    ),
    skill(
        "serve-food-and-drinks", "S3.5", SECTOR_SPECIFIC,
        en="serve food and drinks at the table",
        nl="eten en drinken serveren aan tafel",
        en_desc="Carry plates, glasses and trays to the table safely and serve guests in "
        "the right order.",
        nl_desc="Je brengt borden, glazen en dienbladen veilig naar de tafel en bedient "
        "gasten in de goede volgorde.",
        en_alt=("wait tables",),
        nl_alt=("serveren", "bedienen"),
    ),
    skill(
        "clear-tables", "S3.5", SECTOR_SPECIFIC,
        en="clear tables",
        nl="tafels afruimen",
        en_desc="Clear used crockery, glasses and cutlery from tables and make the table "
        "ready for new guests.",
        nl_desc="Je ruimt gebruikt servies, glazen en bestek af en maakt de tafel klaar "
        "voor nieuwe gasten.",
        nl_alt=("afruimen",),
    ),
    skill(
        "serve-alcohol-responsibly", "S3.5", SECTOR_SPECIFIC,
        en="serve alcohol responsibly",
        nl="verantwoord alcohol schenken",
        en_desc="Serve alcoholic drinks according to the law: check age and refuse drinks "
        "to people who are drunk.",
        nl_desc="Je schenkt alcohol volgens de wet. Je controleert de leeftijd en schenkt "
        "niet aan mensen die dronken zijn.",
    ),
    skill(
        "settle-bills", "S3.4", SECTOR_SPECIFIC,
        en="settle the bill with guests",
        nl="afrekenen met gasten",
        en_desc="Print or show the bill, take payment by card, phone or cash and say "
        "goodbye to the guests.",
        nl_desc="Je print of toont de rekening, laat de gast betalen met pin, telefoon of "
        "contant en neemt afscheid.",
        nl_alt=("afrekenen",),
    ),
]

LOGISTICS_SKILLS = [
    skill(
        "load-and-unload-goods", "S6.2", CROSS_SECTOR,
        en="load and unload goods",
        nl="goederen laden en lossen",
        en_desc="Load and unload trucks, vans and containers safely and without damage.",
        nl_desc="Je laadt en lost vrachtwagens, bestelbussen en containers, veilig en "
        "zonder schade.",
        en_alt=("load and unload trucks",),
        nl_alt=("laden en lossen",),
    ),
    skill(
        "check-goods-against-delivery-note", "S6.2 S2", CROSS_SECTOR,
        en="check goods against the delivery note",
        nl="goederen controleren met de pakbon",
        en_desc="Check incoming goods for number, type and damage against the delivery "
        "note or order, and report differences.",
        nl_desc="Je controleert binnenkomende goederen op aantal, soort en schade met de "
        "pakbon of bestelling. Je meldt verschillen.",
        en_alt=("receive incoming goods", "check deliveries"),
        nl_alt=("goederenontvangst", "leveringen controleren"),
    ),
    skill(
        "store-goods", "S6.2", SECTOR_SPECIFIC,
        en="store goods in the right location",
        nl="goederen op de juiste plek opslaan",
        en_desc="Put goods away in the right storage location and keep the warehouse "
        "orderly.",
        nl_desc="Je zet goederen weg op de juiste opslagplek en houdt het magazijn "
        "overzichtelijk.",
        en_alt=("put away stock",),
        nl_alt=("inslaan", "goederen wegzetten"),
    ),
    skill(
        "pick-orders", "S6.2 S6.1", SECTOR_SPECIFIC,
        en="pick orders for dispatch",
        nl="orders verzamelen",
        en_desc="Collect the right products in the right quantities from the storage "
        "locations for an order, using a pick list or scanner.",
        nl_desc="Je haalt de juiste producten in de juiste aantallen uit de stellingen "
        "voor een order. Je gebruikt een picklijst of scanner.",
        en_alt=("order picking", "pick goods"),
        nl_alt=("orderpicken", "orders picken"),
    ),
    skill(
        "use-handheld-scanner", "S5 S6.2", CROSS_SECTOR,
        en="use a handheld scanner",
        nl="een handscanner gebruiken",
        en_desc="Scan barcodes with a handheld scanner, read the screen and confirm or "
        "correct quantities.",
        nl_desc="Je scant barcodes met een handscanner. Je leest het scherm en bevestigt of "
        "verbetert de aantallen.",
        en_alt=("use a barcode scanner", "use a handheld terminal"),
        nl_alt=("barcodescanner gebruiken", "scannen"),
    ),
    skill(
        "use-pick-by-voice", "S5 S6.2", OCCUPATION_SPECIFIC,
        en="work with pick-by-voice",
        nl="werken met pick-by-voice",
        en_desc="Pick orders following spoken instructions through a headset and confirm "
        "each step by voice.",
        nl_desc="Je pickt orders met gesproken opdrachten via een headset. Je bevestigt elke "
        "stap met je stem.",
        nl_alt=("voice picking",),
    ),
    skill(
        "operate-pallet-truck", "S6.2", CROSS_SECTOR,
        en="operate a hand pallet truck",
        nl="een palletwagen gebruiken",
        en_desc="Move pallets safely with a manual pallet truck.",
        nl_desc="Je verplaatst pallets veilig met een handpalletwagen.",
        en_alt=("use a pallet jack",),
        nl_alt=("pompwagen gebruiken", "handpompwagen"),
    ),
    skill(
        "operate-electric-pallet-truck", "S6.2 S8", SECTOR_SPECIFIC,
        en="operate an electric pallet truck",
        nl="een elektrische pallettruck besturen",
        en_desc="Drive an electric pallet truck or order picker truck safely through the "
        "warehouse.",
        nl_desc="Je rijdt veilig met een elektrische pallettruck of orderpicktruck door het "
        "magazijn.",
        nl_alt=("EPT besturen", "elektrische palletwagen"),
    ),
    skill(
        "operate-forklift", "S8 S6.2", SECTOR_SPECIFIC,
        en="operate a forklift",
        nl="een heftruck besturen",
        en_desc="Drive a forklift, lift, move and stack pallets safely and store them at "
        "height.",
        nl_desc="Je rijdt met een heftruck. Je tilt, verplaatst en stapelt pallets veilig en "
        "zet ze hoog in de stelling.",
        en_alt=("drive a forklift truck",),
        nl_alt=("heftruck rijden",),
    ),
    skill(
        "operate-reach-truck", "S8", OCCUPATION_SPECIFIC,
        en="operate a reach truck",
        nl="een reachtruck besturen",
        en_desc="Store and retrieve pallets in high racking with a reach truck.",
        nl_desc="Je zet pallets in hoge stellingen en haalt ze eruit met een reachtruck.",
        nl_alt=("reachtruck rijden",),
    ),
    skill(
        "check-forklift-daily", "S8 S8.7", OCCUPATION_SPECIFIC,
        en="carry out daily forklift checks",
        nl="de dagelijkse controle van de heftruck doen",
        en_desc="Check tyres, forks, brakes, horn, lights and battery or fuel before use "
        "and report defects.",
        nl_desc="Je controleert banden, vorken, remmen, claxon, lampen en accu of brandstof "
        "voordat je gaat rijden. Je meldt gebreken.",
    ),
    skill(
        "stack-goods-on-pallets", "S6.2", CROSS_SECTOR,
        en="stack goods on pallets",
        nl="goederen stapelen op pallets",
        en_desc="Stack boxes and goods stably on pallets, heavy at the bottom and within "
        "the height limit.",
        nl_desc="Je stapelt dozen en goederen stevig op pallets, zwaar onderop en niet te "
        "hoog.",
        nl_alt=("palletiseren",),
    ),
    skill(
        "wrap-pallets", "S6.1", SECTOR_SPECIFIC,
        en="wrap pallets with stretch film",
        nl="pallets wikkelen met folie",
        en_desc="Wrap loaded pallets with stretch film by hand or with a wrapping machine "
        "so that the load stays together.",
        nl_desc="Je wikkelt volle pallets in met rekfolie, met de hand of met een "
        "wikkelmachine. Zo blijft de lading bij elkaar.",
        nl_alt=("pallets sealen",),
    ),
    skill(
        "secure-loads", "S6.2", SECTOR_SPECIFIC,
        en="secure loads",
        nl="lading zekeren",
        en_desc="Secure goods in a vehicle or container with straps, nets or blocking so "
        "that they cannot move.",
        nl_desc="Je zet goederen in een voertuig of container vast met spanbanden, netten "
        "of blokken, zodat ze niet kunnen schuiven.",
    ),
    skill(
        "count-stock", "S2", CROSS_SECTOR,
        en="count stock",
        nl="voorraad tellen",
        en_desc="Count products in storage during stocktaking and record the numbers.",
        nl_desc="Je telt producten in de opslag bij een inventarisatie en je schrijft de "
        "aantallen op.",
        en_alt=("take inventory",),
        nl_alt=("inventariseren", "voorraadtelling"),
    ),
    skill(
        "keep-stock-records", "S2", SECTOR_SPECIFIC,
        en="keep stock records",
        nl="voorraadadministratie bijhouden",
        en_desc="Record incoming and outgoing goods and stock differences so that the "
        "stock figures are correct.",
        nl_desc="Je houdt bij welke goederen binnenkomen en weggaan, en welke verschillen er "
        "zijn. Zo klopt de voorraad.",
        nl_alt=("voorraadbeheer",),
    ),
    skill(
        "use-warehouse-management-system", "S5 S2", SECTOR_SPECIFIC,
        en="use a warehouse management system",
        nl="werken met een magazijnbeheersysteem",
        en_desc="Look up, book and update stock locations, orders and receipts in a "
        "warehouse management system (WMS).",
        nl_desc="Je zoekt en verwerkt voorraad, locaties, orders en ontvangsten in een "
        "magazijnbeheersysteem (WMS).",
        en_alt=("use a WMS",),
        nl_alt=("WMS gebruiken",),
    ),
    skill(
        "use-spreadsheets", "S5", CROSS_SECTOR,
        en="use spreadsheet software",
        nl="werken met een spreadsheetprogramma",
        en_desc="Enter, sort and filter data in a spreadsheet and use simple formulas such "
        "as sums.",
        nl_desc="Je zet gegevens in een spreadsheet, sorteert en filtert ze en gebruikt "
        "eenvoudige formules zoals optellen.",
        en_alt=("use Excel",),
        nl_alt=("Excel gebruiken", "werken met spreadsheets"),
    ),
    skill(
        "rotate-stock", "S6.2", CROSS_SECTOR,
        en="rotate stock (first in, first out)",
        nl="voorraad roteren (FIFO)",
        en_desc="Place new stock behind older stock so that the oldest products are used or "
        "sold first.",
        nl_desc="Je zet nieuwe voorraad achter de oude. Zo gaan de oudste producten het eerst "
        "weg.",
        en_alt=("FIFO",),
        nl_alt=("FIFO", "first in first out"),
    ),
    skill(
        "prepare-shipments", "S6.1", SECTOR_SPECIFIC,
        en="prepare goods for shipment",
        nl="zendingen klaarmaken voor verzending",
        en_desc="Pack, label and document orders and put them ready at the right dock for "
        "transport.",
        nl_desc="Je pakt orders in, labelt ze, maakt de papieren klaar en zet ze bij de "
        "juiste laadplek voor vervoer.",
        en_alt=("dispatch goods",),
        nl_alt=("expeditie", "orders verzendklaar maken"),
    ),
    skill(
        "label-packages", "S6.1", CROSS_SECTOR,
        en="label parcels and packages",
        nl="pakketten en dozen labelen",
        en_desc="Print and attach shipping labels and address labels in the right place.",
        nl_desc="Je print verzendlabels en adreslabels en plakt ze op de goede plek.",
    ),
    skill(
        "process-returns", "S6.2 S2", SECTOR_SPECIFIC,
        en="process returned goods",
        nl="retouren verwerken",
        en_desc="Unpack returned goods, check their condition, book them in and put them "
        "back into stock or set them aside.",
        nl_desc="Je pakt teruggestuurde goederen uit, controleert ze, boekt ze in en zet ze "
        "terug in de voorraad of apart.",
        nl_alt=("retourverwerking",),
    ),
    skill(
        "sort-parcels", "S6.1", SECTOR_SPECIFIC,
        en="sort parcels",
        nl="pakketten sorteren",
        en_desc="Sort parcels by destination, route or customer and put them in the right "
        "roll cage or bin.",
        nl_desc="Je sorteert pakketten op bestemming, route of klant. Je zet ze in de goede "
        "rolcontainer of bak.",
        nl_alt=("pakketsortering",),
    ),
    skill(
        "sort-mail", "S6.1", OCCUPATION_SPECIFIC,
        en="sort mail by address and postcode",
        nl="post sorteren op adres en postcode",
        en_desc="Sort letters and small packets by postcode, address or department.",
        nl_desc="Je sorteert brieven en kleine pakjes op postcode, adres of afdeling.",
        en_alt=("sort letters",),
        nl_alt=("post sorteren", "brieven sorteren"),
    ),
    skill(
        "feed-sorting-machine", "S6.1 S8", OCCUPATION_SPECIFIC,
        en="feed and monitor a sorting machine",
        nl="een sorteermachine vullen en bewaken",
        en_desc="Feed mail or parcels into a sorting machine, clear jams and take out the "
        "sorted items.",
        nl_desc="Je legt post of pakketten in een sorteermachine. Je haalt vastgelopen stukken "
        "eruit en neemt de gesorteerde post af.",
    ),
    skill(
        "frank-mail", "S6.1", OCCUPATION_SPECIFIC,
        en="frank outgoing mail",
        nl="uitgaande post frankeren",
        en_desc="Weigh outgoing letters and parcels and frank them with the right postage, "
        "by hand or with a franking machine.",
        nl_desc="Je weegt uitgaande brieven en pakketten en frankeert ze met de juiste "
        "portokosten, met de hand of met een frankeermachine.",
        nl_alt=("post frankeren", "frankeermachine bedienen"),
    ),
    skill(
        "distribute-internal-mail", "S6.2", OCCUPATION_SPECIFIC,
        en="distribute internal mail",
        nl="interne post rondbrengen",
        en_desc="Collect and deliver mail and parcels to departments and people in the "
        "building.",
        nl_desc="Je haalt post en pakketten op en brengt ze naar de afdelingen en mensen in "
        "het gebouw.",
        nl_alt=("post rondbrengen",),
    ),
    skill(
        "register-incoming-mail", "S2 S5", OCCUPATION_SPECIFIC,
        en="register incoming mail in a digital system",
        nl="inkomende post registreren in een digitaal systeem",
        en_desc="Open incoming mail, register it in the document or mail system and send it "
        "to the right person.",
        nl_desc="Je opent inkomende post, registreert die in het post- of documentsysteem en "
        "stuurt die door naar de juiste persoon.",
        nl_alt=("postregistratie",),
    ),
    skill(
        "drive-a-van", "S8.2", SECTOR_SPECIFIC,
        en="drive a delivery van",
        nl="een bestelbus besturen",
        en_desc="Drive a van safely in town and on the motorway, park it and manoeuvre in "
        "tight places.",
        nl_desc="Je rijdt veilig met een bestelbus in de stad en op de snelweg. Je parkeert "
        "en manoeuvreert op krappe plekken.",
        en_alt=("drive a van",),
        nl_alt=("bestelauto rijden", "rijbewijs B"),
    ),
    skill(
        "plan-delivery-route", "S8.2 S2", SECTOR_SPECIFIC,
        en="plan a delivery route",
        nl="een bezorgroute plannen",
        en_desc="Put deliveries in a logical order so that the route is short and time "
        "windows are met.",
        nl_desc="Je zet de adressen in een handige volgorde. Zo is de route kort en ben je "
        "op tijd bij de klanten.",
    ),
    skill(
        "use-navigation-app", "S5 S8.2", CROSS_SECTOR,
        en="use a navigation app",
        nl="een navigatie-app gebruiken",
        en_desc="Enter addresses in a navigation app or system and follow the route, also "
        "when it changes.",
        nl_desc="Je zet adressen in een navigatie-app of navigatiesysteem en volgt de "
        "route, ook als die verandert.",
        nl_alt=("navigatiesysteem gebruiken",),
    ),
    skill(
        "deliver-parcels", "S6.2 S3.4", SECTOR_SPECIFIC,
        en="deliver parcels to customers",
        nl="pakketten afleveren bij klanten",
        en_desc="Hand over parcels at the door, or at a neighbour or pick-up point, and "
        "deal with customers politely.",
        nl_desc="Je geeft pakketten af aan de deur, bij de buren of bij een afhaalpunt. Je "
        "bent vriendelijk tegen klanten.",
        nl_alt=("pakketten bezorgen",),
    ),
    skill(
        "confirm-deliveries-in-app", "S5", SECTOR_SPECIFIC,
        en="confirm deliveries in a delivery app",
        nl="leveringen afmelden in een bezorgapp",
        en_desc="Record each delivery in the delivery app with a scan, signature or photo, "
        "and report failed deliveries.",
        nl_desc="Je meldt elke levering af in de bezorgapp met een scan, handtekening of "
        "foto. Je meldt het als een levering niet lukt.",
        nl_alt=("bezorgapp gebruiken",),
    ),
]

GREEN_SKILLS = [
    skill(
        "mow-lawns", "S6.4", SECTOR_SPECIFIC,
        en="mow lawns",
        nl="gras maaien",
        en_desc="Mow grass with a push or self-propelled mower and collect or mulch the "
        "clippings.",
        nl_desc="Je maait gras met een duw- of zelfrijdende maaier en ruimt het maaisel op.",
        nl_alt=("maaien",),
    ),
    skill(
        "operate-ride-on-mower", "S6.4 S8", OCCUPATION_SPECIFIC,
        en="operate a ride-on mower",
        nl="een zitmaaier besturen",
        en_desc="Mow large areas of grass safely with a ride-on or front mower.",
        nl_desc="Je maait grote grasvelden veilig met een zitmaaier of frontmaaier.",
    ),
    skill(
        "use-brush-cutter", "S6.4 S8", SECTOR_SPECIFIC,
        en="use a brush cutter",
        nl="een bosmaaier gebruiken",
        en_desc="Cut grass and weeds along edges, fences and slopes with a brush cutter or "
        "strimmer.",
        nl_desc="Je maait gras en onkruid langs randen, hekken en taluds met een bosmaaier "
        "of trimmer.",
        nl_alt=("trimmer gebruiken",),
    ),
    skill(
        "use-leaf-blower", "S6.4", SECTOR_SPECIFIC,
        en="use a leaf blower",
        nl="een bladblazer gebruiken",
        en_desc="Blow leaves and litter into heaps with a leaf blower, safely and with "
        "respect for passers-by.",
        nl_desc="Je blaast blad en afval op hopen met een bladblazer, veilig en met "
        "aandacht voor voorbijgangers.",
    ),
    skill(
        "rake-leaves", "S6.4", SECTOR_SPECIFIC,
        en="rake and collect leaves",
        nl="blad harken en afvoeren",
        en_desc="Rake up leaves and cuttings and take them away for composting.",
        nl_desc="Je harkt blad en snoeiafval bij elkaar en voert het af om te composteren.",
    ),
    skill(
        "remove-weeds", "S6.4", SECTOR_SPECIFIC,
        en="remove weeds",
        nl="onkruid verwijderen",
        en_desc="Remove weeds from beds, paving and paths by hand, with a hoe or with a "
        "weed burner.",
        nl_desc="Je haalt onkruid weg uit borders, bestrating en paden, met de hand, een "
        "schoffel of een onkruidbrander.",
        nl_alt=("wieden", "schoffelen"),
    ),
    skill(
        "prune-shrubs-and-trees", "S6.4", OCCUPATION_SPECIFIC,
        en="prune shrubs and trees",
        nl="struiken en bomen snoeien",
        en_desc="Prune shrubs and young trees at the right time and in the right way for "
        "each species.",
        nl_desc="Je snoeit struiken en jonge bomen op het goede moment en op de goede manier "
        "voor elke soort.",
        nl_alt=("snoeien",),
    ),
    skill(
        "trim-hedges", "S6.4", SECTOR_SPECIFIC,
        en="trim hedges",
        nl="heggen knippen",
        en_desc="Trim hedges to shape with hand shears or a hedge trimmer and clear away the "
        "cuttings.",
        nl_desc="Je knipt heggen in vorm met een heggenschaar of heggenknipper en ruimt het "
        "snoeiafval op.",
        nl_alt=("hagen snoeien",),
    ),
    skill(
        "plant-trees-and-shrubs", "S6.4", SECTOR_SPECIFIC,
        en="plant trees, shrubs and plants",
        nl="bomen, struiken en planten planten",
        en_desc="Prepare the soil, plant trees, shrubs and plants at the right depth and "
        "spacing, and water them in.",
        nl_desc="Je maakt de grond klaar en zet bomen, struiken en planten op de goede diepte "
        "en afstand. Daarna geef je ze water.",
        nl_alt=("aanplanten", "beplanten"),
    ),
    skill(
        "water-plants", "S6.4", CROSS_SECTOR,
        en="water plants",
        nl="planten water geven",
        en_desc="Give plants, borders and planters the right amount of water at the right "
        "time.",
        nl_desc="Je geeft planten, borders en bakken de juiste hoeveelheid water op het "
        "goede moment.",
    ),
    skill(
        "lay-paving", "S6", OCCUPATION_SPECIFIC,
        en="lay paving",
        nl="bestrating leggen",
        en_desc="Prepare the sand bed and lay paving stones and tiles for paths and "
        "terraces.",
        nl_desc="Je maakt het zandbed klaar en legt stenen en tegels voor paden en terrassen.",
        nl_alt=("straten", "tegels leggen"),
    ),
    skill(
        "maintain-garden-machinery", "S8.7 S6.4", SECTOR_SPECIFIC,
        en="maintain garden tools and machinery",
        nl="tuingereedschap en -machines onderhouden",
        en_desc="Clean, sharpen and lubricate garden tools and do simple maintenance on "
        "mowers and other machines.",
        nl_desc="Je maakt tuingereedschap schoon, slijpt en smeert het. Je doet eenvoudig "
        "onderhoud aan maaiers en andere machines.",
    ),
    skill(
        "collect-litter", "S6.1", CROSS_SECTOR,
        en="collect litter",
        nl="zwerfafval opruimen",
        en_desc="Pick up litter in parks, streets and grounds with a litter picker and "
        "separate it where possible.",
        nl_desc="Je raapt zwerfafval op in parken, straten en terreinen met een grijper en "
        "scheidt het als dat kan.",
        nl_alt=("prikken", "terrein schoonhouden"),
    ),
]

PRODUCTION_SKILLS = [
    skill(
        "pack-products", "S6.1", CROSS_SECTOR,
        en="pack products",
        nl="producten inpakken",
        en_desc="Pack products by hand in boxes, bags or trays in the right number and "
        "way, without damage.",
        nl_desc="Je pakt producten met de hand in dozen, zakken of bakjes in, in het juiste "
        "aantal en zonder schade.",
        en_alt=("hand packing", "package goods"),
        nl_alt=("inpakken", "verpakken"),
    ),
    skill(
        "fold-boxes", "S6.1", SECTOR_SPECIFIC,
        en="fold and assemble boxes",
        nl="dozen vouwen",
        en_desc="Fold, tape and assemble cardboard boxes and inserts ready for packing.",
        nl_desc="Je vouwt dozen en tussenschotten en plakt ze dicht, zodat ze klaar zijn om "
        "in te pakken.",
    ),
    skill(
        "label-products", "S6.1", CROSS_SECTOR,
        en="label products",
        nl="producten etiketteren",
        en_desc="Put the right labels or stickers on products and packaging, by hand or "
        "with a label applicator.",
        nl_desc="Je plakt de juiste etiketten of stickers op producten en verpakkingen, met "
        "de hand of met een etiketteerapparaat.",
        nl_alt=("etiketteren", "stickeren"),
    ),
    skill(
        "count-products", "S6.1 T1", CROSS_SECTOR,
        en="count products",
        nl="producten tellen",
        en_desc="Count products into batches or packages accurately, by hand or with a "
        "counting scale.",
        nl_desc="Je telt producten precies af in partijen of verpakkingen, met de hand of "
        "met een telweegschaal.",
    ),
    skill(
        "check-product-quality", "S2", CROSS_SECTOR,
        en="check product quality",
        nl="productkwaliteit controleren",
        en_desc="Check products against the quality requirements and set aside or report "
        "faulty products.",
        nl_desc="Je controleert of producten goed zijn. Foute producten zet je apart of je "
        "meldt ze.",
        en_alt=("inspect products",),
        nl_alt=("kwaliteitscontrole", "producten keuren"),
    ),
    skill(
        "sort-products", "S6.1", CROSS_SECTOR,
        en="sort products and materials",
        nl="producten en materialen sorteren",
        en_desc="Sort products or materials by type, size, colour or quality.",
        nl_desc="Je sorteert producten of materialen op soort, maat, kleur of kwaliteit.",
        nl_alt=("sorteren",),
    ),
    skill(
        "assemble-parts", "S6.5", SECTOR_SPECIFIC,
        en="assemble parts by hand",
        nl="onderdelen met de hand monteren",
        en_desc="Put together parts and components by hand according to the work "
        "instruction.",
        nl_desc="Je zet onderdelen met de hand in elkaar volgens de werkinstructie.",
        en_alt=("hand assembly",),
        nl_alt=("assembleren", "monteren"),
    ),
    skill(
        "read-assembly-instructions", "S6.5 S2", SECTOR_SPECIFIC,
        en="read assembly instructions and drawings",
        nl="montage-instructies en tekeningen lezen",
        en_desc="Understand assembly instructions, exploded views and simple technical "
        "drawings.",
        nl_desc="Je begrijpt montage-instructies, explosietekeningen en eenvoudige "
        "technische tekeningen.",
    ),
    skill(
        "use-hand-tools", "S6.5", CROSS_SECTOR,
        en="use hand tools",
        nl="handgereedschap gebruiken",
        en_desc="Work safely and correctly with screwdrivers, spanners, pliers, hammers and "
        "other hand tools.",
        nl_desc="Je werkt veilig en goed met schroevendraaiers, sleutels, tangen, hamers en "
        "ander handgereedschap.",
        nl_alt=("gereedschap gebruiken",),
    ),
    skill(
        "use-power-tools", "S6.5", CROSS_SECTOR,
        en="use power tools",
        nl="elektrisch gereedschap gebruiken",
        en_desc="Work safely with drills, cordless screwdrivers, grinders and other power "
        "tools.",
        nl_desc="Je werkt veilig met boormachines, accuschroevendraaiers, slijptollen en "
        "ander elektrisch gereedschap.",
    ),
    skill(
        "measure-products", "S2", SECTOR_SPECIFIC,
        en="measure products",
        nl="producten meten",
        en_desc="Measure length, width and thickness with a tape measure, ruler or calliper "
        "and compare with the specification.",
        nl_desc="Je meet lengte, breedte en dikte met een rolmaat, liniaal of schuifmaat. Je "
        "kijkt of het klopt met de opdracht.",
    ),
    skill(
        "work-on-production-line", "S6.5", SECTOR_SPECIFIC,
        en="work on a production line",
        nl="aan een productielijn werken",
        en_desc="Carry out your task at a workstation on a production line at the pace of "
        "the line.",
        nl_desc="Je doet je taak op een vaste plek aan een productielijn, in het tempo van "
        "de lijn.",
        en_alt=("work on an assembly line",),
        nl_alt=("lopende band werk",),
    ),
    skill(
        "follow-production-planning", "S2", SECTOR_SPECIFIC,
        en="follow the production schedule",
        nl="werken volgens de productieplanning",
        en_desc="Work on the orders in the order and quantities set in the production "
        "schedule.",
        nl_desc="Je werkt de orders af in de volgorde en aantallen van de productieplanning.",
    ),
    skill(
        "operate-packaging-machine", "S8 S6.1", SECTOR_SPECIFIC,
        en="operate a packaging machine",
        nl="een verpakkingsmachine bedienen",
        en_desc="Start, run and stop packing, filling, sealing or labelling machines and "
        "keep them supplied.",
        nl_desc="Je start, bedient en stopt inpak-, vul-, seal- of etiketteermachines en "
        "zorgt dat ze genoeg materiaal hebben.",
        nl_alt=("inpakmachine bedienen",),
    ),
    skill(
        "set-up-machine", "S8", SECTOR_SPECIFIC,
        en="set up a machine for production",
        nl="een machine instellen",
        en_desc="Change over and set up a machine for a new product or batch according to "
        "the settings card.",
        nl_desc="Je stelt een machine om en in voor een nieuw product of een nieuwe partij, "
        "volgens de instelkaart.",
        en_alt=("change over a machine",),
        nl_alt=("machine omstellen",),
    ),
    skill(
        "monitor-machine-operations", "S8", SECTOR_SPECIFIC,
        en="monitor machine operations",
        nl="een machine bewaken tijdens de productie",
        en_desc="Watch the machine and its output during production and react to "
        "deviations.",
        nl_desc="Je houdt de machine en de producten in de gaten tijdens de productie. Je "
        "grijpt in als er iets afwijkt.",
    ),
    skill(
        "resolve-machine-faults", "S8 S8.7", SECTOR_SPECIFIC,
        en="resolve minor machine faults",
        nl="kleine storingen aan machines verhelpen",
        en_desc="Clear jams and fix simple faults safely, and call a technician for "
        "anything else.",
        nl_desc="Je haalt vastgelopen materiaal weg en lost eenvoudige storingen veilig op. "
        "Voor de rest bel je een monteur.",
        nl_alt=("storingen oplossen",),
    ),
    skill(
        "feed-machine", "S8", SECTOR_SPECIFIC,
        en="feed materials into a machine",
        nl="materiaal in een machine invoeren",
        en_desc="Supply a machine with raw materials, parts or packaging at the right pace.",
        nl_desc="Je vult een machine bij met grondstoffen, onderdelen of verpakkingen in het "
        "goede tempo.",
        nl_alt=("machine bijvullen",),
    ),
    skill(
        "use-machine-touchscreen", "S5 S8", SECTOR_SPECIFIC,
        en="operate a machine via a touchscreen panel",
        nl="een machine bedienen via een touchscreen",
        en_desc="Choose programs, change settings and read alarms on the touchscreen "
        "control panel of a machine.",
        nl_desc="Je kiest programma's, verandert instellingen en leest meldingen op het "
        "touchscreen van een machine.",
        en_alt=("use an HMI panel",),
        nl_alt=("HMI bedienen", "bedieningspaneel gebruiken"),
    ),
    skill(
        "record-production-data", "S5 S2", SECTOR_SPECIFIC,
        en="record production data digitally",
        nl="productiegegevens digitaal registreren",
        en_desc="Record quantities, rejects, downtime and checks in a digital production "
        "system or on a tablet.",
        nl_desc="Je zet aantallen, afkeur, stilstand en controles in een digitaal "
        "productiesysteem of op een tablet.",
    ),
    skill(
        "perform-basic-machine-maintenance", "S8.7", SECTOR_SPECIFIC,
        en="carry out basic machine maintenance",
        nl="eenvoudig onderhoud aan machines doen",
        en_desc="Clean, lubricate and check machines and replace wear parts according to "
        "the maintenance schedule.",
        nl_desc="Je maakt machines schoon, smeert en controleert ze. Je vervangt "
        "slijtdelen volgens het onderhoudsschema.",
        nl_alt=("preventief onderhoud",),
    ),
]

RETAIL_SKILLS = [
    skill(
        "stock-shelves", "S6.2", SECTOR_SPECIFIC,
        en="stock shelves",
        nl="schappen vullen",
        en_desc="Fill shelves and display areas with products from the stockroom or roll "
        "containers.",
        nl_desc="Je vult de schappen en presentaties met producten uit het magazijn of de "
        "rolcontainers.",
        en_alt=("fill shelves", "replenish shelves"),
        nl_alt=("vakken vullen", "bijvullen"),
    ),
    skill(
        "face-shelves", "S6.2", OCCUPATION_SPECIFIC,
        en="face products on shelves",
        nl="producten spiegelen",
        en_desc="Pull products to the front of the shelf with the label facing forward so "
        "the shelf looks full and tidy.",
        nl_desc="Je zet producten vooraan in het schap met het etiket naar voren. Zo ziet het "
        "schap er vol en netjes uit.",
        nl_alt=("spiegelen", "schappen netjes maken"),
    ),
    skill(
        "unpack-roll-containers", "S6.2", SECTOR_SPECIFIC,
        en="unpack roll containers",
        nl="rolcontainers uitpakken",
        en_desc="Unpack roll containers and boxes with a safety knife and take away the "
        "packaging.",
        nl_desc="Je pakt rolcontainers en dozen uit met een veiligheidsmes en ruimt de "
        "verpakking op.",
    ),
    skill(
        "check-best-before-dates", "S2", SECTOR_SPECIFIC,
        en="check best-before dates",
        nl="houdbaarheidsdatums controleren",
        en_desc="Check use-by and best-before dates and remove or mark down products that "
        "are almost out of date.",
        nl_desc="Je controleert de houdbaarheidsdatum. Producten die bijna over de datum "
        "zijn, haal je weg of prijs je af.",
        nl_alt=("THT controleren", "datumcontrole"),
    ),
    skill(
        "price-products", "S6.1", SECTOR_SPECIFIC,
        en="price products",
        nl="producten prijzen",
        en_desc="Put price labels and shelf labels on products and shelves and update them "
        "when prices change.",
        nl_desc="Je zet prijsstickers en schapkaartjes op producten en schappen. Je past ze "
        "aan als prijzen veranderen.",
        nl_alt=("prijzen", "schapkaartjes plaatsen"),
    ),
    skill(
        "help-customers-find-products", "S3.4", SECTOR_SPECIFIC,
        en="help customers find products",
        nl="klanten helpen producten te vinden",
        en_desc="Answer customers' questions about where products are and take them there.",
        nl_desc="Je vertelt klanten waar producten liggen en loopt met ze mee.",
    ),
    skill(
        "advise-customers", "S3.4", CROSS_SECTOR,
        en="advise customers on products and services",
        nl="klanten advies geven",
        en_desc="Ask what customers need and explain which products or services suit "
        "them.",
        nl_desc="Je vraagt wat klanten nodig hebben en legt uit welke producten of diensten "
        "bij ze passen.",
        en_alt=("give customer advice",),
        nl_alt=("klantadvies", "adviseren"),
    ),
    skill(
        "sell-products", "S3.4", CROSS_SECTOR,
        en="sell products",
        nl="producten verkopen",
        en_desc="Help customers choose, point out offers and complete the sale.",
        nl_desc="Je helpt klanten kiezen, wijst op aanbiedingen en rondt de verkoop af.",
        nl_alt=("verkopen",),
    ),
    skill(
        "handle-cash", "S3.4 T1", CROSS_SECTOR,
        en="handle cash",
        nl="met contant geld omgaan",
        en_desc="Accept cash payments, give correct change and keep cash safe.",
        nl_desc="Je neemt contant geld aan, geeft het goede wisselgeld terug en bewaart geld "
        "veilig.",
        en_alt=("handle money",),
        nl_alt=("geld wisselen", "kasgeld beheren"),
    ),
    skill(
        "use-till-system", "S5 S3.4", CROSS_SECTOR,
        en="use a till system",
        nl="een kassasysteem gebruiken",
        en_desc="Scan or enter products, apply discounts, take payment and print or e-mail "
        "receipts on an electronic till.",
        nl_desc="Je scant of typt producten in, verwerkt kortingen, laat de klant betalen en "
        "print of mailt de bon.",
        en_alt=("operate a cash register", "use a point-of-sale system"),
        nl_alt=("kassa bedienen", "afrekenen op de kassa"),
    ),
    skill(
        "handle-card-payments", "S5 S3.4", CROSS_SECTOR,
        en="handle card and mobile payments",
        nl="pin- en mobiele betalingen afhandelen",
        en_desc="Take contactless, card and mobile payments on a payment terminal and solve "
        "simple payment problems.",
        nl_desc="Je laat klanten contactloos, met pinpas of met hun telefoon betalen op de "
        "pinautomaat. Je lost eenvoudige betaalproblemen op.",
        en_alt=("use a payment terminal",),
        nl_alt=("pinautomaat bedienen", "pinbetalingen"),
    ),
    skill(
        "cash-up-till", "S2", SECTOR_SPECIFIC,
        en="cash up the till",
        nl="de kassa opmaken",
        en_desc="Count the cash at the end of the shift, compare it with the till report "
        "and report differences.",
        nl_desc="Je telt het geld aan het eind van je dienst. Je vergelijkt het met de "
        "kassabon en meldt verschillen.",
        nl_alt=("kas opmaken", "kassa tellen"),
    ),
    skill(
        "handle-complaints", "S3.4", CROSS_SECTOR,
        en="handle customer complaints",
        nl="klachten van klanten afhandelen",
        en_desc="Listen to complaints calmly, offer a solution within your authority and "
        "pass on what you cannot solve.",
        nl_desc="Je luistert rustig naar klachten en biedt een oplossing als dat mag. Wat je "
        "niet kunt oplossen, geef je door.",
        nl_alt=("klachtafhandeling",),
    ),
    skill(
        "check-age", "S3.4", SECTOR_SPECIFIC,
        en="check age for alcohol and tobacco sales",
        nl="leeftijd controleren bij alcohol en tabak",
        en_desc="Ask for ID when selling alcohol or tobacco and refuse the sale to people "
        "under 18.",
        nl_desc="Je vraagt om een ID bij de verkoop van alcohol of tabak. Onder de 18 "
        "verkoop je het niet.",
        nl_alt=("leeftijdscontrole",),
    ),
    skill(
        "assess-goods-for-reuse", "S2 S6.1", SECTOR_SPECIFIC,
        en="assess goods for reuse",
        nl="beoordelen of spullen opnieuw te gebruiken zijn",
        en_desc="Check donated or collected goods for condition, safety and value and decide "
        "whether they can be sold, repaired or recycled.",
        nl_desc="Je bekijkt ingebrachte spullen op staat, veiligheid en waarde. Je beslist "
        "of ze verkocht, gerepareerd of gerecycled worden.",
        nl_alt=("goederen keuren (kringloop)",),
    ),
]

OFFICE_SKILLS = [
    skill(
        "welcome-visitors", "S3.4", SECTOR_SPECIFIC,
        en="welcome and register visitors",
        nl="bezoekers ontvangen en registreren",
        en_desc="Welcome visitors at the reception desk, register them, hand out passes and "
        "let the host know.",
        nl_desc="Je ontvangt bezoekers bij de receptie. Je schrijft ze in, geeft een pasje en "
        "laat weten dat ze er zijn.",
        nl_alt=("bezoekers ontvangen",),
    ),
    skill(
        "use-visitor-registration-system", "S5 S3.4", OCCUPATION_SPECIFIC,
        en="use a digital visitor registration system",
        nl="werken met een digitaal bezoekerssysteem",
        en_desc="Register visitors, print badges and notify hosts with a digital visitor "
        "management system.",
        nl_desc="Je schrijft bezoekers in, print badges en waarschuwt de gastheer met een "
        "digitaal bezoekerssysteem.",
    ),
    skill(
        "handle-phone-calls", "S3.4", CROSS_SECTOR,
        en="handle telephone calls",
        nl="telefoongesprekken afhandelen",
        en_desc="Answer the phone in a friendly way, take messages and put callers through "
        "to the right person.",
        nl_desc="Je neemt de telefoon vriendelijk op. Je noteert berichten en verbindt "
        "bellers door met de juiste persoon.",
        en_alt=("answer the telephone",),
        nl_alt=("telefoon aannemen", "telefonist zijn"),
    ),
    skill(
        "use-phone-system", "S5 S3.4", SECTOR_SPECIFIC,
        en="operate a business telephone system",
        nl="een telefooncentrale bedienen",
        en_desc="Transfer, hold and forward calls and set out-of-office messages on a "
        "business telephone system or softphone.",
        nl_desc="Je verbindt gesprekken door, zet ze in de wacht en stelt een "
        "afwezigheidsmelding in op de telefooncentrale of de computer.",
        nl_alt=("telefooncentrale", "softphone gebruiken"),
    ),
    skill(
        "manage-digital-calendar", "S5 S2", CROSS_SECTOR,
        en="schedule appointments in a digital calendar",
        nl="afspraken plannen in een digitale agenda",
        en_desc="Plan, change and cancel appointments and book rooms in a shared digital "
        "calendar.",
        nl_desc="Je plant, verzet en annuleert afspraken en reserveert zalen in een gedeelde "
        "digitale agenda.",
        en_alt=("use Outlook calendar",),
        nl_alt=("agendabeheer", "digitale agenda bijhouden"),
    ),
    skill(
        "write-business-messages", "S2 T1", CROSS_SECTOR,
        en="write short business messages",
        nl="korte zakelijke berichten schrijven",
        en_desc="Write short, clear and correct messages, notes and e-mails in Dutch.",
        nl_desc="Je schrijft korte, duidelijke en correcte berichten, notities en e-mails "
        "in het Nederlands.",
    ),
    skill(
        "use-word-processor", "S5", CROSS_SECTOR,
        en="use a word processor",
        nl="een tekstverwerker gebruiken",
        en_desc="Type, edit, lay out, save and print letters and documents with a word "
        "processor.",
        nl_desc="Je typt, verbetert, maakt op, bewaart en print brieven en documenten met "
        "een tekstverwerker.",
        en_alt=("use Word",),
        nl_alt=("Word gebruiken", "tekstverwerken"),
    ),
    skill(
        "file-documents", "S2", CROSS_SECTOR,
        en="file documents",
        nl="documenten archiveren",
        en_desc="File paper documents in the right order and place so that they can be "
        "found again.",
        nl_desc="Je ordent papieren documenten op de goede volgorde en plek, zodat je ze "
        "terugvindt.",
        en_alt=("keep files",),
        nl_alt=("archiveren", "opbergen"),
    ),
    skill(
        "enter-data", "S5 S2", CROSS_SECTOR,
        en="enter data into a computer system",
        nl="gegevens invoeren in een computersysteem",
        en_desc="Type data from forms, lists or documents into a computer system correctly "
        "and completely.",
        nl_desc="Je typt gegevens uit formulieren, lijsten of documenten goed en volledig in "
        "een computersysteem.",
        en_alt=("data entry",),
        nl_alt=("data-invoer", "gegevensinvoer"),
    ),
    skill(
        "type-accurately", "S5", CROSS_SECTOR,
        en="type quickly and accurately",
        nl="snel en foutloos typen",
        en_desc="Touch-type with ten fingers at a good speed and with few errors.",
        nl_desc="Je typt blind met tien vingers, snel en met weinig fouten.",
        en_alt=("touch typing",),
        nl_alt=("blind typen",),
    ),
    skill(
        "check-data-for-errors", "S2", CROSS_SECTOR,
        en="check data for errors",
        nl="gegevens controleren op fouten",
        en_desc="Compare entered data with the source and correct mistakes and missing "
        "information.",
        nl_desc="Je vergelijkt ingevoerde gegevens met het origineel. Je verbetert fouten en "
        "vult ontbrekende gegevens aan.",
    ),
    skill(
        "use-database", "S5 S2", CROSS_SECTOR,
        en="search and update records in a database",
        nl="gegevens opzoeken en bijwerken in een database",
        en_desc="Find, add and change records in a database or administrative system.",
        nl_desc="Je zoekt, voegt toe en verandert gegevens in een database of "
        "administratiesysteem.",
        nl_alt=("database gebruiken",),
    ),
    skill(
        "operate-office-equipment", "S5", CROSS_SECTOR,
        en="operate printers and copiers",
        nl="printers en kopieerapparaten bedienen",
        en_desc="Print, copy and scan with a multifunction printer and solve paper jams.",
        nl_desc="Je print, kopieert en scant met een multifunctionele printer en lost "
        "papierstoringen op.",
        nl_alt=("kopiëren en printen",),
    ),
    skill(
        "scan-documents", "S5 S2", CROSS_SECTOR,
        en="scan documents",
        nl="documenten scannen",
        en_desc="Scan paper documents with a document scanner at the right settings and save "
        "the files in the right place.",
        nl_desc="Je scant papieren documenten met de juiste instellingen en bewaart de "
        "bestanden op de goede plek.",
        nl_alt=("scannen",),
    ),
    skill(
        "prepare-documents-for-scanning", "S6.1 S2", OCCUPATION_SPECIFIC,
        en="prepare documents for scanning",
        nl="documenten klaarmaken om te scannen",
        en_desc="Remove staples and clips, repair torn pages, sort documents and add "
        "separator sheets.",
        nl_desc="Je haalt nietjes en paperclips weg, plakt gescheurde bladzijden, sorteert "
        "documenten en legt scheidingsbladen ertussen.",
        nl_alt=("ontnieten", "scanklaar maken"),
    ),
    skill(
        "index-scanned-documents", "S5 S2", OCCUPATION_SPECIFIC,
        en="index scanned documents",
        nl="gescande documenten indexeren",
        en_desc="Add the right file name, date, type and other index data to scanned "
        "documents.",
        nl_desc="Je geeft gescande documenten de juiste naam, datum, soort en andere "
        "kenmerken.",
        nl_alt=("indexeren",),
    ),
    skill(
        "check-scan-quality", "S2 S5", OCCUPATION_SPECIFIC,
        en="check scan quality",
        nl="de kwaliteit van scans controleren",
        en_desc="Check scans for readability, missing pages and orientation and rescan when "
        "needed.",
        nl_desc="Je controleert of scans leesbaar en compleet zijn en goed om staan. Zo nodig "
        "scan je opnieuw.",
    ),
    skill(
        "use-digital-archive", "S5 S2", SECTOR_SPECIFIC,
        en="use a digital document archive",
        nl="werken met een digitaal archief",
        en_desc="Store, search and retrieve documents in a digital archive or document "
        "management system.",
        nl_desc="Je bewaart, zoekt en vindt documenten in een digitaal archief of "
        "documentsysteem.",
        nl_alt=("digitaal archiveren", "DMS gebruiken"),
    ),
]

BICYCLE_SKILLS = [
    skill(
        "repair-bicycle-tyres", "S8.7", OCCUPATION_SPECIFIC,
        en="repair bicycle tyres",
        nl="fietsbanden plakken en vervangen",
        en_desc="Find and repair punctures and replace inner tubes and tyres.",
        nl_desc="Je zoekt en plakt lekke banden. Je vervangt binnenbanden en buitenbanden.",
        en_alt=("fix a flat tyre",),
        nl_alt=("band plakken", "lekke band repareren"),
    ),
    skill(
        "adjust-bicycle-brakes", "S8.7", OCCUPATION_SPECIFIC,
        en="adjust and repair bicycle brakes",
        nl="fietsremmen afstellen en repareren",
        en_desc="Adjust, repair and replace rim, hub, roller and disc brakes and brake "
        "cables.",
        nl_desc="Je stelt velgremmen, terugtraprem, rollerbrakes en schijfremmen af. Je "
        "repareert ze en vervangt remkabels.",
    ),
    skill(
        "adjust-bicycle-gears", "S8.7", OCCUPATION_SPECIFIC,
        en="adjust bicycle gears",
        nl="versnellingen afstellen",
        en_desc="Adjust hub and derailleur gears and replace gear cables.",
        nl_desc="Je stelt naafversnellingen en derailleurs af en vervangt "
        "versnellingskabels.",
    ),
    skill(
        "replace-bicycle-chain", "S8.7", OCCUPATION_SPECIFIC,
        en="replace and lubricate a bicycle chain",
        nl="een fietsketting vervangen en smeren",
        en_desc="Measure chain wear, replace and tension the chain and lubricate it.",
        nl_desc="Je meet of een ketting versleten is. Je vervangt en spant de ketting en "
        "smeert hem.",
    ),
    skill(
        "true-bicycle-wheels", "S8.7", OCCUPATION_SPECIFIC,
        en="true bicycle wheels",
        nl="fietswielen richten",
        en_desc="Straighten buckled wheels by adjusting spoke tension and replace broken "
        "spokes.",
        nl_desc="Je maakt slingerende wielen weer recht door de spaken bij te stellen. Je "
        "vervangt gebroken spaken.",
        nl_alt=("wiel richten", "spaken vervangen"),
    ),
    skill(
        "repair-bicycle-lighting", "S8.7", OCCUPATION_SPECIFIC,
        en="repair bicycle lighting",
        nl="fietsverlichting repareren",
        en_desc="Find and repair faults in dynamo and battery lighting and wiring.",
        nl_desc="Je zoekt en repareert fouten in verlichting met dynamo of batterij en in de "
        "bedrading.",
    ),
    skill(
        "service-bicycles", "S8.7", OCCUPATION_SPECIFIC,
        en="carry out a bicycle service",
        nl="een fiets een onderhoudsbeurt geven",
        en_desc="Check, clean, adjust and lubricate all parts of a bicycle in a standard "
        "service.",
        nl_desc="Je controleert, reinigt, stelt af en smeert alle onderdelen van een fiets "
        "bij een onderhoudsbeurt.",
        nl_alt=("fiets onderhouden", "onderhoudsbeurt"),
    ),
    skill(
        "diagnose-bicycle-faults", "S8.7", OCCUPATION_SPECIFIC,
        en="diagnose bicycle faults",
        nl="mankementen aan fietsen opsporen",
        en_desc="Find the cause of noises, play, wear and other faults on a bicycle.",
        nl_desc="Je zoekt de oorzaak van geluiden, speling, slijtage en andere problemen aan "
        "een fiets.",
    ),
    skill(
        "assemble-bicycles", "S6.5 S8.7", OCCUPATION_SPECIFIC,
        en="assemble new bicycles",
        nl="nieuwe fietsen afmonteren",
        en_desc="Unpack and assemble new bicycles from the box and make them ready for "
        "delivery.",
        nl_desc="Je pakt nieuwe fietsen uit, monteert ze af en maakt ze klaar om af te "
        "leveren.",
        nl_alt=("fietsen afmonteren",),
    ),
    skill(
        "repair-e-bikes", "S8.7", OCCUPATION_SPECIFIC,
        en="repair electric bicycles",
        nl="elektrische fietsen repareren",
        en_desc="Repair and replace motors, batteries, sensors and wiring of electric "
        "bicycles safely.",
        nl_desc="Je repareert en vervangt motoren, accu's, sensoren en bedrading van "
        "e-bikes op een veilige manier.",
        en_alt=("repair e-bikes",),
        nl_alt=("e-bikes repareren",),
    ),
    skill(
        "read-e-bike-diagnostics", "S5 S8.7", OCCUPATION_SPECIFIC,
        en="read out e-bike diagnostics with software",
        nl="e-bikes uitlezen met diagnosesoftware",
        en_desc="Connect an e-bike to the manufacturer's diagnostic software, read error "
        "codes and install updates.",
        nl_desc="Je sluit een e-bike aan op de diagnosesoftware van de fabrikant. Je leest "
        "foutcodes uit en installeert updates.",
    ),
    skill(
        "give-repair-estimate", "S3.4", SECTOR_SPECIFIC,
        en="give customers a repair estimate",
        nl="klanten een prijsopgave voor reparatie geven",
        en_desc="Explain to customers what needs to be repaired, how long it takes and what "
        "it costs.",
        nl_desc="Je legt klanten uit wat er gerepareerd moet worden, hoe lang het duurt en "
        "wat het kost.",
    ),
    skill(
        "register-repairs", "S5 S2", SECTOR_SPECIFIC,
        en="register repairs in a workshop system",
        nl="reparaties registreren in het werkplaatssysteem",
        en_desc="Record repair jobs, parts used and time spent in the digital workshop or "
        "till system.",
        nl_desc="Je zet reparaties, gebruikte onderdelen en gewerkte tijd in het digitale "
        "werkplaats- of kassasysteem.",
    ),
]

LAUNDRY_AND_RECYCLING_SKILLS = [
    skill(
        "sort-laundry", "S6.11 S6.1", OCCUPATION_SPECIFIC,
        en="sort laundry",
        nl="wasgoed sorteren",
        en_desc="Sort dirty laundry by colour, material, soiling and washing programme.",
        nl_desc="Je sorteert vuile was op kleur, materiaal, vuilheid en wasprogramma.",
    ),
    skill(
        "operate-industrial-washing-machines", "S6.11 S8", OCCUPATION_SPECIFIC,
        en="operate industrial washing machines",
        nl="industriële wasmachines bedienen",
        en_desc="Load, program, run and unload industrial washing machines and tunnel "
        "washers.",
        nl_desc="Je vult, programmeert, start en leegt grote wasmachines en wasstraten.",
        nl_alt=("wasmachines bedienen",),
    ),
    skill(
        "operate-drying-and-ironing-machines", "S6.11 S8", OCCUPATION_SPECIFIC,
        en="operate dryers and ironing machines",
        nl="drogers en strijkmachines bedienen",
        en_desc="Operate tumble dryers, flatwork ironers and folding machines.",
        nl_desc="Je bedient drogers, mangels en vouwmachines.",
        nl_alt=("mangelen",),
    ),
    skill(
        "fold-linen", "S6.11 S6.1", SECTOR_SPECIFIC,
        en="fold linen and clothing",
        nl="linnengoed en kleding vouwen",
        en_desc="Fold towels, sheets and clothing neatly and stack them by type.",
        nl_desc="Je vouwt handdoeken, lakens en kleding netjes en stapelt ze per soort.",
        nl_alt=("vouwen",),
    ),
    skill(
        "iron-textiles", "S6.11", CROSS_SECTOR,
        en="iron textiles",
        nl="textiel strijken",
        en_desc="Iron clothing and linen with an iron or pressing equipment at the right "
        "temperature.",
        nl_desc="Je strijkt kleding en linnengoed met een strijkijzer of strijkpers op de "
        "goede temperatuur.",
        nl_alt=("strijken",),
    ),
    skill(
        "remove-stains", "S6.11", SECTOR_SPECIFIC,
        en="remove stains",
        nl="vlekken verwijderen",
        en_desc="Treat stains with the right stain remover for the type of stain and "
        "fabric.",
        nl_desc="Je behandelt vlekken met het juiste middel voor de soort vlek en stof.",
        nl_alt=("ontvlekken",),
    ),
    skill(
        "sort-waste-for-recycling", "S6.1", CROSS_SECTOR,
        en="sort waste for recycling",
        nl="afval scheiden",
        en_desc="Separate waste into the right streams, such as paper, plastic, glass, "
        "organic and residual waste.",
        nl_desc="Je scheidt afval in de juiste soorten, zoals papier, plastic, glas, gft en "
        "restafval.",
        en_alt=("separate waste",),
        nl_alt=("afvalscheiding", "afval sorteren"),
    ),
    skill(
        "recognise-materials", "S6.1", SECTOR_SPECIFIC,
        en="recognise types of material",
        nl="materiaalsoorten herkennen",
        en_desc="Recognise plastics, metals, wood, textile, paper and electronics by look, "
        "feel and markings.",
        nl_desc="Je herkent kunststof, metaal, hout, textiel, papier en elektronica aan hoe "
        "het eruitziet, voelt en aan de codes erop.",
    ),
    skill(
        "dismantle-appliances", "S6.5 S6.1", OCCUPATION_SPECIFIC,
        en="dismantle electrical appliances",
        nl="elektrische apparaten demonteren",
        en_desc="Take apart discarded electrical appliances safely and separate the "
        "materials and parts.",
        nl_desc="Je haalt afgedankte elektrische apparaten veilig uit elkaar en scheidt de "
        "materialen en onderdelen.",
        nl_alt=("e-waste demonteren",),
    ),
    skill(
        "separate-hazardous-waste", "S6.1 T5", SECTOR_SPECIFIC,
        en="recognise and separate hazardous waste",
        nl="gevaarlijk afval herkennen en apart houden",
        en_desc="Recognise batteries, chemicals, asbestos, sharps and other hazardous waste "
        "and store it separately and safely.",
        nl_desc="Je herkent batterijen, chemicaliën, asbest, naalden en ander gevaarlijk "
        "afval. Je bewaart het apart en veilig.",
        nl_alt=("klein chemisch afval scheiden",),
    ),
]

FACILITY_AND_CARE_SKILLS = [
    skill(
        "carry-out-minor-repairs", "S6.5", CROSS_SECTOR,
        en="carry out minor repairs",
        nl="kleine reparaties uitvoeren",
        en_desc="Repair small defects such as loose handles, dripping taps, broken lamps "
        "and sticking doors, and mount shelves and signs.",
        nl_desc="Je repareert kleine gebreken, zoals losse klinken, lekkende kranen, kapotte "
        "lampen en klemmende deuren. Je hangt ook planken en bordjes op.",
        en_alt=("do small repairs", "fix things", "drill and mount"),
        nl_alt=("klussen", "kleine klussen doen", "gaten boren en ophangen"),
    ),
    skill(
        "paint-walls-and-woodwork", "S6", SECTOR_SPECIFIC,
        en="paint walls and woodwork",
        nl="muren en houtwerk schilderen",
        en_desc="Prepare surfaces and paint walls, ceilings, doors and frames neatly.",
        nl_desc="Je maakt ondergronden klaar en schildert muren, plafonds, deuren en "
        "kozijnen netjes.",
        nl_alt=("schilderen", "sauzen"),
    ),
    skill(
        "assemble-furniture", "S6.5", CROSS_SECTOR,
        en="assemble furniture",
        nl="meubels in elkaar zetten",
        en_desc="Assemble flat-pack furniture, cupboards and shelving according to the "
        "instructions.",
        nl_desc="Je zet bouwpakketmeubels, kasten en stellingen in elkaar volgens de "
        "handleiding.",
        nl_alt=("meubels monteren",),
    ),
    skill(
        "move-furniture", "S6.2", CROSS_SECTOR,
        en="move furniture and equipment",
        nl="meubels en materialen verplaatsen",
        en_desc="Move tables, chairs, cupboards and equipment safely, by hand or with a "
        "trolley.",
        nl_desc="Je verplaatst tafels, stoelen, kasten en apparaten veilig, met de hand of "
        "met een steekwagen.",
        nl_alt=("sjouwen", "verhuizen binnen het gebouw"),
    ),
    skill(
        "set-up-rooms", "S6.2 S3", SECTOR_SPECIFIC,
        en="set up rooms for meetings and events",
        nl="zalen inrichten voor vergaderingen en activiteiten",
        en_desc="Arrange tables, chairs and equipment in rooms for meetings, events or "
        "activities and clear them afterwards.",
        nl_desc="Je zet tafels, stoelen en apparatuur klaar in zalen voor vergaderingen of "
        "activiteiten. Daarna ruim je alles op.",
        nl_alt=("zaalopstelling maken",),
    ),
    skill(
        "do-building-rounds", "S2", SECTOR_SPECIFIC,
        en="do inspection rounds of the building",
        nl="controlerondes door het gebouw lopen",
        en_desc="Walk through the building and grounds to check doors, lights, installations "
        "and safety, and record findings.",
        nl_desc="Je loopt door het gebouw en over het terrein. Je controleert deuren, "
        "lampen, installaties en veiligheid en je noteert wat je ziet.",
        nl_alt=("rondes lopen",),
    ),
    skill(
        "open-and-close-building", "S3", OCCUPATION_SPECIFIC,
        en="open and lock up the building",
        nl="het gebouw openen en afsluiten",
        en_desc="Open and lock the building at set times, switch the alarm on and off and "
        "check that no one is left inside.",
        nl_desc="Je opent en sluit het gebouw op vaste tijden. Je zet het alarm aan en uit en "
        "controleert of er niemand meer binnen is.",
    ),
    skill(
        "use-facility-reporting-app", "S5", SECTOR_SPECIFIC,
        en="report faults in a facility management app",
        nl="storingen melden in een facilitaire app",
        en_desc="Report faults and damage with a photo in a facility management app or "
        "portal and follow up the reports.",
        nl_desc="Je meldt storingen en schade met een foto in een facilitaire app of op een "
        "portaal. Je houdt bij wat er met de melding gebeurt.",
        nl_alt=("meldingen doen in het facilitair systeem",),
    ),
    skill(
        "report-defects", "S2", CROSS_SECTOR,
        en="report defects and damage",
        nl="gebreken en schade melden",
        en_desc="Notice broken, dirty or unsafe things and report them to the right person.",
        nl_desc="Je ziet het als iets kapot, vies of onveilig is en je meldt het bij de "
        "juiste persoon.",
        nl_alt=("schade melden",),
    ),
    skill(
        "order-supplies-online", "S2 S5", CROSS_SECTOR,
        en="order supplies online",
        nl="materialen online bestellen",
        en_desc="Check what supplies are running low and order them in the supplier's web "
        "shop or ordering portal.",
        nl_desc="Je kijkt welke spullen bijna op zijn en bestelt ze in de webwinkel of het "
        "bestelportaal van de leverancier.",
        en_alt=("order stock online",),
        nl_alt=("bestellen bij leveranciers", "voorraad bijbestellen"),
    ),
    skill(
        "use-digital-planning-tool", "S5", CROSS_SECTOR,
        en="use a digital planning tool",
        nl="een digitale planningstool gebruiken",
        en_desc="Plan work, rosters and tasks for a team in a digital planning tool and "
        "share the planning.",
        nl_desc="Je plant werk, roosters en taken voor een team in een digitale "
        "planningstool en deelt de planning.",
        nl_alt=("roosterprogramma gebruiken",),
    ),
    skill(
        "keep-contact-with-client", "S3.4", CROSS_SECTOR,
        en="keep in touch with the client organisation",
        nl="contact houden met de opdrachtgever",
        en_desc="Discuss wishes, complaints and changes with the contact person of the "
        "client organisation.",
        nl_desc="Je bespreekt wensen, klachten en veranderingen met de contactpersoon van de "
        "opdrachtgever.",
    ),
    skill(
        "write-short-reports", "S2", CROSS_SECTOR,
        en="write short work reports",
        nl="korte werkrapportages schrijven",
        en_desc="Write down clearly what has been done, what went wrong and what still needs "
        "to be done.",
        nl_desc="Je schrijft duidelijk op wat er is gedaan, wat er misging en wat er nog "
        "moet gebeuren.",
        nl_alt=("rapporteren",),
    ),
    skill(
        "apply-first-aid", "S3 T5", CROSS_SECTOR,
        en="apply first aid",
        nl="eerste hulp verlenen",
        en_desc="Give first aid for small injuries and in emergencies until professional "
        "help arrives.",
        nl_desc="Je helpt bij kleine verwondingen en in noodsituaties tot de hulpdiensten er "
        "zijn.",
        en_alt=("give first aid",),
        nl_alt=("EHBO", "eerste hulp"),
    ),
    skill(
        "assist-with-daily-activities", "S3", SECTOR_SPECIFIC,
        en="help clients with daily activities",
        nl="cliënten helpen bij dagelijkse bezigheden",
        en_desc="Help clients with dressing, eating, drinking and other daily activities, "
        "as agreed in the care plan.",
        nl_desc="Je helpt cliënten met aankleden, eten, drinken en andere dagelijkse "
        "dingen, zoals afgesproken in het zorgplan.",
        en_alt=("support activities of daily living",),
        nl_alt=("ADL-ondersteuning",),
    ),
    skill(
        "serve-meals-to-clients", "S3 S3.5", SECTOR_SPECIFIC,
        en="serve meals and drinks to clients",
        nl="maaltijden en drinken rondbrengen bij cliënten",
        en_desc="Prepare and serve meals and drinks to clients, taking diets and "
        "preferences into account.",
        nl_desc="Je maakt maaltijden en drinken klaar en brengt ze rond. Je let op diëten en "
        "wensen van cliënten.",
    ),
    skill(
        "keep-clients-company", "S3 T4", SECTOR_SPECIFIC,
        en="keep clients company",
        nl="cliënten gezelschap houden",
        en_desc="Talk with clients, listen to them and do small activities together such as "
        "games or a walk.",
        nl_desc="Je praat met cliënten, luistert naar ze en doet kleine activiteiten samen, "
        "zoals een spelletje of een wandeling.",
    ),
    skill(
        "support-client-mobility", "S3", SECTOR_SPECIFIC,
        en="support clients when moving around",
        nl="cliënten helpen bij lopen en verplaatsen",
        en_desc="Help clients walk, stand up and move, using aids such as a walker or "
        "wheelchair safely.",
        nl_desc="Je helpt cliënten bij lopen, opstaan en verplaatsen. Je gebruikt "
        "hulpmiddelen zoals een rollator of rolstoel veilig.",
    ),
    skill(
        "observe-and-report-client-changes", "S3 S2", SECTOR_SPECIFIC,
        en="notice and report changes in a client",
        nl="veranderingen bij een cliënt opmerken en melden",
        en_desc="Notice changes in a client's health, mood or behaviour and report them to "
        "the responsible carer.",
        nl_desc="Je merkt veranderingen in de gezondheid, stemming of het gedrag van een "
        "cliënt. Je meldt ze bij de verantwoordelijke zorgverlener.",
        nl_alt=("signaleren",),
    ),
    skill(
        "respect-client-privacy-and-dignity", "S3 T4", SECTOR_SPECIFIC,
        en="respect clients' privacy and dignity",
        nl="privacy en waardigheid van cliënten respecteren",
        en_desc="Treat clients as adults, knock before entering, ask permission and respect "
        "their own choices.",
        nl_desc="Je behandelt cliënten als volwassenen. Je klopt aan, vraagt toestemming en "
        "respecteert hun eigen keuzes.",
    ),
    skill(
        "support-group-activities", "S3", SECTOR_SPECIFIC,
        en="support group activities",
        nl="groepsactiviteiten begeleiden",
        en_desc="Prepare and help run group activities such as crafts, cooking, games and "
        "outings.",
        nl_desc="Je bereidt groepsactiviteiten voor, zoals knutselen, koken, spelletjes en "
        "uitjes, en je helpt erbij.",
    ),
    skill(
        "report-in-client-record", "S5 S3 S2", SECTOR_SPECIFIC,
        en="report in an electronic client record",
        nl="rapporteren in een elektronisch cliëntdossier",
        en_desc="Write short, factual reports about care and observations in the electronic "
        "client record.",
        nl_desc="Je schrijft korte, feitelijke rapportages over zorg en wat je ziet in het "
        "elektronisch cliëntdossier (ECD).",
        en_alt=("use an electronic care record",),
        nl_alt=("ECD gebruiken", "rapporteren in het ECD"),
    ),
    skill(
        "communicate-with-older-people", "S3 T4", SECTOR_SPECIFIC,
        en="communicate with older people",
        nl="communiceren met ouderen",
        en_desc="Talk with older people calmly and clearly, adapting to hearing, memory or "
        "other limitations.",
        nl_desc="Je praat rustig en duidelijk met ouderen. Je past je aan als iemand slecht "
        "hoort of dingen vergeet.",
    ),
]

# Everyday digital skills, so that every DigComp 2.2 competence has a starter skill (see
# DIGCOMP_COMPETENCES below).
EVERYDAY_DIGITAL_SKILLS = [
    skill(
        "check-online-information", "T1 S5", TRANSVERSAL,
        en="check whether online information is reliable",
        nl="nagaan of informatie op internet klopt",
        en_desc="Compare sources, recognise advertising, fake news and scams, and check who "
        "wrote a text before you trust it.",
        nl_desc="Je vergelijkt bronnen. Je herkent reclame, nepnieuws en oplichting. Je "
        "kijkt wie een tekst heeft geschreven voordat je hem gelooft.",
        en_alt=("recognise fake news",),
        nl_alt=("nepnieuws herkennen",),
    ),
    skill(
        "save-and-find-files", "T1 S5", TRANSVERSAL,
        en="save and find files",
        nl="bestanden opslaan en terugvinden",
        en_desc="Save files and photos in folders with clear names, on the computer or in "
        "the cloud, and find them again later.",
        nl_desc="Je bewaart bestanden en foto's in mappen met duidelijke namen, op de "
        "computer of in de cloud. Je vindt ze later weer terug.",
        en_alt=("organise files in folders",),
        nl_alt=("bestanden ordenen in mappen",),
    ),
    skill(
        "share-files-and-photos", "T1 S5", TRANSVERSAL,
        en="share files and photos digitally",
        nl="bestanden en foto's digitaal delen",
        en_desc="Send a photo, document or link to the right people with a phone or "
        "computer, for example a photo of damage to the office.",
        nl_desc="Je stuurt een foto, document of link naar de juiste mensen met je telefoon "
        "of computer. Bijvoorbeeld een foto van schade naar kantoor.",
    ),
    skill(
        "use-team-chat-app", "T1 S5", TRANSVERSAL,
        en="coordinate work in a team chat app",
        nl="werk afstemmen in de groepsapp van het team",
        en_desc="Use the team's group chat to agree on tasks, share information and tell "
        "colleagues when plans change.",
        nl_desc="Je gebruikt de groepsapp van je team. Je maakt afspraken over taken en "
        "deelt informatie. Je laat collega's weten als de planning verandert.",
        en_alt=("use a group chat for work",),
        nl_alt=("werkapp gebruiken",),
    ),
    skill(
        "communicate-politely-online", "T1 S5", TRANSVERSAL,
        en="communicate politely online",
        nl="netjes communiceren via app en e-mail",
        en_desc="Write friendly, clear messages in apps and e-mails, choose the right "
        "moment and channel, and keep to the rules of online contact.",
        nl_desc="Je schrijft vriendelijke en duidelijke berichten in apps en e-mails. Je "
        "kiest het goede moment en de goede manier. Je houdt je aan de regels voor contact "
        "online.",
        en_alt=("follow netiquette",),
        nl_alt=("netiquette volgen",),
    ),
    skill(
        "manage-online-accounts", "T1 S5", TRANSVERSAL,
        en="manage your online accounts",
        nl="je eigen online accounts beheren",
        en_desc="Create and keep up accounts for work apps and websites, choose what you "
        "share about yourself and close accounts you no longer use.",
        nl_desc="Je maakt accounts aan voor apps en websites van je werk en houdt ze bij. "
        "Je kiest wat je over jezelf deelt. Je sluit accounts die je niet meer gebruikt.",
    ),
    skill(
        "adapt-documents-and-templates", "S5", CROSS_SECTOR,
        en="adapt existing documents and templates",
        nl="bestaande documenten en sjablonen aanpassen",
        en_desc="Change an existing document, list or template, such as a menu, a sign or "
        "a checklist, and add new text or pictures to it.",
        nl_desc="Je past een bestaand document, lijst of sjabloon aan, zoals een menukaart, "
        "een bordje of een checklist. Je zet er nieuwe tekst of plaatjes in.",
    ),
    knowledge(
        "copyright-of-pictures-and-texts", "K S5", CROSS_SECTOR,
        en="copyright of pictures and texts",
        nl="auteursrecht op foto's en teksten",
        en_desc="The basic rules on which pictures, music and texts from the internet you "
        "may use and share, and how to ask or name the maker.",
        nl_desc="De basisregels over welke foto's, muziek en teksten van internet je mag "
        "gebruiken en delen. En hoe je de maker om toestemming vraagt of noemt.",
    ),
    skill(
        "program-simple-steps", "S5 S8", CROSS_SECTOR,
        en="program simple steps for a machine or robot",
        nl="eenvoudige stappen programmeren voor een machine of robot",
        en_desc="Put simple step-by-step instructions into a machine, a robot or a "
        "computer program, test them and correct mistakes.",
        nl_desc="Je zet eenvoudige stappen in een machine, een robot of een "
        "computerprogramma. Je test ze en verbetert fouten.",
    ),
    skill(
        "use-screens-healthily", "T1 S5", TRANSVERSAL,
        en="use screens in a healthy way",
        nl="gezond omgaan met schermen",
        en_desc="Take screen breaks, set up the screen well, limit phone use during work "
        "and know what to do about online bullying.",
        nl_desc="Je neemt pauzes van het scherm en zet je scherm goed neer. Je gebruikt je "
        "telefoon niet te veel tijdens het werk. Je weet wat je doet bij online pesten.",
    ),
    skill(
        "use-devices-sustainably", "T1 S5", TRANSVERSAL,
        en="use digital devices in an environmentally friendly way",
        nl="digitale apparaten milieubewust gebruiken",
        en_desc="Save energy by switching devices off, print only when needed, and hand in "
        "old phones, computers and cables for reuse or recycling.",
        nl_desc="Je bespaart energie door apparaten uit te zetten. Je print alleen als het "
        "nodig is. Je levert oude telefoons, computers en kabels in voor hergebruik of "
        "recycling.",
    ),
    skill(
        "solve-simple-device-problems", "T1 S5", TRANSVERSAL,
        en="solve simple problems with computers and phones",
        nl="eenvoudige problemen met computer en telefoon oplossen",
        en_desc="Restart a device, check cables, Wi-Fi and paper, try the usual fixes and "
        "know when to ask whom for help.",
        nl_desc="Je start een apparaat opnieuw op. Je controleert kabels, wifi en papier. Je "
        "probeert de bekende oplossingen en weet wanneer je wie om hulp vraagt.",
    ),
    skill(
        "adjust-device-settings", "T1 S5", TRANSVERSAL,
        en="set up a phone or tablet to suit the user",
        nl="een telefoon of tablet instellen voor de gebruiker",
        en_desc="Choose the right app and settings for what someone needs, such as larger "
        "letters, reading aloud or a simpler home screen.",
        nl_desc="Je kiest de goede app en instellingen voor wat iemand nodig heeft. "
        "Bijvoorbeeld grotere letters, voorlezen of een eenvoudig beginscherm.",
    ),
    skill(
        "improve-work-with-digital-tools", "S5", CROSS_SECTOR,
        en="find digital ways to make work easier",
        nl="digitale oplossingen bedenken om het werk makkelijker te maken",
        en_desc="Notice where a digital tool such as a list, an app or a label printer "
        "could save time or prevent mistakes, try it out and share it with the team.",
        nl_desc="Je ziet waar een digitaal hulpmiddel tijd kan besparen of fouten kan "
        "voorkomen, zoals een lijst, een app of een labelprinter. Je probeert het uit en "
        "deelt het met je team.",
    ),
]

SKILLS = (
    TRANSVERSAL_SKILLS
    + KNOWLEDGE_ITEMS
    + CLEANING_SKILLS
    + KITCHEN_SKILLS
    + LOGISTICS_SKILLS
    + GREEN_SKILLS
    + PRODUCTION_SKILLS
    + RETAIL_SKILLS
    + OFFICE_SKILLS
    + BICYCLE_SKILLS
    + LAUNDRY_AND_RECYCLING_SKILLS
    + FACILITY_AND_CARE_SKILLS
    + EVERYDAY_DIGITAL_SKILLS
)


# --------------------------------------------------------------------------------------
# Occupations
#
# Entry-level WISE work and the rung above it. Digital skills are deliberately
# concentrated in the higher rung (e.g. warehouse worker -> stock clerk, shop assistant
# -> cashier, office cleaner -> cleaning team leader) so that they show up as a gap.
# --------------------------------------------------------------------------------------

OCCUPATIONS = [
    # --- cleaning ---
    occupation(
        "office-cleaner", "9112",
        en="office cleaner",
        nl="schoonmaker kantoren",
        en_alt=("cleaner", "commercial cleaner", "building cleaner", "cleaning operative"),
        nl_alt=("schoonmaakmedewerker", "schoonmaker", "schoonmaakster",
                "medewerker schoonmaak", "kantoorschoonmaker", "interieurverzorger"),
        en_hidden=("cleaning lady",),
        nl_hidden=("werkster", "poetsvrouw"),
        en_desc="Office cleaners clean offices, corridors, pantries and toilets, usually "
        "early in the morning or in the evening. They follow a cleaning schedule and use "
        "cleaning agents and equipment safely.",
        nl_desc="Je maakt kantoren, gangen, pantry's en toiletten schoon. Je werkt vaak vroeg "
        "in de ochtend of 's avonds. Je volgt een schoonmaakplan en werkt veilig met "
        "middelen en machines.",
        essential="""
            sweep-and-mop-floors vacuum-floors dust-surfaces clean-sanitary-facilities
            empty-waste-bins handle-cleaning-chemicals dose-cleaning-agents
            apply-colour-coded-cleaning clean-glass-surfaces sort-waste-for-recycling
            follow-written-instructions follow-safety-instructions work-independently
            be-punctual
        """,
        optional="""
            operate-floor-scrubber cleaning-agents report-defects use-a-work-schedule-app
            register-working-hours speak-dutch-at-work
        """,
    ),
    occupation(
        "room-attendant", "9112",
        en="room attendant",
        nl="medewerker huishoudelijke dienst",
        en_alt=("housekeeping attendant", "chambermaid", "hotel housekeeper"),
        nl_alt=("kamermeisje", "roomattendant", "medewerker housekeeping",
                "schoonmaker hotel", "schoonmaakmedewerker hotel", "kamerjongen"),
        en_desc="Room attendants clean and tidy hotel rooms and bathrooms, make the beds and "
        "restock supplies, so that every room is ready for the next guest on time.",
        nl_desc="Je maakt hotelkamers en badkamers schoon, je maakt de bedden op en vult de "
        "kamers aan. Zo is elke kamer op tijd klaar voor de volgende gast.",
        essential="""
            clean-guest-rooms make-beds clean-sanitary-facilities vacuum-floors
            dust-surfaces clean-glass-surfaces handle-cleaning-chemicals
            apply-colour-coded-cleaning report-defects handle-confidential-information
            manage-own-time lift-and-carry-safely
        """,
        optional="""
            be-customer-friendly speak-dutch-at-work use-a-work-schedule-app fold-linen
            work-in-a-team register-working-hours
        """,
    ),
    occupation(
        "industrial-cleaner", "9129",
        en="industrial cleaner",
        nl="industrieel schoonmaker",
        en_alt=("industrial cleaning operative", "factory cleaner"),
        nl_alt=("schoonmaakmedewerker industrie", "industriële reiniger",
                "schoonmaker productiehal", "reinigingsmedewerker"),
        en_desc="Industrial cleaners clean production halls, machines and installations in "
        "factories and warehouses, often with high-pressure cleaners and scrubber dryers, "
        "and follow strict safety rules.",
        nl_desc="Je maakt productiehallen, machines en installaties schoon in fabrieken en "
        "magazijnen. Je werkt vaak met een hogedrukreiniger of schrobzuigmachine. Je houdt "
        "je goed aan de veiligheidsregels.",
        essential="""
            clean-industrial-equipment use-high-pressure-cleaner operate-floor-scrubber
            sweep-and-mop-floors handle-cleaning-chemicals hazard-symbols machine-safety
            use-personal-protective-equipment follow-safety-instructions
            work-at-height-safely lift-and-carry-safely work-in-a-team
        """,
        optional="""
            use-ladders-safely cleaning-agents sort-waste-for-recycling report-defects
            fill-in-digital-forms
        """,
    ),
    occupation(
        "window-cleaner", "9123",
        en="window cleaner",
        nl="glazenwasser",
        en_alt=("window washer", "glass cleaner"),
        nl_alt=("glazenwasster", "ramenlapper", "medewerker glasbewassing",
                "schoonmaker glasbewassing"),
        en_desc="Window cleaners clean windows, frames and other glass of offices, shops and "
        "homes, inside and outside, using ladders, water-fed poles or aerial platforms.",
        nl_desc="Je wast ramen, kozijnen en ander glas van kantoren, winkels en huizen, binnen "
        "en buiten. Je werkt met ladders, een waterhengel of een hoogwerker.",
        essential="""
            clean-windows clean-glass-surfaces use-squeegee use-water-fed-pole
            work-at-height-safely use-ladders-safely work-outdoors
            follow-safety-instructions use-personal-protective-equipment work-independently
            be-customer-friendly manage-own-time
        """,
        optional="""
            handle-cleaning-chemicals drive-a-van use-a-work-schedule-app report-defects
            use-team-chat-app
        """,
    ),
    occupation(
        "domestic-cleaner", "9111",
        en="domestic cleaner",
        nl="huishoudelijke hulp",
        en_alt=("home help", "household cleaner", "domestic helper"),
        nl_alt=("hulp in de huishouding", "thuishulp", "huishoudelijk medewerker",
                "schoonmaker particulieren", "schoonmaakster", "alfahulp"),
        en_desc="Domestic cleaners clean and tidy people's homes, often for older people or "
        "people with a disability, and do light household tasks as agreed.",
        nl_desc="Je maakt huizen van mensen schoon en ruimt op. Vaak werk je bij ouderen of "
        "mensen met een beperking. Je doet ook lichte taken in het huishouden, zoals "
        "afgesproken.",
        essential="""
            clean-private-homes vacuum-floors sweep-and-mop-floors dust-surfaces
            clean-sanitary-facilities do-light-household-tasks make-beds
            handle-cleaning-chemicals work-respectfully-in-homes
            handle-confidential-information work-independently be-punctual act-reliably
        """,
        optional="""
            iron-textiles communicate-with-older-people observe-and-report-client-changes
            use-a-work-schedule-app speak-dutch-at-work report-defects
            register-working-hours
        """,
    ),
    occupation(
        "cleaning-team-leader", "5151",
        en="cleaning team leader",
        nl="teamleider schoonmaak",
        en_alt=("cleaning supervisor", "head cleaner", "working foreman cleaning"),
        nl_alt=("voorman schoonmaak", "voorvrouw schoonmaak", "objectleider schoonmaak",
                "meewerkend voorman schoonmaak", "leidinggevende schoonmaak"),
        en_desc="Cleaning team leaders plan and supervise the work of a cleaning team at one "
        "or more locations, check the quality, order supplies and are the contact for the "
        "client. They often clean along with the team.",
        nl_desc="Je plant en stuurt het werk van een schoonmaakteam op een of meer locaties. "
        "Je controleert de kwaliteit, bestelt middelen en bent het aanspreekpunt voor de "
        "klant. Vaak werk je zelf mee.",
        essential="""
            supervise-team instruct-colleagues plan-team-work check-cleaning-quality
            keep-contact-with-client handle-complaints use-digital-planning-tool
            send-and-read-email fill-in-digital-forms order-supplies-online
            write-short-reports cleaning-agents cleaning-methods workplace-safety-rules
        """,
        optional="""
            operate-floor-scrubber use-a-computer use-spreadsheets protect-personal-data
            cope-with-pressure respect-diversity speak-dutch-at-work follow-e-learning
        """,
    ),
    # --- catering and kitchen ---
    occupation(
        "kitchen-assistant", "9412",
        en="kitchen assistant",
        nl="keukenhulp",
        en_alt=("kitchen helper", "kitchen hand", "food preparation assistant"),
        nl_alt=("keukenassistent", "keukenmedewerker", "medewerker keuken",
                "hulp in de keuken", "keukenhulp catering"),
        en_desc="Kitchen assistants help cooks by preparing ingredients, making simple "
        "dishes such as sandwiches, washing up and keeping the kitchen clean.",
        nl_desc="Je helpt de kok. Je maakt ingrediënten klaar, maakt eenvoudige dingen zoals "
        "broodjes, wast af en houdt de keuken schoon.",
        essential="""
            prepare-ingredients use-food-cutting-tools prepare-sandwiches
            follow-food-hygiene apply-personal-hygiene clean-kitchen wash-dishes store-food
            follow-recipes sort-waste-for-recycling stand-for-long-periods
            follow-verbal-instructions work-in-a-team
        """,
        optional="""
            prepare-cold-dishes operate-dishwasher check-goods-against-delivery-note haccp
            food-allergens show-willingness-to-learn use-a-work-schedule-app
        """,
    ),
    occupation(
        "dishwasher", "9412",
        en="dishwasher",
        nl="afwasser",
        en_alt=("kitchen porter", "pot washer", "dish washer"),
        nl_alt=("afwashulp", "bordenwasser", "medewerker spoelkeuken",
                "spoelkeukenmedewerker", "afwasmedewerker", "plongeur"),
        en_desc="Dishwashers wash dishes, glasses, pots and pans by hand and with "
        "industrial dishwashers, and keep the dishwashing area and kitchen floor clean.",
        nl_desc="Je wast borden, glazen en pannen af, met de hand en met een grote "
        "vaatwasser. Je houdt de spoelkeuken en de keukenvloer schoon.",
        essential="""
            wash-dishes operate-dishwasher clean-kitchen follow-food-hygiene
            apply-personal-hygiene handle-cleaning-chemicals sort-waste-for-recycling
            keep-work-area-clean perform-repetitive-tasks stand-for-long-periods
            lift-and-carry-safely follow-verbal-instructions work-in-a-team
        """,
        optional="""
            prepare-ingredients sweep-and-mop-floors use-personal-protective-equipment
            use-a-work-schedule-app speak-dutch-at-work register-working-hours
        """,
    ),
    occupation(
        "cook", "5120",
        en="cook",
        nl="kok",
        en_alt=("chef", "restaurant cook", "line cook", "canteen cook"),
        nl_alt=("zelfstandig werkend kok", "kokkin", "restaurantkok", "kok grootkeuken",
                "cateringkok"),
        en_desc="Cooks prepare hot and cold dishes according to recipes, keep to food safety "
        "rules, order supplies and guide kitchen staff.",
        nl_desc="Je maakt warme en koude gerechten volgens recepten. Je houdt je aan de regels "
        "voor voedselveiligheid, bestelt ingrediënten en begeleidt de keukenmedewerkers.",
        essential="""
            apply-cooking-techniques prepare-hot-dishes prepare-cold-dishes follow-recipes
            present-dishes follow-food-hygiene haccp record-food-safety-digitally
            food-allergens calculate-portions operate-kitchen-equipment store-food
            order-supplies-online instruct-colleagues cope-with-pressure
        """,
        optional="""
            reduce-food-waste supervise-team inform-guests-about-allergens
            check-goods-against-delivery-note send-and-read-email use-spreadsheets
            use-a-work-schedule-app
            adapt-documents-and-templates
        """,
    ),
    occupation(
        "assistant-cook", "5120",
        broader="cook",
        en="assistant cook",
        nl="hulpkok",
        en_alt=("commis chef", "junior cook", "cook's assistant"),
        nl_alt=("assistent-kok", "leerling-kok", "kok in opleiding", "commis de cuisine"),
        en_desc="Assistant cooks prepare ingredients and simple hot and cold dishes under the "
        "direction of a cook, and keep the kitchen clean and safe.",
        nl_desc="Je maakt ingrediënten en eenvoudige warme en koude gerechten klaar. De kok "
        "vertelt wat er moet gebeuren. Je houdt de keuken schoon en veilig.",
        essential="""
            prepare-ingredients use-food-cutting-tools prepare-cold-dishes prepare-salads
            prepare-hot-dishes apply-cooking-techniques follow-recipes follow-food-hygiene
            apply-personal-hygiene operate-kitchen-equipment clean-kitchen store-food
            work-in-a-team
        """,
        optional="""
            present-dishes haccp check-food-temperatures food-allergens
            record-food-safety-digitally reduce-food-waste accept-feedback
            use-a-work-schedule-app
        """,
    ),
    occupation(
        "waiter", "5131",
        en="waiter",
        nl="medewerker bediening",
        en_alt=("waitress", "server", "waiting staff"),
        nl_alt=("ober", "serveerster", "kelner", "bedieningsmedewerker",
                "horecamedewerker bediening", "serveerder"),
        en_desc="Waiters welcome guests, take orders, serve food and drinks at the table and "
        "settle the bill, in restaurants, cafés and lunchrooms.",
        nl_desc="Je ontvangt gasten, neemt bestellingen op, serveert eten en drinken aan tafel "
        "en rekent af. Je werkt in een restaurant, café of lunchroom.",
        essential="""
            welcome-guests set-tables take-orders use-handheld-ordering-device
            serve-food-and-drinks clear-tables inform-guests-about-allergens settle-bills
            handle-card-payments serve-alcohol-responsibly be-customer-friendly
            cope-with-pressure work-in-a-team
        """,
        optional="""
            prepare-hot-drinks handle-cash alcohol-law-and-social-hygiene handle-complaints
            speak-dutch-at-work use-a-work-schedule-app
        """,
    ),
    occupation(
        "barista", "5132",
        en="barista",
        nl="barista",
        en_alt=("coffee bar attendant", "coffee maker"),
        nl_alt=("medewerker koffiebar", "koffiebarmedewerker", "koffiespecialist",
                "horecamedewerker koffie"),
        en_desc="Baristas prepare espresso and other coffee specialities, serve customers at "
        "the counter and keep the coffee machine and bar clean.",
        nl_desc="Je maakt espresso en andere koffiespecialiteiten. Je helpt klanten aan de bar "
        "en houdt de koffiemachine en de bar schoon.",
        essential="""
            prepare-espresso-drinks maintain-coffee-machine coffee-varieties
            prepare-hot-drinks follow-food-hygiene take-orders use-till-system
            handle-card-payments be-customer-friendly keep-work-area-clean work-in-a-team
        """,
        optional="""
            prepare-sandwiches handle-cash sell-products food-allergens
            use-a-work-schedule-app
        """,
    ),
    occupation(
        "catering-assistant", "5246",
        en="catering assistant",
        nl="cateringmedewerker",
        en_alt=("canteen assistant", "food service assistant", "counter assistant"),
        nl_alt=("medewerker bedrijfsrestaurant", "kantinemedewerker", "medewerker catering",
                "lunchroommedewerker", "horecamedewerker"),
        en_desc="Catering assistants prepare and serve lunches, snacks and drinks in company "
        "restaurants, canteens and lunchrooms, work at the till and keep the counter clean.",
        nl_desc="Je maakt lunch, snacks en drinken klaar en geeft ze uit in een "
        "bedrijfsrestaurant, kantine of lunchroom. Je werkt ook op de kassa en houdt de "
        "balie schoon.",
        essential="""
            serve-food-at-counter prepare-sandwiches prepare-hot-drinks set-up-buffet
            follow-food-hygiene apply-personal-hygiene check-best-before-dates
            use-till-system handle-card-payments be-customer-friendly clear-tables
            clean-kitchen work-in-a-team
        """,
        optional="""
            prepare-cold-dishes food-allergens handle-cash reduce-food-waste store-food
            adapt-to-change use-a-work-schedule-app
        """,
    ),
    # --- logistics and warehouse ---
    occupation(
        "warehouse-worker", "9333",
        en="warehouse worker",
        nl="magazijnmedewerker",
        en_alt=("warehouse operative", "warehouse associate", "logistics worker"),
        nl_alt=("magazijnhulp", "logistiek medewerker", "medewerker logistiek",
                "magazijnmedewerkster", "loodsmedewerker", "medewerker expeditie"),
        nl_hidden=("magazijnier", "magazijnknecht"),
        en_desc="Warehouse workers receive, store, pick, pack and dispatch goods, using hand "
        "scanners and pallet trucks, and keep the warehouse safe and orderly.",
        nl_desc="Je ontvangt goederen, slaat ze op, verzamelt orders, pakt ze in en maakt ze "
        "klaar voor verzending. Je werkt met een handscanner en palletwagen en houdt het "
        "magazijn veilig en netjes.",
        essential="""
            load-and-unload-goods check-goods-against-delivery-note store-goods pick-orders
            use-handheld-scanner operate-pallet-truck stack-goods-on-pallets wrap-pallets
            prepare-shipments warehouse-processes lift-and-carry-safely
            follow-safety-instructions work-in-a-team
        """,
        optional="""
            operate-electric-pallet-truck operate-forklift rotate-stock process-returns
            count-stock use-warehouse-management-system use-a-work-schedule-app
        """,
    ),
    occupation(
        "order-picker", "9333",
        broader="warehouse-worker",
        en="order picker",
        nl="orderpicker",
        en_alt=("warehouse order picker", "picker", "order selector"),
        nl_alt=("orderpickster", "orderverzamelaar", "medewerker orderpicking",
                "pickingmedewerker", "magazijnmedewerker orderpicken"),
        nl_hidden=("orderpikker", "order-picker"),
        en_desc="Order pickers collect products from the warehouse shelves for customer "
        "orders, with a pick list, hand scanner or pick-by-voice headset, and put them "
        "ready for dispatch.",
        nl_desc="Je haalt producten uit de stellingen in het magazijn voor orders van klanten. "
        "Je werkt met een picklijst, handscanner of headset. Je zet de orders klaar voor "
        "verzending.",
        essential="""
            pick-orders use-handheld-scanner operate-pallet-truck
            operate-electric-pallet-truck stack-goods-on-pallets label-packages
            lift-and-carry-safely work-accurately manage-own-time perform-repetitive-tasks
            read-simple-dutch-texts follow-safety-instructions
        """,
        optional="""
            use-pick-by-voice wrap-pallets prepare-shipments operate-forklift
            warehouse-processes
        """,
    ),
    occupation(
        "forklift-driver", "8344",
        en="forklift driver",
        nl="heftruckchauffeur",
        en_alt=("forklift operator", "lift truck operator", "reach truck driver"),
        nl_alt=("heftruckbestuurder", "heftruckchauffeuse", "reachtruckchauffeur",
                "vorkheftruckchauffeur", "magazijnmedewerker heftruck"),
        nl_hidden=("heftruckchaufeur", "heftrucker"),
        en_desc="Forklift drivers load and unload trucks and move and store pallets in the "
        "warehouse with a forklift or reach truck, safely and without damage.",
        nl_desc="Je laadt en lost vrachtwagens en verplaatst pallets in het magazijn met een "
        "heftruck of reachtruck. Je werkt veilig en zonder schade.",
        essential="""
            operate-forklift check-forklift-daily forklift-safety-rules
            load-and-unload-goods stack-goods-on-pallets secure-loads store-goods
            use-handheld-scanner warehouse-processes follow-safety-instructions
            work-accurately concentrate-on-tasks
        """,
        optional="""
            operate-reach-truck operate-electric-pallet-truck
            use-warehouse-management-system count-stock report-defects
            communicate-with-colleagues follow-e-learning
        """,
    ),
    occupation(
        "stock-clerk", "4321",
        en="stock clerk",
        nl="voorraadbeheerder",
        en_alt=("inventory clerk", "stock controller", "stores clerk"),
        nl_alt=("voorraadadministrateur", "magazijnadministrateur",
                "medewerker voorraadbeheer", "logistiek administratief medewerker",
                "voorraadmedewerker"),
        en_desc="Stock clerks keep the stock records of a warehouse or shop correct: they book "
        "incoming and outgoing goods in the warehouse system, count stock and order new "
        "supplies.",
        nl_desc="Je zorgt dat de voorraad in het systeem klopt. Je boekt goederen in en uit in "
        "het magazijnsysteem, telt de voorraad en bestelt nieuwe spullen.",
        essential="""
            count-stock keep-stock-records use-warehouse-management-system use-spreadsheets
            use-a-computer send-and-read-email check-goods-against-delivery-note
            process-returns rotate-stock order-supplies-online warehouse-processes
            work-accurately report-problems
        """,
        optional="""
            use-handheld-scanner check-data-for-errors enter-data operate-pallet-truck
            write-short-reports protect-personal-data
            improve-work-with-digital-tools
        """,
    ),
    occupation(
        "delivery-driver", "8322",
        en="delivery driver",
        nl="pakketbezorger",
        en_alt=("van driver", "parcel delivery driver", "courier"),
        nl_alt=("bezorger", "pakketbezorgster", "koerier", "chauffeur bestelbus",
                "bestelwagenchauffeur", "bezorger pakketdienst"),
        en_desc="Delivery drivers load a van, drive a delivery route and deliver parcels to "
        "homes and businesses, confirming each delivery in an app.",
        nl_desc="Je laadt een bestelbus in, rijdt een route en bezorgt pakketten bij huizen en "
        "bedrijven. Je meldt elke levering af in een app.",
        essential="""
            drive-a-van traffic-rules plan-delivery-route use-navigation-app deliver-parcels
            confirm-deliveries-in-app use-handheld-scanner load-and-unload-goods
            lift-and-carry-safely be-customer-friendly manage-own-time work-independently
        """,
        optional="""
            secure-loads use-a-smartphone handle-complaints fill-in-digital-forms
            speak-dutch-at-work act-reliably
            manage-online-accounts
        """,
    ),
    occupation(
        "post-sorter", "4412",
        en="postal sorter",
        nl="postsorteerder",
        en_alt=("mail sorter", "sorting clerk", "parcel sorter"),
        nl_alt=("sorteerder post", "medewerker postsortering", "pakketsorteerder",
                "sorteermedewerker", "postverwerker"),
        en_desc="Postal sorters sort letters and parcels by hand and with sorting machines in "
        "a sorting centre or depot, so that they reach the right route.",
        nl_desc="Je sorteert brieven en pakketten met de hand en met sorteermachines in een "
        "sorteercentrum of depot. Zo komen ze op de goede route terecht.",
        essential="""
            sort-mail sort-parcels feed-sorting-machine use-handheld-scanner
            read-simple-dutch-texts lift-and-carry-safely perform-repetitive-tasks
            stand-for-long-periods work-accurately follow-safety-instructions work-in-a-team
            be-punctual
        """,
        optional="""
            operate-pallet-truck load-and-unload-goods label-packages concentrate-on-tasks
        """,
    ),
    # --- office and reception ---
    occupation(
        "mail-room-assistant", "4412",
        en="mail room assistant",
        nl="postkamermedewerker",
        en_alt=("mail clerk", "post room assistant", "mailroom clerk"),
        nl_alt=("medewerker postkamer", "postkamermedewerkster", "medewerker postverwerking",
                "postkamerassistent", "medewerker interne post"),
        en_desc="Mail room assistants receive, register, scan and distribute incoming mail in "
        "an organisation and prepare and frank outgoing mail and parcels.",
        nl_desc="Je ontvangt, registreert en scant de binnenkomende post van een organisatie "
        "en brengt die rond. Je maakt uitgaande post en pakketten klaar en frankeert ze.",
        essential="""
            register-incoming-mail scan-documents sort-mail distribute-internal-mail
            frank-mail label-packages operate-office-equipment
            handle-confidential-information work-accurately manage-own-time be-punctual
        """,
        optional="""
            use-digital-archive send-and-read-email use-a-computer file-documents
            protect-personal-data act-reliably
            save-and-find-files
        """,
    ),
    occupation(
        "receptionist", "4226",
        en="receptionist",
        nl="receptionist",
        en_alt=("front desk clerk", "front office assistant", "telephonist"),
        nl_alt=("receptioniste", "baliemedewerker", "medewerker receptie", "gastvrouw",
                "gastheer", "telefoniste", "telefonist", "receptiemedewerker"),
        en_desc="Receptionists welcome and register visitors, answer the telephone, give "
        "information and manage appointments at the front desk of an organisation.",
        nl_desc="Je ontvangt en registreert bezoekers, neemt de telefoon op, geeft informatie "
        "en plant afspraken bij de receptie van een organisatie.",
        essential="""
            welcome-visitors use-visitor-registration-system handle-phone-calls
            use-phone-system manage-digital-calendar send-and-read-email use-a-computer
            be-customer-friendly speak-dutch-at-work handle-confidential-information
            protect-personal-data fire-safety-procedures
        """,
        optional="""
            use-word-processor handle-complaints apply-first-aid write-business-messages
            make-video-calls register-incoming-mail respect-diversity
            communicate-politely-online
        """,
    ),
    occupation(
        "office-assistant", "4110",
        en="office assistant",
        nl="administratief medewerker",
        en_alt=("office clerk", "administrative assistant", "clerical assistant"),
        nl_alt=("kantoormedewerker", "medewerker administratie", "kantoorassistent",
                "administratief assistent", "administratief medewerkster", "kantoorhulp"),
        en_desc="Office assistants do general office work: they process and file documents, "
        "enter data, write simple letters and e-mails and answer the telephone.",
        nl_desc="Je doet algemeen kantoorwerk. Je verwerkt en archiveert documenten, voert "
        "gegevens in, schrijft eenvoudige brieven en e-mails en neemt de telefoon op.",
        essential="""
            use-a-computer use-word-processor use-spreadsheets send-and-read-email
            file-documents enter-data write-business-messages operate-office-equipment
            handle-phone-calls protect-personal-data use-passwords-safely work-accurately
            manage-own-time
        """,
        optional="""
            manage-digital-calendar use-digital-archive scan-documents use-database
            check-data-for-errors make-video-calls search-information-online adapt-to-change
        """,
    ),
    occupation(
        "data-entry-clerk", "4132",
        en="data entry clerk",
        nl="data-entry medewerker",
        en_alt=("data entry operator", "data typist", "keyboard operator"),
        nl_alt=("datatypist", "medewerker gegevensinvoer", "invoermedewerker",
                "data entry medewerker", "medewerker data-invoer", "gegevensinvoerder"),
        en_desc="Data entry clerks type data from forms and documents into computer systems "
        "and check it for errors, quickly and accurately.",
        nl_desc="Je typt gegevens uit formulieren en documenten in computersystemen. Je "
        "controleert ze op fouten. Je werkt snel en precies.",
        essential="""
            enter-data type-accurately check-data-for-errors use-database use-spreadsheets
            use-a-computer protect-personal-data use-passwords-safely work-accurately
            concentrate-on-tasks perform-repetitive-tasks read-simple-dutch-texts
        """,
        optional="""
            scan-documents index-scanned-documents send-and-read-email use-word-processor
            file-documents privacy-rules search-information-online
            use-screens-healthily
        """,
    ),
    occupation(
        "document-scanning-clerk", "4415",
        en="document scanning clerk",
        nl="scanmedewerker",
        en_alt=("scanning operator", "digitisation assistant", "document imaging clerk"),
        nl_alt=("medewerker digitalisering", "documentscanner", "medewerker scanstraat",
                "archiefmedewerker", "medewerker documentverwerking"),
        en_desc="Document scanning clerks prepare paper archives for scanning, scan and index "
        "the documents and check the quality, so that files can be found digitally.",
        nl_desc="Je maakt papieren archieven klaar om te scannen. Je scant en indexeert de "
        "documenten en controleert de kwaliteit. Zo zijn de stukken digitaal terug te "
        "vinden.",
        essential="""
            prepare-documents-for-scanning scan-documents check-scan-quality
            index-scanned-documents use-digital-archive file-documents use-a-computer
            handle-confidential-information protect-personal-data work-accurately
            concentrate-on-tasks perform-repetitive-tasks
        """,
        optional="""
            enter-data type-accurately privacy-rules operate-office-equipment
            check-data-for-errors
            save-and-find-files
        """,
    ),
    # --- green maintenance ---
    occupation(
        "groundskeeper", "6113",
        en="groundskeeper",
        nl="groenvoorziener",
        en_alt=("grounds maintenance worker", "groundsman", "landscape maintenance worker"),
        nl_alt=("medewerker groenvoorziening", "groenmedewerker",
                "medewerker plantsoenendienst", "groenwerker", "terreinverzorger",
                "medewerker groen"),
        en_desc="Groundskeepers maintain parks, public green spaces and company grounds: they "
        "mow, trim hedges, remove weeds and litter and look after the machines they use.",
        nl_desc="Je onderhoudt parken, plantsoenen en bedrijfsterreinen. Je maait, knipt "
        "heggen, haalt onkruid en zwerfafval weg en onderhoudt je machines.",
        essential="""
            mow-lawns operate-ride-on-mower use-brush-cutter use-leaf-blower trim-hedges
            remove-weeds rake-leaves collect-litter maintain-garden-machinery work-outdoors
            use-personal-protective-equipment work-safely-near-traffic work-in-a-team
        """,
        optional="""
            prune-shrubs-and-trees plant-trees-and-shrubs plant-species drive-a-van
            fill-in-digital-forms use-a-work-schedule-app
            use-team-chat-app
        """,
    ),
    occupation(
        "gardeners-assistant", "9214",
        en="gardener's assistant",
        nl="hulp hovenier",
        en_alt=("garden labourer", "gardening assistant", "landscape labourer"),
        nl_alt=("assistent-hovenier", "assistent groenvoorziener", "tuinhulp", "groenhulp",
                "hulp groenvoorziening", "tuinknecht"),
        en_desc="Gardener's assistants do simple work in gardens and green spaces under "
        "supervision, such as weeding, raking, watering, planting and clearing up.",
        nl_desc="Je doet eenvoudig werk in tuinen en het groen, samen met een hovenier of "
        "groenvoorziener. Bijvoorbeeld wieden, harken, water geven, planten en opruimen.",
        essential="""
            remove-weeds rake-leaves mow-lawns water-plants plant-trees-and-shrubs
            collect-litter use-hand-tools keep-work-area-clean lift-and-carry-safely
            work-outdoors follow-verbal-instructions follow-safety-instructions
            work-in-a-team
        """,
        optional="""
            use-leaf-blower trim-hedges sort-waste-for-recycling
            use-personal-protective-equipment accept-feedback be-punctual
        """,
    ),
    occupation(
        "gardener", "6113",
        en="gardener",
        nl="hovenier",
        en_alt=("landscape gardener", "garden maintenance specialist"),
        nl_alt=("tuinman", "hovenierster", "tuinier", "tuinaanlegger", "allround hovenier"),
        en_desc="Gardeners lay out and maintain gardens for private and business customers: "
        "they plant, prune, lay paving and advise customers on garden care.",
        nl_desc="Je legt tuinen aan en onderhoudt ze voor particulieren en bedrijven. Je "
        "plant, snoeit, legt bestrating en geeft klanten advies over hun tuin.",
        essential="""
            prune-shrubs-and-trees plant-trees-and-shrubs plant-species lay-paving
            trim-hedges mow-lawns maintain-garden-machinery use-power-tools work-outdoors
            work-independently be-customer-friendly advise-customers send-and-read-email
        """,
        optional="""
            instruct-colleagues drive-a-van fill-in-digital-forms use-brush-cutter
            use-team-chat-app
        """,
    ),
    # --- assembly, production and packaging ---
    occupation(
        "packer", "9321",
        en="packer",
        nl="inpakker",
        en_alt=("hand packer", "packing operative", "packaging worker"),
        nl_alt=("inpakster", "inpakmedewerker", "verpakkingsmedewerker",
                "medewerker inpakafdeling", "verpakker", "medewerker verpakking"),
        en_desc="Packers pack, count, weigh and label products by hand, check them for "
        "defects and prepare them for transport.",
        nl_desc="Je pakt producten met de hand in. Je telt, weegt en etiketteert ze, kijkt of "
        "ze goed zijn en maakt ze klaar voor vervoer.",
        essential="""
            pack-products fold-boxes label-products count-products check-product-quality
            perform-repetitive-tasks work-accurately follow-written-instructions
            keep-work-area-clean work-in-a-team
        """,
        optional="""
            operate-packaging-machine wrap-pallets stack-goods-on-pallets sort-products
            use-handheld-scanner
        """,
    ),
    occupation(
        "production-worker", "9329",
        en="production worker",
        nl="productiemedewerker",
        en_alt=("factory hand", "production assistant", "manufacturing labourer"),
        nl_alt=("medewerker productie", "productiemedewerkster", "fabrieksmedewerker",
                "productiehulp", "lijnmedewerker"),
        en_desc="Production workers do simple, routine tasks in a factory or workshop, such as "
        "feeding machines, sorting, packing and checking products on a production line.",
        nl_desc="Je doet eenvoudig en vast werk in een fabriek of werkplaats. Bijvoorbeeld "
        "machines vullen, sorteren, inpakken en producten controleren aan een "
        "productielijn.",
        essential="""
            work-on-production-line feed-machine sort-products pack-products
            check-product-quality perform-repetitive-tasks stand-for-long-periods
            follow-safety-instructions use-personal-protective-equipment
            keep-work-area-clean follow-verbal-instructions work-in-a-team
        """,
        optional="""
            assemble-parts operate-pallet-truck count-products label-products
            report-problems show-willingness-to-learn register-working-hours
        """,
    ),
    occupation(
        "assembly-worker", "8219",
        en="assembly worker",
        nl="assemblagemedewerker",
        en_alt=("assembler", "product assembler", "assembly operative"),
        nl_alt=("montagemedewerker", "assembleur", "medewerker montage",
                "assemblagemedewerkster", "medewerker assemblage"),
        en_desc="Assembly workers put products together from parts with hand and power tools, "
        "following work instructions and drawings, and check the result.",
        nl_desc="Je zet producten in elkaar uit onderdelen. Je gebruikt handgereedschap en "
        "elektrisch gereedschap en werkt volgens instructies en tekeningen. Daarna "
        "controleer je het resultaat.",
        essential="""
            assemble-parts read-assembly-instructions use-hand-tools use-power-tools
            measure-products check-product-quality work-on-production-line work-accurately
            concentrate-on-tasks follow-written-instructions follow-safety-instructions
            keep-work-area-clean
        """,
        optional="""
            pack-products label-products record-production-data use-machine-touchscreen
            follow-production-planning work-ergonomically
        """,
    ),
    occupation(
        "production-operator", "8189",
        en="production operator",
        nl="productieoperator",
        en_alt=("production machine operator", "line operator"),
        nl_alt=("operator productie", "machineoperator productie", "lijnoperator",
                "productiemedewerker machinebediening", "operator"),
        en_desc="Production operators set up, run and monitor production machines, solve "
        "minor faults, do basic maintenance and record production data digitally.",
        nl_desc="Je stelt productiemachines in, bedient ze en houdt ze in de gaten. Je lost "
        "kleine storingen op, doet eenvoudig onderhoud en registreert productiegegevens "
        "digitaal.",
        essential="""
            set-up-machine monitor-machine-operations resolve-machine-faults
            perform-basic-machine-maintenance use-machine-touchscreen record-production-data
            follow-production-planning check-product-quality machine-safety use-a-computer
            follow-safety-instructions report-problems communicate-with-colleagues
            work-in-a-team
        """,
        optional="""
            instruct-colleagues measure-products send-and-read-email fill-in-digital-forms
            use-spreadsheets operate-forklift follow-e-learning
            program-simple-steps
        """,
    ),
    occupation(
        "packaging-machine-operator", "8183",
        en="packaging machine operator",
        nl="operator verpakkingsmachine",
        en_alt=("machine operator", "packing machine operator", "filling machine operator"),
        nl_alt=("machineoperator verpakking", "machinebediener", "machineoperator",
                "verpakkingsoperator", "medewerker verpakkingslijn"),
        en_desc="Packaging machine operators run machines that fill, pack, seal and label "
        "products, keep them supplied and solve minor faults.",
        nl_desc="Je bedient machines die producten vullen, inpakken, sealen en etiketteren. Je "
        "vult de machines bij en lost kleine storingen op.",
        essential="""
            operate-packaging-machine feed-machine monitor-machine-operations
            resolve-machine-faults set-up-machine use-machine-touchscreen
            check-product-quality label-products machine-safety follow-safety-instructions
            use-personal-protective-equipment keep-work-area-clean report-problems
        """,
        optional="""
            record-production-data perform-basic-machine-maintenance wrap-pallets
            operate-pallet-truck follow-production-planning adapt-to-change
        """,
    ),
    # --- retail ---
    occupation(
        "shop-assistant", "5223",
        en="shop assistant",
        nl="winkelmedewerker",
        en_alt=("sales assistant", "retail assistant", "shop worker"),
        nl_alt=("verkoopmedewerker", "winkelhulp", "winkelassistent", "medewerker winkel",
                "verkoopmedewerkster", "medewerker kringloopwinkel"),
        en_desc="Shop assistants help and advise customers, sell products, fill shelves, "
        "build displays and keep the shop tidy; they sometimes work at the till.",
        nl_desc="Je helpt klanten, geeft advies en verkoopt producten. Je vult schappen, "
        "bouwt presentaties op en houdt de winkel netjes. Soms sta je achter de kassa.",
        essential="""
            help-customers-find-products advise-customers sell-products be-customer-friendly
            stock-shelves price-products product-range keep-work-area-clean use-till-system
            handle-cash speak-dutch-at-work work-in-a-team
        """,
        optional="""
            handle-complaints handle-card-payments check-best-before-dates
            unpack-roll-containers use-handheld-scanner assess-goods-for-reuse
            show-initiative
            copyright-of-pictures-and-texts
        """,
    ),
    occupation(
        "shelf-stacker", "9334",
        en="shelf stacker",
        nl="vakkenvuller",
        en_alt=("shelf filler", "shelf replenisher", "night filler"),
        nl_alt=("schappenvuller", "vakkenvulster", "vulploegmedewerker",
                "medewerker vulploeg", "winkelhulp"),
        en_desc="Shelf stackers fill shelves in supermarkets and other shops, check dates, "
        "face products and keep the shop floor tidy.",
        nl_desc="Je vult de schappen in de supermarkt of een andere winkel. Je controleert "
        "datums, zet producten netjes naar voren en houdt de winkel opgeruimd.",
        essential="""
            stock-shelves face-shelves unpack-roll-containers check-best-before-dates
            rotate-stock price-products operate-pallet-truck help-customers-find-products
            lift-and-carry-safely keep-work-area-clean perform-repetitive-tasks
            work-in-a-team
        """,
        optional="""
            use-handheld-scanner sort-waste-for-recycling be-customer-friendly product-range
            use-a-work-schedule-app
        """,
    ),
    occupation(
        "cashier", "5230",
        en="cashier",
        nl="kassamedewerker",
        en_alt=("checkout operator", "till operator", "checkout assistant"),
        nl_alt=("caissière", "kassière", "kassamedewerkster", "medewerker kassa", "kassahulp",
                "caissier"),
        en_desc="Cashiers scan products and take payments at the till, by card, phone or cash, "
        "check customers' age for alcohol and tobacco and cash up at the end of the shift.",
        nl_desc="Je scant producten en laat klanten betalen aan de kassa, met pin, telefoon of "
        "contant. Je controleert de leeftijd bij alcohol en tabak en maakt aan het eind de "
        "kassa op.",
        essential="""
            use-till-system handle-card-payments handle-cash cash-up-till check-age
            be-customer-friendly handle-complaints apply-basic-numeracy work-accurately
            concentrate-on-tasks cope-with-pressure speak-dutch-at-work
        """,
        optional="""
            help-customers-find-products stock-shelves product-range sell-products
            use-a-work-schedule-app
        """,
    ),
    # --- bicycle repair ---
    occupation(
        "bicycle-mechanic", "7234",
        en="bicycle mechanic",
        nl="fietsenmaker",
        en_alt=("bicycle repairer", "bike mechanic", "cycle technician"),
        nl_alt=("fietstechnicus", "fietsmonteur", "fietsenmaakster", "rijwielhersteller",
                "tweewielermonteur", "e-bike monteur"),
        nl_hidden=("fietsemaker", "rijwielmonteur"),
        en_desc="Bicycle mechanics find and repair faults on bicycles and e-bikes, carry out "
        "services, read out e-bikes with diagnostic software and advise customers.",
        nl_desc="Je zoekt en repareert mankementen aan fietsen en e-bikes en geeft "
        "onderhoudsbeurten. Je leest e-bikes uit met software en geeft klanten advies.",
        essential="""
            diagnose-bicycle-faults service-bicycles repair-bicycle-tyres
            adjust-bicycle-brakes adjust-bicycle-gears replace-bicycle-chain
            true-bicycle-wheels repair-bicycle-lighting repair-e-bikes
            read-e-bike-diagnostics bicycle-parts register-repairs give-repair-estimate
            use-hand-tools be-customer-friendly
        """,
        optional="""
            assemble-bicycles order-supplies-online instruct-colleagues sell-products
            handle-card-payments send-and-read-email search-information-online
            check-online-information
        """,
    ),
    occupation(
        "bicycle-mechanic-assistant", "7234",
        broader="bicycle-mechanic",
        en="bicycle mechanic assistant",
        nl="assistent-fietsenmaker",
        en_alt=("assistant bicycle mechanic", "bike workshop assistant",
                "junior bicycle repairer"),
        nl_alt=("hulp fietsenmaker", "fietsenmaker in opleiding", "leerling-fietsenmaker",
                "medewerker fietsenwerkplaats", "assistent-fietsmonteur"),
        en_desc="Bicycle mechanic assistants do simple repairs such as mending tyres, "
        "replacing chains and adjusting brakes, clean bicycles and assemble new ones, under "
        "the guidance of a bicycle mechanic.",
        nl_desc="Je doet eenvoudige reparaties, zoals banden plakken, kettingen vervangen en "
        "remmen afstellen. Je maakt fietsen schoon en monteert nieuwe fietsen af. Een "
        "fietsenmaker begeleidt je.",
        essential="""
            repair-bicycle-tyres replace-bicycle-chain adjust-bicycle-brakes
            repair-bicycle-lighting assemble-bicycles use-hand-tools bicycle-parts
            follow-verbal-instructions ask-for-help accept-feedback keep-work-area-clean
            work-accurately
        """,
        optional="""
            adjust-bicycle-gears service-bicycles true-bicycle-wheels register-repairs
            be-customer-friendly show-willingness-to-learn follow-e-learning
        """,
    ),
    # --- other ---
    occupation(
        "laundry-worker", "8157",
        en="laundry worker",
        nl="wasserijmedewerker",
        en_alt=("laundry attendant", "laundry operative", "linen room attendant"),
        nl_alt=("medewerker wasserij", "wasserijmedewerkster", "medewerker linnenkamer",
                "linnenkamermedewerker", "strijker", "medewerker strijkerij"),
        en_desc="Laundry workers sort, wash, dry, iron and fold laundry with industrial "
        "machines for hotels, care homes and companies, and check it for stains and damage.",
        nl_desc="Je sorteert, wast, droogt, strijkt en vouwt was met grote machines voor "
        "hotels, zorginstellingen en bedrijven. Je controleert de was op vlekken en schade.",
        essential="""
            sort-laundry operate-industrial-washing-machines
            operate-drying-and-ironing-machines fold-linen iron-textiles remove-stains
            textile-care-symbols handle-cleaning-chemicals stand-for-long-periods
            perform-repetitive-tasks follow-safety-instructions work-in-a-team
        """,
        optional="""
            apply-personal-hygiene prevent-infections count-products report-defects
            lift-and-carry-safely register-working-hours
        """,
    ),
    occupation(
        "recycling-sorter", "9612",
        en="recycling sorter",
        nl="recyclingmedewerker",
        en_alt=("waste sorter", "recycling worker", "sorting operative"),
        nl_alt=("afvalsorteerder", "sorteerder", "sorteerder kringloop",
                "medewerker afvalscheiding", "medewerker milieustraat", "sorteermedewerker"),
        en_desc="Recycling sorters sort collected waste and second-hand goods, take apart "
        "appliances and separate materials for reuse and recycling, at a recycling centre or "
        "second-hand shop.",
        nl_desc="Je sorteert ingezameld afval en tweedehands spullen. Je haalt apparaten uit "
        "elkaar en scheidt materialen voor hergebruik en recycling, bij een "
        "recyclingbedrijf of kringloopwinkel.",
        essential="""
            sort-waste-for-recycling recognise-materials separate-hazardous-waste
            waste-separation-rules assess-goods-for-reuse dismantle-appliances
            use-hand-tools use-personal-protective-equipment lift-and-carry-safely
            perform-repetitive-tasks follow-safety-instructions work-in-a-team
        """,
        optional="""
            operate-pallet-truck operate-forklift hazard-symbols sort-products
            register-working-hours
            use-devices-sustainably
        """,
    ),
    occupation(
        "caretaker", "5153",
        en="caretaker",
        nl="conciërge",
        en_alt=("building caretaker", "janitor", "facilities assistant"),
        nl_alt=("huismeester", "gebouwbeheerder", "facilitair medewerker",
                "medewerker facilitaire dienst", "huisbewaarder"),
        en_desc="Caretakers look after a school, office or residential building: they open and "
        "close it, do inspection rounds and small repairs, set up rooms and report faults.",
        nl_desc="Je zorgt voor een school, kantoor of wooncomplex. Je opent en sluit het "
        "gebouw, loopt rondes, doet kleine reparaties, zet zalen klaar en meldt storingen.",
        essential="""
            do-building-rounds open-and-close-building carry-out-minor-repairs set-up-rooms
            move-furniture use-facility-reporting-app report-defects fire-safety-procedures
            apply-first-aid send-and-read-email be-customer-friendly work-independently
        """,
        optional="""
            order-supplies-online paint-walls-and-woodwork assemble-furniture
            use-digital-planning-tool sweep-and-mop-floors empty-waste-bins show-initiative
            solve-simple-device-problems
        """,
    ),
    occupation(
        "handyman", "9622",
        en="handyman",
        nl="klusjesman",
        en_alt=("odd-job worker", "maintenance handyman", "repair person"),
        nl_alt=("klusser", "klusvrouw", "klussenman", "manusje-van-alles",
                "medewerker klussendienst", "onderhoudsmedewerker"),
        en_desc="Handymen do small repairs, painting, assembly and maintenance jobs in "
        "buildings, homes and grounds.",
        nl_desc="Je doet kleine reparaties, schilderwerk, montage en onderhoud in gebouwen, "
        "huizen en op terreinen.",
        essential="""
            carry-out-minor-repairs paint-walls-and-woodwork assemble-furniture
            use-hand-tools use-power-tools move-furniture use-ladders-safely
            building-maintenance-basics follow-safety-instructions work-independently
            keep-work-area-clean be-customer-friendly
        """,
        optional="""
            lay-paving work-respectfully-in-homes give-repair-estimate use-a-smartphone
            share-files-and-photos
        """,
    ),
    occupation(
        "care-assistant", "5321",
        en="care assistant",
        nl="zorghulp",
        en_alt=("healthcare assistant", "care helper", "nursing home assistant"),
        nl_alt=("helpende zorg en welzijn", "helpende", "zorgassistent",
                "huiskamermedewerker", "medewerker zorg", "woonbegeleider (assistent)"),
        en_desc="Care assistants help older people or people with a disability with daily "
        "activities, meals and company, and report changes to the responsible carer.",
        nl_desc="Je helpt ouderen of mensen met een beperking bij dagelijkse dingen, bij het "
        "eten en je houdt ze gezelschap. Je meldt veranderingen aan de verantwoordelijke "
        "zorgverlener.",
        essential="""
            assist-with-daily-activities serve-meals-to-clients keep-clients-company
            support-client-mobility observe-and-report-client-changes
            respect-client-privacy-and-dignity communicate-with-older-people
            support-group-activities prevent-infections apply-personal-hygiene
            report-in-client-record handle-confidential-information apply-first-aid
            work-in-a-team
        """,
        optional="""
            do-light-household-tasks make-beds protect-personal-data follow-e-learning
            use-a-work-schedule-app speak-dutch-at-work respect-diversity
            adjust-device-settings
        """,
    ),
]


# --------------------------------------------------------------------------------------
# Skill-to-skill relations (originalSkill, relationType, relatedSkill), as in ESCO's
# skillSkillRelations.csv: "essential" means the related skill or knowledge is needed
# to perform the original skill, "optional" means it is closely related or helpful.
# --------------------------------------------------------------------------------------

SKILL_RELATIONS = [
    # cleaning
    ("clean-windows", OPTIONAL, "clean-glass-surfaces"),
    ("clean-glass-surfaces", OPTIONAL, "clean-windows"),
    ("clean-windows", ESSENTIAL, "use-squeegee"),
    ("clean-windows", OPTIONAL, "use-water-fed-pole"),
    ("work-at-height-safely", OPTIONAL, "use-ladders-safely"),
    ("operate-floor-scrubber", OPTIONAL, "sweep-and-mop-floors"),
    ("handle-cleaning-chemicals", ESSENTIAL, "hazard-symbols"),
    ("dose-cleaning-agents", ESSENTIAL, "cleaning-agents"),
    ("check-cleaning-quality", ESSENTIAL, "cleaning-methods"),
    ("clean-sanitary-facilities", OPTIONAL, "apply-colour-coded-cleaning"),
    ("clean-industrial-equipment", ESSENTIAL, "machine-safety"),
    # warehouse and transport
    ("operate-forklift", ESSENTIAL, "forklift-safety-rules"),
    ("operate-reach-truck", ESSENTIAL, "forklift-safety-rules"),
    ("operate-reach-truck", OPTIONAL, "operate-forklift"),
    ("check-forklift-daily", OPTIONAL, "operate-forklift"),
    ("operate-electric-pallet-truck", OPTIONAL, "operate-pallet-truck"),
    ("pick-orders", OPTIONAL, "use-handheld-scanner"),
    ("use-pick-by-voice", OPTIONAL, "pick-orders"),
    ("confirm-deliveries-in-app", OPTIONAL, "use-handheld-scanner"),
    ("stack-goods-on-pallets", OPTIONAL, "wrap-pallets"),
    ("use-warehouse-management-system", OPTIONAL, "keep-stock-records"),
    ("drive-a-van", ESSENTIAL, "traffic-rules"),
    ("plan-delivery-route", OPTIONAL, "use-navigation-app"),
    ("sort-parcels", OPTIONAL, "sort-mail"),
    # retail
    ("use-till-system", OPTIONAL, "handle-cash"),
    ("handle-card-payments", OPTIONAL, "use-till-system"),
    ("cash-up-till", ESSENTIAL, "handle-cash"),
    ("settle-bills", OPTIONAL, "handle-card-payments"),
    ("stock-shelves", OPTIONAL, "face-shelves"),
    ("stock-shelves", OPTIONAL, "rotate-stock"),
    ("check-age", OPTIONAL, "alcohol-law-and-social-hygiene"),
    # kitchen and catering
    ("follow-food-hygiene", ESSENTIAL, "haccp"),
    ("check-food-temperatures", ESSENTIAL, "haccp"),
    ("record-food-safety-digitally", OPTIONAL, "check-food-temperatures"),
    ("prepare-cold-dishes", OPTIONAL, "prepare-salads"),
    ("prepare-sandwiches", OPTIONAL, "prepare-cold-dishes"),
    ("prepare-hot-dishes", ESSENTIAL, "apply-cooking-techniques"),
    ("inform-guests-about-allergens", ESSENTIAL, "food-allergens"),
    ("wash-dishes", OPTIONAL, "operate-dishwasher"),
    ("prepare-espresso-drinks", OPTIONAL, "coffee-varieties"),
    ("serve-alcohol-responsibly", ESSENTIAL, "alcohol-law-and-social-hygiene"),
    ("take-orders", OPTIONAL, "use-handheld-ordering-device"),
    # green
    ("use-brush-cutter", OPTIONAL, "mow-lawns"),
    ("operate-ride-on-mower", OPTIONAL, "mow-lawns"),
    ("trim-hedges", OPTIONAL, "prune-shrubs-and-trees"),
    ("prune-shrubs-and-trees", OPTIONAL, "plant-species"),
    # bicycles
    ("service-bicycles", OPTIONAL, "repair-bicycle-tyres"),
    ("service-bicycles", OPTIONAL, "adjust-bicycle-brakes"),
    ("repair-e-bikes", ESSENTIAL, "read-e-bike-diagnostics"),
    ("diagnose-bicycle-faults", ESSENTIAL, "bicycle-parts"),
    # digital and office
    ("send-and-read-email", OPTIONAL, "use-a-computer"),
    ("use-word-processor", OPTIONAL, "use-a-computer"),
    ("use-spreadsheets", OPTIONAL, "use-a-computer"),
    ("use-a-work-schedule-app", OPTIONAL, "use-a-smartphone"),
    ("protect-personal-data", ESSENTIAL, "privacy-rules"),
    ("use-passwords-safely", OPTIONAL, "protect-personal-data"),
    ("enter-data", OPTIONAL, "type-accurately"),
    ("enter-data", OPTIONAL, "check-data-for-errors"),
    ("index-scanned-documents", OPTIONAL, "scan-documents"),
    ("scan-documents", OPTIONAL, "check-scan-quality"),
    ("handle-phone-calls", OPTIONAL, "use-phone-system"),
    ("welcome-visitors", OPTIONAL, "use-visitor-registration-system"),
    ("check-online-information", OPTIONAL, "search-information-online"),
    ("save-and-find-files", OPTIONAL, "use-digital-archive"),
    ("make-video-calls", OPTIONAL, "send-and-read-email"),
    ("share-files-and-photos", OPTIONAL, "use-a-smartphone"),
    ("use-team-chat-app", OPTIONAL, "use-a-smartphone"),
    ("communicate-politely-online", OPTIONAL, "send-and-read-email"),
    ("manage-online-accounts", OPTIONAL, "use-passwords-safely"),
    ("adapt-documents-and-templates", OPTIONAL, "use-word-processor"),
    # recycling, laundry, production, facilities, care
    ("sort-waste-for-recycling", ESSENTIAL, "waste-separation-rules"),
    ("recognise-materials", OPTIONAL, "sort-waste-for-recycling"),
    ("separate-hazardous-waste", ESSENTIAL, "hazard-symbols"),
    ("sort-laundry", ESSENTIAL, "textile-care-symbols"),
    ("iron-textiles", OPTIONAL, "operate-drying-and-ironing-machines"),
    ("lift-and-carry-safely", OPTIONAL, "work-ergonomically"),
    ("operate-packaging-machine", OPTIONAL, "pack-products"),
    ("resolve-machine-faults", ESSENTIAL, "machine-safety"),
    ("assemble-parts", OPTIONAL, "read-assembly-instructions"),
    ("carry-out-minor-repairs", OPTIONAL, "building-maintenance-basics"),
    ("use-facility-reporting-app", OPTIONAL, "report-defects"),
    ("do-building-rounds", OPTIONAL, "fire-safety-procedures"),
    ("report-in-client-record", OPTIONAL, "observe-and-report-client-changes"),
]


# --------------------------------------------------------------------------------------
# DigComp 2.2: the 5 areas and 21 competences with their official English names (DigComp
# 2.2, Vuorikari, Kluzer & Punie 2022, JRC128415; (c) European Union, CC BY 4.0), each
# mapped to the starter skill that stands for it, as ESCO maps each to an ESCO skill.
# --------------------------------------------------------------------------------------

DIGCOMP_AREAS = {
    1: "Information and data literacy",
    2: "Communication and collaboration",
    3: "Digital content creation",
    4: "Safety",
    5: "Problem solving",
}

DIGCOMP_COMPETENCES = [
    ("1.1", "Browsing, searching and filtering data, information and digital content",
     "search-information-online"),
    ("1.2", "Evaluating data, information and digital content", "check-online-information"),
    ("1.3", "Managing data, information and digital content", "save-and-find-files"),
    ("2.1", "Interacting through digital technologies", "send-and-read-email"),
    ("2.2", "Sharing through digital technologies", "share-files-and-photos"),
    ("2.3", "Engaging in citizenship through digital technologies", "fill-in-digital-forms"),
    ("2.4", "Collaborating through digital technologies", "use-team-chat-app"),
    ("2.5", "Netiquette", "communicate-politely-online"),
    ("2.6", "Managing digital identity", "manage-online-accounts"),
    ("3.1", "Developing digital content", "use-word-processor"),
    ("3.2", "Integrating and re-elaborating digital content", "adapt-documents-and-templates"),
    ("3.3", "Copyright and licences", "copyright-of-pictures-and-texts"),
    ("3.4", "Programming", "program-simple-steps"),
    ("4.1", "Protecting devices", "use-passwords-safely"),
    ("4.2", "Protecting personal data and privacy", "protect-personal-data"),
    ("4.3", "Protecting health and well-being", "use-screens-healthily"),
    ("4.4", "Protecting the environment", "use-devices-sustainably"),
    ("5.1", "Solving technical problems", "solve-simple-device-problems"),
    ("5.2", "Identifying needs and technological responses", "adjust-device-settings"),
    ("5.3", "Creatively using digital technologies", "improve-work-with-digital-tools"),
    ("5.4", "Identifying digital competence gaps", "follow-e-learning"),
]
DIGCOMP_PER_AREA = {1: 3, 2: 6, 3: 4, 4: 4, 5: 4}


# --------------------------------------------------------------------------------------
# ISCO-08 groups used by the occupations above, with all their ancestors:
# code -> (official English title, Dutch title as in ESCO, first sentence of the
# official English description).
# --------------------------------------------------------------------------------------

ISCO_GROUPS = {
    "4": (
        "Clerical support workers",
        "Administratief personeel",
        "Clerical support workers record, organize, store, compute and retrieve "
        "information, and perform a number of clerical duties in connection with "
        "money-handling operations, travel arrangements, requests for information, and"
        " appointments.",
    ),
    "41": (
        "General and keyboard clerks",
        "Administratieve medewerkers",
        "General and keyboard clerks record, organize, store and retrieve information "
        "and perform a wide range of clerical and administrative tasks according to "
        "established procedures.",
    ),
    "411": (
        "General office clerks",
        "Administratieve medewerkers, algemeen",
        "General office clerks perform a range of clerical and administrative tasks "
        "according to established procedures.",
    ),
    "4110": (
        "General office clerks",
        "Administratieve medewerkers, algemeen",
        "General office clerks perform a range of clerical and administrative tasks "
        "according to established procedures.",
    ),
    "413": (
        "Keyboard operators",
        "Toetsenbordwerkers",
        "Keyboard operators input and process text and data, and prepare, edit and "
        "generate documents for storage, processing, publication and transmission.",
    ),
    "4132": (
        "Data entry clerks",
        "Gegevensinvoerders",
        "Data entry clerks enter coded, statistical, financial and other numerical "
        "data into electronic equipment, computerized databases, spreadsheets or other"
        " data repositories using a keyboard, mouse, or optical scanner, speech "
        "recognition software or other data entry tools.",
    ),
    "42": (
        "Customer services clerks",
        "Klanten bedienend personeel",
        "Customer services clerks deal with clients in connection with money-handling "
        "operations, travel arrangements, requests for information, making "
        "appointments, operating telephone switchboards, and interviewing for surveys "
        "or to complete applications for eligibility for services.",
    ),
    "422": (
        "Client information workers",
        "Klantenvoorlichters",
        "Client information workers provide or obtain information in person, by "
        "telephone or electronic means such as email in connection with making travel "
        "arrangements, describing the products or services of an organization, "
        "registering and greeting guests and visitors, making appointments, connecting"
        " telephone calls and collecting information from survey respondents or "
        "applicants for services.",
    ),
    "4226": (
        "Receptionists (general)",
        "Receptionisten, algemeen",
        "Receptionists (general) receive and welcome visitors, clients, or guests and "
        "respond to inquiries and requests including arranging for appointments.",
    ),
    "43": (
        "Numerical and material recording clerks",
        "Boekhoudkundige medewerkers en voorraadbeheerders",
        "Numerical and material recording clerks obtain, compile and compute "
        "accounting, bookkeeping, statistical, financial and other numerical data, and"
        " take charge of cash transactions incidental to business matters.",
    ),
    "432": (
        "Material-recording and transport clerks",
        "Voorraadbeheerders en medewerkers logistiek",
        "Material recording and transport clerks keep records of goods produced, "
        "purchased, stocked and dispatched, and of materials needed at specified "
        "production dates, or keep records of operational aspects and coordinate the "
        "timing of passenger and freight transport.",
    ),
    "4321": (
        "Stock clerks",
        "Administratief magazijnpersoneel",
        "Stock clerks maintain records of goods produced and production materials "
        "received, weighed, issued, dispatched or put into stock.",
    ),
    "44": (
        "Other clerical support workers",
        "Ander administratief personeel",
        "Other clerical support workers sort and deliver mail, file documents, prepare"
        " information for processing, maintain personnel records, check material for "
        "consistency with original source material, assist persons who cannot read or "
        "write, and perform various other specialized clerical duties.",
    ),
    "441": (
        "Other clerical support workers",
        "Ander administratief personeel",
        "Other clerical support workers sort and deliver mail, file documents, prepare"
        " information for processing, maintain personnel records, check material for "
        "consistency with original source material, assist persons who cannot read or "
        "write, and perform various other specialized clerical duties.",
    ),
    "4412": (
        "Mail carriers and sorting clerks",
        "Postboden en postsorteerders",
        "Mail carriers and sorting clerks perform sorting, recording, delivery and "
        "other duties in connection with mail services from post offices or related "
        "organizations, as well as from or within an establishment.",
    ),
    "4415": (
        "Filing and copying clerks",
        "Archiverings- en kopieermedewerkers",
        "Filing and copying clerks file correspondence, cards, invoices, receipts and "
        "other records in alphabetical or numerical order or according to the filing "
        "system used.",
    ),
    "5": (
        "Service and sales workers",
        "Dienstverlenend personeel en verkopers",
        "Services and sales workers provide personal and protective services related "
        "to travel, housekeeping, catering, personal care, protection against fire and"
        " unlawful acts; or demonstrate and sell goods in wholesale or retail shops "
        "and similar establishments, as well as at stalls and on markets.",
    ),
    "51": (
        "Personal service workers",
        "Verleners persoonlijke diensten",
        "Personal services workers provide personal services related to travel, "
        "housekeeping, catering and hospitality, hairdressing and beauty treatment, "
        "animal care grooming and training, companionship and other services of a "
        "personal nature.",
    ),
    "512": (
        "Cooks",
        "Koks",
        "Cooks plan, organize, prepare and cook meals, according to recipes or under "
        "the supervision of chefs, in hotels, restaurants and other eating places, on "
        "board ships, on passenger trains and in private households.",
    ),
    "5120": (
        "Cooks",
        "Koks",
        "Cooks plan, organize, prepare and cook meals, according to recipes or under "
        "the supervision of chefs, in hotels, restaurants and other eating places, on "
        "board ships, on passenger trains and in private households.",
    ),
    "513": (
        "Waiters and bartenders",
        "Kelners en barpersoneel",
        "Waiters and bartenders serve food and beverages in commercial dining and "
        "drinking places, clubs, institutions and canteens, on board ships and on "
        "passenger trains.",
    ),
    "5131": (
        "Waiters",
        "Kelners",
        "Waiters serve food and beverages at tables in dining and drinking places, "
        "clubs, institutions and canteens, on board ships and on passenger trains.",
    ),
    "5132": (
        "Bartenders",
        "Barpersoneel",
        "Bartenders prepare, mix and serve alcoholic and non-alcoholic drinks directly"
        " to customers over a bar or counter, or through waiters.",
    ),
    "515": (
        "Building and housekeeping supervisors",
        "Toezichthouders huishoudelijk personeel, conciërges",
        "Building and housekeeping supervisors coordinate, schedule and supervise the "
        "work of cleaners and other housekeeping staff in commercial, industrial and "
        "residential premises.",
    ),
    "5151": (
        "Cleaning and housekeeping supervisors in offices, hotels and other "
        "establishments",
        "Toezichthouders huishoudelijk en reinigingspersoneel in kantoren, hotels e.d.",
        "Cleaning and housekeeping supervisors in offices, hotels and other "
        "establishments organize, supervise and carry out housekeeping functions in "
        "order to keep clean and tidy the interiors, fixtures and facilities in these "
        "establishments.",
    ),
    "5153": (
        "Building caretakers",
        "Conciërges",
        "Building caretakers take care of apartment houses, hotels, offices, churches "
        "and other buildings and maintain them and associated grounds in a clean and "
        "orderly condition.",
    ),
    "52": (
        "Sales workers",
        "Verkopers",
        "Sales workers sell and demonstrate goods in wholesale or retail shops, at "
        "stalls and markets, door-to-door, via telephone or customer contact centres.",
    ),
    "522": (
        "Shop salespersons",
        "Verkopers in winkels",
        "Shop salespersons sell a range of goods and services directly to the public "
        "or on behalf of retail and wholesale establishments.",
    ),
    "5223": (
        "Shop sales assistants",
        "Verkoopmedewerkers",
        "Shop sales assistants sell a range of goods and services directly to the "
        "public or on behalf of retail and wholesale establishments, and explain the "
        "functions and qualities of these goods and services.",
    ),
    "523": (
        "Cashiers and ticket clerks",
        "Kassabedienden en kaartverkopers",
        "Cashiers and ticket clerks operate cash registers, optical price scanners, "
        "computers or other equipment to record and accept payment for the purchase of"
        " goods, services and admissions in settings such as stores, restaurants and "
        "ticket offices.",
    ),
    "5230": (
        "Cashiers and ticket clerks",
        "Kassabedienden en kaartverkopers",
        "Cashiers and ticket clerks operate cash registers, optical price scanners, "
        "computers or other equipment to record and accept payment for the purchase of"
        " goods, services and admissions in settings such as stores, restaurants and "
        "ticket offices.",
    ),
    "524": (
        "Other sales workers",
        "Andere verkopers",
        "Other sales workers display, demonstrate, display and sell goods, food and "
        "services, usually to the general public, in contexts other than sales in "
        "markets, streets and shops.",
    ),
    "5246": (
        "Food service counter attendants",
        "Verkopers in fastfoodrestaurants en snackbars",
        "Food service counter attendants serve customers at food counters and finish "
        "preparation of simple food items in restaurants, cafés, hotels, fast food "
        "outlets, cafeterias, hospitals and other settings.",
    ),
    "53": (
        "Personal care workers",
        "Verzorgend personeel",
        "Personal care workers provide care, supervision and assistance for children, "
        "patients and elderly, convalescent or disabled persons in institutional and "
        "residential settings.",
    ),
    "532": (
        "Personal care workers in health services",
        "Verzorgend personeel in de gezondheidszorg",
        "Personal care workers in health services provide personal care and assistance"
        " with mobility and activities of daily living to patients and elderly, "
        "convalescent and disabled people in health care and residential settings.",
    ),
    "5321": (
        "Health care assistants",
        "Ziekenverzorgers",
        "Health care assistants provide direct personal care and assistance with "
        "activities of daily living to patients and residents in a variety of health "
        "care settings such as hospitals, clinics and residential nursing care "
        "facilities.",
    ),
    "6": (
        "Skilled agricultural, forestry and fishery workers",
        "Geschoolde landbouwers, bosbouwers en vissers",
        "Skilled agricultural, forestry and fishery workers grow and harvest field or "
        "tree and shrub crops; gather wild fruits and plants; breed, tend or hunt "
        "animals; produce a variety of animal husbandry products; cultivate, conserve "
        "and exploit forests; breed or catch fish; and cultivate or gather other forms"
        " of aquatic life in order to provide food, shelter and income for themselves "
        "and their households.",
    ),
    "61": (
        "Market-oriented skilled agricultural workers",
        "Voor de markt producerende geschoolde landbouwers",
        "Market-oriented skilled agricultural workers plan, organize and perform "
        "farming operations to grow and harvest field or tree and shrub crops; and to "
        "produce a variety of animals and animal products for sale or delivery on a "
        "regular basis to wholesale buyers, marketing organizations or at markets.",
    ),
    "611": (
        "Market gardeners and crop growers",
        "Tuinders en akkerbouwers",
        "Market gardeners and crop growers plan, organize and perform operations to "
        "grow and harvest field crops; to grow fruit and other tree and shrub crops; "
        "to grow garden vegetables and medicinal and other plants; and to produce "
        "horticultural and horticultural nurseries products for sale or delivery on a "
        "regular basis to wholesale buyers, marketing organizations or at markets.",
    ),
    "6113": (
        "Gardeners, horticultural and nursery growers",
        "Tuinders en kwekers",
        "Gardeners, horticultural and nursery growers plan, organize and perform "
        "operations to cultivate and maintain trees, shrubs, flowers and other plants "
        "in parks and private gardens, and to produce saplings, bulbs and seeds or "
        "grow vegetables and flowers, by intensive cultivation techniques for sale or "
        "delivery on a regular basis to wholesale buyers, marketing organizations or "
        "at markets.",
    ),
    "7": (
        "Craft and related trades workers",
        "Ambachtslieden",
        "Craft and related trades workers apply specific technical and practical "
        "knowledge and skills to construct and maintain buildings; form metal; erect "
        "metal structures; set machine tools or make, fit, maintain and repair "
        "machinery, equipment or tools; carry out printing work; and produce or "
        "process foodstuffs, textiles, wooden, metal and other articles, including "
        "handicraft goods.",
    ),
    "72": (
        "Metal, machinery and related trades workers",
        "Metaalarbeiders, machinemonteurs e.d.",
        "Metal, machinery and related trades workers cast, weld, forge and, by other "
        "methods, form metal; erect, maintain and repair heavy metal structures; "
        "engage in machine-tool setting as well as in fitting, maintaining and "
        "repairing machinery including engines and vehicles; or they produce tools and"
        " various non-precious metal articles.",
    ),
    "723": (
        "Machinery mechanics and repairers",
        "Machinemonteurs, montage en reparatie",
        "Machinery mechanics and repairers fit, install, maintain and repair engines, "
        "vehicles, agricultural or industrial machinery and similar mechanical "
        "equipment.",
    ),
    "7234": (
        "Bicycle and related repairers",
        "Rijwielmonteurs e.d.",
        "Bicycle and related repairers fit, maintain, service and repair the "
        "mechanical and related equipment of bicycles, rickshaws, baby carriages, "
        "wheelchairs and similar non-motorized transport equipment.",
    ),
    "8": (
        "Plant and machine operators and assemblers",
        "Bedieningspersoneel van machines en installaties, assembleurs",
        "Plant and machine operators and assemblers operate and monitor industrial and"
        " agricultural machinery and equipment on the spot or by remote control; drive"
        " and operate trains, motor vehicles and mobile machinery and equipment; or "
        "assemble products from component parts according to strict specifications and"
        " procedures.",
    ),
    "81": (
        "Stationary plant and machine operators",
        "Bedieningspersoneel van stationaire machines en installaties",
        "Stationary plant and machine operators monitor and operate stationary "
        "industrial plant, machinery and equipment, or for which mobility is not an "
        "integral part of operation.",
    ),
    "815": (
        "Textile, fur and leather products machine operators",
        "Bedieningspersoneel van machines voor de vervaardiging van producten van "
        "textiel, bont en leer",
        "Textile, fur and leather products machine operators monitor and operate "
        "various types of machines which prepare, process and treat fibres, yarn, "
        "thread, leather or fur; produce, modify and repair footwear and garments; and"
        " manufacture or dry clean textiles, fur or light leather articles.",
    ),
    "8157": (
        "Laundry machine operators",
        "Bedieningspersoneel van wasmachines",
        "Laundry machine operators operate laundry, dry-cleaning, pressing and fabric "
        "treatment machines in laundries and dry-cleaning establishments.",
    ),
    "818": (
        "Other stationary plant and machine operators",
        "Bedieningspersoneel van andere stationaire machines en installaties",
        "This unit group includes stationary plant and machine operators not "
        "classified elsewhere in Sub-major Group 81: Stationary Plant and Machine "
        "Operators.",
    ),
    "8183": (
        "Packing, bottling and labelling machine operators",
        "Bedieningspersoneel van verpakkings-, bottel- en etiketteringsmachines",
        "Packing, bottling and labelling machine operators monitor and operate "
        "machines which weigh, pack and label various products or fill different "
        "containers with products.",
    ),
    "8189": (
        "Stationary plant and machine operators not elsewhere classified",
        "Bedieningspersoneel van stationaire machines en installaties, niet elders "
        "geclassificeerd",
        "This unit group includes stationary plant and machine operators not "
        "classified elsewhere in Sub-major Group 81: Stationary Plant and Machine "
        "Operators.",
    ),
    "82": (
        "Assemblers",
        "Assembleurs",
        "Assemblers assemble prefabricated parts or components to form subassemblies, "
        "products and equipment, according to procedures strictly laid down.",
    ),
    "821": (
        "Assemblers",
        "Assembleurs",
        "Assemblers assemble prefabricated parts or components to form subassemblies, "
        "products and equipment, according to procedures strictly laid down.",
    ),
    "8219": (
        "Assemblers not elsewhere classified",
        "Assembleurs, niet elders geclassificeerd",
        "Assemblers not elsewhere classified assemble, according to procedures "
        "strictly laid down, various products that do not include electronic, "
        "electrical, or mechanical components.",
    ),
    "83": (
        "Drivers and mobile plant operators",
        "Bestuurders van voertuigen en bedieningspersoneel van mobiele installaties",
        "Drivers and mobile plant operators drive and tend trains and motor vehicles, "
        "or drive, operate and monitor industrial and agricultural machinery and "
        "equipment, or execute deck duties on board ship and other water-borne craft.",
    ),
    "832": (
        "Car, van and motorcycle drivers",
        "Chauffeurs van auto's en bestelwagens en bestuurders van motorrijwielen",
        "Car, van and motorcycle drivers drive and tend motorcycles, motorized "
        "tricycles, cars or vans to transport passengers, materials or goods.",
    ),
    "8322": (
        "Car, taxi and van drivers",
        "Chauffeurs van auto's, taxi's en bestelwagens",
        "Car, taxi and van drivers drive and tend motorcars and vans to transport "
        "passengers, mail or goods.",
    ),
    "834": (
        "Mobile plant operators",
        "Bedieningspersoneel van mobiele installaties",
        "Mobile plant operators drive, tend, operate and monitor special-purpose "
        "motorized machinery or equipment used for clearing or preparing land; "
        "digging, moving, and spreading earth, rock and similar materials; and lifting"
        " or moving heavy objects.",
    ),
    "8344": (
        "Lifting truck operators",
        "Heftruckbestuurders",
        "Lifting truck operators drive, operate and monitor lifting trucks or similar "
        "vehicles to transport, lift and stack pallets with goods.",
    ),
    "9": (
        "Elementary occupations",
        "Elementaire beroepen",
        "Elementary occupations involve the performance of simple and routine tasks "
        "which may require the use of hand-held tools and considerable physical "
        "effort.",
    ),
    "91": (
        "Cleaners and helpers",
        "Huishoudelijke hulpen en schoonmakers",
        "Cleaners and helpers perform various tasks in private households, hotels, "
        "offices, hospitals and other establishments, as well as in aircraft, trains, "
        "coaches, trams and similar vehicles, in order to keep the interiors and "
        "fixtures clean, and launder and press garments and textiles by hand.",
    ),
    "911": (
        "Domestic, hotel and office cleaners and helpers",
        "Huishoudelijke hulpen en schoonmakers in huishoudens, hotels en kantoren",
        "Domestic, hotel and office cleaners and helpers sweep, vacuum clean, wash, "
        "polish, take care of household linen and purchase household supplies; perform"
        " various tasks in order to keep clean and tidy the interiors and fixtures of "
        "hotels, offices and other establishments, as well as of aircraft, trains, "
        "buses and similar vehicles.",
    ),
    "9111": (
        "Domestic cleaners and helpers",
        "Huishoudelijke hulpen en schoonmakers in huishoudens",
        "Domestic cleaners and helpers sweep, vacuum clean, wash and polish, take care"
        " of household linen, purchase household supplies, prepare food, serve meals "
        "and perform various other domestic duties.",
    ),
    "9112": (
        "Cleaners and helpers in offices, hotels and other establishments",
        "Schoonmakers in hotels, kantoren e.d.",
        "Cleaners and helpers in offices, hotels and other establishments perform "
        "various cleaning tasks in order to keep clean and tidy the interiors and "
        "fixtures of hotels, offices and other establishments, as well as of aircraft,"
        " trains, buses and similar vehicles.",
    ),
    "912": (
        "Vehicle, window, laundry and other hand cleaning workers",
        "Autowassers, glazenwassers, wasserijpersoneel en andere handwassers",
        "Vehicle, window, laundry and other hand cleaning workers clean windows, "
        "showcases or other surfaces of buildings or vehicles; and press, launder or "
        "dry-clean linen and other textiles by hand.",
    ),
    "9123": (
        "Window cleaners",
        "Glazenwassers",
        "Window cleaners wash and polish windows and other glass fittings.",
    ),
    "9129": (
        "Other cleaning workers",
        "Andere schoonmakers",
        "This unit group includes cleaning workers not classified elsewhere.",
    ),
    "92": (
        "Agricultural, forestry and fishery labourers",
        "Ongeschoolde arbeiders in de land- en bosbouw en de visserij",
        "Agricultural, forestry and fishery labourers perform simple and routine tasks"
        " in the production of crops and livestock, cultivation and maintenance of "
        "gardens and parks, exploitation and conservation of forests, and conduct of "
        "aquaculture and fisheries operations.",
    ),
    "921": (
        "Agricultural, forestry and fishery labourers",
        "Ongeschoolde arbeiders in de land- en bosbouw en de visserij",
        "Agricultural, forestry and fishery labourers perform simple and routine tasks"
        " in the production of crops and livestock, cultivation and maintenance of "
        "gardens and parks, exploitation and conservation of forests, and conduct of "
        "aquaculture and fisheries operations.",
    ),
    "9214": (
        "Garden and horticultural labourers",
        "Ongeschoolde arbeiders in de tuinbouw",
        "Garden and horticultural labourers perform simple and routine tasks in "
        "operations to cultivate and maintain trees, shrubs, flowers and other plants "
        "in parks and private gardens, to produce saplings, bulbs and seeds, or to "
        "grow vegetables and flowers by intensive cultivation techniques.",
    ),
    "93": (
        "Labourers in mining, construction, manufacturing and transport",
        "Ongeschoolde arbeiders in de mijnbouw, de bouwnijverheid, de industrie en het"
        " vervoer",
        "Labourers in mining, construction, manufacturing and transport perform simple"
        " and routine manual tasks in mining, quarrying, civil engineering, building, "
        "manufacturing, transport and storage operations, and operate human-powered "
        "and animal-drawn vehicles and machinery.",
    ),
    "932": (
        "Manufacturing labourers",
        "Ongeschoolde arbeiders in de industrie",
        "Manufacturing labourers perform a variety of simple and routine manual tasks "
        "in manufacturing to assist the work of machine operators and assemblers.",
    ),
    "9321": (
        "Hand packers",
        "Inpakkers",
        "Hand packers weigh, pack and label materials and products by hand.",
    ),
    "9329": (
        "Manufacturing labourers not elsewhere classified",
        "Ongeschoolde arbeiders in de industrie, niet elders geclassificeerd",
        "Manufacturing labourers not elsewhere classified assist the work of machine "
        "operators and assemblers and perform a variety of simple and routine manual "
        "tasks in manufacturing, excluding packing and labelling finished products.",
    ),
    "933": (
        "Transport and storage labourers",
        "Ongeschoolde arbeiders op het gebied van vervoer en opslag",
        "Transport and storage labourers propel cycles and similar vehicles and drive "
        "animal-drawn vehicles to transport passengers or goods, drive animal-drawn "
        "machinery, handle freight and baggage, and stock shelves.",
    ),
    "9333": (
        "Freight handlers",
        "Laders en lossers",
        "Freight handlers carry out tasks such as packing, carrying, loading and "
        "unloading furniture and other household items, or loading and unloading ship "
        "and aircraft cargo and other freight, or carrying and stacking goods in "
        "various warehouses.",
    ),
    "9334": (
        "Shelf fillers",
        "Schappenvullers",
        "Shelf fillers stock shelves and display areas and keep stock clean and in "
        "order in supermarkets and other retail and wholesale shops.",
    ),
    "94": (
        "Food preparation assistants",
        "Assistenten bij de bereiding van levensmiddelen",
        "Food preparation assistants prepare and cook to order a small variety of pre-"
        "cooked food or beverages, clear tables, clean kitchen areas and wash dishes.",
    ),
    "941": (
        "Food preparation assistants",
        "Assistenten bij de bereiding van levensmiddelen",
        "Food preparation assistants prepare and cook to order a small variety of pre-"
        "cooked food or beverages, clear tables, clean kitchen areas and wash dishes.",
    ),
    "9412": (
        "Kitchen helpers",
        "Keukenhulpen",
        "Kitchen helpers clear tables, clean kitchen areas, wash dishes, prepare "
        "ingredients and perform other duties to assist workers who prepare or serve "
        "food and beverages.",
    ),
    "96": (
        "Refuse workers and other elementary workers",
        "Vuilnisophalers en -verwerkers en andere elementaire beroepen",
        "Refuse workers and other elementary workers collect, process and recycle "
        "garbage from buildings, yards, streets and other public places.",
    ),
    "961": (
        "Refuse workers",
        "Vuilnisophalers en -verwerkers",
        "Refuse workers collect, process and recycle garbage from buildings, yards, "
        "streets and other public places, or keep streets and other public places "
        "clean.",
    ),
    "9612": (
        "Refuse sorters",
        "Vuilnissorteerders",
        "Refuse sorters identify, collect and sort discarded items suitable for "
        "recycling at dump sites and recycling enterprises or in buildings, streets "
        "and other public places.",
    ),
    "962": (
        "Other elementary workers",
        "Andere elementaire beroepen",
        "Other elementary workers deliver and carry messages and packages; perform a "
        "variety of simple maintenance and repair tasks; collect money and stock "
        "vending machines; read meters; collect water and firewood; and collect and "
        "issue tickets for parking or events.",
    ),
    "9622": (
        "Odd job persons",
        "Losse arbeiders",
        "Odd-job persons clean, paint and maintain buildings, grounds and facilities, "
        "and undertake simple repairs.",
    ),
}


# --------------------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------------------

MIN_ESSENTIAL, MAX_ESSENTIAL = 8, 15
MIN_OPTIONAL, MAX_OPTIONAL = 3, 8
SKILL_TYPES = {SKILL, KNOWLEDGE}
REUSE_LEVELS = {TRANSVERSAL, CROSS_SECTOR, SECTOR_SPECIFIC, OCCUPATION_SPECIFIC}


def _duplicates(values) -> list:
    seen, dupes = set(), []
    for value in values:
        if value in seen:
            dupes.append(value)
        seen.add(value)
    return dupes


def validate() -> None:
    """Raise ValueError listing every inconsistency in the data above."""
    errors: list[str] = []
    groups = {g.code: g for g in SKILL_GROUPS}
    skills = {s.slug: s for s in SKILLS}
    occupations = {o.slug: o for o in OCCUPATIONS}

    for name, values in (
        ("skill-group code", [g.code for g in SKILL_GROUPS]),
        ("skill-group slug", [g.slug for g in SKILL_GROUPS]),
        ("skill slug", [s.slug for s in SKILLS]),
        ("occupation slug", [o.slug for o in OCCUPATIONS]),
        ("English skill label", [s.en for s in SKILLS]),
        ("Dutch skill label", [s.nl for s in SKILLS]),
        ("English occupation label", [o.en for o in OCCUPATIONS]),
        ("Dutch occupation label", [o.nl for o in OCCUPATIONS]),
    ):
        for dupe in _duplicates(values):
            errors.append(f"duplicate {name}: {dupe}")

    for g in SKILL_GROUPS:
        if g.parent_code is not None and g.parent_code not in groups:
            errors.append(f"skill group {g.code} has no parent {g.parent_code}")

    for s in SKILLS:
        if s.skill_type not in SKILL_TYPES:
            errors.append(f"skill {s.slug}: bad skillType {s.skill_type}")
        if s.reuse not in REUSE_LEVELS:
            errors.append(f"skill {s.slug}: bad reuseLevel {s.reuse}")
        if not s.groups:
            errors.append(f"skill {s.slug}: no skill group")
        for code in s.groups:
            if code not in groups:
                errors.append(f"skill {s.slug}: unknown skill group {code}")
        if s.reuse == TRANSVERSAL and not s.is_transversal:
            errors.append(f"skill {s.slug}: transversal reuse level but no T group")
        if s.skill_type == KNOWLEDGE and "K" not in s.groups:
            errors.append(f"knowledge {s.slug}: not in group K")
        for text in (s.en, s.nl, s.en_desc, s.nl_desc):
            if not text.strip() or "\n" in text:
                errors.append(f"skill {s.slug}: empty or multi-line text {text!r}")
        if s.en in s.en_alt or s.nl in s.nl_alt:
            errors.append(f"skill {s.slug}: preferred label repeated in altLabels")

    used: set[str] = set()
    for o in OCCUPATIONS:
        if o.isco not in ISCO_GROUPS or len(o.isco) != 4:
            errors.append(f"occupation {o.slug}: unknown ISCO unit group {o.isco}")
        if not MIN_ESSENTIAL <= len(o.essential) <= MAX_ESSENTIAL:
            errors.append(f"occupation {o.slug}: {len(o.essential)} essential skills")
        if not MIN_OPTIONAL <= len(o.optional) <= MAX_OPTIONAL:
            errors.append(f"occupation {o.slug}: {len(o.optional)} optional skills")
        for dupe in _duplicates(o.essential + o.optional):
            errors.append(f"occupation {o.slug}: skill listed twice: {dupe}")
        for slug in o.essential + o.optional:
            if slug not in skills:
                errors.append(f"occupation {o.slug}: unknown skill {slug}")
            used.add(slug)
        if o.broader is not None:
            parent = occupations.get(o.broader)
            if parent is None:
                errors.append(f"occupation {o.slug}: unknown broader {o.broader}")
            elif parent.isco != o.isco:
                errors.append(f"occupation {o.slug}: broader {o.broader} has another ISCO")
            elif OCCUPATIONS.index(parent) > OCCUPATIONS.index(o):
                errors.append(f"occupation {o.slug}: list it after {o.broader}")
        for text in (o.en, o.nl, o.en_desc, o.nl_desc):
            if not text.strip() or "\n" in text:
                errors.append(f"occupation {o.slug}: empty or multi-line text {text!r}")
        if o.en in o.en_alt or o.nl in o.nl_alt:
            errors.append(f"occupation {o.slug}: preferred label repeated in altLabels")
        for hidden in o.en_hidden + o.nl_hidden:
            if hidden.lower() in {x.lower() for x in (o.en, o.nl, *o.en_alt, *o.nl_alt)}:
                errors.append(f"occupation {o.slug}: hidden label {hidden!r} is also shown")

    for slug in sorted(set(skills) - used):
        errors.append(f"skill {slug} is not used by any occupation")

    for original, relation, related in SKILL_RELATIONS:
        if relation not in (ESSENTIAL, OPTIONAL):
            errors.append(f"skill relation {original}->{related}: bad type {relation}")
        for slug in (original, related):
            if slug not in skills:
                errors.append(f"skill relation: unknown skill {slug}")
        if original == related:
            errors.append(f"skill relation: {original} related to itself")
    for dupe in _duplicates((a, b) for a, _, b in SKILL_RELATIONS):
        errors.append(f"duplicate skill relation {dupe}")

    for code in ISCO_GROUPS:
        for length in range(1, len(code)):
            if code[:length] not in ISCO_GROUPS:
                errors.append(f"ISCO group {code} lacks ancestor {code[:length]}")
    needed = {o.isco[:n] for o in OCCUPATIONS for n in range(1, 5)}
    for code in sorted(set(ISCO_GROUPS) - needed):
        errors.append(f"ISCO group {code} is not used by any occupation")

    errors += _digcomp_errors(skills)

    if errors:
        raise ValueError("starter taxonomy is inconsistent:\n  " + "\n  ".join(errors))


def _digcomp_errors(skills: dict[str, Skill]) -> list[str]:
    """Every DigComp competence once, in its area, on its own digital starter skill."""
    errors = []
    ids = [competence_id for competence_id, _, _ in DIGCOMP_COMPETENCES]
    expected = [f"{area}.{n}" for area, count in DIGCOMP_PER_AREA.items()
                for n in range(1, count + 1)]
    if ids != expected:
        errors.append(f"DigComp competences {ids} are not {expected}")
    if set(DIGCOMP_AREAS) != set(DIGCOMP_PER_AREA):
        errors.append("DigComp areas are not 1-5")
    for competence_id, _, slug in DIGCOMP_COMPETENCES:
        if slug not in skills:
            errors.append(f"DigComp {competence_id}: unknown skill {slug}")
        elif not skills[slug].is_digital:
            errors.append(f"DigComp {competence_id}: skill {slug} is not in {DIGITAL_GROUP}")
    for dupe in _duplicates(slug for _, _, slug in DIGCOMP_COMPETENCES):
        errors.append(f"DigComp: skill {dupe} stands for two competences")
    return errors


# --------------------------------------------------------------------------------------
# Rows
# --------------------------------------------------------------------------------------


def lines(values) -> str:
    """ESCO multi-value cell: one value per line (altLabels)."""
    return "\n".join(values)


def schemes(*uris: str) -> str:
    """ESCO inScheme cell for concepts: comma + newline separated."""
    return ",\n".join(uris)


def pipes(values) -> str:
    """Multi-value cell in the ESCO collection files."""
    return " | ".join(values)


def isco_uri(code: str) -> str:
    return ISCO_NS + code


def occupation_codes() -> dict[str, str]:
    """ESCO-style codes: ISCO code + running number; narrower occupations extend the
    code of their broader occupation (5120.1 -> 5120.1.1)."""
    codes: dict[str, str] = {}
    counters: dict[str, int] = {}
    for o in OCCUPATIONS:
        base = o.isco if o.broader is None else codes[o.broader]
        counters[base] = counters.get(base, 0) + 1
        codes[o.slug] = f"{base}.{counters[base]}"
    return codes


def occupation_rows(lang: str) -> list[list[str]]:
    codes = occupation_codes()
    rows = []
    for o in OCCUPATIONS:
        label, alts, hidden, desc = (
            (o.en, o.en_alt, o.en_hidden, o.en_desc) if lang == "en"
            else (o.nl, o.nl_alt, o.nl_hidden, o.nl_desc)
        )
        rows.append([
            "Occupation", o.uri, o.isco, label, lines(alts), lines(hidden), STATUS, MODIFIED,
            UNREGULATED, "", "", schemes(SCHEME_OCCUPATIONS, SCHEME_STARTER), desc,
            codes[o.slug],
        ])
    return sorted(rows)


def skill_schemes(s: Skill) -> str:
    uris = [SCHEME_SKILLS, SCHEME_STARTER]
    if s.is_digital:
        uris.append(SCHEME_DIGITAL)
    if s.is_transversal:
        uris.append(SCHEME_TRANSVERSAL)
    return schemes(*uris)


def skill_rows(lang: str) -> list[list[str]]:
    rows = []
    for s in SKILLS:
        label, alts, desc = (s.en, s.en_alt, s.en_desc) if lang == "en" else (
            s.nl, s.nl_alt, s.nl_desc)
        rows.append([
            "KnowledgeSkillCompetence", s.uri, s.skill_type, s.reuse, label, lines(alts),
            "", STATUS, MODIFIED, "", "", skill_schemes(s), desc,
        ])
    return sorted(rows)


def occupation_skill_rows() -> list[list[str]]:
    skills = {s.slug: s for s in SKILLS}
    rows = []
    for o in OCCUPATIONS:
        for relation, slugs in ((ESSENTIAL, o.essential), (OPTIONAL, o.optional)):
            for slug in slugs:
                s = skills[slug]
                rows.append([o.uri, relation, s.skill_type, s.uri])
    return sorted(rows)


def skill_skill_rows() -> list[list[str]]:
    skills = {s.slug: s for s in SKILLS}
    rows = []
    for original, relation, related in SKILL_RELATIONS:
        a, b = skills[original], skills[related]
        rows.append([a.uri, a.skill_type, relation, b.skill_type, b.uri])
    return sorted(rows)


def isco_rows(lang: str) -> list[list[str]]:
    rows = []
    for code, (title_en, title_nl, desc_en) in ISCO_GROUPS.items():
        # Like the official Dutch ESCO file, the Dutch ISCO descriptions are empty.
        title, desc = (title_en, desc_en) if lang == "en" else (title_nl, "")
        rows.append([
            "ISCOGroup", isco_uri(code), code, title, STATUS, "",
            schemes(SCHEME_OCCUPATIONS, SCHEME_ISCO), desc,
        ])
    return sorted(rows)


def occupation_pillar_rows() -> list[list[str]]:
    """Every ISCO group links to its parent group. Like ESCO, every occupation has
    exactly one broader concept: its ISCO unit group, or for a narrower occupation
    its broader occupation (the ISCO group is then in the iscoGroup column)."""
    occupations = {o.slug: o for o in OCCUPATIONS}
    rows = []
    for code in ISCO_GROUPS:
        if len(code) > 1:
            rows.append(["ISCOGroup", isco_uri(code), "ISCOGroup", isco_uri(code[:-1])])
    for o in OCCUPATIONS:
        if o.broader is None:
            rows.append(["Occupation", o.uri, "ISCOGroup", isco_uri(o.isco)])
        else:
            rows.append(["Occupation", o.uri, "Occupation", occupations[o.broader].uri])
    return sorted(rows)


def skill_group_rows(lang: str) -> list[list[str]]:
    rows = []
    for g in SKILL_GROUPS:
        label, desc = (g.en, g.en_desc) if lang == "en" else (g.nl, g.nl_desc)
        rows.append([
            "SkillGroup", g.uri, label, "", "", STATUS, MODIFIED, "",
            lines([SCHEME_SKILLS, SCHEME_SKILLS_HIERARCHY]), desc, g.code,
        ])
    return sorted(rows)


def skill_pillar_rows() -> list[list[str]]:
    groups = {g.code: g for g in SKILL_GROUPS}
    rows = []
    for g in SKILL_GROUPS:
        if g.parent_code is not None:
            rows.append(["SkillGroup", g.uri, "SkillGroup", groups[g.parent_code].uri])
    for s in SKILLS:
        for code in s.groups:
            rows.append(["KnowledgeSkillCompetence", s.uri, "SkillGroup", groups[code].uri])
    return sorted(rows)


def _code_key(code: str) -> tuple:
    head, *rest = code.split(".")
    return (head[0], int(head[1:] or -1), *(int(part) for part in rest))


def hierarchy_rows(lang: str) -> list[list[str]]:
    """One row per skill group with its path from the top (Level 0) down to itself.
    Unlike the official file, rows are always written with all 14 columns."""
    groups = {g.code: g for g in SKILL_GROUPS}
    rows = []
    for g in sorted(SKILL_GROUPS, key=lambda g: _code_key(g.code)):
        path = [g]
        while path[0].parent_code is not None:
            path.insert(0, groups[path[0].parent_code])
        if len(path) > 4:
            raise ValueError(f"skill group {g.code} is nested too deeply")
        padded = path + [None] * (4 - len(path))
        row: list[str] = []
        for node in padded:
            label = "" if node is None else (node.en if lang == "en" else node.nl)
            row += ["" if node is None else node.uri, label]
        row += [g.en_desc if lang == "en" else g.nl_desc, ""]
        row += ["" if node is None else node.code for node in padded]
        rows.append(row)
    return rows


def _broader_cells(s: Skill) -> tuple[str, str]:
    groups = {g.code: g for g in SKILL_GROUPS}
    return (pipes(groups[c].uri for c in s.groups), pipes(groups[c].en for c in s.groups))


def transversal_collection_rows() -> list[list[str]]:
    rows = []
    for s in SKILLS:
        if s.is_transversal:
            uris, labels = _broader_cells(s)
            rows.append([
                "KnowledgeSkillCompetence", s.uri, s.skill_type, s.reuse, s.en, STATUS,
                pipes(s.en_alt), s.en_desc, uris, labels,
            ])
    return sorted(rows)


def digital_collection_rows() -> list[list[str]]:
    rows = []
    for s in SKILLS:
        if s.is_digital:
            uris, labels = _broader_cells(s)
            rows.append([
                "KnowledgeSkillCompetence", s.uri, s.en, STATUS, s.skill_type, s.reuse,
                pipes(s.en_alt), s.en_desc, uris, labels,
            ])
    return sorted(rows)


def digcomp_rows() -> list[list[str]]:
    """The competences in DigComp order, in the layout of Opstap's DigComp reference file."""
    skills = {s.slug: s for s in SKILLS}
    rows = []
    for competence_id, name, slug in DIGCOMP_COMPETENCES:
        area = int(competence_id.split(".")[0])
        s = skills[slug]
        rows.append([
            competence_id, str(area), DIGCOMP_AREAS[area], name, s.uri, s.en, s.skill_type,
            s.en_desc,
        ])
    return rows


def build_files() -> dict[str, tuple[list[str], list[list[str]]]]:
    """File name -> (header, rows)."""
    return {
        "occupations_en.csv": (HEADERS["occupations"], occupation_rows("en")),
        "occupations_nl.csv": (HEADERS["occupations"], occupation_rows("nl")),
        "skills_en.csv": (HEADERS["skills"], skill_rows("en")),
        "skills_nl.csv": (HEADERS["skills"], skill_rows("nl")),
        "occupationSkillRelations.csv": (
            HEADERS["occupationSkillRelations"], occupation_skill_rows()),
        "skillSkillRelations.csv": (HEADERS["skillSkillRelations"], skill_skill_rows()),
        "ISCOGroups_en.csv": (HEADERS["ISCOGroups"], isco_rows("en")),
        "ISCOGroups_nl.csv": (HEADERS["ISCOGroups"], isco_rows("nl")),
        "broaderRelationsOccPillar.csv": (
            HEADERS["broaderRelations"], occupation_pillar_rows()),
        "skillGroups_en.csv": (HEADERS["skillGroups"], skill_group_rows("en")),
        "skillGroups_nl.csv": (HEADERS["skillGroups"], skill_group_rows("nl")),
        "broaderRelationsSkillPillar.csv": (
            HEADERS["broaderRelations"], skill_pillar_rows()),
        "skillsHierarchy_en.csv": (HEADERS["skillsHierarchy"], hierarchy_rows("en")),
        "skillsHierarchy_nl.csv": (HEADERS["skillsHierarchy"], hierarchy_rows("nl")),
        "transversalSkillsCollection_en.csv": (
            HEADERS["transversalSkillsCollection"], transversal_collection_rows()),
        "digitalSkillsCollection_en.csv": (
            HEADERS["digitalSkillsCollection"], digital_collection_rows()),
        "digcomp_2_2_competences.csv": (HEADERS["digcompCompetences"], digcomp_rows()),
    }


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT,
        help=f"output folder (default: {DEFAULT_OUT.relative_to(REPO_ROOT)})",
    )
    args = parser.parse_args(argv)

    validate()
    args.out.mkdir(parents=True, exist_ok=True)
    files = build_files()
    for name, (header, rows) in files.items():
        write_csv(args.out / name, header, rows)

    counts = {name: len(rows) for name, (_, rows) in files.items()}
    print(
        f"wrote {len(files)} files to {args.out}: "
        f"{counts['occupations_en.csv']} occupations, {counts['skills_en.csv']} skills, "
        f"{counts['occupationSkillRelations.csv']} occupation-skill relations, "
        f"{counts['skillSkillRelations.csv']} skill-skill relations, "
        f"{counts['ISCOGroups_en.csv']} ISCO groups, "
        f"{counts['skillGroups_en.csv']} skill groups, "
        f"{counts['digcomp_2_2_competences.csv']} DigComp competences"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
