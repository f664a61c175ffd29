"""The analyst's desk: users, sessions, API tokens, login failures, reviews, revisions, evidence, custody.

Revision ID: 0004_desk
Revises: 0001
Create Date: 2026-11-25

Written by hand to match ``civharm.store.desk_models``; a branch from 0001 so it lands beside
the other features' tables.
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

revision: str = "0004_desk"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _when(name: str, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("username", sa.String(NAME_LENGTH), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("role", sa.String(CODE_LENGTH), nullable=False),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        _when("created_at"),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
        sa.UniqueConstraint("username", name="uq_users_username"),
    )
    op.create_table(
        "sessions",
        sa.Column("id_hash", sa.String(SHA256_LENGTH), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("csrf", sa.String(SHA256_LENGTH), nullable=False),
        _when("created_at"),
        _when("expires_at"),
        sa.PrimaryKeyConstraint("id_hash", name="pk_sessions"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_sessions_user_id_users", ondelete="CASCADE"),
    )
    op.create_index("ix_sessions_user_id", "sessions", ["user_id"])
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("token_hash", sa.String(SHA256_LENGTH), nullable=False),
        _when("created_at"),
        _when("revoked_at", nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_api_tokens"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_api_tokens_user_id_users", ondelete="CASCADE"),
        sa.UniqueConstraint("token_hash", name="uq_api_tokens_token_hash"),
    )
    op.create_index("ix_api_tokens_user_id", "api_tokens", ["user_id"])
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("key", sa.String(255), nullable=False),
        _when("at"),
        sa.PrimaryKeyConstraint("id", name="pk_login_failures"),
    )
    op.create_index("ix_login_failures_key", "login_failures", ["key"])
    op.create_table(
        "incident_reviews",
        sa.Column("incident_id", sa.String(ID_LENGTH), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("private", sa.JSON(), nullable=False),
        _when("updated_at"),
        sa.PrimaryKeyConstraint("incident_id", name="pk_incident_reviews"),
    )
    op.create_table(
        "revisions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("incident_id", sa.String(ID_LENGTH), nullable=False),
        _when("at"),
        sa.Column("actor", sa.String(NAME_LENGTH), nullable=False),
        sa.Column("action", sa.String(CODE_LENGTH), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("private", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_revisions"),
    )
    op.create_index("ix_revisions_incident_id", "revisions", ["incident_id"])
    op.create_table(
        "evidence_items",
        sa.Column("id", sa.String(ID_LENGTH), nullable=False),
        sa.Column("incident_id", sa.String(ID_LENGTH), nullable=False),
        sa.Column("sha256", sa.String(SHA256_LENGTH), nullable=False),
        sa.Column("kind", sa.String(CODE_LENGTH), nullable=False),
        sa.Column("filename", sa.Text(), nullable=False),
        sa.Column("media_type", sa.String(255), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("graphic", sa.Boolean(), nullable=False),
        sa.Column("identifies_person", sa.Boolean(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        _when("captured_at"),
        sa.Column("captured_by", sa.String(NAME_LENGTH), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_evidence_items"),
    )
    op.create_index("ix_evidence_items_incident_id", "evidence_items", ["incident_id"])
    op.create_table(
        "custody_log",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        _when("at"),
        sa.Column("actor", sa.String(NAME_LENGTH), nullable=False),
        sa.Column("action", sa.String(CODE_LENGTH), nullable=False),
        sa.Column("subject", sa.String(255), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("prev_hash", sa.String(SHA256_LENGTH), nullable=False),
        sa.Column("hash", sa.String(SHA256_LENGTH), nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_custody_log"),
        sa.UniqueConstraint("hash", name="uq_custody_log_hash"),
    )
    op.create_index("ix_custody_log_subject", "custody_log", ["subject"])


def downgrade() -> None:
    for index, table in (
        ("ix_custody_log_subject", "custody_log"),
        ("ix_evidence_items_incident_id", "evidence_items"),
        ("ix_revisions_incident_id", "revisions"),
        ("ix_login_failures_key", "login_failures"),
        ("ix_api_tokens_user_id", "api_tokens"),
        ("ix_sessions_user_id", "sessions"),
    ):
        op.drop_index(index, table_name=table)
    for table in (
        "custody_log",
        "evidence_items",
        "revisions",
        "incident_reviews",
        "login_failures",
        "api_tokens",
        "sessions",
        "users",
    ):
        op.drop_table(table)
