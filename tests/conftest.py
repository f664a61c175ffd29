"""Fixtures shared by every test folder: the third-party samples, the loaded gazetteer, and the
database backend the whole session runs on (tests/backend.py): SQLite by default, PostgreSQL with
``--backend postgresql`` or ``CIVHARM_TEST_BACKEND=postgresql`` and a server in
``CIVHARM_TEST_POSTGRES_URL`` (scripts/test.sh runs the suite once on each). Tests that can only mean
SQLite carry ``@pytest.mark.sqlite_only("why")`` and are skipped, with that reason, on PostgreSQL.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from civharm.extract.gazetteer import Gazetteer
from tests import backend

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SAMPLES = SHARED / "samples"
SQLITE_ONLY = "SQLite only: "  # how a sqlite_only test's skip reason starts on PostgreSQL


def cache_dir() -> Path:
    """Where the gazetteer index is built once and reused (scripts/test.sh sets it)."""
    return Path(os.environ.get("CIVHARM_CACHE_DIR", Path.home() / ".cache" / "civharm"))


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.load(cache_dir())


@pytest.fixture(scope="session")
def samples() -> Path:
    if not SAMPLES.is_dir():
        pytest.skip("../shared/samples is not next to the repository")
    return SAMPLES


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--backend",
        choices=backend.BACKENDS,
        default=os.environ.get(backend.BACKEND_ENV) or backend.SQLITE,
        help=f"database backend of every test database (default: ${backend.BACKEND_ENV} or sqlite)",
    )


def pytest_configure(config: pytest.Config) -> None:
    name = config.getoption("backend")
    server = os.environ.get(backend.SERVER_ENV)
    if name == backend.POSTGRESQL and not server:
        raise pytest.UsageError(f"--backend postgresql needs {backend.SERVER_ENV} (scripts/test.sh sets it)")
    backend.start(name, server)


def pytest_unconfigure(config: pytest.Config) -> None:
    backend.stop()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    backend.current().watch()  # before module- and session-scoped fixtures that may open a database


def pytest_report_header(config: pytest.Config) -> str:
    server = backend.current().server
    where = f" on {server.base.render_as_string(hide_password=True)}" if server else ""
    return f"database backend: {backend.current().name}{where}"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if backend.current().name == backend.SQLITE:
        return
    for item in items:
        marker = item.get_closest_marker("sqlite_only")
        if marker is not None:
            item.add_marker(pytest.mark.skip(reason=f"{SQLITE_ONLY}{marker.args[0]}"))


@pytest.fixture(autouse=True)
def _backend_database(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Points CIVHARM_DATABASE_URL at the test's database (PostgreSQL) or clears it (SQLite, so a
    developer's own setting can never reach a test), and records which backend the test used."""
    current = backend.current()
    if current.server is None:
        monkeypatch.delenv(backend.DATABASE_ENV, raising=False)
    else:
        monkeypatch.setenv(backend.DATABASE_ENV, current.scratch())
    current.begin_test()
    yield
    used = current.end_test()
    for name in sorted(used):
        request.node.user_properties.append(("database", name))
    if current.name == backend.POSTGRESQL and backend.SQLITE in used:
        pytest.fail(
            "opened a SQLite database on the PostgreSQL pass: take the URL from tests.backend.database_url(home) "
            "(or settings_for), or mark the test sqlite_only with the reason"
        )


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    """A URL to a database that does not exist yet (SQLite) or is empty (PostgreSQL)."""
    return backend.database_url(tmp_path / "data")


_USED: dict[str, int] = {}  # backend -> tests that used a database on it (counted where reports arrive)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    # teardown reports carry what _backend_database recorded; xdist forwards them to the controller
    if report.when == "teardown":
        for key, value in report.user_properties:
            if key == "database":
                _USED[str(value)] = _USED.get(str(value), 0) + 1


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    name = backend.current().name
    ran = sum(len(terminalreporter.stats.get(k, [])) for k in ("passed", "failed"))
    skipped_only = sum(
        1
        for r in terminalreporter.stats.get("skipped", [])
        if isinstance(r.longrepr, tuple) and SQLITE_ONLY in str(r.longrepr[2])
    )
    terminalreporter.write_line(
        f"database backend {name}: {_USED.get(name, 0)} tests used a {name} database, "
        f"{ran} tests ran in all, {skipped_only} SQLite-only tests skipped"
    )
