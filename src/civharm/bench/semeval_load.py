"""Loading a SemEval split into a fresh civharm database through the normal chain.

Each document is written as a text file (title line, blank line, body) under ``OUTDIR/docs`` and captured
with its creation date and title, so it goes through capture -> extract -> store -> link exactly as a
user's file would. The document id is kept beside the report's SHA-256 (the digest of those bytes).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from civharm import chain
from civharm.bench.semeval_data import Document
from civharm.capture.blobs import sha256_hex
from civharm.capture.inputs import CaptureRequest
from civharm.extract.gazetteer import Gazetteer
from civharm.settings import Settings
from civharm.store.db import open_database
from civharm.store.repository import Store


@dataclass(frozen=True)
class Loaded:
    store: Store
    doc_by_sha: dict[str, str]  # report sha256 -> document id (several documents may share one text)
    shas_by_doc: dict[str, str]  # document id -> report sha256
    summary: chain.RunSummary


def document_bytes(doc: Document) -> bytes:
    return f"{doc.title}\n\n{doc.text.strip()}\n".encode()


def load_split(
    docs: Sequence[Document],
    out: Path,
    settings: Settings,
    gazetteer: Gazetteer,
    progress: Callable[[int], None] = lambda n: None,
) -> Loaded:
    """Capture, extract and link every document into the SQLite database under ``out``.

    Re-running with the same ``out`` resumes: documents already stored are skipped by the chain.
    """
    home = out / "db"
    folder = out / "docs"
    folder.mkdir(parents=True, exist_ok=True)
    home.mkdir(parents=True, exist_ok=True)
    settings = settings.with_overrides(home=home, database_url=f"sqlite:///{home / 'civharm.db'}")
    requests: list[CaptureRequest] = []
    doc_by_sha: dict[str, str] = {}
    shas_by_doc: dict[str, str] = {}
    for doc in docs:
        data = document_bytes(doc)
        path = folder / f"{doc.doc_id}.txt"
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
        sha = sha256_hex(data)
        doc_by_sha.setdefault(sha, doc.doc_id)
        shas_by_doc[doc.doc_id] = sha
        requests.append(CaptureRequest(location=str(path), published=doc.dct, title=doc.title or None, url=doc.url))
    store = Store(open_database(settings.database_url))
    summary = chain.run(requests, settings, store, gazetteer, progress)
    return Loaded(store=store, doc_by_sha=doc_by_sha, shas_by_doc=shas_by_doc, summary=summary)
