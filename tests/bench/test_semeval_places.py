"""A US local report's place, read from all the names it gives at once."""

from __future__ import annotations

import datetime as dt

from civharm.bench.gva import Doc, to_report
from civharm.bench.semeval_places import dateline_town, document_state, town_state_pairs
from civharm.extract.gazetteer import Gazetteer
from civharm.extract.pipeline import extract_report


def test_a_town_written_with_its_state_is_resolved_in_that_state(gazetteer: Gazetteer) -> None:
    pairs = town_state_pairs("Police in Jackson, Tenn. said a man was shot.", gazetteer)
    assert [(c.name, state) for c, state in pairs] == [("Jackson", "Tennessee")]
    upper = town_state_pairs("JACKSONVILLE, Fla - A juvenile was shot.", gazetteer)
    assert [(c.name, state) for c, state in upper] == [("Jacksonville", "Florida")]


def test_an_upper_case_dateline_without_a_state_is_the_largest_namesake(gazetteer: Gazetteer) -> None:
    town = dateline_town("Police investigate hotel deaths\n\nFORT WORTH -- A woman died Monday.", gazetteer)
    assert town is not None and (town.name, town.admin1) == ("Fort Worth", "Texas")
    assert dateline_town("A man was shot on Monday.", gazetteer) is None


def test_a_name_spelled_like_a_town_is_not_also_a_looser_spelling_of_a_bigger_one(gazetteer: Gazetteer) -> None:
    # "Santa Ana" and "San Antonio" share a consonant skeleton; with Santa Ana spelled exactly, the
    # skeleton match is no candidate, however much bigger San Antonio is
    town = dateline_town("2 people are shot in Santa Ana\n\nSANTA ANA – Two people were shot.", gazetteer)
    assert town is not None and (town.name, town.admin1) == ("Santa Ana", "California")


def test_the_namesake_the_geoparser_chose_weighs_on_the_state(gazetteer: Gazetteer) -> None:
    doc = Doc("d", "i", "Man shot", dt.date(2017, 1, 16), "A man was shot in Columbus on Monday, police said.")
    extraction = extract_report(to_report(doc), gazetteer)
    assert document_state(extraction, gazetteer) == "Ohio"  # the largest Columbus, when the text gives no more
    georgia = next(c for c in gazetteer.lookup("Columbus") if c.admin1 == "Georgia" and c.feature == "city")
    # the geoparser read the rest of a page (its neighbours, its country) and chose Columbus, Georgia
    chosen = [p.model_copy(update={"geonameid": georgia.geonameid}) for p in extraction.places]
    assert document_state(extraction.model_copy(update={"places": chosen}), gazetteer) == "Georgia"
