"""JSONL corpora: one document a line, ``{"url", "html" or "text", "published", "title", "origin", ...}``.

Keys beyond these are the corpus's own metadata and are ignored. The page's bytes are the UTF-8
encoding of its ``html`` or ``text`` string: that is what is kept as the original and hashed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

from civharm.batch.documents import Document, Item, too_big
from civharm.capture.inputs import CaptureRequest, is_url
from civharm.chain import Failure

BODY_TYPES = {"html": "text/html; charset=utf-8", "text": "text/plain; charset=utf-8"}


def read_jsonl(path: Path, max_bytes: int) -> Iterator[Item]:
    """Each line's document, or a Failure naming the line; blank lines are skipped."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            location = f"{path}:{number}"
            try:
                yield document(location, raw, max_bytes)
            except ValueError as exc:
                yield Failure(location, str(exc))


def document(location: str, raw: bytes, max_bytes: int) -> Document:
    """One line; ValueError says what is wrong with it."""
    try:
        item = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ValueError(f"not a valid JSON line ({getattr(exc, 'msg', exc)})") from exc
    if not isinstance(item, dict):
        raise ValueError("expected a JSON object")
    bodies = [key for key in BODY_TYPES if item.get(key) is not None]
    if len(bodies) != 1:
        raise ValueError('needs exactly one of "html" or "text"')
    body = item[bodies[0]]
    if not isinstance(body, str):
        raise ValueError(f'"{bodies[0]}" must be a string')
    data = body.encode("utf-8")
    if len(data) > max_bytes:
        raise ValueError(too_big(len(data), max_bytes))
    url = _string(item, "url")
    if url is not None and not is_url(url):
        raise ValueError(f"not an http(s) URL: {url!r}")
    request = CaptureRequest(
        location=location,
        published=_published(_string(item, "published")),
        title=_string(item, "title"),
        url=url,
        origin=_string(item, "origin"),
    )
    return Document(request=request, data=data, content_type=BODY_TYPES[bodies[0]])


def _published(text: str | None) -> dt.date | None:
    """An ISO date, or the date of an ISO timestamp (corpora often carry the full time)."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError as exc:
        raise ValueError(f'"published" is not an ISO date: {text!r}') from exc


def _string(item: dict[str, object], key: str) -> str | None:
    value = item.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f'"{key}" must be a string')
    return value.strip() or None
