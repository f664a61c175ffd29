"""“Republish this”: a copyable HTML snippet of a public page, with credit, canonical link and pixel.

Newsrooms republish casualty records under a credit (as ProPublica's and The Conversation's
"Republish this story" boxes do). The snippet carries only civharm's own words — facts, ranges,
grade, source names — never sentences quoted from reports and never images, because those belong
to the publications that wrote them. For the same reason nothing is offered when the account
itself originated with another publication (every linked report records an ``origin``). The 1×1
pixel tells us where a page was republished; readers are counted by a salted digest of their
address and browser, and neither is stored.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from fastapi import Request

from civharm.records import Incident, Report
from civharm.settings import Settings
from civharm.web.templating import TEMPLATES

SALT_FILE = "republish-salt"
SALT_BYTES = 32
PAGE_KEY = re.compile(r"^(incident|tallies)-[A-Za-z0-9._-]{1,190}$")
# The usual smallest transparent GIF (GIF89a, 1×1, one transparent colour): 42 bytes.
PIXEL_GIF = bytes.fromhex("47494638396101000100800000000000ffffff21f90401000000002c000000000100010000020144003b")


@dataclass(frozen=True)
class Offer:
    """What the "Republish this" box shows: the snippet to copy and where it points."""

    snippet: str
    canonical_url: str
    pixel_url: str
    canonical_tag: str


@dataclass(frozen=True)
class Refusal:
    """Why nothing is offered for republication (the text is another publication's)."""

    reason: str


def incident_page_key(incident_id: str) -> str:
    return f"incident-{incident_id}"


def tallies_page_key(by: str) -> str:
    return f"tallies-{by}"


def page_path(key: str) -> str | None:
    """The public path a page key stands for; None for a malformed key."""
    if not PAGE_KEY.match(key):
        return None
    kind, _, rest = key.partition("-")
    return f"/incidents/{rest}" if kind == "incident" else f"/tallies?by={rest}"


def base_url(request: Request, settings: Settings) -> str:
    """The site's canonical base: the ``public_url`` setting, or the address this request came to."""
    return settings.public_url or str(request.base_url).rstrip("/")


def credit_line(settings: Settings, url: str) -> str:
    """The configured credit wording with the publisher and the canonical URL filled in."""
    return settings.credit_text.replace("{publisher}", settings.publisher_name).replace("{url}", url)


def _offer(request: Request, settings: Settings, key: str, context: Mapping[str, object]) -> Offer:
    base = base_url(request, settings)
    path = page_path(key) or "/"
    canonical = base + path
    pixel = f"{base}/pixel/{key}.gif"
    snippet = TEMPLATES.get_template("republish_snippet.html").render(
        {
            **context,
            "canonical_url": canonical,
            "pixel_url": pixel,
            "credit": credit_line(settings, canonical),
            "publisher": settings.publisher_name,
        }
    )
    return Offer(snippet.strip(), canonical, pixel, f'<link rel="canonical" href="{canonical}">')


def foreign_origin(reports: Sequence[Report]) -> str | None:
    """The other publication an account originated with: set when every linked report names an origin."""
    origins = [r.origin for r in reports]
    if reports and all(origins):
        return ", ".join(dict.fromkeys(o for o in origins if o))
    return None


def incident_offer(
    request: Request, settings: Settings, incident: Incident, reports: Sequence[Report], lines: Sequence[str]
) -> Offer | Refusal:
    """The box for an incident page; ``lines`` are the page's own summary sentences."""
    origin = foreign_origin(reports)
    if origin:
        return Refusal(
            f"This account originated with {origin}; republish it from them, not from {settings.publisher_name}."
        )
    sources = sorted({r.publisher or r.origin or "unnamed publisher" for r in reports})
    context = {"heading": lines[0], "lines": lines[1:], "sources": sources}
    return _offer(request, settings, incident_page_key(incident.id), context)


def tallies_offer(request: Request, settings: Settings, by: str, lines: Sequence[str]) -> Offer:
    """The box for a tallies page: its headline figures in words."""
    context = {"heading": lines[0], "lines": lines[1:], "sources": []}
    return _offer(request, settings, tallies_page_key(by), context)


def reader_salt(settings: Settings) -> str:
    """The salt for reader digests: the setting, or one generated once and kept under the data dir."""
    if settings.pixel_salt:
        return settings.pixel_salt
    path = Path(settings.home) / SALT_FILE
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    salt = secrets.token_hex(SALT_BYTES)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another worker wrote it first: use theirs
        return path.read_text(encoding="ascii").strip()
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(salt)
    return salt


def reader_digest(salt: str, address: str, user_agent: str) -> str:
    """A digest that is the same for one reader and tells nothing about who they are without the salt."""
    return hashlib.sha256("\x1f".join((salt, address, user_agent)).encode("utf-8")).hexdigest()
