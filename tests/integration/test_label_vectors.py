"""Label vectors: built once per import and model, kept in pgvector or an array file, searched."""

from __future__ import annotations

from pathlib import Path

import asyncpg
import numpy as np
import pytest

from services.core.settings import Settings
from services.core.taxonomy import vectors
from services.core.taxonomy.embeddings import DIMENSIONS, MODEL_ID


async def test_every_skill_and_occupation_has_its_preferred_label_encoded(
    conn: asyncpg.Connection, settings: Settings
) -> None:
    found = await vectors.loaded(conn, settings)
    assert found is not None
    assert found.version == await vectors.current_version(conn)
    assert found.matrix.shape == (len(found.uris), DIMENSIONS)
    np.testing.assert_allclose(np.linalg.norm(found.matrix, axis=1), 1.0, atol=1e-4)
    skills, _ = found.preferred("skill", "en")
    assert sorted(skills) == [
        r["uri"] for r in await conn.fetch("SELECT uri FROM skill ORDER BY 1")
    ]
    occupations = await conn.fetchval("SELECT count(*) FROM occupation")
    assert len(found.preferred("occupation", "en")[0]) == occupations
    # Hidden labels are never encoded (they are misspellings and old names, not meanings).
    assert "hidden" not in set(found.label_kinds)


async def test_a_second_build_finds_them_stored(
    conn: asyncpg.Connection, settings: Settings
) -> None:
    report = await vectors.ensure_built(conn, settings)
    assert report is not None and report.source == "stored"
    assert MODEL_ID not in report.summary() or "up to date" in report.summary()


async def test_the_version_follows_the_import_and_the_model() -> None:
    assert vectors.version_of("a") == vectors.version_of("a")
    assert vectors.version_of("a") != vectors.version_of("b")


async def test_they_survive_the_array_file(
    conn: asyncpg.Connection, settings: Settings, tmp_path: Path
) -> None:
    found = await vectors.loaded(conn, settings)
    assert found is not None
    elsewhere = settings.model_copy(update={"vectors_dir": tmp_path})
    vectors.save_file(elsewhere, found)
    again = vectors.load_file(elsewhere, found.version)
    assert again is not None
    np.testing.assert_array_equal(again.matrix, found.matrix)
    assert list(again.uris) == list(found.uris)
    (tmp_path / f"{found.version}.npz").write_bytes(b"broken")
    assert vectors.load_file(elsewhere, found.version) is None  # rebuilt, never a crash


async def test_they_survive_pgvector_where_the_server_has_it(
    conn: asyncpg.Connection, settings: Settings
) -> None:
    if not await vectors.has_pgvector(conn):
        pytest.skip("this PostgreSQL has no pgvector: the array file keeps the vectors")
    found = await vectors.loaded(conn, settings)
    assert found is not None
    stored = await vectors.load_database(conn, found.version)
    assert stored is not None
    np.testing.assert_array_equal(stored.matrix, found.matrix)
    assert list(stored.labels) == list(found.labels)


async def test_search_keeps_each_concepts_best_label_and_is_deterministic(
    conn: asyncpg.Connection, settings: Settings
) -> None:
    found = await vectors.loaded(conn, settings)
    assert found is not None
    uris, matrix = found.preferred("skill", "en")
    query = matrix[0]
    hits = found.search(query, "skill", 10, 0.0)
    assert hits[0].uri == uris[0] and hits[0].score == pytest.approx(1.0, abs=1e-4)
    assert len({h.uri for h in hits}) == len(hits) == 10
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert found.search(query, "skill", 10, 0.0) == hits
    # Many queries at once (a matrix product) give the same hits, to float rounding.
    for many in found.search_many(np.stack([query, query]), "skill", 10, 0.0):
        assert [h.uri for h in many] == [h.uri for h in hits]
        assert [h.score for h in many] == pytest.approx([h.score for h in hits], abs=1e-5)
    assert found.search(query, "skill", 10, 2.0) == []  # nothing is that near
