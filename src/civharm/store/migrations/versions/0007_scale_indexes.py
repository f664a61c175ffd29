"""Indexes for a million incidents: the list's order, per grade and status, and claims by kind.

Revision ID: 0007_scale_indexes
Revises: 0001
Create Date: 2026-11-25

The incident list is ordered newest first with undated incidents last, then by id; with these
indexes a page (and a page within one grade or status) is read off the index instead of sorting
every incident. Matches ``civharm.store.models``.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_scale_indexes"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (name, columns before the date); each index then runs newest first with undated last, then by id.
INDEXES: tuple[tuple[str, list[str]], ...] = (
    ("ix_incidents_date_id", []),
    ("ix_incidents_grade_date_id", ["grade"]),
    ("ix_incidents_status_date_id", ["status"]),
)


def upgrade() -> None:
    # SQLite sorts NULL lowest, so DESC already puts undated last (and it rejects NULLS LAST in an
    # index); PostgreSQL sorts NULL highest and must be told.
    postgresql = op.get_bind().dialect.name == "postgresql"
    newest_first = sa.text("date DESC NULLS LAST" if postgresql else "date DESC")
    for name, before in INDEXES:
        op.create_index(name, "incidents", [*before, newest_first, "id"])
    op.create_index("ix_claims_kind", "claims", ["kind"])


def downgrade() -> None:
    op.drop_index("ix_claims_kind", table_name="claims")
    for name, _before in INDEXES:
        op.drop_index(name, table_name="incidents")
