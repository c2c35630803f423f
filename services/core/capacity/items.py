"""The work-capacity items: a reviewed list in code, grouped like the six categories of UWV's
Functionele Mogelijkhedenlijst (FML).

Each item is a functional capacity, never a diagnosis or a cause. Its level is 0-4 on a scale
whose words say, per level, what the person can do (`can`) and what a job asks (`asks`) in
Dutch and English; a higher level is more. A person meets a job's demand on an item when their
level is at least the demand. `resolved_by` names the accommodations (codes of the
accommodation vocabulary) that can make an unmet demand workable: a point to discuss with the
employer, not a reason to say no.

To change the list: add an item (a code never changes meaning once stored; remove none that
people have, since their stored levels would no longer show), give it a scale and labels, and
have a jobcoach read the words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

CATEGORIES: tuple[tuple[str, str, str], ...] = (
    # (code, nl, en) in the order of the FML: personal functioning, social functioning,
    # adapting to the physical environment, dynamic movements, static postures, working hours;
    # named in plain words, since the person reads them too.
    ("personal", "Aandacht en zelfstandig werken", "Attention and working on your own"),
    ("social", "Samen met anderen", "With other people"),
    ("environment", "De werkplek", "The workplace"),
    ("dynamic", "Bewegen", "Moving"),
    ("static", "Houding", "Postures"),
    ("hours", "Werktijden", "Working hours"),
)

Words = tuple[tuple[str, str], ...]  # five (nl, en), level 0 to 4


@dataclass(frozen=True)
class Scale:
    """The words of levels 0-4: what a person can, and what a job asks."""

    can: Words
    asks: Words


_DEGREE = Scale(
    can=(
        ("nog niet", "not yet"),
        ("een beetje, met veel hulp", "a little, with a lot of help"),
        ("redelijk, met wat hulp", "fairly well, with some help"),
        ("goed, soms met hulp", "well, sometimes with help"),
        ("goed, zonder hulp", "well, without help"),
    ),
    asks=(
        ("vraagt dit niet", "does not ask this"),
        ("vraagt dit een beetje", "asks this a little"),
        ("vraagt dit soms", "asks this sometimes"),
        ("vraagt dit vaak", "asks this often"),
        ("vraagt dit de hele dag", "asks this all day"),
    ),
)
_PART_OF_DAY: Words = (
    ("niet", "not at all"),
    ("kort, een paar keer per dag", "briefly, a few times a day"),
    ("een deel van de dag", "part of the day"),
    ("het grootste deel van de dag", "most of the day"),
    ("de hele dag", "all day"),
)
_AT_A_TIME: Words = (
    ("niet", "not at all"),
    ("een paar minuten achter elkaar", "a few minutes at a time"),
    ("tot een half uur achter elkaar", "up to half an hour at a time"),
    ("tot een uur achter elkaar", "up to an hour at a time"),
    ("langer dan een uur achter elkaar", "more than an hour at a time"),
)
_HOW_OFTEN: Words = (
    ("niet", "not at all"),
    ("een paar keer per dag", "a few times a day"),
    ("een paar keer per uur", "a few times an hour"),
    ("vaak, elk kwartier", "often, every quarter of an hour"),
    ("steeds", "all the time"),
)
_WEIGHT: Words = (
    ("niets", "nothing"),
    ("lichte dingen, tot 2 kilo", "light things, up to 2 kilos"),
    ("tot 5 kilo", "up to 5 kilos"),
    ("tot 10 kilo", "up to 10 kilos"),
    ("15 kilo of meer", "15 kilos or more"),
)
_HOURS_A_DAY: Words = (
    ("minder dan 2 uur per dag", "less than 2 hours a day"),
    ("2 tot 4 uur per dag", "2 to 4 hours a day"),
    ("4 tot 6 uur per dag", "4 to 6 hours a day"),
    ("6 tot 8 uur per dag", "6 to 8 hours a day"),
    ("8 uur per dag of meer", "8 hours a day or more"),
)
_HOURS_A_WEEK: Words = (
    ("minder dan 8 uur per week", "less than 8 hours a week"),
    ("8 tot 16 uur per week", "8 to 16 hours a week"),
    ("16 tot 24 uur per week", "16 to 24 hours a week"),
    ("24 tot 32 uur per week", "24 to 32 hours a week"),
    ("32 uur per week of meer", "32 hours a week or more"),
)
_SOMETIMES: Words = (
    ("nooit", "never"),
    ("bij uitzondering", "now and then, as an exception"),
    ("een keer per week", "once a week"),
    ("een paar keer per week", "a few times a week"),
    ("elke dag", "every day"),
)


def _same(words: Words) -> Scale:
    """A scale whose amounts read the same for a person and a job."""
    return Scale(can=words, asks=words)


@dataclass(frozen=True)
class Item:
    """One capacity item: a code that is stored, its category, its words and its scale."""

    code: str
    category: str
    label_nl: str
    label_en: str
    scale: Scale
    resolved_by: tuple[str, ...] = ()  # accommodation codes that can make a gap workable


ITEMS: tuple[Item, ...] = (
    Item(
        "concentration",
        "personal",
        "Aandacht bij het werk houden",
        "Keeping attention on the work",
        _DEGREE,
        ("quiet_workspace", "extra_breaks"),
    ),
    Item(
        "pace_pressure",
        "personal",
        "Werken met tijdsdruk",
        "Working to a deadline or pace",
        _DEGREE,
        ("reduced_pace",),
    ),
    Item(
        "changes",
        "personal",
        "Omgaan met veranderingen in het werk",
        "Dealing with changes in the work",
        _DEGREE,
        ("fixed_routine",),
    ),
    Item(
        "independent_work",
        "personal",
        "Zelfstandig werken",
        "Working on your own",
        _DEGREE,
        ("job_coach_on_site", "buddy_colleague"),
    ),
    Item(
        "instructions",
        "personal",
        "Werkinstructies volgen met meerdere stappen",
        "Following instructions with several steps",
        _DEGREE,
        ("visual_instructions", "simple_language"),
    ),
    Item(
        "teamwork",
        "social",
        "Samenwerken met collega's",
        "Working together with colleagues",
        _DEGREE,
        ("buddy_colleague",),
    ),
    Item(
        "customer_contact",
        "social",
        "Contact met klanten",
        "Contact with customers",
        _DEGREE,
        ("buddy_colleague",),
    ),
    Item(
        "conflicts",
        "social",
        "Omgaan met meningsverschillen en kritiek",
        "Dealing with disagreement and criticism",
        _DEGREE,
        ("job_coach_on_site",),
    ),
    Item(
        "noise",
        "environment",
        "Werken in lawaai",
        "Working in noise",
        _same(_PART_OF_DAY),
        ("quiet_workspace",),
    ),
    Item(
        "busy_surroundings",
        "environment",
        "Werken in drukte",
        "Working in a busy place",
        _same(_PART_OF_DAY),
        ("quiet_workspace",),
    ),
    Item(
        "outdoors",
        "environment",
        "Buiten werken, in elk weer",
        "Working outdoors, in any weather",
        _same(_PART_OF_DAY),
    ),
    Item(
        "dust_smells",
        "environment",
        "Werken met stof of sterke geuren",
        "Working with dust or strong smells",
        _same(_PART_OF_DAY),
    ),
    Item(
        "lifting",
        "dynamic",
        "Tillen en dragen",
        "Lifting and carrying",
        _same(_WEIGHT),
        ("adapted_workstation",),
    ),
    Item("walking", "dynamic", "Lopen", "Walking", _same(_AT_A_TIME), ("extra_breaks",)),
    Item(
        "bending", "dynamic", "Bukken", "Bending down", _same(_HOW_OFTEN), ("adapted_workstation",)
    ),
    Item(
        "stairs",
        "dynamic",
        "Traplopen",
        "Climbing stairs",
        _same(_HOW_OFTEN),
        ("wheelchair_access",),
    ),
    Item(
        "hand_work",
        "dynamic",
        "Precies werk met de handen",
        "Precise work with the hands",
        _same(_PART_OF_DAY),
        ("adapted_workstation", "extra_breaks"),
    ),
    Item(
        "standing",
        "static",
        "Staan",
        "Standing",
        _same(_AT_A_TIME),
        ("adapted_workstation", "extra_breaks"),
    ),
    Item(
        "sitting",
        "static",
        "Zitten",
        "Sitting",
        _same(_AT_A_TIME),
        ("adapted_workstation", "extra_breaks"),
    ),
    Item(
        "kneeling",
        "static",
        "Knielen of hurken",
        "Kneeling or squatting",
        _same(_HOW_OFTEN),
        ("adapted_workstation",),
    ),
    Item(
        "overhead_work",
        "static",
        "Werken boven schouderhoogte",
        "Working above shoulder height",
        _same(_HOW_OFTEN),
        ("adapted_workstation",),
    ),
    Item(
        "hours_per_day",
        "hours",
        "Uren per dag",
        "Hours a day",
        _same(_HOURS_A_DAY),
        ("part_time", "flexible_hours"),
    ),
    Item(
        "hours_per_week",
        "hours",
        "Uren per week",
        "Hours a week",
        _same(_HOURS_A_WEEK),
        ("part_time",),
    ),
    Item(
        "evening_work",
        "hours",
        "Werken in de avond",
        "Working in the evening",
        _same(_SOMETIMES),
        ("flexible_hours",),
    ),
    Item(
        "night_work",
        "hours",
        "Werken in de nacht",
        "Working at night",
        _same(_SOMETIMES),
        ("flexible_hours",),
    ),
)

BY_CODE: dict[str, Item] = {item.code: item for item in ITEMS}
CATEGORY_CODES = tuple(code for code, _, _ in CATEGORIES)
LEVELS = range(5)


def resolving() -> dict[str, tuple[str, ...]]:
    """Item code -> the accommodations that can make an unmet demand workable (the matcher's
    input: it knows no item list of its own)."""
    return {item.code: item.resolved_by for item in ITEMS if item.resolved_by}


def resolved_pairs(offered: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """(item, accommodation) for each offered accommodation that can make a shortfall on the
    item workable: what the matcher needs of a vacancy's accommodations for capacity."""
    codes = set(offered)
    return tuple((i.code, c) for i in ITEMS for c in i.resolved_by if c in codes)


def words(code: str, level: int, lang: str, *, asks: bool = False) -> str:
    """A level's words for a person (`asks` False) or a job, in `lang` (nl, else en)."""
    scale = BY_CODE[code].scale
    nl, en = (scale.asks if asks else scale.can)[level]
    return nl if lang == "nl" else en


def label(code: str, lang: str) -> str:
    """An item's name in `lang`; an unknown code (no longer in the list) as its words."""
    item = BY_CODE.get(code)
    if item is None:
        return code.replace("_", " ")
    return item.label_nl if lang == "nl" else item.label_en
