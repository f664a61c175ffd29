"""The domain records every stage passes along: reports, claims, incidents.

All records are frozen pydantic models so they serialise to the JSON contract of
``civharm extract --json`` without hand-written converters, and so that a record
handed from one stage to the next can never be changed behind its back.
Ids are stable digests of canonical content, never Python's salted ``hash()``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class Record(BaseModel):
    """Base for all records: immutable, strict about unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


def stable_id(*parts: object) -> str:
    """A short, stable id: the first 16 hex digits of SHA-256 over the parts."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


class Group(StrEnum):
    CIVILIANS = "civilians"
    FIGHTERS = "fighters"
    CHILDREN = "children"
    WOMEN = "women"
    MEN = "men"
    MEDICAL_STAFF = "medical staff"
    UNKNOWN = "unknown"


class Outcome(StrEnum):
    KILLED = "killed"
    INJURED = "injured"
    KILLED_OR_INJURED = "killed or injured"
    MISSING = "missing"


class AttackType(StrEnum):
    AIR_STRIKE = "air strike"
    DRONE_STRIKE = "drone strike"
    SHELLING = "shelling"
    MISSILE = "missile"
    GROUND_ATTACK = "ground attack"
    BOMBING = "bombing"
    SHOOTING = "shooting"
    OTHER = "other"


class DatePrecision(StrEnum):
    """How much of a date is known. ``day_month`` is a day whose year is unknown."""

    DAY = "day"
    DAY_MONTH = "day_month"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    RANGE = "range"


class PlacePrecision(StrEnum):
    """How exactly a place is known; see ``publish`` for the ACLED/UCDP mappings."""

    EXACT = "exact"  # the named town or village itself
    NEAR = "near"  # "near X", "outside X", "on the outskirts of X"
    ADMIN2 = "admin2"  # a district or county
    ADMIN1 = "admin1"  # a province, governorate or state
    COUNTRY = "country"


class Stance(StrEnum):
    DENIES = "denies"
    ACKNOWLEDGES = "acknowledges"
    ACCUSES = "accuses"
    NO_COMMENT = "no comment"


class Grade(StrEnum):
    CONFIRMED = "Confirmed"
    FAIR = "Fair"
    WEAK = "Weak"
    CONTESTED = "Contested"
    DISCOUNTED = "Discounted"


class Status(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in review"
    PUBLISHED = "published"


class Report(Record):
    """One captured document. ``text`` is stored exactly so every span stays valid forever."""

    sha256: str  # hex digest of the original bytes; also the report's id
    url: str | None = None
    canonical_url: str | None = None
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: dt.date | None = None
    origin: str | None = None  # wire agency or original publisher of a republication
    language: str | None = None
    text: str
    media_type: str = "text/plain"
    captured_at: dt.datetime
    captured_by: str  # tool and version, e.g. "civharm 0.1.0"


class Span(Record):
    """A character span of the report text; every claim carries one."""

    start: int
    end: int


class Place(Record):
    """A place resolved against the offline gazetteer."""

    name: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    admin2: str | None = None
    feature: str | None = None  # "city", "admin1", "admin2", "country"
    precision: PlacePrecision = PlacePrecision.EXACT


class PlaceMention(Span):
    """A toponym found in the text, with what it resolved to (coordinates null when unresolved)."""

    name: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    feature: str | None = None


class Casualty(Span):
    """A casualty figure as an honest range, with the exact words it came from."""

    group: Group
    outcome: Outcome
    min: int
    max: int | None  # None: open ("at least 200")
    words: str
    source: str | None = None  # who gives this figure, when the report attributes it


class AttackMention(Span):
    """An attack the report describes: one candidate incident."""

    attack_type: AttackType
    date: dt.date | None = None
    date_precision: DatePrecision | None = None
    # ISO 8601 "--MM-DD" when day and month are known but not the year (no publication date).
    date_partial: str | None = None
    place: Place | None = None
    perpetrator: str | None = None
    perpetrator_hedged: bool = False  # "suspected", "believed to be"
    targets: tuple[str, ...] = ()
    casualties: tuple[Casualty, ...] = ()


class Tally(Span):
    """A cumulative count over a period by a named source; never an incident."""

    source: str | None
    group: Group
    outcome: Outcome
    min: int
    max: int | None
    words: str
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    period_precision: DatePrecision | None = None
    # ISO 8601 "--MM-DD" bounds when the year is unknown (no publication date to resolve against).
    period_start_partial: str | None = None
    period_end_partial: str | None = None
    perpetrator: str | None = None
    targets: tuple[str, ...] = ()


class Position(Span):
    """A party's denial, acknowledgement or accusation."""

    party: str | None  # the belligerent the statement speaks for ("Russia")
    organisation: str | None = None  # the organ that made it ("Russian Ministry of Defence")
    speaker: str | None = None
    role: str | None = None
    stance: Stance
    words: str


class EvidenceMention(Span):
    type: str  # "witness interviews", "survivor interviews", "video", "images", ...


class LegalMention(Span):
    words: str
    by: str | None = None  # the organisation (or person) making the characterisation
    speaker: str | None = None


class Extraction(Record):
    """Everything extracted from one report: the ``civharm extract --json`` document."""

    report: Report
    incidents: tuple[AttackMention, ...] = ()
    tallies: tuple[Tally, ...] = ()
    positions: tuple[Position, ...] = ()
    evidence: tuple[EvidenceMention, ...] = ()
    legal: tuple[LegalMention, ...] = ()
    places: tuple[PlaceMention, ...] = ()


class Figure(Record):
    """An incident's count: the range over its sources, open when any source is open."""

    min: int
    max: int | None


class SourceFigure(Record):
    """One source's current figure for an incident, traceable to its report span."""

    report_sha256: str
    source: str
    group: Group
    outcome: Outcome
    min: int
    max: int | None
    words: str
    start: int
    end: int


class Incident(Record):
    """A moment in time and space where sources allege an attack harmed civilians."""

    id: str
    date: dt.date | None
    date_precision: DatePrecision | None
    place: Place | None
    attack_type: AttackType
    perpetrators: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    civilians_killed: Figure | None = None
    civilians_injured: Figure | None = None
    children_killed: Figure | None = None
    women_killed: Figure | None = None
    fighters_killed: Figure | None = None
    figures: tuple[SourceFigure, ...] = ()
    report_ids: tuple[str, ...] = ()  # every linked report (syndicated copies included)
    source_count: int = 0  # independent sources after syndicated copies are merged
    grade: Grade = Grade.WEAK
    grade_rule: str = ""
    status: Status = Status.DRAFT
    # (report sha256, index of the attack mention in that report's extraction)
    mentions: tuple[tuple[str, int], ...] = ()
