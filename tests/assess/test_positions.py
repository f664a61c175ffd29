"""Attaching parties' positions to incidents."""

from __future__ import annotations

from civharm.assess.positions import attach_positions
from civharm.link.linker import link
from civharm.records import PlaceMention, Stance

from ..link.builders import ARIHA, DAY1, HOMS, attack, days, extraction, position, report


def test_position_in_the_same_report_attaches_even_outside_the_window() -> None:
    rep = report("a", published=days(30))
    ext = extraction(rep, attack(DAY1, ARIHA), positions=(position(Stance.DENIES),))
    incidents = link([ext])
    assert attach_positions(incidents, [ext]) == {incidents[0].id: ext.positions}


def test_position_from_another_report_attaches_within_the_window_only() -> None:
    strike = extraction(report("a"), attack(DAY1, ARIHA))
    soon = extraction(report("b", published=days(3)), positions=(position(Stance.DENIES),))
    late = extraction(report("c", published=days(4)), positions=(position(Stance.DENIES, start=50),))
    incidents = link([strike, soon, late])
    assert attach_positions(incidents, [strike, soon, late]) == {incidents[0].id: soon.positions}


def test_position_of_another_party_or_about_another_town_does_not_attach() -> None:
    strike = extraction(report("a"), attack(DAY1, ARIHA))
    other_party = extraction(report("b"), positions=(position(Stance.DENIES, "Turkey"),))
    homs_place = PlaceMention(start=0, end=4, name="Homs", geonameid=HOMS.geonameid, feature="city")
    about_homs = extraction(report("c"), positions=(position(Stance.DENIES),)).model_copy(
        update={"places": (homs_place,)}
    )
    incidents = link([strike, other_party, about_homs])
    assert attach_positions(incidents, [strike, other_party, about_homs]) == {}


def test_incident_without_a_perpetrator_gets_no_positions() -> None:
    strike = extraction(report("a"), attack(DAY1, ARIHA, perpetrator=None), positions=(position(Stance.DENIES),))
    incidents = link([strike])
    assert attach_positions(incidents, [strike]) == {}
