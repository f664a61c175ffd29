"""WARC corpora (.warc, .warc.gz, read with warcio): every HTML response is a document.

Other records are not pages: requests, metadata and revisits are passed over silently; responses
that are not HTML or not a 2xx page (images, scripts, redirects, errors) are ``Skipped`` so the
summary can say how many there were. A corrupt record ends that file with one Failure: what comes
after it cannot be found reliably, and the other inputs still run.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from civharm.batch.documents import Document, Item, Skipped, too_big
from civharm.capture.inputs import CaptureRequest, is_url
from civharm.chain import Failure

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def read_warc(path: Path, max_bytes: int) -> Iterator[Item]:
    with path.open("rb") as handle:
        records = ArchiveIterator(handle)
        try:
            for record in records:
                if record.rec_type == "response":  # offset: where it starts (`warcio extract FILE OFFSET`)
                    yield _response(f"{path}@{records.offset}", record, max_bytes)
        except (ArchiveLoadFailed, zlib.error, EOFError, ValueError, OSError) as exc:
            # the iterator has moved to the start of the record it could not read
            yield Failure(f"{path}@{records.offset}", f"unreadable WARC record, rest of the file skipped ({exc})")


def _response(location: str, record: ArcWarcRecord, max_bytes: int) -> Item:
    http = record.http_headers
    if http is None:
        return Skipped(location, "response without HTTP headers")
    status = http.get_statuscode() or ""
    content_type = http.get_header("Content-Type")
    media = (content_type or "").split(";", 1)[0].strip().lower()
    if not status.startswith("2"):
        return Skipped(location, f"HTTP {status}")
    if media not in HTML_TYPES:
        return Skipped(location, media or "no content type")
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        return Failure(location, too_big(len(data), max_bytes))
    target = record.rec_headers.get_header("WARC-Target-URI")
    url = target if target and is_url(target) else None
    return Document(request=CaptureRequest(location=location, url=url), data=data, content_type=content_type)
