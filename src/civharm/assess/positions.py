"""Which parties' positions (denials, acknowledgements) belong to which incident.

A position is a claim in some report; it belongs to an incident when its party is one the incident is
blamed on and the report is about that incident: either the report itself is linked to the incident, or
it was published within the linking window of the incident's date and does not name some other place.
A position never creates an incident: a denial of an attack nobody reported is not an incident.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from civharm.assess.parties import matches_any
from civharm.link.compat import DATE_WINDOW_DAYS
from civharm.records import Extraction, Incident, PlacePrecision, Position

_AREAS = frozenset({"country", "admin1", "admin2"})
_TOWN_PRECISIONS = frozenset({PlacePrecision.EXACT, PlacePrecision.NEAR})


def attach_positions(
    incidents: Sequence[Incident], extractions: Sequence[Extraction]
) -> dict[str, tuple[Position, ...]]:
    """Map each incident id to the positions that belong to it (only incidents with some are listed)."""
    with_positions = [e for e in extractions if e.positions]
    by_sha = {e.report.sha256: e for e in with_positions}
    by_day: dict[dt.date, list[Extraction]] = defaultdict(list)
    for e in with_positions:
        if e.report.published is not None:
            by_day[e.report.published].append(e)
    out: dict[str, tuple[Position, ...]] = {}
    for incident in incidents:
        if not incident.perpetrators:
            continue
        candidates: dict[str, Extraction] = {s: by_sha[s] for s in incident.report_ids if s in by_sha}
        if incident.date is not None:
            for offset in range(-DATE_WINDOW_DAYS, DATE_WINDOW_DAYS + 1):
                for e in by_day.get(incident.date + dt.timedelta(days=offset), ()):
                    if e.report.sha256 not in candidates and _about_place(e, incident):
                        candidates[e.report.sha256] = e
        found = tuple(
            p
            for sha in sorted(candidates)
            for p in candidates[sha].positions
            if matches_any(p.party, incident.perpetrators)
        )
        if found:
            out[incident.id] = found
    return out


def _about_place(extraction: Extraction, incident: Incident) -> bool:
    """False when the report names places but not the incident's: its positions are about elsewhere."""
    place = incident.place
    if place is None:
        return True
    # only towns and villages count: a denial about "Syria" or "Idlib province" is not about elsewhere
    named_ids = {p.geonameid for p in extraction.places if p.geonameid is not None and p.feature not in _AREAS}
    named_ids |= {
        m.place.geonameid
        for m in extraction.incidents
        if m.place and m.place.geonameid and m.place.precision in _TOWN_PRECISIONS
    }
    if not named_ids:
        return True
    if place.geonameid is not None and place.geonameid in named_ids:
        return True
    return place.name.casefold() in extraction.report.text.casefold()
