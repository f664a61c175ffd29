"""The Store: exact round trips, one report per sha256, incidents, their filters and claims."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from civharm.errors import CivharmError, NotFoundError
from civharm.records import (
    AttackMention,
    Casualty,
    EvidenceMention,
    Extraction,
    Grade,
    Incident,
    LegalMention,
    Place,
    Position,
    Status,
    Tally,
)
from civharm.store import ClaimKind, Counts, IncidentFilter, Run, RunFailure, Store
from civharm.store.models import ClaimRow, IncidentReportRow
from tests.store.factory import TEXT, make_extraction, make_incident, make_report

OTHER_TEXT = TEXT.replace("on Tuesday", "on Monday")  # a second report: other bytes, same claim spans


def _second_extraction(published: dt.date = dt.date(2022, 3, 1)) -> Extraction:
    report = make_report(
        OTHER_TEXT,
        published=published,
        title="Kramatorsk school",
        origin=None,
        captured_at=dt.datetime(2025, 11, 26, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=3))),
    )
    return make_extraction(report).model_copy(update={"tallies": (), "legal": (), "places": ()})


def test_extraction_round_trip_is_exact(store: Store) -> None:
    extraction = make_extraction()
    assert store.add_extraction(extraction) is True
    assert store.has_report(extraction.report.sha256)
    back = store.extraction(extraction.report.sha256)
    assert back == extraction
    assert back.model_dump(mode="json") == extraction.model_dump(mode="json")
    assert back.report.text == TEXT  # non-ASCII text and emoji kept byte for byte
    assert store.report(extraction.report.sha256) == extraction.report
    assert list(store.extractions()) == [extraction]


def test_claims_are_stored_one_row_each_with_stable_ids(store: Store) -> None:
    extraction = make_extraction()
    store.add_extraction(extraction)
    # 2 attacks + 3 casualties + 1 tally + 1 position + 2 evidence + 1 legal + 3 places
    assert store.counts() == Counts(reports=1, claims=13, incidents=0)
    with store.database.engine.connect() as connection:
        rows = connection.execute(select(ClaimRow.kind, ClaimRow.idx, ClaimRow.id, ClaimRow.parent_id)).all()
    kinds = sorted((kind, idx) for kind, idx, _, _ in rows)
    assert ("casualty", 2) in kinds and ("attack", 1) in kinds and ("place", 2) in kinds
    attack_ids = {idx: claim_id for kind, idx, claim_id, _ in rows if kind == "attack"}
    parents = [parent for kind, _, _, parent in sorted(rows, key=lambda r: (r[0], r[1])) if kind == "casualty"]
    assert parents == [attack_ids[0], attack_ids[0], attack_ids[1]]
    assert len({claim_id for _, _, claim_id, _ in rows}) == 13


def test_same_report_twice_is_one_report(store: Store) -> None:
    extraction = make_extraction()
    assert store.add_extraction(extraction) is True
    before = store.counts()
    changed = extraction.model_copy(update={"tallies": ()})  # same bytes, different extraction
    assert store.add_extraction(changed) is False
    assert store.counts() == before
    assert store.extraction(extraction.report.sha256) == extraction


def test_extractions_come_oldest_capture_first(store: Store) -> None:
    second = _second_extraction()
    first = make_extraction()
    store.add_extraction(second)
    store.add_extraction(first)
    assert [e.report.sha256 for e in store.extractions()] == [first.report.sha256, second.report.sha256]
    # captured at +03:00: the same instant comes back, in UTC
    assert store.report(second.report.sha256).captured_at == dt.datetime(2025, 11, 26, 5, 0, tzinfo=dt.UTC)


def test_unknown_report_is_not_found(store: Store) -> None:
    assert not store.has_report("0" * 64)
    with pytest.raises(NotFoundError, match="no report"):
        store.report("0" * 64)
    with pytest.raises(NotFoundError):
        store.extraction("0" * 64)


def test_nul_in_text_is_refused_on_every_backend(store: Store) -> None:
    report = make_report("a\x00b")
    with pytest.raises(CivharmError, match="NUL"):
        store.add_extraction(Extraction(report=report))
    assert store.counts().reports == 0


def test_tallies_and_positions_come_with_their_reports(store: Store) -> None:
    extraction = make_extraction()
    store.add_extraction(extraction)
    store.add_extraction(_second_extraction())
    tallies = store.tallies()
    assert [(r.sha256, t) for r, t in tallies] == [(extraction.report.sha256, extraction.tallies[0])]
    assert isinstance(tallies[0][1], Tally) and tallies[0][0] == extraction.report
    positions = store.positions()
    assert len(positions) == 2
    # newest publication first: the 2022 report, then the 2015 one
    assert [r.published for r, _ in positions] == [dt.date(2022, 3, 1), dt.date(2015, 10, 8)]
    assert all(isinstance(p, Position) for _, p in positions)


def _stored_pair(store: Store) -> tuple[str, str]:
    first, second = make_extraction(), _second_extraction()
    store.add_extraction(first)
    store.add_extraction(second)
    return first.report.sha256, second.report.sha256


def _four_incidents(a: str, b: str) -> list[Incident]:
    return [
        make_incident("ariha", ((a, 0),), grade=Grade.FAIR, status=Status.PUBLISHED),
        make_incident(
            "saraqib",
            ((a, 1),),
            date=dt.date(2015, 10, 7),
            place=Place(name="Saraqib", country="SY", admin1="Idlib"),
            perpetrators=("Syrian government forces",),
        ),
        make_incident(
            "kramatorsk",
            ((b, 0),),
            date=dt.date(2022, 2, 28),
            place=Place(name="Kramatorsk", country="UA", admin1="Donetsk Oblast"),
            perpetrators=("Russian Armed Forces",),
            grade=Grade.CONFIRMED,
            status=Status.IN_REVIEW,
        ),
        make_incident("undated", (), date=None, date_precision=None, place=None, perpetrators=()),
    ]


def test_replace_incidents_round_trip_and_links(store: Store) -> None:
    a, b = _stored_pair(store)
    incidents = _four_incidents(a, b)
    store.replace_incidents(incidents)
    assert store.counts().incidents == 4
    for incident in incidents:
        assert store.incident(incident.id) == incident
    # newest first, undated last
    assert [i.id for i in store.incidents()] == ["kramatorsk", "saraqib", "ariha", "undated"]
    claims = store.incident_claims("ariha")
    kinds = [kind for kind, _ in claims]
    assert kinds == ["attack", "casualty", "casualty", "position", "evidence", "evidence", "legal"]
    extraction = store.extraction(a)
    assert claims[0][1] == extraction.incidents[0]
    assert [c for _, c in claims[1:3]] == list(extraction.incidents[0].casualties)
    assert isinstance(claims[4][1], EvidenceMention) and isinstance(claims[6][1], LegalMention)
    saraqib = store.incident_claim_rows("saraqib")
    assert [(c.kind, c.index) for c in saraqib][:2] == [(ClaimKind.ATTACK, 1), (ClaimKind.CASUALTY, 2)]
    assert saraqib[0].incident_id == "saraqib" and saraqib[0].report_sha256 == a
    assert isinstance(saraqib[0].claim, AttackMention) and isinstance(saraqib[1].claim, Casualty)
    assert store.incident_claims("undated") == []


def test_replace_incidents_replaces_links_and_keeps_created_at(store: Store) -> None:
    a, b = _stored_pair(store)
    store.replace_incidents(_four_incidents(a, b))
    with store.database.engine.connect() as connection:
        first_created = connection.exec_driver_sql("SELECT created_at FROM incidents WHERE id = 'ariha'").scalar()
    # relink: one incident now holds both Idlib attacks, the others are gone
    merged = make_incident("ariha", ((a, 0), (a, 1)), grade=Grade.FAIR)
    store.replace_incidents([merged])
    assert [i.id for i in store.incidents()] == ["ariha"]
    assert store.incident("ariha") == merged
    with store.database.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT created_at FROM incidents WHERE id = 'ariha'").scalar() == (
            first_created
        )
        linked = connection.execute(select(ClaimRow.incident_id).where(ClaimRow.incident_id.is_not(None))).all()
        assert len(linked) == 5 and {row[0] for row in linked} == {"ariha"}  # 2 attacks + 3 casualties
        pairs = connection.execute(select(IncidentReportRow.incident_id, IncidentReportRow.report_sha256)).all()
        assert pairs == [("ariha", a)]
    with pytest.raises(NotFoundError):
        store.incident("kramatorsk")
    store.replace_incidents([])
    assert store.counts().incidents == 0


def test_replace_incidents_with_unknown_mention_changes_nothing(store: Store) -> None:
    a, b = _stored_pair(store)
    store.replace_incidents(_four_incidents(a, b))
    before = store.incidents()
    with pytest.raises(NotFoundError, match="mentions attack 7"):
        store.replace_incidents([make_incident("bad", ((a, 7),))])
    with pytest.raises(NotFoundError, match="links report"):
        store.replace_incidents([make_incident("bad", (), report_ids=("f" * 64,))])
    with pytest.raises(CivharmError, match="linked to two incidents"):
        store.replace_incidents([make_incident("x", ((a, 0),)), make_incident("y", ((a, 0),))])
    with pytest.raises(CivharmError, match="appears twice"):
        store.replace_incidents([make_incident("x", ((a, 0),)), make_incident("x", ((a, 1),))])
    assert store.incidents() == before
    assert [kind for kind, _ in store.incident_claims("ariha")][:1] == ["attack"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (IncidentFilter(), ["kramatorsk", "saraqib", "ariha", "undated"]),
        (IncidentFilter(date_from=dt.date(2015, 10, 7)), ["kramatorsk", "saraqib"]),
        (IncidentFilter(date_to=dt.date(2015, 10, 6)), ["ariha"]),
        (IncidentFilter(date_from=dt.date(2015, 1, 1), date_to=dt.date(2015, 12, 31)), ["saraqib", "ariha"]),
        (IncidentFilter(place="idlib"), ["saraqib", "ariha"]),
        (IncidentFilter(place="ARIHA"), ["ariha"]),
        (IncidentFilter(place="ua"), ["kramatorsk"]),
        (IncidentFilter(place="donetsk"), ["kramatorsk"]),
        (IncidentFilter(place="Aleppo"), []),
        (IncidentFilter(perpetrator="russia"), ["kramatorsk", "ariha"]),
        (IncidentFilter(perpetrator="government"), ["saraqib"]),
        (IncidentFilter(grade=Grade.FAIR), ["ariha"]),
        (IncidentFilter(grade=Grade.WEAK), ["saraqib", "undated"]),
        (IncidentFilter(status=Status.IN_REVIEW), ["kramatorsk"]),
        (IncidentFilter(status=Status.DRAFT, place="sy"), ["saraqib"]),
        (IncidentFilter(limit=2), ["kramatorsk", "saraqib"]),
        (IncidentFilter(limit=2, offset=2), ["ariha", "undated"]),
        (IncidentFilter(perpetrator="russia", limit=1, offset=1), ["ariha"]),
        (IncidentFilter(limit=0), []),
    ],
)
def test_incident_filters(store: Store, filters: IncidentFilter, expected: list[str]) -> None:
    a, b = _stored_pair(store)
    store.replace_incidents(_four_incidents(a, b))
    assert [incident.id for incident in store.incidents(filters)] == expected


def test_filter_takes_grade_and_status_as_words() -> None:
    words = IncidentFilter(grade="fair", status=" Published ")
    assert words == IncidentFilter(grade=Grade.FAIR, status=Status.PUBLISHED)
    assert IncidentFilter(status="in review").status is Status.IN_REVIEW


def test_bad_filter_values_are_one_line_errors() -> None:
    with pytest.raises(CivharmError, match="unknown grade 'Excellent': use one of Confirmed, Fair"):
        IncidentFilter(grade="Excellent")
    with pytest.raises(CivharmError, match="unknown status"):
        IncidentFilter(status="archived")
    with pytest.raises(CivharmError, match="limit"):
        IncidentFilter(limit=-1)
    with pytest.raises(CivharmError, match="offset"):
        IncidentFilter(offset=-5)


def test_unknown_incident_is_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError, match="no incident 'nope'"):
        store.incident("nope")
    with pytest.raises(NotFoundError):
        store.incident_claims("nope")


def test_runs_are_recorded_newest_first(store: Store) -> None:
    start = dt.datetime(2025, 11, 25, 10, 0, tzinfo=dt.UTC)
    first = store.record_run(Run(start, start + dt.timedelta(minutes=3), inputs=31, ok=31, failed=0))
    failures = (RunFailure("missing.html", "no such file"), RunFailure("https://x.test/a", "HTTP 404"))
    second = store.record_run(Run(start + dt.timedelta(hours=1), None, inputs=5, ok=3, failed=2, failures=failures))
    assert first.id is not None and second.id is not None and second.id > first.id
    assert store.runs() == [second, first]
    assert store.runs(limit=1) == [second]
    assert store.runs()[0].failures == failures
