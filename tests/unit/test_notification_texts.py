"""Notifications worded at read time from their stored kind and data, in the reader's language:
every kind in both languages, employers addressed as on the pages, rows of every age."""

from __future__ import annotations

from typing import Any

import pytest

from services.core.notifications.texts import BODIES, Facts, render


def facts(kind: str, **data: Any) -> Facts:
    return Facts(kind, data, "Daan de Boer", "Magazijnmedewerker", "Groenhof")


LEARN = [{"uri": "s1", "en": "forklift", "nl": "heftruck"}, {"uri": "s2", "en": "stock"}]


def test_a_match_tells_the_person_what_they_can_do_and_learn() -> None:
    data = {"have": 3, "total": 5, "learn": LEARN, "score": 72, "step_up": False}
    title, body = render(facts("match_found", **data), "nl")
    assert title == "Werk dat bij je past: Magazijnmedewerker"
    assert body == (
        "Groenhof zoekt iemand als Magazijnmedewerker. "
        "Je kunt al 3 van de 5 dingen die dit werk vraagt. "
        "Leer nog: heftruck en stock. Wil je dit? Praat erover met je jobcoach."
    )
    title, body = render(facts("match_found", **{**data, "step_up": True}), "en")
    assert title == "A step up: Magazijnmedewerker"
    assert "Still to learn: forklift and stock." in body


def test_a_coach_reads_about_the_person_by_name() -> None:
    data = {"have": 2, "total": 4, "learn": [], "score": 64, "step_up": True}
    title, body = render(facts("caseload_match", **data), "nl")
    assert title == "Nieuwe match voor Daan de Boer: Magazijnmedewerker"
    assert "Daan de Boer kan al 2 van de 4" in body and "(score 64)" in body
    assert "participatieladder" in body and "Ontbreekt nog" not in body


def test_an_employer_is_addressed_as_on_the_pages_not_as_u() -> None:
    title, body = render(facts("candidate_found", score=81), "nl")
    assert title == "Nieuwe kandidaat voor Magazijnmedewerker"
    words = body.replace(".", " ").replace(",", " ").split()
    assert "u" not in words and "uw" not in words
    assert "jullie" in words and "je" in words


@pytest.mark.parametrize(
    ("status", "audience", "expected"),
    [
        ("filled", "employee", "Groenhof heeft iemand gevonden voor Magazijnmedewerker. Je hoeft"),
        ("closed", "coach", "Groenhof zoekt niet meer voor Magazijnmedewerker. De match met Daan"),
    ],
)
def test_a_closed_vacancy_says_what_happened(status: str, audience: str, expected: str) -> None:
    _, body = render(facts("vacancy_closed", status=status, audience=audience), "nl")
    assert body.startswith(expected)


def test_every_kind_reads_in_both_languages_from_old_and_sparse_data() -> None:
    for kind in BODIES:
        for lang in ("nl", "en"):
            title, body = render(Facts(kind, {}, None, None, None), lang)  # type: ignore[arg-type]
            assert title and body and "{" not in title + body, (kind, lang)
    assert render(Facts("match_found", {}, None, None, None), "en")[0].endswith("a vacancy")


def test_a_kind_the_code_does_not_know_is_a_plain_message() -> None:
    assert render(facts("something_new"), "nl") == ("Nieuw bericht", "")
    assert render(facts("something_new"), "en") == ("New message", "")
