"""An index on incidents' gazetteer ids, for incremental linking.

Revision ID: 0011_link_blocking
Revises: 0001
Create Date: 2026-11-25

Incremental linking reads only the incidents new reports may join (``Store.reachable_incidents``): by
date (``ix_incidents_date``), and, whatever the date, by the town's gazetteer id, because an undated page
saying "Oct. 20" may join that town's incident of any year. This index serves the second read. Matches
``civharm.store.models``.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0011_link_blocking"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_incidents_geonameid", "incidents", ["geonameid"])


def downgrade() -> None:
    op.drop_index("ix_incidents_geonameid", table_name="incidents")
