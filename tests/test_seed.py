"""The page this project started from, end to end through ``civharm extract --json``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from civharm.cli import main
from civharm.geo import haversine_km

# GeoNames coordinates of the three governorate capitals Amnesty names.
SYRIAN_CITIES = {"Homs": (34.72682, 36.72339), "Idlib": (35.93062, 36.63393), "Aleppo": (36.20124, 37.16117)}


def extract(path: Path, *args: str) -> dict[str, Any]:
    result = CliRunner().invoke(main, ["extract", str(path), "--json", *args])
    assert result.exit_code == 0, result.output
    document: dict[str, Any] = json.loads(result.stdout)
    return document


@pytest.fixture(scope="module")
def seed(samples: Path) -> dict[str, Any]:
    return extract(samples / "000.txt", "--published", "2015-12-23")


def test_report_text_is_the_article_only(seed: dict[str, Any]) -> None:
    text = seed["report"]["text"]
    assert "A day after officials announced a deal" in text
    assert "images showing the aftermath of attacks" in text
    for boilerplate in (
        "Republish This Story",
        "Internet Explorer",
        "support the Forward",
        "Skip To Content",
    ):
        assert boilerplate not in text
    assert seed["report"]["origin"]


def test_amnesty_tally_not_an_incident(seed: dict[str, Any]) -> None:
    tallies = seed["tallies"]
    civilians = [t for t in tallies if t["words"] == "at least 200 civilians"]
    fighters = [t for t in tallies if t["words"] == "around a dozen fighters"]
    assert len(civilians) == len(fighters) == 1
    assert (civilians[0]["min"], civilians[0]["max"], fighters[0]["min"], fighters[0]["max"]) == (
        200,
        None,
        11,
        13,
    )
    for tally in (civilians[0], fighters[0]):
        assert tally["source"] == "Amnesty International"
        assert tally["outcome"] == "killed"
        assert tally["perpetrator"] == "Russia"
        assert (tally["period_start"], tally["period_end"]) == ("2015-09-30", "2015-11-29")
        assert {"home", "mosque", "market", "medical facility"} <= set(tally["targets"])
        assert seed["report"]["text"][tally["start"] : tally["end"]] == tally["words"]
    assert seed["incidents"] == []


def test_whole_war_toll_is_not_a_casualty_figure(seed: dict[str, Any]) -> None:
    figures = [t["min"] for t in seed["tallies"]]
    figures += [c["min"] for i in seed["incidents"] for c in i["casualties"]]
    assert all(f < 100_000 for f in figures)


def test_places_resolved_in_syria(seed: dict[str, Any]) -> None:
    places = {p["name"]: p for p in seed["places"]}
    for name, (lat, lon) in SYRIAN_CITIES.items():
        place = places[name]
        assert place["country"] == "SY"
        assert haversine_km(place["lat"], place["lon"], lat, lon) < 25


def test_evidence_legal_and_denial(seed: dict[str, Any]) -> None:
    types = {e["type"] for e in seed["evidence"]}
    assert {"witness interviews", "survivor interviews", "video", "images"} <= types
    legal = {(item["words"], item["by"]) for item in seed["legal"]}
    assert ("may amount to war crimes", "Amnesty International") in legal
    denials = [p for p in seed["positions"] if p["stance"] == "denies" and p["party"] == "Russia"]
    assert any(p["speaker"] == "Igor Konashenkov" and p["role"] == "spokesman" for p in denials)


def test_without_publication_date_the_year_stays_unknown(samples: Path) -> None:
    document = extract(samples / "000.txt")
    assert document["report"]["published"] is None
    [civilians] = [t for t in document["tallies"] if t["words"] == "at least 200 civilians"]
    assert civilians["period_end"] is None
    assert civilians["period_end_partial"] == "--11-29"
    assert civilians["period_start_partial"] == "--09-30"
    assert "2025" not in json.dumps(document["tallies"])
