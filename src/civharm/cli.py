"""The ``civharm`` command: one thin subcommand per job, each calling one library function.

User mistakes end in one clear line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import click

from civharm import TOOL
from civharm.errors import CivharmError
from civharm.settings import Settings, load_settings

EXIT_FAILED = 1  # the command ran but some inputs failed
EXIT_ERROR = 2  # the command could not run (bad option, missing file, bad database)


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _settings(ctx: click.Context) -> Settings:
    settings: Settings = ctx.obj
    return settings


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        _fail(f"--published must be a date like 2015-12-23, not {value!r}")
    return None


class _Group(click.Group):
    """Turns civharm's own errors into one line and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CivharmError as error:
            _fail(str(error))
        except KeyboardInterrupt:
            click.echo("interrupted: whole reports already stored are kept; run again to resume", err=True)
            sys.exit(130)


@click.group(cls=_Group)
@click.option(
    "--home",
    type=click.Path(file_okay=False),
    envvar="CIVHARM_HOME",
    help="Data directory (default ./civharm-data).",
)
@click.option(
    "--database-url", envvar="CIVHARM_DATABASE_URL", help="Database URL; overrides the SQLite file in --home."
)
@click.version_option(message=TOOL)
@click.pass_context
def main(ctx: click.Context, home: str | None, database_url: str | None) -> None:
    """civharm: from reports of attacks on civilians to sourced incidents and traceable tallies."""
    ctx.obj = load_settings(home=home, database_url=database_url)


def _gazetteer(settings: Settings) -> Any:
    from civharm.extract.gazetteer import Gazetteer

    return Gazetteer.load(settings.cache_dir)


def _store(settings: Settings) -> Any:
    from civharm.store.db import open_database
    from civharm.store.repository import Store

    settings.home.mkdir(parents=True, exist_ok=True)
    return Store(open_database(settings.database_url))


def _requests(inputs: Sequence[str], published: str | None) -> list[Any]:
    from civharm.capture.inputs import expand_inputs

    if not inputs:
        _fail("give at least one file, folder, manifest (.jsonl) or URL")
    return expand_inputs(list(inputs), _parse_date(published))


@main.command()
@click.argument("inputs", nargs=-1)
@click.option("--published", metavar="DATE", help="Publication date (YYYY-MM-DD) of the given files.")
@click.pass_context
def run(ctx: click.Context, inputs: tuple[str, ...], published: str | None) -> None:
    """Capture, extract and link INPUTS (files, folders, .jsonl manifests, URLs) into the database."""
    from rich.progress import Progress

    from civharm import chain

    settings = _settings(ctx)
    requests = _requests(inputs, published)
    store = _store(settings)
    gazetteer = _gazetteer(settings)
    with Progress(transient=True, disable=not sys.stderr.isatty()) as bar:
        task = bar.add_task("capture + extract", total=len(requests))
        summary = chain.run(requests, settings, store, gazetteer, lambda n: bar.advance(task, n))
    click.echo(
        f"{summary.inputs} inputs: {summary.added} new reports, {summary.duplicates} already stored, "
        f"{len(summary.failures)} failed"
    )
    click.echo(
        f"database: {summary.reports} reports, {summary.incidents} incidents, {summary.tallies} reported tallies"
    )
    for failure in summary.failures:
        click.echo(f"  failed: {failure.location}: {failure.reason}", err=True)
    if summary.failures:
        sys.exit(EXIT_FAILED)


@main.command()
@click.option("--fresh", is_flag=True, help="Cluster every mention again (undoes analysts' merges and splits).")
@click.pass_context
def relink(ctx: click.Context, fresh: bool) -> None:
    """Link every stored report into incidents again (`civharm run` links only its new reports)."""
    from civharm import chain

    store = _store(_settings(ctx))
    chain.relink(store, fresh=fresh)
    counts = store.counts()
    click.echo(f"database: {counts.reports} reports, {counts.incidents} incidents")


@main.command()
@click.argument("inputs", nargs=-1)
@click.option("--published", metavar="DATE", help="Publication date (YYYY-MM-DD) of the given files.")
@click.option("--json", "as_json", is_flag=True, help="One JSON document per report (JSON Lines for several).")
@click.pass_context
def extract(ctx: click.Context, inputs: tuple[str, ...], published: str | None, as_json: bool) -> None:
    """Capture and extract INPUTS without a database; print what was found."""
    from civharm import chain
    from civharm.capture.blobs import BlobStore
    from civharm.records import Extraction

    settings = _settings(ctx)
    requests = _requests(inputs, published)
    gazetteer = _gazetteer(settings)
    failed = 0
    with tempfile.TemporaryDirectory(prefix="civharm-extract-") as scratch:
        for item in chain.extract_inputs(requests, settings, BlobStore(Path(scratch)), gazetteer):
            if not isinstance(item, Extraction):
                failed += 1
                click.echo(f"error: {item.location}: {item.reason}", err=True)
            elif as_json:
                click.echo(item.model_dump_json())
            else:
                click.echo(_describe(item))
    if failed:
        sys.exit(EXIT_FAILED)


def _describe(extraction: Any) -> str:
    from civharm.publish.tally import format_range

    report = extraction.report
    lines = [f"{report.title or '(untitled)'} [{report.sha256[:12]}] published {report.published or 'unknown'}"]
    for incident in extraction.incidents:
        place = incident.place.name if incident.place else "place unknown"
        lines.append(
            f"  attack: {incident.attack_type} {incident.date or incident.date_partial or 'date unknown'} {place}"
            f" perpetrator={incident.perpetrator or 'unknown'}"
        )
        for c in incident.casualties:
            lines.append(f'    {c.group} {c.outcome}: {format_range(c.min, c.max)}  "{c.words}"')
    for t in extraction.tallies:
        lines.append(
            f'  tally by {t.source or "unknown"}: {t.group} {t.outcome} {format_range(t.min, t.max)}  "{t.words}"'
        )
    for p in extraction.positions:
        lines.append(f"  position: {p.party} {p.stance} ({p.speaker or p.organisation or 'unnamed'})")
    return "\n".join(lines)


@main.command()
@click.option("--by", type=click.Choice(["perpetrator", "month", "place", "grade"]), default=None)
@click.option("--json", "as_json", is_flag=True)
@click.option("--status", type=click.Choice(["published", "all"]), default="all", show_default=True)
@click.pass_context
def tally(ctx: click.Context, by: str | None, as_json: bool, status: str) -> None:
    """Add up incidents (never reports): headline grades (Fair, Confirmed) and others apart."""
    from civharm.publish.tally import render_tally, stored_tally, tally_json
    from civharm.store.repository import IncidentFilter

    store = _store(_settings(ctx))
    filters = IncidentFilter(status="published" if status == "published" else None)
    result = stored_tally(store, filters, by)  # type: ignore[arg-type]  # click.Choice guarantees the values
    click.echo(json.dumps(tally_json(result), indent=2) if as_json else render_tally(result))


@main.command()
@click.option(
    "--format", "fmt", type=click.Choice(["json", "csv", "geojson", "acled", "ucdp", "package"]), required=True
)
@click.option("--status", type=click.Choice(["published", "all"]), default="published", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False), help="Write to this file instead of standard output.")
@click.option("--incident", "incident_id", help="The incident of an evidence package (--format package).")
@click.pass_context
def export(ctx: click.Context, fmt: str, status: str, out: str | None, incident_id: str | None) -> None:
    """Export incidents as JSON, CSV, GeoJSON, ACLED-shaped or UCDP-GED-shaped CSV (see docs/exports.md),
    or one incident's evidence package (ZIP: originals, manifest of hashes, custody entries)."""
    if fmt == "package":
        from civharm.custody.commands import export_package

        export_package(_settings(ctx), incident_id, out)
        return
    from civharm.publish.export import render_export
    from civharm.store.repository import IncidentFilter

    store = _store(_settings(ctx))
    incidents = store.incidents(IncidentFilter(status="published" if status == "published" else None))
    text = render_export(fmt, incidents, store)
    if out:
        Path(out).write_text(text, encoding="utf-8")
        click.echo(f"wrote {len(incidents)} incidents to {out}", err=True)
    else:
        click.echo(text)


@main.command(name="import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.pass_context
def import_(ctx: click.Context, file: str) -> None:
    """Load a JSON export (civharm export --format json) into the database: same reports and incidents."""
    from civharm.publish.importing import import_file

    summary = import_file(_store(_settings(ctx)), Path(file))
    click.echo(
        f"imported {summary.incidents} incidents; {summary.reports_added} new reports, "
        f"{summary.reports_known} already stored"
    )


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(min=1),
    help="Server processes sharing the port (one per core answers the most requests).",
)
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, workers: int) -> None:
    """Serve the web UI and the JSON API."""
    import uvicorn

    from civharm.web.app import create_app

    settings = _settings(ctx)
    store = _store(settings)  # migrate once, here, and fail with one line before any worker starts
    click.echo(f"serving on http://{host}:{port}/ with {workers} process(es)  (Ctrl+C to stop)", err=True)
    if workers == 1:
        uvicorn.run(create_app(store, settings), host=host, port=port, log_level="warning")
        return
    store.database.close()
    # Each worker process builds its own app from the environment: hand it the settings flags gave.
    os.environ["CIVHARM_HOME"] = str(settings.home)
    os.environ["CIVHARM_DATABASE_URL"] = settings.database_url
    uvicorn.run(
        "civharm.web.app:app_from_environment",
        factory=True,
        workers=workers,
        host=host,
        port=port,
        log_level="warning",
    )


@main.command()
@click.option("--serve/--no-serve", "then_serve", default=True, help="Serve the web UI afterwards.")
@click.option("--port", default=8000, show_default=True, type=int)
@click.pass_context
def demo(ctx: click.Context, then_serve: bool, port: int) -> None:
    """Load the bundled example reports (written by the civharm authors) and serve them."""
    manifest = resources.files("civharm.examples") / "manifest.jsonl"
    with resources.as_file(manifest) as path:
        ctx.invoke(run, inputs=(str(path),), published=None)
    from civharm.store.desk import DeskStore

    DeskStore(_store(_settings(ctx)).database).publish_all("civharm demo", "bundled example, published by civharm demo")
    if then_serve:
        ctx.invoke(serve, host="127.0.0.1", port=port)


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the toponyms as a JSON list (the only output form).")
@click.option(
    "--mentions",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help='Resolve exactly these spans: a JSON list of {"start", "end"}.',
)
@click.option("--url", help="Where the text was published: the places its address names choose between namesakes.")
@click.pass_context
def geoparse(ctx: click.Context, file: Path, as_json: bool, mentions: Path | None, url: str | None) -> None:
    """Toponyms of a text file resolved against the offline gazetteer (or the given spans only)."""
    from civharm.extract.geoparse import geoparse_file

    del as_json  # JSON is the only output; the flag keeps the documented command line explicit
    click.echo(json.dumps(geoparse_file(file, _gazetteer(_settings(ctx)), mentions, url), ensure_ascii=False))


@main.group()
def bench() -> None:
    """Measure civharm against public benchmarks (prints figures; see BENCHMARKS.md)."""


def _register_benchmarks() -> None:
    """The extraction benchmarks (each module imports the heavy parts only when it runs)."""
    from civharm.bench import article, clustering, geoparse, gva, scale, semeval, speed
    from civharm.bench import batch as batch_bench

    bench.add_command(gva.command)
    bench.add_command(geoparse.command)
    bench.add_command(article.command)
    bench.add_command(speed.command)
    bench.add_command(semeval.command)
    bench.add_command(clustering.command)
    bench.add_command(batch_bench.command)
    bench.add_command(scale.command)


_register_benchmarks()


def _register_desk() -> None:
    """The desk's commands: accounts and evidence verification."""
    from civharm.auth.commands import users
    from civharm.custody.commands import verify

    main.add_command(users)
    main.add_command(verify)


_register_desk()


def _register_batch() -> None:
    """Batch capture + extract on Dask (the command imports Dask only when it runs)."""
    from civharm.batch.command import command

    main.add_command(command)


_register_batch()
