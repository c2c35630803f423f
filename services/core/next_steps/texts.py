"""Sentences for next steps in plain Dutch (B1) and English: short, one idea each, no jargon.

They speak to the employee ("je"); coaches see the same sentences. Pairs are (Dutch, English).
"""

from __future__ import annotations

from collections.abc import Sequence

from services.core.next_steps.models import Words


def _n(count: int, one: str, many: str) -> str:
    """`one` or `many`, with {n} filled in."""
    return (one if count == 1 else many).format(n=count)


def _list(items: Sequence[str], word: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def both(nl: Sequence[str], en: Sequence[str]) -> tuple[str, str]:
    """A list of things in Dutch ('a, b en c') and English ('a, b and c')."""
    return _list(nl, "en"), _list(en, "and")


def fits(title: str, have: int, total: int, learn: tuple[str, str]) -> Words:
    """Why a vacancy fits: how much the person can already do, and what is left to learn."""
    if total:
        nl = f"Je kunt al {have} van de {total} dingen die dit werk vraagt."
        en = f"You can already do {have} of the {total} things this work asks for."
    else:
        nl = "Voor dit werk zijn geen vaste vaardigheden nodig."
        en = "This work asks for no set skills."
    if learn[0]:
        nl += f" Leer nog: {learn[0]}."
        en += f" Still to learn: {learn[1]}."
    return Words(nl=f"{title}. {nl}", en=f"{title}. {en}")


def step_up_vacancy(title: str, have: int, total: int, learn: tuple[str, str]) -> Words:
    """Why a vacancy is a stepping stone."""
    base = fits(title, have, total, learn)
    return Words(
        nl=base.nl + " Dit is een stap verder op de ladder.",
        en=base.en + " This is a step up the ladder.",
    )


def occupation_step(
    label: tuple[str, str], similarity: float, learn: tuple[str, str], vacancies: int
) -> Words:
    """Why an occupation is a realistic next step."""
    share = round(similarity * 10)
    nl = f"Een volgende stap: {label[0]}. Je kunt al ongeveer {share} van de 10 dingen."
    en = f"A next step: {label[1]}. You can already do about {share} of 10 things."
    if learn[0]:
        nl += f" Leer nog: {learn[0]}."
        en += f" Still to learn: {learn[1]}."
    if vacancies:
        nl += _n(vacancies, " Er is nu {n} vacature.", " Er zijn nu {n} vacatures.")
        en += _n(vacancies, " There is {n} open vacancy.", " There are {n} open vacancies.")
    return Words(nl=nl, en=en)


def route(target: tuple[str, str], stops: Sequence[tuple[str, str]], to_learn: int) -> Words:
    """How a route leads to the target."""
    if not stops:
        return Words(
            nl=f"Je doel is {target[0]}. Je kunt daar direct naartoe werken.",
            en=f"Your goal is {target[1]}. You can work toward it directly.",
        )
    via_nl, via_en = both([s[0] for s in stops], [s[1] for s in stops])
    return Words(
        nl=f"Zo kom je bij {target[0]}: eerst {via_nl}. Onderweg leer je {to_learn} dingen.",
        en=f"This is how you get to {target[1]}: first {via_en}. "
        f"On the way you learn {to_learn} things.",
    )


def no_route(target: tuple[str, str]) -> Words:
    """When no route of at most three steps exists."""
    return Words(
        nl=f"We zien nog geen weg naar {target[0]} in drie stappen. Bespreek het met je jobcoach.",
        en=f"We see no way yet to {target[1]} in three steps. Talk about it with your job coach.",
    )


def module(title: tuple[str, str], hours: int, teaches: tuple[str, str], more: int) -> Words:
    """Why a module is in the plan."""
    nl = f"{title[0]} duurt {hours} uur. Je leert: {teaches[0]}."
    en = f"{title[1]} takes {hours} hours. You learn: {teaches[1]}."
    if more:
        nl += _n(more, " Daarna past {n} vacature meer.", " Daarna passen {n} vacatures meer.")
        en += _n(more, " After it, {n} more vacancy fits.", " After it, {n} more vacancies fit.")
    return Words(nl=nl, en=en)


def plan(goal: tuple[str, str], first: tuple[str, str] | None, hours: int, more: int) -> Words:
    """The plan in two or three sentences."""
    if first is None:
        return Words(
            nl=f"Voor {goal[0]} hoef je niets meer te leren.",
            en=f"For {goal[1]} there is nothing left to learn.",
        )
    nl = f"Voor {goal[0]}: leer eerst {first[0]}."
    en = f"For {goal[1]}: learn {first[1]} first."
    if hours:
        nl += f" Alles samen is {hours} uur leren."
        en += f" All together it is {hours} hours of learning."
    if more:
        nl += _n(more, " Daarna past {n} vacature meer.", " Daarna passen {n} vacatures meer.")
        en += _n(more, " After that, {n} more vacancy fits.", " After that, {n} more fit.")
    return Words(nl=nl, en=en)


def summary(fits_now: int, stones: int, has_plan: bool) -> Words:
    """The page's first sentences."""
    nl = [_n(fits_now, "Er past nu {n} vacature bij je.", "Er passen nu {n} vacatures bij je.")]
    en = [_n(fits_now, "{n} open vacancy fits you now.", "{n} open vacancies fit you now.")]
    if stones:
        nl.append(
            _n(stones, "Je hebt {n} volgende stap.", "Je hebt {n} mogelijke volgende stappen.")
        )
        en.append(_n(stones, "You have {n} next step.", "You have {n} possible next steps."))
    if has_plan:
        nl.append("Hieronder staat wat je kunt leren.")
        en.append("Below is what you can learn.")
    return Words(nl=" ".join(nl), en=" ".join(en))
