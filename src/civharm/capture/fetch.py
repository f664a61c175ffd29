"""Fetch one web page, safely: bounded size, bounded redirects, public addresses only.

civharm may run on a server where a URL comes from someone else (a batch manifest, the
web form), so a URL must never reach the cloud metadata service, the intranet or the
machine itself (server-side request forgery). Every hop of a redirect chain is checked
before any connection is made. Known limit: the name is resolved for the check and again
by the HTTP client, so a DNS server that answers differently the second time (DNS
rebinding) is not caught; run civharm behind an egress firewall where that matters.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass

import httpx

from civharm import TOOL
from civharm.errors import CaptureError
from civharm.settings import Settings

ALLOWED_SCHEMES = frozenset({"http", "https"})
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_HEADERS = {
    "User-Agent": f"{TOOL} (report capture)",
    "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
}

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class Fetched:
    data: bytes
    final_url: str
    content_type: str | None


def fetch(url: str, settings: Settings, transport: httpx.BaseTransport | None = None) -> Fetched:
    """GET ``url`` following at most ``settings.max_redirects`` redirects; CaptureError on any failure."""
    current = _parse(url)
    with httpx.Client(
        transport=transport,
        timeout=settings.fetch_timeout,
        follow_redirects=False,
        headers=_HEADERS,
        trust_env=False,  # a proxy from the environment would bypass the address check
    ) as client:
        for _hop in range(settings.max_redirects + 1):
            check_address(current, settings)
            try:
                result = _get_once(client, current, settings)
            except httpx.TimeoutException as exc:
                raise CaptureError(f"timed out after {settings.fetch_timeout:g} s fetching {current}") from exc
            except httpx.HTTPError as exc:
                raise CaptureError(f"cannot fetch {current}: {_one_line(exc)}") from exc
            if isinstance(result, Fetched):
                return result
            current = result
    raise CaptureError(f"too many redirects (more than {settings.max_redirects}) fetching {url}")


def _get_once(client: httpx.Client, url: httpx.URL, settings: Settings) -> Fetched | httpx.URL:
    """One request: the page, or the URL a redirect points to."""
    with client.stream("GET", url) as response:
        if response.status_code in _REDIRECT_STATUSES:
            location = response.headers.get("location")
            if not location:
                raise CaptureError(f"HTTP {response.status_code} redirect without a Location from {url}")
            try:
                return _parse(str(url.join(location)))
            except httpx.InvalidURL as exc:
                raise CaptureError(f"bad redirect from {url} to {location!r}") from exc
        if not 200 <= response.status_code < 300:
            raise CaptureError(f"HTTP {response.status_code} from {url}")
        data = _read_bounded(response, settings.max_bytes, url)
        return Fetched(data=data, final_url=str(url), content_type=response.headers.get("content-type"))


def _read_bounded(response: httpx.Response, max_bytes: int, url: httpx.URL) -> bytes:
    """Read the body, stopping as soon as it passes the limit (the declared length may lie)."""
    too_big = CaptureError(f"{url} is over the {human_size(max_bytes)} limit (CIVHARM_MAX_BYTES)")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise too_big
    chunks: list[bytes] = []
    total = 0
    for chunk in response.iter_bytes():
        total += len(chunk)
        if total > max_bytes:
            raise too_big
        chunks.append(chunk)
    return b"".join(chunks)


def _parse(url: str) -> httpx.URL:
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise CaptureError(f"not a valid URL: {url!r}") from exc
    if parsed.scheme not in ALLOWED_SCHEMES:
        raise CaptureError(f"refusing to fetch {url}: only http and https URLs are supported")
    if not parsed.host:
        raise CaptureError(f"not a valid URL (no host): {url!r}")
    return parsed


def check_address(url: httpx.URL, settings: Settings) -> None:
    """Refuse a URL whose host is, or resolves to, anything but a public address."""
    host = url.host
    port = url.port or (443 if url.scheme == "https" else 80)
    for address in resolve(host, port, url):
        reason = refusal_reason(address, allow_loopback=settings.allow_loopback)
        if reason:
            raise CaptureError(f"refusing to fetch {url}: resolves to {reason} address {address}")


def resolve(host: str, port: int, url: httpx.URL) -> list[IPAddress]:
    """All addresses ``host`` resolves to; an IP literal resolves to itself without a DNS query."""
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise CaptureError(f"cannot fetch {url}: cannot resolve host {host!r}") from exc
    addresses: list[IPAddress] = []
    for info in infos:
        text = str(info[4][0]).split("%", 1)[0]  # drop an IPv6 zone id
        addresses.append(ipaddress.ip_address(text))
    if not addresses:
        raise CaptureError(f"cannot fetch {url}: host {host!r} has no address")
    return addresses


def refusal_reason(address: IPAddress, *, allow_loopback: bool) -> str | None:
    """Why an address must not be fetched ("a private", ...), or None for a public address."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    checks = (
        ("loopback", address.is_loopback),
        ("unspecified", address.is_unspecified),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("reserved", address.is_reserved),
        ("private", address.is_private),
        ("non-public", not address.is_global),
    )
    for name, hit in checks:
        if hit:
            if name == "loopback" and allow_loopback:
                return None
            article = "an" if name[0] in "aeiou" else "a"
            return f"{article} {name}"
    return None


def human_size(n: int) -> str:
    """Size for messages: 20971520 -> "20 MB", 2254857830 -> "2.1 GB"."""
    value = float(n)
    unit = "bytes"
    for unit in ("bytes", "KB", "MB", "GB", "TB"):
        if value < 1024 or unit == "TB":
            break
        value /= 1024
    if unit == "bytes" or value >= 10 or value == int(value):
        return f"{value:.0f} {unit}"
    return f"{value:.1f} {unit}"


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
