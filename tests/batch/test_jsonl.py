"""JSONL corpora: every good line is a document, every bad line one Failure naming file and line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from civharm.batch.documents import Document
from civharm.batch.jsonl import read_jsonl
from civharm.chain import Failure
from tests.batch.conftest import write_jsonl

MAX = 10_000


def test_good_lines_carry_their_metadata_and_extra_keys_are_ignored(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "c.jsonl",
        [
            {"url": "https://a.example/1", "html": "<p>x</p>", "published": "2015-11-29", "title": "T", "id": 7},
            "",
            {"text": "Plain words.", "published": "2015-11-30T08:00:00Z", "origin": "Reuters"},
        ],
    )
    first, second = list(read_jsonl(path, MAX))
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.request.location == f"{path}:1"
    assert first.request.url == "https://a.example/1"
    assert first.request.published == dt.date(2015, 11, 29)
    assert first.request.title == "T"
    assert first.data == b"<p>x</p>"
    assert first.content_type is not None and first.content_type.startswith("text/html")
    assert second.request.location == f"{path}:3"
    assert second.request.published == dt.date(2015, 11, 30)
    assert second.request.origin == "Reuters"
    assert second.content_type is not None and second.content_type.startswith("text/plain")


def test_each_bad_line_is_one_failure_and_reading_goes_on(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "c.jsonl",
        [
            "{not json",
            "[1, 2]",
            {"url": "https://a.example/"},
            {"html": "<p>a</p>", "text": "a"},
            {"text": 5},
            {"text": "a", "url": "ftp://a.example/"},
            {"text": "a", "published": "last week"},
            {"text": "a", "title": ["x"]},
            {"text": "x" * (MAX + 1)},
            {"text": "still read"},
        ],
    )
    items = list(read_jsonl(path, MAX))
    failures = [i for i in items if isinstance(i, Failure)]
    reasons = [f.reason for f in failures]
    assert [f.location for f in failures] == [f"{path}:{n}" for n in range(1, 10)]
    assert reasons[0].startswith("not a valid JSON line")
    assert reasons[1] == "expected a JSON object"
    assert reasons[2] == reasons[3] == 'needs exactly one of "html" or "text"'
    assert reasons[4] == '"text" must be a string'
    assert "not an http(s) URL" in reasons[5]
    assert '"published" is not an ISO date' in reasons[6]
    assert reasons[7] == '"title" must be a string'
    assert "over the" in reasons[8] and "CIVHARM_MAX_BYTES" in reasons[8]
    assert isinstance(items[-1], Document) and items[-1].data == b"still read"


def test_a_line_that_is_not_utf8_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(b'{"text": "caf\xe9"}\n{"text": "ok"}\n')
    items = list(read_jsonl(path, MAX))
    assert isinstance(items[0], Failure) and items[0].reason.startswith("not a valid JSON line")
    assert isinstance(items[1], Document)
