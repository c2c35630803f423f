"""Label vectors: the skills' and occupations' labels as sentence vectors, for semantic search.

Which labels: per concept and language, the preferred label and up to MAX_ALT alternative
labels (the shortest first; hidden labels never), in English and, where the taxonomy has them,
Dutch. Full ESCO v1.1.1 gives about 76,000 labels (encoded in about a minute on 2 cores).

Where they are kept: computed once per taxonomy import and model (`version`), with progress
shown, by `opstap taxonomy import` and `make demo` (ensure_built). They are always written to an
array file under the data folder (`<data dir>/vectors/<version>.npz`, never committed), and, where
the server has pgvector (migration 20261202_0008 made `taxonomy_vector`), into PostgreSQL too, so
every API machine on the same database reads the same vectors; a machine then loads them from
there, else from the file. A new import (another fingerprint) or another model is another version.

How they are searched: each process holds one version in memory (about 150 MB for full ESCO) and
ranks a query's vector against one kind's rows with a matrix product (a few ms), keeping each
concept's best label.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import os
import struct
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, NamedTuple

import asyncpg
import numpy as np

from services.core.settings import Settings
from services.core.taxonomy import import_queries, queries
from services.core.taxonomy.embeddings import DIMENSIONS, MODEL_ID, Encoder, encoder

log = logging.getLogger(__name__)

MAX_ALT = 3
METHOD = f"labels:preferred+{MAX_ALT}alt-shortest/1"
ENCODE_CHUNK = 2000  # labels encoded between two progress lines
FILES_KEPT = 4  # array files kept in the data folder (other databases may use other versions)
Kind = Literal["skill", "occupation"]
Progress = Callable[[str, int, int], None]


class SemanticHit(NamedTuple):
    """A concept whose label is near the query: its best label and the cosine."""

    uri: str
    label: str
    lang: str
    score: float


@dataclass(frozen=True, eq=False)
class LabelVectors:
    """One version's labels and their unit vectors, grouped by kind and then by concept."""

    version: str
    uris: np.ndarray  # str per row
    kinds: np.ndarray
    langs: np.ndarray
    label_kinds: np.ndarray
    labels: np.ndarray
    matrix: np.ndarray  # float32, rows x DIMENSIONS, unit length

    def __post_init__(self) -> None:
        parts: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        for kind in ("skill", "occupation"):
            rows = np.flatnonzero(self.kinds == kind)
            # Rows come grouped by kind and then by concept (SELECT_LABELS_TO_EMBED orders them
            # so), so a kind's rows are one slice: a view of the matrix, not a copy of it.
            if len(rows) and rows[-1] - rows[0] + 1 != len(rows):
                raise ValueError(f"the {kind} rows of the label vectors are not contiguous")
            block = self.matrix[rows[0] : rows[-1] + 1] if len(rows) else self.matrix[:0]
            uris = self.uris[rows]
            starts = np.flatnonzero(np.r_[True, uris[1:] != uris[:-1]]) if len(rows) else rows
            parts[kind] = (rows, starts, block)
        object.__setattr__(self, "_parts", parts)

    def search(self, query: np.ndarray, kind: Kind, limit: int, floor: float) -> list[SemanticHit]:
        """The `limit` concepts of `kind` with the nearest labels (cosine >= floor), best first."""
        return self.search_many(query[None, :], kind, limit, floor)[0]

    def search_many(
        self, queries: np.ndarray, kind: Kind, limit: int, floor: float
    ) -> list[list[SemanticHit]]:
        """`search` for each row of `queries`, with one matrix product for all of them."""
        rows, starts, matrix = self._parts[kind]  # type: ignore[attr-defined]
        if not len(rows):
            return [[] for _ in queries]
        products = np.asarray(queries, dtype=np.float32) @ matrix.T
        return [self._best(scores, rows, starts, limit, floor) for scores in products]

    def nearest_query(
        self, queries: np.ndarray, kind: Kind, uris: list[str]
    ) -> dict[str, tuple[float, int]]:
        """For each of `uris`: the best cosine of any of its labels with any query, and which."""
        _, _, matrix = self._parts[kind]  # type: ignore[attr-defined]
        spans = self._spans(kind)
        found: dict[str, tuple[float, int]] = {}
        if not len(queries):
            return found
        for uri in uris:
            if uri in spans:
                first, last = spans[uri]
                block = matrix[first:last] @ np.asarray(queries, dtype=np.float32).T
                position = int(np.argmax(block.max(axis=0)))
                found[uri] = (float(block[:, position].max()), position)
        return found

    def _spans(self, kind: Kind) -> dict[str, tuple[int, int]]:
        cache: dict[str, dict[str, tuple[int, int]]] = self.__dict__.setdefault("_span_cache", {})
        if kind not in cache:
            rows, starts, _ = self._parts[kind]  # type: ignore[attr-defined]
            ends = np.r_[starts[1:], len(rows)]
            cache[kind] = {
                str(self.uris[rows[a]]): (int(a), int(b)) for a, b in zip(starts, ends, strict=True)
            }
        return cache[kind]

    def _best(
        self, scores: np.ndarray, rows: np.ndarray, starts: np.ndarray, limit: int, floor: float
    ) -> list[SemanticHit]:
        best = np.maximum.reduceat(scores, starts)
        wanted = min(limit, len(best))
        top = np.argpartition(-best, wanted - 1)[:wanted]
        top = top[np.lexsort((top, -best[top]))]  # by score, ties by position: deterministic
        hits = []
        for group in top:
            if best[group] < floor:
                break
            end = starts[group + 1] if group + 1 < len(starts) else len(rows)
            row = rows[starts[group] + int(np.argmax(scores[starts[group] : end]))]
            hits.append(
                SemanticHit(
                    str(self.uris[row]),
                    str(self.labels[row]),
                    str(self.langs[row]),
                    float(best[group]),
                )
            )
        return hits

    def preferred(self, kind: Kind, lang: str = "en") -> tuple[list[str], np.ndarray]:
        """The URIs and vectors of every concept's preferred label in `lang`."""
        mask = (self.kinds == kind) & (self.langs == lang) & (self.label_kinds == "preferred")
        return [str(u) for u in self.uris[mask]], self.matrix[mask]


def version_of(fingerprint: str) -> str:
    """The vectors' version for a taxonomy import: its fingerprint, the model, the method."""
    text = json.dumps([fingerprint, MODEL_ID, METHOD])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


async def current_version(conn: asyncpg.Connection) -> str | None:
    """The version that belongs to the newest import; None before the first import."""
    fingerprint = await conn.fetchval(import_queries.SELECT_LAST_FINGERPRINT)
    return version_of(fingerprint) if fingerprint else None


# --- where they are kept --------------------------------------------------------------------


def _folder(settings: Settings) -> Path:
    return settings.vectors_dir or settings.data_dir / "vectors"


def load_file(settings: Settings, version: str) -> LabelVectors | None:
    """The array file of `version`, None when there is none (or it cannot be read)."""
    path = _folder(settings) / f"{version}.npz"
    if not path.is_file():
        return None
    try:
        with np.load(path, allow_pickle=False) as f:
            return LabelVectors(
                version,
                f["uris"],
                f["kinds"],
                f["langs"],
                f["label_kinds"],
                f["labels"],
                f["matrix"],
            )
    except (OSError, ValueError, KeyError) as error:
        log.warning("vectors file %s cannot be read (%s); it will be built again", path, error)
        return None


def save_file(settings: Settings, vectors: LabelVectors) -> Path:
    """Write the array file atomically; keep the FILES_KEPT newest versions."""
    folder = _folder(settings)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{vectors.version}.npz"
    partial = folder / f".{vectors.version}.{os.getpid()}.npz"
    np.savez(
        partial,
        uris=vectors.uris,
        kinds=vectors.kinds,
        langs=vectors.langs,
        label_kinds=vectors.label_kinds,
        labels=vectors.labels,
        matrix=vectors.matrix,
    )
    partial.replace(path)
    kept = sorted(folder.glob("*.npz"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in kept[FILES_KEPT:]:
        old.unlink(missing_ok=True)
    return path


def _encode_vector(value: np.ndarray) -> bytes:
    # pgvector's binary format: dimensions and a reserved int16, then big-endian float32s.
    array = np.asarray(value, dtype=">f4")
    return struct.pack(">HH", len(array), 0) + array.tobytes()


def _decode_vector(data: bytes) -> np.ndarray:
    (dimensions,) = struct.unpack_from(">H", data)
    return np.frombuffer(data, dtype=">f4", count=dimensions, offset=4).astype(np.float32)


async def has_pgvector(conn: asyncpg.Connection) -> bool:
    """Whether this database keeps vectors (the server had pgvector at migration)."""
    return bool(await conn.fetchval(queries.HAS_VECTOR_TABLE))


async def _vector_codec(conn: asyncpg.Connection) -> None:
    await conn.set_type_codec(
        "vector",
        schema="public",
        encoder=_encode_vector,
        decoder=_decode_vector,
        format="binary",
    )


async def load_database(conn: asyncpg.Connection, version: str) -> LabelVectors | None:
    """The vectors of `version` from PostgreSQL, None when it holds none."""
    await _vector_codec(conn)
    rows = await conn.fetch(queries.SELECT_VECTORS, version)
    if not rows:
        return None
    return _from_rows(version, rows, np.stack([r["embedding"] for r in rows]))


def _from_rows(version: str, rows: list[asyncpg.Record], matrix: np.ndarray) -> LabelVectors:
    """Label vectors from rows of (concept_uri, concept_kind, lang, label_kind, label)."""
    columns = ("concept_uri", "concept_kind", "lang", "label_kind", "label")
    uris, kinds, langs, label_kinds, labels = (np.array([r[c] for r in rows]) for c in columns)
    return LabelVectors(version, uris, kinds, langs, label_kinds, labels, matrix)


async def save_database(conn: asyncpg.Connection, vectors: LabelVectors) -> None:
    """Replace the stored vectors by `vectors` (COPY), in the caller's transaction or one."""
    await _vector_codec(conn)
    records = zip(
        range(len(vectors.uris)),
        (str(u) for u in vectors.uris),
        (str(k) for k in vectors.kinds),
        (str(x) for x in vectors.langs),
        (str(x) for x in vectors.label_kinds),
        (str(x) for x in vectors.labels),
        vectors.matrix,
        strict=True,
    )
    async with conn.transaction():
        await conn.execute(queries.DELETE_VECTORS)
        await conn.copy_records_to_table(
            "taxonomy_vector",
            records=((vectors.version, *record) for record in records),
            columns=(
                "version",
                "position",
                "concept_uri",
                "concept_kind",
                "lang",
                "label_kind",
                "label",
                "embedding",
            ),
        )


# --- building -------------------------------------------------------------------------------


@dataclass(frozen=True)
class BuildReport:
    """What ensure_built did."""

    version: str
    labels: int
    seconds: float
    source: str  # "encoded", "file" (copied into PostgreSQL) or "stored" (nothing to do)
    where: str  # where the vectors are kept

    def summary(self) -> str:
        """One line for a person."""
        if self.source == "stored":
            return f"label vectors {self.version} are up to date ({self.where})"
        how = "encoded" if self.source == "encoded" else "copied from the array file"
        return (
            f"label vectors {self.version}: {self.labels} labels {how} in {self.seconds:.1f} s "
            f"with {MODEL_ID}, kept in {self.where}"
        )


async def ensure_built(
    conn: asyncpg.Connection,
    settings: Settings,
    *,
    progress: Progress | None = None,
    model: Encoder | None = None,
) -> BuildReport | None:
    """Make sure the newest import's vectors are stored; None before any import."""
    version = await current_version(conn)
    if version is None:
        return None
    started = time.perf_counter()
    database = await has_pgvector(conn)
    where = "PostgreSQL (pgvector) and " if database else ""
    where += str(_folder(settings) / f"{version}.npz")
    if database and await conn.fetchval(queries.HAS_VECTORS, version):
        return BuildReport(version, 0, 0.0, "stored", where)
    vectors = load_file(settings, version)
    source = "file"
    if vectors is None:
        if not database and (_folder(settings) / f"{version}.npz").is_file():
            return BuildReport(version, 0, 0.0, "stored", where)
        rows = await conn.fetch(queries.SELECT_LABELS_TO_EMBED, MAX_ALT)
        labels = [r["label"] for r in rows]
        model = model or encoder(settings.encoder_threads)
        matrix = await asyncio.to_thread(_encode, labels, progress, model)
        vectors = _from_rows(version, rows, matrix)
        save_file(settings, vectors)
        source = "encoded"
    elif not database:
        return BuildReport(version, 0, 0.0, "stored", where)
    if database:
        await save_database(conn, vectors)
    return BuildReport(version, len(vectors.uris), time.perf_counter() - started, source, where)


def _encode(labels: list[str], progress: Progress | None, model: Encoder) -> np.ndarray:
    # One thread: the model's matrix products are small, and with two threads on a machine
    # that has anything else to do they wait on each other (measured: 6x slower).
    matrix = np.zeros((len(labels), DIMENSIONS), dtype=np.float32)
    for start in range(0, len(labels), ENCODE_CHUNK):
        stop = min(len(labels), start + ENCODE_CHUNK)
        matrix[start:stop] = model.encode(labels[start:stop])
        if progress:
            progress("encoding labels", stop, len(labels))
    return matrix


async def available(conn: asyncpg.Connection, settings: Settings, version: str) -> bool:
    """Whether the vectors of `version` are stored (cheap: no vectors are read)."""
    if await has_pgvector(conn) and await conn.fetchval(queries.HAS_VECTORS, version):
        return True
    return (_folder(settings) / f"{version}.npz").is_file()


async def skill_vectors(
    conn: asyncpg.Connection, settings: Settings, version: str
) -> tuple[list[str], np.ndarray] | None:
    """The URIs and vectors of the skills' English preferred labels (for the skill model),
    without keeping the rest in memory; None when they were not built."""
    if await has_pgvector(conn):
        await _vector_codec(conn)
        rows = await conn.fetch(queries.SELECT_SKILL_VECTORS, version)
        if rows:
            return [r["concept_uri"] for r in rows], np.stack([r["embedding"] for r in rows])
    found = _loaded.get(version) or await asyncio.to_thread(load_file, settings, version)
    if found is None:
        return None
    uris, matrix = found.preferred("skill", "en")
    return uris, matrix.copy()


# --- the process's copy ---------------------------------------------------------------------

_loaded: dict[str, LabelVectors] = {}
_lock = asyncio.Lock()
_missing_logged: set[str] = set()


async def loaded(conn: asyncpg.Connection, settings: Settings) -> LabelVectors | None:
    """The newest import's vectors, loaded once per process; None when they were not built."""
    version = await current_version(conn)
    if version is None:
        return None
    if version in _loaded:
        return _loaded[version]
    async with _lock:
        if version not in _loaded:
            found = None
            if await has_pgvector(conn):
                found = await load_database(conn, version)
            if found is None:
                found = await asyncio.to_thread(load_file, settings, version)
            if found is None:
                if version not in _missing_logged:
                    _missing_logged.add(version)
                    log.warning(
                        "no label vectors for taxonomy version %s: semantic search is off "
                        "until `opstap taxonomy import` builds them",
                        version,
                    )
                return None
            _loaded.clear()  # one version at a time: the newest import's
            _loaded[version] = found
    return _loaded[version]
