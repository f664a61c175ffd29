"""Crash safety: SIGKILL `civharm run` over a folder mid-way; the next run resumes, nothing is
half-written and nothing is stored twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import SQLAlchemyError

from tests.backend import database_url
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


def _count(engine: Engine) -> int:
    try:
        with engine.connect() as connection:
            return int(connection.execute(text("SELECT count(*) FROM reports")).scalar_one())
    except SQLAlchemyError:  # no tables yet: the run has not migrated the database
        return 0


def _scalar(engine: Engine, sql: str) -> object:
    with engine.connect() as connection:
        return connection.execute(text(sql)).scalar_one()


def _civharm(home: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "civharm", "--home", str(home), *args]


def test_killed_run_resumes_without_duplicates_or_partial_records(tmp_path: Path) -> None:
    folder, home = tmp_path / "reports", tmp_path / "home"
    _write_reports(folder)
    env = {**os.environ, "CIVHARM_CACHE_DIR": str(cache_dir())}
    db = create_engine(database_url(home))
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
    # every stored report has all its claims (one transaction)
    orphans = (
        "SELECT count(*) FROM reports r WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.report_sha256 = r.sha256)"
    )
    assert _scalar(db, orphans) == 0
    # ... and its custody capture entry, and no entry names a report that is not stored
    assert _scalar(db, "SELECT count(*) FROM custody_log WHERE action = 'capture'") == stored_before
    again = subprocess.run(_civharm(home, "run", str(folder)), env=env, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert f"{FILES - stored_before} new reports, {stored_before} already stored" in again.stdout
    assert _count(db) == FILES
    assert _scalar(db, "SELECT count(DISTINCT sha256) FROM reports") == FILES
    assert _scalar(db, "SELECT count(DISTINCT subject) FROM custody_log WHERE action = 'capture'") == FILES
    if db.dialect.name == "sqlite":
        assert _scalar(db, "PRAGMA integrity_check") == "ok"
    db.dispose()
    verify = subprocess.run(_civharm(home, "verify"), env=env, capture_output=True, text=True, timeout=120)
    assert verify.returncode == 0, verify.stderr
    blobs = [p for p in (home / "blobs").rglob("*") if p.is_file() and not p.name.startswith(".tmp-")]
    assert len(blobs) == FILES
