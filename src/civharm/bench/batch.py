"""Batch throughput with 1 and 2 workers, and peak memory per worker at two corpus sizes.

The corpus is gva-dev's article texts wrapped as HTML pages (``speed.to_html``), cycled to the size
wanted; each cycle adds an HTML comment naming it, so every page has its own bytes (its own report)
while its text stays the same. Each measurement is a whole ``civharm batch --no-load`` run on a
fresh local cluster: documents per wall-clock second, including starting the workers and loading
their models (a few seconds on an idle machine). Peak memory is the largest
resident set of each worker process, sampled from this process every ``SAMPLE_SECONDS``; the largest
worker's resident set is also reported per tenth of the run (flat when memory is bounded, rising when
it grows with the documents done) and written to stderr every ``HEARTBEAT_SECONDS``, so a long run
stopped early still shows its trend.

Each measurement is printed as one JSON line when it finishes.

    civharm bench batch ../shared/benchmarks/gva-dev --documents 200 --sizes 500,2000
"""

from __future__ import annotations

import json
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from civharm.bench.gva import read_docs
from civharm.bench.speed import peak_rss_mb, to_html
from civharm.errors import CivharmError

SAMPLE_SECONDS = 0.25
HEARTBEAT_SECONDS = 60.0
SHARD_SIZE = 50
MB = 1024 * 1024


def write_corpus(data_dir: Path, documents: int, path: Path) -> Path:
    """A JSONL corpus of ``documents`` pages from gva-dev, cycled, written line by line."""
    source = data_dir / "docs.jsonl"
    if not source.is_file():
        raise CivharmError(f"{source} not found")
    docs = read_docs(source)
    with path.open("w", encoding="utf-8") as handle:
        for n in range(documents):
            doc = docs[n % len(docs)]
            page = to_html(doc).decode("utf-8") + f"<!-- copy {n // len(docs)} -->"
            published = doc.dct.isoformat() if doc.dct else None
            handle.write(json.dumps({"html": page, "published": published, "title": doc.title}) + "\n")
    return path


def peaks_by_tenth(samples: list[tuple[float, int]], wall: float) -> list[float | None]:
    """The largest resident set (MB) sampled in each tenth of a ``wall``-second run; None for a tenth
    with no sample. Peaks alone cannot tell growth from one large page; their course over the run can."""
    tenths: list[int | None] = [None] * 10
    for elapsed, rss in samples:
        i = min(int(10 * elapsed / wall), 9) if wall > 0 else 0
        tenths[i] = max(rss, tenths[i] or 0)
    return [None if rss is None else round(rss / MB, 1) for rss in tenths]


class WorkerMemory(threading.Thread):
    """Samples the resident set of every process below this one; keeps each process's peak and the
    largest process's resident set at every sample."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peaks: dict[int, int] = {}
        self.samples: list[tuple[float, int]] = []
        self._stop_event = threading.Event()

    def run(self) -> None:
        import psutil

        me = psutil.Process()
        start = last_report = time.perf_counter()
        while not self._stop_event.wait(SAMPLE_SECONDS):
            now_rss = []
            for child in me.children(recursive=True):
                try:
                    rss = child.memory_info().rss
                except psutil.Error:
                    continue
                now_rss.append(rss)
                self.peaks[child.pid] = max(rss, self.peaks.get(child.pid, 0))
            now = time.perf_counter()
            if now_rss:
                self.samples.append((now - start, max(now_rss)))
            if now - last_report >= HEARTBEAT_SECONDS:
                last_report = now
                largest = sorted((round(rss / MB) for rss in now_rss), reverse=True)[:4]
                print(f"{now - start:.0f} s: largest processes now {largest} MB", file=sys.stderr, flush=True)

    def stop(self) -> list[float]:
        """The peaks in MB, largest first."""
        self._stop_event.set()
        self.join()
        return sorted((round(rss / MB, 1) for rss in self.peaks.values()), reverse=True)


def measure(corpus: Path, workers: int) -> dict[str, Any]:
    from civharm.batch.run import run_batch
    from civharm.settings import load_settings

    memory = WorkerMemory()
    memory.start()
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="civharm-bench-batch-") as out:
        summary = run_batch(
            [corpus],
            Path(out),
            max_bytes=load_settings().max_bytes,
            workers=workers,
            shard_size=SHARD_SIZE,
        )
    wall = time.perf_counter() - start
    peaks = memory.stop()
    return {
        "workers": workers,
        "documents": summary.documents,
        "reports": summary.reports,
        "failed": summary.failed,
        "wall_s": round(wall, 1),
        "docs_per_s": round(summary.documents / wall, 2),
        # a worker and its nanny are both below us: the workers are the largest processes
        "worker_peak_rss_mb": peaks[:workers],
        "largest_worker_rss_mb_by_tenth": peaks_by_tenth(memory.samples, wall),
    }


def run(data_dir: Path, documents: int, sizes: list[int]) -> Iterator[dict[str, Any]]:
    """Each measurement as it finishes (a long run that stops early keeps what it measured), then the ratio."""
    rates = []
    with tempfile.TemporaryDirectory(prefix="civharm-bench-corpus-") as scratch:
        corpus = write_corpus(data_dir, documents, Path(scratch) / "throughput.jsonl")
        for workers in (1, 2):
            result = measure(corpus, workers)
            rates.append(result["docs_per_s"])
            yield {"measure": "throughput", **result}
        yield {"measure": "scaling", "two_over_one_workers": round(rates[1] / rates[0], 2)}
        for size in sizes:
            corpus = write_corpus(data_dir, size, Path(scratch) / f"memory-{size}.jsonl")
            yield {"measure": "memory", **measure(corpus, 2), "driver_peak_rss_mb": peak_rss_mb()}


@click.command("batch")
@click.argument("data_dir", type=click.Path(file_okay=False, path_type=Path), default="../shared/benchmarks/gva-dev")
@click.option("--documents", default=200, show_default=True, help="Documents of the 1- and 2-worker runs.")
@click.option("--sizes", default="500,2000", show_default=True, help="Corpus sizes for peak memory (2 workers).")
def command(data_dir: Path, documents: int, sizes: str) -> None:
    """Batch documents/second with 1 and 2 workers, and peak RSS per worker at two corpus sizes."""
    try:
        counts = [int(s) for s in sizes.split(",") if s.strip()]
    except ValueError as exc:
        raise click.BadParameter(f"--sizes must be numbers separated by commas, not {sizes!r}") from exc
    for result in run(data_dir, documents, counts):
        click.echo(json.dumps(result))
