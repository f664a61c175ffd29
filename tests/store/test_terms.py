"""The place and perpetrator filters, looked up in SQL through the terms tables, select exactly the
incidents the old Python match (casefold substring; country code exactly) selected, on every backend
and after every kind of incident write."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from civharm.records import AttackType, Incident, Place, Status
from civharm.store import Database, IncidentFilter, Store, terms
from civharm.store.desk import Change, DeskStore
from civharm.store.terms import incident_terms

PLACES = (
    Place(name="Kharkiv", country="UA", admin1="Kharkiv Oblast"),
    Place(name="Ariha", country="SY", admin1="Idlib", admin2="Ariha District"),
    Place(name="Ḥalab", country="SY", admin1="Aleppo"),
    Place(name="Straße", country="DE"),
    Place(name="İskenderun", country="TR", admin1="Hatay"),
    Place(name="Khan Younis", country="PS", admin1="Gaza Strip"),
    Place(name="", country=None),
    Place(name="Sa'dah", country="YE", admin1="Sa'dah"),
)
PERPETRATORS = ("Russia", "RSF", "Syrian government", "US-led coalition", "ΣΑΣ", "russian forces")
NEEDLES = ("kharkiv", "KHAR", "ha", "SY", "sy", "ss", "straße", "i̇sk", "isk", " ", "", "'", "zz", "ḥa", "rsf", "russia")


def _incidents(count: int, seed: int) -> list[Incident]:
    rng = random.Random(seed)
    return [
        Incident(
            id=f"t{number:03d}",
            date=None if number % 7 == 0 else dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(400)),
            date_precision=None,
            place=None if number % 11 == 0 else rng.choice(PLACES),
            attack_type=AttackType.SHELLING,
            perpetrators=tuple(rng.sample(PERPETRATORS, k=rng.choice((0, 1, 1, 2)))),
            status=rng.choice(tuple(Status)),
        )
        for number in range(count)
    ]


def _old_match(incident: Incident, place: str | None, perpetrator: str | None) -> bool:
    """The filter as it was matched in Python before the terms tables."""
    if place is not None:
        needle = place.strip().casefold()
        p = incident.place
        country = p.country if p else None
        values = (p.name, p.admin1, p.admin2) if p else ()
        if not (country is not None and country.casefold() == needle) and not any(
            value is not None and needle in value.casefold() for value in values
        ):
            return False
    if perpetrator is not None:
        wanted = perpetrator.strip().casefold()
        if not any(wanted in name.casefold() for name in incident.perpetrators):
            return False
    return True


def _check(store: Store, place: str | None, perpetrator: str | None, **more: object) -> None:
    every = store.incidents(IncidentFilter(**more))  # type: ignore[arg-type]
    expected = [i.id for i in every if _old_match(i, place, perpetrator)]
    got = [i.id for i in store.incidents(IncidentFilter(place=place, perpetrator=perpetrator, **more))]  # type: ignore[arg-type]
    assert got == expected, (place, perpetrator, more)
    streamed = store.stream_incidents(IncidentFilter(place=place, perpetrator=perpetrator, **more))  # type: ignore[arg-type]
    assert [i.id for i in streamed] == expected


@pytest.fixture
def filled(store: Store) -> Store:
    store.replace_incidents(_incidents(60, seed=5))
    return store


@pytest.mark.parametrize("few", [terms.FEW, 1], ids=["terms index", "date index walked"])
def test_fixed_needles_select_what_the_python_match_selected(
    filled: Store, few: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(terms, "FEW", few)  # 1: every filter is found by walking the list's date index
    for needle in NEEDLES:
        _check(filled, needle, None)
        _check(filled, None, needle)
        _check(filled, needle, "r")
    _check(filled, "ha", "ru", status=Status.PUBLISHED)
    assert (
        filled.incidents(IncidentFilter(place="kharkiv", limit=2, offset=1))
        == [i for i in filled.incidents() if _old_match(i, "kharkiv", None)][1:3]
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    place=st.none() | st.sampled_from(NEEDLES) | st.text(alphabet="aehikrsuyİß ḤΣ'", max_size=4),
    perpetrator=st.none() | st.text(alphabet="aefnorsuΣΑ -", max_size=4),
)
def test_any_needle_selects_what_the_python_match_selected(
    filled: Store, place: str | None, perpetrator: str | None
) -> None:
    _check(filled, place, perpetrator)


def test_terms_follow_relinking_and_incremental_writes(store: Store) -> None:
    first = _incidents(30, seed=1)
    store.replace_incidents(first)
    moved = [i.model_copy(update={"place": PLACES[3], "perpetrators": ("RSF",)}) for i in first[:10]]
    store.update_incidents(moved)
    for needle in ("kharkiv", "straße", "ss", "de"):
        _check(store, needle, "rsf")
    store.replace_incidents(_incidents(12, seed=9))  # a relink replaces every incident
    for needle in NEEDLES:
        _check(store, needle, None)
        _check(store, None, needle)


def test_terms_follow_desk_decisions_and_regrouping(database: Database, store: Store) -> None:
    incidents = _incidents(20, seed=3)
    store.replace_incidents(incidents)
    desk = DeskStore(database)
    target = incidents[1].model_copy(update={"place": Place(name="Nyala", country="SD"), "perpetrators": ("RSF",)})
    desk.decide("analyst", target, Change("edit", {"place": ["x", "Nyala"]}, "checked"))
    assert [i.id for i in store.incidents(IncidentFilter(place="nyal", perpetrator="rs"))] == [target.id]
    merged = incidents[2].model_copy(update={"place": Place(name="El Fasher", admin1="North Darfur")})
    desk.regroup("analyst", [merged], removed=[incidents[3].id], changes=[])
    assert [i.id for i in store.incidents(IncidentFilter(place="darfur"))] == [merged.id]
    for needle in NEEDLES:
        _check(store, needle, None)


def test_incident_terms_are_folded_once_each() -> None:
    pairs = incident_terms("Kharkiv", "Kharkiv", None, "UA", ["RSF", "rsf", "Straße"])
    assert pairs == [("place", "kharkiv"), ("country", "ua"), ("perpetrator", "rsf"), ("perpetrator", "strasse")]
