"""The JSON API and its OpenAPI description."""

from __future__ import annotations

import csv
import io

from civharm.records import Extraction, Incident
from civharm.web.app import route_table
from tests.web.conftest import SHA_A, SHA_C, TEXT_A, World


def test_incident_list_is_paginated_and_filtered(world: World) -> None:
    body = world.client.get("/api/incidents").json()
    assert [i["id"] for i in body["items"]] == ["maskaneh-2015-12", "ariha-2015-11-29", "undated-contested"]
    assert body["next_offset"] is None
    page = world.client.get("/api/incidents", params={"limit": 2}).json()
    assert [i["id"] for i in page["items"]] == ["maskaneh-2015-12", "ariha-2015-11-29"]
    assert page["next_offset"] == 2
    rest = world.client.get("/api/incidents", params={"limit": 2, "offset": 2}).json()
    assert [i["id"] for i in rest["items"]] == ["undated-contested"] and rest["next_offset"] is None
    # the same pages by cursor: the last one says there is no next
    assert page["next_after"] == "2015-11-29_ariha-2015-11-29"
    after = world.client.get("/api/incidents", params={"limit": 2, "after": page["next_after"]}).json()
    assert after["items"] == rest["items"] and after["next_after"] is None and after["next_offset"] is None
    one = world.client.get("/api/incidents", params={"limit": 1, "after": "2015-11-29_ariha-2015-11-29"}).json()
    assert [i["id"] for i in one["items"]] == ["undated-contested"] and one["next_after"] is None
    filtered = world.client.get("/api/incidents", params={"perpetrator": "russia", "grade": "Fair"}).json()
    assert [i["id"] for i in filtered["items"]] == ["ariha-2015-11-29"]
    by_date = world.client.get("/api/incidents", params={"date_from": "2015-12-01"}).json()
    assert [i["id"] for i in by_date["items"]] == ["maskaneh-2015-12"]
    # items are Incident records exactly as stored
    stored = world.store.incident("ariha-2015-11-29")
    assert Incident.model_validate(body["items"][1]) == stored


def test_open_maximum_stays_null(world: World) -> None:
    body = world.client.get("/api/incidents/ariha-2015-11-29").json()
    figures = {(f["source"], f["words"]): (f["min"], f["max"]) for f in body["incident"]["figures"]}
    assert figures[("Example News", "at least 44")] == (44, None)


def test_incident_detail_has_claims_and_reports(world: World) -> None:
    body = world.client.get("/api/incidents/ariha-2015-11-29").json()
    assert body["incident"]["civilians_killed"] == {"min": 44, "max": 60}
    kinds = sorted(c["kind"] for c in body["claims"])
    assert kinds == ["attack", "attack", "casualty", "casualty", "casualty", "evidence", "legal", "position"]
    position = next(c for c in body["claims"] if c["kind"] == "position")
    assert position["claim"]["speaker"] == "Igor Konashenkov"
    assert position["report_sha256"] == SHA_A
    attack = next(c for c in body["claims"] if c["kind"] == "attack" and c["report_sha256"] == SHA_A)
    assert TEXT_A[attack["claim"]["start"] : attack["claim"]["end"]].startswith("Russian jets struck")
    assert [r["sha256"] for r in body["reports"]] == [SHA_A, "b" * 64]
    assert body["reports"][0]["text"] == TEXT_A


def test_report_is_the_extraction(world: World) -> None:
    body = world.client.get(f"/api/reports/{SHA_A}").json()
    assert Extraction.model_validate(body) == world.a
    # captured markup is data in JSON, returned exactly
    xss = world.client.get(f"/api/reports/{SHA_C}").json()
    assert xss["report"]["text"].startswith("<script>alert(1)</script>")


def test_tally_shapes(world: World) -> None:
    body = world.client.get("/api/tally", params={"by": "perpetrator"}).json()
    assert body["by"] == "perpetrator"
    assert [r["key"] for r in body["headline"]] == ["Russia"]
    assert body["headline"][0]["civilians_killed"] == {"min": 44, "max": 60}
    assert body["headline"][0]["civilians_killed_text"] == "44–60"
    assert body["headline"][0]["incident_ids"] == ["ariha-2015-11-29"]
    assert body["other_total"]["incidents"] == 2
    assert body["reported"][0]["text"].startswith("Amnesty International: at least 200 civilians killed")
    assert body["reported"][0]["tally"]["max"] is None
    months = world.client.get("/api/tally", params={"by": "month"}).json()
    assert [r["key"] for r in months["other"]] == ["2015-12", "unknown"]


def test_exports(world: World) -> None:
    as_json = world.client.get("/api/export/json")
    assert as_json.status_code == 200
    assert as_json.headers["content-type"].startswith("application/json")
    assert "attachment" in as_json.headers["content-disposition"]
    assert {i["id"] for i in as_json.json()["incidents"]} == {
        "ariha-2015-11-29",
        "maskaneh-2015-12",
        "undated-contested",
    }
    as_csv = world.client.get("/api/export/csv")
    assert as_csv.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert {r["id"] for r in rows} == {"ariha-2015-11-29", "maskaneh-2015-12", "undated-contested"}
    geo = world.client.get("/api/export/geojson")
    assert geo.headers["content-type"].startswith("application/geo+json")
    collection = geo.json()
    assert collection["type"] == "FeatureCollection"
    assert len(collection["features"]) == 2 and collection["skipped"] == 1
    assert world.client.get("/api/export/xml").status_code == 422


def test_errors_are_one_line_json(world: World) -> None:
    missing = world.client.get("/api/incidents/nope")
    assert missing.status_code == 404
    assert missing.json() == {"detail": "no incident 'nope'"}
    assert world.client.get(f"/api/reports/{'0' * 64}").status_code == 404
    assert world.client.get("/api/nothing-here").json() == {"detail": "nothing at /api/nothing-here"}
    for params in (
        {"limit": 0},
        {"limit": 100000},
        {"date_from": "yesterday"},
        {"grade": "Great"},
        {"offset": -1},
        {"offset": 2**63},  # past PostgreSQL's bigint: a 422, not a database error
        {"perpetrator": "\x00"},  # PostgreSQL text cannot hold NUL: a 422, not a database error
        {"place": "Idlib\x00"},
    ):
        bad = world.client.get("/api/incidents", params=params)
        assert bad.status_code == 422, params
        detail = bad.json()["detail"]
        assert isinstance(detail, str) and "\n" not in detail and detail.split(":")[0] in params
    for after in ("2015-11-29", "yesterday_x", "2015-11-29_"):
        bad = world.client.get("/api/incidents", params={"after": after})
        assert bad.status_code == 422
        assert bad.json() == {"detail": f"after: {after!r} is not a cursor (use next_after from the previous page)"}
    both = world.client.get("/api/incidents", params={"after": "_x", "offset": 2})
    assert both.status_code == 422 and both.json() == {"detail": "page by offset or by after, not both"}
    assert world.client.get("/api/tally", params={"by": "colour"}).status_code == 422


def test_openapi_lists_every_api_route(world: World) -> None:
    response = world.client.get("/api/openapi.json")
    assert response.status_code == 200
    spec = response.json()
    assert spec["openapi"].startswith("3.")
    assert spec["info"]["title"] == "civharm"
    api_routes = {r.path for r in route_table() if r.path.startswith("/api/")} - {
        "/api/docs",
        "/api/openapi.json",
    }
    assert api_routes == {
        "/api/incidents",
        "/api/incidents/{incident_id}",
        "/api/incidents/{incident_id}/history",
        "/api/reports/{sha256}",
        "/api/search",
        "/api/tally",
        "/api/export/{fmt}",
    }
    assert set(spec["paths"]) == api_routes
    for path, operations in spec["paths"].items():
        for op in operations.values():
            assert "200" in op["responses"], path
            assert op.get("summary") and op.get("description"), path
    # every schema a response refers to is defined
    text = response.text
    for ref in set(__import__("re").findall(r'"#/components/schemas/([^"]+)"', text)):
        assert ref in spec["components"]["schemas"], ref


def test_docs_page_lists_the_endpoints_without_a_cdn(world: World) -> None:
    page = world.client.get("/api/docs").text
    for path in ("/api/incidents", "/api/incidents/{incident_id}", "/api/reports/{sha256}", "/api/tally"):
        assert f"<code>GET {path}</code>" in page
    assert "cdn" not in page.lower() and "<script" not in page
    assert world.client.get("/api/redoc").status_code == 404


# one file each front-end package serves (installed by `npm ci`)
VENDOR_EXAMPLES = {
    "/vendor/leaflet/{path}": "leaflet.js",
    "/vendor/leaflet.markercluster/{path}": "leaflet.markercluster.js",
    "/vendor/topojson-client/{path}": "topojson-client.min.js",
    "/vendor/world-atlas/{path}": "countries-50m.json",
}


def test_route_table_lists_what_the_app_serves(world: World) -> None:
    table = route_table()
    paths = [r.path for r in table]
    assert len(paths) == len(set(paths))
    assert {"/", "/incidents/{incident_id}", "/reports/{sha256}", "/tallies", "/api/docs"} <= set(paths)
    for route in table:
        assert route.summary and "\n" not in route.summary
        concrete = (
            route.path.replace("{incident_id}", "ariha-2015-11-29")
            .replace("{sha256}", SHA_A)
            .replace("{fmt}", "json")
            .replace("{page}", "tallies-perpetrator")
            .replace("{path}", VENDOR_EXAMPLES.get(route.path, "style.css"))
        )
        query = {"q": "Ariha"} if route.path == "/api/search" else None  # the one route that needs a parameter
        assert world.client.get(concrete, params=query).status_code == 200, route.path
