"""Taxonomy search: the trigram search behind the API against a plain ILIKE scan."""

from __future__ import annotations

import asyncpg

from bench.common import Figure, median_ms
from services.core.settings import Settings
from services.core.taxonomy import service
from services.core.taxonomy.models import Lang

# (text, lang): Dutch and English, exact words, typos, a short prefix.
QUERIES: list[tuple[str, Lang]] = [
    ("schoonmaker", "nl"),
    ("schoonmakr", "nl"),
    ("magazijn", "nl"),
    ("kok", "nl"),
    ("cleaner", "en"),
    ("claener", "en"),
    ("warehouse", "en"),
    ("bicycle", "en"),
]
REPEAT = 15

# What one writes first: a substring scan over every label, no index, no typo tolerance.
BASELINE = """
SELECT concept_uri, min(label) AS label
FROM taxonomy_label
WHERE concept_kind = 'occupation' AND lang = $2 AND label ILIKE '%' || $1 || '%'
GROUP BY concept_uri
ORDER BY min(length(label))
LIMIT 20
"""


async def run(conn: asyncpg.Connection, settings: Settings) -> list[Figure]:
    """Median latency per query type, ours and the baseline, on an imported taxonomy.

    Ours is the hybrid search (labels and meaning, with the vectors of `settings`)."""
    figures = []
    for text, lang in QUERIES:

        async def ours(text: str = text, lang: Lang = lang) -> None:
            async with conn.transaction():
                await service.search_occupations(conn, settings, q=text, lang=lang)

        async def baseline(text: str = text, lang: Lang = lang) -> None:
            await conn.fetch(BASELINE, text, lang)

        async with conn.transaction():
            page = await service.search_occupations(conn, settings, q=text, lang=lang)
        plain = await conn.fetch(BASELINE, text, lang)
        figures.append(
            Figure(
                f"occupation search {text!r} ({lang})",
                await median_ms(ours, REPEAT),
                await median_ms(baseline, REPEAT),
                "ms",
                f"hits {page.total} vs {len(plain)}",
            )
        )
    return figures
