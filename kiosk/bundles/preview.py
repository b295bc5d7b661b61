"""A .kbundle shown as it is, for its author: unpacked into a folder of the temp folder that
goes when the kiosk does, and is cleared at the next start if the kiosk was killed."""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import tempfile
from pathlib import Path

log = logging.getLogger("kiosk.bundles")

PREFIX = "kiosk-preview-"


def preview_folder(temp_root: Path | None = None) -> Path:
    """A new folder, removed at exit, named after this process; leftovers are cleared first."""
    root = Path(temp_root or tempfile.gettempdir())
    removed = clear_leftovers(root)
    if removed:
        log.info("removed %d unpacked bundles left by kiosks that are gone", removed)
    folder = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=root))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def clear_leftovers(root: Path) -> int:
    """Remove the preview folders of kiosk processes that no longer run; return how many."""
    removed = 0
    for folder in root.glob(f"{PREFIX}*"):
        pid = folder.name.removeprefix(PREFIX).split("-", 1)[0]
        if folder.is_dir() and not (pid.isdigit() and _running(int(pid))):
            shutil.rmtree(folder, ignore_errors=True)
            removed += 1
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill would end the process there: keep its folder
        return True
    try:
        os.kill(pid, 0)  # asks only whether it exists
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: leave its folder alone
        return True
    except OSError:
        return False
    return True
