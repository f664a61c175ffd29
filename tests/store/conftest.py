"""The store tests' database and store, on every backend of ``database_url`` (tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from civharm.store import Database, Store, open_database


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    database = open_database(database_url)
    yield database
    database.close()


@pytest.fixture
def store(database: Database) -> Store:
    return Store(database)
