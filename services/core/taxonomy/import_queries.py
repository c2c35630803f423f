"""SQL of the taxonomy import: staging tables, set-based upserts and deletes, the import log.

Every statement that writes the imported tables is made from one description of them,
IMPORTED_TABLES. The statements that read the taxonomy are in queries.py.
"""

# Two imports at once would interleave their deletes and upserts; the second waits instead.
LOCK_IMPORT = "SELECT pg_advisory_xact_lock(hashtext('opstap.taxonomy_import'))"

# The tables an import makes equal to a folder, parents before children: per table its key
# and its other columns (together the columns of its staging rows in models.py; a unit test
# checks that they agree). Every statement below is made from this description.
IMPORTED_TABLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "isco_group": (
        ("uri",),
        ("code", "parent_code", "skill_level", "label_en", "label_nl", "description_en"),
    ),
    "occupation": (
        ("uri",),
        (
            "code",
            "isco_code",
            "skill_level",
            "label_en",
            "label_nl",
            "description_en",
            "description_nl",
        ),
    ),
    "skill": (
        ("uri",),
        ("skill_type", "reuse_level", "label_en", "label_nl", "description_en", "description_nl"),
    ),
    "skill_group": (("uri",), ("code", "label_en", "label_nl", "description_en")),
    "taxonomy_broader": (
        ("concept_uri", "broader_uri"),
        ("concept_type", "broader_type", "pillar"),
    ),
    "occupation_skill": (("occupation_uri", "skill_uri"), ("relation",)),
    "skill_relation": (("skill_uri", "related_skill_uri"), ("relation",)),
    "skill_collection": (("collection", "skill_uri"), ()),
    "taxonomy_label": (("concept_uri", "lang", "label_kind", "label"), ("concept_kind",)),
    "digcomp_competence": (
        ("id",),
        ("area_id", "area_en", "area_nl", "name_en", "name_nl", "skill_uri"),
    ),
}


def _columns(prefix: str, names: tuple[str, ...]) -> str:
    return ", ".join(f"{prefix}{name}" for name in names)


def _upsert(table: str, key: tuple[str, ...], other: tuple[str, ...]) -> str:
    """(inserted, updated) from writing the staging rows into `table`. `xmax = 0` marks a row
    the INSERT created; the IS DISTINCT FROM guard keeps unchanged rows out of RETURNING, so a
    second import of the same folder writes nothing. Without other columns than the key a row
    is either there already or new."""
    columns = _columns("", key + other)
    head = f"INSERT INTO {table} AS t ({columns})\n    SELECT {columns} FROM stage_{table}"
    if not other:
        return f"""
WITH written AS (
    {head}
    ON CONFLICT ({_columns("", key)}) DO NOTHING
    RETURNING true AS inserted
)
SELECT count(*) AS inserted, 0::bigint AS updated FROM written
"""
    changes = ", ".join(f"{name} = excluded.{name}" for name in other)
    return f"""
WITH written AS (
    {head}
    ON CONFLICT ({_columns("", key)}) DO UPDATE SET {changes}
    WHERE ({_columns("t.", other)}) IS DISTINCT FROM ({_columns("excluded.", other)})
    RETURNING (t.xmax = 0) AS inserted
)
SELECT count(*) FILTER (WHERE inserted) AS inserted,
       count(*) FILTER (WHERE NOT inserted) AS updated
FROM written
"""


def _delete(table: str, key: tuple[str, ...]) -> str:
    """(deleted) from deleting the rows of `table` whose key is not staged."""
    same = " AND ".join(f"s.{name} = t.{name}" for name in key)
    return f"""
WITH gone AS (
    DELETE FROM {table} AS t
    WHERE NOT EXISTS (SELECT FROM stage_{table} AS s WHERE {same})
    RETURNING 1
)
SELECT count(*) AS deleted FROM gone
"""


UPSERTS = {table: _upsert(table, *columns) for table, columns in IMPORTED_TABLES.items()}
DELETES = {table: _delete(table, key) for table, (key, _) in IMPORTED_TABLES.items()}

# ON COMMIT DROP: the staging tables never outlive the caller's transaction.
CREATE_STAGING_TABLES = "".join(
    f"CREATE TEMP TABLE stage_{table} (LIKE {table}) ON COMMIT DROP;\n" for table in IMPORTED_TABLES
)

# Temporary tables are never analysed automatically; without statistics the planner
# guesses badly for the anti-joins of DELETES.
ANALYZE_STAGING_TABLES = "ANALYZE " + ", ".join(f"stage_{table}" for table in IMPORTED_TABLES)

DROP_STAGING_TABLES = "DROP TABLE " + ", ".join(f"stage_{table}" for table in IMPORTED_TABLES)

COUNT_TABLES = "SELECT " + ",\n       ".join(
    f"(SELECT count(*) FROM {table}) AS {table}" for table in IMPORTED_TABLES
)

# The JSON arrives as text so the statement works with or without a jsonb codec.
INSERT_IMPORT = """
INSERT INTO taxonomy_import (source, version, started_at, finished_at, counts, changes, skipped)
VALUES ($1, $2, $3, clock_timestamp(), $4, $5, $6)
RETURNING id
"""

SELECT_LAST_FINGERPRINT = """
SELECT version
FROM taxonomy_import
WHERE finished_at IS NOT NULL
ORDER BY finished_at DESC, id DESC
LIMIT 1
"""

# Fresh statistics, or the planner skips the trigram index right after an import; and the
# GIN pending list flushed, or every search scans megabytes of not-yet-merged entries.
ANALYZE_TAXONOMY = "ANALYZE " + ", ".join(IMPORTED_TABLES)

FLUSH_LABEL_INDEX = "SELECT gin_clean_pending_list('taxonomy_label_trgm_idx')"
