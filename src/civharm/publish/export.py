"""Incidents as JSON, CSV and GeoJSON, each traceable to reports and the sentences figures came from.

Conventions across formats: dates are ISO 8601; an open maximum ("at least 44") is null in JSON and an
empty cell in CSV, never a made-up number; GeoJSON coordinates are [longitude, latitude] (RFC 7946) and
incidents without coordinates are left out and counted, not placed at 0,0. The JSON export also carries
every linked report's whole extraction (the ``civharm extract --json`` document), so ``civharm import``
can rebuild the same incidents in another database. ACLED- and UCDP-shaped CSV are in ``standard``.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import textwrap
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Protocol, TypeVar

from civharm.errors import CivharmError
from civharm.publish.standard import ACLED_COLUMNS, UCDP_COLUMNS, export_acled, export_ucdp
from civharm.records import Extraction, Figure, Incident

EXPORT_FORMATS = ("json", "csv", "geojson", "acled", "ucdp")
EXPORT_MEDIA_TYPES = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json",
    "acled": "text/csv; charset=utf-8",
    "ucdp": "text/csv; charset=utf-8",
}
EXPORT_SUFFIXES = {"json": "json", "csv": "csv", "geojson": "geojson", "acled": "acled.csv", "ucdp": "ucdp.csv"}

FIGURE_FIELDS = (
    "civilians_killed",
    "civilians_injured",
    "children_killed",
    "women_killed",
    "fighters_killed",
)
CSV_COLUMNS = (
    "id",
    "date",
    "date_precision",
    "place",
    "geonameid",
    "latitude",
    "longitude",
    "country",
    "admin1",
    "place_precision",
    "attack_type",
    "perpetrators",
    "targets",
    *(f"{name}_{end}" for name in FIGURE_FIELDS for end in ("min", "max")),
    "grade",
    "grade_rule",
    "status",
    "source_count",
    "report_count",
    "report_ids",
    "report_urls",
)
LIST_SEPARATOR = " | "
EXPORT_BATCH = 500  # incidents (and, for JSON's closing list, reports) whose reports are read together
T = TypeVar("T")
# Spreadsheet programs run cells starting with these as formulas; place names and titles come from the web.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _reports(incident: Incident, extractions: Mapping[str, Extraction]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for sha in incident.report_ids:
        e = extractions.get(sha)
        out.append(
            {
                "sha256": sha,
                "url": e.report.canonical_url or e.report.url if e else None,
                "title": e.report.title if e else None,
                "publisher": e.report.publisher if e else None,
                "published": e.report.published.isoformat() if e and e.report.published else None,
            }
        )
    return out


def _claims(incident: Incident, extractions: Mapping[str, Extraction]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for sha, index in incident.mentions:
        e = extractions.get(sha)
        if e is None or not 0 <= index < len(e.incidents):
            continue
        claim: dict[str, Any] = {"report_sha256": sha, "index": index}
        claim.update(e.incidents[index].model_dump(mode="json"))
        out.append(claim)
    return out


def export_json(incidents: Sequence[Incident], extractions_by_sha: Mapping[str, Extraction]) -> dict[str, Any]:
    """``{"incidents": [...], "reports": [...]}``: each incident's fields, its reports, and the attack
    claims behind it; then every linked report's whole extraction, so the export can be imported."""
    shas = dict.fromkeys(sha for incident in incidents for sha in incident.report_ids)
    return {
        "incidents": [_incident_json(incident, extractions_by_sha) for incident in incidents],
        "reports": [extractions_by_sha[sha].model_dump(mode="json") for sha in shas if sha in extractions_by_sha],
    }


def _incident_json(incident: Incident, extractions_by_sha: Mapping[str, Extraction]) -> dict[str, Any]:
    return {
        **incident.model_dump(mode="json"),
        "reports": _reports(incident, extractions_by_sha),
        "claims": _claims(incident, extractions_by_sha),
    }


def _cell(value: object) -> str:
    if value is None:
        return ""
    text = str(value)
    if text.startswith(_FORMULA_START) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _csv_row(incident: Incident, extractions: Mapping[str, Extraction]) -> list[str]:
    place = incident.place
    figures: list[object] = []
    for name in FIGURE_FIELDS:
        fig: Figure | None = getattr(incident, name)
        figures += [None, None] if fig is None else [fig.min, fig.max]
    urls = [
        e.report.canonical_url or e.report.url or ""
        for sha in incident.report_ids
        if (e := extractions.get(sha)) is not None
    ]
    values: list[object] = [
        incident.id,
        incident.date.isoformat() if incident.date else None,
        incident.date_precision,
        place.name if place else None,
        place.geonameid if place else None,
        place.lat if place else None,
        place.lon if place else None,
        place.country if place else None,
        place.admin1 if place else None,
        place.precision if place else None,
        incident.attack_type,
        LIST_SEPARATOR.join(incident.perpetrators),
        LIST_SEPARATOR.join(incident.targets),
        *figures,
        incident.grade,
        incident.grade_rule,
        incident.status,
        incident.source_count,
        len(incident.report_ids),
        LIST_SEPARATOR.join(incident.report_ids),
        LIST_SEPARATOR.join(u for u in urls if u),
    ]
    return [_cell(v) for v in values]


def export_csv(incidents: Sequence[Incident], extractions_by_sha: Mapping[str, Extraction] | None = None) -> str:
    """One row per incident, flat columns (``CSV_COLUMNS``); report URLs need ``extractions_by_sha``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for incident in incidents:
        writer.writerow(_csv_row(incident, extractions_by_sha or {}))
    return buffer.getvalue()


def _properties(incident: Incident) -> dict[str, Any]:
    data = incident.model_dump(mode="json", exclude={"figures", "mentions", "place"})
    place = incident.place
    if place is not None:
        data["place"] = place.name
        data["geonameid"] = place.geonameid
        data["place_precision"] = place.precision.value
        data["country"] = place.country
    return data


def export_geojson(incidents: Sequence[Incident]) -> dict[str, Any]:
    """A FeatureCollection of incidents with coordinates; ``skipped`` counts those without."""
    features = [f for incident in incidents if (f := point_feature(incident, _properties)) is not None]
    return {"type": "FeatureCollection", "features": features, "skipped": len(incidents) - len(features)}


def point_feature(incident: Incident, properties: Callable[[Incident], dict[str, Any]]) -> dict[str, Any] | None:
    """The incident as a GeoJSON Feature with these properties (the export's, or the map's); None
    without coordinates."""
    place = incident.place
    if place is None or place.lat is None or place.lon is None:
        return None
    return {
        "type": "Feature",
        "id": incident.id,
        "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
        "properties": properties(incident),
    }


class ExtractionLookup(Protocol):
    """Anything that finds reports' extractions by sha256, many at once (the store does), leaving out
    those it does not have: an incident may outlive a deleted report, and its id is still exported."""

    def extractions_by_sha(self, shas: Sequence[str], claims: bool = True) -> Mapping[str, Extraction]: ...


def _extractions_for(
    incidents: Sequence[Incident], lookup: ExtractionLookup, claims: bool = True
) -> Mapping[str, Extraction]:
    """The incidents' reports; ``claims=False`` when only the reports themselves are written (CSV)."""
    return lookup.extractions_by_sha(list(dict.fromkeys(s for i in incidents for s in i.report_ids)), claims)


def _batches(items: Iterable[T]) -> Iterator[list[T]]:
    pending = iter(items)
    while batch := list(itertools.islice(pending, EXPORT_BATCH)):
        yield batch


def _json_list(items: Iterable[Any], indent: str) -> Iterator[str]:
    """A JSON list written item by item exactly as ``json.dumps(..., indent=2)`` writes it at this depth."""
    empty = True
    for item in items:
        text = json.dumps(item, ensure_ascii=False, indent=2)
        yield ("[" if empty else ",") + "\n" + textwrap.indent(text, indent + "  ")
        empty = False
    yield "[]" if empty else "\n" + indent + "]"


def _geojson_stream(incidents: Iterable[Incident]) -> Iterator[str]:
    skipped = 0

    def features() -> Iterator[dict[str, Any]]:
        nonlocal skipped
        for incident in incidents:
            feature = point_feature(incident, _properties)
            if feature is None:
                skipped += 1
            else:
                yield feature

    yield '{\n  "type": "FeatureCollection",\n  "features": '
    yield from _json_list(features(), "  ")
    yield f',\n  "skipped": {skipped}\n}}'


def _json_stream(incidents: Iterable[Incident], lookup: ExtractionLookup) -> Iterator[str]:
    shas: dict[str, None] = {}

    def items() -> Iterator[dict[str, Any]]:
        for batch in _batches(incidents):
            extractions = _extractions_for(batch, lookup)
            for incident in batch:
                shas.update(dict.fromkeys(incident.report_ids))
                yield _incident_json(incident, extractions)

    def reports() -> Iterator[dict[str, Any]]:
        for batch in _batches(shas):
            found = lookup.extractions_by_sha(batch)
            yield from (found[sha].model_dump(mode="json") for sha in batch if sha in found)

    yield '{\n  "incidents": '
    yield from _json_list(items(), "  ")
    yield ',\n  "reports": '
    yield from _json_list(reports(), "  ")
    yield "\n}"


CsvWriter = Callable[[Sequence[Incident], Mapping[str, Extraction]], str]
_CSV_WRITERS: dict[str, tuple[Sequence[str], CsvWriter]] = {
    "csv": (CSV_COLUMNS, export_csv),
    "acled": (ACLED_COLUMNS, lambda batch, extractions: export_acled(batch, extractions, _cell)),
    "ucdp": (UCDP_COLUMNS, lambda batch, extractions: export_ucdp(batch, extractions, _cell)),
}


def _csv_stream(fmt: str, incidents: Iterable[Incident], lookup: ExtractionLookup) -> Iterator[str]:
    columns, write = _CSV_WRITERS[fmt]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(columns)
    header = buffer.getvalue()
    yield header
    for batch in _batches(incidents):
        yield write(batch, _extractions_for(batch, lookup, claims=False)).removeprefix(header)


def stream_export(fmt: str, incidents: Iterable[Incident], lookup: ExtractionLookup) -> Iterator[str]:
    """The export in pieces, ``EXPORT_BATCH`` incidents at a time: the first piece leaves before the
    rest is read and memory holds one batch (and, for JSON, the linked report ids), whatever the size."""
    if fmt not in EXPORT_FORMATS:
        raise CivharmError(f"unknown export format {fmt!r}: choose {', '.join(EXPORT_FORMATS)}")
    if fmt == "geojson":
        return _geojson_stream(incidents)
    if fmt == "json":
        return _json_stream(incidents, lookup)
    return _csv_stream(fmt, incidents, lookup)


def render_export(fmt: str, incidents: Iterable[Incident], lookup: ExtractionLookup) -> str:
    """The whole export as text (``stream_export`` joined): ``fmt`` is one of ``EXPORT_FORMATS``."""
    return "".join(stream_export(fmt, incidents, lookup))
