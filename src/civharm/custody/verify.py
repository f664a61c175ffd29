"""``civharm verify``: re-hash every stored original and working copy, and check the custody chain.

Stops at the first problem and names it, since after one broken link nothing later can be trusted.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from civharm.capture.blobs import BlobStore
from civharm.custody import log
from civharm.custody.copies import working_store
from civharm.store.db import Database
from civharm.store.desk_models import EvidenceCopyRow, EvidenceRow
from civharm.store.models import ReportRow


@dataclass(frozen=True)
class Verdict:
    problem: str | None  # the first problem, one line; None when everything holds
    originals: int  # originals and working copies re-hashed
    entries: int  # custody entries checked

    @property
    def ok(self) -> bool:
        return self.problem is None


def verify_database(database: Database, blobs: BlobStore) -> Verdict:
    with Session(database.engine) as session:
        reports = list(session.scalars(select(ReportRow.sha256).order_by(ReportRow.sha256)))
        evidence = list(session.execute(select(EvidenceRow.id, EvidenceRow.sha256).order_by(EvidenceRow.id)))
        copies = list(session.execute(select(EvidenceCopyRow.id, EvidenceCopyRow.sha256).order_by(EvidenceCopyRow.id)))
    checked = 0
    for sha in reports:
        if blobs.has(sha):  # reports stored before originals were kept have only their text
            checked += 1
            if not blobs.verify(sha):
                return Verdict(f"report {sha}: the original no longer matches its SHA-256", checked, 0)
    for item_id, sha in evidence:
        checked += 1
        if not blobs.has(sha):
            return Verdict(f"evidence {item_id}: original {sha[:12]}… is missing", checked, 0)
        if not blobs.verify(sha):
            return Verdict(f"evidence {item_id}: the original no longer matches SHA-256 {sha[:12]}…", checked, 0)
    working = working_store(blobs)
    for copy_id, sha in copies:
        checked += 1
        if not working.verify(sha):  # a missing file does not verify either
            return Verdict(f"working copy {copy_id}: missing or no longer matches SHA-256 {sha[:12]}…", checked, 0)
    entries = list(log.iter_entries(database))
    return Verdict(log.check_chain(entries), checked, len(entries))
