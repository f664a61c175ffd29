"""Wording of figures, dates, places and spans as the pages show them."""

from __future__ import annotations

import datetime as dt

from civharm.records import DatePrecision, Figure, Place, PlacePrecision
from civharm.web.present import (
    claim_marks,
    coordinates_text,
    date_text,
    fed_spans,
    figure_text,
    period_text,
    place_text,
    shorten,
)
from tests.web.conftest import TEXT_A, World


def test_figures_are_honest_ranges() -> None:
    assert figure_text(None) == "not reported"
    assert figure_text(Figure(min=200, max=None)) == "at least 200"
    assert figure_text(Figure(min=7, max=60)) == "7–60"
    assert figure_text(Figure(min=12, max=12)) == "12"


def test_dates_are_no_more_precise_than_known() -> None:
    day = dt.date(2015, 11, 29)
    assert date_text(day, DatePrecision.DAY) == "2015-11-29"
    assert date_text(day, None) == "2015-11-29"
    assert date_text(day, DatePrecision.MONTH) == "November 2015 (month)"
    assert date_text(day, DatePrecision.YEAR) == "2015 (year)"
    assert date_text(day, DatePrecision.WEEK) == "week of 2015-11-29"
    assert date_text(day, DatePrecision.DAY_MONTH) == "29 November (year not stated)"
    assert date_text(None, None) == "date unknown"
    assert period_text(dt.date(2015, 9, 30), None) == "2015-09-30 – …"
    assert period_text(None, None) == "period not stated"


def test_places_say_their_precision_and_coordinates() -> None:
    near = Place(name="Ariha", country="SY", admin1="Idlib", precision=PlacePrecision.NEAR)
    assert place_text(near) == "near Ariha, Idlib, SY"
    assert place_text(Place(name="Idlib", admin1="Idlib", country="SY", precision=PlacePrecision.ADMIN1)) == (
        "province of Idlib, SY"
    )
    assert place_text(None) == "place unknown"
    assert coordinates_text(near) == "no coordinates"
    south_west = Place(name="X", lat=-12.5, lon=-77.25, precision=PlacePrecision.EXACT)
    assert coordinates_text(south_west) == "12.5000° S, 77.2500° W (precision: exact)"


def test_claim_marks_have_unique_anchors_in_text_order(world: World) -> None:
    marks = claim_marks(world.a)
    assert [m.start for m in marks] == sorted(m.start for m in marks)
    assert len({m.anchor for m in marks}) == len(marks)
    place = next(m for m in marks if m.kind == "place")
    assert TEXT_A[place.start : place.end] == place.words == "Ariha"


def test_fed_spans_are_the_incidents_own(world: World) -> None:
    incident = world.store.incident("ariha-2015-11-29")
    spans = fed_spans(incident, world.a)
    kinds = sorted(kind for _, _, kind, _ in spans)
    assert kinds == ["attack", "casualty", "casualty", "place"]  # not the tally, not the position
    assert fed_spans(incident, world.c) == []


def test_shorten() -> None:
    assert shorten("a\n b") == "a b"
    long = "word " * 100
    assert len(shorten(long)) == 120 and shorten(long).endswith("…")
