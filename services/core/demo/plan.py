"""The demo world, drawn deterministically from the loaded taxonomy: who, where, what they can.

3 WISEs with 2 jobcoaches each, 10 employers, 60 employees on rungs 3 to 5, 40 vacancies
across every contract kind. Plain data only; seed.py writes it through the domain services.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

DEMO_PASSWORD = "opstap-demo-2026"
# One sign-in per role, printed by `make demo` and listed in the README: (role, email, org).
DEMO_LOGINS = [
    ("admin", "admin@groenschoon.example", "Werkbedrijf Groen & Schoon"),
    ("jobcoach", "sanne@groenschoon.example", "Werkbedrijf Groen & Schoon"),
    ("employer", "werkgever@korenaar.example", "Bakkerij De Korenaar"),
    ("employee", "werknemer@groenschoon.example", "Werkbedrijf Groen & Schoon"),
]
SEED = 2026

WISES = [
    (
        "Werkbedrijf Groen & Schoon",
        "groenschoon",
        "Groenonderhoud, schoonmaak en catering in Amsterdam-Oost. We leren mensen het vak op de "
        "werkvloer, met een vaste jobcoach en kleine teams.",
    ),
    (
        "Fietsfabriek Oost",
        "fietsfabriek",
        "Fietsreparatie, montage en verhuur. Praktijkleren met een erkend certificaat van het ROC.",
    ),
    (
        "Het Buurtbedrijf",
        "buurtbedrijf",
        "Een buurtrestaurant, een kringloopwinkel en een inpakafdeling: werk op je eigen tempo.",
    ),
]
EMPLOYERS = [
    ("Bakkerij De Korenaar", "korenaar"),
    ("Magazijn Noord Logistiek", "magazijnnoord"),
    ("Hotel Amstelzicht", "amstelzicht"),
    ("Supermarkt Buurtvers", "buurtvers"),
    ("Schoonmaakbedrijf Helder", "helder"),
    ("Gemeentelijk Groenbeheer", "groenbeheer"),
    ("Fietsenwinkel De Spaak", "despaak"),
    ("Kantoor Service Centrum", "ksc"),
    ("Restaurant Het Veerhuis", "veerhuis"),
    ("Verpakkingen Zuid", "verpakzuid"),
]
COACHES = [
    ("Sanne de Vries", "sanne"),
    ("Mohamed El Amrani", "mohamed"),
    ("Priya Ramdin", "priya"),
    ("Joost Bakker", "joost"),
    ("Fatma Yilmaz", "fatma"),
    ("Kees van Dijk", "kees"),
]
FIRST = [
    "Anouk",
    "Bram",
    "Chaima",
    "Daan",
    "Esra",
    "Finn",
    "Gijs",
    "Hanna",
    "Ilias",
    "Julia",
    "Kevin",
    "Lotte",
    "Mehmet",
    "Noor",
    "Oscar",
    "Petra",
    "Quinten",
    "Rachida",
    "Stijn",
    "Tamara",
    "Umut",
    "Vera",
    "Wessel",
    "Yara",
    "Zeynep",
    "Ahmed",
    "Bo",
    "Dewi",
    "Emre",
    "Femke",
]
LAST = [
    "Jansen",
    "de Boer",
    "Ouali",
    "Visser",
    "Smit",
    "Kaya",
    "Meijer",
    "Bos",
    "Mulder",
    "Hassan",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Graaf",
    "Tahiri",
    "Koster",
]
# ISCO-08 unit groups where WISE work and the first rungs above it are found.
ISCO_POOL = [
    "9112",
    "9111",
    "9129",
    "9412",
    "5120",
    "5131",
    "9321",
    "9329",
    "9333",
    "4321",
    "9214",
    "6113",
    "5223",
    "5230",
    "4226",
    "4412",
    "7234",
    "8183",
    "9622",
    "9612",
]
WISE_KINDS = ["sheltered", "wise_paid", "day_activity", "work_experience", "volunteer"]
OCCUPATIONS = 8
# The contract kinds of one occupation's vacancies, rung 3 to 6 (alternatives take turns).
RUNGS = [
    ["day_activity"],
    ["work_experience", "volunteer"],
    ["wise_paid", "sheltered"],
    ["regular_with_wage_subsidy"],
    ["regular"],
]
ACCOMMODATION_WEIGHTS = {
    "fixed_routine": 5,
    "quiet_workspace": 4,
    "visual_instructions": 4,
    "simple_language": 5,
    "job_coach_on_site": 3,
    "buddy_colleague": 4,
    "extra_breaks": 3,
    "part_time": 5,
    "reduced_pace": 3,
    "flexible_hours": 2,
    "adapted_workstation": 1,
    "wheelchair_access": 1,
}


@dataclass
class Taxonomy:
    """What the plan draws from: occupations with their essential and optional skills."""

    occupations: list[str]
    essential: dict[str, list[str]]
    optional: dict[str, list[str]]


@dataclass
class Plan:
    """The whole demo world as plain data."""

    wises: list[dict[str, Any]] = field(default_factory=list)
    employers: list[dict[str, Any]] = field(default_factory=list)
    employees: list[dict[str, Any]] = field(default_factory=list)
    vacancies: list[dict[str, Any]] = field(default_factory=list)


def _location(rng: random.Random) -> dict[str, Any]:
    """A postcode and coordinates somewhere in Amsterdam."""
    letters = "".join(rng.choice("ABCDEGHJKLMNPRSTVWXZ") for _ in range(2))
    return {
        "postcode": f"{rng.randint(1011, 1109)}{letters}",
        "latitude": round(rng.uniform(52.31, 52.41), 5),
        "longitude": round(rng.uniform(4.81, 4.99), 5),
    }


def _skills(rng: random.Random, tax: Taxonomy, occupation: str) -> list[dict[str, Any]]:
    """Most of an occupation's essential skills, at believable levels and sources."""
    own = tax.essential[occupation]
    chosen = rng.sample(own, k=max(1, round(len(own) * rng.uniform(0.85, 1.0))))
    sources = rng.choices(["observed", "self", "certified"], weights=[5, 4, 1], k=len(chosen))
    return [
        {
            "skill_uri": uri,
            "level": rng.choices([1, 2, 3, 4], weights=[1, 3, 5, 2])[0],
            "source": src,
        }
        for uri, src in zip(sorted(chosen), sources, strict=True)
    ]


def _employee(
    rng: random.Random, tax: Taxonomy, index: int, occupations: list[str], today: date
) -> dict[str, Any]:
    occupation = occupations[index % len(occupations)]
    hours_min = rng.choice([8, 12, 16, 20, 24])
    extra_languages = rng.sample(["en", "ar", "tr", "pl", "so", "ti"], k=rng.choice([0, 0, 1]))
    return {
        "name": f"{FIRST[index % len(FIRST)]} {LAST[(index * 7) % len(LAST)]}",
        "ladder_rung": rng.choice([3, 4, 4, 5, 5]),
        "current_occupation_uri": occupation,
        "target_occupation_uri": rng.choice(tax.occupations) if rng.random() < 0.3 else None,
        "hours_min": hours_min,
        "hours_max": min(40, hours_min + rng.choice([4, 8, 12, 16])),
        "max_travel_km": rng.choice([5, 8, 10, 15, 25]),
        "languages": [{"language": "nl", "cefr": rng.choice(["A2", "B1", "B1", "B2", "C1"])}]
        + [{"language": code, "cefr": rng.choice(["B2", "C1", "C2"])} for code in extra_languages],
        "skills": _skills(rng, tax, occupation),
        "accommodations": sorted(
            set(
                rng.choices(
                    list(ACCOMMODATION_WEIGHTS),
                    weights=list(ACCOMMODATION_WEIGHTS.values()),
                    k=rng.choice([0, 1, 2, 2, 3]),
                )
            )
        ),
        **_location(rng),
        "birth_year": _birth_year(index, today),
    }


def _vacancy(
    rng: random.Random, tax: Taxonomy, occupation: str, kind: str, today: date
) -> dict[str, Any]:
    essential = sorted(
        rng.sample(
            tax.essential[occupation], k=min(len(tax.essential[occupation]), rng.randint(5, 10))
        )
    )
    optional = sorted(set(tax.optional[occupation][:4]) - set(essential))
    hours_min = rng.choice([12, 16, 20, 24, 32])
    return {
        "occupation_uri": occupation,
        "contract_kind": kind,
        "hours_min": hours_min,
        "hours_max": min(40, hours_min + rng.choice([0, 4, 8])),
        "skills": [
            {"skill_uri": u, "relation": "essential", "min_level": rng.choice([1, 1, 1, 2, 2, 3])}
            for u in essential
        ]
        + [{"skill_uri": u, "relation": "optional", "min_level": 1} for u in optional],
        "accommodations": sorted(rng.sample(list(ACCOMMODATION_WEIGHTS), k=rng.randint(1, 4))),
        "language": "nl",
        "language_cefr": rng.choice(["A2", "B1"]),
        "places": rng.choice([1, 1, 2, 3]),
        "closing_date": (today + timedelta(days=rng.randint(14, 90))).isoformat(),
        **_location(rng),
    }


def _birth_year(index: int, today: date) -> int | None:
    """Ages 18 to 66, told by four in five people (bias monitoring by age band uses it); a
    generator of its own, so the rest of the world stays as it was."""
    rng = random.Random(SEED * 1000 + index)
    return today.year - rng.randint(18, 66) if rng.random() < 0.8 else None


def make_plan(tax: Taxonomy, today: date) -> Plan:
    """The demo world for this taxonomy; the same taxonomy always gives the same world."""
    rng = random.Random(SEED)
    plan = Plan()
    for i, (name, slug, about) in enumerate(WISES):
        plan.wises.append(
            {
                "name": name,
                "slug": slug,
                "description": about,
                "coaches": COACHES[2 * i : 2 * i + 2],
            }
        )
    plan.employers = [{"name": name, "slug": slug} for name, slug in EMPLOYERS]
    # Eight occupations, each with work on every rung from 3 to 6, so that everyone has work
    # that fits now and a step up in their own line of work.
    occupations = sorted(rng.sample(tax.occupations, k=min(OCCUPATIONS, len(tax.occupations))))
    plan.employees = [_employee(rng, tax, i, occupations, today) for i in range(60)]
    for n in range(40 // len(RUNGS)):  # 40 vacancies
        occupation = occupations[n % len(occupations)]
        for kinds in RUNGS:
            plan.vacancies.append(_vacancy(rng, tax, occupation, kinds[n % len(kinds)], today))
    return plan
