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
DEFAULT_PUBLISHER = "civharm"
# The credit line under every republished text ("{publisher}" is filled in); a link to the page follows it.
DEFAULT_CREDIT = "This record was first published by {publisher}."
# Public answers kept by each server process until the data changes (civharm.web.cache); 0 turns it off.
# With it one process serves the 1M-incident load test (200 req/s) at a p95 of 3 ms; without it, 28 req/s.
DEFAULT_RESPONSE_CACHE_MB = 64


@dataclass(frozen=True)
class Settings:
    home: Path
    database_url: str
    cache_dir: Path  # derived indexes (gazetteer), safe to delete
    max_bytes: int = DEFAULT_MAX_BYTES
    fetch_timeout: float = DEFAULT_FETCH_TIMEOUT
    max_redirects: int = DEFAULT_MAX_REDIRECTS
    allow_loopback: bool = False  # tests serve pages on 127.0.0.1; never private ranges
    # -- publishing (see civharm.publish and README "Publishing") --
    publisher_name: str = DEFAULT_PUBLISHER  # who republishers credit
    credit_text: str = DEFAULT_CREDIT
    support_text: str = ""  # an optional "support our work" box on public pages; empty: none
    support_url: str = ""
    public_url: str = ""  # the site's canonical base URL; empty: taken from each request
    tiles_url: str = ""  # online map tiles, e.g. https://tile.example.org/{z}/{x}/{y}.png; empty: offline only
    public_status_only: bool = False  # public pages show only incidents with status "published"
    pixel_salt: str = ""  # salt for counting unique readers; empty: generated once under home
    assets_dir: Path | None = None  # node_modules with the front-end packages; None: found next to the code
    response_cache_mb: int = DEFAULT_RESPONSE_CACHE_MB

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
        cache_mb = int(env.get("CIVHARM_RESPONSE_CACHE_MB", DEFAULT_RESPONSE_CACHE_MB))
    except ValueError as exc:
        raise ConfigError(
            f"invalid number in CIVHARM_MAX_BYTES, CIVHARM_FETCH_TIMEOUT or CIVHARM_RESPONSE_CACHE_MB: {exc}"
        ) from exc
    return Settings(
        home=home_path,
        database_url=url,
        cache_dir=cache,
        max_bytes=max_bytes,
        fetch_timeout=timeout,
        allow_loopback=env.get("CIVHARM_ALLOW_LOOPBACK", "") in {"1", "true", "yes"},
        publisher_name=env.get("CIVHARM_PUBLISHER") or DEFAULT_PUBLISHER,
        credit_text=env.get("CIVHARM_CREDIT") or DEFAULT_CREDIT,
        support_text=env.get("CIVHARM_SUPPORT_TEXT", ""),
        support_url=env.get("CIVHARM_SUPPORT_URL", ""),
        public_url=env.get("CIVHARM_PUBLIC_URL", "").rstrip("/"),
        tiles_url=env.get("CIVHARM_TILES_URL", ""),
        public_status_only=env.get("CIVHARM_PUBLIC_STATUS_ONLY", "") in {"1", "true", "yes"},
        pixel_salt=env.get("CIVHARM_PIXEL_SALT", ""),
        assets_dir=Path(env["CIVHARM_ASSETS_DIR"]).expanduser() if env.get("CIVHARM_ASSETS_DIR") else None,
        response_cache_mb=max(0, cache_mb),
    )
