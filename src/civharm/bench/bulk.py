"""Bulk-load rows into a migrated database in one transaction, as fast as each backend takes them.

The scale benchmark writes a million incidents with their reports, claims and terms: row by row
through the ORM that is hours. Here the rows go straight to the driver: ``executemany`` on SQLite
(with ``synchronous=OFF`` and an in-memory rollback journal for the load, both restored after) and
``COPY`` on PostgreSQL. The tables' secondary indexes are dropped first and built again at the end,
because building an index over sorted keys once is much cheaper than keeping it up to date over a
million inserts in random key order (ids and hashes are random). Everything, index rebuild
included, is one transaction: a load that fails with an error is rolled back. A process killed
mid-load is another matter on SQLite: with the journal in memory the file may be left corrupt, which
is acceptable only because this loads a benchmark's fresh database. Triggers and
generated columns (full-text search) still run for every row, so the data is what ordinary writes
would have left. Values are converted with each column's own SQLAlchemy bind processor, so they are
stored exactly as the ORM would store them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, Table
from sqlalchemy.engine import Dialect

from civharm.store.db import Database
from civharm.store.models import Base

# One batch: table name -> rows (column key -> Python value), parents before children.
Batch = Mapping[str, Sequence[Mapping[str, Any]]]

# The DBAPI cursor (sqlite3 or psycopg); the two share no typed interface.
Cursor = Any


@dataclass(frozen=True)
class _Columns:
    """A table's columns in order, with the function each value is stored through (None: as it is)."""

    table: str
    keys: tuple[str, ...]
    processors: tuple[Callable[[Any], Any] | None, ...]

    @classmethod
    def of(cls, table: Table, dialect: Dialect) -> _Columns:
        columns: list[Column[Any]] = list(table.columns)
        return cls(
            table.name,
            tuple(c.key for c in columns),
            tuple(c.type.dialect_impl(dialect).bind_processor(dialect) for c in columns),
        )

    @property
    def names(self) -> str:
        return ", ".join(f'"{key}"' for key in self.keys)

    def values(self, rows: Iterable[Mapping[str, Any]]) -> Iterator[tuple[Any, ...]]:
        pairs = tuple(zip(self.keys, self.processors, strict=True))
        for row in rows:
            yield tuple(row[key] if process is None else process(row[key]) for key, process in pairs)


def load(database: Database, tables: Sequence[str], batches: Iterable[Batch]) -> None:
    """Insert every batch's rows into ``tables`` (named in insertion order) in one transaction."""
    columns = [_Columns.of(Base.metadata.tables[name], database.engine.dialect) for name in tables]
    if database.backend == "postgresql":
        _load_postgresql(database, columns, batches)
    else:
        _load_sqlite(database, columns, batches)


def _load_sqlite(database: Database, columns: Sequence[_Columns], batches: Iterable[Batch]) -> None:
    connection = database.write_engine.raw_connection()  # autocommit driver connection: we say BEGIN
    cursor: Cursor = connection.cursor()
    saved = {name: cursor.execute(f"PRAGMA {name}").fetchone()[0] for name in ("journal_mode", "synchronous")}
    try:
        # Leaving WAL needs this to be the only open connection; if it is not, SQLite stays in WAL.
        cursor.execute("PRAGMA journal_mode=MEMORY")
        cursor.execute("PRAGMA synchronous=OFF")
        cursor.execute("BEGIN IMMEDIATE")
        try:
            names = ", ".join(f"'{c.table}'" for c in columns)
            indexes = cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                f"AND tbl_name IN ({names}) ORDER BY name"
            ).fetchall()
            for name, _sql in indexes:
                cursor.execute(f'DROP INDEX "{name}"')
            inserts = [
                (c, f"INSERT INTO {c.table} ({c.names}) VALUES ({', '.join('?' * len(c.keys))})") for c in columns
            ]
            for batch in batches:
                for table, sql in inserts:
                    cursor.executemany(sql, table.values(batch[table.table]))
            for _name, sql in indexes:
                cursor.execute(sql)
            cursor.execute("COMMIT")
        except BaseException:
            cursor.execute("ROLLBACK")
            raise
    finally:
        cursor.execute(f"PRAGMA synchronous={saved['synchronous']}")
        cursor.execute(f"PRAGMA journal_mode={saved['journal_mode']}")
        cursor.close()
        connection.close()


def _load_postgresql(database: Database, columns: Sequence[_Columns], batches: Iterable[Batch]) -> None:
    connection = database.write_engine.raw_connection()
    try:
        cursor: Cursor = connection.cursor()
        # Indexes that back a constraint (primary keys, unique) stay: dropping them would drop the constraint.
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
            "AND tablename = ANY(%s) AND indexname NOT IN (SELECT conname FROM pg_constraint) ORDER BY indexname",
            ([c.table for c in columns],),
        )
        indexes = cursor.fetchall()
        for name, _sql in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
        for batch in batches:
            for table in columns:
                with cursor.copy(f"COPY {table.table} ({table.names}) FROM STDIN") as copy:
                    for values in table.values(batch[table.table]):
                        copy.write_row(values)
        for _name, sql in indexes:
            cursor.execute(sql)
        connection.commit()
        cursor.close()
    except BaseException:
        connection.rollback()
        raise
    finally:
        connection.close()
    with database.write_engine.connect() as analyse:  # fresh statistics, or the planner guesses on empty tables
        analyse.exec_driver_sql("ANALYZE").close()
        analyse.commit()
