"""Writes land whole or not at all, whatever happens half-way, and one report stays one report."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from civharm.store import Counts, Database, Store, open_database
from tests.store.factory import make_extraction, make_incident


class Interrupted(RuntimeError):
    """What the hook raises in the middle of a write."""


def _fail_on(database: Database, statement_prefix: str) -> Any:
    def hook(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.lstrip().upper().startswith(statement_prefix):
            raise Interrupted(statement_prefix)

    event.listen(database.engine, "before_cursor_execute", hook)
    return hook


def test_failure_after_the_report_row_leaves_nothing(database: Database) -> None:
    store = Store(database)
    extraction = make_extraction()
    hook = _fail_on(database, "INSERT INTO CLAIMS")
    with pytest.raises(Interrupted):
        store.add_extraction(extraction)
    event.remove(database.engine, "before_cursor_execute", hook)
    assert not store.has_report(extraction.report.sha256)
    assert store.counts() == Counts(reports=0, claims=0, incidents=0)
    assert store.add_extraction(extraction) is True  # and the database is still usable
    assert store.extraction(extraction.report.sha256) == extraction


def test_failure_while_replacing_incidents_keeps_the_old_ones(database: Database) -> None:
    store = Store(database)
    extraction = make_extraction()
    sha = extraction.report.sha256
    store.add_extraction(extraction)
    old = [make_incident("ariha", ((sha, 0),)), make_incident("saraqib", ((sha, 1),))]
    store.replace_incidents(old)
    hook = _fail_on(database, "INSERT INTO INCIDENT_REPORTS")  # after incidents were deleted and re-added
    with pytest.raises(Interrupted):
        store.replace_incidents([make_incident("merged", ((sha, 0), (sha, 1)))])
    event.remove(database.engine, "before_cursor_execute", hook)
    assert {i.id: i for i in store.incidents()} == {i.id: i for i in old}
    assert [kind for kind, _ in store.incident_claims("ariha")][:3] == ["attack", "casualty", "casualty"]


REPO = Path(__file__).resolve().parents[2]

CRASH_SCRIPT = textwrap.dedent(
    """
    import os, sys
    from sqlalchemy import event
    from civharm.store import Store, open_database
    from tests.store.factory import make_extraction

    database = open_database(sys.argv[1])

    def die(_conn, _cursor, statement, *_args):
        if statement.lstrip().upper().startswith("INSERT INTO CLAIMS"):
            os._exit(17)  # the process dies with the report row written, uncommitted

    event.listen(database.engine, "before_cursor_execute", die)
    Store(database).add_extraction(make_extraction())
    """
)


def test_process_killed_mid_write_leaves_nothing(database_url: str) -> None:
    open_database(database_url).close()
    crashed = subprocess.run(
        [sys.executable, "-c", CRASH_SCRIPT, database_url],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)},
    )
    assert crashed.returncode == 17, crashed.stderr
    with open_database(database_url) as database:
        assert Store(database).counts() == Counts(reports=0, claims=0, incidents=0)


def test_concurrent_writers_of_the_same_report_store_it_once(database: Database) -> None:
    writers = 4
    extraction = make_extraction()
    barrier = threading.Barrier(writers)
    results: list[bool] = []
    errors: list[BaseException] = []

    def write() -> None:
        try:
            barrier.wait(timeout=30)
            results.append(Store(database).add_extraction(extraction))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write) for _ in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert sorted(results) == [False] * (writers - 1) + [True]
    assert Store(database).counts().reports == 1
