"""Request latency against a running civharm server: sequential percentiles and a rate-bounded load test.

Both talk HTTP to a real server (``serve`` starts ``civharm serve`` on 127.0.0.1 as a child process),
so the figures include uvicorn, FastAPI, templates and the database, as a visitor would see them.
The load test sends requests on a fixed schedule and times each from when it was due, so the achieved
rate, the latencies and the error and unsent counts say whether the server kept up.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import os
import socket
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass

import httpx

from civharm.bench.keepalive import HTTPConnection
from civharm.errors import CivharmError

SERVER_START_SECONDS = 60.0  # migrating and opening a large database can take a while
REQUEST_TIMEOUT_SECONDS = 120.0
LOAD_CONNECTIONS = 50  # more than a 2-core server can use; the client never queues more than this


@dataclass(frozen=True)
class Endpoint:
    """A named URL path (with its query) to measure.

    ``first_byte_only``: a streamed download (a whole export of a million incidents takes minutes
    whatever the server does), timed to its first chunk, after which the connection is closed.
    """

    name: str
    path: str
    first_byte_only: bool = False


@dataclass(frozen=True)
class Timing:
    """Latency of one endpoint over sequential requests, in milliseconds."""

    name: str
    requests: int
    errors: int
    p50_ms: float
    p95_ms: float
    first_byte_ms: float  # median time to the first byte of the body
    bytes: int  # body size of the last response


@dataclass(frozen=True)
class LoadResult:
    """What a load test sent, what came back, and how fast."""

    planned: int
    sent: int  # planned minus the requests given up because the server fell too far behind
    ok: int
    errors: int
    seconds: float
    p50_ms: float
    p95_ms: float
    error_kinds: tuple[str, ...]  # one line per distinct failure, for the report

    @property
    def rate(self) -> float:
        """Completed requests per second."""
        return (self.ok + self.errors) / self.seconds if self.seconds > 0 else 0.0


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile (``share`` in 0..1) of the values; 0 for none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextlib.contextmanager
def serve(database_url: str, port: int | None = None, workers: int = 1, cache_mb: int | None = None) -> Iterator[str]:
    """Run ``civharm serve --workers N`` against ``database_url`` on 127.0.0.1; yields its base URL.
    ``cache_mb``: the response cache's size (None: as configured in the environment)."""
    port = port or free_port()
    env = {**os.environ, "CIVHARM_DATABASE_URL": database_url}
    if cache_mb is not None:
        env["CIVHARM_RESPONSE_CACHE_MB"] = str(cache_mb)
    command = [sys.executable, "-m", "civharm", "serve", "--host", "127.0.0.1", "--port", str(port)]
    command += ["--workers", str(workers)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while True:
            if process.poll() is not None:
                error = process.stderr.read().decode(errors="replace").strip() if process.stderr else ""
                raise CivharmError(f"civharm serve exited: {error.splitlines()[-1] if error else process.returncode}")
            try:
                httpx.get(f"{base}/api/openapi.json", timeout=5).raise_for_status()
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline:
                    raise CivharmError(f"civharm serve did not answer within {SERVER_START_SECONDS:.0f} s") from None
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def time_endpoint(client: httpx.Client, endpoint: Endpoint, repeats: int) -> Timing:
    """``repeats`` sequential GETs of one endpoint, after one warm-up request (not counted)."""
    client.get(endpoint.path)
    totals: list[float] = []
    firsts: list[float] = []
    errors = 0
    size = 0
    for _ in range(repeats):
        start = time.perf_counter()
        with client.stream("GET", endpoint.path) as response:
            first: float | None = None
            size = 0
            for chunk in response.iter_bytes():
                if first is None:
                    first = time.perf_counter() - start
                size += len(chunk)
                if endpoint.first_byte_only:
                    break
            errors += response.status_code >= 400
        totals.append((time.perf_counter() - start) * 1000)
        firsts.append((first if first is not None else time.perf_counter() - start) * 1000)
    return Timing(
        name=endpoint.name,
        requests=repeats,
        errors=errors,
        p50_ms=percentile(totals, 0.5),
        p95_ms=percentile(totals, 0.95),
        first_byte_ms=percentile(firsts, 0.5),
        bytes=size,
    )


Fetch = Callable[[str], Awaitable[int]]  # GETs a path, returns the status; raises on a failed connection


async def _one(fetch: Fetch, path: str, due: float) -> tuple[float, str | None]:
    """GET ``path``; milliseconds from ``due`` (the loop time it was scheduled for) to the answer."""
    loop = asyncio.get_running_loop()
    try:
        status = await asyncio.wait_for(fetch(path), REQUEST_TIMEOUT_SECONDS)
    except (OSError, ValueError, IndexError, asyncio.IncompleteReadError, asyncio.LimitOverrunError) as exc:
        return (loop.time() - due) * 1000, f"{type(exc).__name__}: {exc}".splitlines()[0]
    elapsed = (loop.time() - due) * 1000
    return elapsed, None if status < 400 else f"HTTP {status} {path}"


async def load_test(fetchers: Sequence[Fetch], paths: Sequence[str], rate: float, seconds: float) -> LoadResult:
    """Send ``rate`` requests a second for ``seconds``, cycling through ``paths``, and wait for all answers.

    Request i is due ``i / rate`` seconds after the start. One sender per fetcher (a connection) shares
    the schedule: a free sender takes the next request, waits until it is due and sends it. Latency
    counts from when a request was due, not from when it left, so a server that falls behind shows as
    longer latencies instead of a politer client. Requests not sent by twice the planned duration are
    given up and reported as unsent: an overloaded server ends the test rather than stretching it
    without bound, and the client never holds more requests than it has connections.
    """
    if rate <= 0 or seconds <= 0 or not paths or not fetchers:
        raise CivharmError("a load test needs a positive rate, a positive duration and at least one path")
    planned = int(rate * seconds)
    loop = asyncio.get_running_loop()
    start = loop.time()
    give_up = start + 2 * seconds
    schedule = iter(range(planned))  # shared: each request is taken by exactly one sender
    results: list[tuple[float, str | None]] = []

    async def sender(fetch: Fetch) -> None:
        for i in schedule:
            due = start + i / rate
            if loop.time() > give_up:
                return
            if due > loop.time():
                await asyncio.sleep(due - loop.time())
            results.append(await _one(fetch, paths[i % len(paths)], due))

    await asyncio.gather(*(sender(fetch) for fetch in fetchers))
    elapsed = loop.time() - start
    latencies = [ms for ms, _ in results]
    failures = [error for _, error in results if error is not None]
    return LoadResult(
        planned=planned,
        sent=len(results),
        ok=len(results) - len(failures),
        errors=len(failures),
        seconds=elapsed,
        p50_ms=percentile(latencies, 0.5),
        p95_ms=percentile(latencies, 0.95),
        error_kinds=tuple(dict.fromkeys(failures)),
    )


def run_load_test(base_url: str, paths: Sequence[str], rate: float, seconds: float) -> LoadResult:
    """``load_test`` against a server over ``LOAD_CONNECTIONS`` kept-alive connections."""
    url = httpx.URL(base_url)
    host, port = url.host, url.port or 80

    async def main() -> LoadResult:
        connections = [HTTPConnection(host, port) for _ in range(LOAD_CONNECTIONS)]
        try:
            return await load_test([c.get for c in connections], paths, rate, seconds)
        finally:
            await asyncio.gather(*(c.close() for c in connections))

    return asyncio.run(main())
