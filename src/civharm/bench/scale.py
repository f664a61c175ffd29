"""``civharm bench scale``: a million synthetic incidents, API latency, a load test and linking growth.

    civharm bench scale generate --database-url URL --incidents 1000000
    civharm bench scale latency --database-url URL [--repeats 30] [--workers N] [--cache-mb 0]
    civharm bench scale load --database-url URL [--rate 200 --seconds 60] [--workers N] [--incidents 100]
                             [--cache-mb 64]
    civharm bench scale link --reports 10000,100000,300000 [--growing-world]
    civharm bench scale incremental --database-url URL [--batches 5 --copies 20 --fresh 20]

Each prints its figures; BENCHMARKS.md ("Scale") records them with the command, date and machine.
"""

from __future__ import annotations

import gc
import math
import resource
import sys
import time

import click
import httpx
from rich.progress import Progress
from sqlalchemy import func, select

from civharm.bench import latency, synthetic
from civharm.records import Extraction
from civharm.settings import DEFAULT_RESPONSE_CACHE_MB
from civharm.store.cursor import Cursor
from civharm.store.db import Database, open_database
from civharm.store.models import IncidentRow

DEFAULT_URL = "sqlite:////tmp/civharm-scale.db"


def _open(database_url: str) -> Database:
    return open_database(database_url)


@click.group("scale")
def command() -> None:
    """Scale: synthetic incidents, API latency and load, linking growth (see BENCHMARKS.md)."""


@command.command("generate")
@click.option("--database-url", default=DEFAULT_URL, show_default=True, help="SQLite or PostgreSQL URL.")
@click.option("--incidents", type=click.IntRange(min=0), required=True, help="How many incidents to write.")
@click.option("--seed", type=int, default=1, show_default=True)
@click.option("--growing-world", is_flag=True, help="Date the incidents over ten years per 10,000 incidents.")
def generate_command(database_url: str, incidents: int, seed: int, growing_world: bool) -> None:
    """Write N synthetic incidents (with reports and claims) into an empty database, in bulk."""
    database = _open(database_url)
    start = time.perf_counter()
    with Progress(transient=True, disable=not sys.stderr.isatty()) as bar:
        task = bar.add_task("incidents", total=incidents)
        made = synthetic.generate(
            database,
            incidents,
            seed=seed,
            progress=lambda done: bar.advance(task, done),
            days=synthetic.world_days(incidents, growing_world),
        )
    seconds = time.perf_counter() - start
    database.close()
    click.echo(
        f"wrote {made.incidents} incidents, {made.reports} reports, {made.claims} claims "
        f"in {seconds:.1f} s ({made.incidents / seconds if seconds else 0:.0f} incidents/s)"
    )


def endpoints(database: Database) -> list[latency.Endpoint]:
    """The measured requests: lists (plain, filtered, deep by offset and by cursor), one incident (HTML,
    API), tally, home page, export."""
    with database.engine.connect() as connection:
        count = connection.scalar(select(func.count()).select_from(IncidentRow)) or 0
        middle = connection.scalar(select(IncidentRow.id).order_by(IncidentRow.id).offset(count // 2).limit(1))
        deep = max(0, int(count * 0.9))
        in_list_order = IncidentRow.date.desc().nulls_last(), IncidentRow.id
        before_deep = connection.execute(
            select(IncidentRow.date, IncidentRow.id).order_by(*in_list_order).offset(max(0, deep - 1)).limit(1)
        ).one_or_none()
    if middle is None or before_deep is None:
        raise click.ClickException("the database has no incidents: run `civharm bench scale generate` first")
    cursor = Cursor(before_deep.date, before_deep.id)  # the same page as offset=deep, found by keyset
    return [
        latency.Endpoint("list", "/api/incidents?limit=50"),
        latency.Endpoint("list grade+dates", "/api/incidents?grade=Fair&date_from=2018-01-01&date_to=2018-12-31"),
        latency.Endpoint("list place", "/api/incidents?place=Kharkiv"),
        latency.Endpoint("list perpetrator", "/api/incidents?perpetrator=RSF&limit=50"),
        latency.Endpoint(f"list offset {deep}", f"/api/incidents?offset={deep}"),
        latency.Endpoint(f"list after row {deep}", f"/api/incidents?after={cursor}"),
        latency.Endpoint("incident HTML", f"/incidents/{middle}"),
        latency.Endpoint("incident API", f"/api/incidents/{middle}"),
        latency.Endpoint("tally", "/api/tally?by=perpetrator"),
        latency.Endpoint("home", "/"),
        latency.Endpoint("export csv (first byte)", "/api/export/csv", first_byte_only=True),
    ]


@command.command("latency")
@click.option("--database-url", default=DEFAULT_URL, show_default=True)
@click.option("--repeats", type=click.IntRange(min=1), default=30, show_default=True)
@click.option("--only", multiple=True, help="Measure only endpoints whose name starts with this (repeatable).")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True, help="civharm serve --workers")
@click.option(
    "--cache-mb",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="The server's response cache; off, so repeats measure the work behind each answer, not memory.",
)
def latency_command(database_url: str, repeats: int, only: tuple[str, ...], workers: int, cache_mb: int) -> None:
    """p50/p95 of each endpoint over sequential requests to a real `civharm serve`."""
    database = _open(database_url)
    chosen = [e for e in endpoints(database) if not only or e.name.startswith(only)]
    database.close()
    click.echo(f"{'endpoint':28} {'n':>4} {'err':>4} {'p50 ms':>9} {'p95 ms':>9} {'TTFB ms':>9} {'bytes':>12}")
    with (
        latency.serve(database_url, workers=workers, cache_mb=cache_mb) as base,
        httpx.Client(base_url=base, timeout=latency.REQUEST_TIMEOUT_SECONDS) as client,
    ):
        for endpoint in chosen:
            t = latency.time_endpoint(client, endpoint, repeats)
            click.echo(
                f"{t.name:28} {t.requests:>4} {t.errors:>4} {t.p50_ms:>9.1f} {t.p95_ms:>9.1f} "
                f"{t.first_byte_ms:>9.1f} {t.bytes:>12}"
            )


def spread_incidents(database: Database, count: int) -> list[str]:
    """Up to ``count`` incident ids spread over the table (ids are hex digests: one per prefix step)."""
    step = 16**4 / count
    prefixes = sorted({f"{int(k * step):04x}" for k in range(count)})
    with database.engine.connect() as connection:
        found = (
            connection.scalar(select(IncidentRow.id).where(IncidentRow.id >= p).order_by(IncidentRow.id).limit(1))
            for p in prefixes
        )
        return sorted({incident_id for incident_id in found if incident_id is not None})


@command.command("load")
@click.option("--database-url", default=DEFAULT_URL, show_default=True)
@click.option("--rate", type=click.FloatRange(min=0, min_open=True), default=200, show_default=True)
@click.option("--seconds", type=click.FloatRange(min=0, min_open=True), default=60, show_default=True)
@click.option("--skip", multiple=True, help="Leave out endpoints whose name starts with this (repeatable).")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True, help="civharm serve --workers")
@click.option("--incidents", type=click.IntRange(min=0), default=100, show_default=True, help="Distinct incidents.")
@click.option(
    "--cache-mb",
    type=click.IntRange(min=0),
    default=DEFAULT_RESPONSE_CACHE_MB,
    show_default=True,
    help="The server's response cache, as deployed by default; 0 measures the server without it.",
)
def load_command(
    database_url: str, rate: float, seconds: float, skip: tuple[str, ...], workers: int, incidents: int, cache_mb: int
) -> None:
    """A bounded load test: RATE requests/s for SECONDS over a mix of the measured endpoints and the
    pages (HTML and API) of INCIDENTS distinct incidents, so most requests are not the same few URLs."""
    database = _open(database_url)
    # Streamed exports are timed to their first byte by `latency`; whole downloads are not a request mix.
    chosen = [e for e in endpoints(database) if not e.first_byte_only]
    paths = [e.path for e in chosen if not skip or not e.name.startswith(skip)]
    for incident_id in spread_incidents(database, incidents):
        paths += [f"/incidents/{incident_id}", f"/api/incidents/{incident_id}"]
    database.close()
    with latency.serve(database_url, workers=workers, cache_mb=cache_mb) as base:
        result = latency.run_load_test(base, paths, rate, seconds)
    click.echo(
        f"planned {result.planned}  sent {result.sent}  ok {result.ok}  errors {result.errors}  "
        f"unsent {result.planned - result.sent}  "
        f"achieved {result.rate:.1f} req/s over {result.seconds:.1f} s  p50 {result.p50_ms:.1f} ms  "
        f"p95 {result.p95_ms:.1f} ms"
    )
    for kind in result.error_kinds:
        click.echo(f"  error: {kind}")


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


@command.command("link")
@click.option("--reports", default="10000,100000", show_default=True, help="Comma-separated corpus sizes.")
@click.option("--seed", type=int, default=1, show_default=True)
@click.option(
    "--growing-world",
    is_flag=True,
    help="Date the incidents over ten years per 10,000 reports, so the world widens with N instead of "
    "the same ten years and places growing denser.",
)
def link_command(reports: str, seed: int, growing_world: bool) -> None:
    """Link N synthetic reports (``civharm.link.linker.link``): wall and CPU time, CPU time / (N log N),
    peak RSS."""
    from civharm.link.linker import link

    try:
        sizes = sorted(int(part) for part in reports.split(",") if part.strip())
    except ValueError as exc:
        raise click.ClickException(f"--reports: {reports!r} is not a list of numbers") from exc
    # CPU seconds beside the wall clock: on a shared machine the growth is read from the CPU time
    click.echo(
        f"{'reports':>9} {'incidents':>10} {'seconds':>9} {'CPU s':>9} {'µs/(N log2 N)':>14} {'peak RSS MB':>12}"
    )
    for size in sizes:
        corpus: list[Extraction] = []
        days = synthetic.world_days(size, growing_world)
        for item in synthetic.synthetic_incidents(size, seed, days):
            corpus.extend(synthetic.extractions(item))
            if len(corpus) >= size:
                break
        corpus = corpus[:size]
        gc.collect()
        start, cpu_start = time.perf_counter(), time.process_time()
        incidents = link(corpus)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        per = cpu * 1e6 / (size * math.log2(size)) if size > 1 else 0.0
        click.echo(f"{size:>9} {len(incidents):>10} {seconds:>9.1f} {cpu:>9.1f} {per:>14.3f} {_rss_mb():>12.0f}")
        del corpus, incidents


@command.command("incremental")
@click.option("--database-url", default=DEFAULT_URL, show_default=True, help="A database `generate` wrote.")
@click.option("--seed", type=int, default=1, show_default=True, help="The seed `generate` was given.")
@click.option("--batches", type=click.IntRange(min=1), default=5, show_default=True)
@click.option(
    "--copies",
    type=click.IntRange(min=0),
    default=20,
    show_default=True,
    help="New reports of stored incidents per batch.",
)
@click.option("--fresh", type=click.IntRange(min=0), default=20, show_default=True, help="New incidents per batch.")
@click.option("--growing-world", is_flag=True, help="The database was generated with --growing-world.")
def incremental_command(
    database_url: str, seed: int, batches: int, copies: int, fresh: int, growing_world: bool
) -> None:
    """Store batches of new reports in a generated database and link them in (``civharm run``'s
    incremental linking): seconds per batch, and whether new reports of stored incidents joined them.
    Changes the database: run it on a copy."""
    from civharm.bench.incremental import run_batches

    database = _open(database_url)
    click.echo(
        f"{'batch':>5} {'reports':>8} {'store s':>8} {'link s':>8} {'joined':>9} {'incidents':>10} {'proposed':>9}"
    )
    try:
        runs = run_batches(database, seed=seed, batches=batches, copies=copies, fresh=fresh, growing=growing_world)
        for r in runs:
            joined = f"{r.copies_joined}/{r.copies}"
            click.echo(
                f"{r.batch:>5} {r.reports:>8} {r.store_s:>8.2f} {r.link_s:>8.2f} {joined:>9} {r.incidents:>10}"
                f" {r.proposed:>9}"
            )
    finally:
        database.close()
