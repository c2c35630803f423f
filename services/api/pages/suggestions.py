"""Skills suggested from a pasted text, as the coach's profile page and the vacancy form show
them: a checkbox each, the phrase of the text it came from, the confidence in words, and the
likely occupations as a line of text.

Nothing is added here. On a vacancy a suggestion is ticked in advance when it is near certain;
on a person's profile none is (what a person can do is for the jobcoach to confirm, one by one).
The pages add what is ticked, on the person's click, through the same services as a single
skill. The suggestions that are only possible are shown folded, below the others.
The suggestions travel with the form as hidden fields (as the vacancy form keeps its skills), so
a form that comes back with an error, or a step of the vacancy form, shows them again without
asking the model twice; their labels are always read from the taxonomy again.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field

import asyncpg
from fastapi import Request

from services.api.pages import forms, labels
from services.api.pages.i18n import Lang
from services.core.errors import Invalid
from services.core.settings import Settings
from services.core.taxonomy import suggest

# Confidence bands, in words: at least CERTAIN "zeker" (ticked in advance; essential on a
# vacancy), at least LIKELY "waarschijnlijk", below that "misschien". The curated vocabulary's
# terms (0.95) and a sentence near a label in meaning (cosine 0.78 or more) are certain.
CERTAIN = 0.8
LIKELY = 0.5
BANDS = ("certain", "likely", "possible")
LIMIT = 20
TEXT = "suggest_text"  # the textarea's name (and, with dashes, its id)
TICKED = "suggested"  # the checkboxes' name and the fieldset's id
MESSAGES = {
    "empty": "suggest.error_empty",
    "no_words": "suggest.error_no_words",
    "script": "suggest.error_script",
}


def band(confidence: float) -> str:
    """certain, likely or possible."""
    if confidence >= CERTAIN:
        return "certain"
    return "likely" if confidence >= LIKELY else "possible"


@dataclass
class Suggested:
    """One suggested skill as the form shows it."""

    uri: str
    phrase: str
    confidence: float
    ticked: bool
    relation: str  # essential or optional (what a vacancy asks; the profile leaves it)
    label: str = ""
    label_lang: str = ""

    @property
    def band(self) -> str:
        """The confidence in words: certain, likely or possible."""
        return band(self.confidence)


@dataclass
class Proposal:
    """The suggestions part of a form."""

    text: str = ""
    skills: list[Suggested] = field(default_factory=list)
    occupations: list[str] = field(default_factory=list)  # URIs, likeliest first
    occupation_labels: list[tuple[str, str]] = field(default_factory=list)  # (label, lang)
    asked: bool = False  # suggestions were made (so "none found" can be said)
    left_out: int = 0  # suggestions the form already holds, not shown again

    def ticked(self) -> list[Suggested]:
        """The suggestions ticked, in the order shown."""
        return [s for s in self.skills if s.ticked]

    def shown(self) -> tuple[list[Suggested], list[Suggested]]:
        """The suggestions to show at once and those to fold away (only possible ones, when
        there are surer ones to show first)."""
        first = [s for s in self.skills if s.band != "possible"]
        if not first:
            return self.skills, []
        return first, [s for s in self.skills if s.band == "possible"]


def _default(confidence: float) -> tuple[bool, str]:
    """Ticked in advance, and the relation to a vacancy."""
    certain = band(confidence) == "certain"
    return certain, "essential" if certain else "optional"


async def ask(
    conn: asyncpg.Connection,
    settings: Settings,
    text: str,
    lang: Lang,
    t: Callable[..., str],
    have: Collection[str] = (),
    *,
    tick: bool = True,
) -> tuple[Proposal, str | None]:
    """Suggestions for `text`, leaving out the skills in `have` (the certain ones ticked when
    `tick`); or the message to show beside the text when it cannot be read (empty, too long, no
    words, another script)."""
    proposal = Proposal(text=text)
    try:
        found = await suggest.suggest(conn, settings, text=text, lang=lang, limit=LIMIT)
    except Invalid as exc:
        return proposal, message(exc, t)
    proposal.asked = True
    for skill in found.skills:
        if skill.uri in have:
            proposal.left_out += 1
            continue
        ticked, relation = _default(skill.confidence)
        proposal.skills.append(
            Suggested(skill.uri, skill.phrase, skill.confidence, ticked and tick, relation)
        )
    proposal.occupations = [o.uri for o in found.occupations]
    return proposal, None


def message(exc: Invalid, t: Callable[..., str]) -> str:
    """What to tell about a text the suggestions cannot read."""
    code = str((exc.fields or {}).get("text", ""))
    if code == "too_long":
        return t("error.too_long", n=suggest.MAX_TEXT)
    return t(MESSAGES.get(code, "error.check"))


async def carried(request: Request) -> Proposal:
    """The suggestions the form brought back (hidden fields), ticked as the person left them."""
    entered = await forms.values(request)
    rows = await forms.lists(
        request,
        "suggested_uri",
        "suggested_phrase",
        "suggested_confidence",
        "suggested_relation",
        "suggested_occupation",
        TICKED,
    )
    ticked = set(rows[TICKED])
    left_out = entered.get("suggested_left_out", "")[:3]
    skills: list[Suggested] = []
    relations = rows["suggested_relation"]
    for i, (uri, phrase, value) in enumerate(
        zip(
            rows["suggested_uri"],
            rows["suggested_phrase"],
            rows["suggested_confidence"],
            strict=False,
        )
    ):
        if not uri or any(s.uri == uri for s in skills):
            continue
        confidence = _confidence(value)
        relation = relations[i] if i < len(relations) else _default(confidence)[1]
        if relation not in ("essential", "optional"):
            relation = "optional"
        skills.append(Suggested(uri, phrase[:500], confidence, uri in ticked, relation))
    return Proposal(
        text=entered.get(TEXT, ""),
        skills=skills,
        occupations=[u for u in rows["suggested_occupation"] if u][: suggest.LIKELY_OCCUPATIONS],
        asked=bool(skills),
        left_out=int(left_out) if left_out.isdigit() else 0,
    )


def _confidence(value: str) -> float:
    try:
        return max(0.0, min(1.0, float(value)))
    except ValueError:
        return 0.0


async def label(conn: asyncpg.Connection, proposal: Proposal, lang: Lang) -> None:
    """The labels of the suggested skills and occupations in `lang`, with the language each
    label is in (ESCO's skills have English labels only)."""
    names = await labels.skill_labels(conn, [s.uri for s in proposal.skills], lang)
    for skill in proposal.skills:
        skill.label, skill.label_lang = names[skill.uri]
    occupations = await labels.occupation_labels(conn, proposal.occupations, lang)
    proposal.occupation_labels = [occupations[u] for u in proposal.occupations if u in occupations]
