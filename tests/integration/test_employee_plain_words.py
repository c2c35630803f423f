"""The employee's own pages in plain Dutch: short sentences, no English without lang="en", no
job under the threshold called a fit, a job "now" or "next step" but never both, and the same
counts on every page. On the page tests' world (Noor: four of the five things her work asks),
with a job she fits badly added, on the starter taxonomy or full ESCO (OPSTAP_ESCO_DIR)."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from html.parser import HTMLParser
from typing import Any
from uuid import UUID

import asyncpg
import pytest

from services.api.pages.labels import vocabulary_names
from services.core.matching import service as matching
from services.core.settings import Settings
from services.core.vacancies import service as vacancies
from services.core.vacancies.models import VacancyIn
from tests.browser import world as pages_world
from tests.browser.http import page_client, sign_in

PAGES = ("/me", "/me/work", "/me/path", "/me/learn")  # these four count the same
OTHER_PAGES = ("/me/consents",)
# What the person was shown before: the coach's words and DigComp's numbers.
JARGON = (
    "DigComp", "van 8", "Niveau", "aanwezig", "via een verwante vaardigheid", "ontbreken",
    "ontbreekt", "Informatie- en datavaardigheden", "loonkostensubsidie",
)  # fmt: skip
NO_COURSE = "Voor deze vaardigheid is nog geen cursus. Vraag je jobcoach."
# Words that are English and not Dutch: one in Dutch text means an untranslated phrase.
ENGLISH = {
    "the", "and", "with", "ensure", "apply", "perform", "maintain", "manage", "use", "handle",
    "operate", "equipment", "skills", "work", "clean", "your",
}  # fmt: skip
BLOCKS = {
    "p", "li", "h1", "h2", "h3", "h4", "td", "th", "caption", "figcaption", "summary", "dt",
    "dd", "button", "a", "label", "legend", "title", "div", "section", "ul", "ol", "table", "tr",
}  # fmt: skip
VOID = {"br", "img", "input", "meta", "link", "hr"}


def words(text: str) -> list[str]:
    """The words of a text, lower case."""
    return re.findall(r"[^\W\d_][\w'\u2019-]*", text.lower())


def _blocks(html: str) -> list[str]:
    """The text of <main> (no SVG: pictures hidden from readers), cut at every block."""
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    main = re.sub(r"<svg.*?</svg>", " ", main, flags=re.S)
    block = "|".join(sorted(BLOCKS))
    pieces = re.split(rf"</?(?:{block})\b[^>]*>", main)
    return [" ".join(re.sub(r"<[^>]+>", " ", p).split()) for p in pieces]


def sentences(html: str) -> list[list[str]]:
    """The main text's sentences (as words): split at . ! ? and at every block element (list
    item, heading, paragraph, cell)."""
    return [
        words(part)
        for block in _blocks(html)
        for part in re.split(r"[.!?]+(?:\s|$)", block)
        if words(part)
    ]


class _Pieces(HTMLParser):
    """Text nodes of <main> (no SVG) with their language: the nearest lang attribute."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[tuple[str, str]] = []
        self.stack: list[tuple[str, str]] = []
        self.main = 0
        self.svg = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.main += tag == "main"
        self.svg += tag == "svg"
        if tag not in VOID:
            parent = self.stack[-1][1] if self.stack else "nl"
            self.stack.append((tag, dict(attrs).get("lang") or parent))

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop()[0] != tag:
            pass
        self.main -= tag == "main"
        self.svg -= tag == "svg"

    def handle_data(self, data: str) -> None:
        if self.main and not self.svg and data.strip():
            self.pieces.append((" ".join(data.split()), self.stack[-1][1] if self.stack else "nl"))


def dutch_text(html: str) -> list[str]:
    """Every piece of main text that is not inside an element marked lang="en"."""
    parser = _Pieces()
    parser.feed(html)
    parser.close()
    return [text for text, lang in parser.pieces if lang != "en"]


def ngrams(text: str, most: int = 8) -> set[str]:
    """Every run of 2 to `most` words of the text, lower case, punctuation dropped."""
    found = words(re.sub(r"[,;:()]", " ", text))
    return {
        " ".join(found[i : i + n]) for n in range(2, most + 1) for i in range(len(found) - n + 1)
    }


@pytest.fixture(scope="module")
async def world(pool: asyncpg.Pool, settings: Settings) -> pages_world.World:
    """The page world, and a job Noor fits badly: scored, so stored as a match under the
    threshold (the skills of another occupation than hers)."""
    found = await pages_world.build(pool, settings)
    async with pool.acquire() as conn, conn.transaction():
        other = await conn.fetchrow(
            "SELECT occupation_uri, array_agg(skill_uri ORDER BY skill_uri) AS skills "
            "FROM occupation_skill WHERE relation = 'essential' AND occupation_uri <> ALL($1) "
            "GROUP BY occupation_uri HAVING count(*) >= 6 ORDER BY occupation_uri LIMIT 1",
            [found.occupation],
        )
        skills = [u for u in other["skills"] if u not in found.skills][:5] + found.skills[:1]
        item = VacancyIn(
            title=f"Inpakker {found.tag}",
            description="Werk in een team.",
            occupation_uri=other["occupation_uri"],
            contract_kind="wise_paid",
            hours_min=16,
            hours_max=32,
            skills=[{"skill_uri": u, "relation": "essential"} for u in skills],
        )
        employer = found.logins["employer"].actor
        vacancy = await vacancies.create(conn, employer, item)
        await vacancies.transition(conn, employer, vacancy, "publish")
        await matching.rescore_vacancy(conn, vacancy.id)
        found.vacancies["poor_fit"] = vacancy.id
        # Noor can search the internet: a DigComp competence's skill, observed at level 2.
        await conn.execute(
            "INSERT INTO employee_skill (employee_id, skill_uri, level, source) "
            "SELECT $1, skill_uri, 2, 'observed' FROM digcomp_competence "
            "ORDER BY area_id, id LIMIT 1 ON CONFLICT DO NOTHING",
            found.people["noor"],
        )
    return found


@pytest.fixture(scope="module")
async def noor(app: Any, world: pages_world.World) -> AsyncIterator[Any]:
    """Noor's browser, signed in, reading Dutch."""
    async with page_client(app) as http:
        assert (await sign_in(http, world.logins["employee"].email)).status_code == 303
        http.cookies.set("opstap_lang", "nl")
        yield http


async def _pages(noor: Any) -> dict[str, str]:
    found = {}
    for path in (*PAGES, *OTHER_PAGES):
        response = await noor.get(path)
        assert response.status_code == 200, (path, response.status_code)
        found[path] = response.text
    work = found["/me/work"]
    for vacancy_id in dict.fromkeys(re.findall(r'href="/me/jobs/([0-9a-f-]{36})"', work)):
        response = await noor.get(f"/me/jobs/{vacancy_id}")
        assert response.status_code == 200
        found[f"/me/jobs/{vacancy_id}"] = response.text
    return found


async def _scores(pool: asyncpg.Pool, world: pages_world.World) -> dict[UUID, float]:
    rows = await pool.fetch(
        "SELECT vacancy_id, score FROM match WHERE employee_id = $1", world.people["noor"]
    )
    return {r["vacancy_id"]: r["score"] for r in rows}


def _cards(html: str, kind: str) -> list[UUID]:
    """The jobs of one kind listed on a page, by the page their card opens (a card's first
    link to a job is its own)."""
    chunks = html.split(f'<li class="card" data-kind="{kind}">')[1:]
    return [UUID(re.search(r'href="/me/jobs/([0-9a-f-]{36})"', c).group(1)) for c in chunks]


async def test_sentences_are_short_on_every_page_of_the_person(noor: Any) -> None:
    for path, html in (await _pages(noor)).items():
        found = sentences(html)
        assert found, path
        average = sum(len(s) for s in found) / len(found)
        assert average <= 10, (path, average, max(found, key=len))


async def test_no_english_outside_an_element_marked_english(
    noor: Any, pool: asyncpg.Pool, taxonomy_is_esco: bool
) -> None:
    dutch_names = vocabulary_names()
    rows = await pool.fetch("SELECT uri, label_en FROM skill WHERE label_nl IS NULL")
    english = {
        " ".join(words(re.sub(r"[,;:()]", " ", r["label_en"])))
        for r in rows
        if r["uri"] not in dutch_names and len(words(r["label_en"])) >= 2
    }
    shown_english = 0
    for path, html in (await _pages(noor)).items():
        shown_english += html.count('lang="en"')
        for piece in dutch_text(html):
            assert not ENGLISH & set(words(piece)), (path, piece)
            assert not english & ngrams(piece), (path, piece, english & ngrams(piece))
    if taxonomy_is_esco:  # ESCO has no Dutch skill labels: many are shown, each one marked
        assert shown_english > 0


async def test_no_job_under_the_threshold_is_called_a_fit_and_none_is_both(
    noor: Any, pool: asyncpg.Pool, world: pages_world.World, settings: Settings
) -> None:
    pages = await _pages(noor)
    scores = await _scores(pool, world)
    poor = world.vacancies["poor_fit"]
    assert scores[poor] < settings.notify_min_score  # the world has a job she fits badly
    for path in ("/me/work", "/me/path", "/me"):
        now = _cards(pages[path], "now")
        later = _cards(pages[path], "next")
        assert not set(now) & set(later), path
        assert all(scores[v] >= settings.notify_min_score for v in now), path
    assert poor not in _cards(pages["/me/work"], "now")
    assert _cards(pages["/me/work"], "now"), "Noor fits her own work"
    for path, html in pages.items():
        if path.startswith("/me/jobs/"):
            verdict = re.search(r'data-verdict="(\w+)"', html).group(1)
            vacancy = UUID(path.rsplit("/", 1)[1])
            if verdict in ("now", "fits"):
                assert scores[vacancy] >= settings.notify_min_score, path
    poor_page = await noor.get(f"/me/jobs/{poor}")
    assert poor_page.status_code == 200
    assert 'data-verdict="now"' not in poor_page.text
    assert 'data-verdict="fits"' not in poor_page.text
    assert "Dit werk past nog niet goed bij jou." in poor_page.text


async def test_every_page_of_the_person_shows_the_same_counts(noor: Any) -> None:
    pages = await _pages(noor)
    counts = {
        path: re.search(
            r'data-count-now="(\d+)" data-count-next="(\d+)" data-count-learn="(\d+)"', pages[path]
        ).groups()
        for path in PAGES
    }
    assert len(set(counts.values())) == 1, counts
    now, later, _ = (int(n) for n in counts["/me"])
    assert len(_cards(pages["/me/work"], "now")) == now
    assert len(_cards(pages["/me/work"], "next")) == later
    assert len(_cards(pages["/me/path"], "next")) == later
    assert now >= 1
    word = "baan past" if now == 1 else "banen passen"
    assert f"Er {'past' if now == 1 else 'passen'} nu {now} {word.split()[0]}" in pages["/me"]


async def test_no_jargon_and_computer_skills_in_words(noor: Any) -> None:
    pages = await _pages(noor)
    for path, html in pages.items():
        text = " ".join(_blocks(html))
        assert not [j for j in JARGON if j in text], (path, [j for j in JARGON if j in text])
    learn = " ".join(_blocks(pages["/me/learn"]))
    assert "Computervaardigheden" in learn
    assert re.search(
        r"Je (begint|kunt het met hulp|kunt het zelf|kunt het anderen uitleggen)", learn
    )


async def test_every_skill_to_learn_has_a_course_or_says_there_is_none(noor: Any) -> None:
    html = (await noor.get("/me/learn")).text
    learn = html.split('<ul class="cards easy-cards">', 1)
    if len(learn) == 1:  # nothing to learn for the goal: it says so
        assert "niets nieuws te leren" in html or "Praat met je jobcoach" in html
        return
    cards = learn[1].split("</ul>", 1)[0].split('<li class="card">')[1:]
    assert cards
    for card in cards:
        assert ("Cursus:" in card) != (NO_COURSE in card), card
