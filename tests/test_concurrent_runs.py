"""Two ``civharm run`` processes writing to one database at once lose and duplicate nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, text

TOWNS = ["Saraqib", "Ariha", "Kharkiv", "Kherson", "Saada", "Nyala", "El Fasher", "Idlib"]


def write_reports(folder: Path) -> None:
    """Eight short reports of our own, one attack each."""
    folder.mkdir()
    for day, town in enumerate(TOWNS, start=1):
        (folder / f"{day:02d}.txt").write_text(
            f"Strike on {town}\n\nAn air strike on {town} on March {day}, 2024 killed {day + 2} civilians, "
            f"rescue workers said. The strike destroyed homes near the market.\n"
        )


def civharm(home: Path, database_url: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "CIVHARM_DATABASE_URL": database_url}
    return subprocess.Popen(
        [sys.executable, "-m", "civharm", "--home", str(home), *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_runs_at_once(tmp_path: Path, database_url: str) -> None:
    reports = tmp_path / "reports"
    write_reports(reports)
    home = tmp_path / "home"
    runs = [civharm(home, database_url, "run", str(reports)) for _ in range(2)]
    outputs = [run.communicate(timeout=600) for run in runs]
    for run, (_out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err
    added = sum(int(out.split(":", 1)[1].split()[0]) for out, _ in outputs)
    assert added == len(TOWNS)  # each report stored by exactly one of the two
    engine = create_engine(database_url)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM reports")).scalar() == len(TOWNS)
        claims = connection.execute(text("SELECT count(*), count(DISTINCT id) FROM claims")).one()
    engine.dispose()
    assert claims[0] == claims[1] > 0
    blobs = [p for p in (home / "blobs").rglob("*") if p.is_file()]
    assert len(blobs) == len(TOWNS)
    exported = civharm(home, database_url, "export", "--format", "json", "--status", "all")
    document = json.loads(exported.communicate(timeout=300)[0])
    assert len({r["sha256"] for i in document["incidents"] for r in i["reports"]}) == len(TOWNS)
