"""Full-text search over reports: an FTS5 table on SQLite, a tsvector with a GIN index on PostgreSQL.

Revision ID: 0006_search
Revises: 0001
Create Date: 2026-11-26

Written by hand for ``civharm.store.search``; a branch from 0001. Neither object is in the ORM models
(``search.is_search_index`` keeps schema comparisons off them), and neither depends on how a report
is stored: on SQLite triggers copy every inserted, changed or deleted report into ``reports_fts``,
on PostgreSQL ``reports.search`` is a generated column. Reports already stored are indexed here.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

# Frozen copies of civharm.store.search's INDEXED_TEXT_CHARS and TS_CONFIG as they were for this revision.
INDEXED_TEXT_CHARS = 200_000
TS_CONFIG = "english"

revision: str = "0006_search"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _clean(value: str) -> str:
    """SQLite: ``value`` without the snippet marks (U+E000, U+E001), so a snippet's marks are always ours."""
    return f"replace(replace({value}, char(57344), ''), char(57345), '')"


def _sqlite_values(row: str) -> str:
    """The FTS5 columns (sha256, title, body) of a reports row named ``row``."""
    title = _clean(f"coalesce({row}.title, '')")
    body = _clean(f"substr({row}.text, 1, {INDEXED_TEXT_CHARS})")
    return f"{row}.sha256, {title}, {body}"


_SQLITE_UPGRADE = [
    # porter stems English words over unicode61 (any script, case and diacritics folded).
    "CREATE VIRTUAL TABLE reports_fts USING fts5("
    "sha256 UNINDEXED, title, body, tokenize = 'porter unicode61 remove_diacritics 2')",
    f"INSERT INTO reports_fts (sha256, title, body) SELECT {_sqlite_values('reports')} FROM reports",
    "CREATE TRIGGER reports_fts_insert AFTER INSERT ON reports BEGIN "
    f"INSERT INTO reports_fts (sha256, title, body) VALUES ({_sqlite_values('new')}); END",
    "CREATE TRIGGER reports_fts_delete AFTER DELETE ON reports BEGIN "
    "DELETE FROM reports_fts WHERE sha256 = old.sha256; END",
    "CREATE TRIGGER reports_fts_update AFTER UPDATE OF sha256, title, text ON reports BEGIN "
    "DELETE FROM reports_fts WHERE sha256 = old.sha256; "
    f"INSERT INTO reports_fts (sha256, title, body) VALUES ({_sqlite_values('new')}); END",
]
_SQLITE_DOWNGRADE = [
    "DROP TRIGGER reports_fts_update",
    "DROP TRIGGER reports_fts_delete",
    "DROP TRIGGER reports_fts_insert",
    "DROP TABLE reports_fts",
]

# The title weighs more than the text (A over B) in ts_rank. Adding a stored generated column
# computes it for every row already there.
_PG_VECTOR = (
    f"setweight(to_tsvector('{TS_CONFIG}'::regconfig, coalesce(title, '')), 'A') || "
    f"setweight(to_tsvector('{TS_CONFIG}'::regconfig, left(text, {INDEXED_TEXT_CHARS})), 'B')"
)
_PG_UPGRADE = [
    f"ALTER TABLE reports ADD COLUMN search tsvector GENERATED ALWAYS AS ({_PG_VECTOR}) STORED",
    "CREATE INDEX ix_reports_search ON reports USING gin (search)",
]
_PG_DOWNGRADE = ["DROP INDEX ix_reports_search", "ALTER TABLE reports DROP COLUMN search"]


def _run(statements: list[str]) -> None:
    for statement in statements:
        op.execute(statement)


def upgrade() -> None:
    _run(_PG_UPGRADE if op.get_bind().dialect.name == "postgresql" else _SQLITE_UPGRADE)


def downgrade() -> None:
    _run(_PG_DOWNGRADE if op.get_bind().dialect.name == "postgresql" else _SQLITE_DOWNGRADE)
