"""A Dask client: on a local cluster of single-threaded worker processes, or on an existing cluster.

One thread per worker: spaCy and our extraction are CPU-bound Python, so threads would only share
one core under the GIL; parallelism comes from processes, each with its own models loaded once.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator

from distributed import Client, LocalCluster

from civharm.errors import CivharmError

# Seconds to wait for a remote scheduler before saying it cannot be reached.
CONNECT_TIMEOUT = 30


@contextlib.contextmanager
def open_client(workers: int, scheduler: str | None, *, processes: bool = True) -> Iterator[Client]:
    """``scheduler`` (``tcp://host:port``) when given, else a LocalCluster of ``workers`` processes."""
    if scheduler:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError, ValueError) as exc:
            raise CivharmError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        with client:
            yield client
        return
    if workers < 1:
        raise CivharmError("--workers must be at least 1")
    with (
        LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers,
            threads_per_worker=1,
            processes=processes,
            dashboard_address=None,
            scheduler_kwargs={"dashboard_address": ":0"},  # its health/metrics server: any free port, never 8787
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,  # type: ignore[no-untyped-call]
    ):
        yield client


def worker_threads(client: Client) -> int:
    """How many tasks the cluster runs at once (at least 1, so a cluster still starting gets work)."""
    threads: dict[str, int] = client.nthreads()  # type: ignore[no-untyped-call]
    return max(1, sum(threads.values()))
