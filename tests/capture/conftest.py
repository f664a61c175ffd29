"""Fixtures for the capture tests: settings in a temporary home, a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from civharm.capture.blobs import BlobStore
from civharm.settings import Settings

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SAMPLES = SHARED / "samples"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})

ARTICLE_HTML = b"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Strike hits market - Test Gazette</title>
<meta property="og:site_name" content="Test Gazette">
<meta property="article:published_time" content="2015-11-29T10:00:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Strike hits market</h1>
<p>At least 44 people were killed and scores wounded on Sunday in a suspected air strike on a crowded
marketplace in the town, local activists told our reporter by telephone.</p>
<p>The strikes hit the old town, which has been held by rebel groups since May, the monitoring group said,
adding that several other districts were also hit during the afternoon.</p>
<p>Officials at the defence ministry could not immediately be reached for comment on the reports.</p>
</article><footer>Copyright 2015 Test Gazette</footer></body></html>"""


def make_settings(home: Path, **changes: object) -> Settings:
    base = Settings(home=home, database_url=f"sqlite:///{home / 'civharm.db'}", cache_dir=home / "cache")
    return base.with_overrides(**changes) if changes else base


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path / "home")


@pytest.fixture
def loopback_settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path / "home", allow_loopback=True)


@pytest.fixture
def blobs(tmp_path: Path) -> BlobStore:
    return BlobStore(tmp_path / "blobs")


@pytest.fixture(scope="session")
def samples() -> Path:
    if not SAMPLES.is_dir():
        pytest.skip("../shared/samples is not next to the repository")
    return SAMPLES


class LoopbackOnly(httpx.BaseTransport):
    """A real HTTP transport that refuses, loudly, to send anything off this machine.

    The address guard is what is under test; this keeps a broken guard from ever sending
    traffic to a private or public address.
    """

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.sent: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(str(request.url))
        if request.url.host not in LOOPBACK_HOSTS:
            raise AssertionError(f"test tried to reach a non-loopback address: {request.url}")
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


class Recording(httpx.BaseTransport):
    """Records requests and never connects anywhere: proves a refusal came before any request."""

    def __init__(self) -> None:
        self.sent: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(str(request.url))
        raise AssertionError(f"a request was sent to {request.url}")


@dataclass
class PageServer:
    base: str
    release: threading.Event
    hits: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path


BIG_BODY = b"<p>" + b"x" * 10_000 + b"</p>"
SLOW_SECONDS = 5.0


def _handler(server_state: PageServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def log_message(self, format: str, *args: object) -> None:  # quiet test output
            pass

        def _send(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8") -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _redirect(self, location: str) -> None:
            self.send_response(302)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def do_GET(self) -> None:
            # the client may give up (timeout or size limit): that is what those tests expect
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self._route()

        def _route(self) -> None:
            server_state.hits.append(self.path)
            path = self.path
            if path == "/article":
                self._send(200, ARTICLE_HTML)
            elif path == "/plain":
                self._send(200, b"Strike hits market\n\nAt least 44 people were killed on Sunday.\n", "text/plain")
            elif path == "/missing":
                self._send(404, b"not here")
            elif path == "/error":
                self._send(500, b"boom")
            elif path == "/slow":
                server_state.release.wait(SLOW_SECONDS)
                self._send(200, ARTICLE_HTML)
            elif path.startswith("/redirect/"):
                left = int(path.rsplit("/", 1)[1])
                self._redirect(f"/redirect/{left - 1}" if left > 0 else "/article")
            elif path == "/big":
                self._send(200, BIG_BODY)
            elif path == "/big-unsized":
                # no Content-Length: the body ends when the connection closes, so only streaming can cut it
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                for _ in range(100):
                    self.wfile.write(b"y" * 1000)
            elif path == "/to-private":
                self._redirect("http://10.0.0.1/latest")
            elif path == "/to-metadata":
                self._redirect("http://169.254.169.254/latest/meta-data/")
            elif path == "/pdf":
                self._send(200, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "application/pdf")
            else:
                self._send(404, b"unknown")

    return Handler


@pytest.fixture(scope="module")
def http_server() -> Iterator[PageServer]:
    release = threading.Event()
    state = PageServer(base="", release=release)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        release.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=SLOW_SECONDS)


@pytest.fixture
def loopback_transport() -> Iterator[LoopbackOnly]:
    transport = LoopbackOnly()
    yield transport
    transport.close()
