"""``civharm verify [PACKAGE.zip]`` and the evidence-package export behind ``civharm export --format package``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from civharm.errors import CivharmError

EXIT_BROKEN = 1  # something did not verify


@click.command()
@click.argument("package", required=False, type=click.Path(dir_okay=False))
@click.pass_context
def verify(ctx: click.Context, package: str | None) -> None:
    """Re-hash every stored original and working copy and check the custody chain; or check a PACKAGE.zip offline."""
    if package is not None:
        from civharm.custody.package import verify_package

        path = Path(package)
        if not path.is_file():
            raise CivharmError(f"no such file: {package}")
        problem, files = verify_package(path)
        if problem is not None:
            click.echo(f"BROKEN: {problem}", err=True)
            sys.exit(EXIT_BROKEN)
        click.echo(f"ok: {files} files match their SHA-256 and the custody chain holds")
        return
    from civharm.capture.blobs import BlobStore
    from civharm.custody.verify import verify_database
    from civharm.store.db import open_database

    settings: Any = ctx.find_root().obj
    verdict = verify_database(open_database(settings.database_url), BlobStore(settings.blob_dir))
    if verdict.problem is not None:
        click.echo(f"BROKEN: {verdict.problem}", err=True)
        sys.exit(EXIT_BROKEN)
    click.echo(
        f"ok: {verdict.originals} originals and working copies match their SHA-256; "
        f"{verdict.entries} custody entries chained"
    )


def export_package(settings: Any, incident_id: str | None, out: str | None) -> None:
    """Write one incident's evidence package to ``out`` (a ZIP is never sent to a terminal)."""
    from civharm.capture.blobs import BlobStore
    from civharm.custody.package import build_package
    from civharm.store.db import open_database
    from civharm.store.repository import Store

    if not incident_id or not out:
        raise CivharmError("--format package needs --incident ID and --out FILE.zip")
    store = Store(open_database(settings.database_url))
    incident = store.incident(incident_id).model_dump(mode="json")
    actor = "cli"
    body = build_package(store.database, BlobStore(settings.blob_dir), incident, actor, settings.max_bytes)
    Path(out).write_bytes(body)
    click.echo(f"wrote the evidence package of {incident_id} to {out}", err=True)
