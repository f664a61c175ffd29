"""Turn what a user typed (files, folders, URLs, JSONL manifests) into capture requests.

The CLI accepts a mix of inputs; expanding them here, before anything is captured, lets a
mistake (a missing file, a broken manifest line) stop the run with one clear message
instead of half-way through a batch.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from civharm.errors import CaptureError

# Extensions a folder is searched for: what the capture stage can read as text or HTML.
FOLDER_SUFFIXES = frozenset({".html", ".htm", ".txt", ".text"})
MANIFEST_SUFFIX = ".jsonl"
MANIFEST_KEYS = frozenset({"path", "url", "published", "title", "origin"})


@dataclass(frozen=True)
class CaptureRequest:
    """One thing to capture: a local file or an http(s) URL, with what the user already knows of it."""

    location: str  # a file path or an http(s) URL
    published: date | None = None
    title: str | None = None
    url: str | None = None  # the original URL of a local copy
    origin: str | None = None

    @property
    def is_url(self) -> bool:
        return is_url(self.location)


def is_url(text: str) -> bool:
    """True for http and https URLs; other schemes are files or mistakes, reported later."""
    lowered = text[:8].lower()
    return lowered.startswith(("http://", "https://"))


def expand_inputs(args: Sequence[str], published: date | None = None) -> list[CaptureRequest]:
    """Expand CLI arguments into requests; ``published`` applies to plain arguments, not manifest lines."""
    requests: list[CaptureRequest] = []
    for arg in args:
        if is_url(arg):
            requests.append(CaptureRequest(location=arg, published=published))
            continue
        path = Path(arg).expanduser()
        if path.is_dir():
            requests.extend(CaptureRequest(location=str(p), published=published) for p in _folder_files(path))
        elif path.is_file():
            if path.suffix.lower() == MANIFEST_SUFFIX:
                requests.extend(read_manifest(path))
            else:
                requests.append(CaptureRequest(location=str(path), published=published))
        else:
            raise CaptureError(f"no such file: {arg}")
    return requests


def _folder_files(folder: Path) -> list[Path]:
    """The readable reports in a folder and its subfolders, sorted so runs are repeatable."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in FOLDER_SUFFIXES)


def read_manifest(manifest: Path) -> list[CaptureRequest]:
    """Read a JSONL manifest: one object a line with ``path`` or ``url`` and optional metadata."""
    try:
        lines = manifest.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise CaptureError(f"cannot read manifest {manifest}: {exc}") from exc
    return list(_manifest_requests(manifest, lines))


def _manifest_requests(manifest: Path, lines: list[str]) -> Iterator[CaptureRequest]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield _manifest_line(manifest.parent, line)
        except (ValueError, TypeError) as exc:
            raise CaptureError(f"{manifest}, line {number}: {exc}") from exc


def _manifest_line(folder: Path, line: str) -> CaptureRequest:
    """One manifest line; ValueError/TypeError carry the reason, the caller adds file and line."""
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON ({exc.msg})") from exc
    if not isinstance(item, dict):
        raise ValueError("expected a JSON object")
    unknown = set(item) - MANIFEST_KEYS
    if unknown:
        raise ValueError(f"unknown key(s): {', '.join(sorted(unknown))}")
    path, url = _optional_str(item, "path"), _optional_str(item, "url")
    if path is None and url is None:
        raise ValueError('needs "path" or "url"')
    published_text = _optional_str(item, "published")
    try:
        published = date.fromisoformat(published_text) if published_text else None
    except ValueError as exc:
        raise ValueError(f'"published" is not an ISO date: {published_text!r}') from exc
    if path is not None:
        location = str(folder / Path(path).expanduser())
    else:
        assert url is not None
        if not is_url(url):
            raise ValueError(f"not an http(s) URL: {url!r}")
        location = url
    return CaptureRequest(
        location=location,
        published=published,
        title=_optional_str(item, "title"),
        url=url,
        origin=_optional_str(item, "origin"),
    )


def _optional_str(item: dict[str, object], key: str) -> str | None:
    value = item.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f'"{key}" must be a string')
    return value.strip() or None
