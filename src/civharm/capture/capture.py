"""Capture one report: read or fetch it, extract its text, keep its original bytes.

Everything is checked before anything is stored, so an input that is refused (too big,
binary, empty, no article) leaves no blob behind. The original bytes are stored exactly
as received and named by their SHA-256, which is also the report's id.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from civharm import TOOL
from civharm.capture.blobs import BlobStore, sha256_hex
from civharm.capture.fetch import Fetched, fetch, human_size
from civharm.capture.inputs import CaptureRequest
from civharm.capture.origin import detect_origin
from civharm.capture.text import extract_text
from civharm.errors import CaptureError
from civharm.records import Report
from civharm.settings import Settings


def utc_now() -> datetime:
    return datetime.now(UTC)


def capture(
    request: CaptureRequest,
    settings: Settings,
    blobs: BlobStore,
    *,
    clock: Callable[[], datetime] = utc_now,
    fetcher: Callable[[str, Settings], Fetched] = fetch,
) -> Report:
    """Capture ``request`` into a Report and store its original bytes in ``blobs``."""
    source_url: str | None = request.url
    content_type: str | None = None
    if request.is_url:
        fetched = fetcher(request.location, settings)
        data, content_type = fetched.data, fetched.content_type
        source_url = source_url or fetched.final_url
    else:
        data = read_file(Path(request.location), settings.max_bytes)
    report = report_from_bytes(data, request, url=source_url, content_type=content_type, clock=clock)
    blobs.put(data)
    return report


def report_from_bytes(
    data: bytes,
    request: CaptureRequest,
    *,
    url: str | None,
    content_type: str | None = None,
    clock: Callable[[], datetime] = utc_now,
) -> Report:
    """The Report of bytes already in hand, storing nothing: batch workers keep originals in their shards."""
    extracted = extract_text(data, request.location, url=url, content_type=content_type)
    return Report(
        sha256=sha256_hex(data),
        url=url,
        canonical_url=extracted.canonical_url,
        title=request.title or extracted.title,
        publisher=extracted.publisher,
        author=extracted.author,
        published=request.published or extracted.published,
        origin=request.origin or detect_origin(extracted.origin_hints, extracted.publisher),
        language=extracted.language,
        text=extracted.text,
        media_type=extracted.media_type,
        captured_at=clock(),
        captured_by=TOOL,
    )


def read_file(path: Path, max_bytes: int) -> bytes:
    """A file's bytes, refusing before reading anything when it is over the size limit."""
    try:
        info = os.stat(path)
    except FileNotFoundError as exc:
        raise CaptureError(f"no such file: {path}") from exc
    except OSError as exc:
        raise CaptureError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if stat.S_ISDIR(info.st_mode):
        raise CaptureError(f"{path} is a folder, not a report file")
    if not stat.S_ISREG(info.st_mode):
        raise CaptureError(f"{path} is not a regular file")
    if info.st_size > max_bytes:
        raise CaptureError(_too_big(path, info.st_size, max_bytes))
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # the file may have grown since stat
    except OSError as exc:
        raise CaptureError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:
        raise CaptureError(_too_big(path, len(data), max_bytes))
    return data


def _too_big(path: Path, size: int, max_bytes: int) -> str:
    return f"{path} is {human_size(size)}, over the {human_size(max_bytes)} limit (CIVHARM_MAX_BYTES)"
