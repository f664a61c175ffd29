"""The custody log: append-only, each entry chained to the one before by SHA-256.

An entry's hash covers its sequence number, time, actor, action, subject, details and the
previous entry's hash, serialised canonically (sorted keys, no spaces), so changing, removing or
reordering any entry breaks every link after it. Nothing in civharm updates or deletes a row of
this table; ``check_chain`` finds the first link that does not hold.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from civharm.store.db import Database
from civharm.store.desk_models import CustodyRow

GENESIS = "0" * 64  # the "previous hash" of the first entry
# A fixed key for pg_advisory_xact_lock, beside civharm.store.db's migration and linking keys.
PG_CUSTODY_LOCK_KEY = 7_150_424_021


class Action:
    """What an entry records (plain strings, so the log reads without civharm)."""

    CAPTURE = "capture"
    CHANGE = "change"
    VIEW = "view"
    DERIVE = "derive"  # a working copy made from an original
    EXPORT = "export"


@dataclass(frozen=True)
class Entry:
    seq: int
    at: dt.datetime
    actor: str
    action: str
    subject: str
    details: dict[str, Any]
    prev_hash: str
    hash: str

    def as_json(self) -> dict[str, Any]:
        return {**content(self.seq, self.at, self.actor, self.action, self.subject, self.details), "hash": self.hash}


def iso(at: dt.datetime) -> str:
    """A time as the log writes it: UTC, microseconds, ISO 8601 (naive times are taken as UTC)."""
    aware = at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)
    return aware.astimezone(dt.UTC).isoformat(timespec="microseconds")


def content(
    seq: int, at: dt.datetime | str, actor: str, action: str, subject: str, details: dict[str, Any]
) -> dict[str, Any]:
    """The hashed fields of an entry, as JSON values (``prev_hash`` is added by the caller)."""
    return {
        "seq": seq,
        "at": at if isinstance(at, str) else iso(at),
        "actor": actor,
        "action": action,
        "subject": subject,
        "details": details,
    }


def entry_hash(fields: dict[str, Any], prev_hash: str) -> str:
    canonical = json.dumps(
        {**fields, "prev_hash": prev_hash}, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _entry(row: CustodyRow) -> Entry:
    return Entry(row.seq, row.at, row.actor, row.action, row.subject, dict(row.details), row.prev_hash, row.hash)


def append(session: Session, actor: str, action: str, subject: str, details: dict[str, Any] | None = None) -> Entry:
    """Append an entry inside the caller's write transaction (so it lands with the change it records).

    On SQLite the write transaction holds the database lock (BEGIN IMMEDIATE); on PostgreSQL a
    transaction-scoped advisory lock makes concurrent appenders (two runs storing reports) wait for
    each other instead of choosing the same ``seq``.
    """
    if session.get_bind().dialect.name == "postgresql":
        # one appender at a time, until its transaction ends: the next one reads the entry just committed
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_CUSTODY_LOCK_KEY})
    last = session.execute(select(CustodyRow.seq, CustodyRow.hash).order_by(CustodyRow.seq.desc()).limit(1)).first()
    seq, prev = (1, GENESIS) if last is None else (last.seq + 1, last.hash)
    # the timestamp is rounded to what every backend stores, so re-hashing the stored row agrees
    at = dt.datetime.now(dt.UTC)
    fields = content(seq, at, actor, action, subject, dict(details or {}))
    digest = entry_hash(fields, prev)
    row = CustodyRow(
        seq=seq,
        at=at,
        actor=actor,
        action=action,
        subject=subject,
        details=fields["details"],
        prev_hash=prev,
        hash=digest,
    )
    session.add(row)
    session.flush()
    return _entry(row)


def entries(database: Database, subject_prefix: str | None = None) -> list[Entry]:
    with Session(database.engine) as session, session.begin():
        query = select(CustodyRow).order_by(CustodyRow.seq)
        if subject_prefix is not None:
            query = query.where(CustodyRow.subject.startswith(subject_prefix, autoescape=True))
        return [_entry(row) for row in session.scalars(query)]


def iter_entries(database: Database) -> Iterator[Entry]:
    """Every entry in order, streamed (the log only grows)."""
    with Session(database.engine) as session, session.begin():
        for row in session.scalars(select(CustodyRow).order_by(CustodyRow.seq).execution_options(yield_per=1000)):
            yield _entry(row)


def check_chain(items: Iterable[Entry]) -> str | None:
    """The first broken link, described in one line, or None when the whole chain holds."""
    prev = GENESIS
    expected_seq = 1
    for entry in items:
        if entry.seq != expected_seq:
            return f"custody entry {expected_seq} is missing (found entry {entry.seq} next)"
        if entry.prev_hash != prev:
            return f"custody entry {entry.seq}: its previous-entry hash does not match entry {entry.seq - 1}"
        fields = content(entry.seq, entry.at, entry.actor, entry.action, entry.subject, entry.details)
        if entry_hash(fields, entry.prev_hash) != entry.hash:
            return f"custody entry {entry.seq}: its content does not match its hash (changed after it was written)"
        prev = entry.hash
        expected_seq += 1
    return None
