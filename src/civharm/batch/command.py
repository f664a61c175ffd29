"""``civharm batch INPUT... [--workers N] [--scheduler tcp://HOST:PORT] [--out DIR]``.

Dask and pyarrow are imported only when the command runs, so the rest of the CLI starts fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from civharm.settings import Settings

if TYPE_CHECKING:
    from civharm.chain import Failure

# Documents per shard: a few MB of pages and under a minute of work per task on one core.
DEFAULT_SHARD_SIZE = 100


@contextmanager
def _progress(what: str) -> Iterator[Any]:
    """A counter on stderr (the corpus size is not known in advance); failures print above it."""
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    with Progress(
        SpinnerColumn(),
        TextColumn(what),
        TextColumn("{task.completed} documents"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    ) as bar:
        yield bar


def _failed(bar: Any, failure: Failure) -> None:
    if bar.disable:
        click.echo(f"  failed: {failure.location}: {failure.reason}", err=True)
    else:
        bar.console.print(f"  failed: {failure.location}: {failure.reason}", markup=False, highlight=False)


@click.command("batch")
@click.argument("inputs", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=lambda: os.cpu_count() or 1,
    show_default="the number of CPUs",
    help="Worker processes of the local Dask cluster (one thread each).",
)
@click.option("--scheduler", metavar="tcp://HOST:PORT", help="Use this Dask cluster instead of a local one.")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of the Parquet shards and manifest (default <home>/batch); rerun with it to resume.",
)
@click.option("--shard-size", type=click.IntRange(min=1), default=DEFAULT_SHARD_SIZE, show_default=True)
@click.option("--load/--no-load", default=True, show_default=True, help="Load the shards into the database and link.")
@click.pass_context
def command(
    ctx: click.Context,
    inputs: tuple[Path, ...],
    workers: int,
    scheduler: str | None,
    out: Path | None,
    shard_size: int,
    load: bool,
) -> None:
    """Capture + extract JSONL and WARC corpora on Dask into Parquet shards, then load and link them."""
    from civharm.batch.load import load_shards
    from civharm.batch.run import run_batch
    from civharm.capture.blobs import BlobStore
    from civharm.cli import EXIT_FAILED
    from civharm.extract.gazetteer import Gazetteer
    from civharm.store.db import open_database
    from civharm.store.repository import Store

    settings: Settings = ctx.find_root().obj
    out_dir = (out or settings.home / "batch").expanduser().resolve()
    if scheduler is None:
        Gazetteer.load(settings.cache_dir).close()  # build the index once, before the workers start
    with _progress("capture + extract") as bar:
        task = bar.add_task("batch", total=None)
        summary = run_batch(
            list(inputs),
            out_dir,
            max_bytes=settings.max_bytes,
            workers=workers,
            scheduler=scheduler,
            shard_size=shard_size,
            progress=lambda n: bar.advance(task, n),
            report=lambda failure: _failed(bar, failure),
        )
    click.echo(
        f"{summary.documents} documents in {summary.shards} shards ({summary.resumed} done by an earlier run): "
        f"{summary.reports} reports, {summary.failed} failed, {summary.skipped} WARC records skipped (not HTML pages)"
    )
    click.echo(f"shards: {out_dir}")
    failed = summary.failed
    if load:
        settings.home.mkdir(parents=True, exist_ok=True)
        store = Store(open_database(settings.database_url))
        with _progress("load") as bar:
            task = bar.add_task("load", total=None)
            loaded = load_shards(
                out_dir,
                store,
                BlobStore(settings.blob_dir),
                progress=lambda n: bar.advance(task, n),
                report=lambda failure: _failed(bar, failure),
            )
        failed += loaded.failed
        click.echo(f"loaded: {loaded.added} new reports, {loaded.duplicates} already stored, {loaded.failed} failed")
        click.echo(f"database: {loaded.reports} reports, {loaded.incidents} incidents")
    if failed:
        sys.exit(EXIT_FAILED)
