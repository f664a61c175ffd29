"""The batch driver: stream the inputs into shards, keep a bounded number of them on the workers,
note each finished shard in the manifest, and skip the shards a previous run finished.

Memory stays bounded whatever the corpus size: the inputs are read lazily, at most
``IN_FLIGHT_PER_WORKER`` shards per worker are submitted and not yet finished, and the driver keeps
counts, never documents or failures (those are handed to ``report`` as they come).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from distributed import Client, Future, wait

from civharm.batch import manifest
from civharm.batch.cluster import open_client, worker_threads
from civharm.batch.documents import Skipped
from civharm.batch.inputs import check_inputs, read_inputs
from civharm.batch.shardfile import ShardOutcome, read_outcome
from civharm.batch.shards import Shard, shards
from civharm.batch.work import process_shard, warm_up
from civharm.chain import Failure
from civharm.errors import CivharmError

# Shards submitted per worker thread and not yet finished: one running, one queued behind it.
IN_FLIGHT_PER_WORKER = 2


@dataclass(frozen=True)
class BatchSummary:
    documents: int  # documents read from the inputs (bad lines and skipped records not counted)
    shards: int
    resumed: int  # shards finished by an earlier run, not redone
    reports: int  # documents captured and extracted into the shards
    skipped: int  # WARC records that are not HTML pages
    failed: int  # bad lines and records, refused documents, shards whose worker failed


@dataclass
class _Tally:
    documents: int = 0
    shards: int = 0
    resumed: int = 0
    reports: int = 0
    skipped: int = 0
    failed: int = 0


def run_batch(
    paths: Sequence[Path],
    out_dir: Path,
    *,
    max_bytes: int,
    workers: int = 1,
    scheduler: str | None = None,
    shard_size: int,
    processes: bool = True,
    progress: Callable[[int], None] = lambda n: None,
    report: Callable[[Failure], None] = lambda f: None,
) -> BatchSummary:
    """Write every shard of ``paths`` into ``out_dir``; ``progress`` gets documents done, ``report`` failures."""
    check_inputs(paths)
    finished = manifest.open_manifest(out_dir, paths, shard_size)
    tally = _Tally()

    def fail(failure: Failure) -> None:
        tally.failed += 1
        report(failure)

    def done(outcome: ShardOutcome) -> None:
        tally.reports += outcome.reports
        for failure in outcome.failures:
            fail(failure)
        progress(outcome.documents)

    with open_client(workers, scheduler, processes=processes) as client:
        try:
            client.run(warm_up)
        except Exception as exc:  # e.g. civharm missing or broken on a worker machine
            raise CivharmError(f"the Dask workers cannot load civharm's models: {exc}") from exc
        limit = IN_FLIGHT_PER_WORKER * worker_threads(client)
        running = _Running(client, out_dir, limit, done, fail, progress)
        for item in shards(read_inputs(paths, max_bytes), shard_size):
            if isinstance(item, Skipped):
                tally.skipped += 1
            elif isinstance(item, Failure):
                fail(item)
            elif isinstance(item, Shard):
                tally.shards += 1
                tally.documents += len(item.documents)
                if item.number in finished:
                    tally.resumed += 1
                    done(read_outcome(finished[item.number]))  # its footer only
                else:
                    running.submit(item)
        running.drain()
    return BatchSummary(
        documents=tally.documents,
        shards=tally.shards,
        resumed=tally.resumed,
        reports=tally.reports,
        skipped=tally.skipped,
        failed=tally.failed,
    )


class _Running:
    """The shards on the cluster: at most ``limit`` at once, each recorded in the manifest when done."""

    def __init__(
        self,
        client: Client,
        out_dir: Path,
        limit: int,
        done: Callable[[ShardOutcome], None],
        fail: Callable[[Failure], None],
        progress: Callable[[int], None],
    ) -> None:
        self._client, self._out_dir, self._limit = client, out_dir, limit
        self._done, self._fail, self._progress = done, fail, progress
        self._futures: dict[Future[ShardOutcome], tuple[int, int]] = {}  # shard number, documents

    def submit(self, shard: Shard) -> None:
        while len(self._futures) >= self._limit:
            self._collect_some()
        future = self._client.submit(process_shard, shard, str(self._out_dir), pure=False)
        self._futures[future] = (shard.number, len(shard.documents))

    def drain(self) -> None:
        while self._futures:
            self._collect_some()

    def _collect_some(self) -> None:
        """Wait for at least one shard to finish; record every finished one."""
        finished = wait(list(self._futures), return_when="FIRST_COMPLETED").done  # type: ignore[no-untyped-call]
        for future in finished:
            number, documents = self._futures.pop(future)
            try:
                outcome: ShardOutcome = future.result()
            except Exception as exc:  # a worker died or a bug: this shard only, retried by a rerun
                self._fail(Failure(f"shard {number}", f"worker error, shard not written (run again to retry): {exc}"))
                self._progress(documents)
                continue
            manifest.record(self._out_dir, outcome)
            self._done(outcome)
