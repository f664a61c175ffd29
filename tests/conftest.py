"""Fixtures shared by every test folder: the third-party samples, the loaded gazetteer, and the
database backends — SQLite always, PostgreSQL when CIVHARM_TEST_POSTGRES_URL is set (scripts/test.sh
starts a throwaway cluster). With PostgreSQL, one uniquely named database is created per test session
(per xdist worker) and every test starts from an empty ``public`` schema.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from civharm.extract.gazetteer import Gazetteer
from civharm.store.db import parse_url

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SAMPLES = SHARED / "samples"


def cache_dir() -> Path:
    """Where the gazetteer index is built once and reused (scripts/test.sh sets it)."""
    return Path(os.environ.get("CIVHARM_CACHE_DIR", Path.home() / ".cache" / "civharm"))


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.load(cache_dir())


@pytest.fixture(scope="session")
def samples() -> Path:
    if not SAMPLES.is_dir():
        pytest.skip("../shared/samples is not next to the repository")
    return SAMPLES


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
