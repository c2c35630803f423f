"""Skill search and suggestions from free text: quality on our labelled set, speed and memory.

The labelled set (bench/data/, written by hand from skills_en.csv, independently of the search
and of the vocabulary; see its README) holds everyday Dutch and English queries with the ESCO
skills that are a right answer, and vacancy texts and coach notes with the skills a jobcoach
would pick. Everything is measured through a real `opstap api` process on a temporary database:
- search: a right skill in the top 5 (count of queries), precision@5 and @10, per language;
  baseline: the label search alone (pg_trgm over the labels, what Opstap had before);
- suggestions: precision@5 and @10 per language, on the texts the suggestions were tuned on
  and, apart, on three held-out sets of 16 texts each written later without the suggestion code
  (vacancy_texts_heldout.jsonl, "held-out"; vacancy_texts_heldout2.jsonl, "held-out 2",
  committed before the suggestions' second round of work; vacancy_texts_heldout3.jsonl,
  "held-out 3", committed before the third; vacancy_texts_heldout4.jsonl, "held-out 4", committed
  before the fourth); baseline: the label search run on
  each phrase of the text (its best hit per phrase, by trigram score);
- latency at the API (each query REPEAT times, after a warm-up), p50 and p95;
- the encoding of every label from a cold cache (the import's extra step), and the API
  process's resident memory (peak) with the model and the vectors loaded.
Run alone: `.venv/bin/opstap services run -- .venv/bin/python -m bench.skill_search`
(OPSTAP_ESCO_DIR=/path/to/esco for full ESCO; the labelled set is for ESCO URIs).
"""

from __future__ import annotations

import asyncio
import csv
import json
import socket
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from bench import common
from bench.common import Figure
from bench.pipeline import Processes, _database, _env
from services.core import bootstrap, db, security
from services.core.accounts import repository as accounts
from services.core.taxonomy import repository, service, suggest
from services.core.taxonomy.models import Lang

DATA = Path(__file__).parent / "data"
REPEAT = 5
HELD_OUT_2 = "vacancy_texts_heldout2.jsonl"
HELD_OUT_3 = "vacancy_texts_heldout3.jsonl"
HELD_OUT_4 = "vacancy_texts_heldout4.jsonl"
PASSWORD = "bench-password-2026"


@dataclass(frozen=True)
class Query:
    text: str
    lang: Lang
    relevant: frozenset[str]


@dataclass(frozen=True)
class Text:
    id: str
    lang: Lang
    text: str
    relevant: frozenset[str]


def queries() -> list[Query]:
    """The labelled search queries."""
    with (DATA / "skill_queries.csv").open(encoding="utf-8") as f:
        return [
            Query(r["query"], r["lang"], frozenset(r["relevant_uris"].split()))  # type: ignore[arg-type]
            for r in csv.DictReader(f)
        ]


def texts() -> list[Text]:
    """The labelled vacancy texts and coach notes: the set the suggestions were tuned on, then
    the held-out sets written independently of the suggestion code (ids `ho-*`, `h2-*`, `h3-*`,
    `h4-*`)."""
    rows = []
    files = (
        "vacancy_texts.jsonl",
        "vacancy_texts_heldout.jsonl",
        HELD_OUT_2,
        HELD_OUT_3,
        HELD_OUT_4,
    )
    for name in files:
        with (DATA / name).open(encoding="utf-8") as f:
            rows += [json.loads(line) for line in f if line.strip()]
    return [Text(r["id"], r["lang"], r["text"], frozenset(r["relevant_uris"])) for r in rows]


def text_kind(text: Text) -> str:
    """How a text is reported: coach notes, or a vacancy text by language, held out or not."""
    if text.id.startswith("notes-"):
        return "notes"
    if text.id.startswith("h2-"):
        return f"{text.lang} held-out 2"
    if text.id.startswith("h3-"):
        return f"{text.lang} held-out 3"
    if text.id.startswith("h4-"):
        return f"{text.lang} held-out 4"
    return f"{text.lang} held-out" if text.id.startswith("ho-") else text.lang


def precision(found: Sequence[str], relevant: frozenset[str], k: int) -> float:
    """Share of the first k that are relevant (a list shorter than k counts the gap as wrong)."""
    return sum(1 for uri in found[:k] if uri in relevant) / k


@dataclass
class Scores:
    """Per language: hits in the top 5, precision@5, precision@10, count."""

    top5: dict[str, int]
    p5: dict[str, list[float]]
    p10: dict[str, list[float]]

    @classmethod
    def empty(cls) -> Scores:
        return cls({}, {}, {})

    def add(self, lang: str, found: Sequence[str], relevant: frozenset[str]) -> None:
        self.top5[lang] = self.top5.get(lang, 0) + int(any(u in relevant for u in found[:5]))
        self.p5.setdefault(lang, []).append(precision(found, relevant, 5))
        self.p10.setdefault(lang, []).append(precision(found, relevant, 10))

    def mean(self, which: dict[str, list[float]], lang: str) -> float:
        return statistics.fmean(which.get(lang) or [0.0])


def _pct(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _rss(pid: int) -> tuple[float, float]:
    """(resident, peak resident) MiB of a process."""
    fields = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
    )
    return tuple(int(fields[k].split()[0]) / 1024 for k in ("VmRSS", "VmHWM"))  # type: ignore[return-value]


async def _wait_ready(http: httpx.AsyncClient, processes: Processes) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        processes.check()
        try:
            if (await http.get("/ready")).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        await asyncio.sleep(0.3)
    raise RuntimeError("opstap api did not become ready")


async def run(folder: Path) -> tuple[list[Figure], str]:
    """Figures and a report on the taxonomy in `folder`."""
    with tempfile.TemporaryDirectory(prefix="opstap-bench-search-") as tmp:
        async with _database(folder, Path(tmp)) as settings:
            started = time.perf_counter()
            await bootstrap.build_vectors(settings)  # a fresh data folder: a cold cache
            encode_s = time.perf_counter() - started
            conn = await db.connect(str(settings.database_url))
            try:
                async with conn.transaction():
                    org = await accounts.insert_organisation(conn, "wise", {"name": "Bench search"})
                    await accounts.insert_account(
                        conn,
                        org["id"],
                        "coach@search.bench.example",
                        "Bench coach",
                        "jobcoach",
                        security.hash_password(PASSWORD),
                    )
                return await _measure(settings, conn, encode_s)
            finally:
                await conn.close()


async def _measure(settings: Any, conn: Any, encode_s: float) -> tuple[list[Figure], str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    processes = Processes(
        _env(settings) | {"OPSTAP_PORT": str(port), "OPSTAP_LOG_LEVEL": "WARNING"},
        Path(tempfile.mkdtemp(prefix="opstap-bench-search-logs-")),
    )
    processes.start("api", "api")
    base = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient(base_url=base, timeout=60) as http:
            await _wait_ready(http, processes)
            form = {"username": "coach@search.bench.example", "password": PASSWORD}
            token = (await http.post("/api/v1/auth/token", data=form)).json()["access_token"]
            headers = {"Authorization": f"Bearer {token}"}
            return await _quality(http, headers, conn, settings, encode_s, processes)
    finally:
        processes.stop_all()


async def _quality(
    http: httpx.AsyncClient,
    headers: dict[str, str],
    conn: Any,
    settings: Any,
    encode_s: float,
    processes: Processes,
) -> tuple[list[Figure], str]:
    ours, base = Scores.empty(), Scores.empty()
    search_ms: list[float] = []
    for query in queries():
        params = {"q": query.text, "lang": query.lang, "limit": "10"}
        found = [
            h["uri"]
            for h in (await http.get("/api/v1/taxonomy/skills", params=params)).json()["items"]
        ]
        for _ in range(REPEAT):
            started = time.perf_counter()
            await http.get("/api/v1/taxonomy/skills", params=params)
            search_ms.append((time.perf_counter() - started) * 1000)
        ours.add(query.lang, found, query.relevant)
        async with conn.transaction():
            plain = await repository.search_skills(
                conn,
                query=service.normalize_query(query.text) or "",
                lang=query.lang,
                collection=None,
                limit=10,
                offset=0,
            )
        base.add(query.lang, [h.uri for h in plain.items], query.relevant)
    sugg, sugg_base = Scores.empty(), Scores.empty()
    suggest_ms: list[float] = []
    for text in texts():
        body = {"text": text.text, "lang": text.lang, "limit": 20}
        started = time.perf_counter()
        answer = await http.post("/api/v1/taxonomy/skills/suggest", json=body, headers=headers)
        suggest_ms.append((time.perf_counter() - started) * 1000)
        if answer.status_code != 200:
            raise RuntimeError(f"suggest {text.id}: {answer.status_code} {answer.text}")
        kind = text_kind(text)
        sugg.add(kind, [s["uri"] for s in answer.json()["skills"]], text.relevant)
        sugg_base.add(kind, await _phrase_baseline(conn, text), text.relevant)
    resident, peak = _rss(processes.running["api"].pid)
    return _report(ours, base, sugg, sugg_base, search_ms, suggest_ms, encode_s, resident, peak)


async def _phrase_baseline(conn: Any, text: Text) -> list[str]:
    """The label search's best hit for each phrase, ranked by its trigram score."""
    best: dict[str, float] = {}
    for phrase in suggest.phrases(text.text):
        query = service.normalize_query(phrase.text[:200])
        if not query:
            continue
        async with conn.transaction():
            page = await repository.search_skills(
                conn, query=query, lang=text.lang, collection=None, limit=1, offset=0
            )
        for hit in page.items:
            best[hit.uri] = max(best.get(hit.uri, 0.0), hit.score or 0.0)
    return sorted(best, key=lambda uri: (-best[uri], uri))


def _report(
    ours: Scores,
    base: Scores,
    sugg: Scores,
    sugg_base: Scores,
    search_ms: list[float],
    suggest_ms: list[float],
    encode_s: float,
    resident: float,
    peak: float,
) -> tuple[list[Figure], str]:
    note = "higher is better"
    figures: list[Figure] = []
    lines = ["skill search and suggestions (labelled set in bench/data, through the API)"]
    for lang in sorted(ours.p5):
        n = len(ours.p5[lang])
        figures += [
            Figure(
                f"search {lang}: right skill in top 5 (of {n})",
                ours.top5[lang],
                base.top5.get(lang, 0),
                "",
                note,
            ),
            Figure(
                f"search {lang}: precision@5",
                ours.mean(ours.p5, lang),
                base.mean(base.p5, lang),
                "",
                note,
            ),
            Figure(
                f"search {lang}: precision@10",
                ours.mean(ours.p10, lang),
                base.mean(base.p10, lang),
                "",
                note,
            ),
        ]
    for kind in sorted(sugg.p10):
        n = len(sugg.p10[kind])
        figures += [
            Figure(
                f"suggest {kind} ({n} texts): precision@5",
                sugg.mean(sugg.p5, kind),
                sugg_base.mean(sugg_base.p5, kind),
                "",
                note,
            ),
            Figure(
                f"suggest {kind} ({n} texts): precision@10",
                sugg.mean(sugg.p10, kind),
                sugg_base.mean(sugg_base.p10, kind),
                "",
                note,
            ),
        ]
    figures += [
        Figure("skill search at the API, p50", _pct(search_ms, 0.5), 0.0, "ms"),
        Figure("skill search at the API, p95 (target < 50)", _pct(search_ms, 0.95), 0.0, "ms"),
        Figure("suggest at the API, p50", _pct(suggest_ms, 0.5), 0.0, "ms"),
        Figure("suggest at the API, p95", _pct(suggest_ms, 0.95), 0.0, "ms"),
        Figure("encoding all labels (cold cache)", encode_s, 0.0, "s"),
        Figure(
            "API process resident, peak (target < 600)", peak, 0.0, "MiB", f"now {resident:.0f}"
        ),
    ]
    lines += [figure.line() for figure in figures]
    return figures, "\n".join(lines)


if __name__ == "__main__":
    common.main(run, sys.argv[1:])
