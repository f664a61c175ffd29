"""An Atom feed (RFC 4287) of newly published or updated incidents, newest change first.

Built with ElementTree so the XML is well formed whatever the text holds (captured place names are
untrusted). Each entry's id is the incident's canonical URL, so a reader sees an updated figure as
the same entry changed, not a new one; ``published`` is when civharm first stored the incident.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from civharm.records import Incident

ATOM_NS = "http://www.w3.org/2005/Atom"
# Entries in the feed: feed readers poll often and only need what changed recently.
FEED_ENTRIES = 50
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True)
class FeedInfo:
    title: str
    base_url: str  # canonical base, no trailing slash
    author: str


def _stamp(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def atom_feed(
    info: FeedInfo,
    incidents: Sequence[Incident],
    times: Mapping[str, tuple[dt.datetime, dt.datetime]],
    summary: Callable[[Incident], Sequence[str]],
) -> bytes:
    """The feed document; ``times`` gives each incident's (created, updated), ``summary`` its sentences."""
    ET.register_namespace("", ATOM_NS)
    ordered = sorted(incidents, key=lambda i: (times.get(i.id, (EPOCH, EPOCH))[1], i.id), reverse=True)
    ordered = ordered[:FEED_ENTRIES]
    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    _sub(feed, "title", info.title)
    _sub(feed, "id", f"{info.base_url}/feed.atom")
    _sub(feed, "link", rel="self", href=f"{info.base_url}/feed.atom", type="application/atom+xml")
    _sub(feed, "link", rel="alternate", href=f"{info.base_url}/", type="text/html")
    newest = times.get(ordered[0].id, (EPOCH, EPOCH))[1] if ordered else EPOCH
    _sub(feed, "updated", _stamp(newest))
    author = _sub(feed, "author")
    _sub(author, "name", info.author)
    for incident in ordered:
        created, updated = times.get(incident.id, (EPOCH, EPOCH))
        url = f"{info.base_url}/incidents/{incident.id}"
        lines = list(summary(incident))
        entry = _sub(feed, "entry")
        _sub(entry, "title", lines[0] if lines else incident.id)
        _sub(entry, "id", url)
        _sub(entry, "link", rel="alternate", href=url, type="text/html")
        _sub(entry, "published", _stamp(created))
        _sub(entry, "updated", _stamp(updated))
        _sub(entry, "category", term=incident.grade.value, label=f"grade: {incident.grade.value}")
        _sub(entry, "summary", " ".join(lines[1:]), type="text")
    return bytes(ET.tostring(feed, encoding="utf-8", xml_declaration=True))
