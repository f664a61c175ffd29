"""A content-addressed store for original bytes: a file's name is the SHA-256 of its content.

Originals are evidence: they are written once, atomically, and never overwritten, so a
crash mid-write or two captures of the same page can never leave a blob that does not
match its name. ``verify`` re-hashes a blob so tampering or disk rot shows.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from pathlib import Path

from civharm.errors import NotFoundError

_SHA256_HEX = re.compile(r"[0-9a-f]{64}")
# Blobs are only ever read, never edited in place.
_BLOB_MODE = 0o444


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class BlobStore:
    """Blobs live at ``root/ab/cd/<hex>``: two fan-out levels keep folders small for large corpora."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path(self, sha: str) -> Path:
        if not _SHA256_HEX.fullmatch(sha):
            raise NotFoundError(f"not a SHA-256 hex digest: {sha!r}")
        return self.root / sha[:2] / sha[2:4] / sha

    def has(self, sha: str) -> bool:
        return self.path(sha).is_file()

    def get(self, sha: str) -> bytes:
        try:
            return self.path(sha).read_bytes()
        except FileNotFoundError as exc:
            raise NotFoundError(f"no blob {sha} in {self.root}") from exc

    def put(self, data: bytes) -> str:
        """Store ``data`` and return its digest; storing the same bytes again is a no-op."""
        sha = sha256_hex(data)
        target = self.path(sha)
        if target.is_file():
            return sha
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            tmp.chmod(_BLOB_MODE)
            if target.exists():  # a concurrent writer stored the same bytes first: keep theirs
                tmp.unlink()
            else:
                os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
            raise
        _fsync_dir(target.parent)
        return sha

    def verify(self, sha: str) -> bool:
        """True when the blob exists and its content still hashes to its name."""
        try:
            digest = hashlib.sha256()
            with self.path(sha).open("rb") as handle:
                for chunk in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(chunk)
        except FileNotFoundError:
            return False
        return digest.hexdigest() == sha


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable too; some platforms cannot open folders, which is harmless."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):  # e.g. file systems that refuse fsync on folders
            os.fsync(fd)
    finally:
        os.close(fd)
