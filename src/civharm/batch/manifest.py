"""The output folder's manifest: which inputs and shard size it belongs to, and the finished shards.

``manifest.jsonl`` starts with a header line (the inputs by path and size, the shard size); one line
is appended per finished shard (number, file, counts). Shard numbers only mean something for the
same inputs cut the same way, so a folder made for other inputs is refused rather than mixed.
The shard files themselves are the truth about what is finished: a shard renamed into place just
before a crash, whose line was never appended, gets its line on the next run.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from civharm.batch.shardfile import ShardOutcome, finished_shards, read_outcome, shard_path
from civharm.errors import CivharmError

MANIFEST = "manifest.jsonl"
FORMAT = 1


def header(paths: Sequence[Path], shard_size: int) -> dict[str, Any]:
    return {
        "civharm_batch": FORMAT,
        "shard_size": shard_size,
        "inputs": [{"path": str(p.resolve()), "bytes": p.stat().st_size} for p in paths],
    }


def open_manifest(out_dir: Path, paths: Sequence[Path], shard_size: int) -> dict[int, Path]:
    """Check or start the manifest; the finished shards' files, listed in the manifest if they were not."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / MANIFEST
    wanted = header(paths, shard_size)
    finished = finished_shards(out_dir)
    if not path.exists():
        if finished:
            raise CivharmError(f"{out_dir} holds shards but no {MANIFEST}: give a new --out")
        _append(path, wanted)
        return {}
    lines = _read(path)
    if not lines or lines[0] != wanted:
        raise CivharmError(f"{out_dir} holds the shards of other inputs or another --shard-size: give a new --out")
    listed = {line["shard"] for line in lines[1:]}
    for number, file in finished.items():
        if number not in listed:
            record(out_dir, read_outcome(file))
    return finished


def record(out_dir: Path, outcome: ShardOutcome) -> None:
    """Append a finished shard's line."""
    _append(
        out_dir / MANIFEST,
        {
            "shard": outcome.number,
            "file": shard_path(out_dir, outcome.number).name,
            "documents": outcome.documents,
            "reports": outcome.reports,
            "failed": len(outcome.failures),
        },
    )


def _append(path: Path, line: dict[str, Any]) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(line) + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def _read(path: Path) -> list[dict[str, Any]]:
    """The manifest's lines; a line torn by a crash (the last one) is left out and ended, so appends stay whole."""
    text = path.read_text(encoding="utf-8")
    if text and not text.endswith("\n"):
        with path.open("a", encoding="utf-8") as handle:
            handle.write("\n")
    lines: list[dict[str, Any]] = []
    for raw in text.splitlines():
        try:
            lines.append(json.loads(raw))
        except json.JSONDecodeError:
            continue
    return lines
