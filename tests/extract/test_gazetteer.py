"""The offline gazetteer: name normalisation, lookups, demonyms and the on-disk cache."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from civharm.extract.gazetteer import (
    CACHE_NAME,
    Gazetteer,
    light_key,
    medium_key,
    name_keys,
    skeleton_key,
    source_digest,
)

IDLIB_CITY = 169389
MAARRAT_AN_NUMAN = 167611
DEIR_EZ_ZOR_CITY = 170794


def test_light_key_folds_case_diacritics_apostrophes_and_hyphens() -> None:
    assert light_key("Ma‘arrat an-Nu‘mān") == "maarrat an numan"
    assert light_key("Ma'arrat al-Nu'man") == "maarrat al numan"
    assert light_key("U.S.") == "us"
    assert light_key("  São   Paulo ") == "sao paulo"


def test_transliterations_meet() -> None:
    assert skeleton_key("Idlib") == skeleton_key("Idleb")
    assert medium_key("Ma'arrat al-Nu'man") == medium_key("Maarrat an-Nu'man") == medium_key("Maarat al-Numan")
    assert skeleton_key("Deir ez-Zor") == skeleton_key("Deir al-Zour") == skeleton_key("Deir Ezzor")
    assert medium_key("St. Louis") == medium_key("Saint Louis")
    assert skeleton_key("Paris") != skeleton_key("Parma")


def test_name_keys_are_tiered_and_short_skeletons_left_out() -> None:
    keys = name_keys("Idleb")
    assert keys[0] == "0:idleb" and keys[1] == "1:idleb" and keys[2] == "2:idlb"
    assert not any(k.startswith("2:") for k in name_keys("Ur"))
    assert name_keys("‘’") == ()


@given(st.text(max_size=40))
def test_keys_are_idempotent(name: str) -> None:
    assert light_key(light_key(name)) == light_key(name)
    assert medium_key(medium_key(name)) == medium_key(name)


def test_variants_reach_the_same_places(gazetteer: Gazetteer) -> None:
    for name in ("Idlib", "Idleb"):
        assert IDLIB_CITY in {c.geonameid for c in gazetteer.lookup(name)}
    for name in ("Maarat al-Numan", "Ma'arrat al-Nu'man", "Maarrat an-Nu'man"):
        assert MAARRAT_AN_NUMAN in {c.geonameid for c in gazetteer.lookup(name)}, name
    for name in ("Deir ez-Zor", "Deir al-Zour", "Deir Ezzor"):
        found = gazetteer.lookup(name)
        assert DEIR_EZ_ZOR_CITY in {c.geonameid for c in found}, name
        assert any(c.feature == "admin1" and c.country == "SY" for c in found), name


def test_lookup_returns_every_candidate_with_its_fields(gazetteer: Gazetteer) -> None:
    paris = gazetteer.lookup("Paris")
    countries = {c.country for c in paris if c.name == "Paris"}
    assert {"FR", "US"} <= countries
    texas_paris = next(c for c in paris if c.country == "US" and c.admin1 == "Texas")
    assert texas_paris.feature == "city" and texas_paris.population > 10000
    aleppo = next(c for c in gazetteer.lookup("Aleppo") if c.feature == "city")
    assert (aleppo.country, aleppo.admin1) == ("SY", "Aleppo")
    assert gazetteer.lookup("Xqzzyvillezz") == []


def test_area_words_select_areas(gazetteer: Gazetteer) -> None:
    found = gazetteer.lookup("Idlib province")
    assert found and all(c.feature == "admin1" for c in found)
    assert found[0].country == "SY"
    counties = gazetteer.lookup("Rapides Parish")
    assert counties[0].feature == "admin2" and counties[0].admin1 == "Louisiana"


def test_area_names_lose_their_type_words_and_gain_compass_variants(gazetteer: Gazetteer) -> None:
    for name, iso in [("Anhui", "CN"), ("Guangxi", "CN"), ("Xinjiang", "CN"), ("South Darfur", "SD"),
                      ("North Kivu", "CD")]:  # fmt: skip
        top = gazetteer.lookup(name)[0]
        assert (top.feature, top.country) == ("admin1", iso), name


def test_a_stem_shared_by_areas_names_their_region(gazetteer: Gazetteer) -> None:
    (darfur,) = gazetteer.lookup("Darfur")
    parts = [
        c for c in gazetteer.lookup("Northern Darfur") + gazetteer.lookup("Southern Darfur") if c.feature == "admin1"
    ]
    assert (darfur.feature, darfur.country) == ("admin1", "SD")
    assert darfur.population > max(p.population for p in parts)  # all its areas together
    assert 10 < darfur.lat < 16 and 22 < darfur.lon < 27


def test_countries_and_aliases(gazetteer: Gazetteer) -> None:
    for name, iso in [("U.S.", "US"), ("United States", "US"), ("America", "US"), ("UK", "GB"),
                      ("Britain", "GB"), ("Russia", "RU"), ("Syria", "SY")]:  # fmt: skip
        top = gazetteer.lookup(name)[0]
        assert (top.feature, top.country) == ("country", iso), name
    syria = gazetteer.country("SY")
    assert syria is not None and abs(syria.lat - 35) < 1


def test_oceans_seas_and_regions_from_our_table(gazetteer: Gazetteer) -> None:
    for name, lat, lon in [("Indian Ocean", -20, 80), ("Mediterranean", 35, 18), ("Black Sea", 43, 34),
                           ("West Africa", 12, -2), ("Middle East", 27, 44), ("EU", 50, 10)]:  # fmt: skip
        top = gazetteer.lookup(name)[0]
        assert (top.feature, top.country) == ("region", ""), name
        assert abs(top.lat - lat) < 1.5 and abs(top.lon - lon) < 1.5, name
    siberia = gazetteer.lookup("Siberia")[0]
    assert (siberia.feature, siberia.country) == ("region", "RU")  # not the hamlet in Mexico


def test_former_provinces_are_areas(gazetteer: Gazetteer) -> None:
    nyanza = [c for c in gazetteer.lookup("Nyanza Province") if c.country == "KE"]
    assert [(c.feature, c.admin1) for c in nyanza] == [("admin1", "Nyanza")]
    orientale = gazetteer.lookup("Orientale")[0]  # DR Congo's Eastern Province, by its French name
    assert (orientale.feature, orientale.country) == ("admin1", "CD")


def test_state_abbreviations_only_on_request(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("TX", abbreviations=True)[0].name == "Texas"
    assert gazetteer.lookup("Tenn.", abbreviations=True)[0].name == "Tennessee"
    assert not any(c.feature == "admin1" and c.name == "Indiana" for c in gazetteer.lookup("IN"))
    assert not any(c.feature == "admin1" and c.name == "Oregon" for c in gazetteer.lookup("or"))


def test_demonyms(gazetteer: Gazetteer) -> None:
    assert gazetteer.demonym_country("Turkish") == "TR"
    assert gazetteer.demonym_country("Russian") == "RU"
    assert gazetteer.demonym_country("Syrians") == "SY"
    assert gazetteer.demonym_country("Aleppo") is None


def test_names_for_ruler(gazetteer: Gazetteer) -> None:
    names = gazetteer.names_for_ruler(100_000)
    assert {"Aleppo", "Syria", "Idleb", "United States"} <= set(names)
    assert "Vila" not in names  # a hamlet in Andorra


@pytest.mark.slow
def test_cache_builds_once_and_reloads(tmp_path: Path) -> None:
    gazetteer = Gazetteer.load(tmp_path)
    index = tmp_path / CACHE_NAME
    assert index.is_file() and gazetteer.digest() == source_digest()
    assert [p.name for p in tmp_path.iterdir()] == [CACHE_NAME]  # no temp file left behind
    before = index.stat()
    assert gazetteer.lookup("Aleppo")
    gazetteer.close()

    again = Gazetteer.load(tmp_path)
    after = index.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert again.lookup("Aleppo")[0].country == "SY"
    again.close()

    # An index from other sources (here: no digest at all) is rebuilt, not trusted.
    with sqlite3.connect(index) as db:
        db.execute("DELETE FROM meta")
    rebuilt = Gazetteer.load(tmp_path)
    assert rebuilt.digest() == source_digest()
    rebuilt.close()
