"""The whole chain in one call: capture -> extract -> store -> link.

Each report is captured, extracted and stored in its own transaction, so an interrupted run
leaves only whole reports behind and the next run skips what is already stored (the same bytes
are one report). Linking runs once at the end over everything stored, keeping incident ids.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from civharm.assess.review import apply_reviews
from civharm.capture.blobs import BlobStore
from civharm.capture.capture import capture
from civharm.capture.inputs import CaptureRequest
from civharm.errors import CivharmError
from civharm.extract.gazetteer import Gazetteer
from civharm.extract.pipeline import extract_many
from civharm.link.linker import link
from civharm.records import Extraction, Incident, Report
from civharm.settings import Settings
from civharm.store.db import exclusive_linking
from civharm.store.desk import DeskStore
from civharm.store.repository import IncidentFilter, Store

# Reports parsed together by spaCy; bounded so memory stays flat over any number of inputs.
CHUNK = 32


@dataclass(frozen=True)
class Failure:
    location: str
    reason: str


@dataclass(frozen=True)
class RunSummary:
    inputs: int
    added: int
    duplicates: int
    failures: tuple[Failure, ...]
    reports: int
    incidents: int
    tallies: int


def _chunks(requests: Sequence[CaptureRequest]) -> Iterator[Sequence[CaptureRequest]]:
    for i in range(0, len(requests), CHUNK):
        yield requests[i : i + CHUNK]


def capture_all(
    requests: Sequence[CaptureRequest], settings: Settings, blobs: BlobStore
) -> tuple[list[Report], list[Failure]]:
    reports: list[Report] = []
    failures: list[Failure] = []
    for request in requests:
        try:
            reports.append(capture(request, settings, blobs))
        except CivharmError as error:
            failures.append(Failure(request.location, str(error)))
    return reports, failures


def extract_inputs(
    requests: Sequence[CaptureRequest], settings: Settings, blobs: BlobStore, gazetteer: Gazetteer
) -> Iterator[Extraction | Failure]:
    """Capture and extract without a database, in input order (``civharm extract``)."""
    for chunk in _chunks(requests):
        reports, failures = capture_all(chunk, settings, blobs)
        yield from failures
        yield from extract_many(reports, gazetteer)


def run(
    requests: Sequence[CaptureRequest],
    settings: Settings,
    store: Store,
    gazetteer: Gazetteer,
    progress: Callable[[int], None] = lambda n: None,
) -> RunSummary:
    """Capture, extract and store every input, then link all stored reports into incidents."""
    blobs = BlobStore(settings.blob_dir)
    added = duplicates = 0
    failures: list[Failure] = []
    for chunk in _chunks(requests):
        reports, failed = capture_all(chunk, settings, blobs)
        failures.extend(failed)
        new = [r for r in reports if not store.has_report(r.sha256)]
        duplicates += len(reports) - len(new)
        for extraction in extract_many(new, gazetteer):
            if store.add_extraction(extraction):
                added += 1
            else:
                duplicates += 1
        progress(len(chunk))
    counts = store.counts()
    if added or (counts.reports and not counts.incidents):
        relink(store)  # nothing new stored: the incidents are as the last run left them
        counts = store.counts()
    return RunSummary(
        inputs=len(requests),
        added=added,
        duplicates=duplicates,
        failures=tuple(failures),
        reports=counts.reports,
        incidents=counts.incidents,
        tallies=len(store.tallies()),
    )


def relink(store: Store, existing: Sequence[Incident] | None = None) -> None:
    """Link every stored report into incidents, keeping the ids of incidents already known.

    ``existing`` replaces the stored incidents as the starting point (an analyst's merge or split).
    The analysts' decisions are laid over the linked records, so relinking never undoes a review.
    """
    with exclusive_linking(store.database):
        known = store.incidents(IncidentFilter()) if existing is None else list(existing)
        linked = link(list(store.extractions()), known)
        store.replace_incidents(apply_reviews(linked, DeskStore(store.database).reviews()))
