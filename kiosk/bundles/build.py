"""Build a signed .kbundle from a content folder: the same source and key, the same bytes.

The zip holds the folder's files, `manifest.json` (id, version, created,
min_app_version, and each file's path, size and SHA-256) and `manifest.sig`
(an Ed25519 signature over the exact manifest bytes, with the key id).
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from nacl.signing import SigningKey

from kiosk.bundles.signing import key_id
from kiosk.content.loader import read_bundle
from kiosk.content.problems import Problem, Severity
from kiosk.content.workers import ONE_PROCESS, Workers
from kiosk.system.files import write_atomically

MANIFEST, SIGNATURE = "manifest.json", "manifest.sig"
FORMAT = 1
SUFFIX = ".kbundle"
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # zip timestamps carry no build time


@dataclass(frozen=True)
class Built:
    path: Path
    id: str
    version: int
    files: int
    drafts: int = 0  # pages not yet reviewed by a clinician


class BuildRefused(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def content_files(root: Path) -> list[Path]:
    """What goes into a bundle: every file, except hidden ones (editor and VCS droppings)."""
    return sorted(
        path
        for path in root.rglob("*")
        if path.is_file() and not any(p.startswith(".") for p in path.relative_to(root).parts)
    )


def manifest_bytes(manifest: Mapping[str, object]) -> bytes:
    """The one byte form a manifest is signed in."""
    return json.dumps(manifest, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def build_bundle(source: Path, key: SigningKey, out: Path, workers: Workers = ONE_PROCESS) -> Built:
    """Check `source` (its pages rendered by `workers`), then write the signed bundle to
    `out`; BuildRefused on errors."""
    result = read_bundle(source, workers=workers)
    errors = [p for p in result.problems if p.severity is Severity.ERROR]
    if result.bundle is None or errors:
        raise BuildRefused(errors)
    bundle = result.bundle
    entries = [_entry(path, source) for path in content_files(source)]
    newest = max(page.last_reviewed for page in bundle.pages.values())
    manifest = {
        "format": FORMAT,
        "id": bundle.id,
        "version": bundle.version,
        "created": newest.isoformat(),  # from the content, so rebuilding changes nothing
        "min_app_version": bundle.min_app_version,
        "files": entries,
    }
    signed = manifest_bytes(manifest)
    signature = {
        "key_id": key_id(key.verify_key),
        "signature": base64.b64encode(key.sign(signed).signature).decode("ascii"),
    }
    members = [(MANIFEST, signed), (SIGNATURE, manifest_bytes(signature))]
    members += [(str(e["path"]), (source / str(e["path"])).read_bytes()) for e in entries]
    out.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(out, _zipped(members))
    return Built(out, bundle.id, bundle.version, len(entries), bundle.drafts)


def _entry(path: Path, source: Path) -> dict[str, object]:
    data = path.read_bytes()
    return {"path": path.relative_to(source).as_posix(), "size": len(data),
            "sha256": hashlib.sha256(data).hexdigest()}  # fmt: skip


def _zipped(members: list[tuple[str, bytes]]) -> bytes:
    """The same bytes for the same files: fixed times and modes, in the order given."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
            archive.writestr(info, data, compresslevel=9)
    return buffer.getvalue()
