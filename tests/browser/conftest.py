"""A real civharm server over the bundled examples, and Debian's Chromium driven by Playwright.

Skipped, with the reason, when /usr/bin/chromium or the playwright package is missing (CI installs
both; see .ci/run). No browser is ever downloaded: Playwright launches Debian's Chromium. Axe-core
comes from node_modules (``npm ci``) and is injected through the DevTools protocol, so the pages keep
their strict Content-Security-Policy while it runs.
"""

from __future__ import annotations

import http.server
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from civharm import chain
from civharm.capture.inputs import expand_inputs
from civharm.examples import MANIFEST
from civharm.extract.gazetteer import Gazetteer
from civharm.settings import Settings
from civharm.store.db import open_database
from civharm.store.repository import Store
from civharm.web.app import create_app
from tests.backend import settings_for

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"
SERVER_START_SECONDS = 20

pytestmark = pytest.mark.browser


def _skip_reason() -> str | None:
    if not CHROMIUM.is_file():
        return "Debian's Chromium is not installed (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[dev]')"
    if not AXE.is_file() or not (ROOT / "node_modules" / "leaflet").is_dir():
        return "the npm packages are not installed (npm ci, or make setup)"
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass(frozen=True)
class Site:
    base: str
    store: Store
    settings: Settings


class _Server(threading.Thread):
    """uvicorn in a thread, stopped by ``stop``."""

    def __init__(self, app: Any, port: int) -> None:
        import uvicorn

        super().__init__(daemon=True)
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))

    def run(self) -> None:
        self.server.run()

    def wait_started(self) -> None:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while not self.server.started:
            if time.monotonic() > deadline or not self.is_alive():
                raise RuntimeError("the civharm server did not start")
            time.sleep(0.05)

    def stop(self) -> None:
        self.server.should_exit = True
        self.join(timeout=SERVER_START_SECONDS)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, gazetteer: Gazetteer) -> Iterator[Site]:
    reason = _skip_reason()
    if reason:
        pytest.skip(reason)
    home = tmp_path_factory.mktemp("civharm-browser")
    settings = settings_for(home).with_overrides(support_text="Our work is funded by readers.")
    database = open_database(settings.database_url)
    store = Store(database)
    summary = chain.run(expand_inputs([str(MANIFEST)], None), settings, store, gazetteer)
    assert summary.incidents > 0 and not summary.failures
    port = _free_port()
    server = _Server(create_app(store, settings), port)
    server.start()
    server.wait_started()
    yield Site(f"http://127.0.0.1:{port}", store, settings)
    server.stop()
    database.close()


@pytest.fixture(scope="module")
def browser(site: Site) -> Iterator[Any]:
    """One browser per test module, not per session: Playwright's sync API keeps an event loop running on
    the test worker's thread while it is open, and any later test on that worker calling `asyncio.run`
    (the load test, the response cache) would find it there and fail."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def context(browser: Any, site: Site) -> Iterator[Any]:
    """A fresh browser context with axe-core injected into every page and the clipboard allowed."""
    ctx = browser.new_context(viewport={"width": 1200, "height": 900})
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.base)
    ctx.add_init_script(path=str(AXE))
    yield ctx
    ctx.close()


class StaticSite:
    """A second local web server: a republisher's page holding a pasted snippet."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(*a, directory=str(folder), **k)  # noqa: E731
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def republisher(tmp_path: Path) -> Iterator[StaticSite]:
    other = StaticSite(tmp_path / "republisher")
    yield other
    other.close()


@pytest.fixture(scope="session", autouse=True)
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
