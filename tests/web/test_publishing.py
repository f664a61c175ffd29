"""Publishing pages in-process: headline, timeline, map data, methodology, feed, republish, pixel."""

from __future__ import annotations

import dataclasses
import html
import re
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from fastapi.testclient import TestClient

from civharm.records import Status
from civharm.settings import Settings
from civharm.store.db import open_database
from civharm.store.repository import Store
from civharm.store.republish import RepublishLog
from civharm.web.app import create_app
from civharm.web.republish import PIXEL_GIF, reader_digest, reader_salt
from tests.backend import settings_for
from tests.web.conftest import World, extraction_a, extraction_b, extraction_c, incidents
from tests.web.test_pages import main_of, well_formed

ATOM = "{http://www.w3.org/2005/Atom}"


def _snippet(page: str) -> str:
    match = re.search(r'<textarea id="republish-html"[^>]*>(.*?)</textarea>', page, re.S)
    assert match, "no republish snippet"
    return html.unescape(match.group(1))


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[tuple[TestClient, Store, Settings]]:
    """A writable app over its own database (the pixel writes), with a configured publisher."""
    settings = dataclasses.replace(
        settings_for(tmp_path),
        publisher_name="Example Monitor",
        public_url="https://monitor.example.org",
        support_text="Our work is funded by readers.",
        support_url="https://monitor.example.org/donate",
    )
    database = open_database(settings.database_url)
    store = Store(database)
    a, b, c = extraction_a(), extraction_b(), extraction_c()
    for ex in (a, b, c):
        store.add_extraction(ex)
    store.replace_incidents(incidents(a, b, c))
    with TestClient(create_app(store, settings)) as client:
        yield client, store, settings
    database.close()


def test_home_shows_headline_ranges_with_other_grades_apart_and_a_timeline(world: World) -> None:
    page = world.client.get("/").text
    well_formed(page)
    main = main_of(page)
    assert "<strong>44–60</strong> civilians reported killed" in main
    assert "in 1 incident\n  graded Fair or Confirmed" in main
    assert "Other grades, not in the headline: 12 civilians reported killed" in main
    assert '<svg viewBox="0 0 720 260" role="img"' in main
    assert "Civilians reported killed per week" in main
    assert "1 undated incident cannot be placed in time" in main
    # the chart's table gives min–max per period and perpetrator
    assert '<td>Russia</td><td class="num">1</td><td class="num">44–60</td>' in main


def test_home_filters_narrow_the_headline(world: World) -> None:
    main = main_of(world.client.get("/", params={"perpetrator": "Syrian"}).text)
    assert "<strong>no figure</strong> civilians reported killed\n  in 0 incidents" in main
    assert "12 civilians reported killed\n  in 1 incident" in main
    before = main_of(world.client.get("/", params={"date_to": "2015-11-30"}).text)
    assert "Other grades, not in the headline: no figure" in before


def test_map_page_and_its_geojson(world: World) -> None:
    page = world.client.get("/map", params={"grade": "Fair"})
    assert page.status_code == 200
    well_formed(page.text)
    assert 'data-geojson="/map/incidents.geojson?grade=Fair"' in page.text
    assert '<script src="/vendor/leaflet/leaflet.js"></script>' in page.text
    data = world.client.get("/map/incidents.geojson").json()
    assert data["type"] == "FeatureCollection" and data["skipped"] == 1
    ariha = next(f for f in data["features"] if f["id"] == "ariha-2015-11-29")
    assert ariha["geometry"]["coordinates"] == [36.6068, 35.8135]
    assert ariha["properties"]["killed"] == "44–60" and ariha["properties"]["radius_km"] == 0
    fair = world.client.get("/map/incidents.geojson", params={"grade": "Fair"}).json()
    assert [f["id"] for f in fair["features"]] == ["ariha-2015-11-29"]
    assert world.client.get("/map", params={"date_from": "soon"}).status_code == 400
    assert world.client.get("/vendor/leaflet/leaflet.js").status_code == 200
    assert world.client.get("/vendor/leaflet/../../package.json").status_code == 404


def test_methodology_explains_grades_and_ranges(world: World) -> None:
    page = world.client.get("/methodology").text
    well_formed(page)
    for words in ("Confirmed", "a belligerent has accepted responsibility", "at least 200", "Minima are added"):
        assert words in page


def test_atom_feed_is_valid_and_lists_incidents(world: World) -> None:
    response = world.client.get("/feed.atom")
    assert response.headers["content-type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    for tag in ("title", "id", "updated", "author"):
        assert root.find(f"{ATOM}{tag}") is not None, tag
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 3
    ids = {e.findtext(f"{ATOM}id") for e in entries}
    assert "http://testserver/incidents/ariha-2015-11-29" in ids
    for entry in entries:
        for tag in ("title", "id", "updated", "published", "summary"):
            assert entry.findtext(f"{ATOM}{tag}"), tag
    ariha = next(e for e in entries if e.findtext(f"{ATOM}id", "").endswith("ariha-2015-11-29"))
    assert "Civilians reported killed: 44–60" in ariha.findtext(f"{ATOM}summary", "")


def test_incident_page_offers_a_snippet_of_our_own_words_with_credit_and_pixel(
    fresh: tuple[TestClient, Store, Settings],
) -> None:
    client, _, _ = fresh
    page = client.get("/incidents/ariha-2015-11-29").text
    well_formed(page)
    assert '<link rel="canonical" href="https://monitor.example.org/incidents/ariha-2015-11-29">' in page
    snippet = _snippet(page)
    assert snippet.startswith("<article>") and snippet.endswith("</article>")
    assert "Civilians reported killed: 44–60" in snippet
    assert "This record was first published by Example Monitor." in snippet
    assert '<a href="https://monitor.example.org/incidents/ariha-2015-11-29">' in snippet
    assert '<img src="https://monitor.example.org/pixel/incident-ariha-2015-11-29.gif" width="1" height="1"' in snippet
    assert snippet.count("<img") == 1  # images are left out; only the pixel
    assert "Russian jets struck" not in snippet  # no sentence quoted from a report
    assert "Sources: Example News; Other Wire." in snippet
    assert "&lt;link rel=&#34;canonical&#34;" in page or "&lt;link rel=&quot;canonical&quot;" in page
    assert "Our work is funded by readers." in page and 'href="https://monitor.example.org/donate"' in page


def test_no_snippet_when_the_account_originated_elsewhere(world: World) -> None:
    # maskaneh rests on report C alone; give every report an origin through a copy of the world
    page = world.client.get("/incidents/maskaneh-2015-12").text
    assert "republish-html" in page  # report C records no origin: offered
    from civharm.web.republish import foreign_origin

    a, b = extraction_a().report, extraction_b().report
    assert foreign_origin([a]) == "Reuters"
    assert foreign_origin([a, b]) is None  # one source is original reporting
    assert foreign_origin([]) is None


def test_tallies_page_offers_its_own_snippet(world: World) -> None:
    page = world.client.get("/tallies", params={"by": "grade"}).text
    snippet = _snippet(page)
    assert "Civilians reported killed in attacks, by grade" in snippet
    assert "Fair: 44–60 (1 incident)" in snippet
    assert "/pixel/tallies-grade.gif" in snippet


def test_pixel_records_page_referrer_and_a_salted_reader_without_the_address(
    fresh: tuple[TestClient, Store, Settings],
) -> None:
    client, store, settings = fresh
    referrer = "https://news.example.net/2015/12/ariha"
    for agent in ("reader-one", "reader-one", "reader-two"):
        response = client.get(
            "/pixel/incident-ariha-2015-11-29.gif", headers={"referer": referrer, "user-agent": agent}
        )
        assert response.status_code == 200
        assert response.content == PIXEL_GIF and response.headers["content-type"] == "image/gif"
        assert "no-store" in response.headers["cache-control"]
    client.get("/pixel/tallies-perpetrator.gif")
    # unknown pages and malformed keys still get the image but are not recorded
    assert client.get("/pixel/incident-nope.gif").content == PIXEL_GIF
    assert client.get("/pixel/evil-key.gif").content == PIXEL_GIF
    (tally_row, ariha_row) = sorted(RepublishLog(store).republications(), key=lambda r: r.page)[::-1]
    assert (ariha_row.page, ariha_row.referrer, ariha_row.hits, ariha_row.readers) == (
        "incident-ariha-2015-11-29",
        referrer,
        3,
        2,
    )
    assert tally_row.referrer is None
    with store.database.engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT * FROM republish_hits").all()
    assert "testclient" not in repr(rows)  # the client's address is never stored
    salt = reader_salt(settings)
    assert salt == reader_salt(settings) and (Path(settings.home) / "republish-salt").is_file()
    assert any(row[-1] == reader_digest(salt, "testclient", "reader-two") for row in rows)
    page = client.get("/republications").text
    well_formed(page)
    assert f'<a href="{referrer}" rel="nofollow noopener">{referrer}</a>' in page
    assert '<a href="/incidents/ariha-2015-11-29">incident-ariha-2015-11-29</a>' in page


def test_public_status_only_hides_unpublished_incidents(tmp_path: Path) -> None:
    settings = dataclasses.replace(settings_for(tmp_path), public_status_only=True)
    database = open_database(settings.database_url)
    store = Store(database)
    a, b, c = extraction_a(), extraction_b(), extraction_c()
    for ex in (a, b, c):
        store.add_extraction(ex)
    store.replace_incidents(incidents(a, b, c))
    with TestClient(create_app(store, settings)) as client:
        assert [i["id"] for i in client.get("/api/incidents").json()["items"]] == ["ariha-2015-11-29"]
        assert client.get("/api/incidents", params={"status": Status.DRAFT.value}).json()["items"] == []
        assert client.get("/incidents/maskaneh-2015-12").status_code == 404
        assert client.get("/api/incidents/maskaneh-2015-12").status_code == 404
        assert len(ET.fromstring(client.get("/feed.atom").content).findall(f"{ATOM}entry")) == 1
        assert client.get("/api/export/ucdp").text.count("\r\n") == 2  # header and one row
        assert "maskaneh" not in client.get("/map/incidents.geojson").text
        assert "maskaneh" not in client.get("/tallies").text
    database.close()


def test_exports_in_every_format_over_http(world: World) -> None:
    for fmt, start in (("acled", "event_id_cnty,event_date,"), ("ucdp", "id,type_of_violence,")):
        response = world.client.get(f"/api/export/{fmt}")
        assert response.status_code == 200
        assert response.text.startswith(start)
        assert f'filename="civharm-incidents.{fmt}.csv"' in response.headers["content-disposition"]
    document = world.client.get("/api/export/json").json()
    assert {r["report"]["sha256"] for r in document["reports"]} == {
        world.a.report.sha256,
        world.b.report.sha256,
        world.c.report.sha256,
    }
