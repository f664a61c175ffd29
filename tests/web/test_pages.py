"""The HTML pages, driven in-process against a real SQLite store."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from fastapi.testclient import TestClient

from civharm.web.present import claim_marks
from tests.web.conftest import SHA_A, SHA_B, SHA_C, TEXT_A, TEXT_C, World

_VOID = {"meta", "link", "input", "br", "img", "hr"}


class _Tags(HTMLParser):
    """Checks that every opened element is closed in order and collects ids and <mark> texts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.ids: list[str] = []
        self.problems: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.ids += [v for k, v in attrs if k == "id" and v]
        if tag not in _VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"unexpected </{tag}> with open {self.stack[-3:]}")
            return
        self.stack.pop()


def well_formed(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    parser.close()
    assert parser.problems == []
    assert parser.stack == []
    assert len(parser.ids) == len(set(parser.ids)), "duplicate ids"
    return parser


def main_of(page: str) -> str:
    return page[page.index('<main id="content"') : page.index("</main>") + len("</main>")]


def test_every_page_has_the_accessible_frame(world: World) -> None:
    for path in ("/", "/incidents/ariha-2015-11-29", f"/reports/{SHA_A}", "/tallies", "/api/docs"):
        response = world.client.get(path)
        assert response.status_code == 200, path
        page = response.text
        assert page.startswith('<!doctype html>\n<html lang="en">')
        assert '<a class="skip" href="#content">' in page
        assert '<main id="content"' in page
        assert "https://" not in page.split("<main")[0], "no asset from another host"
        well_formed(page)
        assert "default-src 'self'" in response.headers["content-security-policy"]


def test_list_shows_ranges_dates_places_grades_and_sources(world: World) -> None:
    page = main_of(world.client.get("/").text)
    rows = re.findall(r"<tr>\s*<td><a href=\"/incidents/([^\"]+)\">(.*?)</a></td>(.*?)</tr>", page, re.S)
    by_id = {incident_id: (date, rest) for incident_id, date, rest in rows}
    assert list(by_id) == ["maskaneh-2015-12", "ariha-2015-11-29", "undated-contested"]  # newest first
    date, rest = by_id["ariha-2015-11-29"]
    assert date == "2015-11-29"
    assert "Ariha, Idlib, SY" in rest and "44–60" in rest and "Fair" in rest
    assert re.search(r'<td class="num">2</td>\s*$', rest)
    assert by_id["maskaneh-2015-12"][0] == "December 2015 (month)"
    assert by_id["undated-contested"][0] == "date unknown"
    assert "Russia, US-led coalition" in by_id["undated-contested"][1]


def test_filter_form_has_labels_and_keeps_what_was_typed(world: World) -> None:
    page = world.client.get("/", params={"place": "<ariha>", "grade": "Fair"}).text
    for field in ("f-from", "f-to", "f-place", "f-perp", "f-grade"):
        assert f'<label for="{field}">' in page
        assert f'id="{field}"' in page
    assert 'value="&lt;ariha&gt;"' in page
    assert '<option value="Fair" selected>' in page


def test_filters_narrow_the_list(world: World) -> None:
    def ids(**params: str) -> list[str]:
        return re.findall(r'<td><a href="/incidents/([^"]+)">', world.client.get("/", params=params).text)

    assert ids() == ["maskaneh-2015-12", "ariha-2015-11-29", "undated-contested"]
    assert ids(place="ariha") == ["ariha-2015-11-29"]
    assert ids(perpetrator="russia") == ["ariha-2015-11-29", "undated-contested"]
    assert ids(grade="Weak") == ["maskaneh-2015-12"]
    assert ids(date_from="2015-12-01") == ["maskaneh-2015-12"]
    assert ids(date_from="2015-11-01", date_to="2015-11-30") == ["ariha-2015-11-29"]
    assert ids(place="Homs") == []
    assert "No incident matches these filters" in world.client.get("/", params={"place": "Homs"}).text


def test_a_bad_filter_is_explained_next_to_the_form(world: World) -> None:
    response = world.client.get("/", params={"date_from": "30/11/2015", "grade": "Great"})
    assert response.status_code == 400
    assert "date_from: &#39;30/11/2015&#39; is not a date (use YYYY-MM-DD)" in response.text
    assert "grade: &#39;Great&#39; is not one of Confirmed" in response.text
    assert 'id="f-from"' in response.text


def test_incident_page_shows_ranges_sources_positions_and_marked_sentences(world: World) -> None:
    page = main_of(world.client.get("/incidents/ariha-2015-11-29").text)
    assert "<h1>Air strike in Ariha, 2015-11-29</h1>" in page
    assert re.search(r"Civilians killed</th><td class=\"num\">44–60<", page)
    assert re.search(r"Children killed</th><td class=\"num\">7<", page)
    assert re.search(r"Civilians injured</th><td class=\"num\">not reported<", page)
    # per-source figures: source, words, range, link to the span on the report page
    a_start = TEXT_A.index("at least 44")
    assert "<td>Example News</td>\n    <td>“at least 44”</td>\n    <td>at least 44</td>" in page
    assert f'href="/reports/{SHA_A}#span-{a_start}-{a_start + 11}"' in page
    assert "<td>Other Wire</td>" in page and f'href="/reports/{SHA_B}#span-' in page
    # the accused party's position
    assert "<td>denies</td>" in page and "Igor Konashenkov" in page and "spokesman" in page
    # grade with its rule, coordinates as text
    assert "Fair" in page and "suggested by rule: two or more independent sources" in page
    assert "35.8135° N, 36.6068° E (GeoNames 170017, precision: exact)" in page
    # the sentences that fed the incident, with the spans marked; not the unrelated tally sentence
    quotes = re.findall(r'<blockquote class="excerpt">(.*?)</blockquote>', page, re.S)
    assert len(quotes) == 2
    assert '<mark class="hl hl-casualty"' in quotes[0] and ">at least 44</mark>" in quotes[0]
    assert html.unescape(re.sub(r"<[^>]+>", "", quotes[0])).startswith("Russian jets struck")
    assert "at least 200" not in quotes[0]
    assert ">60</mark>" in quotes[1]
    well_formed(page)


def test_incident_page_anchors_exist_on_the_report_page(world: World) -> None:
    page = world.client.get("/incidents/ariha-2015-11-29").text
    for sha, anchor in re.findall(r'href="/reports/([0-9a-f]{64})#([^"]+)"', page):
        report = world.client.get(f"/reports/{sha}").text
        assert f'id="{anchor}"' in report, (sha, anchor)


def test_report_page_marks_every_extracted_span(world: World) -> None:
    response = world.client.get(f"/reports/{SHA_A}")
    page = main_of(response.text)
    tags = well_formed(page)
    marks = claim_marks(world.a)
    assert len(marks) == 8  # attack, 2 casualties, place, tally, position, evidence, legal
    text_div = page[page.index('<div class="report-text"') : page.index("</div>", page.index("report-text"))]
    for mark in marks:
        assert f'id="{mark.anchor}"' in text_div
        assert f'href="#{mark.anchor}"' in page
    # the text is all there, exactly, once the marks are removed
    inner = text_div[text_div.index(">") + 1 :]
    assert html.unescape(re.sub(r"</?mark[^>]*>", "", inner)) == TEXT_A
    assert 'title="place → Ariha, SY (35.8135, 36.6068)"' in page
    assert (
        'title="tally: Amnesty International: at least 200 civilians killed by Russia, 2015-09-30 – 2015-11-29"' in page
    )
    assert 'title="position: Russian Defense Ministry denies (Igor Konashenkov, spokesman)"' in page
    assert 'title="casualty range: civilians killed: at least 44"' in page
    assert 'class="hl hl-evidence"' in page and 'class="hl hl-legal"' in page
    for label in (
        "Example News",
        "Reuters",
        "2015-11-30",
        SHA_A,
        "https://example.org/ariha",
        "civharm tests",
    ):
        assert label in page
    assert tags.tags.count("mark") >= len(marks)


def test_stored_markup_in_a_report_is_shown_as_text(world: World) -> None:
    for path in (f"/reports/{SHA_C}", "/incidents/maskaneh-2015-12", "/", "/tallies"):
        page = world.client.get(path).text
        assert "<script>alert" not in page, path
        assert "<img" not in page, path
        assert "<b>Bold</b>" not in page and "<i>Evil</i>" not in page, path
        assert 'href="javascript:' not in page, path
    report = world.client.get(f"/reports/{SHA_C}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in report
    assert "&lt;img src=x onerror=alert(2)&gt;" in report
    assert "&lt;b&gt;Bold&lt;/b&gt; title" in report
    assert "javascript:alert(3)" in report  # shown as text, not a link
    inner = main_of(report)
    text_div = inner[inner.index('<div class="report-text"') : inner.index("</div>", inner.index("report-text"))]
    assert html.unescape(re.sub(r"</?mark[^>]*>", "", text_div[text_div.index(">") + 1 :])) == TEXT_C
    well_formed(report)


def test_tallies_page_keeps_headline_apart_and_links_incidents(world: World) -> None:
    page = main_of(world.client.get("/tallies").text)
    head = page[page.index('id="headline"') : page.index('id="other-grades"')]
    other = page[page.index('id="other-grades"') : page.index('id="reported"')]
    assert "Russia" in head and "44–60" in head and 'href="/incidents/ariha-2015-11-29"' in head
    assert "maskaneh" not in head
    assert 'href="/incidents/maskaneh-2015-12"' in other and 'href="/incidents/undated-contested"' in other
    reported = page[page.index('id="reported"') :]
    assert "Amnesty International: at least 200 civilians killed by Russia, 2015-09-30 – 2015-11-29" in reported
    start = TEXT_A.index("at least 200 civilians")
    assert f'href="/reports/{SHA_A}#span-{start}-{start + len("at least 200 civilians")}"' in reported


def test_tallies_by_each_grouping(world: World) -> None:
    expected = {"month": "2015-11", "place": "Ariha, SY", "grade": "Fair", "perpetrator": "Russia"}
    for by, key in expected.items():
        page = world.client.get("/tallies", params={"by": by}).text
        assert f'href="/tallies?by={by}" aria-current="page"' in page
        assert f'<th scope="row">{key}</th>' in page, by
    bad = world.client.get("/tallies", params={"by": "colour"})
    assert bad.status_code == 400
    assert "by: &#39;colour&#39; is not one of perpetrator" in bad.text


def test_unknown_ids_are_404_pages(world: World) -> None:
    for path in ("/incidents/nope", f"/reports/{'0' * 64}", "/no/such/page"):
        response = world.client.get(path)
        assert response.status_code == 404, path
        assert response.headers["content-type"].startswith("text/html")
        assert "<h1>Not found</h1>" in response.text


def test_an_empty_store_renders_every_page(empty_client: TestClient) -> None:
    assert "No incident matches." in empty_client.get("/").text
    tallies = empty_client.get("/tallies").text
    assert "No source tally has been extracted." in tallies
    assert empty_client.get("/api/incidents").json() == {
        "items": [],
        "limit": 50,
        "offset": 0,
        "next_offset": None,
        "next_after": None,
    }


def test_static_files_are_ours(world: World) -> None:
    css = world.client.get("/static/style.css")
    assert css.status_code == 200 and "mark.hl-casualty" in css.text
    assert "http" not in css.text
