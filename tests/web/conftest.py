"""A real store, on the session's backend (tests/backend.py), filled through the real Store API with
hand-written reports and incidents.

The texts are our own, written for these tests (not the third-party samples), so every span
offset is computed here from the words it marks and cannot drift.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from civharm.records import (
    AttackMention,
    AttackType,
    Casualty,
    DatePrecision,
    EvidenceMention,
    Extraction,
    Figure,
    Grade,
    Group,
    Incident,
    LegalMention,
    Outcome,
    Place,
    PlaceMention,
    Position,
    Report,
    SourceFigure,
    Stance,
    Status,
    Tally,
)
from civharm.store.db import open_database
from civharm.store.repository import Store
from civharm.web.app import create_app
from tests.backend import settings_for

SHA_A = "a" * 64
SHA_B = "b" * 64
SHA_C = "c" * 64

TEXT_A = (
    "Russian jets struck a crowded market in Ariha on Sunday, killing at least 44 civilians, "
    "including seven children, activists said. "
    "The Russian Defense Ministry denied the report, calling it fake information. "
    "Amnesty International said Russian air strikes had killed at least 200 civilians up to Nov. 29. "
    "Such attacks may amount to war crimes, Amnesty said, citing interviews with witnesses."
)
TEXT_B = "Syrian activists said 60 civilians died when warplanes hit the market in Ariha on Nov. 29."
XSS_TITLE = "<b>Bold</b> title"
TEXT_C = (
    "<script>alert(1)</script> An air strike hit Maskaneh <img src=x onerror=alert(2)> "
    "and killed 12 civilians & one fighter."
)

CAPTURED = dt.datetime(2015, 12, 1, 12, 0, tzinfo=dt.UTC)
ARIHA = Place(name="Ariha", geonameid=170017, lat=35.8135, lon=36.6068, country="SY", admin1="Idlib")
MASKANEH = Place(name="Maskaneh", geonameid=166000, lat=35.96, lon=38.03, country="SY", admin1="Aleppo")


def at(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _report(sha: str, text: str, **meta: object) -> Report:
    return Report(sha256=sha, text=text, captured_at=CAPTURED, captured_by="civharm tests", **meta)


def extraction_a() -> Extraction:
    t = TEXT_A
    s44, e44 = at(t, "at least 44")
    s7, e7 = at(t, "seven children")
    sa, ea = at(t, "Russian jets struck a crowded market in Ariha on Sunday")
    killed44 = Casualty(
        start=s44,
        end=e44,
        group=Group.CIVILIANS,
        outcome=Outcome.KILLED,
        min=44,
        max=None,
        words="at least 44",
    )
    kids = Casualty(
        start=s7, end=e7, group=Group.CHILDREN, outcome=Outcome.KILLED, min=7, max=7, words="seven children"
    )
    attack = AttackMention(
        start=sa,
        end=ea,
        attack_type=AttackType.AIR_STRIKE,
        date=dt.date(2015, 11, 29),
        date_precision=DatePrecision.DAY,
        place=ARIHA,
        perpetrator="Russia",
        targets=("market",),
        casualties=(killed44, kids),
    )
    sp, ep = at(t, "The Russian Defense Ministry denied the report")
    st, et = at(t, "at least 200 civilians")
    sl, el = at(t, "may amount to war crimes")
    sw, ew = at(t, "interviews with witnesses")
    sx, ex = at(t, "Ariha")
    return Extraction(
        report=_report(
            SHA_A,
            t,
            title="Market strike in Ariha",
            publisher="Example News",
            published=dt.date(2015, 11, 30),
            origin="Reuters",
            url="https://example.org/ariha",
        ),
        incidents=(attack,),
        tallies=(
            Tally(
                start=st,
                end=et,
                source="Amnesty International",
                group=Group.CIVILIANS,
                outcome=Outcome.KILLED,
                min=200,
                max=None,
                words="at least 200",
                period_start=dt.date(2015, 9, 30),
                period_end=dt.date(2015, 11, 29),
                perpetrator="Russia",
            ),
        ),
        positions=(
            Position(
                start=sp,
                end=ep,
                party="Russian Defense Ministry",
                speaker="Igor Konashenkov",
                role="spokesman",
                stance=Stance.DENIES,
                words="denied the report",
            ),
        ),
        evidence=(EvidenceMention(start=sw, end=ew, type="witness interviews"),),
        legal=(LegalMention(start=sl, end=el, words="may amount to war crimes", by="Amnesty International"),),
        places=(
            PlaceMention(start=sx, end=ex, name="Ariha", geonameid=170017, lat=35.8135, lon=36.6068, country="SY"),
        ),
    )


def extraction_b() -> Extraction:
    t = TEXT_B
    s, _ = at(t, "60 civilians")
    sa, ea = at(t, "warplanes hit the market in Ariha on Nov. 29")
    killed = Casualty(start=s, end=s + 2, group=Group.CIVILIANS, outcome=Outcome.KILLED, min=60, max=60, words="60")
    attack = AttackMention(
        start=sa,
        end=ea,
        attack_type=AttackType.AIR_STRIKE,
        date=dt.date(2015, 11, 29),
        date_precision=DatePrecision.DAY,
        place=ARIHA,
        casualties=(killed,),
    )
    return Extraction(
        report=_report(SHA_B, t, title="Sixty dead in Ariha", publisher="Other Wire", published=dt.date(2015, 11, 29)),
        incidents=(attack,),
    )


def extraction_c() -> Extraction:
    t = TEXT_C
    s, _ = at(t, "12 civilians")
    sa, _ = at(t, "An air strike hit Maskaneh")
    sf, ef = at(t, "one fighter")
    killed = Casualty(start=s, end=s + 2, group=Group.CIVILIANS, outcome=Outcome.KILLED, min=12, max=12, words="12")
    fighter = Casualty(start=sf, end=ef, group=Group.FIGHTERS, outcome=Outcome.KILLED, min=1, max=1, words="one")
    # a span crossing the <img> markup on purpose: marks must stay balanced around escaped text
    attack = AttackMention(
        start=sa,
        end=at(t, "onerror=alert(2)>")[1],
        attack_type=AttackType.AIR_STRIKE,
        date=dt.date(2015, 12, 15),
        date_precision=DatePrecision.MONTH,
        place=MASKANEH,
        perpetrator="Syrian government",
        casualties=(killed, fighter),
    )
    return Extraction(
        report=_report(
            SHA_C, t, title=XSS_TITLE, publisher="<i>Evil</i> Press", url="javascript:alert(3)", language="en"
        ),
        incidents=(attack,),
    )


def _figure(ex: Extraction, casualty: Casualty, source: str) -> SourceFigure:
    return SourceFigure(
        report_sha256=ex.report.sha256,
        source=source,
        group=casualty.group,
        outcome=casualty.outcome,
        min=casualty.min,
        max=casualty.max,
        words=casualty.words,
        start=casualty.start,
        end=casualty.end,
    )


def incidents(a: Extraction, b: Extraction, c: Extraction) -> list[Incident]:
    a44 = a.incidents[0].casualties[0]
    b60 = b.incidents[0].casualties[0]
    c12 = c.incidents[0].casualties[0]
    ariha = Incident(
        id="ariha-2015-11-29",
        date=dt.date(2015, 11, 29),
        date_precision=DatePrecision.DAY,
        place=ARIHA,
        attack_type=AttackType.AIR_STRIKE,
        perpetrators=("Russia",),
        targets=("market",),
        civilians_killed=Figure(min=44, max=60),
        children_killed=Figure(min=7, max=7),
        figures=(_figure(a, a44, "Example News"), _figure(b, b60, "Other Wire")),
        report_ids=(SHA_A, SHA_B),
        source_count=2,
        grade=Grade.FAIR,
        grade_rule="two or more independent sources",
        status=Status.PUBLISHED,
        mentions=((SHA_A, 0), (SHA_B, 0)),
    )
    maskaneh = Incident(
        id="maskaneh-2015-12",
        date=dt.date(2015, 12, 15),
        date_precision=DatePrecision.MONTH,
        place=MASKANEH,
        attack_type=AttackType.AIR_STRIKE,
        perpetrators=("Syrian government",),
        civilians_killed=Figure(min=12, max=12),
        fighters_killed=Figure(min=1, max=1),
        figures=(_figure(c, c12, "<i>Evil</i> Press"),),
        report_ids=(SHA_C,),
        source_count=1,
        grade=Grade.WEAK,
        grade_rule="one independent source",
        mentions=((SHA_C, 0),),
    )
    undated = Incident(
        id="undated-contested",
        date=None,
        date_precision=None,
        place=None,
        attack_type=AttackType.SHELLING,
        perpetrators=("Russia", "US-led coalition"),
        report_ids=(SHA_C,),
        source_count=1,
        grade=Grade.CONTESTED,
        grade_rule="more than one party alleged",
    )
    return [ariha, maskaneh, undated]


@dataclass(frozen=True)
class World:
    store: Store
    client: TestClient
    a: Extraction
    b: Extraction
    c: Extraction


@pytest.fixture(scope="session")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """One filled store and app for the read-only tests (the app never writes)."""
    home = tmp_path_factory.mktemp("civharm-web")
    settings = settings_for(home)
    database = open_database(settings.database_url)
    store = Store(database)
    a, b, c = extraction_a(), extraction_b(), extraction_c()
    for ex in (a, b, c):
        assert store.add_extraction(ex)
    store.replace_incidents(incidents(a, b, c))
    with TestClient(create_app(store, settings)) as client:
        yield World(store, client, a, b, c)
    database.close()


@pytest.fixture
def empty_client(tmp_path: Path) -> Iterator[TestClient]:
    settings = settings_for(tmp_path)
    database = open_database(settings.database_url)
    with TestClient(create_app(Store(database), settings)) as client:
        yield client
    database.close()
