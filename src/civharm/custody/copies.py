"""Working copies: files derived from an evidence original, which stays exactly as it was captured.

An analyst derives a working copy to share or annotate: images are re-encoded without their
metadata (``civharm.custody.strip``); anything else (video, PDF, captured pages) becomes a
byte-identical copy. A copy is kept in its own content-addressed store beside the originals'
(``working-copies/`` next to ``blobs/``), never in the originals' store, and records its own SHA-256,
the original's, the method, who and when. It carries the original's sensitivity flags, and deriving
it appends a custody entry about the original, so packages and the custody page show it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from civharm.capture.blobs import BlobStore, sha256_hex
from civharm.custody import log
from civharm.custody.evidence import EvidenceItem
from civharm.custody.strip import FORMATS, strip_metadata
from civharm.errors import CivharmError, NotFoundError
from civharm.records import stable_id
from civharm.store.db import Database, read_session, write_session
from civharm.store.desk_models import EvidenceCopyRow

WORKING_DIR = "working-copies"  # beside the originals' blob folder


class Method:
    """How a working copy was made (plain strings, so manifests read without civharm)."""

    STRIP_METADATA = "strip-metadata"  # image re-encoded without EXIF, XMP, ICC, comments
    BYTE_COPY = "byte-copy"  # a format civharm cannot transform: the same bytes, stored apart


@dataclass(frozen=True)
class WorkingCopy:
    id: str
    item_id: str
    original_sha256: str
    sha256: str
    method: str
    media_type: str
    size: int
    graphic: bool
    identifies_person: bool
    created_at: dt.datetime
    created_by: str

    @property
    def sensitive(self) -> bool:
        return self.graphic or self.identifies_person


def working_store(originals: BlobStore) -> BlobStore:
    """The store of working copies that goes with an originals' store."""
    return BlobStore(originals.root.parent / WORKING_DIR)


def _copy(row: EvidenceCopyRow) -> WorkingCopy:
    return WorkingCopy(
        row.id,
        row.item_id,
        row.original_sha256,
        row.sha256,
        row.method,
        row.media_type,
        row.size,
        row.graphic,
        row.identifies_person,
        row.created_at,
        row.created_by,
    )


def _derive(original: bytes, media_type: str) -> tuple[bytes, str]:
    if media_type in FORMATS:
        return strip_metadata(original, media_type), Method.STRIP_METADATA
    return original, Method.BYTE_COPY


class WorkingCopies:
    """Working copies of one database's evidence items; originals in ``originals``."""

    def __init__(self, database: Database, originals: BlobStore) -> None:
        self._db = database
        self._originals = originals
        self.store = working_store(originals)

    def derive(self, item: EvidenceItem, actor: str) -> WorkingCopy:
        """The item's working copy, made now (or the one made before: one copy per item and method)."""
        original = self._originals.get(item.sha256)
        if sha256_hex(original) != item.sha256:
            raise CivharmError(f"the original of {item.id} no longer matches its SHA-256: run civharm verify")
        data, method = _derive(original, item.media_type)
        copy_id = stable_id("copy", item.id, method)
        with write_session(self._db) as session:
            existing = session.get(EvidenceCopyRow, copy_id)
            if existing is not None:
                return _copy(existing)
            row = EvidenceCopyRow(
                id=copy_id,
                item_id=item.id,
                original_sha256=item.sha256,
                sha256=self.store.put(data),
                method=method,
                media_type=item.media_type,
                size=len(data),
                graphic=item.graphic,
                identifies_person=item.identifies_person,
                created_at=dt.datetime.now(dt.UTC),
                created_by=actor,
            )
            session.add(row)
            session.flush()
            details = {"copy": row.id, "method": method, "original_sha256": item.sha256, "sha256": row.sha256}
            log.append(session, actor, log.Action.DERIVE, f"evidence:{item.id}", details)
            return _copy(row)

    def of_items(self, item_ids: list[str]) -> dict[str, list[WorkingCopy]]:
        """Each item's working copies, oldest first."""
        found: dict[str, list[WorkingCopy]] = {item_id: [] for item_id in item_ids}
        if not item_ids:
            return found
        query = (
            select(EvidenceCopyRow)
            .where(EvidenceCopyRow.item_id.in_(item_ids))
            .order_by(EvidenceCopyRow.created_at, EvidenceCopyRow.id)
        )
        with read_session(self._db) as session:
            for row in session.scalars(query):
                found[row.item_id].append(_copy(row))
        return found

    def get(self, copy_id: str) -> WorkingCopy:
        with read_session(self._db) as session:
            row = session.get(EvidenceCopyRow, copy_id)
            if row is None:
                raise NotFoundError(f"no working copy {copy_id!r}")
            return _copy(row)

    def data(self, copy_id: str, actor: str) -> tuple[WorkingCopy, bytes]:
        """A working copy's bytes; viewing a sensitive one appends a custody entry, as for originals."""
        copy = self.get(copy_id)
        data = self.store.get(copy.sha256)
        if copy.sensitive:
            with write_session(self._db) as session:
                log.append(session, actor, log.Action.VIEW, f"evidence:{copy.item_id}", {"copy": copy.id})
        return copy, data
