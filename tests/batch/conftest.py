"""Small corpora built in the test: JSONL lines from the shared sample reports, and WARC files."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.conftest import SAMPLES

ARTICLE = (
    b"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Strike on a market - Test Gazette</title></head>"
    b"<body><nav><a href='/'>Home</a></nav><article><h1>Strike on a market</h1>"
    b"<p>At least 12 civilians were killed on Sunday in an air strike on a crowded market in Ariha, "
    b"in Syria's Idlib province, local activists said.</p>"
    b"<p>Rescue workers said dozens more were wounded and several buildings were destroyed.</p>"
    b"</article></body></html>"
)


def sample_pages(count: int) -> list[dict[str, str]]:
    """The first ``count`` shared sample reports: url, published date and the text file's content."""
    if not SAMPLES.is_dir():
        pytest.skip("../shared/samples is not next to the repository")
    pages = []
    for line in (SAMPLES / "index.jsonl").read_text().splitlines()[:count]:
        page = json.loads(line)
        text = (SAMPLES / f"{page['id']}.txt").read_text(encoding="utf-8")
        pages.append({"id": page["id"], "url": page["url"], "published": page["published"], "text": text})
    return pages


def write_jsonl(path: Path, lines: Sequence[dict[str, object] | str]) -> Path:
    path.write_text("".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in lines), encoding="utf-8")
    return path


def response(writer: WARCWriter, url: str, body: bytes, content_type: str, status: str = "200 OK") -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
    writer.write_record(record)


def write_warc(path: Path, *, gzip: bool = True) -> Path:
    """One HTML article, one image, one redirect and one request record."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)
        response(writer, "https://gazette.example/strike", ARTICLE, "text/html; charset=utf-8")
        response(writer, "https://gazette.example/photo.jpg", b"\xff\xd8\xff\xe0 not really a jpeg", "image/jpeg")
        response(writer, "https://gazette.example/old", b"", "text/html", status="301 Moved Permanently")
        request = writer.create_warc_record(
            "https://gazette.example/strike",
            "request",
            payload=io.BytesIO(b""),
            http_headers=StatusAndHeaders("GET /strike HTTP/1.1", [], is_http_request=True),
        )
        writer.write_record(request)
    return path
