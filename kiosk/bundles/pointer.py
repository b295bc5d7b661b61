"""Which installed bundle the kiosk shows: the read side, light enough for start-up.

<data>/bundles/<id>/<version>/   an installed bundle, complete
<data>/bundles/active.json        which one the kiosk shows, and the one before it
<data>/bundles/.staging-*         an install under way; removed on failure or at start
<data>/bundles/showing.json       what the running kiosk shows now (it may lag the pointer
                                  until the next reset)
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from kiosk.system.files import write_atomically

BUNDLES = "bundles"
POINTER = "active.json"
SHOWING = "showing.json"
STAGING_PREFIX = ".staging-"


@dataclass(frozen=True)
class Installed:
    id: str
    version: int
    key_id: str
    installed: str
    path: Path


def bundles_root(data_dir: Path) -> Path:
    return data_dir / BUNDLES


def read_pointer(data_dir: Path) -> dict[str, dict[str, object] | None]:
    try:
        data = json.loads((bundles_root(data_dir) / POINTER).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {"active": None, "previous": None}
    return {"active": data.get("active"), "previous": data.get("previous")}


def _as_installed(data_dir: Path, record: dict[str, object] | None) -> Installed | None:
    if not record:
        return None
    bundle_id, version = str(record["id"]), int(str(record["version"]))
    path = bundles_root(data_dir) / bundle_id / str(version)
    if not path.is_dir():
        return None
    return Installed(bundle_id, version, str(record["key_id"]), str(record["installed"]), path)


def active(data_dir: Path) -> Installed | None:
    """The installed bundle the kiosk shows, if any."""
    return _as_installed(data_dir, read_pointer(data_dir)["active"])


def previous(data_dir: Path) -> Installed | None:
    return _as_installed(data_dir, read_pointer(data_dir)["previous"])


def clean_staging(data_dir: Path) -> int:
    """Remove installs that never finished (a crash, a pulled plug); return how many."""
    root = bundles_root(data_dir)
    if not root.is_dir():
        return 0
    leftovers = [p for p in root.iterdir() if p.name.startswith(STAGING_PREFIX)]
    for path in leftovers:
        shutil.rmtree(path, ignore_errors=True)
    return len(leftovers)


@dataclass(frozen=True)
class Showing:
    id: str
    version: int
    path: str


def record_showing(data_dir: Path, bundle_id: str, version: int, path: Path) -> None:
    """The kiosk notes what it shows, for `bundle list`, the staff screen and metrics."""
    root = bundles_root(data_dir)
    document = {"id": bundle_id, "version": version, "path": str(path)}
    try:
        root.mkdir(parents=True, exist_ok=True)
        write_atomically(root / SHOWING, (json.dumps(document) + "\n").encode())
    except OSError:
        pass  # a full or read-only disk: the kiosk still shows it; reports lag


def showing(data_dir: Path) -> Showing | None:
    """What the kiosk last said it shows (also after it stopped), if it ever said."""
    try:
        data = json.loads((bundles_root(data_dir) / SHOWING).read_text(encoding="utf-8"))
        return Showing(str(data["id"]), int(data["version"]), str(data["path"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
