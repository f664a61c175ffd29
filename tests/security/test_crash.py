"""Crash safety: SIGKILL `civharm run` over a folder mid-way; the next run resumes, nothing is
half-written and nothing is stored twice."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import cache_dir

pytestmark = pytest.mark.slow

FILES = 45  # more than one chunk of 32, so the kill lands between or inside chunks
TOWNS = ("Ariha", "Idlib", "Saraqib", "Maarat al-Numan", "Jisr al-Shughur")
GIVE_UP_SECONDS = 300  # a stuck child is a failure, not a hang


def _write_reports(folder: Path) -> None:
    folder.mkdir()
    for i in range(FILES):
        town = TOWNS[i % len(TOWNS)]
        (folder / f"report-{i:03d}.txt").write_text(
            f"Air strike hits {town}\n\n"
            f"An air strike hit a market in {town} on Monday, killing {i + 3} civilians, activists said. "
            f"Report number {i} of a test series written for civharm.\n",
            encoding="utf-8",
        )


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            return int(connection.execute("SELECT count(*) FROM reports").fetchone()[0])
    except sqlite3.Error:
        return 0


def _civharm(home: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "civharm", "--home", str(home), *args]


def test_killed_run_resumes_without_duplicates_or_partial_records(tmp_path: Path) -> None:
    folder, home = tmp_path / "reports", tmp_path / "home"
    _write_reports(folder)
    env = {**os.environ, "CIVHARM_CACHE_DIR": str(cache_dir())}
    db = home / "civharm.db"
    child = subprocess.Popen(
        _civharm(home, "run", str(folder)), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + GIVE_UP_SECONDS
    try:
        while _count(db) == 0 and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert child.poll() is None, "the run ended before it could be killed: " + child.stderr.read().decode()[-500:]
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=60)
    stored_before = _count(db)
    assert 0 < stored_before < FILES
    with sqlite3.connect(db) as connection:  # every stored report has all its claims (one transaction)
        orphans = connection.execute(
            "SELECT count(*) FROM reports r WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.report_sha256 = r.sha256)"
        ).fetchone()[0]
    assert orphans == 0
    again = subprocess.run(_civharm(home, "run", str(folder)), env=env, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert f"{FILES - stored_before} new reports, {stored_before} already stored" in again.stdout
    assert _count(db) == FILES
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(DISTINCT sha256) FROM reports").fetchone()[0] == FILES
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    verify = subprocess.run(_civharm(home, "verify"), env=env, capture_output=True, text=True, timeout=120)
    assert verify.returncode == 0, verify.stderr
    blobs = [p for p in (home / "blobs").rglob("*") if p.is_file() and not p.name.startswith(".tmp-")]
    assert len(blobs) == FILES
