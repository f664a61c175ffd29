"""The manifest ties an output folder to its inputs and shard size and lists finished shards."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from civharm.batch.manifest import MANIFEST, open_manifest, record
from civharm.batch.shardfile import ShardOutcome, write_shard
from civharm.errors import CivharmError


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "c.jsonl"
    path.write_text('{"text": "a"}\n')
    return path


def lines(out: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in (out / MANIFEST).read_text().splitlines()]


def test_a_new_folder_gets_a_header_and_finished_shards_their_lines(tmp_path: Path, corpus: Path) -> None:
    out = tmp_path / "out"
    assert open_manifest(out, [corpus], 10) == {}
    outcome = ShardOutcome(0, 1, 1, ())
    path = write_shard(out, outcome, [])
    record(out, outcome)
    header, line = lines(out)
    assert header == {"civharm_batch": 1, "shard_size": 10, "inputs": [{"path": str(corpus), "bytes": 14}]}
    assert line == {"shard": 0, "file": "shard-000000.parquet", "documents": 1, "reports": 1, "failed": 0}
    assert open_manifest(out, [corpus], 10) == {0: path}


def test_other_inputs_or_shard_size_are_refused(tmp_path: Path, corpus: Path) -> None:
    out = tmp_path / "out"
    open_manifest(out, [corpus], 10)
    with pytest.raises(CivharmError, match="other inputs or another --shard-size"):
        open_manifest(out, [corpus], 20)
    corpus.write_text('{"text": "a"}\n{"text": "b"}\n')
    with pytest.raises(CivharmError, match="other inputs"):
        open_manifest(out, [corpus], 10)


def test_shards_without_a_manifest_are_refused(tmp_path: Path, corpus: Path) -> None:
    write_shard(tmp_path, ShardOutcome(0, 1, 1, ()), [])
    with pytest.raises(CivharmError, match=r"no manifest\.jsonl"):
        open_manifest(tmp_path, [corpus], 10)


def test_a_shard_renamed_before_its_line_was_written_gets_it_and_a_torn_line_is_mended(
    tmp_path: Path, corpus: Path
) -> None:
    out = tmp_path / "out"
    open_manifest(out, [corpus], 10)
    with (out / MANIFEST).open("a") as handle:
        handle.write('{"shard": 7, "fi')  # a crash in the middle of an append
    path = write_shard(out, ShardOutcome(1, 3, 2, ()), [])
    assert open_manifest(out, [corpus], 10) == {1: path}
    text = (out / MANIFEST).read_text()
    assert text.splitlines()[1] == '{"shard": 7, "fi'
    assert json.loads(text.splitlines()[2])["shard"] == 1
