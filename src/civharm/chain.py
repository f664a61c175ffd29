"""The whole chain in one call: capture -> extract -> store -> link.

Each report is captured, extracted and stored in its own transaction, so an interrupted run
leaves only whole reports behind and the next run skips what is already stored (the same bytes
are one report). Linking runs once at the end and is incremental: the new reports join the incidents
they touch and only those are rewritten (``civharm.link.incremental``); ``relink`` links everything
stored again (``civharm relink``, the analysts' merges and splits).
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
from civharm.link.incremental import candidates, position_days, touched
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
) -> tuple[list[Report], list[Failure], dict[str, str]]:
    """The captured reports, the failures, and where each report's bytes came from (sha256 -> URL or path)."""
    reports: list[Report] = []
    failures: list[Failure] = []
    sources: dict[str, str] = {}
    for request in requests:
        try:
            reports.append(capture(request, settings, blobs))
            sources.setdefault(reports[-1].sha256, request.location)
        except CivharmError as error:
            failures.append(Failure(request.location, str(error)))
    return reports, failures, sources


def extract_inputs(
    requests: Sequence[CaptureRequest], settings: Settings, blobs: BlobStore, gazetteer: Gazetteer
) -> Iterator[Extraction | Failure]:
    """Capture and extract without a database, in input order (``civharm extract``)."""
    for chunk in _chunks(requests):
        reports, failures, _sources = capture_all(chunk, settings, blobs)
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
    added: list[str] = []
    duplicates = 0
    failures: list[Failure] = []
    for chunk in _chunks(requests):
        reports, failed, sources = capture_all(chunk, settings, blobs)
        failures.extend(failed)
        new = [r for r in reports if not store.has_report(r.sha256)]
        duplicates += len(reports) - len(new)
        for extraction in extract_many(new, gazetteer):
            if store.add_extraction(extraction, source=sources[extraction.report.sha256]):
                added.append(extraction.report.sha256)
            else:
                duplicates += 1
        progress(len(chunk))
    link_pending(store)  # this run's new reports, and any a killed run stored but never linked
    counts = store.counts()
    return RunSummary(
        inputs=len(requests),
        added=len(added),
        duplicates=duplicates,
        failures=tuple(failures),
        reports=counts.reports,
        incidents=counts.incidents,
        tallies=len(store.tallies()),
    )


def link_pending(store: Store) -> None:
    """Link the reports in the link queue (stored, not yet linked) into incidents, rewriting only the
    incidents they touch; the queue empties in the transaction that writes them.

    Reports arriving in publication order get what a fresh ``relink`` gives (tested on the bundled
    examples); as the clustering is greedy, a later batch bringing a precise report of an attack that a
    vague report already seeded can end differently, which ``civharm relink --fresh`` settles. The analysts'
    decisions are laid over the rewritten incidents as after a relink. With an empty queue nothing is
    read or written, so the incidents stay as the last run left them.
    """
    with exclusive_linking(store.database):
        new = store.unlinked()
        if not new:
            return
        stored = store.extractions_by_sha(new)
        fresh = [stored[sha] for sha in new]
        affected = touched(fresh, store.reachable_incidents(candidates(fresh)))
        shas = {sha for inc in affected for sha in inc.report_ids}
        for lo, hi in position_days(fresh, affected):
            shas.update(store.position_reports(lo, hi))
        others = sorted(shas - set(new))
        found = store.extractions_by_sha(others)
        at_hand = fresh + [found[sha] for sha in others]
        linked = apply_reviews(link(at_hand, affected, new=frozenset(new)), DeskStore(store.database).reviews())
        # Most touched incidents come back as they were stored (the blocking proposes more than join):
        # writing only the others keeps a run's write as small as its news.
        before = {inc.id: inc for inc in affected}
        store.update_incidents([inc for inc in linked if before.get(inc.id) != inc], linked=new)


def relink(store: Store, existing: Sequence[Incident] | None = None, *, fresh: bool = False) -> None:
    """Link every stored report into incidents, keeping the ids of incidents already known.

    ``existing`` replaces the stored incidents as the starting point (an analyst's merge or split);
    ``fresh`` starts from none, so every mention is clustered again by the current rules (an id is
    the earliest report's mention, so unchanged incidents keep theirs; merges and splits are undone).
    The analysts' decisions are laid over the linked records, so relinking never undoes a review.
    """
    with exclusive_linking(store.database):
        if fresh:
            known: list[Incident] = []
        else:
            known = store.incidents(IncidentFilter()) if existing is None else list(existing)
        extractions = list(store.extractions())
        linked = link(extractions, known)
        reviewed = apply_reviews(linked, DeskStore(store.database).reviews())
        store.replace_incidents(reviewed, linked=[e.report.sha256 for e in extractions])
