"""The Parquet file of one finished shard: its reports, their original bytes, and what failed.

One row per captured report: where it came from, the original bytes (kept as evidence and stored
as a blob when the shard is loaded) and the extraction as JSON (``Extraction`` round-trips exactly).
The file's key-value metadata holds the shard's counts and failures, so a finished shard says
everything about itself. Files are written to a hidden temporary name and renamed, so a shard
file that exists is whole; temporaries left by a crash are never read.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from civharm.chain import Failure
from civharm.records import Extraction

SCHEMA = pa.schema(
    [
        pa.field("location", pa.string(), nullable=False),
        pa.field("original", pa.binary(), nullable=False),
        pa.field("extraction", pa.string(), nullable=False),
    ]
)
_OUTCOME_KEY = b"civharm.outcome"
_NAME = re.compile(r"shard-(\d{6,})\.parquet")
# Rows read at a time when loading: one spaCy batch worth of reports.
READ_BATCH = 32


@dataclass(frozen=True)
class ShardRow:
    location: str
    original: bytes
    extraction: Extraction


@dataclass(frozen=True)
class ShardOutcome:
    number: int
    documents: int
    reports: int
    failures: tuple[Failure, ...]


def shard_path(out_dir: Path, number: int) -> Path:
    return out_dir / f"shard-{number:06d}.parquet"


def finished_shards(out_dir: Path) -> dict[int, Path]:
    """The whole shard files in ``out_dir`` by number; hidden temporaries are not shard files."""
    found: dict[int, Path] = {}
    if out_dir.is_dir():
        for path in out_dir.iterdir():
            match = _NAME.fullmatch(path.name)
            if match:
                found[int(match.group(1))] = path
    return dict(sorted(found.items()))


def write_shard(out_dir: Path, outcome: ShardOutcome, rows: Sequence[ShardRow]) -> Path:
    """Write the shard atomically: a temporary file in the same folder, flushed, then renamed."""
    table = pa.table(
        {
            "location": [r.location for r in rows],
            "original": [r.original for r in rows],
            "extraction": [r.extraction.model_dump_json() for r in rows],
        },
        schema=SCHEMA.with_metadata({_OUTCOME_KEY: _outcome_json(outcome)}),
    )
    target = shard_path(out_dir, outcome.number)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=out_dir)
    try:
        with os.fdopen(fd, "wb") as handle:
            pq.write_table(table, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, 0o644)  # mkstemp makes it private; the loader may run as another user
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    return target


def read_outcome(path: Path) -> ShardOutcome:
    """The shard's counts and failures, from its metadata alone."""
    metadata = pq.read_schema(path).metadata or {}
    raw = json.loads(metadata[_OUTCOME_KEY])
    return ShardOutcome(
        number=raw["number"],
        documents=raw["documents"],
        reports=raw["reports"],
        failures=tuple(Failure(location, reason) for location, reason in raw["failures"]),
    )


def read_rows(path: Path) -> Iterator[ShardRow]:
    """The shard's rows, a few at a time, so loading a shard never holds all of it."""
    with pq.ParquetFile(path) as shard:
        for batch in shard.iter_batches(batch_size=READ_BATCH):
            columns = batch.to_pydict()
            for location, original, extraction in zip(
                columns["location"], columns["original"], columns["extraction"], strict=True
            ):
                yield ShardRow(location, original, Extraction.model_validate_json(extraction))


def _outcome_json(outcome: ShardOutcome) -> bytes:
    return json.dumps(
        {
            "number": outcome.number,
            "documents": outcome.documents,
            "reports": outcome.reports,
            "failures": [[f.location, f.reason] for f in outcome.failures],
        }
    ).encode("utf-8")
