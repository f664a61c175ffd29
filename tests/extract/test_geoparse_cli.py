"""``civharm geoparse FILE --json [--mentions M]``: toponyms found, or exactly the spans given."""

import json
from pathlib import Path

from click.testing import CliRunner

from civharm.cli import main

TEXT = "Shelling hit Idleb and Aleppo while a man was shot in Paris, Texas.\n"


def _run(tmp_path: Path, *extra: str) -> tuple[int, str]:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["geoparse", str(tmp_path / "a.txt"), "--json", *extra])
    return result.exit_code, result.output


def test_finds_and_resolves_toponyms(tmp_path: Path) -> None:
    code, out = _run(tmp_path)
    found = {m["name"]: m for m in json.loads(out)}
    assert code == 0
    assert found["Aleppo"]["country"] == "SY" and found["Paris"]["country"] == "US"
    assert set(found["Aleppo"]) == {"start", "end", "name", "geonameid", "lat", "lon", "country", "feature"}


def test_resolves_exactly_the_given_spans(tmp_path: Path) -> None:
    (tmp_path / "m.json").write_text(json.dumps([{"start": 13, "end": 18}, {"start": 0, "end": 8}]))
    code, out = _run(tmp_path, "--mentions", str(tmp_path / "m.json"))
    spans = json.loads(out)
    assert code == 0 and [(s["start"], s["end"]) for s in spans] == [(13, 18), (0, 8)]
    assert spans[0]["country"] == "SY" and spans[1]["lat"] is None


def test_bad_mentions_file_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "m.json").write_text('[{"start": 5}]')
    code, out = _run(tmp_path, "--mentions", str(tmp_path / "m.json"))
    assert code == 2 and "spans inside the text" in out and "Traceback" not in out


def test_the_address_chooses_between_namesakes(tmp_path: Path) -> None:
    (tmp_path / "h.txt").write_text("A man was shot in Hamilton on Sunday.\n", encoding="utf-8")
    runs = {
        url: CliRunner().invoke(main, ["geoparse", str(tmp_path / "h.txt"), "--json", *url])
        for url in ((), ("--url", "https://www.daytondailynews.com/news/crime--law/x/"))
    }
    assert [r.exit_code for r in runs.values()] == [0, 0]
    countries = [[m["country"] for m in json.loads(r.output)] for r in runs.values()]
    assert countries == [["CA"], ["US"]]  # Hamilton, Ontario by size; Hamilton, Ohio for Dayton's paper
