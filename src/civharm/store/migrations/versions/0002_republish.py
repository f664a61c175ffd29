"""Republication pixel hits: which page was read where, counted without storing who read it.

Revision ID: 0002_republish
Revises: 0001
Create Date: 2026-11-25

Written by hand to match ``civharm.store.republish.RepublishHitRow`` (a test checks they agree); a
branch from 0001 so it lands beside the other features' tables.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# Frozen copies of the lengths in civharm.store.republish as they were for this revision.
PAGE_LENGTH = 200
SHA256_LENGTH = 64

revision: str = "0002_republish"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "republish_hits",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("page", sa.String(PAGE_LENGTH), nullable=False),
        sa.Column("referrer", sa.Text(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reader", sa.String(SHA256_LENGTH), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_republish_hits")),
    )
    op.create_index("ix_republish_hits_page", "republish_hits", ["page"])


def downgrade() -> None:
    op.drop_index("ix_republish_hits_page", table_name="republish_hits")
    op.drop_table("republish_hits")
