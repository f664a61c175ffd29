"""The incident summary: after every kind of write it holds exactly what a rebuild from the incidents gives,
and tallies and the timeline read off it equal the full computation over the stored incidents."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from civharm.publish import tally as tally_module
from civharm.publish.tally import TallyBy, TallyResult, stored_tally, tally
from civharm.records import AttackType, Figure, Grade, Incident, Status
from civharm.store import Database, Store, summary
from civharm.store.desk import Change, DeskStore
from civharm.store.repository import IncidentFilter
from civharm.web import timeline

FIRST = dt.date(2024, 1, 1)
BYS: list[TallyBy | None] = [None, "perpetrator", "month", "grade"]
# Filters the summary answers (status, grade, whole months or whole weeks) and ones it leaves to the incidents.
ANSWERED = [
    IncidentFilter(),
    IncidentFilter(status="published"),
    IncidentFilter(grade="Fair", status="draft"),
    IncidentFilter(date_from=dt.date(2024, 2, 1), date_to=dt.date(2024, 3, 31)),
    IncidentFilter(date_to=dt.date(2024, 2, 29)),
    IncidentFilter(date_from=dt.date(2024, 1, 29), date_to=dt.date(2024, 3, 10)),  # Monday to Sunday
    IncidentFilter(status="published", limit=0),
]
NOT_ANSWERED = [
    IncidentFilter(date_from=dt.date(2024, 2, 3)),
    IncidentFilter(perpetrator="russia"),
    IncidentFilter(place="ariha"),
]


def _incident(
    iid: str,
    grade: Grade = Grade.FAIR,
    status: Status = Status.DRAFT,
    date: dt.date | None = FIRST,
    perpetrators: tuple[str, ...] = ("Russia",),
    killed: Figure | None = None,
    injured: Figure | None = None,
) -> Incident:
    return Incident(
        id=iid,
        date=date,
        date_precision=None,
        place=None,
        attack_type=AttackType.AIR_STRIKE,
        perpetrators=perpetrators,
        civilians_killed=killed,
        civilians_injured=injured,
        grade=grade,
        status=status,
    )


VARIED = [
    _incident("a", killed=Figure(min=7, max=60), injured=Figure(min=1, max=None)),
    _incident("b", Grade.CONFIRMED, Status.PUBLISHED, dt.date(2024, 1, 31), ("RSF",), Figure(min=3, max=3)),
    _incident("c", Grade.WEAK, Status.PUBLISHED, dt.date(2024, 2, 1), (), Figure(min=200, max=None)),
    _incident("d", Grade.CONTESTED, Status.IN_REVIEW, dt.date(2024, 2, 29), ("Russia", "Syria")),
    _incident("e", Grade.FAIR, Status.PUBLISHED, None, (), Figure(min=44, max=None)),
    _incident("f", Grade.DISCOUNTED, Status.DRAFT, dt.date(2024, 6, 30), ("Syria", "Russia"), Figure(min=0, max=0)),
    _incident("g", Grade.FAIR, Status.PUBLISHED, dt.date(2024, 3, 4), ("RSF",), Figure(min=1, max=9)),
]


def _summary_rows(database: Database) -> list[tuple[Any, ...]]:
    with database.engine.connect() as connection:
        return sorted(tuple(row) for row in connection.execute(select(summary.IncidentSummaryRow.__table__)))


def _without_ids(result: TallyResult) -> TallyResult:
    def bare(rows: tuple[tally_module.TallyRow, ...]) -> tuple[tally_module.TallyRow, ...]:
        return tuple(dataclasses.replace(r, incident_ids=()) for r in rows)

    return dataclasses.replace(
        result,
        headline=bare(result.headline),
        other=bare(result.other),
        headline_total=bare((result.headline_total,))[0],
        other_total=bare((result.other_total,))[0],
        ids_listed=False,
    )


def _assert_in_step(store: Store, filters: list[IncidentFilter], bys: list[TallyBy | None]) -> None:
    """The kept summary is the rebuilt one, and what is read off it is the full computation."""
    kept = _summary_rows(store.database)
    with store.database.write_engine.begin() as connection:
        summary.rebuild(connection)
    assert kept == _summary_rows(store.database)
    for f in filters:
        incidents = store.incidents(f)
        for by in bys:
            assert stored_tally(store, f, by) == _without_ids(tally(incidents, by)), (f, by)
        assert timeline.build(*timeline.stored_cells(store, f)) == timeline.build(*timeline.cells(incidents)), f


@pytest.fixture(autouse=True)
def _sums_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small tallies list their ids from a per-incident query; here every tally is the summary's sums."""
    monkeypatch.setattr(tally_module, "LISTED_IDS", -1)


def test_the_summary_answers_status_grade_and_whole_periods_only() -> None:
    for f in ANSWERED:
        assert summary.kind_for(f) is not None, f
    for f in NOT_ANSWERED:
        assert summary.kind_for(f) is None, f
    month = IncidentFilter(date_from=dt.date(2024, 2, 1), date_to=dt.date(2024, 2, 29))
    assert summary.kind_for(month, ("week",)) is None
    week = IncidentFilter(date_from=dt.date(2024, 1, 29), date_to=dt.date(2024, 2, 4))
    assert summary.kind_for(week) == "week"


def test_an_incident_is_counted_in_its_year_month_and_iso_week(store: Store) -> None:
    store.replace_incidents([_incident("x", date=dt.date(2024, 3, 3), killed=Figure(min=2, max=None))])
    rows = _summary_rows(store.database)
    periods = [("month", dt.date(2024, 3, 1)), ("week", dt.date(2024, 2, 26)), ("year", dt.date(2024, 1, 1))]
    assert [(r[0], r[1]) for r in rows] == periods
    assert all(r[5:10] == (1, 1, 2, 0, 1) for r in rows)  # one incident, one killed figure of 2, open


def test_tallies_and_timeline_equal_the_full_computation_after_every_kind_of_write(store: Store) -> None:
    filters = [*ANSWERED, *NOT_ANSWERED]
    store.replace_incidents(VARIED)
    _assert_in_step(store, filters, BYS)
    # relinking: one incident changed, one new, the rest untouched
    changed = _incident("a", Grade.CONFIRMED, Status.PUBLISHED, dt.date(2024, 5, 5), ("RSF",), Figure(min=1, max=2))
    store.update_incidents([changed, _incident("h", date=dt.date(2024, 2, 5), killed=Figure(min=4, max=None))])
    _assert_in_step(store, filters, BYS)
    # an analyst's grade and status change
    desk = DeskStore(store.database)
    b = store.incident("b")
    desk.decide("analyst", b.model_copy(update={"grade": Grade.WEAK, "status": Status.DRAFT}), Change("grade", {}))
    _assert_in_step(store, filters, BYS)
    # a merge (g into c) and a split (d into d and d2)
    merged = store.incident("c").model_copy(update={"civilians_killed": Figure(min=201, max=None)})
    desk.regroup("analyst", [merged], ["g"], [("c", Change("merge", {}))])
    _assert_in_step(store, filters, BYS)
    d = store.incident("d")
    desk.regroup("analyst", [d, d.model_copy(update={"id": "d2", "date": None})], [], [("d2", Change("split", {}))])
    _assert_in_step(store, filters, BYS)
    # incidents removed, then every incident replaced by none
    desk.regroup("analyst", [], ["a", "h"], [])
    _assert_in_step(store, filters, BYS)
    store.replace_incidents([])
    assert _summary_rows(store.database) == []


_grades = st.sampled_from(list(Grade))
_statuses = st.sampled_from(list(Status))
_dates = st.one_of(st.none(), st.integers(0, 400).map(lambda n: FIRST + dt.timedelta(days=n)))
_perpetrators = st.sampled_from(
    [(), ("Russia",), ("RSF",), ("Israel",), ("Turkey",), ("Russia", "Syria"), ("Syria", "Russia")]
)
_figures = st.one_of(
    st.none(),
    st.builds(
        lambda low, extra: Figure(min=low, max=None if extra is None else low + extra),
        st.integers(0, 50),
        st.one_of(st.none(), st.integers(0, 20)),
    ),
)
_incidents = st.lists(
    st.builds(_incident, st.sampled_from("abcdefgh"), _grades, _statuses, _dates, _perpetrators, _figures, _figures),
    max_size=8,
    unique_by=lambda i: i.id,
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=_incidents, second=_incidents, removed=st.sets(st.sampled_from("abcdefgh"), max_size=3))
def test_any_sequence_of_writes_keeps_the_summary_in_step(
    store: Store, first: list[Incident], second: list[Incident], removed: set[str]
) -> None:
    store.replace_incidents(first)
    store.update_incidents(second)
    gone = sorted(removed - {i.id for i in second})
    DeskStore(store.database).regroup("analyst", [], gone, [])
    _assert_in_step(store, [IncidentFilter(), IncidentFilter(status="published")], ["perpetrator", "month"])


def test_writes_larger_than_one_statement_count_each_incident_once(store: Store) -> None:
    many = [_incident(f"m{n:04d}", killed=Figure(min=1, max=None)) for n in range(1100)]
    store.update_incidents(many)  # one key, three chunks of ids
    store.update_incidents([i.model_copy(update={"status": Status.PUBLISHED}) for i in many[:600]])
    _assert_in_step(store, [IncidentFilter(), IncidentFilter(status="published")], [None])
    (head,) = stored_tally(store, IncidentFilter(status="published")).headline
    assert (head.incidents, head.civilians_killed) == (600, Figure(min=600, max=None))
