"""Keyset cursors: their text form, and pages after them walking the list exactly once."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from civharm.errors import CivharmError
from civharm.records import DatePrecision
from civharm.store import IncidentFilter, Store
from civharm.store.cursor import Cursor
from tests.store.factory import make_incident

IDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_.", min_size=1, max_size=40)


@given(st.one_of(st.none(), st.dates()), IDS)
def test_a_cursor_reads_back_what_it_wrote(date: dt.date | None, incident_id: str) -> None:
    cursor = Cursor(date, incident_id)
    assert Cursor.parse(str(cursor)) == cursor


@pytest.mark.parametrize("text", ["", "_", "2015-10-06", "2015-10-06_", "2015-13-01_x", "monday_x", "x", "_a\x00b"])
def test_text_that_is_not_a_cursor_is_refused_in_one_line(text: str) -> None:
    with pytest.raises(CivharmError, match=r"^after: .* is not a cursor \(use next_after"):
        Cursor.parse(text)


def test_a_filter_pages_by_offset_or_by_cursor_not_both() -> None:
    with pytest.raises(CivharmError, match="not both"):
        IncidentFilter(offset=3, after=Cursor(None, "x"))


DATES = [dt.date(2015, 10, 6)] * 4 + [dt.date(2022, 2, 28)] * 3 + [None] * 3 + [dt.date(2016, 1, 1)]


@pytest.mark.parametrize("limit", [1, 2, 3, 11, 12])
def test_pages_after_cursors_walk_the_whole_list_once(store: Store, limit: int) -> None:
    """Ties on one date, undated incidents and a filter: each page starts right after the last one."""
    incidents = [
        make_incident(
            f"{(n * 7) % 11:02d}-inc",  # ids out of insertion order, so ties are ordered by id, not by row
            (),
            date=day,
            date_precision=None if day is None else DatePrecision.DAY,
            perpetrators=("Russia",) if n % 2 else ("Unknown",),
        )
        for n, day in enumerate(DATES)
    ]
    store.replace_incidents(incidents)
    for filters in (
        IncidentFilter(),
        IncidentFilter(perpetrator="russia"),
        IncidentFilter(date_to=dt.date(2020, 1, 1)),
    ):
        expected = [i.id for i in store.incidents(filters)]
        walked: list[str] = []
        after: Cursor | None = None
        while True:
            page = store.incidents(replace(filters, limit=limit, after=after))
            walked += [i.id for i in page]
            if len(page) < limit:
                break
            after = Cursor.of(page[-1])
        assert walked == expected
        streamed = [
            i.id for i in store.stream_incidents(replace(filters, after=Cursor.of(store.incidents(filters)[0])))
        ]
        assert streamed == expected[1:]
