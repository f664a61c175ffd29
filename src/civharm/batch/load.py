"""Load finished shards into the database, then link, as ``civharm run`` does after capturing.

Each report goes through the store's normal insert path: its original bytes into the blob store
(checked against the report's SHA-256, so a damaged shard cannot store a wrong original), then
``Store.add_extraction`` in its own transaction, which skips a report already stored and appends the
custody capture entry (its source: the corpus file and line or WARC offset). Loading twice,
or loading shards whose reports ``civharm run`` already stored, adds nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from civharm.batch.shardfile import finished_shards, read_rows
from civharm.capture.blobs import BlobStore, sha256_hex
from civharm.chain import Failure, link_pending
from civharm.store.repository import Store


@dataclass(frozen=True)
class LoadSummary:
    added: int
    duplicates: int
    failed: int
    reports: int  # in the database afterwards
    incidents: int


def load_shards(
    out_dir: Path,
    store: Store,
    blobs: BlobStore,
    *,
    progress: Callable[[int], None] = lambda n: None,
    report: Callable[[Failure], None] = lambda f: None,
) -> LoadSummary:
    """Store every report of every finished shard in ``out_dir``, then link what is queued (as ``chain.run``)."""
    added: list[str] = []
    duplicates = failed = 0
    for path in finished_shards(out_dir).values():
        for row in read_rows(path):
            progress(1)
            sha = row.extraction.report.sha256
            if sha256_hex(row.original) != sha:
                failed += 1
                report(Failure(row.location, f"{path.name}: original bytes do not match the report's SHA-256"))
                continue
            if store.has_report(sha):
                duplicates += 1
                continue
            blobs.put(row.original)
            if store.add_extraction(row.extraction, source=row.location):  # the custody entry names it
                added.append(sha)
            else:
                duplicates += 1
    link_pending(store)
    counts = store.counts()
    return LoadSummary(len(added), duplicates, failed, counts.reports, counts.incidents)
