"""Precision of the suggestions alone, quickly: `suggest.suggest` called in-process.

`bench.skill_search` measures everything through a real API on a fresh database (minutes);
this calls the suggestion function directly against a database that already holds full ESCO
with its vectors, and prints precision@5 and @10 per labelled set and language, so a change to
`services/core/taxonomy/suggest.py` can be checked in well under a minute.

Once, make such a database (full ESCO imported, vectors built; a few minutes):
    createdb -h 127.0.0.1 -U postgres sugg14
    OPSTAP_ESCO_DIR=/work/shared/data/esco .venv/bin/python -m bench.suggest_eval --setup \
        --db postgresql://postgres@127.0.0.1:5432/sugg14 --data-dir /tmp/sugg14
Then, as often as needed:
    .venv/bin/python -m bench.suggest_eval --db ... --data-dir /tmp/sugg14 [--misses] [--only ID]
`--misses` prints, per text, the suggested-but-wrong and the right-but-missed skills with their
labels (error analysis; use it on the tuning and held-out sets 1-3 only, never on set 4).
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import os
import statistics
from pathlib import Path

from bench.skill_search import precision, text_kind, texts
from services.core import bootstrap, db
from services.core.settings import Settings
from services.core.taxonomy import importer, suggest

SECRET = "suggest-eval-secret-key-0123456789abcdef"


def _settings(url: str, data_dir: Path) -> Settings:
    return Settings(
        database_url=url,
        redis_url=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
        data_dir=data_dir,
        secret_key=SECRET,
    )


async def setup(settings: Settings) -> None:
    """Schema, full ESCO and its vectors in the (empty) database."""
    folder = Path(os.environ["OPSTAP_ESCO_DIR"])
    await bootstrap.migrate(settings)
    conn = await db.connect(str(settings.database_url))
    try:
        async with conn.transaction():
            await importer.import_folder(conn, folder)
    finally:
        await conn.close()
    await bootstrap.build_vectors(settings, progress=True)


def _labels() -> dict[str, str]:
    csv.field_size_limit(2**31 - 1)
    folder = Path(os.environ.get("OPSTAP_ESCO_DIR", "/work/shared/data/esco"))
    with (folder / "skills_en.csv").open(newline="", encoding="utf-8") as handle:
        return {row["conceptUri"]: row["preferredLabel"] for row in csv.DictReader(handle)}


async def evaluate(settings: Settings, *, misses: bool, only: str | None, k: int = 10) -> None:
    """Precision@5 and @10 per set and language; the misses per text when asked."""
    labels = _labels() if misses else {}
    p5: dict[str, list[float]] = {}
    p10: dict[str, list[float]] = {}
    conn = await db.connect(str(settings.database_url))
    try:
        for text in texts():
            if only and not text.id.startswith(only):
                continue
            answer = await suggest.suggest(conn, settings, text=text.text, lang=text.lang)
            found = [s.uri for s in answer.skills]
            kind = text_kind(text)
            p5.setdefault(kind, []).append(precision(found, text.relevant, 5))
            p10.setdefault(kind, []).append(precision(found, text.relevant, 10))
            if misses:
                print(f"\n== {text.id} p@10 {precision(found, text.relevant, 10):.2f}")
                print("   occupations:", ", ".join(o.label for o in answer.occupations[:3]))
                for s in answer.skills[:k]:
                    mark = "+" if s.uri in text.relevant else "-"
                    print(f"   {mark} {s.confidence:.2f} {s.source[:5]} {s.label} <- {s.phrase!r}")
                missed = [labels.get(u, u) for u in text.relevant if u not in found[:k]]
                print("   missed:", "; ".join(sorted(missed)))
    finally:
        await conn.close()
    print(f"{'set':<16} {'n':>3} {'p@5':>6} {'p@10':>6}")
    for kind in sorted(p10):
        print(
            f"{kind:<16} {len(p10[kind]):>3} {statistics.fmean(p5[kind]):6.3f}"
            f" {statistics.fmean(p10[kind]):6.3f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="database URL (full ESCO, vectors built)")
    parser.add_argument("--data-dir", required=True, type=Path, help="the vectors' data folder")
    parser.add_argument("--setup", action="store_true", help="import full ESCO and build vectors")
    parser.add_argument("--misses", action="store_true", help="print each text's misses")
    parser.add_argument("--only", help="only the texts whose id starts with this")
    args = parser.parse_args()
    settings = _settings(args.db, args.data_dir)
    if args.setup:
        asyncio.run(setup(settings))
    else:
        asyncio.run(evaluate(settings, misses=args.misses, only=args.only))


if __name__ == "__main__":
    main()
