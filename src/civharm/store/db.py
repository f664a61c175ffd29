"""Open a database by URL and bring its schema to the newest migration.

SQLite (one file, WAL, nothing to start) is the default; PostgreSQL is chosen by URL. The
schema is only ever built by the Alembic migrations shipped inside this package, so an
installed civharm migrates a user's database the same way the repository does. Every
problem opening a database becomes one line a user can act on, never a traceback.
"""

from __future__ import annotations

import contextlib
import fcntl
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from civharm.errors import CivharmError, ConfigError

# Alembic finds the migrations through importlib.resources, so this works from an installed wheel.
SCRIPT_LOCATION = "civharm.store:migrations"

# How long a SQLite writer waits for another writer before giving up. Batch workers write one
# report per short transaction; the longest single write (replace_incidents over a whole corpus)
# takes seconds, so 30 s absorbs contention without letting a stuck process hang forever.
SQLITE_BUSY_TIMEOUT_MS = 30_000

# An arbitrary fixed key for pg_advisory_xact_lock, so two processes opening one PostgreSQL
# database at once migrate it one after the other instead of both creating the tables.
PG_MIGRATION_LOCK_KEY = 7_150_424_019
# Another fixed key, for the lock that makes relinking (read, link, replace) one step across processes.
PG_LINK_LOCK_KEY = 7_150_424_020

# Execution option that makes a SQLite transaction start with BEGIN IMMEDIATE (take the write lock
# up front), so a read-then-write transaction can never fail half-way on a lock upgrade.
WRITE_OPTION = "civharm_write"

SUPPORTED_BACKENDS = ("sqlite", "postgresql")


@dataclass(frozen=True)
class Database:
    """An open, migrated database: ``engine`` for reads, ``write_engine`` for write transactions."""

    url: URL
    engine: Engine
    write_engine: Engine

    @property
    def backend(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self.url.get_backend_name()

    @property
    def display_url(self) -> str:
        """The URL with any password hidden, fit for messages and logs."""
        return self.url.render_as_string(hide_password=True)

    def close(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def one_line(error: BaseException) -> str:
    """The first line of an error's message (drivers add SQL and hints on later lines)."""
    orig = getattr(error, "orig", None)
    message = str(orig if orig is not None else error).strip()
    return message.splitlines()[0] if message else type(error).__name__


def parse_url(url: str) -> URL:
    """Parse and check a database URL; ``postgresql://`` means the psycopg 3 driver."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ConfigError(f"invalid database URL {url!r}: {one_line(exc)}") from exc
    backend = parsed.get_backend_name()
    if backend == "postgres":  # the scheme many hosting services hand out
        parsed, backend = parsed.set(drivername="postgresql+psycopg"), "postgresql"
    if backend not in SUPPORTED_BACKENDS:
        raise ConfigError(
            f"unsupported database URL scheme {parsed.drivername!r}: use sqlite:///PATH or postgresql://..."
        )
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def _is_memory(url: URL) -> bool:
    return url.database in (None, "", ":memory:")


def _sqlite_file(url: URL) -> Path | None:
    """The database file of a SQLite URL, its folder created; None for an in-memory database."""
    if _is_memory(url) or str(url.database).startswith("file:"):
        return None
    path = Path(str(url.database)).expanduser()
    if path.is_dir():
        raise CivharmError(f"database path {path} is a folder, not a file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CivharmError(f"cannot create the folder for database {path}: {exc.strerror}") from exc
    return path


def _configure_sqlite(engine: Engine) -> None:
    """Per-connection SQLite settings, and our own BEGIN so transactions mean what they say."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # Take transaction control away from the sqlite3 module (it skips BEGIN before DDL/SELECT).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA journal_mode=WAL")  # persistent; a no-op once the file is in WAL
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        immediate = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _create_engine(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        kwargs: dict[str, Any] = {}
        if _is_memory(url):
            # One shared connection, or every checkout would see a new, empty database.
            kwargs = {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
        engine = create_engine(url, **kwargs)
        _configure_sqlite(engine)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _alembic_config(connection: Connection | None = None) -> Config:
    """Alembic configured in code: no alembic.ini needs to exist where civharm is installed."""
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def _migrate(connection: Connection) -> None:
    """Upgrade to head inside the caller's transaction; nothing runs when already at head."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_MIGRATION_LOCK_KEY})
    config = _alembic_config(connection)
    script = ScriptDirectory.from_config(config)
    current = set(MigrationContext.configure(connection).get_current_heads())
    if current == set(script.get_heads()):
        return
    for revision in current:
        try:
            script.get_revision(revision)
        except CommandError as exc:
            raise CivharmError(
                f"the database schema is at revision {revision}, which this civharm does not know; upgrade civharm"
            ) from exc
    # "heads": features add their tables as branches from the first revision (see migrations/README).
    command.upgrade(config, "heads")


@contextlib.contextmanager
def _errors_as_one_line(display: str) -> Iterator[None]:
    try:
        yield
    except CivharmError:
        raise
    except SQLAlchemyError as exc:
        raise CivharmError(f"cannot open database {display}: {one_line(exc)}") from exc
    except (sqlite3.Error, OSError, CommandError) as exc:  # CommandError: a revision table Alembic cannot follow
        raise CivharmError(f"cannot open database {display}: {one_line(exc)}") from exc


def open_database(url: str) -> Database:
    """Open (creating if needed) the database at ``url`` and migrate it to the newest schema.

    Raises ConfigError for a URL civharm cannot use, CivharmError (one line) for a file that is
    not a database, a corrupt one, an unreachable server, or a schema newer than this civharm.
    """
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        _sqlite_file(parsed)
    engine = _create_engine(parsed)
    database = Database(url=parsed, engine=engine, write_engine=engine.execution_options(**{WRITE_OPTION: True}))
    try:
        with _errors_as_one_line(database.display_url), database.write_engine.begin() as connection:
            if parsed.get_backend_name() == "sqlite":
                # Read a page of the schema: junk or truncated files fail here, not on a later query.
                connection.exec_driver_sql("PRAGMA schema_version").scalar()
            _migrate(connection)
    except BaseException:
        engine.dispose()
        raise
    return database


def current_revisions(database: Database) -> frozenset[str]:
    """The schema revisions the database is at (for diagnostics and tests)."""
    with database.engine.connect() as connection:
        return frozenset(MigrationContext.configure(connection).get_current_heads())


def head_revisions() -> frozenset[str]:
    """The newest schema revisions shipped with this civharm, one per migration branch."""
    return frozenset(ScriptDirectory.from_config(_alembic_config()).get_heads())


@contextlib.contextmanager
def exclusive_linking(database: Database) -> Iterator[None]:
    """Hold the database's linking lock: two processes relinking at once would each replace the
    incidents from what they read, and the later writer could drop the other's reports.

    PostgreSQL: a session advisory lock on its own connection. SQLite: an exclusive ``flock`` on a
    file beside the database (an in-memory database has one process and needs none).
    """
    if database.backend == "postgresql":
        with database.engine.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": PG_LINK_LOCK_KEY})
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": PG_LINK_LOCK_KEY})
                connection.commit()
        return
    path = database.url.database
    if not path or path == ":memory:":
        yield
        return
    with open(f"{path}.link-lock", "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextlib.contextmanager
def read_session(database: Database) -> Iterator[Session]:
    """A read-only transaction on the reading engine."""
    with Session(database.engine) as session, session.begin():
        yield session


@contextlib.contextmanager
def write_session(database: Database) -> Iterator[Session]:
    """One write transaction through the single writer (``BEGIN IMMEDIATE`` on SQLite)."""
    with Session(database.write_engine, expire_on_commit=False) as session, session.begin():
        yield session
