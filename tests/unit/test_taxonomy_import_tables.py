"""The import's statements are made from import_queries.IMPORTED_TABLES: it must name every
column that reader.py stages, or a column would be staged and never written."""

from __future__ import annotations

from services.core.taxonomy import import_queries, importer


def test_every_imported_table_has_staging_rows_and_the_reverse() -> None:
    assert list(importer.ROW_COLUMNS) == list(import_queries.IMPORTED_TABLES)


def test_key_and_other_columns_are_exactly_the_staged_columns() -> None:
    for table, (key, other) in import_queries.IMPORTED_TABLES.items():
        assert key, table
        assert not set(key) & set(other), table
        assert sorted(key + other) == sorted(importer.ROW_COLUMNS[table]), table


def test_an_upsert_without_other_columns_only_inserts() -> None:
    assert "DO NOTHING" in import_queries.UPSERTS["skill_collection"]
    assert (
        "DO UPDATE SET relation = excluded.relation" in import_queries.UPSERTS["occupation_skill"]
    )
