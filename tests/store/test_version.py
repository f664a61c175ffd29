"""The change token moves exactly when another connection commits, on both backends."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from civharm.store.db import open_database
from civharm.store.repository import Store
from civharm.store.version import DataVersion
from tests.store.factory import make_extraction

# PostgreSQL's token is the cluster's snapshot, and the other test worker's databases share the cluster:
# their transactions move it too. A read that never moves it is seen steady in one of a few tries.
TRIES = 50


def _steady_over(version: DataVersion, read: Callable[[], object]) -> bool:
    """Whether the token was the same before and after ``read`` in one of TRIES tries."""
    for _ in range(TRIES):
        before = version.current()
        read()
        if before is not None and version.current() == before:
            return True
    return False


def test_token_is_steady_under_reads_and_moves_on_a_commit(database_url: str) -> None:
    with open_database(database_url) as database, open_database(database_url) as other:
        version = DataVersion(database)
        assert _steady_over(version, Store(database).counts)  # reading changes nothing
        first = version.current()
        Store(other).add_extraction(make_extraction())
        assert version.current() != first
        assert _steady_over(version, lambda: None)
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
