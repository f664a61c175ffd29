"""Working copies: derived from an original that never changes, hashed, logged, verified and packaged."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from click.testing import CliRunner
from PIL import Image

from civharm.cli import main
from civharm.custody import log
from civharm.custody.copies import Method, WorkingCopies
from civharm.custody.evidence import Evidence, EvidenceItem, Flags
from civharm.custody.package import verify_package
from tests.desk.helpers import Desk, login

ARIHA = "ariha-2015-11-29"
PDF = b"%PDF-1.7\n% a test document\n"
SECRET = "CAMERA-SERIAL-4e1f77"


def _jpeg_with_exif() -> bytes:
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° to show upright
    exif[0x010F] = SECRET  # camera make
    out = io.BytesIO()
    Image.new("RGB", (40, 20), (200, 10, 10)).save(out, "JPEG", exif=exif.tobytes(), comment=SECRET.encode())
    return out.getvalue()


def _upload(desk: Desk, name: str, data: bytes, flags: Flags) -> EvidenceItem:
    return Evidence(desk.database, desk.blobs, desk.settings.max_bytes).upload(ARIHA, "analyst", name, data, flags)


def _cli(desk: Desk, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--home", str(desk.settings.home), *args])
    return result.exit_code, result.output


def test_an_image_copy_is_stripped_and_stored_apart_the_original_untouched(desk: Desk) -> None:
    original = _jpeg_with_exif()
    item = _upload(desk, "street.jpg", original, Flags(identifies_person=True))
    copies = WorkingCopies(desk.database, desk.blobs)
    copy = copies.derive(item, "analyst")
    assert copy.method == Method.STRIP_METADATA and copy.original_sha256 == item.sha256
    assert copy.sha256 != item.sha256 and copy.identifies_person and copy.sensitive and copy.created_by == "analyst"
    derived = copies.store.get(copy.sha256)
    assert SECRET.encode() not in derived and SECRET.encode() in original
    shown = Image.open(io.BytesIO(derived))
    assert shown.size == (20, 40) and not dict(shown.getexif())  # turned upright, no EXIF left
    # the original: same bytes, still read-only, in the originals' store; the copy is elsewhere
    assert desk.blobs.get(item.sha256) == original and desk.blobs.verify(item.sha256)
    assert desk.blobs.path(item.sha256).stat().st_mode & 0o222 == 0
    assert not desk.blobs.has(copy.sha256) and copies.store.root != desk.blobs.root
    entries = log.entries(desk.database, f"evidence:{item.id}")
    assert [e.action for e in entries] == ["capture", "derive"]
    assert entries[1].details == {
        "copy": copy.id,
        "method": "strip-metadata",
        "original_sha256": item.sha256,
        "sha256": copy.sha256,
    }
    assert copies.derive(item, "reviewer") == copy  # one copy per item and method: nothing new logged
    assert len(log.entries(desk.database, f"evidence:{item.id}")) == 2


def test_a_format_civharm_cannot_transform_gets_a_byte_identical_copy(desk: Desk) -> None:
    item = _upload(desk, "doc.pdf", PDF, Flags(graphic=True))
    copies = WorkingCopies(desk.database, desk.blobs)
    copy = copies.derive(item, "analyst")
    assert copy.method == Method.BYTE_COPY and copy.sha256 == item.sha256 and copy.graphic
    assert copies.store.path(copy.sha256) != desk.blobs.path(item.sha256)
    assert copies.store.get(copy.sha256) == PDF


def test_verify_rehashes_working_copies(desk: Desk) -> None:
    copies = WorkingCopies(desk.database, desk.blobs)
    copy = copies.derive(_upload(desk, "doc.pdf", PDF, Flags()), "analyst")
    code, output = _cli(desk, "verify")
    assert code == 0 and "originals and working copies match" in output
    path = copies.store.path(copy.sha256)
    path.chmod(0o644)
    path.write_bytes(PDF + b"edited")
    code, output = _cli(desk, "verify")
    assert code == 1 and f"working copy {copy.id}" in output
    assert desk.blobs.verify(copy.original_sha256)  # the original is still fine


def test_packages_carry_working_copies_marked_as_derived(desk: Desk, tmp_path: Path) -> None:
    item = _upload(desk, "street.jpg", _jpeg_with_exif(), Flags())
    copy = WorkingCopies(desk.database, desk.blobs).derive(item, "analyst")
    out = tmp_path / "package.zip"
    code, output = _cli(desk, "export", "--format", "package", "--incident", ARIHA, "--out", str(out))
    assert code == 0, output
    with zipfile.ZipFile(out) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        files = {name: archive.read(name) for name in archive.namelist()}
    (derived,) = [f for f in manifest["files"] if f.get("derived")]
    assert derived["path"] == f"working/{copy.id}" and derived["sha256"] == copy.sha256
    assert derived["derived_from"] == item.sha256 and derived["method"] == "strip-metadata"
    assert f"originals/{item.sha256}" in files
    assert [e["action"] for e in manifest["custody"]["entries"]] == ["capture", "derive", "export"]
    assert verify_package(out) == (None, len(manifest["files"]))
    # a copy whose original is not in the package does not verify
    orphan = tmp_path / "orphan.zip"
    with zipfile.ZipFile(orphan, "w") as target:
        kept = [f for f in manifest["files"] if not f["path"].startswith("originals/")]
        target.writestr("manifest.json", json.dumps({**manifest, "files": kept}))
        for entry in kept:
            target.writestr(entry["path"], files[entry["path"]])
    problem, _ = verify_package(orphan)
    assert problem is not None and "not in the package" in problem


def test_the_desk_derives_lists_and_serves_copies(desk: Desk) -> None:
    item = _upload(desk, "street.jpg", _jpeg_with_exif(), Flags(graphic=True))
    with desk.client() as client:
        csrf = login(client, "analyst")
        made = client.post(f"/desk/evidence/{item.id}/copies", data={"csrf": csrf})
        assert made.status_code == 303 and made.headers["location"] == f"/desk/incidents/{ARIHA}#evidence"
        (copy,) = WorkingCopies(desk.database, desk.blobs).of_items([item.id])[item.id]
        page = client.get(f"/desk/incidents/{ARIHA}").text
        assert page.index(item.sha256) < page.index(f"/desk/copies/{copy.id}")  # listed under its original
        download = client.get(f"/desk/copies/{copy.id}")
        refused = client.post(f"/desk/evidence/{item.id}/copies", data={"csrf": "wrong"})
    assert download.status_code == 200 and SECRET.encode() not in download.content
    assert download.headers["content-disposition"].startswith("attachment")
    assert refused.status_code == 403
    actions = [(e.action, e.actor) for e in log.entries(desk.database, f"evidence:{item.id}")]
    assert actions == [("capture", "analyst"), ("derive", "analyst"), ("view", "analyst")]
