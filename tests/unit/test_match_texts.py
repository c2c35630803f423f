"""A stored match's constraints in words: new rows keep keys and fields and are worded for the
reader at read time; rows stored before keep and show their own sentences."""

from __future__ import annotations

import dataclasses
from typing import Any
from uuid import uuid4

from services.core.access.policy import Actor, Role
from services.core.matching import texts
from services.matcher import constraints
from services.matcher.types import Explanation, Person, Vacancy

PERSON = Person("p", (), 3, latitude=52.37, longitude=4.90, max_travel_km=5, consent_matching=True)
VACANCY = Vacancy("v", (), 5, "regular", 24, 32, latitude=52.40, longitude=4.90)


def _stored() -> dict[str, Any]:
    explanation = Explanation(
        "p",
        "v",
        71.5,
        {"essential": 80.0},
        (),
        (),
        (),
        (),
        constraints.check(PERSON, VACANCY),
        "m1",
    )
    return dataclasses.asdict(explanation)  # as core/matching stores it


def _old_row() -> dict[str, Any]:
    """An explanation as matches were stored before: sentences, no keys."""
    data = _stored()
    data["constraints"] = [
        {"code": "distance", "status": "pass", "detail": {"km": 3.3, "max_km": 5},
         "label_nl": "Je woont 3 km van het werk.", "label_en": "You live 3 km from the work."},
    ]  # fmt: skip
    return data


def test_a_stored_explanation_keeps_keys_and_fields_not_sentences() -> None:
    stored = _stored()["constraints"]
    distance = next(c for c in stored if c["code"] == "distance")
    assert distance["key"] == "constraint.distance.pass"
    assert distance["fields"] == {"km": 3.3, "max_km": 5}
    assert all("label_nl" not in c and "label_en" not in c for c in stored)


def test_each_reader_reads_the_constraints_in_their_own_words() -> None:
    def distance(reader: texts.Reader) -> tuple[str, str]:
        found = texts.explanation(_stored(), reader).constraints[1]
        return found.label_nl, found.label_en

    assert distance("person") == ("Je woont 3 km van het werk.", "You live 3 km from the work.")
    assert distance("coach") == (
        "Deze persoon woont 3 km van het werk.",
        "This person lives 3 km from the work.",
    )
    ladder = texts.explanation(_stored(), "employer").constraints[2]
    assert ladder.key == "constraint.ladder_rung.stretch"
    assert ladder.label_nl.endswith("Bespreek het met de jobcoach.")


def test_an_old_stored_explanation_is_worded_for_its_reader_from_its_detail() -> None:
    shown = texts.explanation(_old_row(), "coach").constraints
    assert [(c.key, c.label_nl, c.label_en) for c in shown] == [
        (
            "constraint.distance.pass",
            "Deze persoon woont 3 km van het werk.",
            "This person lives 3 km from the work.",
        )
    ]
    named = texts.explanation(_old_row(), "employer", "Noor Visser").constraints[0]
    assert named.label_nl == "Noor woont 3 km van het werk."
    mine = texts.explanation(_old_row(), "person").constraints[0]
    assert mine.label_nl == "Je woont 3 km van het werk."


def test_an_old_constraint_that_cannot_be_read_back_keeps_its_sentences() -> None:
    data = _old_row()
    data["constraints"][0]["code"] = "something_else"
    shown = texts.explanation(data, "coach").constraints[0]
    assert (shown.key, shown.label_nl) == (None, "Je woont 3 km van het werk.")


def test_a_coach_and_an_employer_read_about_the_person_by_first_name() -> None:
    def words(reader: texts.Reader, name: str | None) -> list[str]:
        return [c.label_nl for c in texts.explanation(_stored(), reader, name).constraints]

    coach, employer = words("coach", "Noor Visser"), words("employer", "Noor Visser")
    assert coach[1] == "Noor woont 3 km van het werk."
    assert coach[2].endswith("Bespreek het met Noor.")
    assert employer[2].endswith("Bespreek het met de jobcoach van Noor.")
    assert not any(" je " in f" {s.lower()}" or "jouw" in s.lower() for s in coach + employer)
    assert words("person", "Noor Visser")[1] == "Je woont 3 km van het werk."
    english = texts.explanation(_stored(), "coach", "Noor Visser").constraints[1].label_en
    assert english == "Noor lives 3 km from the work."


def test_a_key_the_catalogue_no_longer_has_says_the_outcome() -> None:
    data = _stored()
    data["constraints"] = [{**data["constraints"][0], "key": "constraint.gone", "status": "fail"}]
    shown = texts.explanation(data, "person").constraints[0]
    assert (shown.label_nl, shown.label_en) == ("Bespreken", "To discuss")


def test_the_reader_follows_the_role() -> None:
    def actor(role: Role) -> Actor:
        return Actor(uuid4(), uuid4(), "wise", role, "Sam")

    assert texts.reader_of(actor(Role.EMPLOYEE)) == "person"
    assert texts.reader_of(actor(Role.EMPLOYER)) == "employer"
    assert texts.reader_of(actor(Role.JOBCOACH)) == "coach"
    assert texts.reader_of(actor(Role.ADMIN)) == "coach"
