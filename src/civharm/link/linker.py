"""Link attack mentions from many reports into incidents.

Every attack mention is a candidate incident. Mentions are clustered greedily with complete linkage: a
mention joins a cluster only if it is compatible (``civharm.link.compat``) with every member, so a vague
report compatible with two different attacks joins one of them and can never chain them together.
Precise mentions are placed first so clusters form around them and vague mentions join afterwards.
Candidate clusters come from blocking indexes (date bucket x lat/lon cell, gazetteer id, country and
day, report), so linking a large corpus never compares all pairs.

Linking is incremental: existing incidents keep their ids, new mentions join them when compatible.
A cumulative tally or a party's position never creates an incident.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass, field

from civharm.assess.grades import suggest_grade
from civharm.assess.positions import attach_positions
from civharm.link.assemble import Assembled, build_incident
from civharm.link.compat import (
    DATE_WINDOW_DAYS,
    EVIDENCE_WINDOW_DAYS,
    PLACE_RADIUS_KM,
    Candidate,
    compatible,
    date_interval,
    distance_score,
    is_precise,
    month_day,
)
from civharm.link.evidence import traits
from civharm.link.syndication import source_groups
from civharm.records import AttackMention, DatePrecision, Extraction, Grade, Incident, stable_id
from civharm.store.repository import LinkReach, Window

# Blocking grid. Half a degree is 55 km north-south, so a 25 km radius never reaches past the next cell;
# east-west cells shrink with latitude and the neighbourhood widens to match (see _lon_reach).
CELL_DEG = 0.5
KM_PER_DEG = 111.32
# Date buckets one window plus a day wide; a lookup spans the buckets the window can reach.
BUCKET_DAYS = DATE_WINDOW_DAYS + 1
_EXACT_DAY = frozenset({None, DatePrecision.DAY, DatePrecision.DAY_MONTH})


@dataclass
class _Cluster:
    """A growing incident: its members and, for an existing incident, that incident."""

    members: list[Candidate]
    previous: Incident | None = None


@dataclass
class _Index:
    """Blocking keys -> cluster numbers. A key is only a hint; ``compatible`` decides."""

    keys: dict[Hashable, set[int]] = field(default_factory=lambda: defaultdict(set))

    def add(self, cand: Candidate, cluster: int) -> None:
        for key in _index_keys(cand):
            self.keys[key].add(cluster)

    def lookup(self, cand: Candidate) -> set[int]:
        found: set[int] = set()
        for key in _lookup_keys(cand):
            found |= self.keys.get(key, set())
        return found


def _when(c: Candidate) -> tuple[dt.date, dt.date] | None:
    if c.mention.date is not None:
        return date_interval(c.mention.date, c.mention.date_precision)
    return None if c.published is None else (c.published, c.published)


def _buckets(lo: dt.date, hi: dt.date) -> range:
    return range(lo.toordinal() // BUCKET_DAYS, hi.toordinal() // BUCKET_DAYS + 1)


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / CELL_DEG), math.floor(lon / CELL_DEG)


def _lon_reach(lat: float) -> int:
    """How many cells east and west a PLACE_RADIUS_KM circle can reach at this latitude."""
    km_per_cell = KM_PER_DEG * CELL_DEG * max(math.cos(math.radians(lat)), 0.01)
    return max(1, math.ceil(PLACE_RADIUS_KM / km_per_cell))


def _place_keys(cand: Candidate, buckets: Iterable[int], neighbours: bool) -> list[Hashable]:
    place = cand.mention.place
    keys: list[Hashable] = []
    if place is None:
        return keys
    cells: list[tuple[int, int]] = []
    if is_precise(place) and place.lat is not None and place.lon is not None:
        cy, cx = _cell(place.lat, place.lon)
        if neighbours:
            reach = _lon_reach(place.lat)
            cells = [(cy + dy, cx + dx) for dy in (-1, 0, 1) for dx in range(-reach, reach + 1)]
        else:
            cells = [(cy, cx)]
    for b in buckets:
        keys.extend(("cell", b, y, x) for y, x in cells)
        if place.geonameid is not None:
            keys.append(("gid", b, place.geonameid))
    return keys


def _day_keys(cand: Candidate, *, lookup: bool) -> list[Hashable]:
    """Keys for joins between a vague place (province, country) and any place in it on the same day.

    Every member is filed under its country and day; members with vague places also under a second
    key. A vague candidate looks at the whole country's day; a precise one only at vague members,
    so a busy day in one country does not make precise mentions compare with each other.
    """
    m = cand.mention
    if m.date is None or m.place is None or m.place.country is None or m.date_precision not in _EXACT_DAY:
        return []
    day: Hashable = ("day", m.place.country, m.date)
    vague_day: Hashable = ("vague-day", m.place.country, m.date)
    if lookup:
        return [vague_day] if is_precise(m.place) else [day]
    return [day] if is_precise(m.place) else [day, vague_day]


def _month_day_keys(cand: Candidate, *, lookup: bool) -> list[Hashable]:
    """Keys that let a mention dated "Oct. 20" in an undated page meet the same town's dated ones.

    Dated and year-less members are filed apart: a year-less mention looks at both, a dated one only
    at year-less members (two dated mentions meet by their date keys). Otherwise every dated mention
    would look at its town's same day of every year, a list that grows with the years stored.
    """
    md, place = month_day(cand.mention), cand.mention.place
    if md is None or place is None or place.geonameid is None:
        return []
    yearless = cand.mention.date is None
    if not lookup:
        return [("md-yearless" if yearless else "md-dated", *md, place.geonameid)]
    kinds = ("md-yearless", "md-dated") if yearless else ("md-yearless",)
    leap = dt.date(2000, *md)
    days = [leap + dt.timedelta(days=k) for k in range(-DATE_WINDOW_DAYS, DATE_WINDOW_DAYS + 1)]
    return [(kind, d.month, d.day, place.geonameid) for kind in kinds for d in days]


def _undated_keys(cand: Candidate, *, lookup: bool) -> list[Hashable]:
    """Keys for members with no day at all (a stored incident known by its summary): by town and cell.

    Such a member joins only a mention in the same town or, by day and month, within the place radius
    (``compat``), never one with a vague place or none, so its place is all that is needed to find it.
    """
    place = cand.mention.place
    if place is None or not is_precise(place):
        return []
    keys: list[Hashable] = [] if place.geonameid is None else [("undated-gid", place.geonameid)]
    if place.lat is not None and place.lon is not None:
        cy, cx = _cell(place.lat, place.lon)
        if lookup:
            reach = _lon_reach(place.lat)
            keys += [("undated-cell", cy + dy, cx + dx) for dy in (-1, 0, 1) for dx in range(-reach, reach + 1)]
        else:
            keys.append(("undated-cell", cy, cx))
    return keys


def _index_keys(cand: Candidate) -> list[Hashable]:
    keys: list[Hashable] = [("report", s) for s in cand.covers]
    when = _when(cand)
    if when is not None:
        keys += _place_keys(cand, _buckets(*when), neighbours=False)
    else:
        keys += _undated_keys(cand, lookup=False)
    return keys + _day_keys(cand, lookup=False) + _month_day_keys(cand, lookup=False)


def _lookup_keys(cand: Candidate) -> list[Hashable]:
    keys: list[Hashable] = [("report", s) for s in cand.covers]
    when = _when(cand)
    if when is not None:
        window = dt.timedelta(days=EVIDENCE_WINDOW_DAYS)  # the farthest a compatible date can be
        keys += _place_keys(cand, _buckets(when[0] - window, when[1] + window), neighbours=True)
    keys += _undated_keys(cand, lookup=True)
    return keys + _day_keys(cand, lookup=True) + _month_day_keys(cand, lookup=True)


def _rank(cand: Candidate) -> tuple[int, dt.date, dt.date, str, int]:
    """Processing order: precise mentions first, so vague ones join clusters rather than seed them."""
    m = cand.mention
    if m.date is not None and is_precise(m.place):
        level = 0 if m.date_precision in _EXACT_DAY else 1
    elif m.date is not None and m.place is not None:
        level = 2
    elif m.place is not None:
        level = 3
    else:
        level = 4
    when = _when(cand)
    return (level, when[0] if when else dt.date.max, cand.published or dt.date.max, cand.sha256, cand.index)


def _candidates(extractions: Sequence[Extraction]) -> list[Candidate]:
    return [c for e in extractions for c in _report_candidates(e)]


def _report_candidates(e: Extraction) -> list[Candidate]:
    """One candidate per attack mention of the report; the report's traits are read once for all."""
    if not e.incidents:
        return []
    sha, found = e.report.sha256, traits(e)
    return [
        Candidate(sha, i, m, e.report.published, e.report.text, frozenset({sha}), found)
        for i, m in enumerate(e.incidents)
    ]


def _seed_existing(existing: Sequence[Incident], by_sha: dict[str, Extraction]) -> list[_Cluster]:
    """Clusters for existing incidents: their mentions at hand, plus a summary for those that are not."""
    clusters: list[_Cluster] = []
    at_hand: dict[str, list[Candidate]] = {}
    for inc in existing:
        members: list[Candidate] = []
        missing: set[str] = set()
        for sha, index in inc.mentions:
            e = by_sha.get(sha)
            if e is not None and 0 <= index < len(e.incidents):
                if sha not in at_hand:
                    at_hand[sha] = _report_candidates(e)
                members.append(at_hand[sha][index])
            else:
                missing.add(sha)
        missing |= {s for s in inc.report_ids if s not in by_sha}
        if missing or not members:
            summary = AttackMention(
                start=0,
                end=0,
                attack_type=inc.attack_type,
                date=inc.date,
                date_precision=inc.date_precision,
                place=inc.place,
            )
            covers = frozenset(missing or set(inc.report_ids))
            members.append(Candidate(f"incident:{inc.id}", -1, summary, None, "", covers))
        clusters.append(_Cluster(members=members, previous=inc))
    return clusters


def _earliest_id(members: Sequence[Candidate]) -> str:
    first = min(members, key=lambda c: (c.published is None, c.published or dt.date.min, c.sha256, c.mention.start))
    return stable_id(first.sha256, first.mention.start)


def _choose(cand: Candidate, options: Iterable[int], clusters: Sequence[_Cluster]) -> int | None:
    """The compatible cluster whose farthest member is nearest (complete linkage), if any."""
    best: tuple[tuple[int, int, float], int] | None = None
    for ci in sorted(options):
        members = clusters[ci].members
        if all(compatible(cand, m) for m in members):
            score = max(distance_score(cand, m) for m in members)
            if best is None or score < best[0]:
                best = (score, ci)
    return None if best is None else best[1]


def cluster_mentions(
    extractions: Sequence[Extraction], existing: Sequence[Incident] = (), new: Collection[str] | None = None
) -> list[tuple[str, list[Candidate], Incident | None]]:
    """Group attack mentions into clusters: (incident id, members, existing incident or None).

    ``new`` (report ids) limits the mentions linked afresh to those reports': the other extractions are
    only at hand for the ``existing`` incidents they belong to (incremental linking loads just those).
    """
    by_sha = {e.report.sha256: e for e in extractions}
    clusters = _seed_existing(existing, by_sha)
    taken = {ref for inc in existing for ref in inc.mentions}
    index = _Index()
    for ci, cluster in enumerate(clusters):
        for member in cluster.members:
            index.add(member, ci)
    fresh = [
        c for c in _candidates(extractions) if (c.sha256, c.index) not in taken and (new is None or c.sha256 in new)
    ]
    for cand in sorted(fresh, key=_rank):
        chosen = _choose(cand, index.lookup(cand), clusters)
        if chosen is None:
            if cand.mention.date is None and cand.mention.place is None:
                continue  # unlinkable: neither when nor where
            clusters.append(_Cluster(members=[cand]))
            chosen = len(clusters) - 1
        else:
            clusters[chosen].members.append(cand)
        index.add(cand, chosen)
    used = {c.previous.id for c in clusters if c.previous is not None}
    out: list[tuple[str, list[Candidate], Incident | None]] = []
    for c in clusters:
        if c.previous is not None:
            out.append((c.previous.id, c.members, c.previous))
            continue
        iid = _earliest_id(c.members)
        if iid in used:  # two mentions of one report starting at one offset: tell them apart
            first = min(c.members, key=lambda m: (m.sha256, m.index))
            iid = stable_id(first.sha256, first.mention.start, first.index)
        used.add(iid)
        out.append((iid, c.members, None))
    return out


def reachable(extractions: Sequence[Extraction], existing: Sequence[Incident]) -> list[Incident]:
    """The existing incidents the extractions' attack mentions may join, by the blocking index alone.

    Each incident is filed under the keys of its summary (its most precise date and place, which its
    most precise member carries), so a mention that could join it looks it up like any cluster; an
    undated incident under its town and cell (``_undated_keys``).
    """
    clusters = _seed_existing(existing, {})
    index = _Index()
    for ci, cluster in enumerate(clusters):
        for member in cluster.members:
            index.add(member, ci)
    found: set[int] = set()
    for cand in _candidates(extractions):
        found |= index.lookup(cand)
    return [existing[ci] for ci in sorted(found)]


def reach(extractions: Sequence[Extraction]) -> LinkReach:
    """Where in the database the incidents ``reachable`` can return for these extractions may be.

    Mirrors the blocking keys by indexed columns, widened so it is a superset: per mention, the days
    its lookup buckets span (an incident's own days may run a week past its date, or a month or a year
    for a coarse date) at its gazetteer id or in the cells it looks at; its country on its own day; for a
    year-less day and month, its gazetteer id at any date; undated incidents at its gazetteer id or in
    its cells (a precise place only: nothing else can join an undated incident) whose reports were all
    published within the window of the mention's date or publication (``compat``), or none with a date.
    """
    windows: list[Window] = []
    ids: set[int] = set()
    slack = dt.timedelta(days=EVIDENCE_WINDOW_DAYS + BUCKET_DAYS)
    days = dt.timedelta(days=DATE_WINDOW_DAYS)
    week, year = dt.timedelta(days=7), dt.timedelta(days=366)
    coarse = frozenset({DatePrecision.MONTH.value, DatePrecision.YEAR.value})
    for cand in _candidates(extractions):
        place, when = cand.mention.place, _when(cand)
        if place is None:
            continue
        if cand.mention.date is None and month_day(cand.mention) is not None and place.geonameid is not None:
            ids.add(place.geonameid)  # a year-less day meets its town's dated incidents of any year
        box = None
        if is_precise(place) and place.lat is not None and place.lon is not None:
            cy, cx = _cell(place.lat, place.lon)
            dx = _lon_reach(place.lat)
            box = ((cy - 1) * CELL_DEG, (cy + 2) * CELL_DEG, (cx - dx) * CELL_DEG, (cx + dx + 1) * CELL_DEG)
        gid = frozenset({place.geonameid} if place.geonameid is not None else ())
        if is_precise(place) and (gid or box):
            # an undated member joins only a mention dated, or published, near its own publication; a
            # mention with neither ("Oct. 20" in an undated page) may meet one by day and month instead
            around = None if when is None else (when[0] - days, when[1] + days)
            windows.append(Window(None, None, geonameids=gid, box=box, published=around))
        if when is None:
            continue
        lo, hi = when[0] - slack, when[1] + slack
        windows.append(Window(lo - week, hi, geonameids=gid, box=box))
        windows.append(Window(lo - year, hi + year, geonameids=gid, box=box, precisions=coarse))
        if _day_keys(cand, lookup=True) and place.country is not None:  # same country, same day
            windows.append(Window(when[0], when[1], countries=frozenset({place.country})))
    return LinkReach(windows=tuple(windows), geonameids=frozenset(ids))


def link(
    extractions: Sequence[Extraction], existing: Sequence[Incident] = (), *, new: Collection[str] | None = None
) -> list[Incident]:
    """Link the reports' attack mentions into graded incidents, growing ``existing`` ones first.

    ``existing`` incidents keep their ids; pass their reports' extractions too for their figures and
    sources to be recomputed (what is not at hand is kept from the existing record). ``new`` limits
    the mentions linked afresh to these reports' (see ``cluster_mentions``).
    """
    groups = source_groups(extractions)
    by_sha = {e.report.sha256: e for e in extractions}
    assembled: list[Assembled] = [
        build_incident(iid, members, by_sha, groups, previous)
        for iid, members, previous in cluster_mentions(extractions, existing, new)
    ]
    positions = attach_positions([a.incident for a in assembled], extractions)
    previous = {e.id: e for e in existing}
    out: list[Incident] = []
    for a in assembled:
        inc = a.incident
        before = previous.get(inc.id)
        if before is not None and before.grade is Grade.DISCOUNTED:
            # Discounted is an analyst's decision, never a suggestion: it stays until an analyst changes it
            out.append(inc.model_copy(update={"grade": before.grade, "grade_rule": before.grade_rule}))
            continue
        grade, rule = suggest_grade(inc, positions.get(inc.id, ()), a.source_names)
        out.append(inc.model_copy(update={"grade": grade, "grade_rule": rule}))
    return sorted(out, key=lambda i: (i.date or dt.date.max, i.id))
