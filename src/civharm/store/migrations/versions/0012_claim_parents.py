"""An index on claims' parent attack, for writing incidents a few at a time.

Revision ID: 0012_claim_parents
Revises: 0001
Create Date: 2026-11-26

Writing an incident links its attack claims and their casualty claims (``parent_id`` names the attack)
in one statement per attack: ``id = :claim OR parent_id = :claim``. Without this index each such
statement read the whole claims table, so incremental linking (``civharm run``) cost time in proportion
to the database for every incident it rewrote (``civharm bench scale incremental``). Deleting an attack
claim cascades to its children through the same column. Matches ``civharm.store.models``.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0012_claim_parents"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_claims_parent_id", "claims", ["parent_id"])


def downgrade() -> None:
    op.drop_index("ix_claims_parent_id", table_name="claims")
