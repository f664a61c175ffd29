"""Backends for the store tests: SQLite always, PostgreSQL when CIVHARM_TEST_POSTGRES_URL is set.

With PostgreSQL, one uniquely named database is created per test session (per xdist worker)
next to the one the URL names, and every test starts from an empty ``public`` schema.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from civharm.store import Database, Store, open_database
from civharm.store.db import parse_url

POSTGRES_ENV = "CIVHARM_TEST_POSTGRES_URL"


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str | None]:
    raw = os.environ.get(POSTGRES_ENV)
    if not raw:
        yield None
        return
    base = parse_url(raw)
    name = f"{base.database or 'civharm_test'}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
        yield base.set(database=name).render_as_string(hide_password=False)
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        admin.dispose()


def _empty_postgres(url: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("DROP SCHEMA public CASCADE")
            connection.exec_driver_sql("CREATE SCHEMA public")
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path, postgres_url: str | None) -> str:
    """A URL to a database that does not exist yet (SQLite) or is empty (PostgreSQL)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'data' / 'civharm.db'}"
    if postgres_url is None:
        pytest.skip(f"set {POSTGRES_ENV} to run the store tests on PostgreSQL too")
    _empty_postgres(postgres_url)
    return postgres_url


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    database = open_database(database_url)
    yield database
    database.close()


@pytest.fixture
def store(database: Database) -> Store:
    return Store(database)
