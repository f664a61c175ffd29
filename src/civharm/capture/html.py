"""Main text and metadata of an HTML page, with trafilatura and htmldate.

Settings were chosen on the article-extraction benchmark (``civharm bench article-extraction``):
``favor_precision`` without comments scored best (F1 0.964 against 0.953 for trafilatura's
defaults); where it finds nothing, the default settings are tried before giving up, which
recovers pages whose article sits in an unusual layout. The page text then goes through the
same closing-block rule as plain text, so a donation appeal or "republish this story" box
that trafilatura kept is still dropped.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

import trafilatura
from lxml.etree import LxmlError

from civharm.capture.cues import CLOSING, Cue, cue_of
from civharm.capture.language import declared_html_language

# The date of first publication, not of an update; no free-text search, which picks up dates
# of events the article mentions (htmldate's "extensive search").
DATE_PARAMS = {"original_date": True, "extensive_search": False}
# Inline cues that may be dropped from trafilatura's text: link and prompt lines. Captions and
# short labels are left to trafilatura, which already tells them from article text by markup.
_HTML_INLINE = frozenset({Cue.SKIP_LINK, Cue.SHARE, Cue.NEWSLETTER, Cue.COOKIE})

# Separators a byline leaves around a name: "By Jane Roe · 10 March 2024" gives "Jane Roe ·".
_BYLINE_PUNCTUATION = " ·•|-–—,;:"

logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


@dataclass(frozen=True)
class HtmlText:
    text: str
    title: str | None
    author: str | None
    publisher: str | None
    published: date | None
    canonical_url: str | None
    language: str | None


def extract_html(html: str, url: str | None = None) -> HtmlText | None:
    """The page's article and metadata, or None when it has no article text."""
    document = _extract(html, url, favor_precision=True) or _extract(html, url, favor_precision=False)
    if document is None:
        return None
    text = drop_closing_blocks(document.text or "")
    if not any(line.strip() and cue_of(line) is None for line in text.split("\n")):
        return None  # nothing but labels: trafilatura's fallback returns a menu's "Home" on empty pages
    return HtmlText(
        text=text,
        title=_clean(document.title),
        author=_clean(document.author, strip=_BYLINE_PUNCTUATION),
        publisher=_clean(document.sitename),
        published=_date(document.date),
        canonical_url=_clean(document.url),
        language=_clean(document.language) or declared_html_language(html),
    )


def extract_html_text(html: str, url: str | None = None) -> str:
    """Just the article text ('' when none): what the benchmark scores."""
    result = extract_html(html, url)
    return result.text if result else ""


def _extract(html: str, url: str | None, *, favor_precision: bool) -> trafilatura.settings.Document | None:
    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            favor_precision=favor_precision,
            include_comments=False,
            with_metadata=True,
            date_extraction_params=DATE_PARAMS,
        )
    except (LxmlError, ValueError, TypeError, AttributeError, IndexError) as exc:
        # trafilatura and lxml raise these on markup they cannot parse; treated as "no article".
        logging.getLogger(__name__).debug("trafilatura failed on %s: %s", url, exc)
        return None
    if document is None or isinstance(document, dict) or not (document.text or "").strip():
        return None
    return document


def drop_closing_blocks(text: str) -> str:
    """Drop prompt lines and everything from a closing block (appeal, republish box, ...) on."""
    kept: list[str] = []
    seen_body = False
    for line in text.split("\n"):
        cue = cue_of(line)
        if cue in CLOSING and seen_body and cue is not Cue.CREDIT:
            break
        if cue in _HTML_INLINE:
            continue
        kept.append(line)
        seen_body = seen_body or cue is None
    return "\n".join(kept).strip("\n")


def _clean(value: str | None, strip: str = "") -> str | None:
    if value is None:
        return None
    value = " ".join(value.split()).strip(strip)
    return value or None


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
