"""The change token moves exactly when another connection commits, on both backends."""

from __future__ import annotations

import pytest

from civharm.store.db import open_database
from civharm.store.repository import Store
from civharm.store.version import DataVersion
from tests.store.factory import make_extraction


def test_token_is_steady_under_reads_and_moves_on_a_commit(database_url: str) -> None:
    with open_database(database_url) as database, open_database(database_url) as other:
        version = DataVersion(database)
        first = version.current()
        Store(database).counts()  # reading changes nothing
        assert first is not None and version.current() == first
        Store(other).add_extraction(make_extraction())
        moved = version.current()
        assert moved != first
        assert version.current() == moved
        version.close()


def test_token_moves_on_a_commit_through_the_same_engine(database_url: str) -> None:
    """The server's own writes (the desk) must also move it, not only other processes'."""
    with open_database(database_url) as database:
        version = DataVersion(database)
        first = version.current()
        Store(database).add_extraction(make_extraction())
        assert version.current() != first
        version.close()


@pytest.mark.sqlite_only("an in-memory database exists only in SQLite")
def test_in_memory_database_has_no_token() -> None:
    with open_database("sqlite://") as database:
        assert DataVersion(database).current() is None
