"""Hand-built records for the store tests: one report with every claim kind, and incidents.

The text is invented for these tests; every span is found in it, so the claims are anchored
the way the extractor anchors them.
"""

from __future__ import annotations

import datetime as dt
import hashlib

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
    PlacePrecision,
    Position,
    Report,
    SourceFigure,
    Stance,
    Status,
    Tally,
)

TEXT = (
    "At least 12 civilians, including four children, were killed on Tuesday when a suspected "
    "Russian air strike hit a market in Ariha, activists said. Shelling near Saraqib injured "
    "up to 30 people the next day. The Syrian Network for Human Rights says at least 200 "
    "civilians have been killed in Idlib province since Sept. 30. The defence ministry in Moscow "
    "denied the reports, calling them fake. Witnesses described the attack and video showed the "
    "aftermath. Amnesty said the strikes may amount to war crimes. "
    "Ḥalab residents fled — «لا أمان» 🙏"
)


def span(words: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def sha_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_report(text: str = TEXT, **overrides: object) -> Report:
    fields: dict[str, object] = {
        "sha256": sha_of(text),
        "url": "https://news.example.org/2015/10/ariha-market",
        "canonical_url": "https://news.example.org/ariha-market",
        "title": "Air strike on Ariha market",
        "publisher": "Example News",
        "author": "A. Reporter",
        "published": dt.date(2015, 10, 8),
        "origin": "Reuters",
        "language": "en",
        "text": text,
        "media_type": "text/html",
        "captured_at": dt.datetime(2025, 11, 25, 12, 30, 15, 123456, tzinfo=dt.UTC),
        "captured_by": "civharm 0.1.0",
    }
    fields.update(overrides)
    return Report.model_validate(fields)


def make_extraction(report: Report | None = None) -> Extraction:
    """A report with two attacks (three casualty figures), a tally, a position, evidence,
    a legal characterisation and three place mentions."""
    report = report or make_report()
    text = report.text
    killed = Casualty(
        start=span("At least 12 civilians", text)[0],
        end=span("At least 12 civilians", text)[1],
        group=Group.CIVILIANS,
        outcome=Outcome.KILLED,
        min=12,
        max=None,
        words="At least 12",
        source="activists",
    )
    children = Casualty(
        start=span("four children", text)[0],
        end=span("four children", text)[1],
        group=Group.CHILDREN,
        outcome=Outcome.KILLED,
        min=4,
        max=4,
        words="four",
    )
    injured = Casualty(
        start=span("up to 30 people", text)[0],
        end=span("up to 30 people", text)[1],
        group=Group.UNKNOWN,
        outcome=Outcome.INJURED,
        min=1,
        max=30,
        words="up to 30",
    )
    strike = AttackMention(
        start=0,
        end=span("activists said.", text)[1],
        attack_type=AttackType.AIR_STRIKE,
        date=dt.date(2015, 10, 6),
        date_precision=DatePrecision.DAY,
        place=Place(
            name="Ariha",
            geonameid=172_515,
            lat=35.8134,
            lon=36.6105,
            country="SY",
            admin1="Idlib",
            admin2="Ariha District",
            feature="city",
            precision=PlacePrecision.EXACT,
        ),
        perpetrator="Russia",
        perpetrator_hedged=True,
        targets=("market",),
        casualties=(killed, children),
    )
    shelling = AttackMention(
        start=span("Shelling near Saraqib", text)[0],
        end=span("the next day.", text)[1],
        attack_type=AttackType.SHELLING,
        date=dt.date(2015, 10, 7),
        date_precision=DatePrecision.DAY,
        place=Place(name="Saraqib", country="SY", admin1="Idlib", precision=PlacePrecision.NEAR),
        casualties=(injured,),
    )
    tally_span = span("at least 200 civilians have been killed in Idlib province since Sept. 30", text)
    tally = Tally(
        start=tally_span[0],
        end=tally_span[1],
        source="Syrian Network for Human Rights",
        group=Group.CIVILIANS,
        outcome=Outcome.KILLED,
        min=200,
        max=None,
        words="at least 200",
        period_start=dt.date(2015, 9, 30),
        period_end=dt.date(2015, 10, 8),
        period_precision=DatePrecision.RANGE,
        perpetrator="Russia",
    )
    denial_span = span("The defence ministry in Moscow denied the reports, calling them fake.", text)
    denial = Position(
        start=denial_span[0],
        end=denial_span[1],
        party="Russia",
        speaker=None,
        role="defence ministry",
        stance=Stance.DENIES,
        words="denied the reports, calling them fake",
    )
    witnesses = EvidenceMention(
        start=span("Witnesses", text)[0], end=span("Witnesses", text)[1], type="witness interviews"
    )
    video = EvidenceMention(start=span("video", text)[0], end=span("video", text)[1], type="video")
    legal_span = span("may amount to war crimes", text)
    legal = LegalMention(start=legal_span[0], end=legal_span[1], words="may amount to war crimes", by="Amnesty")
    places = tuple(
        PlaceMention(
            start=span(name, text)[0],
            end=span(name, text)[1],
            name=name,
            geonameid=geonameid,
            lat=lat,
            lon=lon,
            country="SY" if geonameid else None,
            feature="city" if geonameid else None,
        )
        for name, geonameid, lat, lon in (
            ("Ariha", 172_515, 35.8134, 36.6105),
            ("Saraqib", 163_806, 35.8644, 36.8064),
            ("Ḥalab", None, None, None),
        )
    )
    return Extraction(
        report=report,
        incidents=(strike, shelling),
        tallies=(tally,),
        positions=(denial,),
        evidence=(witnesses, video),
        legal=(legal,),
        places=places,
    )


def make_incident(
    incident_id: str,
    mentions: tuple[tuple[str, int], ...],
    **overrides: object,
) -> Incident:
    """An Ariha-like incident; ``overrides`` change any field."""
    reports = tuple(dict.fromkeys(sha for sha, _ in mentions))
    fields: dict[str, object] = {
        "id": incident_id,
        "date": dt.date(2015, 10, 6),
        "date_precision": DatePrecision.DAY,
        "place": Place(name="Ariha", geonameid=172_515, lat=35.8134, lon=36.6105, country="SY", admin1="Idlib"),
        "attack_type": AttackType.AIR_STRIKE,
        "perpetrators": ("Russia",),
        "targets": ("market",),
        "civilians_killed": Figure(min=12, max=None),
        "children_killed": Figure(min=4, max=4),
        "figures": tuple(
            SourceFigure(
                report_sha256=sha,
                source="activists",
                group=Group.CIVILIANS,
                outcome=Outcome.KILLED,
                min=12,
                max=None,
                words="At least 12",
                start=0,
                end=21,
            )
            for sha in reports
        ),
        "report_ids": reports,
        "source_count": len(reports),
        "grade": Grade.WEAK,
        "grade_rule": "one independent source",
        "status": Status.DRAFT,
        "mentions": mentions,
    }
    fields.update(overrides)
    return Incident.model_validate(fields)
