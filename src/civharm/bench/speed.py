"""Throughput of capture + extract against trafilatura alone, on the same documents in one run.

gva-dev holds article texts, not pages, so each document is wrapped in the same minimal HTML page
(title, one <p> per paragraph) and both sides start from those bytes: trafilatura's ``extract``
alone, and our whole capture (``capture.text.extract_text``: trafilatura plus our boilerplate
rules and metadata) followed by ``extract_many`` (spaCy in batches, geoparsing, every claim).
Throughput is documents per CPU-second of this process (documents/second/core); models and the
gazetteer are loaded, and trafilatura run once over the pages, before the clock starts. The CPU
seconds of trafilatura, of our capture and of our extraction are printed beside the rates, so a
change shows where it moved the time. Peak memory is the process's maximum resident set.

    civharm bench speed ../shared/benchmarks/gva-dev --limit 500
"""

from __future__ import annotations

import datetime as dt
import html
import json
import resource
import sys
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from civharm import TOOL
from civharm.bench.gva import Doc, read_docs
from civharm.errors import CivharmError
from civharm.records import Report
from civharm.settings import load_settings

# Documents timed by default: enough for a stable rate (a few minutes on 2 cores), and the same
# fixed first documents of docs.jsonl on every run.
DEFAULT_LIMIT = 500


def to_html(doc: Doc) -> bytes:
    """The document as a plain news page: its title and one paragraph per text paragraph."""
    paragraphs = "".join(f"<p>{html.escape(p.strip())}</p>\n" for p in doc.content.split("\n") if p.strip())
    title = html.escape(doc.title)
    head = f"<html><head><title>{title}</title></head>"
    page = f"{head}<body><article><h1>{title}</h1>\n{paragraphs}</article></body></html>"
    return page.encode("utf-8")


def _cpu_timed(work: Callable[[], object]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def peak_rss_mb() -> float:
    """The process's peak resident set size in MB (ru_maxrss is KB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def run(data_dir: Path, limit: int = DEFAULT_LIMIT) -> dict[str, Any]:
    import trafilatura

    from civharm.capture.text import extract_text
    from civharm.extract.gazetteer import Gazetteer
    from civharm.extract.nlp import load_nlp
    from civharm.extract.pipeline import extract_many

    path = data_dir / "docs.jsonl"
    if not path.is_file():
        raise CivharmError(f"{path} not found")
    docs = read_docs(path)[:limit]
    pages = [to_html(d) for d in docs]
    gazetteer = Gazetteer.load(load_settings().cache_dir)
    load_nlp()

    def trafilatura_alone() -> None:
        for page in pages:
            trafilatura.extract(page.decode("utf-8"))

    # An untimed pass first: trafilatura loads its fallback's (jusText) stop lists on the first page
    # that needs them, a one-off cost that would otherwise fall on whichever side ran first.
    trafilatura_alone()

    def capture() -> list[Report]:
        reports = []
        for doc, page in zip(docs, pages, strict=True):
            extracted = extract_text(page, f"{doc.doc_id}.html")
            reports.append(
                Report(
                    sha256=doc.doc_id,
                    title=extracted.title,
                    published=doc.dct,
                    text=extracted.text,
                    media_type=extracted.media_type,
                    captured_at=dt.datetime.now(dt.UTC),
                    captured_by=TOOL,
                )
            )
        return reports

    reports: list[Report] = []
    base = _cpu_timed(trafilatura_alone)
    captured = _cpu_timed(lambda: reports.extend(capture()))
    extracted = _cpu_timed(lambda: deque(extract_many(reports, gazetteer), maxlen=0))
    whole = captured + extracted
    base_rate, whole_rate = len(docs) / base, len(docs) / whole
    return {
        "documents": len(docs),
        "trafilatura_docs_per_cpu_s": round(base_rate, 2),
        "capture_extract_docs_per_cpu_s": round(whole_rate, 2),
        "ratio": round(whole_rate / base_rate, 3),
        # Where the time goes: our capture (trafilatura inside) and the extraction after it.
        "cpu_s": {"trafilatura": round(base, 2), "capture": round(captured, 2), "extract": round(extracted, 2)},
        "peak_rss_mb": peak_rss_mb(),
    }


@click.command("speed")
@click.argument("data_dir", type=click.Path(file_okay=False, path_type=Path), default="../shared/benchmarks/gva-dev")
@click.option("--limit", default=DEFAULT_LIMIT, show_default=True, help="Documents to time (the first N).")
def command(data_dir: Path, limit: int) -> None:
    """Documents/second/core of capture+extract vs trafilatura alone on gva-dev, and peak memory."""
    click.echo(json.dumps(run(data_dir, limit), indent=2))
