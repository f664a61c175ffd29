"""Tallies added up by the database: the same rows as the Python sum over the same stored incidents."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from civharm.publish import tally as tally_module
from civharm.publish.tally import TallyBy, stored_tally, tally
from civharm.records import Figure, Grade, Status
from civharm.store import Store, open_database
from civharm.store.models import IncidentRow
from civharm.store.repository import IncidentFilter
from civharm.web import timeline

from .test_tally import INCIDENTS, _incident

MORE = [
    _incident("f", Grade.CONFIRMED, Figure(min=1, max=5), date=dt.date(2024, 3, 31), perpetrators=("Syria", "Russia")),
    _incident("g", Grade.DISCOUNTED, Figure(min=0, max=0), injured=Figure(min=3, max=None)),
    _incident("h", Grade.FAIR, None, date=dt.date(2024, 4, 2), perpetrators=("Russia", "Syria")),
]
STORED = [*INCIDENTS, *MORE]


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    with open_database(database_url) as database:
        store = Store(database)
        published = {"a", "c", "f", "h"}
        store.replace_incidents(
            [i.model_copy(update={"status": Status.PUBLISHED if i.id in published else i.status}) for i in STORED]
        )
        yield store


FILTERS = [
    IncidentFilter(),
    IncidentFilter(status="published"),
    IncidentFilter(grade="Fair"),
    IncidentFilter(date_from=dt.date(2024, 3, 15), date_to=dt.date(2024, 4, 30)),
    IncidentFilter(status="published", limit=0),
]


@pytest.mark.parametrize("by", [None, "perpetrator", "month", "place", "grade"])
@pytest.mark.parametrize("filters", FILTERS)
def test_sql_tally_equals_the_python_tally(store: Store, by: TallyBy | None, filters: IncidentFilter) -> None:
    expected = tally(store.incidents(filters), by)
    assert stored_tally(store, filters, by) == expected


def test_open_maxima_stay_open_in_sql(store: Store) -> None:
    result = stored_tally(store, IncidentFilter(), "grade")
    fair = next(r for r in result.headline if r.key == "Fair")
    assert fair.civilians_killed == Figure(min=51, max=None)  # a (7–60) + e (at least 44); h has no figure
    assert fair.without_civilian_figure == 1
    assert fair.incident_ids == ("a", "e", "h")


def test_a_large_tally_sums_without_listing_ids(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tally_module, "LISTED_IDS", 3)
    result = stored_tally(store, IncidentFilter(), "perpetrator")
    listed = tally(store.incidents(), "perpetrator")
    assert not result.ids_listed
    assert all(row.incident_ids == () for row in (*result.headline, *result.other, result.headline_total))

    def without_ids(rows: tuple[tally_module.TallyRow, ...]) -> list[tally_module.TallyRow]:
        return [dataclasses.replace(r, incident_ids=()) for r in rows]

    assert without_ids(result.headline) == without_ids(listed.headline)
    assert without_ids(result.other) == without_ids(listed.other)


def test_place_and_perpetrator_filters_are_summed_in_sql(store: Store) -> None:
    filters = IncidentFilter(perpetrator="syria", place="ariha")
    assert stored_tally(store, filters, "perpetrator") == tally(store.incidents(filters), "perpetrator")
    counted = store.summarise(filters, select(func.count()).select_from(IncidentRow))
    assert counted[0][0] == len(store.incidents(filters)) > 0


@pytest.mark.parametrize("filters", [*FILTERS, IncidentFilter(perpetrator="russia")])
def test_sql_timeline_equals_the_python_timeline(store: Store, filters: IncidentFilter) -> None:
    expected = timeline.build(*timeline.cells(store.incidents(filters)))
    assert timeline.build(*timeline.stored_cells(store, filters)) == expected


@pytest.mark.parametrize("filters", [*FILTERS, IncidentFilter(place="kharkiv"), IncidentFilter(limit=2, offset=1)])
def test_streamed_incidents_equal_the_list(store: Store, filters: IncidentFilter) -> None:
    assert list(store.stream_incidents(filters)) == store.incidents(filters)
