"""One settings object, loaded once (defaults -> environment -> CLI flags), passed in, never mutated."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from civharm.errors import ConfigError

DEFAULT_HOME = "civharm-data"
# A news page is rarely over a few MB; 20 MB keeps a hostile or mistaken input from filling memory.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_FETCH_TIMEOUT = 20.0
DEFAULT_MAX_REDIRECTS = 5


@dataclass(frozen=True)
class Settings:
    home: Path
    database_url: str
    cache_dir: Path  # derived indexes (gazetteer), safe to delete
    max_bytes: int = DEFAULT_MAX_BYTES
    fetch_timeout: float = DEFAULT_FETCH_TIMEOUT
    max_redirects: int = DEFAULT_MAX_REDIRECTS
    allow_loopback: bool = False  # tests serve pages on 127.0.0.1; never private ranges

    @property
    def blob_dir(self) -> Path:
        return self.home / "blobs"

    def with_overrides(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]


def load_settings(home: str | Path | None = None, database_url: str | None = None) -> Settings:
    """Defaults, then ``CIVHARM_*`` environment variables, then explicit arguments (CLI flags)."""
    env = os.environ
    home_path = Path(home or env.get("CIVHARM_HOME") or DEFAULT_HOME).expanduser().resolve()
    url = database_url or env.get("CIVHARM_DATABASE_URL") or f"sqlite:///{home_path / 'civharm.db'}"
    cache = Path(env.get("CIVHARM_CACHE_DIR") or Path.home() / ".cache" / "civharm").expanduser()
    try:
        max_bytes = int(env.get("CIVHARM_MAX_BYTES", DEFAULT_MAX_BYTES))
        timeout = float(env.get("CIVHARM_FETCH_TIMEOUT", DEFAULT_FETCH_TIMEOUT))
    except ValueError as exc:
        raise ConfigError(f"invalid number in CIVHARM_MAX_BYTES or CIVHARM_FETCH_TIMEOUT: {exc}") from exc
    return Settings(
        home=home_path,
        database_url=url,
        cache_dir=cache,
        max_bytes=max_bytes,
        fetch_timeout=timeout,
        allow_loopback=env.get("CIVHARM_ALLOW_LOOPBACK", "") in {"1", "true", "yes"},
    )
