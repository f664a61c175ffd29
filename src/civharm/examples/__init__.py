"""The bundled example reports: fictional news reports for the demo and the tests (see README.md here).

They ship with the package so ``civharm run`` has something to show without network access, and so the
tests can run the whole chain on files a user could open. The manifest gives what a capture from the web
would have known: publication date, URL, title, and the origin of a republished copy.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from civharm.errors import CivharmError

EXAMPLES_DIR = Path(__file__).resolve().parent
MANIFEST = EXAMPLES_DIR / "manifest.jsonl"


@dataclass(frozen=True)
class ExampleReport:
    """One line of the manifest, with the path resolved."""

    path: Path
    published: dt.date
    url: str
    title: str
    origin: str | None = None  # the original publisher of a republished copy


def load_manifest(manifest: Path = MANIFEST) -> tuple[ExampleReport, ...]:
    """The example reports listed in ``manifest``, in file order."""
    entries: list[ExampleReport] = []
    try:
        lines = manifest.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise CivharmError(f"cannot read example manifest {manifest}: {exc.strerror}") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            entry = ExampleReport(
                path=manifest.parent / str(data["path"]),
                published=dt.date.fromisoformat(str(data["published"])),
                url=str(data["url"]),
                title=str(data["title"]),
                origin=str(data["origin"]) if data.get("origin") else None,
            )
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise CivharmError(f"{manifest.name} line {number}: invalid entry ({exc})") from exc
        if not entry.path.is_file():
            raise CivharmError(f"{manifest.name} line {number}: no such file {entry.path.name}")
        entries.append(entry)
    return tuple(entries)
