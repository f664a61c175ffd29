"""The content-addressed store of original bytes."""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

import pytest

from civharm.capture.blobs import BlobStore
from civharm.errors import NotFoundError


def all_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def test_put_stores_by_sha256_in_two_level_folders(blobs: BlobStore) -> None:
    data = b"original bytes"
    sha = blobs.put(data)
    assert sha == hashlib.sha256(data).hexdigest()
    assert blobs.path(sha) == blobs.root / sha[:2] / sha[2:4] / sha
    assert blobs.get(sha) == data
    assert blobs.has(sha) and blobs.verify(sha)


def test_same_bytes_twice_is_one_file_and_never_rewritten(blobs: BlobStore) -> None:
    sha = blobs.put(b"same")
    first = os.stat(blobs.path(sha))
    assert blobs.put(b"same") == sha
    assert all_files(blobs.root) == [blobs.path(sha)]
    assert os.stat(blobs.path(sha)).st_ino == first.st_ino
    blobs.put(b"other")
    assert len(all_files(blobs.root)) == 2


def test_no_temporary_files_left_even_with_concurrent_writers(blobs: BlobStore) -> None:
    payloads = [bytes([i % 3]) * 1000 for i in range(12)]
    threads = [threading.Thread(target=blobs.put, args=(p,)) for p in payloads]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    files = all_files(blobs.root)
    assert len(files) == 3
    assert not [f for f in files if f.name.startswith(".tmp")]
    assert all(blobs.verify(f.name) for f in files)


def test_verify_detects_tampering_and_put_does_not_hide_it(blobs: BlobStore) -> None:
    sha = blobs.put(b"evidence")
    path = blobs.path(sha)
    path.chmod(0o644)
    path.write_bytes(b"tampered")
    assert not blobs.verify(sha)
    blobs.put(b"evidence")  # an existing blob is never overwritten: the damage stays visible
    assert not blobs.verify(sha)


def test_unknown_and_malformed_digests(blobs: BlobStore) -> None:
    unknown = "0" * 64
    assert not blobs.has(unknown)
    assert not blobs.verify(unknown)
    with pytest.raises(NotFoundError):
        blobs.get(unknown)
    with pytest.raises(NotFoundError, match="not a SHA-256"):
        blobs.path("../../etc/passwd")
