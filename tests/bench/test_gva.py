"""The gva benchmark's scoring: what counts as a hit, and how misses are explained."""

import datetime as dt

from civharm.bench.gva import Doc, Gold, Row, locate, score, state_names, summarise
from civharm.extract.gazetteer import Gazetteer
from civharm.extract.headline import Headline
from civharm.records import Place

GOLD = Gold(
    killed=1,
    injured=2,
    city="Pittsburgh (Wilkinsburg)",
    state="Pennsylvania",
    date=dt.date(2016, 3, 9),
    lat=None,
    lon=None,
)
DOC = Doc("d", "i", "t", dt.date(2016, 3, 10), "")


def test_city_by_name_when_the_record_has_no_coordinates() -> None:
    place = Place(name="Wilkinsburg", lat=40.44, lon=-79.88, admin1="Pennsylvania", feature="city")
    row = score(DOC, Headline(1, 1, place, dt.date(2016, 3, 9), None), GOLD)
    assert row.city_ok and row.state_ok and row.date_ok and row.early
    # spelled the gazetteer's way, not the record's: "ST. JOSEPH" is the record's "Saint Joseph"
    saint = Gold(killed=1, injured=0, city="Saint Joseph", state="Michigan", date=None, lat=None, lon=None)
    town = Place(name="ST. JOSEPH", lat=42.11, lon=-86.48, admin1="Michigan", feature="city")
    assert score(DOC, Headline(1, 0, town, None, None), saint).city_ok


def _row(killed: tuple[int, int], injured: tuple[int, int], early: bool) -> Row:
    return Row("d", killed, injured, True, True, True, early, None, None, "", None)


def test_lower_tolls_are_explained_apart() -> None:
    rows = [
        _row((1, 1), (2, 2), False),
        _row((0, 1), (1, 0), False),
        _row((0, 1), (0, 2), True),
        _row((2, 1), (0, 0), False),
    ]
    figures = summarise(rows)
    assert figures["killed_exact"] == 0.25 and figures["killed_within1"] == 1.0
    assert figures["misses"] == {
        "figure_misses": 3,
        "lower_than_record": 2,
        "lower_victim_died_later": 1,
        "lower_published_early": 1,
        "higher_than_record": 1,
    }


def test_a_record_state_the_gazetteer_names_otherwise_still_matches(gazetteer: Gazetteer) -> None:
    assert "washington, d.c." in state_names("District of Columbia", gazetteer)
    assert state_names("Pennsylvania", gazetteer) == frozenset({"pennsylvania"})
    assert "washington, d.c." not in state_names("Washington", gazetteer)  # the state, not the capital
    place = Place(name="DC", lat=38.9, lon=-77.03, admin1="Washington, D.C.", feature="city")
    gold = Gold(killed=0, injured=4, city="Washington", state="District of Columbia", date=None, lat=38.9, lon=-77.0)
    row = score(DOC, Headline(0, 4, place, None, None), gold, state_names(gold.state, gazetteer))
    assert row.city_ok and row.state_ok


def test_a_record_that_names_a_county_is_matched_by_that_county_in_its_state() -> None:
    gold = Gold(killed=1, injured=0, city="Wise (county)", state="Texas", date=None, lat=33.2, lon=-97.6)
    county = Place(name="Wise County", lat=33.22, lon=-97.65, admin1="Texas", feature="admin2")
    assert score(DOC, Headline(1, 0, county, None, None), gold, frozenset({"texas"})).city_ok
    namesake = Place(name="Wise County", lat=36.97, lon=-82.58, admin1="Virginia", feature="admin2")
    assert not score(DOC, Headline(1, 0, namesake, None, None), gold, frozenset({"texas"})).city_ok
    other = Place(name="Denton County", lat=33.2, lon=-97.1, admin1="Texas", feature="admin2")
    assert not score(DOC, Headline(1, 0, other, None, None), gold, frozenset({"texas"})).city_ok
    named = Gold(killed=1, injured=0, city="Wise County", state="Texas", date=None, lat=33.2, lon=-97.6)
    assert score(DOC, Headline(1, 0, county, None, None), named, frozenset({"texas"})).city_ok
    # a county is no answer when the record names a town
    town_gold = Gold(killed=1, injured=0, city="Decatur", state="Texas", date=None, lat=33.23, lon=-97.59)
    assert not score(DOC, Headline(1, 0, county, None, None), town_gold, frozenset({"texas"})).city_ok


def test_a_record_without_coordinates_is_placed_at_its_town_in_its_state(gazetteer: Gazetteer) -> None:
    gold = Gold(killed=0, injured=1, city="Chicago (West Town)", state="Illinois", date=None, lat=None, lon=None)
    placed = locate(gold, state_names(gold.state, gazetteer), gazetteer)
    assert placed.lat is not None and abs(placed.lat - 41.9) < 0.1 and abs(placed.lon - -87.67) < 0.1
    chicago = Place(name="Chicago", lat=41.85, lon=-87.65, admin1="Illinois", feature="city")
    assert score(DOC, Headline(0, 1, chicago, None, None), placed).city_ok  # a few km from West Town
    unknown = Gold(killed=0, injured=1, city="Nowhereville", state="Illinois", date=None, lat=None, lon=None)
    assert locate(unknown, state_names("Illinois", gazetteer), gazetteer) == unknown
