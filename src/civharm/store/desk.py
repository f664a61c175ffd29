"""The desk's queries: reviews, revision history, incident updates, and what the public may see.

A decision is written in one transaction with everything it implies: the review row, the
revision that records who changed what and why, the custody entry, and the incident row with the
decision laid over it; a merge, split or report move likewise writes the regrouped incidents with
both sides' revisions. So the history can never disagree with the record.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from civharm.assess.review import Private, Review
from civharm.custody import log
from civharm.errors import NotFoundError
from civharm.records import Incident, Status
from civharm.store import summary, terms
from civharm.store.convert import incident_from_data, incident_row
from civharm.store.db import Database, read_session, write_session
from civharm.store.desk_models import ReviewRow, RevisionRow
from civharm.store.models import IncidentReportRow, IncidentRow
from civharm.store.repository import IN_CHUNK, Store

# Columns of an incident row a decision may change (everything but its id and creation time).
_INCIDENT_COLUMNS = tuple(c.key for c in IncidentRow.__table__.columns if c.key not in ("id", "created_at"))


@dataclass(frozen=True)
class Revision:
    id: int
    incident_id: str
    at: dt.datetime
    actor: str
    action: str
    changes: dict[str, Any]  # field -> [old, new], as text
    reason: str
    note: str  # private: never shown in the public history
    private: bool  # a change to restricted fields only: not in the public history at all


@dataclass(frozen=True)
class Change:
    """One decision to record: what kind, what changed, why, and a private note."""

    action: str
    changes: dict[str, Any]
    reason: str = ""
    note: str = ""
    private: bool = False


def _revision(row: RevisionRow) -> Revision:
    return Revision(
        row.id, row.incident_id, row.at, row.actor, row.action, dict(row.changes), row.reason, row.note, row.private
    )


class DeskStore:
    def __init__(self, database: Database) -> None:
        self._db = database

    @property
    def database(self) -> Database:
        return self._db

    def _write(self) -> contextlib.AbstractContextManager[Session]:
        return write_session(self._db)

    def _read(self) -> contextlib.AbstractContextManager[Session]:
        return read_session(self._db)

    # -- reviews ------------------------------------------------------------------------

    def reviews(self) -> dict[str, Review]:
        with self._read() as session:
            return {r.incident_id: Review.model_validate(r.data) for r in session.scalars(select(ReviewRow))}

    def review(self, incident_id: str) -> Review:
        with self._read() as session:
            row = session.get(ReviewRow, incident_id)
            return Review() if row is None else Review.model_validate(row.data)

    def private(self, incident_id: str) -> Private:
        with self._read() as session:
            row = session.get(ReviewRow, incident_id)
            return Private() if row is None else Private.model_validate(row.private)

    def decide(
        self,
        actor: str,
        incident: Incident,
        change: Change,
        review: Review | None = None,
        private: Private | None = None,
    ) -> None:
        """Record one decision: review and/or private part, the incident as it now reads, revision, custody."""
        now = dt.datetime.now(dt.UTC)
        with self._write() as session:
            row = session.get(ReviewRow, incident.id)
            if row is None:
                row = ReviewRow(
                    incident_id=incident.id, data=Review().model_dump(mode="json"), private={}, updated_at=now
                )
                session.add(row)
            if review is not None:
                row.data = review.model_dump(mode="json")
            if private is not None:
                row.private = private.model_dump(mode="json")
            row.updated_at = now
            self._update_incident(session, incident, now)
            self._revise(session, actor, incident.id, change, now)

    def regroup(
        self, actor: str, incidents: Sequence[Incident], removed: Sequence[str], changes: Sequence[tuple[str, Change]]
    ) -> None:
        """Write a merge, split or report move: the regrouped incidents, the ids that are gone, and each
        side's revision, in one transaction. If anything fails, neither the regrouping nor its history is
        written; incidents not named here are not touched."""
        now = dt.datetime.now(dt.UTC)
        with self._write() as session:
            Store(self._db).write_incidents(session, incidents, every=False, removed=removed)
            for incident_id, change in changes:
                self._revise(session, actor, incident_id, change, now)

    @staticmethod
    def _revise(session: Session, actor: str, incident_id: str, change: Change, now: dt.datetime) -> None:
        """The revision of one change and its custody entry, in the caller's transaction."""
        session.add(
            RevisionRow(
                incident_id=incident_id,
                at=now,
                actor=actor,
                action=change.action,
                changes=change.changes,
                reason=change.reason,
                note=change.note,
                private=change.private,
            )
        )
        fields = sorted(change.changes) if not change.private else ["restricted"]
        details = {"action": change.action, "fields": fields}
        log.append(session, actor, log.Action.CHANGE, f"incident:{incident_id}", details)

    @staticmethod
    def _update_incident(session: Session, incident: Incident, now: dt.datetime) -> None:
        stored = session.get(IncidentRow, incident.id)
        if stored is None:
            raise NotFoundError(f"no incident {incident.id!r}")
        summary.forget(session, [incident.id])
        # A decision never changes an incident's reports (regroupings go through ``write_incidents``).
        kept = (stored.published_first, stored.published_last)
        fresh = incident_row(incident, stored.created_at, now, published=kept)
        for column in _INCIDENT_COLUMNS:
            setattr(stored, column, getattr(fresh, column))
        terms.write(session, [incident])
        summary.count(session, [incident.id])

    def revisions(self, incident_id: str, public: bool = False) -> list[Revision]:
        """The incident's history, oldest first; ``public`` leaves out restricted changes and notes."""
        query = select(RevisionRow).where(RevisionRow.incident_id == incident_id).order_by(RevisionRow.id)
        with self._read() as session:
            found = [_revision(row) for row in session.scalars(query)]
        if not public:
            return found
        return [
            Revision(r.id, r.incident_id, r.at, "", r.action, r.changes, r.reason, "", False)
            for r in found
            if not r.private
        ]

    def publish_all(self, actor: str, reason: str) -> int:
        """Publish every draft or in-review incident not rejected (``civharm demo`` does, so its
        examples stay public once accounts exist); each one gets its revision. Returns how many."""
        reviews = self.reviews()
        with self._read() as session:
            stored = [incident_from_data(data) for data in session.scalars(select(IncidentRow.data))]
        published = 0
        for incident in stored:
            review = reviews.get(incident.id, Review())
            if incident.status is Status.PUBLISHED or review.rejected_reason is not None:
                continue
            review = review.model_copy(update={"status": Status.PUBLISHED})
            change = Change("status", {"status": [incident.status.value, Status.PUBLISHED.value]}, reason)
            self.decide(actor, incident.model_copy(update={"status": Status.PUBLISHED}), change, review=review)
            published += 1
        return published

    # -- what the public sees -------------------------------------------------------------

    def published_incident(self, incident_id: str) -> Incident:
        with self._read() as session:
            data = session.scalar(select(IncidentRow.data).where(IncidentRow.id == incident_id))
        if data is None or data.get("status") != Status.PUBLISHED.value:
            raise NotFoundError(f"no incident {incident_id!r}")
        return incident_from_data(data)

    def report_incident_ids(self, sha256: str) -> list[str]:
        """The ids of every incident a report is linked to, whatever their status."""
        query = select(IncidentReportRow.incident_id).where(IncidentReportRow.report_sha256 == sha256)
        with self._read() as session:
            return sorted(session.scalars(query))

    def report_is_published(self, sha256: str) -> bool:
        """Whether a report belongs to at least one published incident (the public may see it)."""
        return sha256 in self.published_reports([sha256])

    def published_reports(self, shas: Sequence[str]) -> set[str]:
        """Those of these reports that belong to at least one published incident."""
        wanted = sorted(set(shas))
        found: set[str] = set()
        with self._read() as session:
            for start in range(0, len(wanted), IN_CHUNK):
                query = (
                    select(IncidentReportRow.report_sha256)
                    .join(IncidentRow, IncidentRow.id == IncidentReportRow.incident_id)
                    .where(
                        IncidentReportRow.report_sha256.in_(wanted[start : start + IN_CHUNK]),
                        IncidentRow.status == Status.PUBLISHED.value,
                    )
                    .distinct()
                )
                found.update(session.scalars(query))
        return found

    def hidden_reports(self) -> set[str]:
        """Reports linked only to unpublished incidents: the public must not see them yet."""
        query = select(IncidentReportRow.report_sha256, IncidentRow.status).join(
            IncidentRow, IncidentRow.id == IncidentReportRow.incident_id
        )
        shown: set[str] = set()
        linked: set[str] = set()
        with self._read() as session:
            for sha, status in session.execute(query):
                linked.add(sha)
                if status == Status.PUBLISHED.value:
                    shown.add(sha)
        return linked - shown
