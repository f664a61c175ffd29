"""Indexes for the incremental linker's reads by country and day, and by coarse date.

Revision ID: 0014_link_read_indexes
Revises: 0001
Create Date: 2026-11-26

Incremental linking (``Store.reachable_incidents``) reads, for each new mention dated to a day, its
country's incidents of that day, and the incidents dated only by month or year within a year of it.
With the date and country indexes apart, SQLite read the first through the country index, every
incident of the country, and the second through the date index, every incident of those years: both
grew with the database (``civharm bench scale incremental``). These two-column indexes make each a
seek. Matches ``civharm.store.models``.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0014_link_read_indexes"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_incidents_country_date", "incidents", ["country", "date"])
    op.create_index("ix_incidents_date_precision_date", "incidents", ["date_precision", "date"])


def downgrade() -> None:
    op.drop_index("ix_incidents_date_precision_date", table_name="incidents")
    op.drop_index("ix_incidents_country_date", table_name="incidents")
