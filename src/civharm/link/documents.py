"""Every document in exactly one incident: the document-level view of linking.

The mention linker (``civharm.link.linker``) links attack mentions; a document whose text gave no attack
mention (no figure, no attack word the extraction knows) is in no incident. Benchmarks that put every
document in one incident (SemEval-2018 Task 5, gva-dev) need those too: such a document joins the
incident of a linked document when it is placed within the place radius, dated within the window and
names none of the people the other names differently; otherwise it is an incident of its own.
Candidates come from a (day, cell) blocking index, so this is near-linear like the mention linker.

Before anything joins, the documents of one linked incident that tell of different days are split apart
(``by_day``): the mention linker's date window is an air strike's, and a city's shootings days apart are
different incidents.
Incidents are then merged on evidence (``evidence``): reports of one shooting that extraction dated or
placed differently (a follow-up a week on, a neighbourhood resolved in another state) still name the
same victim, retell the same story or give the same figures. Pairs are proposed by shared names, by
MinHash LSH over headlines and leads and by the same town on the same day, and merged with complete linkage
on what the documents say; their dates are judged by incident, as an arrest or a trial story is dated
months after the shooting it tells of.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from civharm.geo import haversine_km
from civharm.link.compat import PLACE_RADIUS_KM
from civharm.link.evidence import LEAD_THRESHOLD, LEAD_WEIGHT, PERSON_WEIGHT, person_keys
from civharm.link.syndication import jaccard, similar_pairs
from civharm.records import Place, stable_id

# A document without a dated mention is dated by its creation date; local news runs the day of the
# shooting or the day after, so the incident is up to a day earlier (on gva-dev, B-cubed F1 90.02 with two
# days, 90.10 with one).
DOCUMENT_LAG_DAYS = 1
CELL_DEG = 0.5
# Reports naming the same person are one incident when dated within this many days of each other: follow-up
# stories (an arrest, a funeral) name the victim days on. Chosen on gva-dev (B-cubed F1 with 4, 5, 6 and 7
# days: 89.95, 90.02, 89.92, 89.83; 10 and 14 days were lower still); a story about a person told with an
# age joins however late (``_about_one_person``).
NAME_WINDOW_DAYS = 5
# Later stories (an arrest, charges, a trial, a sentencing) run weeks or months on. One naming a person
# told with an age ("Malijha Grant, 1,") in the same town or state is about that person's shooting
# however late it runs: the age marks a victim or suspect, not a spokesperson (``_about_one_person``).
# On gva-dev, of the document pairs sharing such a name more than 60 days apart, 136 of 144 placed in one
# town and 25 of 37 in one state were one incident, against 31 of 108 in different states. A name without
# an age within 60 days, the rule this replaces, merged a city's unrelated shootings through a
# spokesperson once incidents were dated by their first report.
# A name found in more incidents than this is a spokesperson's or the page's, not a participant's.
MAX_NAME_INCIDENTS = 6
# The score two documents need to be merged (``evidence``); chosen on the trial split's S1 incidents.
MERGE_SCORE = 2


@dataclass(frozen=True)
class DocProfile:
    """What linking reads from one document."""

    doc_id: str
    incident_id: str | None  # from the mention linker; None when the document gave no mention
    date: dt.date | None
    place: Place | None
    names: frozenset[str]  # case-folded full names of the people it names
    aged: frozenset[str] = frozenset()  # those of ``names`` told with an age (``participants.Name.aged``)
    lead: frozenset[str] = frozenset()  # content words of its headline and lead (``evidence.lead_words``)
    killed: int = 0  # people it says were killed, 0 when unknown
    injured: int = 0


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


def by_day(profiles: Sequence[DocProfile]) -> list[DocProfile]:
    """The profiles with each linked incident split by the day its documents tell of.

    The mention linker joins mentions up to DATE_WINDOW_DAYS apart in one place, as reports of one air
    strike date it loosely; local news tells the day of a shooting, and in a city two shootings three days
    apart are two incidents. So documents of one linked incident told on different days start apart (those
    on its first day keep its id) and join again only on evidence (``_merge_by_evidence``): the same person
    named, the same story. On gva-dev, B-cubed F1 90.06 -> 91.21 (allowing one day's difference: 91.08).
    """
    first: dict[str, dt.date] = {}
    for p in profiles:
        if p.incident_id is not None and p.date is not None:
            first[p.incident_id] = min(p.date, first.get(p.incident_id, p.date))
    return [
        p
        if p.incident_id is None or p.date is None or p.date == first[p.incident_id]
        else replace(p, incident_id=stable_id("incident-day", p.incident_id, p.date.isoformat()))
        for p in profiles
    ]


def cluster_documents(profiles: Sequence[DocProfile]) -> dict[str, str]:
    """Map every document id to an incident id."""
    profiles = by_day(profiles)
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
    return _merge_by_evidence(out, members)


def evidence(a: DocProfile, b: DocProfile) -> int | None:
    """How strongly two documents say they report one incident; None when they cannot.

    Documents dated more than NAME_WINDOW_DAYS apart cannot, unless one is a later story about a person
    the other names (``_about_one_person``). Otherwise the score is ``_agreement``.
    """
    apart = a.date is not None and b.date is not None and abs((a.date - b.date).days) > NAME_WINDOW_DAYS
    return None if apart and not _about_one_person(a, b) else _agreement(a, b)


def _about_one_person(a: DocProfile, b: DocProfile) -> bool:
    """Both name a person, told with an age in one of them, and are placed in the same town or state."""
    shared = person_keys(a.names) & person_keys(b.names) & (person_keys(a.aged) | person_keys(b.aged))
    return bool(shared) and (_near(a.place, b.place) or _same_state(a.place, b.place))


def _same_state(a: Place | None, b: Place | None) -> bool:
    return a is not None and b is not None and bool(a.admin1) and a.admin1 == b.admin1


def _agreement(a: DocProfile, b: DocProfile) -> int:
    """What two documents say besides their dates: each agreement adds and each disagreement takes away.
    The same person named (strong: follow-up stories name the victim), the same surname, similar headline
    and lead (the same story rewritten), the same town or state (a geoparsing slip can put one report in
    the wrong state, so a different state is a disagreement, not a veto), the same numbers killed and
    injured. Different numbers disagree only between towns: in one town they are a toll that rose between
    reports, or a gunman one report counts and another does not (on gva-dev, B-cubed F1 89.44 → 89.72).
    In one town, different names disagree only when both reports tell people with ages (victims and
    suspects); one report names the victim, the next a spokesperson or a relative (89.72 → 89.83)."""
    score = 0
    near = _near(a.place, b.place)
    if a.names and b.names:
        if person_keys(a.names) & person_keys(b.names):
            score += PERSON_WEIGHT
        elif _surnames(a) & _surnames(b):
            score += 1
        elif not near or (a.aged and b.aged):
            score -= 1
    if jaccard(a.lead, b.lead) >= LEAD_THRESHOLD:
        score += LEAD_WEIGHT
    if near:
        score += 2
    elif a.place is not None and b.place is not None and a.place.admin1 and b.place.admin1:
        score += 1 if a.place.admin1 == b.place.admin1 else -1
    for x, y in ((a.killed, b.killed), (a.injured, b.injured)):
        if x and y and (x == y or not near):
            score += 1 if x == y else -1
    return score


def _merge_by_evidence(out: dict[str, str], members: dict[str, list[DocProfile]]) -> dict[str, str]:
    """Merge incidents whose documents report one incident by the evidence above.

    Pairs are proposed by a shared name (a name found in many incidents is a spokesperson's or the
    page's, and skipped), by similar headlines and leads (MinHash LSH) or by the same town and day, and
    taken strongest first.
    Two incidents merge when the proposing pair scores MERGE_SCORE or more and no pair across them is
    ruled out or scores below zero (complete linkage), so a vague report cannot chain two incidents.
    """
    owner = {p.doc_id: cid for cid, docs in members.items() for p in docs}
    by_doc = {p.doc_id: p for docs in members.values() for p in docs}
    by_name: dict[str, set[str]] = defaultdict(set)
    for p in by_doc.values():
        for key in person_keys(p.names) | _surnames(p):
            by_name[key].add(p.doc_id)
    pairs: set[tuple[str, str]] = set()
    for docs in by_name.values():
        if 2 <= len({owner[d] for d in docs}) <= MAX_NAME_INCIDENTS:
            pairs.update((x, y) for x in docs for y in docs if x < y)
    for x, y in similar_pairs(by_doc, lambda d: by_doc[d].lead, LEAD_THRESHOLD):
        pairs.add((min(x, y), max(x, y)))
    pairs |= _same_day_pairs(by_doc)
    scored = []
    for x, y in pairs:
        score = evidence(by_doc[x], by_doc[y])
        if score is not None and score >= MERGE_SCORE and owner[x] != owner[y]:
            scored.append((-score, x, y))
    parent = {cid: cid for cid in members}

    def find(c: str) -> str:
        while parent[c] != c:
            parent[c] = parent[parent[c]]
            c = parent[c]
        return c

    groups: dict[str, list[DocProfile]] = {cid: list(docs) for cid, docs in members.items()}
    for _, x, y in sorted(scored):
        a, b = find(owner[x]), find(owner[y])
        if a == b or not _linkable(groups[a], groups[b]):
            continue
        keep, drop = sorted((a, b))
        parent[drop] = keep
        groups[keep] += groups.pop(drop)
    return {doc: find(cid) for doc, cid in out.items()}


def _same_day_pairs(by_doc: dict[str, DocProfile]) -> set[tuple[str, str]]:
    """Documents dated the same day and placed within the place radius: the mention linker keeps two
    reports apart when their attack mentions disagree (one says shooting, the other names no attack), but
    at document level the same town on the same day with nothing against is one incident. Blocked by
    (day, cell), so near-linear."""
    cells: dict[tuple[dt.date, int, int], list[str]] = defaultdict(list)
    for p in by_doc.values():
        cell = _cell(p.place) if p.place is not None else None
        if p.date is not None and cell is not None:
            cells[(p.date, *cell)].append(p.doc_id)
    pairs: set[tuple[str, str]] = set()
    for (day, cy, cx), docs in cells.items():
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for y in cells.get((day, cy + dy, cx + dx), []):
                    pairs.update(
                        (min(x, y), max(x, y)) for x in docs if x != y and _near(by_doc[x].place, by_doc[y].place)
                    )
    return pairs


def _linkable(a: Sequence[DocProfile], b: Sequence[DocProfile]) -> bool:
    """Complete linkage: no pair across the two groups disagrees (``_agreement`` below zero), and the
    incidents are dated together: their first reports within NAME_WINDOW_DAYS, or a story in one is
    about a person told with an age in the other (``_about_one_person``). Dates are compared by incident,
    not by every pair, since an incident's trial story is months from its first report and that is no
    disagreement. A name without an age is not enough to join incidents whose first reports are weeks
    apart: in a big city a spokesperson's name would chain one month's shootings (BENCHMARKS.md)."""
    if any(_agreement(x, y) < 0 for x in a for y in b):
        return False
    first_a = min((x.date for x in a if x.date is not None), default=None)
    first_b = min((y.date for y in b if y.date is not None), default=None)
    if first_a is None or first_b is None or abs((first_a - first_b).days) <= NAME_WINDOW_DAYS:
        return True
    return any(_about_one_person(x, y) for x in a for y in b)
