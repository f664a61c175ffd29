"""The store as the public may see it: published incidents, and reports linked to one.

A report's page and JSON (``report``, ``extraction``) need a published incident of its own; the lists
of reported tallies and positions hide only reports linked to nothing but unpublished incidents, since
a source's own tally (a report with no attack) belongs to no incident.

Anonymous visitors and public API clients get a ``PublicStore`` from ``civharm.web.deps.get_store``;
signed-in desk users and API tokens get the full store. Every read the public pages and API make
goes through the methods overridden here; a new public read must be added here too, or it would
see drafts. Restricted fields (witnesses, analyst notes, sensitive evidence) live only in the desk
tables, which no public route reads.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from sqlalchemy import Row, Select

from civharm.errors import NotFoundError
from civharm.records import Extraction, Incident, Position, Report, Status, Tally
from civharm.store.desk import DeskStore
from civharm.store.repository import IncidentFilter, Store, StoredClaim, Ts


def _published(filters: IncidentFilter | None) -> IncidentFilter:
    """The filters narrowed to published incidents; asking for another status selects none (limit 0)."""
    filters = filters or IncidentFilter()
    if filters.status is not None and Status(filters.status) is not Status.PUBLISHED:
        return replace(filters, status=Status.PUBLISHED, limit=0)
    return replace(filters, status=Status.PUBLISHED)


class PublicStore(Store):
    """A read view of a store that shows only what is published."""

    def __init__(self, store: Store) -> None:
        super().__init__(store.database)
        self._desk = DeskStore(store.database)

    def _check_report(self, sha256: str) -> None:
        """A report's own page is public only once one of its incidents is published; a report
        linked to nothing, or only to drafts, is as unknown as a missing one (same 404)."""
        if not self._desk.report_is_published(sha256):
            raise NotFoundError(f"no report {sha256!r}")

    def incidents(self, filters: IncidentFilter | None = None) -> list[Incident]:
        filters = filters or IncidentFilter()
        if filters.status is not None and Status(filters.status) is not Status.PUBLISHED:
            return []
        return super().incidents(replace(filters, status=Status.PUBLISHED))

    def stream_incidents(self, filters: IncidentFilter | None = None) -> Iterator[Incident]:
        return super().stream_incidents(_published(filters))

    def summarise(self, filters: IncidentFilter, query: Select[*Ts]) -> list[Row[*Ts]]:
        return super().summarise(_published(filters), query)

    def incident(self, incident_id: str) -> Incident:
        return self._desk.published_incident(incident_id)

    def incident_claim_rows(self, incident_id: str) -> list[StoredClaim]:
        self._desk.published_incident(incident_id)
        return super().incident_claim_rows(incident_id)

    def report(self, sha256: str) -> Report:
        self._check_report(sha256)
        return super().report(sha256)

    def extractions_by_sha(self, shas: Sequence[str], claims: bool = True) -> dict[str, Extraction]:
        """Only reports of a published incident (``extraction`` reads through this too)."""
        return super().extractions_by_sha(sorted(self._desk.published_reports(shas)), claims)

    def extractions(self) -> Iterator[Extraction]:
        hidden = self._desk.hidden_reports()
        return (e for e in super().extractions() if e.report.sha256 not in hidden)

    def tallies(self) -> list[tuple[Report, Tally]]:
        hidden = self._desk.hidden_reports()
        return [(r, t) for r, t in super().tallies() if r.sha256 not in hidden]

    def positions(self) -> list[tuple[Report, Position]]:
        hidden = self._desk.hidden_reports()
        return [(r, p) for r, p in super().positions() if r.sha256 not in hidden]
