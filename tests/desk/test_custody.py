"""Evidence items, the hash-chained custody log, `civharm verify` and the evidence package."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from civharm.cli import main
from civharm.custody import log
from civharm.custody.evidence import Evidence, Flags, UploadRefused
from civharm.custody.package import verify_package
from civharm.custody.verify import verify_database
from civharm.errors import CivharmError
from civharm.records import Extraction
from tests.desk.helpers import Desk, login
from tests.store.factory import make_report
from tests.web.conftest import SHA_A

ARIHA = "ariha-2015-11-29"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.7\n% a test document\n"


def _evidence(desk: Desk) -> Evidence:
    return Evidence(desk.database, desk.blobs, desk.settings.max_bytes)


def _cli(desk: Desk, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--home", str(desk.settings.home), *args])
    return result.exit_code, result.output


def test_upload_hashes_at_capture_and_appends_custody(desk: Desk) -> None:
    item = _evidence(desk).upload(ARIHA, "analyst", "photo.png", PNG, Flags(graphic=True))
    again = _evidence(desk).upload(ARIHA, "analyst", "copy.png", PNG, Flags())
    assert item == again and item.media_type == "image/png" and item.sensitive
    assert desk.blobs.verify(item.sha256)
    assert desk.blobs.path(item.sha256).stat().st_mode & 0o222 == 0  # originals are read-only
    entries = log.entries(desk.database, "evidence:")  # the desk's three reports have their own entries
    assert [(e.action, e.subject) for e in entries] == [("capture", f"evidence:{item.id}")]
    assert entries[0].details["sha256"] == item.sha256


def test_only_images_video_and_pdf_are_kept(desk: Desk) -> None:
    for data, status in ((b"<html><script>alert(1)</script>", 415), (b"", 400), (b"%PDF-" + b"x" * 2_000_000, 413)):
        with pytest.raises(UploadRefused) as caught:
            _evidence(desk).upload(ARIHA, "analyst", "x.pdf", data, Flags())
        assert caught.value.status == status


def test_viewing_sensitive_evidence_is_logged(desk: Desk) -> None:
    item = _evidence(desk).upload(ARIHA, "analyst", "face.png", PNG, Flags(identifies_person=True))
    plain = _evidence(desk).upload(ARIHA, "analyst", "doc.pdf", PDF, Flags())
    _evidence(desk).original(plain.id, "viewer")
    _evidence(desk).original(item.id, "analyst")
    assert [e.action for e in log.entries(desk.database, "evidence:")] == ["capture", "capture", "view"]


def test_chain_detects_a_changed_entry_and_names_it(desk: Desk) -> None:
    for name in ("a.png", "b.pdf"):
        _evidence(desk).upload(ARIHA, "analyst", name, PNG if name.endswith("png") else PDF, Flags())
    original = b"Original page bytes of a captured report."
    report = make_report(original.decode())
    assert desk.store.add_extraction(Extraction(report=report)) and desk.blobs.put(original) == report.sha256
    _evidence(desk).attach_report(ARIHA, "analyst", report.sha256, Flags())
    with pytest.raises(CivharmError, match="not in the blob store"):
        _evidence(desk).attach_report(ARIHA, "analyst", SHA_A, Flags())
    assert verify_database(desk.database, desk.blobs).ok
    assert _cli(desk, "verify")[0] == 0
    with desk.database.write_engine.begin() as connection:
        connection.execute(text("UPDATE custody_log SET actor = 'mallory' WHERE seq = 2"))
    verdict = verify_database(desk.database, desk.blobs)
    assert verdict.problem is not None and "custody entry 2" in verdict.problem
    code, output = _cli(desk, "verify")
    assert code == 1 and "custody entry 2" in output


def test_verify_finds_a_changed_original(desk: Desk) -> None:
    item = _evidence(desk).upload(ARIHA, "analyst", "a.pdf", PDF, Flags())
    path = desk.blobs.path(item.sha256)
    path.chmod(0o644)
    path.write_bytes(PDF + b"tampered")
    code, output = _cli(desk, "verify")
    assert code == 1 and f"evidence {item.id}" in output


def test_package_verifies_offline_and_tampering_shows(desk: Desk, tmp_path: Path) -> None:
    _evidence(desk).upload(ARIHA, "analyst", "a.png", PNG, Flags(graphic=True))
    out = tmp_path / "package.zip"
    code, output = _cli(desk, "export", "--format", "package", "--incident", ARIHA, "--out", str(out))
    assert code == 0, output
    assert log.entries(desk.database)[-1].action == "export"
    with zipfile.ZipFile(out) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        names = set(archive.namelist())
    assert {"manifest.json", "SHA256SUMS", "incident.json"} <= names
    assert any(f["path"].startswith("originals/") for f in manifest["files"])
    assert [e["action"] for e in manifest["custody"]["entries"]] == ["capture", "export"]
    desk.database.close()
    # on "another machine": only the ZIP
    assert verify_package(out) == (None, len(manifest["files"]))
    code, output = CliRunner().invoke(main, ["--home", str(tmp_path / "elsewhere"), "verify", str(out)]).exit_code, ""
    assert code == 0
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(out) as source, zipfile.ZipFile(tampered, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name.startswith("originals/"):
                data = data + b"!"
            target.writestr(name, data)
    problem, _ = verify_package(tampered)
    assert problem is not None and "does not match the manifest" in problem
    result = CliRunner().invoke(main, ["verify", str(tampered)])
    assert result.exit_code == 1 and "BROKEN" in result.output


def test_package_with_a_rewritten_custody_entry_fails(desk: Desk, tmp_path: Path) -> None:
    _evidence(desk).upload(ARIHA, "analyst", "a.png", PNG, Flags())
    out = tmp_path / "p.zip"
    assert _cli(desk, "export", "--format", "package", "--incident", ARIHA, "--out", str(out))[0] == 0
    with zipfile.ZipFile(out) as source:
        files = {name: source.read(name) for name in source.namelist()}
    manifest = json.loads(files["manifest.json"])
    first = manifest["custody"]["entries"][0]
    first["actor"] = "someone else"
    files["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(out, "w") as target:
        for name, data in files.items():
            target.writestr(name, data)
    problem, _ = verify_package(out)
    assert problem is not None and f"custody entry {first['seq']}" in problem


def test_web_upload_and_download_as_attachment(desk: Desk) -> None:
    with desk.client() as client:
        csrf = login(client, "analyst")
        response = client.post(
            f"/desk/incidents/{ARIHA}/evidence",
            data={"csrf": csrf, "graphic": "on"},
            files={"file": ("../../../etc/passwd.png", PNG, "text/html")},
        )
        assert response.status_code == 303, response.text
        (item,) = _evidence(desk).items(ARIHA)
        assert item.filename == "passwd.png" and item.media_type == "image/png"
        download = client.get(f"/desk/evidence/{item.id}")
    assert download.content == PNG
    assert download.headers["content-disposition"].startswith("attachment")
    assert "sandbox" in download.headers["content-security-policy"]
    assert not (desk.settings.home.parent / "etc").exists()
