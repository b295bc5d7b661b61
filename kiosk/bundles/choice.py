"""Which content the kiosk shows at start, and going back when installed content fails.

--content, else content.bundle, else the installed bundle, else the sample. A .kbundle
given with --content is unpacked and shown as it is, signed or not: that is for authors
checking their work, never for the waiting room.
"""

from __future__ import annotations

import logging
from pathlib import Path

from kiosk import launcher
from kiosk.bundles import pointer
from kiosk.bundles.errors import BundleRefused
from kiosk.config import Config

log = logging.getLogger("kiosk.bundles")


def _is_file(path: Path) -> bool:
    """False also for a path this user may not look at (the loader then says so)."""
    try:
        return path.is_file()
    except OSError:
        return False


def choose_content(given: Path | None, config: Config) -> Path:
    """The content folder to show (see the module's docstring)."""
    if given is not None and given.suffix == ".kbundle" and _is_file(given):
        from kiosk.bundles.preview import preview_folder
        from kiosk.bundles.verify import unpack_unsigned

        return unpack_unsigned(given, preview_folder())
    if given is not None:
        return given
    named = config.text("content.bundle")
    if named:
        return Path(named).expanduser()
    data_dir = config.path("paths.data_dir")
    if pointer.clean_staging(data_dir):
        log.warning("removed an unfinished content install")
    installed = pointer.active(data_dir)
    if installed is not None:
        log.info("showing installed content %s version %d", installed.id, installed.version)
        return installed.path
    return launcher.sample_content()


def is_installed(content: Path, config: Config) -> bool:
    """Whether `content` is the bundle installed on this kiosk: its install checked and
    rendered every page, so the kiosk may render each when first opened."""
    installed = pointer.active(config.path("paths.data_dir"))
    return installed is not None and installed.path == content


def fell_back(content: Path, config: Config) -> bool:
    """The installed bundle at `content` failed to load: go back to the previous one."""
    from kiosk.bundles import store  # only when something went wrong

    data_dir = config.path("paths.data_dir")
    shown = pointer.active(data_dir)
    if shown is None or shown.path != content:
        return False
    try:
        restored = store.rollback(data_dir)
    except BundleRefused:
        log.error("installed content %s version %d does not load, and there is no previous "
                  "version to go back to", shown.id, shown.version)  # fmt: skip
        return False
    log.error("installed content %s version %d does not load (see above); went back to "
              "version %d", shown.id, shown.version, restored.version)  # fmt: skip
    return True
