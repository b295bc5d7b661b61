"""Each catalogue compiled for Qt's own translator (`kiosk_<lang>.qm`), which the screens
read through: Qt translates on its own threads too (the QML loader asks for error texts
while the screen's thread waits for it), so the translator QML uses must not need Python.

A `.qm` is made from its `.ts` with pyside6-lrelease (part of the PySide6 wheel) when it
is missing or older, beside the `.ts` if that folder is writable, else in the user's
cache; the packaged build ships them made, and has no lrelease.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import shutil
import subprocess
from pathlib import Path

from kiosk.i18n.catalogue import CATALOGUES, primary

log = logging.getLogger("kiosk.app")


def qm_file(language: str) -> Path | None:
    """The compiled catalogue for `language`; None if the kiosk has no words in it."""
    source = CATALOGUES / f"kiosk_{primary(language)}.ts"
    if not source.is_file():
        return None
    beside = source.with_suffix(".qm")
    if beside.is_file() and beside.stat().st_mtime >= source.stat().st_mtime:
        return beside
    for target in (beside, _cache() / beside.name):
        if target.is_file() and target.stat().st_mtime >= source.stat().st_mtime:
            return target
        if compile_catalogue(source, target):
            return target
    if beside.is_file():  # older than its .ts (a copy that kept no times): still the words
        return beside
    log.warning("cannot compile %s (no pyside6-lrelease): the screens stay in English", source)
    return None


def compile_catalogue(source: Path, target: Path) -> bool:
    """`target` made from `source`; False if there is no lrelease or it failed."""
    tool = _lrelease()
    if tool is None:
        return False
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([tool, "-silent", str(source), "-qm", str(target)],
                       check=True, capture_output=True, timeout=60)  # fmt: skip
    except (OSError, subprocess.SubprocessError) as exc:
        log.debug("lrelease %s -> %s failed: %s", source, target, exc)
        return False
    return target.is_file()


def compile_all() -> list[Path]:
    """Every catalogue compiled beside its source (for the packaged build)."""
    made = []
    for source in sorted(CATALOGUES.glob("kiosk_*.ts")):
        if not compile_catalogue(source, source.with_suffix(".qm")):
            raise RuntimeError(f"cannot compile {source}: is PySide6 (pyside6-lrelease) here?")
        made.append(source.with_suffix(".qm"))
    return made


def _lrelease() -> str | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.origin is not None:
        bundled = Path(spec.origin).parent / ("lrelease.exe" if os.name == "nt" else "lrelease")
        if bundled.is_file():
            return str(bundled)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def _cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "clinic-kiosk" / "i18n"
