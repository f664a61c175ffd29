"""Every report stored by `civharm run` (and `import`, `demo`) appends one capture entry to the custody log."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from civharm.cli import main
from civharm.custody import log
from civharm.records import Extraction
from civharm.settings import load_settings
from civharm.store.db import open_database
from tests.store.factory import make_report

STRIKE = "Shelling killed three civilians in Kharkiv on Sunday, officials said."
OTHER = "An air strike on a market in Ariha killed 12 civilians on Nov. 29, activists said."


def _civharm(home: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--home", str(home), *args])


def _entries(home: Path) -> list[log.Entry]:
    database = open_database(load_settings(home).database_url)
    try:
        return log.entries(database)
    finally:
        database.close()


def test_run_appends_one_capture_entry_per_new_report_and_the_chain_holds(tmp_path: Path) -> None:
    home = tmp_path / "home"
    first, second = tmp_path / "strike.txt", tmp_path / "market.txt"
    first.write_text(STRIKE)
    second.write_text(OTHER)
    result = _civharm(home, "run", str(first), "--published", "2024-03-11")
    assert result.exit_code == 0, result.output
    (entry,) = _entries(home)
    assert entry.action == "capture" and entry.subject.startswith("report:")
    assert entry.details["source"] == str(first) and entry.details["captured_by"].startswith("civharm")
    assert entry.subject == f"report:{entry.details['sha256']}" and entry.details["captured_at"]
    # the same bytes again (from another path) store nothing and append nothing; a new report appends one
    copy = tmp_path / "copy.txt"
    copy.write_text(STRIKE)
    again = _civharm(home, "run", str(copy), str(second), "--published", "2024-03-11")
    assert again.exit_code == 0, again.output
    entries = _entries(home)
    assert [e.details["source"] for e in entries] == [str(first), str(second)]
    assert log.check_chain(entries) is None
    verified = _civharm(home, "verify")
    assert verified.exit_code == 0 and "2 custody entries chained" in verified.output


def test_import_appends_capture_entries_for_new_reports_only(tmp_path: Path) -> None:
    report = make_report("Shelling killed three civilians in Kharkiv on Sunday, officials said.")
    document = tmp_path / "export.json"
    document.write_text(json.dumps({"incidents": [], "reports": [Extraction(report=report).model_dump(mode="json")]}))
    home = tmp_path / "home"
    for _ in range(2):  # importing twice stores the report once
        result = _civharm(home, "import", str(document))
        assert result.exit_code == 0, result.output
    (entry,) = _entries(home)
    assert entry.subject == f"report:{report.sha256}" and entry.actor == report.captured_by
    assert entry.details["sha256"] == report.sha256 and entry.details["source"] == report.url
    assert log.check_chain([entry]) is None
