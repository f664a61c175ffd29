"""WARC corpora: HTML responses are documents, other responses are counted as skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from civharm.batch.documents import Document, Skipped
from civharm.batch.inputs import check_inputs, read_inputs
from civharm.batch.warc import read_warc
from civharm.chain import Failure
from civharm.errors import CaptureError
from tests.batch.conftest import ARTICLE, write_jsonl, write_warc


@pytest.mark.parametrize("gzip", [True, False])
def test_html_responses_become_documents_and_other_responses_are_skipped(tmp_path: Path, gzip: bool) -> None:
    path = write_warc(tmp_path / ("a.warc.gz" if gzip else "a.warc"), gzip=gzip)
    items = list(read_warc(path, 1_000_000))
    documents = [i for i in items if isinstance(i, Document)]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert len(items) == 3  # the request record is not a page and not counted
    assert len(documents) == 1
    assert documents[0].data == ARTICLE
    assert documents[0].request.url == "https://gazette.example/strike"
    assert documents[0].request.location.startswith(f"{path}@")
    assert documents[0].content_type == "text/html; charset=utf-8"
    assert sorted(s.what for s in skipped) == ["HTTP 301", "image/jpeg"]


def test_a_page_over_the_size_limit_is_a_failure(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "a.warc.gz")
    items = list(read_warc(path, 100))
    failures = [i for i in items if isinstance(i, Failure)]
    assert len(failures) == 1
    assert failures[0].location.startswith(f"{path}@") and "CIVHARM_MAX_BYTES" in failures[0].reason
    assert not any(isinstance(i, Document) for i in items)


def test_a_corrupt_warc_is_one_failure_and_the_next_input_still_runs(tmp_path: Path) -> None:
    good = write_warc(tmp_path / "good.warc")
    broken = tmp_path / "broken.warc"
    broken.write_bytes(good.read_bytes() + b"this is not a WARC record\r\n\r\n")
    corpus = write_jsonl(tmp_path / "after.jsonl", [{"text": "after the broken file"}])
    items = list(read_inputs([broken, corpus], 1_000_000))
    failures = [i for i in items if isinstance(i, Failure)]
    assert len(failures) == 1 and failures[0].location == f"{broken}@{good.stat().st_size}"
    assert "unreadable WARC record" in failures[0].reason
    assert [type(i) for i in items] == [Document, Skipped, Skipped, Failure, Document]
    assert isinstance(items[-1], Document) and items[-1].data == b"after the broken file"


def test_inputs_are_checked_before_the_batch_starts(tmp_path: Path) -> None:
    with pytest.raises(CaptureError, match="no such file"):
        check_inputs([tmp_path / "missing.jsonl"])
    other = tmp_path / "page.html"
    other.write_text("<p>x</p>")
    with pytest.raises(CaptureError, match=r"batch inputs are \.jsonl, \.warc or \.warc\.gz"):
        check_inputs([other])
    with pytest.raises(CaptureError, match="at least one"):
        check_inputs([])
