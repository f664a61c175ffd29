"""The places an outlet's web address names, and how they choose between a text's namesakes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from civharm.extract.gazetteer import Gazetteer
from civharm.extract.geoparse import find_places
from civharm.extract.outlet import OutletPlace, masthead_places, outlet_places


def _named(url: str, gazetteer: Gazetteer) -> dict[str, set[str]]:
    """Each place name read from the address, with the first-level areas its entries lie in."""
    return {
        p.name: {m.candidate.admin1 or "" for m in p.matches}
        for p in outlet_places(url, gazetteer)
        if not _is_country(p)
    }


def _is_country(place: OutletPlace) -> bool:
    return all(m.candidate.feature == "country" for m in place.matches)


@pytest.mark.parametrize(
    ("url", "country"),
    [
        ("http://www.whio.com/news/local/x/", "US"),  # call signs: K and W are the United States' letters
        ("http://www.wusa9.com/news/local/x/419079797", "US"),
        ("http://www.kiiitv.com:80/story/32313419/x", "US"),
        ("http://www.bbc.co.uk/news/world-middle-east-1", "GB"),  # country-code domains
        ("https://www.ukrinform.ua/rubric-ato/1.html", "UA"),
        ("http://kyiv.media/news/x", None),  # a place's name, not a call sign; no country code
        ("http://www.example.tv/news/x", None),  # a code sold for its letters
        ("http://www.nydailynews.com/news/x", None),
    ],
)
def test_an_address_tells_the_outlets_country(url: str, country: str | None, gazetteer: Gazetteer) -> None:
    found = [m.candidate.country for p in outlet_places(url, gazetteer) if _is_country(p) for m in p.matches]
    assert found == ([country] if country else [])


@pytest.mark.parametrize(
    ("url", "name", "area"),
    [
        ("https://www.daytondailynews.com/news/crime--law/story", "dayton", "Ohio"),
        ("https://www.nbcconnecticut.com/news/local/x.html", "connecticut", "Connecticut"),
        ("http://www.fox13memphis.com/news/x", "memphis", "Tennessee"),
        ("http://www.mysanantonio.com/news/local/article/x.php", "sanantonio", "Texas"),
        ("http://www.johnsoncitypress.com/News/2016/07/07/x.html", "johnsoncity", "Tennessee"),
        ("http://www.myrtlebeachonline.com/news/local/crime/article1.html", "myrtlebeach", "South Carolina"),
        ("http://www.northwestgeorgianews.com/x", "georgia", "Georgia"),
        ("http://chicago.cbslocal.com/2016/x/", "chicago", "Illinois"),
        ("http://www.nj.com/essex/index.ssf/x.html", "nj", "New Jersey"),
        # a section of the path, not the story's slug
        ("http://www.freep.com/story/news/local/michigan/2016/07/11/shots-in-dallas/1/", "michigan", "Michigan"),
        ("http://www.star-telegram.com/news/local/community/fort-worth/article1.html", "fortworth", "Texas"),
    ],
)
def test_an_address_names_its_outlets_place(url: str, name: str, area: str, gazetteer: Gazetteer) -> None:
    assert area in _named(url, gazetteer).get(name, set())


@pytest.mark.parametrize(
    "url",
    [
        "http://www.star-telegram.com/news/x.html",  # "star" is a newspaper word, not Star, Idaho
        "http://heavy.com/news/2013/02/x/",
        "http://www.wbaltv.com/news/x/33129870",  # a call sign
        "http://www.latimes.com/local/x",  # "la" is Los Angeles here, not Louisiana's code
        "http://www.example.com/metro/east/crime/",  # sections that only look like places
        "http://www.wlwt.com/news/hamilton-bar-shooting/40858130",  # the slug is the story, not the outlet
        "not a url",
        "",
    ],
)
def test_addresses_that_name_no_place(url: str, gazetteer: Gazetteer) -> None:
    assert _named(url, gazetteer) == {}


def test_an_archived_local_outlet_still_names_its_town(gazetteer: Gazetteer) -> None:
    url = "http://web.archive.org/web/2016/http://www.daytondailynews.com/news/x/"
    assert "Ohio" in _named(url, gazetteer)["dayton"]


_LABEL = st.from_regex(r"[a-z0-9-]{1,24}", fullmatch=True)


@given(st.text(max_size=80) | st.builds("http://{}.com/{}/{}".format, _LABEL, _LABEL, _LABEL))
def test_any_address_gives_named_places_or_nothing(gazetteer: Gazetteer, url: str) -> None:
    for place in outlet_places(url, gazetteer):
        assert place.matches and place.name.isalpha()


HAMILTON = "Teen arraigned in Hamilton bar shooting\n\nA teen was arraigned Monday in the Hamilton bar shooting."


def _hamilton_area(url: str | None, gazetteer: Gazetteer) -> str | None:
    outlet = outlet_places(url, gazetteer)
    found = [p for p in find_places(HAMILTON, gazetteer, outlet=outlet) if p.name == "Hamilton"]
    assert found, "Hamilton is a place mention"
    cand = next(c for c in gazetteer.lookup("Hamilton") if (c.lat, c.lon) == (found[0].lat, found[0].lon))
    return cand.admin1


def test_the_outlets_town_chooses_between_namesakes(gazetteer: Gazetteer) -> None:
    assert _hamilton_area(None, gazetteer) != "Ohio"  # without context, the largest Hamilton (Ontario)
    assert _hamilton_area("http://www.daytondailynews.com/news/crime--law/x/", gazetteer) == "Ohio"


def test_the_outlet_is_context_never_a_place_of_the_report(gazetteer: Gazetteer) -> None:
    outlet = outlet_places("http://www.daytondailynews.com/news/x/", gazetteer)
    assert all(p.name != "dayton" for p in find_places(HAMILTON, gazetteer, outlet=outlet))


def test_an_outlet_in_a_country_the_text_is_not_about_is_no_evidence(gazetteer: Gazetteer) -> None:
    text = "Shooting in Hamilton\n\nPolice in Hamilton, Ontario said two men were hurt."
    outlet = outlet_places("http://www.example.com/rome/news/", gazetteer)  # Rome, Italy by population
    assert outlet and all(p.country == "CA" for p in find_places(text, gazetteer, outlet=outlet) if p.geonameid)


def test_a_call_signs_country_chooses_between_namesakes_when_the_text_implies_none(gazetteer: Gazetteer) -> None:
    assert _hamilton_area("http://www.wlwt.com/news/hamilton-bar-shooting/40858130", gazetteer) == "Ohio"
    text = "Canadian police said a man was hurt in Hamilton."  # the text's own country comes first
    outlet = outlet_places("http://www.wlwt.com/news/x/1", gazetteer)
    assert [p.country for p in find_places(text, gazetteer, outlet=outlet) if p.name == "Hamilton"] == ["CA"]


@pytest.mark.parametrize(
    ("title", "name", "area"),
    [
        (
            "Maryland Drive murder victims identified - WALB.com, South Georgia News, Weather, Sports",
            "georgia",
            "Georgia",
        ),
        ("Youngstown news, Campbell police release names of shooting suspect", "youngstown", "Ohio"),
        ("Shooting suspect arrested - FOX 8 WVUE New Orleans News, Weather, Sports", "neworleans", "Louisiana"),
    ],
)
def test_a_page_titles_news_names_its_outlets_region(title: str, name: str, area: str, gazetteer: Gazetteer) -> None:
    [place] = masthead_places(title, gazetteer)
    assert place.name == name and area in {m.candidate.admin1 for m in place.matches}


@pytest.mark.parametrize("title", ["Texas Police News", "Man shot on Main Street", "Breaking News: two hurt", ""])
def test_a_title_without_a_places_news_names_no_region(title: str, gazetteer: Gazetteer) -> None:
    assert masthead_places(title, gazetteer) == ()


def test_the_titles_region_chooses_between_namesakes(gazetteer: Gazetteer) -> None:
    text = "Two shot\n\nThe Albany Police Department responded to a shooting on Maryland Drive."
    outlet = masthead_places("Two shot - WALB.com, South Georgia News, Weather", gazetteer)
    [albany] = [p for p in find_places(text, gazetteer, outlet=outlet) if p.name == "Albany"]
    assert albany.geonameid in {c.geonameid for c in gazetteer.lookup("Albany") if c.admin1 == "Georgia"}
