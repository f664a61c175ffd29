"""Fetching pages: a real HTTP server on 127.0.0.1, and the address guard against SSRF."""

from __future__ import annotations

import ipaddress

import pytest

from civharm.capture.fetch import fetch, refusal_reason
from civharm.errors import CaptureError
from civharm.settings import Settings

from .conftest import ARTICLE_HTML, LoopbackOnly, PageServer, Recording


def test_fetches_a_page(http_server: PageServer, loopback_settings: Settings, loopback_transport: LoopbackOnly) -> None:
    page = fetch(http_server.url("/article"), loopback_settings, transport=loopback_transport)
    assert page.data == ARTICLE_HTML
    assert page.final_url == http_server.url("/article")
    assert page.content_type == "text/html; charset=utf-8"


def test_follows_redirects_up_to_the_limit(
    http_server: PageServer, loopback_settings: Settings, loopback_transport: LoopbackOnly
) -> None:
    limit = loopback_settings.max_redirects
    page = fetch(http_server.url(f"/redirect/{limit - 1}"), loopback_settings, transport=loopback_transport)
    assert page.final_url == http_server.url("/article")
    with pytest.raises(CaptureError, match=rf"too many redirects \(more than {limit}\)"):
        fetch(http_server.url(f"/redirect/{limit + 3}"), loopback_settings, transport=loopback_transport)


@pytest.mark.parametrize(("path", "status"), [("/missing", 404), ("/error", 500)])
def test_http_errors_are_one_line(
    http_server: PageServer,
    loopback_settings: Settings,
    loopback_transport: LoopbackOnly,
    path: str,
    status: int,
) -> None:
    url = http_server.url(path)
    with pytest.raises(CaptureError) as error:
        fetch(url, loopback_settings, transport=loopback_transport)
    assert str(error.value) == f"HTTP {status} from {url}"


def test_timeout_is_a_one_line_error(
    http_server: PageServer, loopback_settings: Settings, loopback_transport: LoopbackOnly
) -> None:
    quick = loopback_settings.with_overrides(fetch_timeout=0.2)
    with pytest.raises(CaptureError, match=r"^timed out after 0.2 s fetching http://127\.0\.0\.1:\d+/slow$"):
        fetch(http_server.url("/slow"), quick, transport=loopback_transport)


@pytest.mark.parametrize("path", ["/big", "/big-unsized"])
def test_body_over_the_limit_is_cut_off(
    http_server: PageServer, loopback_settings: Settings, loopback_transport: LoopbackOnly, path: str
) -> None:
    small = loopback_settings.with_overrides(max_bytes=1000)
    with pytest.raises(CaptureError, match=r"is over the 1000 bytes limit \(CIVHARM_MAX_BYTES\)"):
        fetch(http_server.url(path), small, transport=loopback_transport)


@pytest.mark.parametrize(("path", "address"), [("/to-private", "10.0.0.1"), ("/to-metadata", "169.254.169.254")])
def test_redirect_to_a_private_address_is_refused_before_connecting(
    http_server: PageServer,
    loopback_settings: Settings,
    loopback_transport: LoopbackOnly,
    path: str,
    address: str,
) -> None:
    with pytest.raises(CaptureError, match=rf"refusing to fetch http://{address}/.*: resolves to .* {address}$"):
        fetch(http_server.url(path), loopback_settings, transport=loopback_transport)
    assert loopback_transport.sent == [http_server.url(path)]  # the redirect target was never requested


def test_connection_refused_is_a_one_line_error(loopback_settings: Settings) -> None:
    # port 9 on loopback: nothing listens there in the test environment
    with pytest.raises(CaptureError, match=r"^cannot fetch http://127\.0\.0\.1:9/: ") as error:
        fetch("http://127.0.0.1:9/", loopback_settings, transport=LoopbackOnly())
    assert "\n" not in str(error.value)


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("http://10.0.0.1/", "a private address 10.0.0.1"),
        ("http://192.168.1.1/admin", "a private address 192.168.1.1"),
        ("http://172.16.5.4/", "a private address 172.16.5.4"),
        ("http://169.254.169.254/latest/meta-data/", "a link-local address 169.254.169.254"),
        ("http://127.0.0.1:8080/", "a loopback address 127.0.0.1"),
        ("http://localhost/", "a loopback address"),
        ("http://[::1]/", "a loopback address ::1"),
        ("http://0.0.0.0/", "an unspecified address 0.0.0.0"),
        ("http://224.0.0.1/", "a multicast address 224.0.0.1"),
        ("http://[::ffff:10.0.0.1]/", "a private address"),
        ("http://100.64.0.1/", "a non-public address 100.64.0.1"),
    ],
)
def test_private_addresses_are_refused_before_any_request(settings: Settings, url: str, kind: str) -> None:
    transport = Recording()
    with pytest.raises(CaptureError) as error:
        fetch(url, settings, transport=transport)
    message = str(error.value)
    assert message.startswith("refusing to fetch http://") and f"resolves to {kind}" in message
    assert transport.sent == []


def test_loopback_allowance_does_not_open_private_ranges(loopback_settings: Settings) -> None:
    transport = Recording()
    with pytest.raises(CaptureError, match=r"a private address 10\.0\.0\.1"):
        fetch("http://10.0.0.1/", loopback_settings, transport=transport)
    assert transport.sent == []


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://example.org/"])
def test_only_http_and_https(settings: Settings, url: str) -> None:
    transport = Recording()
    with pytest.raises(CaptureError, match="only http and https"):
        fetch(url, settings, transport=transport)
    assert transport.sent == []


def test_public_addresses_pass_the_guard() -> None:
    assert refusal_reason(ipaddress.ip_address("93.184.216.34"), allow_loopback=False) is None
    assert refusal_reason(ipaddress.ip_address("2606:4700::1111"), allow_loopback=False) is None
    assert refusal_reason(ipaddress.ip_address("127.0.0.1"), allow_loopback=True) is None
