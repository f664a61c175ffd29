"""The incident summary: counts and summed figures per period, status, grade and perpetrators.

Revision ID: 0009_incident_summary
Revises: 0001
Create Date: 2026-11-25

Tallies and the timeline read this table instead of adding up every incident (see
``civharm.store.summary``, which keeps it in step with every write). A database with incidents gets
its summary built here, by the same INSERT … SELECT the store uses to rebuild it. Matches the model
``civharm.store.summary.IncidentSummaryRow``.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from civharm.store.summary import FIGURES, PARTS, rebuild

revision: str = "0009_incident_summary"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    counts = [sa.Column("incidents", sa.BigInteger(), nullable=False)]
    for name in FIGURES:
        counts += [sa.Column(f"{name}_{part}", sa.BigInteger(), nullable=False) for part in PARTS]
    op.create_table(
        "incident_summary",
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("period", sa.Date(), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("grade", sa.String(32), nullable=False),
        sa.Column("perpetrators", sa.Text(), nullable=False),
        *counts,
        sa.PrimaryKeyConstraint("kind", "period", "status", "grade", "perpetrators", name="pk_incident_summary"),
        sqlite_with_rowid=False,
    )
    rebuild(op.get_bind())


def downgrade() -> None:
    op.drop_table("incident_summary")
