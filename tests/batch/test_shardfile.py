"""Shard files: whole or absent, self-describing, and round-tripping extractions exactly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from civharm.batch.shardfile import (
    ShardOutcome,
    ShardRow,
    finished_shards,
    read_outcome,
    read_rows,
    shard_path,
    write_shard,
)
from civharm.chain import Failure
from civharm.records import Extraction, Report


def extraction(text: str) -> Extraction:
    report = Report(
        sha256="a" * 64,
        text=text,
        media_type="text/plain",
        published=dt.date(2015, 11, 29),
        captured_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        captured_by="civharm test",
    )
    return Extraction(report=report)


def test_a_shard_round_trips_rows_and_outcome(tmp_path: Path) -> None:
    rows = [ShardRow("c.jsonl:1", b"\x00original bytes", extraction("Twelve were killed."))]
    outcome = ShardOutcome(3, documents=2, reports=1, failures=(Failure("c.jsonl:2", "no article text"),))
    path = write_shard(tmp_path, outcome, rows)
    assert path == shard_path(tmp_path, 3) and path.name == "shard-000003.parquet"
    assert read_outcome(path) == outcome
    assert list(read_rows(path)) == rows
    assert finished_shards(tmp_path) == {3: path}


def test_temporary_files_are_not_shards_and_a_failed_write_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".shard-000001.parquet.abc.tmp").write_bytes(b"PAR1 half written")
    (tmp_path / "manifest.jsonl").write_text("{}\n")
    assert finished_shards(tmp_path) == {}

    def crash(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("civharm.batch.shardfile.os.replace", crash)
    with pytest.raises(OSError):
        write_shard(tmp_path, ShardOutcome(2, 0, 0, ()), [])
    assert finished_shards(tmp_path) == {}
    assert sorted(p.name for p in tmp_path.iterdir()) == [".shard-000001.parquet.abc.tmp", "manifest.jsonl"]
