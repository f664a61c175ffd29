"""ACLED- and UCDP-GED-shaped exports, and the JSON export's round trip through ``civharm import``."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner

from civharm.cli import main
from civharm.errors import CivharmError
from civharm.publish.export import render_export
from civharm.publish.importing import import_export
from civharm.publish.standard import (
    ACLED_COLUMNS,
    UCDP_COLUMNS,
    country_name,
    date_bounds,
)
from civharm.records import DatePrecision, Extraction, Figure, Incident, Place, PlacePrecision
from civharm.store.db import open_database
from civharm.store.repository import Store
from tests.backend import cli_env, database_url
from tests.web.conftest import extraction_a, extraction_b, extraction_c, incidents


class _Shelf:
    """The three hand-written extractions of the web tests, found by sha256."""

    def __init__(self) -> None:
        self.by_sha = {e.report.sha256: e for e in (extraction_a(), extraction_b(), extraction_c())}

    def extractions_by_sha(self, shas: Sequence[str], claims: bool = True) -> dict[str, Extraction]:
        return {sha: self.by_sha[sha] for sha in shas}


def _incidents() -> list[Incident]:
    return incidents(extraction_a(), extraction_b(), extraction_c())


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_acled_rows_map_types_precision_and_the_conservative_minimum() -> None:
    text = render_export("acled", _incidents(), _Shelf())
    assert text.splitlines()[0] == ",".join(ACLED_COLUMNS)
    ariha, maskaneh, undated = _rows(text)
    assert ariha["event_id_cnty"] == "ariha-2015-11-29"
    assert (ariha["event_date"], ariha["year"], ariha["time_precision"]) == ("2015-11-29", "2015", "1")
    assert ariha["event_type"] == "Explosions/Remote violence"
    assert ariha["sub_event_type"] == "Air/drone strike"
    assert ariha["civilian_targeting"] == "Civilian targeting"
    assert (ariha["country"], ariha["admin1"], ariha["location"]) == ("Syria", "Idlib", "Ariha")
    assert (float(ariha["latitude"]), float(ariha["longitude"])) == (35.8135, 36.6068)
    assert ariha["geo_precision"] == "1"
    assert ariha["fatalities"] == "44"  # 44–60 civilians: the minimum
    assert ariha["source"] == "Example News; Other Wire"
    assert "44–60" in ariha["notes"] and "Fair" in ariha["notes"]
    # a month-precise date is the month's first day with time_precision 3; a fighter adds to fatalities
    assert (maskaneh["event_date"], maskaneh["time_precision"], maskaneh["fatalities"]) == ("2015-12-01", "3", "13")
    assert maskaneh["source"] == "'<i>Evil</i> Press" or maskaneh["source"] == "<i>Evil</i> Press"
    assert undated["event_date"] == "" and undated["geo_precision"] == "" and undated["fatalities"] == "0"
    assert undated["sub_event_type"] == "Shelling/artillery/missile attack"


def test_ucdp_rows_give_date_spans_where_prec_and_low_best_high() -> None:
    text = render_export("ucdp", _incidents(), _Shelf())
    assert text.splitlines()[0] == ",".join(UCDP_COLUMNS)
    ariha, maskaneh, undated = _rows(text)
    assert ariha["type_of_violence"] == "3" and ariha["side_b"] == "Civilians"
    assert (ariha["date_start"], ariha["date_end"], ariha["date_prec"]) == ("2015-11-29", "2015-11-29", "1")
    assert ariha["where_prec"] == "1"
    assert (ariha["deaths_civilians"], ariha["low"], ariha["best"], ariha["high"]) == ("44", "44", "44", "60")
    assert ariha["number_of_sources"] == "2"
    assert "https://example.org/ariha" in ariha["source_article"]
    assert (maskaneh["date_start"], maskaneh["date_end"], maskaneh["date_prec"]) == ("2015-12-01", "2015-12-31", "4")
    assert (maskaneh["deaths_unknown"], maskaneh["low"], maskaneh["high"]) == ("1", "13", "13")
    assert undated["date_start"] == "" and undated["where_prec"] == "" and undated["high"] == ""


@pytest.mark.parametrize(
    ("precision", "acled", "ucdp"),
    [
        (PlacePrecision.EXACT, "1", "1"),
        (PlacePrecision.NEAR, "2", "2"),
        (PlacePrecision.ADMIN2, "2", "3"),
        (PlacePrecision.ADMIN1, "3", "4"),
        (PlacePrecision.COUNTRY, "3", "6"),
    ],
)
def test_place_precision_maps_to_both_codes(precision: PlacePrecision, acled: str, ucdp: str) -> None:
    place = Place(name="Idlib", lat=35.9, lon=36.6, country="SY", precision=precision)
    incident = _incidents()[0].model_copy(update={"place": place})
    assert _rows(render_export("acled", [incident], _Shelf()))[0]["geo_precision"] == acled
    assert _rows(render_export("ucdp", [incident], _Shelf()))[0]["where_prec"] == ucdp


def test_open_maximum_leaves_ucdp_high_empty() -> None:
    incident = _incidents()[0].model_copy(update={"civilians_killed": Figure(min=200, max=None)})
    row = _rows(render_export("ucdp", [incident], _Shelf()))[0]
    assert (row["low"], row["high"]) == ("200", "")


def test_date_bounds_follow_the_precision() -> None:
    day = dt.date(2024, 2, 14)
    assert date_bounds(day, DatePrecision.WEEK) == (day, dt.date(2024, 2, 20))
    assert date_bounds(day, DatePrecision.MONTH) == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert date_bounds(day, DatePrecision.YEAR) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert date_bounds(day, DatePrecision.DAY_MONTH) == (None, None)
    assert country_name("ua") == "Ukraine" and country_name("ZZ") == "ZZ" and country_name(None) == ""


def _empty_store(home: Path) -> Store:
    return Store(open_database(database_url(home)))


def test_json_export_imports_into_an_empty_database_as_the_same_incidents(tmp_path: Path) -> None:
    source = _empty_store(tmp_path / "source")
    shelf = _Shelf()
    for extraction in shelf.by_sha.values():
        source.add_extraction(extraction)
    source.replace_incidents(_incidents())
    document = json.loads(render_export("json", source.incidents(), source))

    target = _empty_store(tmp_path / "target")
    summary = import_export(target, document)
    assert (summary.incidents, summary.reports_added, summary.reports_known) == (3, 3, 0)
    assert target.incidents() == source.incidents()
    for sha, extraction in shelf.by_sha.items():
        assert target.extraction(sha) == extraction
    assert target.incident_claims("ariha-2015-11-29") == source.incident_claims("ariha-2015-11-29")
    # importing again changes nothing
    assert import_export(target, document).reports_known == 3
    assert target.incidents() == source.incidents()


def test_import_refuses_what_is_not_an_export(tmp_path: Path) -> None:
    store = _empty_store(tmp_path)
    with pytest.raises(CivharmError, match='no "incidents" list'):
        import_export(store, {"features": []})
    document = json.loads(render_export("json", _incidents(), _Shelf()))
    document["reports"] = document["reports"][:1]
    with pytest.raises(CivharmError, match="which the file does not carry"):
        import_export(store, document)
    assert store.incidents() == []


def test_cli_export_then_import(tmp_path: Path) -> None:
    home = tmp_path / "home"
    store = _empty_store(home)
    for extraction in _Shelf().by_sha.values():
        store.add_extraction(extraction)
    store.replace_incidents(_incidents())
    runner = CliRunner()
    out = tmp_path / "export.json"
    for fmt in ("json", "acled", "ucdp"):
        target = out if fmt == "json" else tmp_path / f"e.{fmt}.csv"
        args = ["--home", str(home), "export", "--format", fmt, "--status", "all", "--out", str(target)]
        result = runner.invoke(main, args)
        assert result.exit_code == 0, result.output
    empty = tmp_path / "empty"
    result = runner.invoke(main, ["--home", str(empty), "import", str(out)], env=cli_env(empty))
    assert result.exit_code == 0, result.output
    assert "imported 3 incidents; 3 new reports" in result.output
    assert _empty_store(empty).incidents() == store.incidents()
    bad = runner.invoke(main, ["--home", str(empty), "import", str(tmp_path / "missing.json")], env=cli_env(empty))
    assert bad.exit_code == 2 and "no such file" in bad.output
