"""The task's incidents, read from the database: one per civharm incident, each document in exactly one.

SemEval puts every document in one incident. civharm may link one report into several incidents (it
describes several attacks); the document goes with the attack its report describes first, the lead. A
document whose report yielded no attack mention still belongs somewhere: it becomes an incident of its
own, placed at the first town it names, and is then linked by ``civharm.link.documents`` like any other
document-level mention. A document is dated by the day its words tie to the attack
(``civharm.extract.headline.incident_day``), else by its incident's, else by its creation date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from civharm.bench.semeval_data import Document
from civharm.bench.semeval_events import document_event
from civharm.bench.semeval_places import document_place
from civharm.extract.gazetteer import Gazetteer
from civharm.extract.headline import headline, incident_day
from civharm.link.evidence import lead_words
from civharm.link.participants import Name, find_names
from civharm.records import DatePrecision, Extraction, Incident, Outcome, Place, PlacePrecision
from civharm.store.repository import IncidentFilter, Store

_DAY = frozenset({None, DatePrecision.DAY})


@dataclass(frozen=True)
class DocumentView:
    """What one document tells the task."""

    doc_id: str
    incident_id: str | None  # its civharm incident, None when its report gave no attack mention
    date: dt.date | None
    place: Place | None
    types: frozenset[str]
    killed: int
    injured: int
    names: tuple[Name, ...]
    words: frozenset[str] = frozenset()  # capitalised words: names the name reader missed
    lead: frozenset[str] = frozenset()  # content words of the headline and lead (``lead_words``)


@dataclass(frozen=True)
class TaskIncident:
    """One incident as the questions see it."""

    id: str
    doc_ids: tuple[str, ...]
    date: dt.date | None
    place: Place | None
    types: frozenset[str]
    killed: int
    injured: int
    names: tuple[Name, ...]
    words: frozenset[str] = frozenset()


_CAPITALISED = re.compile(r"\b[A-Z][a-z'’]+(?:-[A-Z][a-z]+)?\b")


def _lead_incident(sha: str, extraction: Extraction, owners: Sequence[Incident]) -> Incident | None:
    """The incident of the report's first attack mention."""
    best: tuple[int, Incident] | None = None
    for inc in owners:
        for ref_sha, index in inc.mentions:
            if ref_sha == sha and 0 <= index < len(extraction.incidents):
                start = extraction.incidents[index].start
                if best is None or start < best[0]:
                    best = (start, inc)
    return None if best is None else best[1]


def _figure(extraction: Extraction, outcome: Outcome) -> int:
    """The largest figure for people harmed with this outcome in any of the report's attack mentions."""
    values = [c.min for m in extraction.incidents for c in m.casualties if c.outcome is outcome]
    return max(values, default=0)


def _first_town(extraction: Extraction) -> Place | None:
    """The first town the report names, preferring the country most of its places are in."""
    towns = [p for p in extraction.places if p.feature == "city" and p.lat is not None]
    if not towns:
        return None
    countries = Counter(p.country for p in extraction.places if p.country)
    main = countries.most_common(1)[0][0] if countries else None
    p = next((t for t in towns if t.country == main), towns[0])
    return Place(name=p.name, geonameid=p.geonameid, lat=p.lat, lon=p.lon, country=p.country, feature=p.feature)


def _choose_place(lead: Incident | None, extraction: Extraction, gazetteer: Gazetteer) -> Place | None:
    """The lead incident's place when it lies in the state the whole document points to, else the
    document's own first town in that state."""
    own = document_place(extraction, gazetteer)
    if lead is not None and lead.place is not None:
        place = with_admin(lead.place, gazetteer)
        if own is None or (place is not None and place.admin1 == own.admin1):
            return place
    return own or with_admin(_first_town(extraction), gazetteer)


def with_admin(place: Place | None, gazetteer: Gazetteer) -> Place | None:
    """The place with its province/state filled in from the gazetteer when the record lacks it."""
    if place is None or place.admin1 is not None or place.geonameid is None:
        return place
    for cand in gazetteer.lookup(place.name.strip()):
        if cand.geonameid == place.geonameid:
            return place.model_copy(update={"admin1": cand.admin1, "admin2": cand.admin2, "name": place.name.strip()})
    return place


def document_views(
    store: Store, docs: Sequence[Document], shas_by_doc: Mapping[str, str], gazetteer: Gazetteer
) -> list[DocumentView]:
    """One view per document, from its stored extraction and the incidents it was linked into."""
    owners: dict[str, list[Incident]] = defaultdict(list)
    incidents = store.incidents(IncidentFilter())
    for inc in incidents:
        for sha in inc.report_ids:
            owners[sha].append(inc)
    views: list[DocumentView] = []
    for doc in docs:
        sha = shas_by_doc[doc.doc_id]
        extraction = store.extraction(sha) if store.has_report(sha) else None
        lead = _lead_incident(sha, extraction, owners[sha]) if extraction is not None else None
        # killed as the report's main incident counts them (victims and attackers, as the task's gun
        # violence records do; one shot in a story whose title tells a death is the dead); on the trial
        # split this beat the largest killed figure of any mention (S3 accuracy 21.33 -> 22.51), while
        # the main incident's injured did not pay (S3 RMSE 12.25 -> 16.05), so injured stay the largest
        main = headline(extraction, gazetteer) if extraction is not None else None
        killed = main.killed + main.attackers_killed if main is not None else 0
        injured = _figure(extraction, Outcome.INJURED) if extraction is not None else 0
        event = document_event(doc.title, doc.text, killed, injured)
        # the day the words tie to the attack; else the linked incident's; else the creation date
        told = incident_day(extraction.report) if extraction is not None else None
        lead_day = lead.date if lead is not None and lead.date_precision in _DAY else None
        date, place = told or lead_day or doc.dct, None
        if extraction is not None:
            place = _choose_place(lead, extraction, gazetteer)
        views.append(
            DocumentView(
                doc_id=doc.doc_id,
                incident_id=None if lead is None else lead.id,
                date=date,
                place=place,
                types=event.types,
                killed=event.killed,
                injured=event.injured,
                names=people(f"{doc.title}\n{doc.text}", gazetteer),
                words=frozenset(w.casefold() for w in _CAPITALISED.findall(doc.text)),
                lead=lead_words(doc.title, doc.text),
            )
        )
    return views


def people(text: str, gazetteer: Gazetteer) -> tuple[Name, ...]:
    """The people the text names; a "name" the gazetteer knows as a place ("Fort Lauderdale") is not one."""
    return tuple(n for n in find_names(text) if not gazetteer.lookup(n.full))


def _precise_first(place: Place | None) -> int:
    return 9 if place is None else list(PlacePrecision).index(place.precision)


def _usual_date(dates: Sequence[dt.date]) -> dt.date | None:
    """The day most of an incident's documents give, the earliest among equals: one page dated before the
    shooting it reports (a page's stamp a day early) does not move the whole incident."""
    counts = Counter(dates)
    return min(counts, key=lambda d: (-counts[d], d)) if counts else None


def task_incidents(views: Sequence[DocumentView], clusters: Mapping[str, str]) -> list[TaskIncident]:
    """Group document views by the cluster each was put in (``clusters``: doc id -> incident id)."""
    groups: dict[str, list[DocumentView]] = defaultdict(list)
    for v in views:
        groups[clusters[v.doc_id]].append(v)
    out: list[TaskIncident] = []
    for iid in sorted(groups):
        members = groups[iid]
        dates = sorted(v.date for v in members if v.date is not None)
        place = min((v.place for v in members), key=_precise_first)
        names: dict[str, Name] = {}
        for v in members:
            for n in v.names:
                names.setdefault(n.full.casefold(), n)
        killed = max(v.killed for v in members)
        injured = max(v.injured for v in members)
        types = {t for v in members for t in v.types}
        out.append(
            TaskIncident(
                id=iid,
                doc_ids=tuple(sorted(v.doc_id for v in members)),
                date=_usual_date(dates),
                place=place,
                types=frozenset(types),
                killed=killed,
                injured=injured,
                names=tuple(names.values()),
                words=frozenset().union(*(v.words for v in members)),
            )
        )
    return out
