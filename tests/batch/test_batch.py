"""Batch end to end: JSONL and WARC corpora through Dask into shards, resumed after a crash, loaded
into the database like ``civharm run``. Unit-level runs use an in-process LocalCluster (threads);
the CLI test uses real worker processes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from civharm.batch import run as batch_run
from civharm.batch.load import load_shards
from civharm.batch.manifest import MANIFEST
from civharm.batch.run import run_batch
from civharm.batch.shardfile import finished_shards, read_rows
from civharm.batch.shards import Shard
from civharm.batch.work import process_shard
from civharm.capture.blobs import BlobStore, sha256_hex
from civharm.chain import Failure
from civharm.cli import main
from civharm.extract.gazetteer import Gazetteer
from civharm.store.db import open_database
from civharm.store.repository import Store
from tests.backend import cli_env
from tests.batch.conftest import ARTICLE, sample_pages, write_jsonl, write_warc

pytestmark = pytest.mark.slow
MAX = 1_000_000


def batch(paths: list[Path], out: Path, shard_size: int = 2) -> tuple[batch_run.BatchSummary, list[Failure]]:
    failures: list[Failure] = []
    summary = run_batch(
        paths, out, max_bytes=MAX, workers=1, shard_size=shard_size, processes=False, report=failures.append
    )
    return summary, failures


def test_jsonl_and_warc_corpora_become_shards_and_load_into_the_store(
    tmp_path: Path, gazetteer: Gazetteer, database_url: str
) -> None:
    pages = sample_pages(3)
    corpus = write_jsonl(
        tmp_path / "c.jsonl",
        [{"url": p["url"], "text": p["text"], "published": p["published"]} for p in pages]
        + ["{broken", {"text": "   "}],
    )
    warc = write_warc(tmp_path / "w.warc.gz")
    out = tmp_path / "out"
    summary, failures = batch([corpus, warc], out)
    assert (summary.documents, summary.shards, summary.reports, summary.skipped) == (5, 3, 4, 2)
    assert summary.failed == 2 == len(failures)
    assert {f.location for f in failures} == {f"{corpus}:4", f"{corpus}:5"}
    rows = [row for path in finished_shards(out).values() for row in read_rows(path)]
    assert [row.location for row in rows[:3]] == [f"{corpus}:{n}" for n in (1, 2, 3)]
    assert rows[3].original == ARTICLE and rows[3].extraction.report.url == "https://gazette.example/strike"
    assert rows[0].extraction.report.published is not None
    assert rows[0].extraction.report.published.isoformat() == pages[0]["published"]
    assert any(i.casualties for i in rows[3].extraction.incidents)

    store = Store(open_database(database_url))
    blobs = BlobStore(tmp_path / "blobs")
    loaded = load_shards(out, store, blobs)
    assert (loaded.added, loaded.duplicates, loaded.failed, loaded.reports) == (4, 0, 0, 4)
    assert loaded.incidents > 0
    assert blobs.get(sha256_hex(ARTICLE)) == ARTICLE
    again = load_shards(out, store, blobs)
    assert (again.added, again.duplicates, again.reports, again.incidents) == (0, 4, 4, loaded.incidents)


def test_a_rerun_after_a_crash_skips_finished_shards_and_ignores_half_written_ones(
    tmp_path: Path, gazetteer: Gazetteer, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = write_jsonl(tmp_path / "c.jsonl", [{"text": p["text"]} for p in sample_pages(5)])
    out = tmp_path / "out"

    def crash_on_shard_1(shard: Shard, out_dir: str) -> Any:
        if shard.number == 1:
            (Path(out_dir) / ".shard-000001.parquet.crash.tmp").write_bytes(b"PAR1 half")
            raise MemoryError("worker killed")
        return process_shard(shard, out_dir)

    monkeypatch.setattr(batch_run, "process_shard", crash_on_shard_1)
    first, failures = batch([corpus], out)
    assert (first.shards, first.reports, first.failed) == (3, 3, 1)
    assert failures[0].location == "shard 1" and "run again to retry" in failures[0].reason
    assert sorted(finished_shards(out)) == [0, 2]
    before = {n: p.stat().st_mtime_ns for n, p in finished_shards(out).items()}

    monkeypatch.undo()
    second, failures = batch([corpus], out)
    assert (second.shards, second.resumed, second.reports, second.failed) == (3, 2, 5, 0)
    assert failures == []
    assert sorted(finished_shards(out)) == [0, 1, 2]
    assert {n: finished_shards(out)[n].stat().st_mtime_ns for n in (0, 2)} == before
    manifest = [json.loads(line) for line in (out / MANIFEST).read_text().splitlines()]
    assert [line["shard"] for line in manifest[1:]] == [0, 2, 1]


def civharm(home: Path, *args: str) -> Result:
    """``civharm --home HOME …`` on the test backend's database for that home."""
    return CliRunner().invoke(main, ["--home", str(home), *args], env=cli_env(home))


def export(home: Path) -> dict[str, Any]:
    """The JSON export, less each report's capture time (the two runs captured at different moments)."""
    result = civharm(home, "export", "--format", "json", "--status", "all")
    assert result.exit_code == 0, result.output
    document: dict[str, Any] = json.loads(result.stdout)
    for item in document["reports"]:
        assert item["report"].pop("captured_at")
    return document


def test_civharm_batch_on_worker_processes_stores_what_civharm_run_stores(tmp_path: Path, gazetteer: Gazetteer) -> None:
    pages = sample_pages(6)
    files = tmp_path / "files"
    files.mkdir()
    manifest, lines = [], []
    for page in pages:
        (files / f"{page['id']}.txt").write_text(page["text"], encoding="utf-8")
        manifest.append({"path": f"{page['id']}.txt", "url": page["url"], "published": page["published"]})
        lines.append({"url": page["url"], "text": page["text"], "published": page["published"]})
    ran = civharm(tmp_path / "run", "run", str(write_jsonl(files / "m.jsonl", manifest)))
    assert ran.exit_code == 0, ran.output
    corpus = write_jsonl(tmp_path / "corpus.jsonl", [*lines, "not json"])
    batched = civharm(tmp_path / "batch", "batch", str(corpus), "--workers", "2", "--shard-size", "2")
    assert batched.exit_code == 1, batched.output  # the bad line
    assert "6 documents in 3 shards (0 done by an earlier run): 6 reports, 1 failed" in batched.stdout
    assert f"failed: {corpus}:7: not a valid JSON line" in batched.stderr
    assert "loaded: 6 new reports, 0 already stored, 0 failed" in batched.stdout
    assert export(tmp_path / "batch") == export(tmp_path / "run")


def test_an_existing_cluster_is_used_by_its_scheduler_address(tmp_path: Path, gazetteer: Gazetteer) -> None:
    from distributed import LocalCluster

    warc = write_warc(tmp_path / "w.warc.gz")
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        summary = run_batch([warc], tmp_path / "out", max_bytes=MAX, scheduler=cluster.scheduler_address, shard_size=10)
    assert (summary.documents, summary.reports, summary.skipped, summary.failed) == (1, 1, 2, 0)
    assert sorted(finished_shards(tmp_path / "out")) == [0]
