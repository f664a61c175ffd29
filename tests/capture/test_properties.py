"""Property tests: capture never fails with anything but a one-line CaptureError, whatever the bytes."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from civharm.capture.blobs import BlobStore
from civharm.capture.capture import capture
from civharm.capture.inputs import CaptureRequest
from civharm.capture.plaintext import extract_plain
from civharm.errors import CaptureError
from civharm.records import Report

from .conftest import make_settings

PROSE = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=600)
HTMLISH = st.lists(
    st.sampled_from(["<html>", "<p>", "</p>", "<div>", "<!DOCTYPE html>", "Strike hits market.", "\n", "&amp;", "<"]),
    max_size=30,
).map("".join)


def capture_bytes(data: bytes, name: str = "input.txt") -> Report | None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        path = root / name
        path.write_bytes(data)
        try:
            report = capture(CaptureRequest(location=str(path)), make_settings(root / "home"), BlobStore(root / "b"))
        except CaptureError as error:
            assert "\n" not in str(error)
            assert not (root / "b").exists()  # a refused input leaves nothing behind
            return None
        assert BlobStore(root / "b").get(report.sha256) == data
        return report


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600))
def test_arbitrary_bytes_give_a_report_or_a_capture_error(data: bytes) -> None:
    report = capture_bytes(data)
    assert report is None or isinstance(report.text, str)


@settings(max_examples=150, deadline=None)
@given(st.one_of(PROSE, HTMLISH))
def test_any_text_gives_a_str_text_or_a_capture_error(text: str) -> None:
    report = capture_bytes(text.encode("utf-8"), "input.html")
    assert report is None or (isinstance(report.text, str) and report.text.strip())


@settings(max_examples=200, deadline=None)
@given(PROSE)
def test_plain_text_keeps_only_lines_of_the_input(text: str) -> None:
    """Boilerplate removal only ever drops lines: every kept line is a line of the input."""
    result = extract_plain(text)
    assert isinstance(result.text, str)
    input_lines = {line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")}
    for line in result.text.split("\n"):
        assert not line or line in input_lines
