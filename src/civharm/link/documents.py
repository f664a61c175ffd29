"""Every document in exactly one incident: the document-level view of linking.

The mention linker (``civharm.link.linker``) links attack mentions; a document whose text gave no attack
mention (no figure, no attack word the extraction knows) is in no incident. Benchmarks that put every
document in one incident (SemEval-2018 Task 5, gva-dev) need those too: such a document joins the
incident of a linked document when it is placed within the place radius, dated within the window and
names none of the people the other names differently; otherwise it is an incident of its own.
Candidates come from a (day, cell) blocking index, so this is near-linear like the mention linker.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from civharm.geo import haversine_km
from civharm.link.compat import PLACE_RADIUS_KM
from civharm.records import Place, stable_id

# A document without a dated mention is dated by its creation date; local news runs the day of the
# shooting or the day after, so the incident is up to two days earlier.
DOCUMENT_LAG_DAYS = 2
CELL_DEG = 0.5
# Reports naming the same person are one incident when dated within this many days of each other: follow-up
# stories (an arrest, a funeral) name the victim a week on. Chosen on the trial split's S1 incidents.
NAME_WINDOW_DAYS = 7
# A name found in more incidents than this is a spokesperson's or the page's, not a participant's.
MAX_NAME_INCIDENTS = 6


@dataclass(frozen=True)
class DocProfile:
    """What linking reads from one document."""

    doc_id: str
    incident_id: str | None  # from the mention linker; None when the document gave no mention
    date: dt.date | None
    place: Place | None
    names: frozenset[str]  # case-folded full names of the people it names


def _cell(place: Place) -> tuple[int, int] | None:
    if place.lat is None or place.lon is None:
        return None
    return math.floor(place.lat / CELL_DEG), math.floor(place.lon / CELL_DEG)


def _near(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return False
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return False
    return haversine_km(a.lat, a.lon, b.lat, b.lon) <= PLACE_RADIUS_KM


def _fits(doc: DocProfile, member: DocProfile) -> bool:
    if doc.date is None or member.date is None or not _near(doc.place, member.place):
        return False
    lag = (doc.date - member.date).days
    if not -1 <= lag <= DOCUMENT_LAG_DAYS:
        return False
    return not (doc.names and member.names) or bool(_surnames(doc) & _surnames(member))


def _surnames(p: DocProfile) -> frozenset[str]:
    return frozenset(n.rsplit(" ", 1)[-1] for n in p.names)


def cluster_documents(profiles: Sequence[DocProfile]) -> dict[str, str]:
    """Map every document id to an incident id."""
    out: dict[str, str] = {}
    index: dict[tuple[dt.date, int, int], set[str]] = defaultdict(set)
    members: dict[str, list[DocProfile]] = defaultdict(list)
    for p in profiles:
        if p.incident_id is not None:
            out[p.doc_id] = p.incident_id
            members[p.incident_id].append(p)
            cell = _cell(p.place) if p.place is not None else None
            if p.date is not None and cell is not None:
                index[(p.date, *cell)].add(p.incident_id)
    for p in sorted((p for p in profiles if p.incident_id is None), key=lambda p: (p.date or dt.date.max, p.doc_id)):
        cell = _cell(p.place) if p.place is not None else None
        chosen: str | None = None
        if p.date is not None and cell is not None:
            options: set[str] = set()
            for lag in range(-1, DOCUMENT_LAG_DAYS + 1):
                day = p.date - dt.timedelta(days=lag)
                for dy in (-1, 0, 1):
                    for dx in (-1, 0, 1):
                        options |= index.get((day, cell[0] + dy, cell[1] + dx), set())
            fitting = sorted(o for o in options if all(_fits(p, m) for m in members[o]))
            chosen = fitting[0] if fitting else None
        if chosen is None:
            chosen = stable_id("document", p.doc_id)
            if p.date is not None and cell is not None:
                index[(p.date, *cell)].add(chosen)
        out[p.doc_id] = chosen
        members[chosen].append(p)
    return _merge_by_names(out, members)


def _dates_agree(a: Sequence[DocProfile], b: Sequence[DocProfile]) -> bool:
    dates = [p.date for p in (*a, *b) if p.date is not None]
    return not dates or (max(dates) - min(dates)).days <= NAME_WINDOW_DAYS


def _states_agree(a: Sequence[DocProfile], b: Sequence[DocProfile]) -> bool:
    states = {p.place.admin1 for p in (*a, *b) if p.place is not None and p.place.admin1}
    return len(states) <= 1


def _merge_by_names(out: dict[str, str], members: dict[str, list[DocProfile]]) -> dict[str, str]:
    """Merge incidents that name the same person within the window, in one state.

    A name found in many incidents is a spokesperson or a page's boilerplate, not a victim: skipped.
    Merging checks the merged whole (complete linkage), so a common name cannot chain incidents.
    """
    by_name: dict[str, set[str]] = defaultdict(set)
    for cid, docs in members.items():
        for p in docs:
            for name in p.names | _surnames(p):
                by_name[name].add(cid)
    parent = {cid: cid for cid in members}

    def find(c: str) -> str:
        while parent[c] != c:
            parent[c] = parent[parent[c]]
            c = parent[c]
        return c

    groups: dict[str, list[DocProfile]] = {cid: list(docs) for cid, docs in members.items()}
    for name in sorted(by_name):
        cids = sorted(by_name[name])
        if len(cids) < 2 or len(cids) > MAX_NAME_INCIDENTS:
            continue
        for other in cids[1:]:
            a, b = find(cids[0]), find(other)
            if a == b or not (_dates_agree(groups[a], groups[b]) and _states_agree(groups[a], groups[b])):
                continue
            keep, drop = sorted((a, b))
            parent[drop] = keep
            groups[keep] += groups.pop(drop)
    return {doc: find(cid) for doc, cid in out.items()}
