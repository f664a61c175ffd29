"""Which database each test home gets on each backend (tests/backend.py), without a server."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine

from tests.backend import POSTGRESQL, SQLITE, Backend, PostgresServer


class _Server(PostgresServer):
    """Hands out database names and records drops; never connects."""

    def __init__(self) -> None:
        super().__init__("postgresql://tester@db.invalid/postgres")
        self.made: list[str] = []
        self.dropped: list[str] = []
        self.built = False

    def create(self) -> str:
        self.made.append(f"postgresql+psycopg://tester@db.invalid/test_{len(self.made)}")
        return self.made[-1]

    def drop(self, url: str) -> None:
        self.dropped.append(url)

    def empty(self, url: str) -> bool:
        return self.built

    def close(self) -> None:
        pass


def test_a_sqlite_home_keeps_its_database_file(tmp_path: Path) -> None:
    sqlite = Backend(SQLITE)
    try:
        assert sqlite.database_url(tmp_path) == f"sqlite:///{tmp_path / 'civharm.db'}"
    finally:
        sqlite.close()


def test_postgresql_homes_share_nothing_but_the_first_one_of_a_test(tmp_path: Path) -> None:
    server = _Server()
    postgres = Backend(POSTGRESQL, server)
    try:
        fixture_home = postgres.database_url(tmp_path / "module")  # made outside any test: kept
        postgres.begin_test()
        first = postgres.database_url(tmp_path / "a")
        second = postgres.database_url(tmp_path / "b")
        assert first == postgres.scratch() != second != fixture_home
        assert postgres.database_url(tmp_path / "a" / ".." / "a") == first
        assert postgres.database_url(tmp_path / "module") == fixture_home
        assert postgres.end_test() == {POSTGRESQL}
        assert server.dropped == [second]

        postgres.watch()
        postgres.begin_test()
        assert postgres.database_url(tmp_path / "b") == postgres.scratch()  # a new test starts over
        assert postgres.end_test() == frozenset()  # nothing built, nothing opened
        server.built = True
        postgres.begin_test()
        assert postgres.end_test() == {POSTGRESQL}  # e.g. a child process wrote to the scratch database
    finally:
        postgres.close()


@pytest.mark.sqlite_only("opens a SQLite database on purpose, which the PostgreSQL pass refuses")
def test_a_test_that_opens_sqlite_is_seen() -> None:
    watcher = Backend(SQLITE)
    try:
        watcher.watch()
        watcher.begin_test()
        engine = create_engine("sqlite://")
        engine.connect().close()
        engine.dispose()
        assert watcher.end_test() == {SQLITE}
    finally:
        watcher.close()
