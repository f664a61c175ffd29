"""Request latency against a running civharm server: sequential percentiles and a rate-bounded load test.

Both talk HTTP to a real server (``serve`` starts ``civharm serve`` on 127.0.0.1 as a child process),
so the figures include uvicorn, FastAPI, templates and the database, as a visitor would see them.
The load test sends requests on a fixed schedule (open loop: a slow answer does not delay the next
request), so the achieved rate and the error count say whether the server kept up.
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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import httpx

from civharm.errors import CivharmError

SERVER_START_SECONDS = 60.0  # migrating and opening a large database can take a while
REQUEST_TIMEOUT_SECONDS = 120.0


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
    sent: int
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
def serve(database_url: str, port: int | None = None, workers: int = 1) -> Iterator[str]:
    """Run ``civharm serve --workers N`` against ``database_url`` on 127.0.0.1; yields its base URL."""
    port = port or free_port()
    env = {**os.environ, "CIVHARM_DATABASE_URL": database_url}
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


async def _one(client: httpx.AsyncClient, path: str) -> tuple[float, str | None]:
    start = time.perf_counter()
    try:
        response = await client.get(path)
    except httpx.HTTPError as exc:
        return (time.perf_counter() - start) * 1000, f"{type(exc).__name__}: {exc}".splitlines()[0]
    elapsed = (time.perf_counter() - start) * 1000
    return elapsed, None if response.status_code < 400 else f"HTTP {response.status_code} {path}"


async def load_test(client: httpx.AsyncClient, paths: Sequence[str], rate: float, seconds: float) -> LoadResult:
    """Send ``rate`` requests a second for ``seconds``, cycling through ``paths``, and wait for all answers.

    The i-th request leaves at ``i / rate`` seconds after the start whatever happened to the others, so
    a server that falls behind shows as a lower achieved rate and longer latencies, not as a politer client.
    """
    if rate <= 0 or seconds <= 0 or not paths:
        raise CivharmError("a load test needs a positive rate, a positive duration and at least one path")
    planned = int(rate * seconds)
    loop = asyncio.get_running_loop()
    start = loop.time()
    tasks = []
    for i in range(planned):
        delay = start + i / rate - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(_one(client, paths[i % len(paths)])))
    results = await asyncio.gather(*tasks)
    elapsed = loop.time() - start
    latencies = [ms for ms, _ in results]
    failures = [error for _, error in results if error is not None]
    return LoadResult(
        planned=planned,
        sent=len(tasks),
        ok=len(results) - len(failures),
        errors=len(failures),
        seconds=elapsed,
        p50_ms=percentile(latencies, 0.5),
        p95_ms=percentile(latencies, 0.95),
        error_kinds=tuple(dict.fromkeys(failures)),
    )


def run_load_test(base_url: str, paths: Sequence[str], rate: float, seconds: float) -> LoadResult:
    """``load_test`` against a server, with a connection pool big enough for the rate."""

    async def main() -> LoadResult:
        limits = httpx.Limits(max_connections=int(rate) or 1, max_keepalive_connections=int(rate) or 1)
        async with httpx.AsyncClient(base_url=base_url, timeout=REQUEST_TIMEOUT_SECONDS, limits=limits) as client:
            return await load_test(client, paths, rate, seconds)

    return asyncio.run(main())
