"""Synthetic incidents for the scale benchmarks, written straight into a database in bulk.

A million incidents cannot go through capture and extraction in a benchmark's time, so this builds
the records the pipeline would have produced (reports, their attack and casualty claims, linked
incidents with figures, grades and statuses) from a seeded random generator, turns them into rows
with the store's own converters (``civharm.store.convert``, ``civharm.store.terms``), and loads
them in bulk (``civharm.bench.bulk``). The data is fictional but shaped like real work: places from a fixed
list of towns in conflict areas, dates spread over ten years, one to three reports per incident,
grades that follow the number of sources, most incidents published.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import itertools
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import func, select

from civharm.bench import bulk
from civharm.errors import CivharmError
from civharm.records import (
    AttackMention,
    AttackType,
    Casualty,
    DatePrecision,
    Extraction,
    Grade,
    Group,
    Incident,
    Outcome,
    Place,
    PlacePrecision,
    Report,
    Span,
    Status,
    stable_id,
)
from civharm.store import summary, terms
from civharm.store.convert import ClaimKind, claim_id
from civharm.store.db import Database
from civharm.store.models import IncidentRow

# Towns with their GeoNames ids and rounded coordinates, so places look like resolved gazetteer entries.
PLACES = (
    Place(name="Aleppo", geonameid=170063, lat=36.2, lon=37.16, country="SY", admin1="Aleppo", feature="city"),
    Place(name="Idlib", geonameid=169389, lat=35.93, lon=36.63, country="SY", admin1="Idlib", feature="city"),
    Place(name="Ariha", geonameid=173011, lat=35.81, lon=36.61, country="SY", admin1="Idlib", feature="city"),
    Place(name="Raqqa", geonameid=163915, lat=35.95, lon=39.01, country="SY", admin1="Ar-Raqqah", feature="city"),
    Place(name="Mosul", geonameid=99072, lat=36.34, lon=43.13, country="IQ", admin1="Nineveh", feature="city"),
    Place(name="Kharkiv", geonameid=706483, lat=49.98, lon=36.25, country="UA", admin1="Kharkiv", feature="city"),
    Place(name="Kherson", geonameid=706448, lat=46.64, lon=32.61, country="UA", admin1="Kherson", feature="city"),
    Place(name="Mariupol", geonameid=701822, lat=47.1, lon=37.55, country="UA", admin1="Donetsk", feature="city"),
    Place(name="Sa'dah", geonameid=71333, lat=16.94, lon=43.76, country="YE", admin1="Sa'dah", feature="city"),
    Place(name="Taiz", geonameid=70225, lat=13.58, lon=44.02, country="YE", admin1="Taiz", feature="city"),
    Place(name="El Fasher", geonameid=379555, lat=13.63, lon=25.35, country="SD", admin1="North Darfur"),
    Place(name="Nyala", geonameid=365137, lat=12.05, lon=24.88, country="SD", admin1="South Darfur"),
    Place(name="Gaza", geonameid=281133, lat=31.5, lon=34.47, country="PS", admin1="Gaza Strip", feature="city"),
    Place(name="Khan Younis", geonameid=281102, lat=31.34, lon=34.31, country="PS", admin1="Gaza Strip"),
    Place(name="Tripoli", geonameid=2210247, lat=32.89, lon=13.19, country="LY", admin1="Tripoli", feature="city"),
    Place(name="Mogadishu", geonameid=53654, lat=2.04, lon=45.34, country="SO", admin1="Banaadir", feature="city"),
)
PERPETRATORS = ("Russia", "Syrian government", "US-led coalition", "Saudi-led coalition", "RSF", "Israel", "Turkey")
PUBLISHERS = ("Meridian News", "Orontes Post", "Northern Courier", "Sahel Dispatch", "Red Sea Herald", "Wire Service")
TARGETS = ("home", "market", "school", "hospital", "mosque", "shelter")
ATTACK_TYPES = tuple(AttackType)
FIRST_DAY = dt.date(2014, 1, 1)
DAYS = 3650  # ten years of dates
UNDATED_SHARE = 0.03
CAPTURED_AT = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
# Published most, in review some, draft the rest, as a working team's database would be.
STATUS_WEIGHTS = ((Status.PUBLISHED, 0.7), (Status.IN_REVIEW, 0.1), (Status.DRAFT, 0.2))
PRECISIONS = (PlacePrecision.EXACT, PlacePrecision.NEAR, PlacePrecision.ADMIN2)
CAPTURED_BY = "civharm synthetic"
UNSET_FIGURES = ("civilians_injured", "children_killed", "women_killed", "fighters_killed")
TABLE_ORDER = ("reports", "incidents", "incident_terms", "claims", "incident_reports")  # parents first
BATCH = 2000  # incidents per executemany or COPY: big enough to be cheap per row, small enough to keep memory flat
# Each town at each precision, built once: copying and dumping a pydantic record per incident is
# a tenth of the generator's time at a million incidents.
_PLACED = {
    (p.geonameid, precision): p.model_copy(update={"precision": precision}) for p in PLACES for precision in PRECISIONS
}
_PLACE_JSON = {key: place.model_dump(mode="json") for key, place in _PLACED.items()}


@dataclass(frozen=True)
class Generated:
    """How many rows one run wrote."""

    incidents: int
    reports: int
    claims: int


@dataclass(frozen=True)
class SyntheticReport:
    """One report of a synthetic incident: who published it, when, and its civilians-killed figure."""

    sha256: str
    publisher: str
    published: dt.date
    low: int
    high: int | None
    words: str


@dataclass(frozen=True)
class SyntheticIncident:
    """The random choices behind one incident; ``rows`` and ``extractions`` render them."""

    id: str
    number: int
    date: dt.date | None
    place: Place
    attack_type: AttackType
    perpetrators: tuple[str, ...]
    targets: tuple[str, ...]
    reports: tuple[SyntheticReport, ...]
    grade: Grade
    grade_rule: str
    status: Status


def report_sha(seed: int, number: int, copy: int) -> str:
    """The hash standing for the text of copy ``copy`` of incident ``number`` of run ``seed``."""
    return hashlib.sha256(f"civharm synthetic {seed} {number} {copy}".encode()).hexdigest()


def _figure(rng: random.Random) -> tuple[int, int | None, str]:
    low = rng.choice((0, 1, 2, 3, 4, 5, 7, 9, 12, 15, 20, 30, 44, 60, 100))
    shape = rng.random()
    if shape < 0.5:
        return low, low, str(low)
    if shape < 0.8:
        return low, None, f"at least {low}"
    high = low + rng.randint(1, 20)
    return low, high, f"between {low} and {high}"


def _status(rng: random.Random) -> Status:
    roll = rng.random()
    for status, weight in STATUS_WEIGHTS:
        if roll < weight:
            return status
        roll -= weight
    return Status.DRAFT


def draw(rng: random.Random, seed: int, number: int, days: int = DAYS) -> SyntheticIncident:
    """Incident ``number`` of the run seeded ``seed``, dated within ``days`` of ``FIRST_DAY``, with one
    to three reports of it. An undated incident's reports still come out on some day of that span, as
    real pages that never say when are published when the news is."""
    day = FIRST_DAY + dt.timedelta(days=rng.randrange(days))
    date = day if rng.random() >= UNDATED_SHARE else None
    perpetrators = tuple(rng.sample(PERPETRATORS, k=rng.choices((0, 1, 2), weights=(1, 8, 1))[0]))
    reports = []
    for copy in range(rng.choices((1, 2, 3), weights=(5, 3, 2))[0]):
        low, high, words = _figure(rng)
        published = day + dt.timedelta(days=rng.randint(0, 3))
        reports.append(
            SyntheticReport(report_sha(seed, number, copy), rng.choice(PUBLISHERS), published, low, high, words)
        )
    if len(perpetrators) > 1:
        grade, rule = Grade.CONTESTED, "more than one party is alleged responsible"
    elif len(reports) >= 2:
        acknowledged = rng.random() < 0.1
        grade = Grade.CONFIRMED if acknowledged else Grade.FAIR
        rule = "a belligerent acknowledged it" if acknowledged else "two or more independent sources"
    else:
        grade, rule = Grade.WEAK, "one independent source"
    return SyntheticIncident(
        id=stable_id("synthetic", seed, number),
        number=number,
        date=date,
        place=_PLACED[rng.choice(PLACES).geonameid, rng.choice(PRECISIONS)],
        attack_type=rng.choice(ATTACK_TYPES),
        perpetrators=perpetrators,
        targets=tuple(rng.sample(TARGETS, k=rng.randint(0, 2))),
        reports=tuple(reports),
        grade=grade,
        grade_rule=rule,
        status=_status(rng),
    )


def world_days(count: int, growing: bool) -> int:
    """The span of dates for ``count`` incidents: ten years, or with ``growing`` ten years per 10,000
    incidents, so the world widens with N instead of its places and weeks growing denser."""
    return max(DAYS, DAYS * count // 10_000) if growing else DAYS


def synthetic_incidents(count: int, seed: int = 1, days: int = DAYS) -> Iterator[SyntheticIncident]:
    """``count`` incidents dated over ``days``, the same ones for the same seed."""
    rng = random.Random(seed)
    for number in range(count):
        yield draw(rng, seed, number, days)


@dataclass(frozen=True)
class _Text:
    text: str
    attack: tuple[int, int]
    casualty: tuple[int, int]


# Enough that two attacks' reports share under a fifth of their word 5-grams (0.17 measured), far below
# the syndication threshold, so the MinHash LSH seldom even proposes them as a pair.
UNIQUE_WORDS = 48
_SYLLABLES = ("ba", "ke", "lo", "mi", "nu", "ra", "si", "to", "vu", "za", "dri", "gal", "hen", "jor", "kat", "pel")


def _words(incident_id: str) -> str:
    """Forty-eight made-up lower-case words spelled from the incident's id: the reports of one attack share
    its facts (the town's streets, the families' names), those of different attacks do not. Without them
    the reports of every attack by one party on one town would be near-duplicates of each other, and
    each a syndication candidate of all the others. Lower case, so no reader takes them for names."""
    digest = hashlib.shake_128(incident_id.encode()).hexdigest(4 * UNIQUE_WORDS // 2)
    chunks = [int(digest[i : i + 4], 16) for i in range(0, 4 * UNIQUE_WORDS, 4)]
    return " ".join("".join(_SYLLABLES[(chunk >> shift) & 15] for shift in (0, 4, 8)) for chunk in chunks)


def _text(incident: SyntheticIncident, copy: int) -> _Text:
    report = incident.reports[copy]
    who = incident.perpetrators[0] if incident.perpetrators else "Unidentified forces"
    place = incident.place.name
    sentence = f"{who} carried out an {incident.attack_type.value} on {place} that killed {report.words} civilians."
    text = (
        f"Report {incident.number}-{copy} by {report.publisher}.\n\n{sentence} Residents described the damage. "
        f"Their accounts spoke of {_words(incident.id)}."
    )
    start = text.index(sentence)
    figure = text.index(report.words, start)
    return _Text(text, (start, start + len(sentence)), (figure, figure + len(report.words) + len(" civilians")))


def _date_json(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _casualty_json(report: SyntheticReport, span: tuple[int, int]) -> dict[str, Any]:
    return {
        "start": span[0],
        "end": span[1],
        "group": Group.CIVILIANS.value,
        "outcome": Outcome.KILLED.value,
        "min": report.low,
        "max": report.high,
        "words": report.words,
        "source": None,
    }


def _attack_json(
    incident: SyntheticIncident, text: _Text, casualty: dict[str, Any], place: dict[str, Any]
) -> dict[str, Any]:
    return {
        "start": text.attack[0],
        "end": text.attack[1],
        "attack_type": incident.attack_type.value,
        "date": _date_json(incident.date),
        "date_precision": None if incident.date is None else DatePrecision.DAY.value,
        "date_partial": None,
        "place": place,
        "perpetrator": incident.perpetrators[0] if incident.perpetrators else None,
        "perpetrator_hedged": False,
        "targets": list(incident.targets),
        "casualties": [casualty],
    }


def _killed(incident: SyntheticIncident) -> tuple[int, int | None]:
    """The incident's range: lowest minimum to highest maximum; one open maximum keeps it open."""
    highs = [r.high for r in incident.reports]
    high = None if any(h is None for h in highs) else max(cast(int, h) for h in highs)
    return min(r.low for r in incident.reports), high


def rows(incident: SyntheticIncident) -> dict[str, list[dict[str, Any]]]:
    """The table rows of one incident, its reports and claims, by table name, ready for executemany.

    Built as plain dicts because ORM objects and validated records cost milliseconds each, which is
    an hour at a million incidents; a unit test checks these rows equal what ``civharm.store.convert``
    makes of the same records (``extractions`` and ``record``).
    """
    place = _PLACE_JSON[incident.place.geonameid, incident.place.precision]
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLE_ORDER}
    figures = []
    for copy, report in enumerate(incident.reports):
        text = _text(incident, copy)
        casualty = _casualty_json(report, text.casualty)
        attack_id = claim_id(report.sha256, ClaimKind.ATTACK, 0, Span(start=text.attack[0], end=text.attack[1]))
        casualty_id = claim_id(report.sha256, ClaimKind.CASUALTY, 0, Span(start=text.casualty[0], end=text.casualty[1]))
        out["reports"].append(
            {
                "sha256": report.sha256,
                "url": _url(incident, copy),
                "canonical_url": None,
                "title": _title(incident),
                "publisher": report.publisher,
                "author": None,
                "published": report.published,
                "origin": None,
                "language": "en",
                "media_type": "text/plain",
                "text": text.text,
                "captured_at": CAPTURED_AT,
                "captured_by": CAPTURED_BY,
            }
        )
        for claim, kind, span, parent, data in (
            (attack_id, ClaimKind.ATTACK, text.attack, None, _attack_json(incident, text, casualty, place)),
            (casualty_id, ClaimKind.CASUALTY, text.casualty, attack_id, casualty),
        ):
            out["claims"].append(
                {
                    "id": claim,
                    "report_sha256": report.sha256,
                    "kind": kind.value,
                    "idx": 0,
                    "start": span[0],
                    "end": span[1],
                    "parent_id": parent,
                    "data": data,
                    "incident_id": incident.id,
                }
            )
        out["incident_reports"].append({"incident_id": incident.id, "report_sha256": report.sha256})
        figures.append(
            {
                "report_sha256": report.sha256,
                "source": report.publisher,
                "group": casualty["group"],
                "outcome": casualty["outcome"],
                "min": report.low,
                "max": report.high,
                "words": report.words,
                "start": casualty["start"],
                "end": casualty["end"],
            }
        )
    low, high = _killed(incident)
    report_ids = [r.sha256 for r in incident.reports]
    data = {
        "id": incident.id,
        "date": _date_json(incident.date),
        "date_precision": None if incident.date is None else DatePrecision.DAY.value,
        "place": place,
        "attack_type": incident.attack_type.value,
        "perpetrators": list(incident.perpetrators),
        "targets": list(incident.targets),
        "civilians_killed": {"min": low, "max": high},
        "civilians_injured": None,
        "children_killed": None,
        "women_killed": None,
        "fighters_killed": None,
        "figures": figures,
        "report_ids": report_ids,
        "source_count": len(report_ids),
        "grade": incident.grade.value,
        "grade_rule": incident.grade_rule,
        "status": incident.status.value,
        "mentions": [[sha, 0] for sha in report_ids],
    }
    out["incidents"].append(
        {
            "id": incident.id,
            "date": incident.date,
            "date_precision": data["date_precision"],
            "place_name": place["name"],
            "geonameid": place["geonameid"],
            "lat": place["lat"],
            "lon": place["lon"],
            "country": place["country"],
            "admin1": place["admin1"],
            "admin2": place["admin2"],
            "place_precision": place["precision"],
            "attack_type": data["attack_type"],
            "perpetrators": data["perpetrators"],
            "targets": data["targets"],
            "civilians_killed_min": low,
            "civilians_killed_max": high,
            **{f"{name}_{end}": None for name in UNSET_FIGURES for end in ("min", "max")},
            "source_count": len(report_ids),
            "grade": data["grade"],
            "grade_rule": incident.grade_rule,
            "status": data["status"],
            "published_first": min(r.published for r in incident.reports),
            "published_last": max(r.published for r in incident.reports),
            "data": data,
            "created_at": CAPTURED_AT,
            "updated_at": CAPTURED_AT,
        }
    )
    pairs = terms.incident_terms(
        place["name"], place["admin1"], place["admin2"], place["country"], incident.perpetrators
    )
    out["incident_terms"] = [{"incident_id": incident.id, "kind": kind, "term": term} for kind, term in pairs]
    return out


def _url(incident: SyntheticIncident, copy: int) -> str:
    publisher = incident.reports[copy].publisher.lower().replace(" ", "-")
    return f"https://news.example.org/{publisher}/{incident.number}-{copy}"


def _title(incident: SyntheticIncident) -> str:
    return f"{incident.attack_type.value.capitalize()} on {incident.place.name}"


def extractions(incident: SyntheticIncident) -> tuple[Extraction, ...]:
    """The incident's reports as the extraction stage would give them (one attack mention each)."""
    place = incident.place
    out = []
    for copy, report in enumerate(incident.reports):
        text = _text(incident, copy)
        record = Report(
            sha256=report.sha256,
            url=_url(incident, copy),
            title=_title(incident),
            publisher=report.publisher,
            published=report.published,
            language="en",
            text=text.text,
            captured_at=CAPTURED_AT,
            captured_by=CAPTURED_BY,
        )
        casualty = Casualty.model_validate(_casualty_json(report, text.casualty))
        attack = AttackMention(
            start=text.attack[0],
            end=text.attack[1],
            attack_type=incident.attack_type,
            date=incident.date,
            date_precision=None if incident.date is None else DatePrecision.DAY,
            place=place,
            perpetrator=incident.perpetrators[0] if incident.perpetrators else None,
            targets=incident.targets,
            casualties=(casualty,),
        )
        out.append(Extraction(report=record, incidents=(attack,)))
    return tuple(out)


def record(incident: SyntheticIncident) -> Incident:
    """The incident as a validated record, from the same data ``rows`` stores."""
    return Incident.model_validate(rows(incident)["incidents"][0]["data"])


def generate(
    database: Database,
    count: int,
    seed: int = 1,
    batch: int = BATCH,
    progress: Callable[[int], None] | None = None,
    days: int = DAYS,
) -> Generated:
    """Write ``count`` synthetic incidents into a database without incidents, in one transaction;
    ``progress`` gets each batch's size as it is written."""
    if count < 0:
        raise CivharmError(f"the number of incidents must be 0 or more, not {count}")
    with database.engine.connect() as connection:
        if connection.scalar(select(func.count()).select_from(IncidentRow)):
            raise CivharmError(f"database {database.display_url} already has incidents: give an empty one")
    totals = dict.fromkeys(TABLE_ORDER, 0)
    vocabulary: set[tuple[str, str]] = set()

    def batches() -> Iterator[dict[str, list[dict[str, Any]]]]:
        items = synthetic_incidents(count, seed, days)
        while pending := list(itertools.islice(items, batch)):
            merged: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLE_ORDER}
            for item in pending:
                for name, values in rows(item).items():
                    merged[name].extend(values)
            yield merged
            for name in TABLE_ORDER:
                totals[name] += len(merged[name])
            vocabulary.update((row["kind"], row["term"]) for row in merged["incident_terms"])
            if progress is not None:
                progress(len(pending))

    # Every batch is millions of short-lived dicts with no cycles: the cycle collector would only rescan
    # them (a fifth of the run), so it is paused for the load.
    collecting = gc.isenabled()
    gc.disable()
    try:
        bulk.load(database, TABLE_ORDER, batches())
    finally:
        if collecting:
            gc.enable()
    _derive(database, vocabulary)
    return Generated(incidents=totals["incidents"], reports=totals["reports"], claims=totals["claims"])


def _derive(database: Database, vocabulary: set[tuple[str, str]]) -> None:
    """Fill the tables derived from the loaded incidents: the one place a new derived table is filled."""
    with database.write_engine.begin() as connection:
        terms.add_vocabulary(connection, sorted(vocabulary))
        summary.rebuild(connection)
