"""Evidence items: preserved originals with their SHA-256 taken at capture and sensitivity flags.

Originals go to the content-addressed blob store (written once, read-only, named by their hash),
so an original can never be edited in place; anything derived from one is a new item. Uploads
are accepted only when their first bytes say they are an image, a video or a PDF: the name and
the declared content type are the sender's word, never trusted. The file name is kept only as a
label (its last path component, cleaned); it never becomes a path.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from civharm.capture.blobs import BlobStore
from civharm.custody import log
from civharm.errors import CivharmError, NotFoundError
from civharm.records import stable_id
from civharm.store.db import Database, write_session
from civharm.store.desk_models import EvidenceRow
from civharm.store.models import ReportRow

# (magic bytes at offset, media type). Images, video and PDF, as the issue asks; nothing that a
# browser would run (HTML, SVG, JavaScript) can pass.
_SIGNATURES: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\xff\xd8\xff", "image/jpeg"),
    (0, b"\x89PNG\r\n\x1a\n", "image/png"),
    (0, b"GIF87a", "image/gif"),
    (0, b"GIF89a", "image/gif"),
    (0, b"%PDF-", "application/pdf"),
    (0, b"\x1a\x45\xdf\xa3", "video/webm"),
    (4, b"ftyp", "video/mp4"),
)
MAX_FILENAME = 200


class UploadRefused(CivharmError):
    """An upload that is too big, empty or of a type civharm does not keep."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class EvidenceItem:
    id: str
    incident_id: str
    sha256: str
    kind: str  # "upload" or "report"
    filename: str
    media_type: str
    size: int
    graphic: bool
    identifies_person: bool
    description: str
    captured_at: dt.datetime
    captured_by: str

    @property
    def sensitive(self) -> bool:
        return self.graphic or self.identifies_person


def sniff(data: bytes) -> str | None:
    """The media type the bytes themselves declare, or None when not an accepted kind."""
    for offset, magic, media_type in _SIGNATURES:
        if data[offset : offset + len(magic)] == magic:
            return media_type
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def clean_filename(name: str) -> str:
    """The last path component of a sender's file name, without control characters."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = "".join(ch for ch in unicodedata.normalize("NFC", base) if unicodedata.category(ch)[0] != "C")
    base = base.strip().lstrip(".") or "upload"
    return base[:MAX_FILENAME]


def _item(row: EvidenceRow) -> EvidenceItem:
    return EvidenceItem(
        row.id,
        row.incident_id,
        row.sha256,
        row.kind,
        row.filename,
        row.media_type,
        row.size,
        row.graphic,
        row.identifies_person,
        row.description,
        row.captured_at,
        row.captured_by,
    )


@dataclass(frozen=True)
class Flags:
    graphic: bool = False
    identifies_person: bool = False
    description: str = ""


@dataclass(frozen=True)
class _Original:
    """What an evidence row says of its original file."""

    sha256: str
    kind: str  # "upload" or "report"
    filename: str
    media_type: str
    size: int


def _row(incident_id: str, original: _Original, flags: Flags, actor: str) -> EvidenceRow:
    """A new evidence row; its id is a digest of the incident and the original, so a re-upload is one item."""
    return EvidenceRow(
        id=stable_id("evidence", incident_id, original.sha256),
        incident_id=incident_id,
        sha256=original.sha256,
        kind=original.kind,
        filename=original.filename,
        media_type=original.media_type,
        size=original.size,
        graphic=flags.graphic,
        identifies_person=flags.identifies_person,
        description=flags.description,
        captured_at=dt.datetime.now(dt.UTC),
        captured_by=actor,
    )


class Evidence:
    """Evidence items of one database, their originals in ``blobs``."""

    def __init__(self, database: Database, blobs: BlobStore, max_bytes: int) -> None:
        self._db = database
        self._blobs = blobs
        self._max_bytes = max_bytes

    def _add(self, actor: str, row: EvidenceRow) -> EvidenceItem:
        with write_session(self._db) as session:
            existing = session.get(EvidenceRow, row.id)
            if existing is not None:
                return _item(existing)
            session.add(row)
            session.flush()
            log.append(
                session,
                actor,
                log.Action.CAPTURE,
                f"evidence:{row.id}",
                {"incident": row.incident_id, "sha256": row.sha256, "kind": row.kind, "size": row.size},
            )
            return _item(row)

    def upload(self, incident_id: str, actor: str, filename: str, data: bytes, flags: Flags) -> EvidenceItem:
        """Keep an uploaded file as evidence of an incident; the same bytes twice are one item."""
        if not data:
            raise UploadRefused("the file is empty", 400)
        if len(data) > self._max_bytes:
            raise UploadRefused(f"the file is larger than {self._max_bytes} bytes", 413)
        media_type = sniff(data)
        if media_type is None:
            raise UploadRefused("only images (JPEG, PNG, GIF, WebP), video (MP4, WebM) and PDF are kept", 415)
        sha = self._blobs.put(data)
        original = _Original(sha, "upload", clean_filename(filename), media_type, len(data))
        row = _row(incident_id, original, flags, actor)
        return self._add(actor, row)

    def attach_report(self, incident_id: str, actor: str, sha256: str, flags: Flags) -> EvidenceItem:
        """Keep a captured report (its original bytes, already in the blob store) as evidence."""
        with Session(self._db.engine) as session:
            report = session.get(ReportRow, sha256)
            if report is None:
                raise NotFoundError(f"no report {sha256!r}")
            title, media_type = report.title or report.url or sha256[:12], report.media_type
        size = len(self._blobs.get(sha256)) if self._blobs.has(sha256) else 0
        if size == 0:
            raise CivharmError(f"the original bytes of report {sha256[:12]} are not in the blob store")
        original = _Original(sha256, "report", clean_filename(title), media_type, size)
        row = _row(incident_id, original, flags, actor)
        return self._add(actor, row)

    def items(self, incident_id: str | None = None) -> list[EvidenceItem]:
        query = select(EvidenceRow).order_by(EvidenceRow.captured_at, EvidenceRow.id)
        if incident_id is not None:
            query = query.where(EvidenceRow.incident_id == incident_id)
        with Session(self._db.engine) as session:
            return [_item(row) for row in session.scalars(query)]

    def item(self, item_id: str) -> EvidenceItem:
        with Session(self._db.engine) as session:
            row = session.get(EvidenceRow, item_id)
            if row is None:
                raise NotFoundError(f"no evidence item {item_id!r}")
            return _item(row)

    def original(self, item_id: str, actor: str) -> tuple[EvidenceItem, bytes]:
        """The original bytes of an item; viewing a sensitive item appends a custody entry."""
        item = self.item(item_id)
        data = self._blobs.get(item.sha256)
        if item.sensitive:
            with Session(self._db.write_engine) as session, session.begin():
                log.append(session, actor, log.Action.VIEW, f"evidence:{item.id}", {"incident": item.incident_id})
        return item, data
