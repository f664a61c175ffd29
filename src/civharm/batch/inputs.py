"""The batch's input files, streamed one document at a time.

Corpora are read lazily so the client never holds more than the shards in flight; a bad line or
record becomes a ``Failure`` in the stream instead of stopping the batch.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from civharm.batch.documents import Item
from civharm.batch.jsonl import read_jsonl
from civharm.batch.warc import read_warc
from civharm.errors import CaptureError

JSONL_SUFFIXES = (".jsonl",)
WARC_SUFFIXES = (".warc", ".warc.gz")


def check_inputs(paths: Sequence[Path]) -> None:
    """Refuse the batch before it starts when an input is missing or of a kind we cannot read."""
    if not paths:
        raise CaptureError("give at least one .jsonl, .warc or .warc.gz file")
    for path in paths:
        if not path.is_file():
            raise CaptureError(f"no such file: {path}")
        if not path.name.lower().endswith(JSONL_SUFFIXES + WARC_SUFFIXES):
            raise CaptureError(f"{path}: batch inputs are .jsonl, .warc or .warc.gz files")


def read_inputs(paths: Sequence[Path], max_bytes: int) -> Iterator[Item]:
    """Every document of every input, in order, one at a time."""
    for path in paths:
        if path.name.lower().endswith(JSONL_SUFFIXES):
            yield from read_jsonl(path, max_bytes)
        else:
            yield from read_warc(path, max_bytes)
