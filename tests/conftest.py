"""Fixtures shared by every test folder: the third-party samples and the loaded gazetteer."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from civharm.extract.gazetteer import Gazetteer

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SAMPLES = SHARED / "samples"


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
