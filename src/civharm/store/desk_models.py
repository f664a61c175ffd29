"""The analyst's desk tables: accounts, sessions, API tokens, reviews, revisions, evidence and its working
copies, custody.

They live on the same declarative ``Base`` as the pipeline's tables so one metadata describes the
whole schema (a test compares it with the migrations). None of them has a foreign key to
``incidents``: relinking replaces incident rows, and an analyst's decisions must outlive that.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from civharm.store.models import CODE_LENGTH, ID_LENGTH, SHA256_LENGTH, Base, UtcDateTime

NAME_LENGTH = 64  # user names and throttle keys


class UserRow(Base):
    """An account; ``password_hash`` is an argon2 hash string, never the password."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(NAME_LENGTH), unique=True)
    password_hash: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(CODE_LENGTH))
    disabled: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())


class SessionRow(Base):
    """A login session; ``id_hash`` is the SHA-256 of the cookie value, so a stolen table is no key."""

    __tablename__ = "sessions"
    __table_args__ = (Index("ix_sessions_user_id", "user_id"),)

    id_hash: Mapped[str] = mapped_column(String(SHA256_LENGTH), primary_key=True)
    user_id: Mapped[int] = mapped_column(Integer, ForeignKey("users.id", ondelete="CASCADE"))
    csrf: Mapped[str] = mapped_column(String(SHA256_LENGTH))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    expires_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())


class ApiTokenRow(Base):
    """An API token for scripts, stored as the SHA-256 of the secret; revoked tokens stay listed."""

    __tablename__ = "api_tokens"
    __table_args__ = (Index("ix_api_tokens_user_id", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(Integer, ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(Text)
    token_hash: Mapped[str] = mapped_column(String(SHA256_LENGTH), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())


class LoginFailureRow(Base):
    """One failed login, keyed by user name and by client address, for throttling."""

    __tablename__ = "login_failures"
    __table_args__ = (Index("ix_login_failures_key", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(255))
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime())


class ReviewRow(Base):
    """An analyst's decisions about one incident: ``data`` is public, ``private`` never leaves the desk."""

    __tablename__ = "incident_reviews"

    incident_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    private: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())


class RevisionRow(Base):
    """One recorded change: who, when, what (field -> [old, new]), why; ``note`` is private."""

    __tablename__ = "revisions"
    __table_args__ = (Index("ix_revisions_incident_id", "incident_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    incident_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    actor: Mapped[str] = mapped_column(String(NAME_LENGTH))
    action: Mapped[str] = mapped_column(String(CODE_LENGTH))
    changes: Mapped[dict[str, Any]] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text)
    private: Mapped[bool] = mapped_column(Boolean)


class EvidenceRow(Base):
    """A preserved original (upload or captured report), its SHA-256 taken at capture, and its flags."""

    __tablename__ = "evidence_items"
    __table_args__ = (Index("ix_evidence_items_incident_id", "incident_id"),)

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    incident_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    sha256: Mapped[str] = mapped_column(String(SHA256_LENGTH))
    kind: Mapped[str] = mapped_column(String(CODE_LENGTH))
    filename: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(Integer)
    graphic: Mapped[bool] = mapped_column(Boolean)
    identifies_person: Mapped[bool] = mapped_column(Boolean)
    description: Mapped[str] = mapped_column(Text)
    captured_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    captured_by: Mapped[str] = mapped_column(String(NAME_LENGTH))


class EvidenceCopyRow(Base):
    """A working copy derived from an evidence item's original: its own SHA-256, the original's, how and by whom.

    The copy's bytes live in the working-copy store, apart from the originals; its sensitivity flags are
    the original's, copied when it is derived.
    """

    __tablename__ = "evidence_copies"
    __table_args__ = (Index("ix_evidence_copies_item_id", "item_id"),)

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    original_sha256: Mapped[str] = mapped_column(String(SHA256_LENGTH))
    sha256: Mapped[str] = mapped_column(String(SHA256_LENGTH))
    method: Mapped[str] = mapped_column(String(CODE_LENGTH))
    media_type: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(Integer)
    graphic: Mapped[bool] = mapped_column(Boolean)
    identifies_person: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    created_by: Mapped[str] = mapped_column(String(NAME_LENGTH))


class CustodyRow(Base):
    """One custody/audit entry; ``hash`` covers its content and ``prev_hash``, chaining the log."""

    __tablename__ = "custody_log"
    __table_args__ = (Index("ix_custody_log_subject", "subject"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    actor: Mapped[str] = mapped_column(String(NAME_LENGTH))
    action: Mapped[str] = mapped_column(String(CODE_LENGTH))
    subject: Mapped[str] = mapped_column(String(255))
    details: Mapped[dict[str, Any]] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(SHA256_LENGTH))
    hash: Mapped[str] = mapped_column(String(SHA256_LENGTH), unique=True)
