"""Signed bundles made directly from files, for tests that need what `build` refuses."""

from __future__ import annotations

import base64
import hashlib
import zipfile
from pathlib import Path

from nacl.signing import SigningKey

from kiosk.bundles.build import MANIFEST, SIGNATURE, manifest_bytes
from kiosk.bundles.signing import key_id

KEY = SigningKey(b"k" * 32)
TRUSTED = {key_id(KEY.verify_key): KEY.verify_key}


def folder_files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def installed_files(root: Path) -> dict[str, bytes]:
    """An installed bundle's own files: all but the page index and the rendered pages its
    install writes."""
    from kiosk.content.page_index import INDEX_FILE
    from kiosk.content.prerendered import RENDERED_FILE

    assert (root / INDEX_FILE).is_file(), "an installed bundle keeps its page index"
    assert (root / RENDERED_FILE).is_file(), "and its pages as rendered"
    ours = {INDEX_FILE, RENDERED_FILE}
    return {name: data for name, data in folder_files(root).items() if name not in ours}


def signed_bundle(files: dict[str, bytes], out: Path, bundle_id: str, version: int) -> Path:
    """A correctly signed bundle of exactly `files`, whatever they contain."""
    manifest = {
        "format": 1, "id": bundle_id, "version": version, "created": "2026-10-01",
        "min_app_version": "0.1",
        "files": [{"path": n, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()}
                  for n, d in sorted(files.items())],
    }  # fmt: skip
    signed = manifest_bytes(manifest)
    signature = {"key_id": key_id(KEY.verify_key),
                 "signature": base64.b64encode(KEY.sign(signed).signature).decode()}  # fmt: skip
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(MANIFEST, signed)
        archive.writestr(SIGNATURE, manifest_bytes(signature))
        for name, data in sorted(files.items()):
            archive.writestr(name, data)
    return out


def version_of(files: dict[str, bytes], version: int) -> dict[str, bytes]:
    """The same content, with bundle.toml saying `version`."""
    toml = files["bundle.toml"].decode().replace("version = 3", f"version = {version}")
    return {**files, "bundle.toml": toml.encode()}
