"""Expanding CLI arguments: URLs, files, folders and JSONL manifests."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from civharm.capture.inputs import CaptureRequest, expand_inputs
from civharm.errors import CaptureError


def test_url_stays_a_url_and_gets_the_published_date() -> None:
    requests = expand_inputs(["https://example.org/a", "HTTP://example.org/b"], published=date(2015, 12, 23))
    assert requests == [
        CaptureRequest(location="https://example.org/a", published=date(2015, 12, 23)),
        CaptureRequest(location="HTTP://example.org/b", published=date(2015, 12, 23)),
    ]
    assert all(r.is_url for r in requests)


def test_folder_is_searched_recursively_sorted_and_filtered(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    for name in ("b/2.html", "a.txt", "b/1.htm", "c.text", "notes.md", "image.png", "d.TXT"):
        (tmp_path / name).write_text("x")
    found = [Path(r.location).relative_to(tmp_path).as_posix() for r in expand_inputs([str(tmp_path)])]
    assert found == ["a.txt", "b/1.htm", "b/2.html", "c.text", "d.TXT"]


def test_missing_path_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(CaptureError, match=r"^no such file: .*nope\.txt$"):
        expand_inputs([str(tmp_path / "nope.txt")])


def test_manifest_lines_resolve_against_the_manifest_folder(tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "page.txt").write_text("text")
    lines = [
        {
            "path": "page.txt",
            "published": "2015-11-29",
            "title": "T",
            "url": "https://x.org/p",
            "origin": "AFP",
        },
        {"url": "https://example.org/story"},
    ]
    manifest = folder / "m.jsonl"
    manifest.write_text("\n".join(json.dumps(line) for line in lines) + "\n\n")
    requests = expand_inputs([str(manifest)], published=date(2000, 1, 1))
    assert requests[0] == CaptureRequest(
        location=str(folder / "page.txt"),
        published=date(2015, 11, 29),
        title="T",
        url="https://x.org/p",
        origin="AFP",
    )
    # --published applies to plain arguments only, never to manifest lines
    assert requests[1] == CaptureRequest(location="https://example.org/story", url="https://example.org/story")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "not valid JSON"),
        ('["a list"]', "expected a JSON object"),
        ('{"title": "no location"}', 'needs "path" or "url"'),
        ('{"path": "a.txt", "published": "23/12/2015"}', "not an ISO date"),
        ('{"path": "a.txt", "colour": "red"}', "unknown key"),
        ('{"path": 5}', "must be a string"),
        ('{"url": "ftp://example.org/x"}', "not an http"),
    ],
)
def test_bad_manifest_line_names_file_and_line(tmp_path: Path, line: str, reason: str) -> None:
    manifest = tmp_path / "m.jsonl"
    manifest.write_text('{"url": "https://example.org/ok"}\n' + line + "\n")
    with pytest.raises(CaptureError) as error:
        expand_inputs([str(manifest)])
    message = str(error.value)
    assert "m.jsonl, line 2:" in message and reason in message
    assert "\n" not in message
