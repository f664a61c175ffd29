"""The ``civharm`` command end to end: real files, a real database (SQLite or PostgreSQL), real HTTP on 127.0.0.1."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from civharm.cli import main
from tests.backend import cli_env


def civharm(home: Path, *args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, ["--home", str(home), *args], env={**cli_env(home), **(env or {})})


def export(home: Path) -> dict[str, Any]:
    result = civharm(home, "export", "--format", "json", "--status", "all")
    assert result.exit_code == 0, result.output
    document: dict[str, Any] = json.loads(result.stdout)
    return document


@pytest.fixture(scope="module")
def manifest(samples: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A manifest of all 31 sample pages with their URLs and publication dates."""
    lines = [json.dumps({"path": str(samples / "000.txt"), "published": "2015-12-23"})]
    for line in (samples / "index.jsonl").read_text().splitlines():
        page = json.loads(line)
        entry = {"path": str(samples / f"{page['id']}.txt"), "url": page["url"]}
        if page["published"]:
            entry["published"] = page["published"]
        lines.append(json.dumps(entry))
    path = tmp_path_factory.mktemp("manifest") / "samples.jsonl"
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.fixture(scope="module")
def loaded(manifest: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("home")
    result = civharm(home, "run", str(manifest))
    assert result.exit_code == 0, result.output
    assert "31 inputs: 31 new reports, 0 already stored, 0 failed" in result.stdout
    return home


def incidents_of(document: dict[str, Any], url_part: str) -> set[str]:
    return {i["id"] for i in document["incidents"] for r in i["reports"] if url_part in (r["url"] or "")}


@pytest.mark.parametrize(
    "group",
    [
        # 001/002: the Ariha market strike of 29 Nov 2015, from Al Jazeera and The New Arab.
        ("aljazeera.com/news/2015/11", "newarab.com/News/2015/11"),
        # 011/012: the strike on the field hospital in Sarmin, 20 Oct 2015, from DW and IBT.
        ("dw.com", "ibtimes.co.uk/syria-russian-warplanes-hit-field-hospital"),
    ],
)
def test_reports_of_the_same_strike_become_one_incident(loaded: Path, group: tuple[str, str]) -> None:
    document = export(loaded)
    first, second = (incidents_of(document, part) for part in group)
    assert first & second


def test_a_denial_creates_no_incident(loaded: Path) -> None:
    document = export(loaded)
    reports = {r["url"] for i in document["incidents"] for r in i["reports"]}
    assert not any("tass" in (url or "") for url in reports)  # 016: the General Staff's denial


def test_running_again_stores_nothing_twice(loaded: Path, manifest: Path) -> None:
    before = export(loaded)
    result = civharm(loaded, "run", str(manifest))
    assert result.exit_code == 0
    assert "0 new reports, 31 already stored" in result.stdout
    assert export(loaded) == before


def test_tally_adds_incidents(loaded: Path) -> None:
    result = civharm(loaded, "tally", "--by", "perpetrator", "--json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    incidents = export(loaded)["incidents"]
    counted = [i for section in ("headline", "other") for row in document[section] for i in row["incident_ids"]]
    assert sorted(counted) == sorted(i["id"] for i in incidents)


@pytest.mark.parametrize("fmt", ["csv", "geojson", "json"])
def test_export_formats_to_a_file(loaded: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"incidents.{fmt}"
    result = civharm(loaded, "export", "--format", fmt, "--status", "all", "--out", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text()
    if fmt == "geojson":
        features = json.loads(text)["features"]
        assert features and all(-180 <= f["geometry"]["coordinates"][0] <= 180 for f in features)
    elif fmt == "csv":
        assert text.splitlines()[0].startswith("id,")


def test_extract_json_lines_for_several_files(samples: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(samples / "001.txt"), str(samples / "002.txt"), "--json"])
    assert result.exit_code == 0, result.output
    documents = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(documents) == 2
    for document in documents:
        text = document["report"]["text"]
        for attack in document["incidents"]:
            for casualty in attack["casualties"]:
                assert text[casualty["start"] : casualty["end"]] == casualty["words"]


# --- bad input: one clear line each, a non-zero exit, nothing half-written ---------------------


def one_line_error(result: Result) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert "Traceback" not in result.output + result.stderr
    return lines[-1]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("junk.txt", bytes(range(256)) * 40, "binary"),
        ("image.html", b"\x89PNG\r\n\x1a\n" + b"\x00" * 500, "binary"),
        ("nothing.html", b"<html><body><nav>Home | About</nav></body></html>", "no article text"),
        ("scan.pdf", b"%PDF-1.4\n" + b"\x00" * 300, "PDF"),
    ],
)
def test_bad_input_is_refused_in_one_line(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    home = tmp_path / "home"
    result = civharm(home, "run", str(path))
    assert result.exit_code == 1
    assert message in one_line_error(result)
    assert "0 new reports" in result.stdout
    assert not any((home / "blobs").rglob("*")) if (home / "blobs").exists() else True


def test_non_utf8_text_is_read(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes(
        "Shelling killed three civilians in Kharkiv on Sunday, officials said \x96 caf\xe9.".encode("latin-1")
    )
    result = civharm(tmp_path / "home", "run", str(path), "--published", "2024-03-11")
    assert result.exit_code == 0, result.output


def test_file_over_the_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(3 * 1024**3)  # sparse: never read
    result = civharm(tmp_path / "home", "run", str(path))
    assert result.exit_code == 1
    assert "over the" in one_line_error(result)


def test_missing_file_and_bad_date(tmp_path: Path) -> None:
    result = civharm(tmp_path, "run", str(tmp_path / "nope.txt"))
    assert result.exit_code == 2 and "no such file" in one_line_error(result)
    result = civharm(tmp_path, "extract", str(tmp_path), "--published", "yesterday")
    assert result.exit_code == 2 and "--published" in one_line_error(result)


@pytest.mark.sqlite_only("a junk file where the SQLite database should be")
def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    (tmp_path / "civharm.db").write_bytes(b"this is not a database" * 100)
    result = civharm(tmp_path, "tally")
    assert result.exit_code == 2
    assert one_line_error(result).startswith("error:")


class _Pages(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/strike.html":
            body = (
                b"<html><head><title>Strike on Saraqib</title></head><body><article><h1>Strike on Saraqib</h1>"
                b"<p>An air strike on Saraqib on Sunday killed four civilians, rescue workers said. "
                b"The strike destroyed a bakery where people had queued for bread since dawn.</p>"
                b"<p>Residents said the jets returned twice and that ambulances could not reach the site.</p>"
                b"</article></body></html>"
            )
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_response(404)
            self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_url_capture_and_a_404(tmp_path: Path, server: str) -> None:
    env = {"CIVHARM_ALLOW_LOOPBACK": "1"}
    result = civharm(tmp_path, "run", f"{server}/strike.html", f"{server}/missing.html", env=env)
    assert result.exit_code == 1
    assert "1 new reports" in result.stdout
    assert "404" in one_line_error(result)


def test_loopback_refused_without_the_setting(tmp_path: Path, server: str) -> None:
    result = civharm(tmp_path, "run", f"{server}/strike.html", env={"CIVHARM_ALLOW_LOOPBACK": ""})
    assert result.exit_code == 1
    assert "refusing" in one_line_error(result)
