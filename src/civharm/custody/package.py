"""The evidence package: a ZIP anyone can check offline with ``civharm verify PACKAGE.zip``.

Layout::

    manifest.json     incident id, who exported it and when, every file's SHA-256, and the custody log:
                      the whole chain's links (seq, previous hash, hash) and the full entries about
                      this incident and its evidence
    SHA256SUMS        the same file hashes in ``sha256sum -c`` format, for people without civharm
    incident.json     the incident record as exported
    originals/<sha256>  every evidence item's original bytes
    working/<copy id>   every working copy derived from them, listed with ``"derived": true``, the
                        original's hash, the method, who and when (named by id: two copies may share bytes)
    reports/<sha256>    the original bytes of every report linked to the incident

Exporting appends a custody entry first, so the package records its own export. Checking never
extracts anything to disk: members are read by name, so a hostile archive cannot write outside.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from civharm.capture.blobs import BlobStore
from civharm.custody import log
from civharm.custody.copies import WorkingCopies
from civharm.custody.evidence import Evidence
from civharm.errors import CivharmError
from civharm.store.db import Database

FORMAT = "civharm-evidence-package/1"
_FIXED = {"manifest.json", "SHA256SUMS", "incident.json"}


def _subjects(incident_id: str, item_ids: list[str]) -> set[str]:
    return {f"incident:{incident_id}", *(f"evidence:{i}" for i in item_ids)}


def build_package(database: Database, blobs: BlobStore, incident: dict[str, Any], actor: str, max_bytes: int) -> bytes:
    """The ZIP bytes of one incident's evidence package (``incident`` is its JSON record)."""
    incident_id = str(incident["id"])
    items = Evidence(database, blobs, max_bytes).items(incident_id)
    with Session(database.write_engine) as session, session.begin():
        log.append(session, actor, log.Action.EXPORT, f"incident:{incident_id}", {"items": len(items)})
    files: list[dict[str, Any]] = []
    payload: dict[str, bytes] = {}
    for item in items:
        path = f"originals/{item.sha256}"
        payload[path] = blobs.get(item.sha256)
        files.append(
            {
                "path": path,
                "sha256": item.sha256,
                "size": item.size,
                "media_type": item.media_type,
                "filename": item.filename,
                "graphic": item.graphic,
                "identifies_person": item.identifies_person,
                "captured_at": item.captured_at.isoformat(),
                "captured_by": item.captured_by,
            }
        )
    copies = WorkingCopies(database, blobs)
    for copy in (c for found in copies.of_items([item.id for item in items]).values() for c in found):
        path = f"working/{copy.id}"
        payload[path] = copies.store.get(copy.sha256)
        files.append(
            {
                "path": path,
                "sha256": copy.sha256,
                "size": copy.size,
                "media_type": copy.media_type,
                "derived": True,
                "derived_from": copy.original_sha256,
                "method": copy.method,
                "graphic": copy.graphic,
                "identifies_person": copy.identifies_person,
                "created_at": copy.created_at.isoformat(),
                "created_by": copy.created_by,
            }
        )
    for sha in sorted(set(incident.get("report_ids", ()))):
        if blobs.has(sha) and f"reports/{sha}" not in payload:
            payload[f"reports/{sha}"] = blobs.get(sha)
            files.append({"path": f"reports/{sha}", "sha256": sha, "size": len(payload[f"reports/{sha}"])})
    subjects = _subjects(incident_id, [item.id for item in items])
    chain: list[list[Any]] = []
    entries: list[dict[str, Any]] = []
    for entry in log.iter_entries(database):
        chain.append([entry.seq, entry.prev_hash, entry.hash])
        if entry.subject in subjects:
            entries.append(entry.as_json())
    manifest = {
        "format": FORMAT,
        "incident": incident_id,
        "created_at": dt.datetime.now(dt.UTC).isoformat(),
        "created_by": actor,
        "files": files,
        "custody": {"chain": chain, "entries": entries},
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest, indent=1, sort_keys=True))
        archive.writestr("SHA256SUMS", "".join(f"{f['sha256']}  {f['path']}\n" for f in files))
        archive.writestr("incident.json", json.dumps(incident, indent=1, sort_keys=True))
        for path, data in payload.items():
            archive.writestr(path, data)
    return buffer.getvalue()


def _check_chain(custody: dict[str, Any]) -> str | None:
    prev, hashes = log.GENESIS, {}
    for expected, link in enumerate(custody.get("chain", []), start=1):
        seq, prev_hash, digest = link
        if seq != expected:
            return f"custody chain: entry {expected} is missing"
        if prev_hash != prev:
            return f"custody chain: entry {seq} does not link to entry {seq - 1}"
        hashes[seq] = digest
        prev = digest
    for entry in custody.get("entries", []):
        fields = {k: entry[k] for k in ("seq", "at", "actor", "action", "subject", "details")}
        seq = entry["seq"]
        if seq not in hashes:
            return f"custody entry {seq} is not in the chain"
        if log.entry_hash(fields, hashes.get(seq - 1, log.GENESIS)) != hashes[seq] or entry["hash"] != hashes[seq]:
            return f"custody entry {seq}: its content does not match its hash"
    return None


def verify_package(path: Path) -> tuple[str | None, int]:
    """``(first problem or None, files checked)`` for a package; nothing is extracted to disk."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "manifest.json" not in names:
                return "manifest.json is missing: not a civharm evidence package", 0
            manifest = json.loads(archive.read("manifest.json"))
            if manifest.get("format") != FORMAT:
                return f"unknown package format {manifest.get('format')!r}", 0
            listed = {f["path"] for f in manifest["files"]}
            extra = sorted(names - listed - _FIXED)
            if extra:
                return f"{extra[0]}: a file the manifest does not list", 0
            for checked, entry in enumerate(manifest["files"]):
                if entry["path"] not in names:
                    return f"{entry['path']}: listed in the manifest but missing", checked
                digest = hashlib.sha256(archive.read(entry["path"])).hexdigest()
                if digest != entry["sha256"]:
                    return f"{entry['path']}: SHA-256 {digest[:12]}… does not match the manifest", checked
                if entry.get("derived") and f"originals/{entry['derived_from']}" not in listed:
                    return (
                        f"{entry['path']}: derived from {entry['derived_from'][:12]}…, which is not in the package",
                        checked,
                    )
            return _check_chain(manifest.get("custody", {})), len(manifest["files"])
    except (zipfile.BadZipFile, OSError) as exc:
        raise CivharmError(f"cannot read {path}: {exc}") from exc
    except (KeyError, TypeError, ValueError) as exc:
        return f"manifest.json is malformed: {exc}", 0
