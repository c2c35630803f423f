"""Next-step sentences from the catalogue: the taxonomy's labels in the language asked when it
has them, lists and counts as each language writes them."""

from __future__ import annotations

from services.core.next_steps import texts
from services.core.next_steps.models import Occupation, Skill

FORKLIFT = Skill(uri="s1", label_nl="heftruck rijden", label_en="drive a forklift")
STOCK = Skill(uri="s2", label_nl=None, label_en="manage stock")
CLEANER = Occupation(uri="o1", label_nl="schoonmaker", label_en="cleaner")
COOK = Occupation(uri="o2", label_nl=None, label_en="cook")


def test_a_vacancy_that_fits_says_what_is_left_to_learn() -> None:
    why = texts.fits("Magazijnmedewerker", 3, 5, [FORKLIFT, STOCK], step_up=False)
    assert why.nl == (
        "Magazijnmedewerker. Je kunt al 3 van de 5 dingen die dit werk vraagt. "
        "Leer nog: heftruck rijden en manage stock."
    )
    assert why.en.endswith("Still to learn: drive a forklift and manage stock.")
    step = texts.fits("Teamleider", 0, 0, [], step_up=True)
    assert step.nl == (
        "Teamleider. Voor dit werk zijn geen vaste vaardigheden nodig. "
        "Dit is een stap verder op de ladder."
    )
    assert step.in_language("en").endswith("This is a step up the ladder.")


def test_counts_choose_the_singular_or_the_plural() -> None:
    one = texts.summary(1, 1, False)
    assert one.nl == "Er past nu 1 vacature bij je. Je hebt 1 volgende stap."
    assert one.en == "1 open vacancy fits you now. You have 1 next step."
    many = texts.summary(0, 3, True)
    assert many.nl.startswith("Er passen nu 0 vacatures bij je. Je hebt 3 mogelijke")
    assert texts.occupation_step(CLEANER, 0.62, [], 1).en.endswith("There is 1 open vacancy.")
    assert texts.module("Heftruck", "Forklift", 1, [FORKLIFT], 2).en == (
        "Forklift takes 1 hour. You learn: drive a forklift. After it, 2 more vacancies fit."
    )


def test_a_route_names_its_stops_in_each_language() -> None:
    route = texts.route(CLEANER, [COOK, CLEANER], 1)
    assert (
        route.nl == "Zo kom je bij schoonmaker: eerst cook en schoonmaker. Onderweg leer je 1 ding."
    )
    assert (
        route.en
        == "This is how you get to cleaner: first cook and cleaner. On the way you learn 1 thing."
    )
    assert texts.route(COOK, [], 0).nl == "Je doel is cook. Je kunt daar direct naartoe werken."
    assert texts.no_route(CLEANER).en.startswith("We see no way yet to cleaner in three steps.")


def test_a_plan_says_where_to_begin_and_what_it_opens() -> None:
    plan = texts.plan("Kok", FORKLIFT, 12, 1)
    assert plan.nl == (
        "Voor Kok: leer eerst heftruck rijden. Alles samen is 12 uur leren. "
        "Daarna past 1 vacature meer."
    )
    assert texts.plan("Kok", None, 0, 0).en == "For Kok there is nothing left to learn."


def test_a_coach_reads_about_the_person_where_the_person_reads_je() -> None:
    why = texts.fits("Magazijnmedewerker", 3, 5, [FORKLIFT], step_up=False, reader="coach")
    assert why.nl == (
        "Magazijnmedewerker. Deze persoon kan al 3 van de 5 dingen die dit werk vraagt. "
        "Nog te leren: heftruck rijden."
    )
    summary = texts.summary(2, 1, True, reader="coach")
    assert summary.en == (
        "2 open vacancies fit this person now. This person has 1 next step. "
        "Below is what this person can learn."
    )
    assert texts.no_route(CLEANER, "coach").nl.endswith("Bespreek het met de persoon.")
    # Where the words are the same for everyone, the coach gets the plain text.
    assert texts.occupation_step(CLEANER, 0.5, [], 2, "coach").nl.endswith(
        "Er zijn nu 2 vacatures."
    )
