"""Each constraint's pass, fail and unknown cases, with their sentences' keys and fields as core
words them for the person, a coach and an employer."""

from __future__ import annotations

import dataclasses

import pytest

from services.core.i18n import Lang, Reader
from services.core.matching import texts
from services.matcher import constraints
from services.matcher.types import Constraint, Person, Vacancy

AMSTERDAM = (52.3676, 4.9041)
UTRECHT = (52.0907, 5.1214)

PERSON = Person("p", (), 4, consent_matching=True)
VACANCY = Vacancy("v", (), 4, "paid", 24, 32)


def p(**fields: object) -> Person:
    return dataclasses.replace(PERSON, **fields)  # type: ignore[arg-type]


def v(**fields: object) -> Vacancy:
    return dataclasses.replace(VACANCY, **fields)  # type: ignore[arg-type]


def said(result: Constraint, lang: Lang = "nl", reader: Reader = "person") -> str:
    """The sentence the reader sees."""
    return texts.constraint_text(result.key, result.fields, lang, reader, result.status)


def test_haversine_amsterdam_utrecht_is_about_35_km() -> None:
    assert constraints.haversine_km(*AMSTERDAM, *UTRECHT) == pytest.approx(35, abs=2)
    assert constraints.haversine_km(*AMSTERDAM, *AMSTERDAM) == 0.0


def test_check_returns_every_constraint_in_a_fixed_order() -> None:
    codes = [c.code for c in constraints.check(PERSON, VACANCY)]
    assert codes == [
        "hours",
        "distance",
        "ladder_rung",
        "language",
        "accommodations",
        "capacity",
        "consent",
    ]


@pytest.mark.parametrize(
    ("low", "high", "status"),
    [
        (16, 24, "pass"),
        (32, 40, "pass"),
        (8, 16, "fail"),
        (36, 40, "fail"),
        (None, 20, "fail"),
        (30, None, "pass"),
        (None, None, "unknown"),
    ],
)
def test_hours_pass_when_the_ranges_overlap(low: int | None, high: int | None, status: str) -> None:
    result = constraints.hours(p(hours_min=low, hours_max=high), VACANCY)
    assert result.status == status
    if status == "pass":
        assert said(result) == "De uren passen." and said(result, "en") == "The hours fit."
    if status == "fail":
        assert "24 tot 32 uur" in said(result)


def test_distance_compares_kilometres_with_how_far_the_person_travels() -> None:
    far = constraints.distance(
        p(latitude=AMSTERDAM[0], longitude=AMSTERDAM[1], max_travel_km=10),
        v(latitude=UTRECHT[0], longitude=UTRECHT[1]),
    )
    assert far.status == "fail"
    assert far.detail["km"] == pytest.approx(35, abs=2)
    assert said(far).startswith("Je woont 3") and "verder dan 10 km" in said(far)
    assert said(far, reader="coach").startswith("Deze persoon woont 3")
    near = constraints.distance(
        p(latitude=52.37, longitude=4.90, max_travel_km=10), v(latitude=52.40, longitude=4.90)
    )
    assert near.status == "pass"
    assert said(near) == "Je woont 3 km van het werk."
    assert said(near, "en") == "You live 3 km from the work."
    assert said(near, "en", "employer") == "This person lives 3 km from the work."


def test_distance_is_unknown_without_coordinates_or_without_a_limit() -> None:
    assert constraints.distance(p(latitude=52.0, longitude=5.0), VACANCY).status == "unknown"
    assert constraints.distance(PERSON, v(latitude=52.0, longitude=5.0)).status == "unknown"
    no_limit = constraints.distance(
        p(latitude=52.37, longitude=4.90), v(latitude=52.37, longitude=4.90)
    )
    assert no_limit.status == "unknown"
    assert said(no_limit) == "Je woont minder dan 1 km van het werk."


@pytest.mark.parametrize(
    ("person_rung", "vacancy_rung", "status", "stretch"),
    [(4, 3, "pass", False), (4, 4, "pass", False), (4, 5, "pass", False), (3, 5, "fail", True)],
)
def test_ladder_rung_allows_one_step_up_and_marks_more_as_a_stretch(
    person_rung: int, vacancy_rung: int, status: str, stretch: bool
) -> None:
    result = constraints.ladder_rung(p(ladder_rung=person_rung), v(ladder_rung=vacancy_rung))
    assert result.status == status
    assert result.detail["stretch"] is stretch
    assert result.detail["step"] == vacancy_rung - person_rung


@pytest.mark.parametrize(
    ("languages", "required", "status"),
    [
        ((("nl", "B1"),), ("nl", "A2"), "pass"),
        ((("nl", "B1"),), ("nl", "B1"), "pass"),
        ((("nl", "A2"),), ("nl", "B1"), "fail"),
        ((("en", "C2"),), ("nl", "A2"), "unknown"),
        ((("nl", "A2"), ("NL", "B2")), ("nl", "B2"), "pass"),
        ((), None, "pass"),
    ],
)
def test_language_compares_cefr_levels(
    languages: tuple[tuple[str, str], ...], required: tuple[str, str] | None, status: str
) -> None:
    result = constraints.language(p(languages=languages), v(language=required))
    assert result.status == status


def test_language_sentences_name_the_language_and_level() -> None:
    fail = constraints.language(p(languages=(("nl", "A1"),)), v(language=("nl", "B1")))
    assert said(fail) == "Voor dit werk is Nederlands op niveau B1 nodig."
    assert said(fail, "en") == "This work needs Dutch at level B1."
    unknown = constraints.language(p(languages=()), v(language=("de", "A2")))
    assert said(unknown, "en", "coach").startswith("We do not know how good this person's German")


def test_accommodations_not_offered_are_points_to_discuss() -> None:
    needed = frozenset({"quiet_workspace", "extra_breaks"})
    result = constraints.accommodations(
        p(accommodations=needed), v(accommodations=frozenset({"extra_breaks"}))
    )
    assert result.status == "fail"
    assert result.detail["to_discuss"] == ["quiet_workspace"]
    assert said(result) == "Bespreek: rustige werkplek."
    assert said(result, "en") == "To discuss: quiet workspace."
    assert result.fields == {"items": ["quiet_workspace"]}  # codes stored, words at read
    offered = constraints.accommodations(p(accommodations=needed), v(accommodations=needed))
    assert offered.status == "pass"
    assert constraints.accommodations(PERSON, VACANCY).status == "pass"


def test_an_unknown_accommodation_code_is_shown_in_words() -> None:
    result = constraints.accommodations(p(accommodations=frozenset({"standing_desk"})), VACANCY)
    assert said(result) == "Bespreek: standing desk."
    both = constraints.accommodations(
        p(accommodations=frozenset({"standing_desk", "extra_breaks"})), VACANCY
    )
    assert said(both) == "Bespreek: extra pauzes en standing desk."


def test_consent_passes_only_when_given() -> None:
    assert constraints.consent(PERSON).status == "pass"
    assert constraints.consent(p(consent_matching=False)).status == "fail"


def test_the_ladder_stretch_tells_each_reader_whom_to_talk_to() -> None:
    stretch = constraints.ladder_rung(p(ladder_rung=2), v(ladder_rung=5))
    assert said(stretch).endswith("Bespreek het met je jobcoach.")
    assert said(stretch, reader="coach").endswith("Bespreek het met de persoon.")
    assert said(stretch, "en", "employer").endswith("Talk about it with the job coach.")


PEOPLE = [
    p(),
    p(hours_min=None, hours_max=None, latitude=52.0, longitude=5.0, max_travel_km=1),
    p(latitude=52.0, longitude=5.0, languages=(("nl", "A1"),), accommodations=frozenset({"x"})),
    p(ladder_rung=1, consent_matching=False, languages=(("nl", "C2"),)),
    p(hours_min=1, hours_max=2, accommodations=frozenset({"extra_breaks"})),
]
VACANCIES = [VACANCY, v(latitude=52.5, longitude=5.5, language=("nl", "B1"), ladder_rung=5)]


@pytest.mark.parametrize("reader", ["person", "coach", "employer"])
def test_every_outcome_has_a_sentence_for_every_reader_and_language(reader: Reader) -> None:
    results = {
        c.key: c for person in PEOPLE for vac in VACANCIES for c in constraints.check(person, vac)
    }
    assert len(results) >= 15
    for result in results.values():
        for lang in ("nl", "en"):
            sentence = said(result, lang, reader)  # type: ignore[arg-type]
            assert sentence.endswith(".") and "{" not in sentence, (result.key, lang)
            if reader != "person":
                assert not sentence.startswith(("Je ", "You ")), (result.key, lang, reader)
