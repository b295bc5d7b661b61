"""Installed bundles: unpack to staging, check, switch one pointer; keep the previous one.

The layout is in kiosk.bundles.pointer. The pointer is replaced with one
os.replace, so after a crash at any moment the kiosk finds either the old
bundle or the new one, whole, never a mix.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import shutil
import sqlite3
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path

from nacl.signing import VerifyKey

from kiosk.bundles.build import MANIFEST
from kiosk.bundles.errors import BundleRefused, InstallFailed
from kiosk.bundles.pointer import (
    BUNDLES,
    POINTER,
    STAGING_PREFIX,
    Installed,
    active,
    bundles_root,
    clean_staging,
    previous,
    read_pointer,
    showing,
)
from kiosk.bundles.verify import Verified, verify_bundle
from kiosk.content.loader import read_bundle
from kiosk.content.page_index import write_index
from kiosk.content.prerendered import write_rendered
from kiosk.content.problems import Severity
from kiosk.content.workers import ONE_PROCESS, Workers
from kiosk.system.files import write_atomically

log = logging.getLogger("kiosk.bundles")

MIN_FREE_BYTES = 250 * 1024 * 1024

Clock = Callable[[], dt.datetime]

__all__ = [
    "BUNDLES", "STAGING_PREFIX", "BundleRefused", "Installed", "active", "clean_staging",
    "install", "previous", "rollback",
]  # fmt: skip
_root = bundles_root
_read_pointer = read_pointer


def install(
    bundle_file: Path,
    data_dir: Path,
    trusted: Mapping[str, VerifyKey],
    app_version: str,
    *,
    allow_downgrade: bool = False,
    min_free: int = MIN_FREE_BYTES,
    clock: Clock | None = None,
    workers: Workers = ONE_PROCESS,
) -> Installed:
    """Verify, unpack to staging, render-check (with `workers`), then switch; BundleRefused
    changes nothing."""
    verified = verify_bundle(bundle_file, trusted, app_version)
    _check_newer(active(data_dir), verified, allow_downgrade)
    root = _root(data_dir)
    root.mkdir(parents=True, exist_ok=True)
    needed = _unpacked_size(bundle_file)
    if shutil.disk_usage(root).free - needed < min_free:
        raise InstallFailed(
            f"not enough disk space: installing would leave less than {min_free // 2**20} MB free"
        )
    _stage(bundle_file, verified, root, workers)
    now = (clock or (lambda: dt.datetime.now(dt.UTC)))().isoformat(timespec="seconds")
    record = {"id": verified.id, "version": verified.version, "key_id": verified.key_id,
              "installed": now}  # fmt: skip
    _write_pointer(data_dir, record, _read_pointer(data_dir)["active"])
    _remove_unused(data_dir)
    installed = active(data_dir)
    assert installed is not None
    return installed


def _check_newer(current: Installed | None, verified: Verified, allow_downgrade: bool) -> None:
    """Refuse the version on show, and an older one unless going back on purpose."""
    if current is None:
        return
    if (current.id, current.version) == (verified.id, verified.version):
        raise BundleRefused(f"version {verified.version} is already installed and showing")
    if current.id == verified.id and verified.version <= current.version and not allow_downgrade:
        raise BundleRefused(
            f"version {verified.version} is not newer than the installed version "
            f"{current.version} (use --allow-downgrade to go back on purpose)"
        )


def _stage(bundle_file: Path, verified: Verified, root: Path, workers: Workers) -> None:
    """Unpack and render-check in a staging folder, then move it to <id>/<version>."""
    staging = root / f"{STAGING_PREFIX}{os.getpid()}-{os.urandom(4).hex()}"
    try:
        _unpack(bundle_file, verified, staging)
        render_check(staging, workers)
        target = root / verified.id / str(verified.version)
        target.parent.mkdir(exist_ok=True)
        if target.exists():  # the same version again (a downgrade back to it)
            shutil.rmtree(target)
        staging.replace(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def rollback(data_dir: Path) -> Installed:
    """Show the previous bundle again; the one now active becomes the previous."""
    pointer = _read_pointer(data_dir)
    if previous(data_dir) is None or pointer["previous"] is None:
        raise BundleRefused("there is no previous bundle to go back to")
    _write_pointer(data_dir, pointer["previous"], pointer["active"])
    restored = active(data_dir)
    assert restored is not None
    return restored


def _write_pointer(
    data_dir: Path, active_record: dict[str, object], previous_record: dict[str, object] | None
) -> None:
    document = {"active": active_record, "previous": previous_record}
    write_atomically(_root(data_dir) / POINTER, (json.dumps(document, indent=2) + "\n").encode())
    _sync_folder(_root(data_dir))


def _unpacked_size(bundle_file: Path) -> int:
    with zipfile.ZipFile(bundle_file) as archive:
        return sum(info.file_size for info in archive.infolist())


def _unpack(bundle_file: Path, verified: Verified, staging: Path) -> None:
    """Write each verified file, checking its hash again as it lands."""
    staging.mkdir()
    with zipfile.ZipFile(bundle_file) as archive:
        manifest = json.loads(archive.read(MANIFEST))
        expected = {entry["path"]: entry["sha256"] for entry in manifest["files"]}
        for name in verified.files:
            data = archive.read(name)
            if hashlib.sha256(data).hexdigest() != expected[name]:
                raise InstallFailed(f"{name} changed while it was being installed")
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
    for folder in {staging, *(p for p in staging.rglob("*") if p.is_dir())}:
        _sync_folder(folder)


def render_check(folder: Path, workers: Workers = ONE_PROCESS) -> None:
    """Every page renders (else BundleRefused); then the pages' front matter is kept in an
    index, so the kiosk starts without reading every page (kiosk.content.page_index), and
    the pages as rendered, so it opens one without rendering it (kiosk.content.prerendered)."""
    result = read_bundle(folder, workers=workers)
    errors = [p for p in result.problems if p.severity is Severity.ERROR]
    if result.bundle is None or errors:
        first = errors[0].message if errors else "it cannot be loaded"
        raise BundleRefused(f"the content does not load: {first}")
    write_index(folder)
    try:
        write_rendered(folder, {result.bundle.language: result.rendered, **result.rendered_in})
    except (OSError, sqlite3.Error) as exc:  # the kiosk renders each page as it opens instead
        log.warning("%s: the pages as rendered could not be kept (%s)", folder, exc)


def _remove_unused(data_dir: Path) -> None:
    """Keep the active and previous bundles, and the one the kiosk still shows."""
    pointer = _read_pointer(data_dir)
    keep = {(str(r["id"]), str(r["version"])) for r in pointer.values() if r is not None}
    shown = showing(data_dir)
    if shown is not None:
        keep.add((shown.id, str(shown.version)))
    root = _root(data_dir)
    for bundle_dir in root.iterdir():
        if not bundle_dir.is_dir() or bundle_dir.name.startswith(STAGING_PREFIX):
            continue
        for version_dir in bundle_dir.iterdir():
            if (bundle_dir.name, version_dir.name) not in keep:
                shutil.rmtree(version_dir, ignore_errors=True)


def _sync_folder(folder: Path) -> None:
    """Make a rename or a new file in `folder` survive a power cut."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
