"""Working copies derived from evidence originals.

Revision ID: 0005_evidence_copies
Revises: 0001
Create Date: 2026-11-26

Written by hand to match ``civharm.store.desk_models.EvidenceCopyRow``; a branch from 0001 like every
feature's tables.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# Frozen copies of the lengths in civharm.store.models / desk_models as they were for this revision.
SHA256_LENGTH = 64
ID_LENGTH = 128
CODE_LENGTH = 32
NAME_LENGTH = 64

revision: str = "0005_evidence_copies"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "evidence_copies",
        sa.Column("id", sa.String(ID_LENGTH), nullable=False),
        sa.Column("item_id", sa.String(ID_LENGTH), nullable=False),
        sa.Column("original_sha256", sa.String(SHA256_LENGTH), nullable=False),
        sa.Column("sha256", sa.String(SHA256_LENGTH), nullable=False),
        sa.Column("method", sa.String(CODE_LENGTH), nullable=False),
        sa.Column("media_type", sa.String(255), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("graphic", sa.Boolean(), nullable=False),
        sa.Column("identifies_person", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(NAME_LENGTH), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_evidence_copies"),
    )
    op.create_index("ix_evidence_copies_item_id", "evidence_copies", ["item_id"])


def downgrade() -> None:
    op.drop_index("ix_evidence_copies_item_id", table_name="evidence_copies")
    op.drop_table("evidence_copies")
