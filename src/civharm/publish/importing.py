"""Load a civharm JSON export into a database: the same reports, claims and incidents as exported.

The JSON export carries each linked report's whole extraction beside the incidents, so another
civharm (a partner's, a backup, an empty test database) rebuilds exactly the records it was given:
reports are stored as they were (the same bytes' digest is the same report, so importing twice changes
nothing), then the imported incidents replace any stored incident with the same id and keep the rest.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from civharm.errors import CivharmError
from civharm.records import Extraction, Incident
from civharm.store.repository import Store


class ExportFileError(CivharmError):
    """The file is not a civharm JSON export, or its records do not fit together."""


@dataclass(frozen=True)
class ImportSummary:
    reports_added: int
    reports_known: int
    incidents: int


def _incident(data: Mapping[str, Any]) -> Incident:
    fields = {k: v for k, v in data.items() if k in Incident.model_fields}
    return Incident.model_validate(fields)


def parse_export(document: Mapping[str, Any]) -> tuple[list[Extraction], list[Incident]]:
    """The extractions and incidents of an export document; one-line error when it is not one."""
    if not isinstance(document, Mapping) or not isinstance(document.get("incidents"), list):
        raise ExportFileError('not a civharm JSON export: no "incidents" list')
    if not isinstance(document.get("reports", []), list):
        raise ExportFileError('not a civharm JSON export: "reports" is not a list')
    try:
        extractions = [Extraction.model_validate(e) for e in document.get("reports", [])]
        incidents = [_incident(i) for i in document["incidents"]]
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        raise ExportFileError(f"not a civharm JSON export: {where}: {first.get('msg', 'invalid')}") from exc
    known = {e.report.sha256 for e in extractions}
    for incident in incidents:
        missing = [sha for sha in incident.report_ids if sha not in known]
        if missing:
            raise ExportFileError(
                f"incident {incident.id!r} links report {missing[0][:12]}, which the file does not carry"
            )
    return extractions, incidents


def import_export(store: Store, document: Mapping[str, Any]) -> ImportSummary:
    """Store an export's reports, then its incidents (replacing stored incidents with the same ids)."""
    extractions, incidents = parse_export(document)
    added = sum(1 for extraction in extractions if store.add_extraction(extraction))
    imported = {incident.id for incident in incidents}
    kept = [incident for incident in store.incidents() if incident.id not in imported]
    store.replace_incidents([*kept, *incidents], linked=[e.report.sha256 for e in extractions])
    return ImportSummary(reports_added=added, reports_known=len(extractions) - added, incidents=len(incidents))


def import_file(store: Store, path: Path) -> ImportSummary:
    """``import_export`` over a JSON file written by ``civharm export --format json``."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ExportFileError(f"no such file: {path}") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ExportFileError(f"{path}: not a JSON file ({exc})") from exc
    return import_export(store, document)
