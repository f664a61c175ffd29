"""A token that changes whenever another transaction commits: what lets the web server reuse answers.

Two reads under the same token saw the same committed data, so a page rendered under it can be
sent again until the token moves. Neither backend needs a counter we would have to bump in every
write (and could forget in one):

- SQLite: ``PRAGMA data_version`` on a connection of our own that never writes. SQLite changes it
  whenever any other connection, in this process or another, commits to the file.
- PostgreSQL: the text of ``pg_current_snapshot()`` (lowest running transaction, next transaction
  id, those in progress). MVCC makes two equal snapshots see the same rows; it moves as soon as a
  writing transaction starts or ends anywhere in the cluster, never for reads alone.

An in-memory SQLite database has no second connection to ask, so it has no token (``None``): the
caller must not reuse anything.
"""

from __future__ import annotations

import sqlite3
import threading

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from civharm.store.db import Database


class DataVersion:
    """``current()`` returns the database's change token, or None when it cannot tell."""

    def __init__(self, database: Database) -> None:
        self._database = database
        self._lock = threading.Lock()  # one connection, asked from the server's worker threads
        self._sqlite: sqlite3.Connection | None = None
        self._postgres: Connection | None = None
        path = database.url.database
        self._sqlite_path = path if database.backend == "sqlite" and path and path != ":memory:" else None

    def current(self) -> str | None:
        if self._database.backend == "postgresql":
            return self._postgres_token()
        if self._sqlite_path is None:
            return None
        with self._lock:
            if self._sqlite is None:
                # Read-only and autocommit: it must never hold a transaction that pins an old view.
                self._sqlite = sqlite3.connect(
                    f"file:{self._sqlite_path}?mode=ro", uri=True, check_same_thread=False, isolation_level=None
                )
            row = self._sqlite.execute("PRAGMA data_version").fetchone()
        return f"sqlite:{row[0]}"

    def _postgres_token(self) -> str:
        with self._lock:
            try:
                return self._ask_postgres()
            except DBAPIError:
                # The server restarted or dropped the connection: a new one, once.
                self._drop_postgres()
                return self._ask_postgres()

    def _ask_postgres(self) -> str:
        if self._postgres is None:
            self._postgres = self._database.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        return f"pg:{self._postgres.exec_driver_sql('SELECT pg_current_snapshot()::text').scalar_one()}"

    def _drop_postgres(self) -> None:
        if self._postgres is not None:
            self._postgres.invalidate()
            self._postgres.close()
            self._postgres = None

    def close(self) -> None:
        with self._lock:
            if self._sqlite is not None:
                self._sqlite.close()
                self._sqlite = None
            self._drop_postgres()
