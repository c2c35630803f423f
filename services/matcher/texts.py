"""Short sentences in plain Dutch (B1) and English for constraints: one idea a sentence.

The sentences speak to the employee ("je"); pages for coaches and employers show them as is.
"""

from __future__ import annotations

# (nl, en) per constraint code and outcome; fields in braces are filled in by constraints.py.
SENTENCES: dict[str, tuple[str, str]] = {
    "hours.pass": ("De uren passen.", "The hours fit."),
    "hours.fail": (
        "De uren passen niet. Het werk is {low} tot {high} uur per week.",
        "The hours do not fit. The work is {low} to {high} hours a week.",
    ),
    "hours.unknown": (
        "We weten nog niet hoeveel uur je wilt werken.",
        "We do not know yet how many hours you want to work.",
    ),
    "distance.pass": ("Je woont {km_nl} van het werk.", "You live {km_en} from the work."),
    "distance.fail": (
        "Je woont {km_nl} van het werk. Dat is verder dan {max_km} km.",
        "You live {km_en} from the work. That is further than {max_km} km.",
    ),
    "distance.no_limit": ("Je woont {km_nl} van het werk.", "You live {km_en} from the work."),
    "distance.unknown": ("We weten de afstand nog niet.", "We do not know the distance yet."),
    "ladder_rung.same": (
        "Dit werk past bij waar je nu staat.",
        "This work fits where you are now.",
    ),
    "ladder_rung.step": ("Dit werk is een stap verder.", "This work is a step up."),
    "ladder_rung.stretch": (
        "Dit werk is meer dan een stap verder. Bespreek het met je jobcoach.",
        "This work is more than one step up. Talk about it with your job coach.",
    ),
    "language.none": ("Voor dit werk is er geen eis voor taal.", "This work has no language need."),
    "language.pass": (
        "Je {lang_nl} is goed genoeg voor dit werk.",
        "Your {lang_en} is good enough for this work.",
    ),
    "language.fail": (
        "Voor dit werk is {lang_nl} op niveau {cefr} nodig.",
        "This work needs {lang_en} at level {cefr}.",
    ),
    "language.unknown": (
        "We weten niet hoe goed je {lang_nl} is. Voor dit werk is niveau {cefr} nodig.",
        "We do not know how good your {lang_en} is. This work needs level {cefr}.",
    ),
    "accommodations.none": ("Je hebt geen aanpassingen nodig.", "You need no adjustments."),
    "accommodations.pass": (
        "De werkgever biedt de aanpassingen die je nodig hebt.",
        "The employer offers the adjustments you need.",
    ),
    "accommodations.fail": ("Bespreek: {items_nl}.", "To discuss: {items_en}."),
    "consent.pass": (
        "Je vindt het goed dat we werk voor je zoeken.",
        "You agreed that we look for work for you.",
    ),
    "consent.fail": (
        "Je hebt nog niet gezegd dat we werk voor je mogen zoeken.",
        "You have not yet agreed that we look for work for you.",
    ),
}

# The accommodation codes the project seeds (a copy: the matcher imports nothing of ours);
# an unknown code is shown as the code with spaces.
ACCOMMODATIONS: dict[str, tuple[str, str]] = {
    "part_time": ("deeltijd", "part-time"),
    "flexible_hours": ("flexibele werktijden", "flexible hours"),
    "fixed_routine": ("vaste routine", "fixed routine"),
    "quiet_workspace": ("rustige werkplek", "quiet workspace"),
    "visual_instructions": ("instructies met plaatjes", "visual instructions"),
    "simple_language": ("eenvoudige taal", "simple language"),
    "job_coach_on_site": ("jobcoach op de werkplek", "job coach on site"),
    "buddy_colleague": ("vaste collega als maatje", "buddy colleague"),
    "extra_breaks": ("extra pauzes", "extra breaks"),
    "adapted_workstation": ("aangepaste werkplek", "adapted workstation"),
    "wheelchair_access": ("toegankelijk met rolstoel", "wheelchair access"),
    "reduced_pace": ("lager werktempo", "reduced pace"),
    "remote_possible": ("thuiswerken mogelijk", "remote work possible"),
}

LANGUAGES: dict[str, tuple[str, str]] = {
    "nl": ("Nederlands", "Dutch"),
    "en": ("Engels", "English"),
    "de": ("Duits", "German"),
    "fr": ("Frans", "French"),
    "es": ("Spaans", "Spanish"),
    "pl": ("Pools", "Polish"),
    "tr": ("Turks", "Turkish"),
    "ar": ("Arabisch", "Arabic"),
    "ti": ("Tigrinya", "Tigrinya"),
    "so": ("Somalisch", "Somali"),
    "pap": ("Papiaments", "Papiamento"),
    "uk": ("Oekraïens", "Ukrainian"),
}


def sentence(key: str, **fields: object) -> tuple[str, str]:
    """The (nl, en) sentence for `key` with its fields filled in."""
    nl, en = SENTENCES[key]
    return nl.format(**fields), en.format(**fields)


def accommodation(code: str) -> tuple[str, str]:
    """The (nl, en) words for an accommodation code."""
    words = code.replace("_", " ")
    return ACCOMMODATIONS.get(code, (words, words))


def language(code: str) -> tuple[str, str]:
    """The (nl, en) name of a language by its ISO 639 code."""
    return LANGUAGES.get(code.lower(), (code, code))


def kilometres(km: float) -> tuple[str, str]:
    """A distance in whole kilometres, in words for short ones."""
    if km < 1:
        return "minder dan 1 km", "less than 1 km"
    return f"{round(km)} km", f"{round(km)} km"
