"""Front-end packages (Leaflet, its cluster plugin, world-atlas outlines) served from node_modules.

They are installed from npm by ``make setup`` (package.json at the repository root) and never
committed. Only the listed folders of the listed packages are served, under ``/vendor/<package>/``,
so nothing else in node_modules is reachable. Without them the map page says how to install them
and every other page works as before.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from civharm.settings import Settings

VENDOR_PATH = "/vendor"
# package -> the folder inside it that is served
VENDOR = {
    "leaflet": "dist",
    "leaflet.markercluster": "dist",
    "topojson-client": "dist",
    "world-atlas": "",
}
# The repository root of an editable install: src/civharm/web/assets.py -> parents[3].
_REPO_ROOT = Path(__file__).resolve().parents[3]


def node_modules(settings: Settings) -> Path | None:
    """Where the packages are: the ``assets_dir`` setting, next to the code, or in the working folder."""
    candidates = [settings.assets_dir] if settings.assets_dir else [_REPO_ROOT / "node_modules", Path("node_modules")]
    for candidate in candidates:
        if candidate is not None and (candidate / "leaflet").is_dir():
            return candidate.resolve()
    return None


def mount_vendor(app: FastAPI, settings: Settings) -> bool:
    """Serve the vendored packages found; True when the map's packages are all there."""
    root = node_modules(settings)
    if root is None:
        return False
    found = 0
    for package, folder in VENDOR.items():
        directory = root / package / folder
        if directory.is_dir():
            app.mount(f"{VENDOR_PATH}/{package}", StaticFiles(directory=str(directory)), name=f"vendor-{package}")
            found += 1
    return found == len(VENDOR)
