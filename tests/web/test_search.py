"""The search page and ``GET /api/search``: results, escaping, the header box, what the public may find."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from civharm.web.app import create_app
from tests.web.conftest import SHA_A, SHA_B, SHA_C, World


@pytest.fixture(scope="module")
def public_only(world: World) -> Iterator[TestClient]:
    """The same data with only published incidents public (the rule once desk accounts exist)."""
    app_settings = world.client.app.state.settings.with_overrides(public_status_only=True)  # type: ignore[attr-defined]
    with TestClient(create_app(world.store, app_settings)) as client:
        yield client


def test_api_finds_reports_with_snippets_and_incidents(world: World) -> None:
    response = world.client.get("/api/search", params={"q": "market Ariha"})
    assert response.status_code == 200
    body = response.json()
    assert {item["sha256"] for item in body["items"]} == {SHA_A, SHA_B}
    assert (body["limit"], body["offset"], body["next_offset"], body["total"]) == (20, 0, None, 2)
    a = next(item for item in body["items"] if item["sha256"] == SHA_A)
    assert (a["title"], a["publisher"], a["published"]) == ("Market strike in Ariha", "Example News", "2015-11-30")
    assert [i["id"] for i in a["incidents"]] == ["ariha-2015-11-29"]
    marked = {a["snippet"][m["start"] : m["end"]].lower() for m in a["marks"]}
    assert marked <= {"market", "ariha"} and marked


def test_api_pages(world: World) -> None:
    first = world.client.get("/api/search", params={"q": "civilians", "limit": 1}).json()
    second = world.client.get("/api/search", params={"q": "civilians", "limit": 1, "offset": 1}).json()
    assert first["total"] == 3 and first["next_offset"] == 1 and second["next_offset"] == 2
    assert first["items"][0]["sha256"] != second["items"][0]["sha256"]


def test_api_search_is_in_the_openapi_document(world: World) -> None:
    openapi = world.client.get("/api/openapi.json").json()
    operation = openapi["paths"]["/api/search"]["get"]
    assert operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/SearchPage")
    assert {p["name"] for p in operation["parameters"]} == {"q", "limit", "offset"}


@pytest.mark.parametrize(
    ("params", "detail"),
    [
        ({}, "q: Field required"),
        ({"q": '"" * -'}, "type a word"),
        ({"q": "-shelling"}, "not only what to leave out"),
        ({"q": "x" * 501}, "at most 500"),
        ({"q": "market", "limit": 101}, "limit"),
        ({"q": "market", "offset": -1}, "offset"),
        ({"q": "market", "offset": 10**19}, "offset"),
    ],
)
def test_api_refuses_what_it_cannot_search_in_one_line(world: World, params: dict[str, object], detail: str) -> None:
    response = world.client.get("/api/search", params=params)
    assert response.status_code == 422
    assert detail in response.json()["detail"]


def test_page_shows_ranked_results_with_marked_snippets(world: World) -> None:
    response = world.client.get("/search", params={"q": '"crowded markets"'})
    assert response.status_code == 200
    assert "1 report found" in response.text
    assert f'href="/reports/{SHA_A}"' in response.text
    assert '<mark class="hl hl-match"' in response.text
    assert 'href="/incidents/ariha-2015-11-29"' in response.text
    assert 'value="&#34;crowded markets&#34;"' in response.text  # the query is shown back, escaped


def test_page_escapes_snippets_titles_and_publishers(world: World) -> None:
    response = world.client.get("/search", params={"q": "Maskaneh fighter"})
    assert response.status_code == 200
    assert f'href="/reports/{SHA_C}"' in response.text
    assert "&lt;img src=x onerror=alert(2)&gt;" in response.text
    assert "&lt;b&gt;Bold&lt;/b&gt; title" in response.text and "&lt;i&gt;Evil&lt;/i&gt; Press" in response.text
    assert "<script>alert" not in response.text and "<img src=x" not in response.text and "<b>Bold" not in response.text


def test_page_without_a_query_shows_the_form_and_a_bad_query_says_why(world: World) -> None:
    empty = world.client.get("/search")
    assert empty.status_code == 200 and 'id="search-q"' in empty.text and "found" not in empty.text
    bad = world.client.get("/search", params={"q": "-market"})
    assert bad.status_code == 400
    assert 'role="alert"' in bad.text and "not only what to leave out" in bad.text


@pytest.mark.parametrize("path", ["/", "/tallies", "/methodology", f"/reports/{SHA_B}", "/search?q=x", "/no/such"])
def test_every_page_has_the_search_box_in_its_header(world: World, path: str) -> None:
    html = world.client.get(path).text
    header = html[html.index('<header class="site">') : html.index("</header>")]
    assert 'role="search"' in header and 'action="/search"' in header and 'method="get"' in header
    assert '<label for="site-search-q">' in header and 'id="site-search-q" name="q"' in header


def test_the_public_finds_only_reports_of_published_incidents(world: World, public_only: TestClient) -> None:
    everyone = world.client.get("/api/search", params={"q": "strike"}).json()
    assert {item["sha256"] for item in everyone["items"]} == {SHA_A, SHA_C}
    public = public_only.get("/api/search", params={"q": "strike"}).json()
    assert [item["sha256"] for item in public["items"]] == [SHA_A] and public["total"] == 1
    page = public_only.get("/search", params={"q": "Maskaneh"})
    assert page.status_code == 200 and "0 reports found" in page.text and SHA_C not in page.text


@given(q=st.text(max_size=60) | st.text(alphabet='"-*()^:+ .\x00aANDORNOT', max_size=30))
@settings(max_examples=50, deadline=None)
def test_no_query_is_a_server_error(world: World, q: str) -> None:
    api = world.client.get("/api/search", params={"q": q})
    assert api.status_code in (200, 422), api.text
    page = world.client.get("/search", params={"q": q})
    assert page.status_code in (200, 400), page.text
