"""From a report's bytes to its main text and metadata, whichever form it came in.

One entry point for both forms so the capture stage does not care whether a user saved the
page as HTML or copied its text: both give the same ``Extracted`` fields, with the same
rules for what is boilerplate and where the publisher and date come from.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from civharm.capture.decode import HTML, decode
from civharm.capture.html import extract_html
from civharm.capture.language import guess_language
from civharm.capture.plaintext import extract_plain
from civharm.capture.publisher import publisher_from_url
from civharm.errors import CaptureError


@dataclass(frozen=True)
class Extracted:
    text: str
    media_type: str
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: date | None = None
    canonical_url: str | None = None
    language: str | None = None
    origin_hints: str = ""  # text in which a wire credit may stand (see ``origin``)


def extract_text(data: bytes, name: str, *, url: str | None = None, content_type: str | None = None) -> Extracted:
    """Main text and metadata of a report; CaptureError when it is not a readable report."""
    decoded = decode(data, name, content_type)
    if decoded.media_type == HTML:
        return _from_html(decoded.text, name, url)
    return _from_plain(decoded.text, name, url, decoded.media_type)


def _from_html(html: str, name: str, url: str | None) -> Extracted:
    page = extract_html(html, url)
    if page is None:
        raise CaptureError(f"no article text found in {name}")
    published = page.published or extract_plain(page.text).published
    return Extracted(
        text=page.text,
        media_type=HTML,
        title=page.title,
        author=page.author,
        publisher=page.publisher or publisher_from_url(url or page.canonical_url),
        published=published,
        canonical_url=page.canonical_url,
        language=page.language or guess_language(page.text),
        origin_hints=page.text,
    )


def _from_plain(raw: str, name: str, url: str | None, media_type: str) -> Extracted:
    masthead = publisher_from_url(url)
    page = extract_plain(raw, masthead=masthead)
    if not page.text.strip():
        raise CaptureError(f"no article text found in {name}")
    return Extracted(
        text=page.text,
        media_type=media_type,
        title=page.title,
        publisher=masthead or page.publisher,
        published=page.published,
        language=guess_language(page.text),
        origin_hints=page.origin_hints,
    )
