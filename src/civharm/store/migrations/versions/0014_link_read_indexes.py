"""Indexes for the incremental linker's reads by town, by country and day, by coarse date, and by report.

Revision ID: 0014_link_read_indexes
Revises: 0011_link_blocking
Create Date: 2026-11-26

Incremental linking (``Store.reachable_incidents``) reads, for each new mention dated to a day, its
town's incidents within a month of it, its country's incidents of that day, and the incidents dated
only by month or year within a year of it. With the date, town and country indexes apart, SQLite read
the first through the town index (every incident of the town, whatever its date: 0.7 s a mention at a
million incidents), the second through the country index (every incident of the country), and the third
through the date index (every incident of those years): all three grew with the database (``civharm
bench scale incremental``). These two-column indexes make each a seek; (geonameid, date) replaces
0011's index on the town alone, which it begins with.

Linking also reads the incidents already linked to the new reports. ``incident_reports`` had no index
on its second key column, so that read scanned the whole table (1.2 s at a million incidents), as did
every deletion of a report through its foreign key.

Matches ``civharm.store.models``.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0014_link_read_indexes"
down_revision: str | None = "0011_link_blocking"  # follows it on its branch: replaces its index
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_incidents_geonameid", table_name="incidents")
    op.create_index("ix_incidents_geonameid_date", "incidents", ["geonameid", "date"])
    op.create_index("ix_incidents_country_date", "incidents", ["country", "date"])
    op.create_index("ix_incidents_date_precision_date", "incidents", ["date_precision", "date"])
    op.create_index("ix_incident_reports_report_sha256", "incident_reports", ["report_sha256"])


def downgrade() -> None:
    op.drop_index("ix_incident_reports_report_sha256", table_name="incident_reports")
    op.drop_index("ix_incidents_date_precision_date", table_name="incidents")
    op.drop_index("ix_incidents_country_date", table_name="incidents")
    op.drop_index("ix_incidents_geonameid_date", table_name="incidents")
    op.create_index("ix_incidents_geonameid", "incidents", ["geonameid"])
