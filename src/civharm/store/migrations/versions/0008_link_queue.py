"""The link queue: stored reports that linking has not taken in yet.

Revision ID: 0008_link_queue
Revises: 0001
Create Date: 2026-11-25

A report is queued in the transaction that stores it and leaves the queue in the transaction that
writes the incidents linking produced, so a run killed between storing and linking is finished by the
next run. Reports stored before this revision that belong to no incident are queued here: linking
them again is harmless, missing them would drop an incident.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_link_queue"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "link_queue",
        sa.Column("report_sha256", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_sha256"],
            ["reports.sha256"],
            name="fk_link_queue_report_sha256_reports",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("report_sha256", name="pk_link_queue"),
    )
    op.execute(
        "INSERT INTO link_queue (report_sha256) SELECT sha256 FROM reports "
        "WHERE sha256 NOT IN (SELECT report_sha256 FROM incident_reports)"
    )


def downgrade() -> None:
    op.drop_table("link_queue")
