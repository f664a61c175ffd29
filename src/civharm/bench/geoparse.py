"""Geoparsing benchmark on LGL and GeoVirus: accuracy@161 km, mean error, AUC, toponym P/R.

``gold`` mode resolves the annotated toponym spans (disambiguation only); ``e2e`` mode recognises
toponyms itself first (spaCy + gazetteer), scores resolution on the predicted spans that overlap a
gold span, and adds toponym precision and recall. Usage:

    civharm bench geoparse ../shared/benchmarks/geoparsing --mode gold
"""

from __future__ import annotations

import json
import math
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import click

from civharm.errors import CivharmError
from civharm.extract.gazetteer import Gazetteer
from civharm.extract.geoparse import distance_km, find_places, resolve_spans
from civharm.records import PlaceMention
from civharm.settings import load_settings

ACCURACY_KM = 161.0  # 100 miles: the customary geoparsing threshold (Gritta et al. 2018)
MAX_ERROR_KM = 20039.0  # half the Earth's circumference: the largest possible error, for AUC


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    name: str
    lat: float
    lon: float


@dataclass(frozen=True)
class Article:
    text: str
    toponyms: tuple[GoldToponym, ...]


def read_lgl(path: Path) -> Iterator[Article]:
    """LGL: <article><text/><toponyms><toponym><start/><end/><phrase/><gaztag><lat/><lon/>..."""
    for art in ET.parse(path).getroot().iter("article"):
        gold = []
        for top in art.iter("toponym"):
            tag = top.find("gaztag")
            if tag is None or tag.findtext("lat") is None:
                continue  # toponyms without coordinates are not scored by anyone
            gold.append(_gold(top.findtext("start"), top.findtext("end"), top.findtext("phrase"), tag))
        yield Article(art.findtext("text") or "", tuple(gold))


def read_geovirus(path: Path) -> Iterator[Article]:
    """GeoVirus: <article><text/><locations><location><name/><start/><end/><lat/><lon/>..."""
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        gold = [
            _gold(loc.findtext("start"), loc.findtext("end"), loc.findtext("name"), loc) for loc in art.iter("location")
        ]
        yield Article(text, tuple(_align(text, g) for g in gold))


# GeoVirus offsets are often one or two characters off the text as stored; look for the name this close.
ALIGN_WINDOW = 3


def _align(text: str, gold: GoldToponym) -> GoldToponym:
    """Move a gold span onto the nearby occurrence of its name, when the offsets are slightly off."""
    if text[gold.start : gold.end] == gold.name:
        return gold
    for shift in sorted(range(-ALIGN_WINDOW, ALIGN_WINDOW + 1), key=abs):
        start = gold.start + shift
        if start >= 0 and text[start : start + len(gold.name)] == gold.name:
            return GoldToponym(start, start + len(gold.name), gold.name, gold.lat, gold.lon)
    return gold


def _gold(start: str | None, end: str | None, name: str | None, where: ET.Element) -> GoldToponym:
    return GoldToponym(
        int(start or 0),
        int(end or 0),
        name or "",
        float(where.findtext("lat") or 0),
        float(where.findtext("lon") or 0),
    )


DATASETS = {"lgl": ("lgl.xml", read_lgl), "geovirus": ("GeoVirus.xml", read_geovirus)}


def error_metrics(errors: list[float]) -> dict[str, float]:
    """acc@161, mean and median error (km), and AUC of the sorted log-error curve (lower is better)."""
    if not errors:
        return {"n": 0, "acc@161": 0.0, "mean_km": 0.0, "median_km": 0.0, "auc": 0.0}
    ordered = sorted(errors)
    logs = [math.log(1 + e) / math.log(MAX_ERROR_KM) for e in ordered]
    return {
        "n": len(errors),
        "acc@161": round(100 * sum(e <= ACCURACY_KM for e in errors) / len(errors), 2),
        "mean_km": round(sum(errors) / len(errors), 1),
        "median_km": round(ordered[len(ordered) // 2], 1),
        "auc": round(sum(logs) / len(logs), 4),
    }


def _error(pred: PlaceMention, gold: GoldToponym) -> float:
    if pred.lat is None or pred.lon is None:
        return MAX_ERROR_KM  # an unresolved toponym is as wrong as can be
    return distance_km((pred.lat, pred.lon), (gold.lat, gold.lon))


def run(data_dir: Path, mode: Literal["gold", "e2e"] = "gold", gazetteer: Gazetteer | None = None) -> dict[str, Any]:
    """Score both datasets; returns {dataset: metrics}."""
    if mode not in {"gold", "e2e"}:
        raise CivharmError(f"unknown mode {mode!r}: use 'gold' or 'e2e'")
    gaz = gazetteer or Gazetteer.load(load_settings().cache_dir)
    nlp = _spacy() if mode == "e2e" else None
    results: dict[str, Any] = {}
    for key, (filename, reader) in DATASETS.items():
        path = Path(data_dir) / filename
        if not path.exists():
            raise CivharmError(f"benchmark file not found: {path}")
        errors: list[float] = []
        tp = n_pred = pred_hits = n_gold = 0
        for art in reader(path):
            n_gold += len(art.toponyms)
            if mode == "gold":
                preds = resolve_spans(art.text, [(g.start, g.end) for g in art.toponyms], gaz)
                errors.extend(_error(p, g) for p, g in zip(preds, art.toponyms, strict=True))
                continue
            preds = find_places(art.text, gaz, nlp(art.text) if nlp else None)
            n_pred += len(preds)
            pred_hits += sum(any(p.start < g.end and g.start < p.end for g in art.toponyms) for p in preds)
            for gold in art.toponyms:
                hit = next((p for p in preds if p.start < gold.end and gold.start < p.end), None)
                if hit is not None:
                    tp += 1
                    errors.append(_error(hit, gold))
        metrics: dict[str, Any] = error_metrics(errors)
        if mode == "e2e":
            metrics["precision"] = round(100 * pred_hits / max(n_pred, 1), 2)
            metrics["recall"] = round(100 * tp / max(n_gold, 1), 2)
        metrics["gold_toponyms"] = n_gold
        results[key] = metrics
    return results


def _spacy() -> Any:
    from civharm.extract.nlp import load_nlp

    return load_nlp()


@click.command("geoparse")
@click.argument("data_dir", type=click.Path(file_okay=False, path_type=Path), default="../shared/benchmarks/geoparsing")
@click.option("--mode", type=click.Choice(["gold", "e2e"]), default="gold", show_default=True)
def command(data_dir: Path, mode: Literal["gold", "e2e"]) -> None:
    """acc@161, mean error and AUC on LGL and GeoVirus (gold toponyms, or end to end with P/R)."""
    click.echo(json.dumps(run(data_dir, mode), indent=2))
