"""The first schema: reports, claims, incidents, incident_reports, runs.

Revision ID: 0001
Revises:
Create Date: 2025-11-25

Written by hand to match ``civharm.store.models`` (a test checks they agree); only portable
types, so it runs unchanged on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# Frozen copies of the lengths in civharm.store.models as they were for this revision.
SHA256_LENGTH = 64
ID_LENGTH = 128
CODE_LENGTH = 32

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "reports",
        sa.Column("sha256", sa.String(SHA256_LENGTH), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("canonical_url", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("publisher", sa.Text(), nullable=True),
        sa.Column("author", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("origin", sa.Text(), nullable=True),
        sa.Column("language", sa.String(CODE_LENGTH), nullable=True),
        sa.Column("media_type", sa.String(255), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("captured_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("captured_by", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name="pk_reports"),
    )
    op.create_table(
        "incidents",
        sa.Column("id", sa.String(ID_LENGTH), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.String(CODE_LENGTH), nullable=True),
        sa.Column("place_name", sa.Text(), nullable=True),
        sa.Column("geonameid", sa.Integer(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("country", sa.String(CODE_LENGTH), nullable=True),
        sa.Column("admin1", sa.Text(), nullable=True),
        sa.Column("admin2", sa.Text(), nullable=True),
        sa.Column("place_precision", sa.String(CODE_LENGTH), nullable=True),
        sa.Column("attack_type", sa.String(CODE_LENGTH), nullable=False),
        sa.Column("perpetrators", sa.JSON(), nullable=False),
        sa.Column("targets", sa.JSON(), nullable=False),
        sa.Column("civilians_killed_min", sa.Integer(), nullable=True),
        sa.Column("civilians_killed_max", sa.Integer(), nullable=True),
        sa.Column("civilians_injured_min", sa.Integer(), nullable=True),
        sa.Column("civilians_injured_max", sa.Integer(), nullable=True),
        sa.Column("children_killed_min", sa.Integer(), nullable=True),
        sa.Column("children_killed_max", sa.Integer(), nullable=True),
        sa.Column("women_killed_min", sa.Integer(), nullable=True),
        sa.Column("women_killed_max", sa.Integer(), nullable=True),
        sa.Column("fighters_killed_min", sa.Integer(), nullable=True),
        sa.Column("fighters_killed_max", sa.Integer(), nullable=True),
        sa.Column("source_count", sa.Integer(), nullable=False),
        sa.Column("grade", sa.String(CODE_LENGTH), nullable=False),
        sa.Column("grade_rule", sa.Text(), nullable=False),
        sa.Column("status", sa.String(CODE_LENGTH), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_incidents"),
    )
    op.create_index("ix_incidents_date", "incidents", ["date"])
    op.create_index("ix_incidents_country_admin1", "incidents", ["country", "admin1"])
    op.create_index("ix_incidents_grade", "incidents", ["grade"])
    op.create_index("ix_incidents_status", "incidents", ["status"])
    op.create_table(
        "claims",
        sa.Column("id", sa.String(SHA256_LENGTH), nullable=False),
        sa.Column("report_sha256", sa.String(SHA256_LENGTH), nullable=False),
        sa.Column("kind", sa.String(CODE_LENGTH), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.String(SHA256_LENGTH), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("incident_id", sa.String(ID_LENGTH), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_claims"),
        sa.ForeignKeyConstraint(
            ["report_sha256"],
            ["reports.sha256"],
            name="fk_claims_report_sha256_reports",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["parent_id"], ["claims.id"], name="fk_claims_parent_id_claims", ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name="fk_claims_incident_id_incidents",
            ondelete="SET NULL",
        ),
        sa.UniqueConstraint("report_sha256", "kind", "idx", name="uq_claims_report_sha256_kind_idx"),
    )
    op.create_index("ix_claims_report_sha256", "claims", ["report_sha256"])
    op.create_index("ix_claims_incident_id", "claims", ["incident_id"])
    op.create_table(
        "incident_reports",
        sa.Column("incident_id", sa.String(ID_LENGTH), nullable=False),
        sa.Column("report_sha256", sa.String(SHA256_LENGTH), nullable=False),
        sa.PrimaryKeyConstraint("incident_id", "report_sha256", name="pk_incident_reports"),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name="fk_incident_reports_incident_id_incidents",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["report_sha256"],
            ["reports.sha256"],
            name="fk_incident_reports_report_sha256_reports",
            ondelete="CASCADE",
        ),
    )
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("inputs", sa.Integer(), nullable=False),
        sa.Column("ok", sa.Integer(), nullable=False),
        sa.Column("failed", sa.Integer(), nullable=False),
        sa.Column("failures", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_runs"),
    )


def downgrade() -> None:
    op.drop_table("runs")
    op.drop_table("incident_reports")
    op.drop_index("ix_claims_incident_id", table_name="claims")
    op.drop_index("ix_claims_report_sha256", table_name="claims")
    op.drop_table("claims")
    op.drop_index("ix_incidents_status", table_name="incidents")
    op.drop_index("ix_incidents_grade", table_name="incidents")
    op.drop_index("ix_incidents_country_admin1", table_name="incidents")
    op.drop_index("ix_incidents_date", table_name="incidents")
    op.drop_table("incidents")
    op.drop_table("reports")
