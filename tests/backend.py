"""The database backend a test session runs on, and the database each test home gets on it.

The suite is written once and run once per backend (scripts/test.sh runs it on SQLite, then on
PostgreSQL): ``pytest --backend postgresql`` (or ``CIVHARM_TEST_BACKEND=postgresql``) switches every
database the tests make. On SQLite a home's database is the file the CLI would open,
``<home>/civharm.db``. On PostgreSQL (the server in ``CIVHARM_TEST_POSTGRES_URL``) each session, so
each xdist worker, owns one scratch database: during a test ``CIVHARM_DATABASE_URL`` names it, so
``civharm --home …``, ``load_settings`` and child processes all write there, and it is emptied after
the test. The first home a test asks ``database_url`` about shares that scratch database; any other
home of the same test, and homes made by module- or session-scoped fixtures, get a database of their
own, dropped after the test or at the end of the session.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import NullPool

from civharm.settings import Settings
from civharm.store.db import parse_url

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
BACKENDS = (SQLITE, POSTGRESQL)
BACKEND_ENV = "CIVHARM_TEST_BACKEND"
SERVER_ENV = "CIVHARM_TEST_POSTGRES_URL"
DATABASE_ENV = "CIVHARM_DATABASE_URL"
# Marks the connections this module makes itself, so they never count as a test using a database.
_OWN = {"civharm_test_backend": True}


class PostgresServer:
    """Databases made on the test server for one session; ``close`` drops whatever is left."""

    def __init__(self, url: str) -> None:
        self.base: URL = parse_url(url)
        # unique per session: xdist workers and other checkouts share the server
        self._prefix = f"civharm_test_{uuid.uuid4().hex[:10]}"
        self._made = 0
        self._live: set[str] = set()
        self._admin: Engine | None = None  # connected on first use, so the xdist controller never connects

    def _connect(self) -> Connection:
        if self._admin is None:
            self._admin = create_engine(
                self.base.set(database="postgres"), isolation_level="AUTOCOMMIT", execution_options=_OWN
            )
        return self._admin.connect()

    def create(self) -> str:
        self._made += 1
        name = f"{self._prefix}_{self._made}"
        with self._connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
        self._live.add(name)
        return self.base.set(database=name).render_as_string(hide_password=False)

    def drop(self, url: str) -> None:
        name = str(make_url(url).database)
        with self._connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self._live.discard(name)

    def empty(self, url: str) -> bool:
        """Close what a test left connected and drop what it built; True when it had built anything."""
        engine = create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool, execution_options=_OWN)
        try:
            with engine.connect() as connection:
                # a connection a test forgot to close could hold locks the DROP below would wait on
                connection.exec_driver_sql(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
                built = connection.exec_driver_sql(
                    "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                    "WHERE n.nspname = 'public'"
                ).scalar()
                if built:
                    connection.exec_driver_sql("DROP SCHEMA public CASCADE")
                    connection.exec_driver_sql("CREATE SCHEMA public")
        finally:
            engine.dispose()
        return bool(built)

    def close(self) -> None:
        for name in sorted(self._live):
            with self._connect() as connection:
                connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self._live.clear()
        if self._admin is not None:
            self._admin.dispose()


@dataclass
class Backend:
    """The session's backend and the databases it has handed out."""

    name: str
    server: PostgresServer | None = None
    _scratch: str | None = None
    _session_homes: dict[Path, str] = field(default_factory=dict)
    _test_homes: dict[Path, str] | None = None  # None between tests
    _opened: set[str] = field(default_factory=set)  # backends this test connected to, in this process

    def __post_init__(self) -> None:
        event.listen(Engine, "engine_connect", self._seen)

    def _seen(self, connection: Connection) -> None:
        if not connection.get_execution_options().keys() & _OWN.keys():
            self._opened.add(connection.dialect.name)

    def scratch(self) -> str:
        """The session's scratch database (PostgreSQL only), made on first use."""
        assert self.server is not None, "only the PostgreSQL backend has a scratch database"
        if self._scratch is None:
            self._scratch = self.server.create()
        return self._scratch

    def database_url(self, home: Path) -> str:
        if self.server is None:
            return f"sqlite:///{home / 'civharm.db'}"
        key = home.resolve()
        if key in self._session_homes:
            return self._session_homes[key]
        if self._test_homes is None:  # a module- or session-scoped fixture's home
            self._session_homes[key] = self.server.create()
            return self._session_homes[key]
        if key not in self._test_homes:
            self._test_homes[key] = self.server.create() if self._test_homes else self.scratch()
        return self._test_homes[key]

    def watch(self) -> None:
        """Start recording which backends are opened (before the test's fixtures are set up)."""
        self._opened = set()

    def begin_test(self) -> None:
        self._test_homes = {}

    def end_test(self) -> frozenset[str]:
        """Drop the test's own databases, empty the scratch one; the backends the test used."""
        homes, self._test_homes = self._test_homes or {}, None
        used = set(self._opened)
        if self.server is not None:
            for url in set(homes.values()) - {self._scratch}:
                self.server.drop(url)
                used.add(POSTGRESQL)
            if self._scratch is not None and self.server.empty(self._scratch):
                used.add(POSTGRESQL)  # also what child processes (civharm run in a subprocess) wrote
        return frozenset(used)

    def close(self) -> None:
        event.remove(Engine, "engine_connect", self._seen)
        if self.server is not None:
            self.server.close()


_current: Backend | None = None


def start(name: str, server_url: str | None) -> Backend:
    """Called once per test process (pytest_configure)."""
    global _current
    _current = Backend(name, PostgresServer(server_url) if name == POSTGRESQL and server_url else None)
    return _current


def stop() -> None:
    """Called once per test process (pytest_unconfigure): drops the session's databases."""
    if _current is not None:
        _current.close()


def current() -> Backend:
    assert _current is not None, "tests/conftest.py starts the backend in pytest_configure"
    return _current


def database_url(home: Path) -> str:
    """The URL of the database that belongs to ``home`` on the session's backend."""
    return current().database_url(home)


def settings_for(home: Path) -> Settings:
    """Settings for a test home: blobs under it, its database on the session's backend."""
    return Settings(home=home, database_url=database_url(home), cache_dir=home / "cache")


def cli_env(home: Path) -> dict[str, str]:
    """Environment for a ``civharm --home HOME`` call whose home is not the test's first."""
    return {DATABASE_ENV: database_url(home)}
