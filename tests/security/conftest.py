from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.desk.helpers import Desk, make_desk


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    made = make_desk(tmp_path)
    yield made
    made.database.close()
