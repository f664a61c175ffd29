"""Exports: JSON shape with reports and claims, flat CSV, GeoJSON in [lon, lat] order."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

import pytest

from civharm.errors import CivharmError
from civharm.link.linker import link
from civharm.publish.export import CSV_COLUMNS, export_csv, export_geojson, export_json, render_export
from civharm.records import Extraction, Incident

from ..link.builders import ARIHA, DAY1, KHARKIV, attack, days, extraction, killed, report


def _linked() -> tuple[list[Incident], dict[str, Extraction]]:
    exts = [
        extraction(report("a", publisher="Al Jazeera"), attack(DAY1, ARIHA, casualties=(killed(44, None),))),
        extraction(
            report("b", publisher="Reuters", published=days(1)),
            attack(DAY1, ARIHA, casualties=(killed(40, 40),)),
        ),
        extraction(report("c", publisher="=HYPERLINK(1)"), attack(days(5), KHARKIV.model_copy(update={"lat": None}))),
    ]
    return link(exts), {e.report.sha256: e for e in exts}


def test_geojson_uses_lon_lat_order_and_counts_what_it_leaves_out() -> None:
    incidents, _ = _linked()
    geo = export_geojson(incidents)
    assert geo["type"] == "FeatureCollection"
    assert geo["skipped"] == 1
    (feature,) = geo["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [ARIHA.lon, ARIHA.lat]}
    assert feature["properties"]["civilians_killed"] == {"min": 40, "max": None}
    assert feature["properties"]["date"] == "2024-03-10"
    json.dumps(geo)  # serialisable as is


def test_csv_has_the_documented_header_and_empty_cells_for_open_maxima() -> None:
    incidents, by_sha = _linked()
    rows = list(csv.DictReader(io.StringIO(export_csv(incidents, by_sha))))
    text = export_csv(incidents, by_sha)
    assert text.splitlines()[0].split(",")[:3] == ["id", "date", "date_precision"]
    assert tuple(rows[0]) == CSV_COLUMNS
    ariha = next(r for r in rows if r["place"] == "Ariha")
    assert ariha["date"] == "2024-03-10"
    assert (ariha["civilians_killed_min"], ariha["civilians_killed_max"]) == ("40", "")
    assert ariha["grade"] == "Fair"
    assert ariha["source_count"] == "2"
    ariha_incident = next(i for i in incidents if i.place and i.place.name == "Ariha")
    expected = {by_sha[s].report.url for s in ariha_incident.report_ids}
    assert set(ariha["report_urls"].split(" | ")) == expected
    assert ariha["latitude"] == str(ARIHA.lat)


def test_csv_without_extractions_still_lists_report_ids() -> None:
    incidents, _ = _linked()
    rows = list(csv.DictReader(io.StringIO(export_csv(incidents))))
    assert all(r["report_urls"] == "" for r in rows)
    assert rows[0]["report_ids"].count(" | ") == 1


def test_csv_cells_cannot_run_as_spreadsheet_formulas() -> None:
    incidents, by_sha = _linked()
    kharkiv = next(i for i in incidents if i.place and i.place.name == "Kharkiv")
    hostile = kharkiv.model_copy(update={"perpetrators": ("=cmd|'/c calc'!A1",)})
    (row,) = list(csv.DictReader(io.StringIO(export_csv([hostile], by_sha))))
    assert row["perpetrators"].startswith("'=")
    assert row["longitude"] == str(KHARKIV.lon)


def test_json_has_incidents_with_reports_and_claims() -> None:
    incidents, by_sha = _linked()
    data = export_json(incidents, by_sha)
    json.dumps(data)
    first = data["incidents"][0]
    assert first["id"] == incidents[0].id
    assert first["date"] == "2024-03-10"
    assert first["civilians_killed"] == {"min": 40, "max": None}
    assert {r["sha256"] for r in first["reports"]} == set(incidents[0].report_ids)
    assert all(set(r) >= {"sha256", "url", "title"} for r in first["reports"])
    assert len(first["claims"]) == 2
    claim = first["claims"][0]
    assert {"report_sha256", "index", "start", "end", "attack_type", "casualties"} <= set(claim)
    assert {"start", "end", "words", "min", "max"} <= set(claim["casualties"][0])
    assert {f["source"] for f in first["figures"]} == {"Al Jazeera", "Reuters"}


class _Shelf:
    """Extractions by sha256, answering like the store does (absent ones left out)."""

    def __init__(self, extractions: dict[str, Extraction]) -> None:
        self._by_sha = extractions

    def extractions_by_sha(self, shas: Sequence[str], claims: bool = True) -> dict[str, Extraction]:
        return {sha: self._by_sha[sha] for sha in shas if sha in self._by_sha}


def test_render_export_for_the_cli() -> None:
    incidents, by_sha = _linked()
    partial = dict(list(by_sha.items())[1:])  # one report is gone: its id is still exported
    shelf = _Shelf(partial)
    assert json.loads(render_export("geojson", incidents, shelf))["skipped"] == 1
    assert render_export("csv", incidents, shelf).startswith("id,date,")
    exported = json.loads(render_export("json", incidents, shelf))
    assert sum(len(i["reports"]) for i in exported["incidents"]) == 3
    with pytest.raises(CivharmError, match="unknown export format 'xml'"):
        render_export("xml", incidents, shelf)
