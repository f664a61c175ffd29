"""Schemathesis against the OpenAPI description, in process (ASGI): no request gives a server error.

Run anonymously and with a reviewer's API token, over the desk fixture's data; a few examples per
operation keep it quick (the point is that no input crashes a handler, not exhaustive fuzzing).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from civharm.web.app import create_app
from tests.desk.helpers import make_desk

EXAMPLES_PER_OPERATION = 8  # enough to hit each parameter's edges; more only slows the suite


@pytest.fixture(scope="module")
def desk_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[object, str]]:
    desk = make_desk(Path(tmp_path_factory.mktemp("schemathesis")))
    secret, _ = desk.accounts.new_token("reviewer")
    yield create_app(desk.store, desk.settings), secret
    desk.database.close()


def _exercise(app: object, headers: dict[str, str]) -> int:
    """Every operation with generated inputs; returns how many operations ran."""
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
    ran = 0
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, suppress_health_check=list(HealthCheck))
        def check(case: schemathesis.Case) -> None:
            case.call_and_validate(headers=dict(headers), checks=[not_a_server_error])

        check()
        ran += 1
    return ran


def test_no_server_errors_anonymous(desk_app: tuple[object, str]) -> None:
    app, _ = desk_app
    assert _exercise(app, {}) >= 5  # the five documented API endpoints, at least


def test_no_server_errors_with_a_token(desk_app: tuple[object, str]) -> None:
    app, secret = desk_app
    assert _exercise(app, {"Authorization": f"Bearer {secret}"}) >= 5  # the five documented API endpoints, at least
