"""Opening databases: migrations to head, WAL, idempotence, and one-line errors for bad input."""

from __future__ import annotations

import socket
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from civharm.errors import CivharmError, ConfigError
from civharm.store import Store, open_database
from civharm.store.db import current_revisions, head_revisions, parse_url
from civharm.store.models import Base
from civharm.store.search import is_search_index
from tests.store.factory import make_extraction

TABLES = {"reports", "claims", "incidents", "incident_reports", "runs", "alembic_version"}


def test_fresh_database_is_migrated_to_head(database_url: str) -> None:
    with open_database(database_url) as database:
        assert current_revisions(database) == head_revisions()
        assert set(inspect(database.engine).get_table_names()) >= TABLES
        indexes = {index["name"] for index in inspect(database.engine).get_indexes("incidents")}
        assert {"ix_incidents_date", "ix_incidents_country_admin1", "ix_incidents_grade"} <= indexes
        assert "ix_incidents_status" in indexes


def test_migrations_build_exactly_the_models(database_url: str) -> None:
    """The hand-written migration and the ORM models describe the same schema."""
    with open_database(database_url) as database, database.engine.connect() as connection:
        # The search index (migration 0006_search) is built outside the models on purpose.
        opts = {"compare_type": True, "include_name": lambda *args: not is_search_index(*args)}
        context = MigrationContext.configure(connection, opts=opts)
        assert compare_metadata(context, Base.metadata) == []


@pytest.mark.sqlite_only("the file, its folder and WAL mode are SQLite's")
def test_sqlite_file_and_folder_are_created_with_wal_on(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "deeper" / "civharm.db"
    with open_database(f"sqlite:///{path}") as database, database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() > 0
    assert path.is_file()
    with sqlite3.connect(path) as plain:  # WAL is a property of the file, seen by any client
        assert plain.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_opening_twice_keeps_data_and_revision(database_url: str) -> None:
    with open_database(database_url) as database:
        assert Store(database).add_extraction(make_extraction())
    with open_database(database_url) as database:
        assert current_revisions(database) == head_revisions()
        assert Store(database).counts().reports == 1
        with database.engine.connect() as connection:
            versions = connection.execute(text("SELECT version_num FROM alembic_version")).all()
        assert {version for (version,) in versions} == head_revisions()


def test_schema_newer_than_this_civharm_is_refused(database_url: str) -> None:
    with open_database(database_url) as database, database.write_engine.begin() as connection:
        # one row per migration branch head: leave a single unknown revision
        connection.execute(text("DELETE FROM alembic_version"))
        connection.execute(text("INSERT INTO alembic_version (version_num) VALUES ('9999')"))
    with pytest.raises(CivharmError, match="revision 9999, which this civharm does not know"):
        open_database(database_url)


def test_a_revision_table_alembic_cannot_follow_is_one_line(database_url: str) -> None:
    with open_database(database_url) as database, database.write_engine.begin() as connection:
        # an ancestor listed beside its own descendant: no upgrade path can start from both
        connection.execute(text("INSERT INTO alembic_version (version_num) VALUES ('0011_link_blocking')"))
    with pytest.raises(CivharmError, match=r"cannot open database .*overlaps") as caught:
        open_database(database_url)
    _assert_one_line(caught.value)


@pytest.mark.sqlite_only("an in-memory database is a SQLite URL")
def test_in_memory_sqlite_works() -> None:
    with open_database("sqlite://") as database:
        store = Store(database)
        assert store.add_extraction(make_extraction())
        assert store.counts().claims > 0


def _assert_one_line(error: BaseException) -> None:
    message = str(error)
    assert message and "\n" not in message and "Traceback" not in message


@pytest.mark.sqlite_only("a junk file where the SQLite database should be")
def test_junk_file_is_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(CivharmError) as caught:
        open_database(f"sqlite:///{path}")
    _assert_one_line(caught.value)
    assert "junk.db" in str(caught.value) and "not a database" in str(caught.value)


@pytest.mark.sqlite_only("a text file where the SQLite database should be")
def test_text_file_is_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 50)
    with pytest.raises(CivharmError, match="not a database") as caught:
        open_database(f"sqlite:///{path}")
    _assert_one_line(caught.value)


@pytest.mark.sqlite_only("a corrupt SQLite file")
def test_corrupt_database_is_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "civharm.db"
    open_database(f"sqlite:///{path}").close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the schema page, after the 100-byte file header
    path.write_bytes(bytes(data))
    with pytest.raises(CivharmError, match="malformed") as caught:
        open_database(f"sqlite:///{path}")
    _assert_one_line(caught.value)


@pytest.mark.sqlite_only("a folder where the SQLite file should be")
def test_folder_as_database_path_is_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(CivharmError, match="is a folder") as caught:
        open_database(f"sqlite:///{tmp_path}")
    _assert_one_line(caught.value)


@pytest.mark.parametrize(
    "url", ["mysql://user@localhost/civharm", "oracle://x", "ftp://example.org/db", "no-scheme-at-all"]
)
def test_unusable_url_is_config_error(url: str) -> None:
    with pytest.raises(ConfigError) as caught:
        open_database(url)
    _assert_one_line(caught.value)


def test_postgresql_urls_use_psycopg() -> None:
    assert parse_url("postgresql://u@h/db").drivername == "postgresql+psycopg"
    assert parse_url("postgres://u@h/db").drivername == "postgresql+psycopg"
    assert parse_url("postgresql+psycopg://u@h/db").drivername == "postgresql+psycopg"


def test_unreachable_postgresql_is_one_line_error() -> None:
    with socket.socket() as probe:  # a port on 127.0.0.1 that nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"postgresql://civharm:secret@127.0.0.1:{port}/civharm"
    with pytest.raises(CivharmError, match="cannot open database") as caught:
        open_database(url)
    _assert_one_line(caught.value)
    assert "secret" not in str(caught.value)
