"""Can two attack mentions be the same attack? The pairwise rule the linker clusters with.

Each test is a necessary condition, and all must hold: compatible places, compatible dates, compatible
attack types, and not two different parts of one article. The linker only merges clusters in which every
pair passes (complete linkage), so this rule can be local and simple without a vague report chaining two
attacks together.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from enum import Enum

from civharm.geo import haversine_km
from civharm.link.evidence import Traits, score
from civharm.records import AttackMention, AttackType, DatePrecision, Place, PlacePrecision

# Reports of one strike put it in the town or "near" it; 25 km covers a town and its outskirts and the
# spread between gazetteer points of neighbouring villages, while keeping nearby towns with separate
# strikes the same day apart only when they are farther than that (Airwars geolocates at this scale).
PLACE_RADIUS_KM = 25.0
# News reports of one strike appear over several days and date it relative to publication ("on Sunday");
# three days covers a weekend plus a day's slip in resolving relative dates.
DATE_WINDOW_DAYS = 3
# Two resolved points this close are one place (gazetteer duplicates of one town).
EXACT_PLACE_KM = 1.0
# Follow-up stories (an arrest, a funeral, the victim named) come out up to a week later and date the
# attack loosely; with strong evidence besides (``civharm.link.evidence``: the same person named, the
# same story) a mention in the same place joins within this many days.
EVIDENCE_WINDOW_DAYS = 7
STRONG_EVIDENCE = 3
# Evidence this far against (different people named and figures far apart) keeps two mentions apart
# even when date and place agree.
AGAINST = -2

# Strikes from the air or from afar are hard to tell apart for a witness on the ground: an "air strike"
# in one report is a "drone strike" or "missile" in another, and "bombing" names any of them. Ground
# attacks and shootings likewise. Shelling (artillery) is not confused with air strikes.
_FAMILIES: tuple[frozenset[AttackType], ...] = (
    frozenset({AttackType.AIR_STRIKE, AttackType.DRONE_STRIKE, AttackType.MISSILE, AttackType.BOMBING}),
    frozenset({AttackType.GROUND_ATTACK, AttackType.SHOOTING}),
)
_PRECISE = frozenset({PlacePrecision.EXACT, PlacePrecision.NEAR})
_EXACT_DATE = frozenset({DatePrecision.DAY, DatePrecision.DAY_MONTH})
_SENTENCE_END = re.compile(r"[.!?]\s|\n")


@dataclass(frozen=True)
class Candidate:
    """One attack mention with what linking needs from its report.

    ``covers`` is the set of reports this candidate stands for: its own report, or for the summary of an
    existing incident whose reports are not at hand, all of that incident's reports.
    """

    sha256: str
    index: int
    mention: AttackMention
    published: dt.date | None
    text: str
    covers: frozenset[str]
    traits: Traits = field(default_factory=Traits)

    @property
    def is_summary(self) -> bool:
        return self.index < 0


class PlaceRelation(Enum):
    SAME = "same"  # one place
    NEAR = "near"  # two precise places within PLACE_RADIUS_KM
    CONTAINS = "contains"  # a vague place (admin1, country) containing the other
    NONE = "none"  # different places, or a place unknown on one side


def is_precise(place: Place | None) -> bool:
    """A town, village or point: not a district, province or country, and resolved."""
    if place is None or place.precision not in _PRECISE:
        return False
    return place.geonameid is not None or (place.lat is not None and place.lon is not None)


def distance_km(a: Place, b: Place) -> float | None:
    """Great-circle distance between two places, None when either lacks coordinates."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def place_relation(a: Place | None, b: Place | None) -> PlaceRelation:
    """How two places relate, for linking."""
    if a is None or b is None:
        return PlaceRelation.NONE
    if a.geonameid is not None and a.geonameid == b.geonameid:
        # Two reports naming only "Syria" or "Idlib province" may be about different attacks.
        return PlaceRelation.SAME if is_precise(a) and is_precise(b) else PlaceRelation.CONTAINS
    if is_precise(a) and is_precise(b):
        km = distance_km(a, b)
        if km is None:
            return PlaceRelation.NONE
        if km <= EXACT_PLACE_KM:
            return PlaceRelation.SAME
        return PlaceRelation.NEAR if km <= PLACE_RADIUS_KM else PlaceRelation.NONE
    return PlaceRelation.CONTAINS if _area_contains(a, b) else PlaceRelation.NONE


def _area_contains(a: Place, b: Place) -> bool:
    """One of two places, at least one vague, lies within the other's country and province."""
    if a.country is None or b.country is None or a.country != b.country:
        return False
    vague = [p for p in (a, b) if not is_precise(p)]
    if any(p.precision is PlacePrecision.COUNTRY for p in vague):
        return True
    return a.admin1 is not None and a.admin1 == b.admin1


def date_interval(date: dt.date, precision: DatePrecision | None) -> tuple[dt.date, dt.date]:
    """The days a date with a precision may stand for. A range's start is all that is stored, so it
    is taken as the week from that start; a missing precision means the day itself."""
    if precision is DatePrecision.WEEK or precision is DatePrecision.RANGE:
        return date, date + dt.timedelta(days=6)
    if precision is DatePrecision.MONTH:
        last = calendar.monthrange(date.year, date.month)[1]
        return date.replace(day=1), date.replace(day=last)
    if precision is DatePrecision.YEAR:
        return date.replace(month=1, day=1), date.replace(month=12, day=31)
    return date, date


def date_gap_days(a: AttackMention, b: AttackMention) -> int | None:
    """Days between the two mentions' date intervals (0 when they overlap), None if either is unknown."""
    if a.date is None or b.date is None:
        return None
    a0, a1 = date_interval(a.date, a.date_precision)
    b0, b1 = date_interval(b.date, b.date_precision)
    if a1 < b0:
        return (b0 - a1).days
    if b1 < a0:
        return (a0 - b1).days
    return 0


def same_exact_day(a: AttackMention, b: AttackMention) -> bool:
    """Both dated to the day, and the same day."""
    exact = {DatePrecision.DAY, DatePrecision.DAY_MONTH, None}
    return a.date is not None and a.date == b.date and {a.date_precision, b.date_precision} <= exact


def types_compatible(a: AttackType, b: AttackType) -> bool:
    """Same type, same family of types, or one side unspecific ("other")."""
    if a == b or AttackType.OTHER in (a, b):
        return True
    return any(a in family and b in family for family in _FAMILIES)


def same_region(a: Candidate, b: Candidate) -> bool:
    """Two mentions in one report describe one attack only if they are in the same sentence, or one
    is in the headline (the text's first line) and the other is the first mention after it: a headline
    announces the story its lead tells ("5 dead in airport shooting" / "A gunman killed five on Friday")."""
    if a.sha256 != b.sha256 or a.is_summary or b.is_summary:
        return False
    first, second = sorted((a, b), key=lambda c: c.mention.start)
    if second.mention.start <= first.mention.end:
        return True
    headline_end = a.text.find("\n")
    if 0 <= first.mention.start < headline_end <= second.mention.start and second.index == first.index + 1:
        return True
    # from the first mention's last character: a span often ends with its sentence's full stop
    start = max(first.mention.start, first.mention.end - 1)
    return _SENTENCE_END.search(a.text, start, second.mention.start + 1) is None


def compatible(a: Candidate, b: Candidate) -> bool:
    """True when the two mentions may be the same attack."""
    if a.covers & b.covers and not same_region(a, b):
        return False  # two attacks in one article stay separate
    ma, mb = a.mention, b.mention
    if not types_compatible(ma.attack_type, mb.attack_type):
        return False
    if same_region(a, b):
        return _no_conflict(ma, mb)
    relation = place_relation(ma.place, mb.place)
    weight = evidence(a, b)
    if weight <= AGAINST:
        return False
    if ma.date is None or mb.date is None:
        if _month_day_agrees(ma, mb):  # "on Oct. 20" in an undated page, 2015-10-20 in another
            return relation in (PlaceRelation.SAME, PlaceRelation.NEAR)
        return relation is PlaceRelation.SAME and _published_agrees(a, b)
    gap = date_gap_days(ma, mb)
    if gap is None or gap > EVIDENCE_WINDOW_DAYS:
        return False
    if relation in (PlaceRelation.SAME, PlaceRelation.NEAR):
        return gap <= DATE_WINDOW_DAYS or weight >= STRONG_EVIDENCE
    return relation is PlaceRelation.CONTAINS and same_exact_day(ma, mb)


def evidence(a: Candidate, b: Candidate) -> int:
    """What the two mentions' reports say besides date and place (``civharm.link.evidence``); none
    between two mentions of one report, which one article's wording cannot tell apart."""
    if a.covers & b.covers:
        return 0
    return score(a.traits, b.traits, a.mention, b.mention)


def _no_conflict(a: AttackMention, b: AttackMention) -> bool:
    """Within one sentence, missing details complete each other; only known, different ones conflict."""
    if a.place is not None and b.place is not None and place_relation(a.place, b.place) is PlaceRelation.NONE:
        return False
    gap = date_gap_days(a, b)
    return gap is None or gap <= DATE_WINDOW_DAYS


def month_day(mention: AttackMention) -> tuple[int, int] | None:
    if mention.date is not None and mention.date_precision in _EXACT_DATE:
        return mention.date.month, mention.date.day
    if mention.date_partial:  # ISO 8601 "--MM-DD"
        return int(mention.date_partial[2:4]), int(mention.date_partial[5:7])
    return None


def _month_day_agrees(a: AttackMention, b: AttackMention) -> bool:
    """Day and month known on both sides, the year on at most one: within the window, year aside."""
    first, second = month_day(a), month_day(b)
    if first is None or second is None:
        return False
    leap = 2000  # a leap year, so Feb. 29 is a day like any other
    gap = abs((dt.date(leap, *first) - dt.date(leap, *second)).days)
    return min(gap, 366 - gap) <= DATE_WINDOW_DAYS


def _published_agrees(a: Candidate, b: Candidate) -> bool:
    """An undated mention joins only when its report came out within the window of the other's date."""

    def when(c: Candidate) -> tuple[dt.date, dt.date] | None:
        if c.mention.date is not None:
            return date_interval(c.mention.date, c.mention.date_precision)
        return None if c.published is None else (c.published, c.published)

    wa, wb = when(a), when(b)
    if wa is None or wb is None:
        return False
    gap = max((wb[0] - wa[1]).days, (wa[0] - wb[1]).days, 0)
    return gap <= DATE_WINDOW_DAYS


def distance_score(a: Candidate, b: Candidate) -> tuple[int, int, float]:
    """How far apart two compatible mentions are, for choosing between clusters: (evidence against,
    days apart, km apart); smaller is closer."""
    gap = date_gap_days(a.mention, b.mention)
    km = None
    if a.mention.place is not None and b.mention.place is not None:
        km = distance_km(a.mention.place, b.mention.place)
    days = EVIDENCE_WINDOW_DAYS + 1 if gap is None else gap
    return (-evidence(a, b), days, PLACE_RADIUS_KM if km is None else km)
