"""One incident record from a cluster of attack mentions.

The linker decides which mentions are one attack; this module decides what the attack's record says:
the most precise date and place any source gives, the most common specific attack type, everyone it is
blamed on, every target named, and figures per source reconciled into ranges.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from civharm.assess.parties import distinct_parties
from civharm.link.compat import Candidate
from civharm.link.figures import FigureClaim, current_figures, incident_figures
from civharm.link.syndication import independent_sources
from civharm.records import (
    AttackMention,
    AttackType,
    DatePrecision,
    Extraction,
    Incident,
    Place,
    PlacePrecision,
    SourceFigure,
    Status,
)

_DATE_RANK = {
    None: 0,  # a date without a stated precision is a day
    DatePrecision.DAY: 0,
    DatePrecision.DAY_MONTH: 1,
    DatePrecision.WEEK: 2,
    DatePrecision.RANGE: 3,
    DatePrecision.MONTH: 4,
    DatePrecision.YEAR: 5,
}
_PLACE_RANK = {
    PlacePrecision.EXACT: 0,
    PlacePrecision.NEAR: 1,
    PlacePrecision.ADMIN2: 2,
    PlacePrecision.ADMIN1: 3,
    PlacePrecision.COUNTRY: 4,
}


@dataclass(frozen=True)
class Assembled:
    """An incident (not yet graded) and the names of its independent sources."""

    incident: Incident
    source_names: tuple[str, ...]


def best_date(mentions: Sequence[AttackMention]) -> tuple[dt.date | None, DatePrecision | None]:
    """The most precise date among the mentions; the earliest among equally precise ones."""
    dated = [m for m in mentions if m.date is not None]
    if not dated:
        return None, None
    best = min(dated, key=lambda m: (_DATE_RANK[m.date_precision], m.date))
    return best.date, best.date_precision


def best_place(mentions: Sequence[AttackMention]) -> Place | None:
    """The most precise place; among equals, one with coordinates, then the one most sources name."""
    places = [m.place for m in mentions if m.place is not None]
    if not places:
        return None
    counts = Counter(p.geonameid if p.geonameid is not None else p.name for p in places)

    def rank(item: tuple[int, Place]) -> tuple[int, bool, int, int]:
        order, p = item
        ident = p.geonameid if p.geonameid is not None else p.name
        return (_PLACE_RANK[p.precision], p.lat is None, -counts[ident], order)

    return min(enumerate(places), key=rank)[1]


def best_attack_type(mentions: Sequence[AttackMention]) -> AttackType:
    """The most common specific type (first seen wins a tie); "other" only if nothing is specific."""
    specific = [m.attack_type for m in mentions if m.attack_type is not AttackType.OTHER]
    if not specific:
        return AttackType.OTHER
    counts = Counter(specific)
    top = max(counts.values())
    return next(t for t in specific if counts[t] == top)


def _precision_order(c: Candidate) -> tuple[int, int, str, int]:
    m = c.mention
    date_rank = _DATE_RANK[m.date_precision] if m.date is not None else len(_DATE_RANK)
    place_rank = _PLACE_RANK[m.place.precision] if m.place is not None else len(_PLACE_RANK)
    return date_rank, place_rank, c.sha256, c.index


def build_incident(
    incident_id: str,
    members: Sequence[Candidate],
    extractions: Mapping[str, Extraction],
    groups: Mapping[str, str],
    previous: Incident | None = None,
) -> Assembled:
    """The incident record for one cluster. ``previous`` is the existing incident the cluster grew from;
    what it holds about reports not at hand (their figures and references) is kept."""
    members = sorted(members, key=_precision_order)  # ties go to the most precise mention, in any run
    real = [m for m in members if not m.is_summary]
    mentions = [m.mention for m in members]
    date, date_precision = best_date(mentions)
    report_ids = {m.sha256 for m in real}
    refs = {(m.sha256, m.index) for m in real}
    perpetrators = [m.mention.perpetrator for m in real if m.mention.perpetrator]
    targets = {t for m in real for t in m.mention.targets}
    missing: set[str] = set()
    if previous is not None:
        report_ids |= set(previous.report_ids)
        refs |= set(previous.mentions)
        perpetrators += list(previous.perpetrators)
        targets |= set(previous.targets)
        missing = {s for s in previous.report_ids if s not in extractions}
    reports = [extractions[s].report for s in sorted(report_ids) if s in extractions]
    names_by_sha = independent_sources(reports, groups)
    claims = [
        FigureClaim(
            report_sha256=m.sha256,
            published=m.published,
            source=c.source or names_by_sha[m.sha256],
            casualty=c,
        )
        for m in real
        for c in m.mention.casualties
    ]
    kept: tuple[SourceFigure, ...] = ()
    if previous is not None:
        kept = tuple(f for f in previous.figures if f.report_sha256 in missing)
    figures = current_figures(claims) + kept
    names = set(names_by_sha.values()) | {f.source for f in kept}
    source_count = len(names)
    if previous is not None and missing:
        source_count = max(source_count, previous.source_count)
    ranges = incident_figures(figures)
    incident = Incident(
        id=incident_id,
        date=date,
        date_precision=date_precision,
        place=best_place(mentions),
        attack_type=best_attack_type(mentions),
        perpetrators=distinct_parties(perpetrators),
        targets=tuple(sorted(targets)),
        civilians_killed=ranges.civilians_killed,
        civilians_injured=ranges.civilians_injured,
        children_killed=ranges.children_killed,
        women_killed=ranges.women_killed,
        fighters_killed=ranges.fighters_killed,
        figures=figures,
        report_ids=tuple(sorted(report_ids)),
        source_count=source_count,
        status=previous.status if previous is not None else Status.DRAFT,
        mentions=tuple(sorted(refs)),
    )
    return Assembled(incident=incident, source_names=tuple(sorted(names)))
