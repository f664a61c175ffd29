"""The custody entry of a newly stored report: its SHA-256, where its bytes came from, who captured it, when.

It is appended inside the transaction that stores the report (``Store.add_extraction``), so a report
and its capture entry land together or not at all, and a report already stored appends nothing.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from civharm.custody import log
from civharm.records import Report


def subject(sha256: str) -> str:
    return f"report:{sha256}"


def append_capture(session: Session, report: Report, source: str | None) -> log.Entry:
    """Record the capture of ``report``; ``source`` is the URL or file path it was read from
    (the report's own URL when the caller does not know better, e.g. an import)."""
    details = {
        "sha256": report.sha256,
        "source": source or report.url or "",
        "captured_by": report.captured_by,
        "captured_at": log.iso(report.captured_at),
    }
    return log.append(session, report.captured_by, log.Action.CAPTURE, subject(report.sha256), details)
