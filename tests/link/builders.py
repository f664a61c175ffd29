"""Hand-built records for link, assess and publish tests (extraction is another stage's job)."""

from __future__ import annotations

import datetime as dt
import hashlib
import random

from civharm.records import (
    AttackMention,
    AttackType,
    Casualty,
    DatePrecision,
    Extraction,
    Group,
    Incident,
    Outcome,
    Place,
    PlacePrecision,
    Position,
    Report,
    Stance,
)

# Coordinates from GeoNames (cities1000); ids are GeoNames ids where the test relies on none in particular.
ARIHA = Place(name="Ariha", geonameid=173193, lat=35.81374, lon=36.60964, country="SY", admin1="12")
ARIHA_OUTSKIRTS = Place(
    name="Ariha", lat=35.8200, lon=36.6200, country="SY", admin1="12", precision=PlacePrecision.NEAR
)
SARAQIB = Place(name="Saraqib", geonameid=164816, lat=35.86447, lon=36.80591, country="SY", admin1="12")
HOMS = Place(name="Homs", geonameid=169577, lat=34.72682, lon=36.72339, country="SY", admin1="11")
IDLIB_PROVINCE = Place(
    name="Idlib Governorate",
    geonameid=169388,
    lat=35.75,
    lon=36.5,
    country="SY",
    admin1="12",
    feature="admin1",
    precision=PlacePrecision.ADMIN1,
)
SYRIA = Place(name="Syria", geonameid=163843, country="SY", feature="country", precision=PlacePrecision.COUNTRY)
KHARKIV = Place(name="Kharkiv", geonameid=706483, lat=49.98177, lon=36.25475, country="UA", admin1="07")
EL_FASHER = Place(name="El Fasher", geonameid=379555, lat=13.62793, lon=25.34936, country="SD", admin1="55")
NO_COORDS = Place(name="Somewhere", country="SY", admin1="12")

DAY1 = dt.date(2024, 3, 10)
CAPTURED = dt.datetime(2024, 3, 12, 8, 0, tzinfo=dt.UTC)
_VOCAB = [
    *("market", "town", "strike", "people", "said", "officials", "residents", "morning", "building"),
    *("street", "city", "rescue", "hospital", "after", "before", "during", "witnesses", "local"),
    *("region", "north", "south", "family", "children", "night", "the", "a", "of", "on", "in", "and"),
    *("was", "were", "had", "by", "from", "with", "at", "for"),
]


def filler(seed: str, words: int = 120) -> str:
    """Distinct prose-like text per seed, so unrelated test reports are never near-duplicates and their
    leads share few words (every third word is made up, like the names and places of a real story)."""
    rng = random.Random(seed)

    def made_up() -> str:
        return "".join(rng.choice("bdfgklmnprstvz") + rng.choice("aeiou") for _ in range(3))

    return " ".join(made_up() if n % 3 == 2 else rng.choice(_VOCAB) for n in range(words)) + "."


def sha(name: str) -> str:
    return hashlib.sha256(name.encode()).hexdigest()


def report(
    name: str,
    *,
    text: str | None = None,
    published: dt.date | None = DAY1,
    publisher: str | None = None,
    origin: str | None = None,
    title: str | None = None,
) -> Report:
    """A report named ``name`` (its sha256 is the digest of the name)."""
    return Report(
        sha256=sha(name),
        url=f"https://{(publisher or name).lower().replace(' ', '-')}.example.org/{name}",
        title=title or f"Title of {name}",
        publisher=publisher or name,
        origin=origin,
        published=published,
        text=text if text is not None else filler(name),
        captured_at=CAPTURED,
        captured_by="tests",
    )


def killed(
    low: int,
    high: int | None,
    *,
    group: Group = Group.CIVILIANS,
    outcome: Outcome = Outcome.KILLED,
    start: int = 0,
    source: str | None = None,
    words: str | None = None,
) -> Casualty:
    return Casualty(
        start=start,
        end=start + 10,
        group=group,
        outcome=outcome,
        min=low,
        max=high,
        words=words or f"{low}-{high}",
        source=source,
    )


def attack(
    date: dt.date | None = DAY1,
    place: Place | None = ARIHA,
    *,
    kind: AttackType = AttackType.AIR_STRIKE,
    start: int = 0,
    end: int | None = None,
    precision: DatePrecision | None = DatePrecision.DAY,
    perpetrator: str | None = "Russia",
    casualties: tuple[Casualty, ...] = (),
    targets: tuple[str, ...] = (),
) -> AttackMention:
    return AttackMention(
        start=start,
        end=end if end is not None else start + 20,
        attack_type=kind,
        date=date,
        date_precision=precision if date is not None else None,
        place=place,
        perpetrator=perpetrator,
        casualties=casualties,
        targets=targets,
    )


def position(stance: Stance, party: str = "Russia", start: int = 0) -> Position:
    return Position(start=start, end=start + 10, party=party, stance=stance, words=f"{party} {stance}")


def extraction(rep: Report, *mentions: AttackMention, positions: tuple[Position, ...] = ()) -> Extraction:
    return Extraction(report=rep, incidents=mentions, positions=positions)


def days(n: int) -> dt.date:
    return DAY1 + dt.timedelta(days=n)


def incident_of(incidents: list[Incident], report_sha: str) -> Incident:
    """The one incident that links ``report_sha`` (fails the test if not exactly one)."""
    found = [i for i in incidents if report_sha in i.report_ids]
    assert len(found) == 1, found
    return found[0]
