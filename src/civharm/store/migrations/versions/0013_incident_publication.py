"""The first and last publication dates of each incident's mentions' reports, for incremental linking.

Revision ID: 0013_incident_publication
Revises: 0001
Create Date: 2026-11-26

An undated incident can only join a new mention dated, or published, within the linking window of
the publication of every report it is mentioned in (``civharm.link.compat``). Without these columns
incremental linking read every undated incident of a new report's town, a number that grows with the
database (``civharm bench scale incremental``); with them, and an index on (date, published_first), it
seeks those published near the news. Existing incidents are filled from the reports of their claims.
Matches ``civharm.store.models``.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_incident_publication"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("incidents", sa.Column("published_first", sa.Date(), nullable=True))
    op.add_column("incidents", sa.Column("published_last", sa.Date(), nullable=True))
    for column, first_or_last in (("published_first", "min"), ("published_last", "max")):
        op.execute(
            f"UPDATE incidents SET {column} = (SELECT {first_or_last}(reports.published) FROM claims "
            "JOIN reports ON reports.sha256 = claims.report_sha256 WHERE claims.incident_id = incidents.id)"
        )
    op.create_index("ix_incidents_date_published_first", "incidents", ["date", "published_first"])


def downgrade() -> None:
    op.drop_index("ix_incidents_date_published_first", table_name="incidents")
    op.drop_column("incidents", "published_last")
    op.drop_column("incidents", "published_first")
