"""Capturing one report end to end: files and URLs in, Reports and stored originals out."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from civharm import TOOL
from civharm.capture.blobs import BlobStore
from civharm.capture.capture import capture
from civharm.capture.fetch import Fetched, fetch
from civharm.capture.inputs import CaptureRequest
from civharm.errors import CaptureError
from civharm.settings import Settings

from .conftest import ARTICLE_HTML, LoopbackOnly, PageServer

FIXED = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def fixed_clock() -> datetime:
    return FIXED


def loopback_fetcher(url: str, settings: Settings) -> Fetched:
    return fetch(url, settings, transport=LoopbackOnly())


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_seed_page_becomes_a_report_with_its_original_kept(samples: Path, settings: Settings, blobs: BlobStore) -> None:
    source = samples / "000.txt"
    original = source.read_bytes()
    request = CaptureRequest(location=str(source), published=date(2015, 12, 23))
    report = capture(request, settings, blobs, clock=fixed_clock)
    assert report.sha256 == hashlib.sha256(original).hexdigest()
    assert blobs.get(report.sha256) == original and blobs.verify(report.sha256)
    assert (report.captured_at, report.captured_by, report.media_type) == (FIXED, TOOL, "text/plain")
    assert report.published == date(2015, 12, 23)
    assert report.title == "Amnesty Slams Russian Bombing for Syrian Civilian Deaths"
    assert report.publisher == "The Forward"
    assert report.origin == "wire service (unnamed)"  # the Forward's "Fast Forward" wire section
    assert report.language == "en"
    assert "A day after officials announced" in report.text and "Republish" not in report.text


def test_request_metadata_wins_over_extracted(samples: Path, settings: Settings, blobs: BlobStore) -> None:
    request = CaptureRequest(
        location=str(samples / "026.txt"),
        title="Given title",
        url="http://www.reuters.com/article/us-mideast-crisis-syria-msf-idUSKCN0VO11J",
        origin="given origin",
    )
    report = capture(request, settings, blobs, clock=fixed_clock)
    assert (report.title, report.origin, report.url) == ("Given title", "given origin", request.url)
    assert report.publisher == "Reuters"
    assert report.published == date(2016, 2, 15)
    without = capture(CaptureRequest(location=request.location, url=request.url), settings, blobs)
    assert without.origin is None  # Reuters' own story is not a republication


def test_captures_a_url_from_a_real_server(
    http_server: PageServer, loopback_settings: Settings, blobs: BlobStore
) -> None:
    url = http_server.url("/article")
    report = capture(CaptureRequest(location=url), loopback_settings, blobs, fetcher=loopback_fetcher)
    assert report.media_type == "text/html"
    assert report.url == url
    assert report.title == "Strike hits market"
    assert report.publisher == "Test Gazette"
    assert report.published == date(2015, 11, 29)
    assert "At least 44 people were killed" in report.text
    assert blobs.get(report.sha256) == ARTICLE_HTML


def test_a_refused_url_stores_nothing(http_server: PageServer, loopback_settings: Settings, blobs: BlobStore) -> None:
    for path in ("/missing", "/pdf", "/to-private"):
        with pytest.raises(CaptureError):
            capture(
                CaptureRequest(location=http_server.url(path)),
                loopback_settings,
                blobs,
                fetcher=loopback_fetcher,
            )
    assert not blobs.root.exists() or not any(blobs.root.rglob("*"))


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "shot.png",
            b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
            r"is binary \(PNG image\), not a text or HTML report",
        ),
        ("photo.txt", b"\xff\xd8\xff\xe0" + b"\x00" * 50, r"is binary \(JPEG image\)"),
        ("bundle.html", b"PK\x03\x04" + b"\x00" * 40, r"is binary \(ZIP archive"),
        ("junk.txt", b"abc\x00\x01\x02def" * 30, r"is binary \(unknown format\)"),
        ("controls.txt", bytes(range(1, 32)) * 20, r"is binary \(unknown format\)"),
        (
            "report.pdf",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
            r"is a PDF: PDF reports are not supported yet",
        ),
        ("empty.txt", b"", r"is empty$"),
        ("blank.txt", b" \n\t\r\n  \n", r"is empty$"),
        ("bom.txt", b"\xef\xbb\xbf  \n", r"is empty$"),
        (
            "nav.html",
            b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
            r"^no article text found in ",
        ),
        ("menu.txt", b"Skip to content\nHome\nShare\n", r"^no article text found in "),
    ],
)
def test_unreadable_inputs_are_one_line_errors_and_store_nothing(
    tmp_path: Path, settings: Settings, blobs: BlobStore, name: str, data: bytes, message: str
) -> None:
    path = write(tmp_path, name, data)
    with pytest.raises(CaptureError, match=message) as error:
        capture(CaptureRequest(location=str(path)), settings, blobs)
    assert "\n" not in str(error.value) and str(path) in str(error.value)
    assert not blobs.root.exists()


def test_windows_1252_text_is_decoded(tmp_path: Path, settings: Settings, blobs: BlobStore) -> None:
    body = "Caf\u00e9 owners said \u201cthe strike hit the market\u201d and killed at least 12 people."
    path = write(tmp_path, "cp1252.txt", ("Strike hits market caf\u00e9\n\n" + body).encode("cp1252"))
    report = capture(CaptureRequest(location=str(path)), settings, blobs)
    assert body in report.text
    assert report.title == "Strike hits market caf\u00e9"


def test_declared_html_charset_is_used(tmp_path: Path, settings: Settings, blobs: BlobStore) -> None:
    paragraph = "Авиаудар по рынку в городе убил по меньшей мере двенадцать мирных жителей, сообщили местные врачи."
    html = (
        '<html><head><meta charset="windows-1251"><title>Удар по рынку</title></head><body><article>'
        f"<h1>Удар по рынку</h1><p>{paragraph}</p><p>{paragraph}</p></article></body></html>"
    )
    path = write(tmp_path, "ru.html", html.encode("windows-1251"))
    report = capture(CaptureRequest(location=str(path)), settings, blobs)
    assert paragraph in report.text
    assert report.language == "ru"


def test_utf16_with_bom_is_decoded(tmp_path: Path, settings: Settings, blobs: BlobStore) -> None:
    text = "Strike hits market\n\nAt least twelve people were killed when the strike hit the market on Monday."
    path = write(tmp_path, "utf16.txt", text.encode("utf-16"))
    assert "At least twelve people" in capture(CaptureRequest(location=str(path)), settings, blobs).text


def test_oversize_file_is_refused_before_reading(tmp_path: Path, settings: Settings, blobs: BlobStore) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(3 * 10**9)  # sparse: takes no disk space, and reading it would take 3 GB of memory
    with pytest.raises(CaptureError) as error:
        capture(CaptureRequest(location=str(path)), settings, blobs)
    assert str(error.value) == f"{path} is 2.8 GB, over the 20 MB limit (CIVHARM_MAX_BYTES)"
    assert not blobs.root.exists()


def test_missing_file_and_folder(tmp_path: Path, settings: Settings, blobs: BlobStore) -> None:
    with pytest.raises(CaptureError, match=r"^no such file: "):
        capture(CaptureRequest(location=str(tmp_path / "gone.txt")), settings, blobs)
    with pytest.raises(CaptureError, match="is a folder"):
        capture(CaptureRequest(location=str(tmp_path)), settings, blobs)
