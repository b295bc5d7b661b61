"""Each catalogue compiled for Qt's own translator (`kiosk_<lang>.qm`), which the screens
read through: Qt translates on its own threads too (the QML loader asks for error texts
while the screen's thread waits for it), so the translator QML uses must not need Python.

A `.qm` is made from its `.ts` with pyside6-lrelease (part of the PySide6 wheel) the first
time it is needed, named after the `.ts` file's hash, beside it if that folder is
writable, else in the user's cache; the packaged build ships them made, and has no lrelease.
"""

from __future__ import annotations

import hashlib
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
    name = compiled_name(source)
    for target in (source.parent / name, _cache() / name):
        if target.is_file() or compile_catalogue(source, target):
            return target
    log.warning("cannot compile %s (no pyside6-lrelease): the screens stay in English", source)
    return None


def compiled_name(source: Path) -> str:
    """kiosk_es.<hash of the .ts>.qm: a catalogue changed is compiled again, whatever the
    files' times say (a copy may not keep them)."""
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:12]
    return f"{source.stem}.{digest}.qm"


def compile_catalogue(source: Path, target: Path) -> bool:
    """`target` made from `source`; False if there is no lrelease or it failed."""
    tool = _lrelease()
    if tool is None:
        return False
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([tool, "-silent", str(source), "-qm", str(target)],
                       check=True, capture_output=True, timeout=60)  # fmt: skip
        for old in target.parent.glob(f"{source.stem}.*.qm"):  # from catalogues before
            if old != target:
                old.unlink()
    except (OSError, subprocess.SubprocessError) as exc:
        log.debug("lrelease %s -> %s failed: %s", source, target, exc)
        return False
    return target.is_file()


def compile_all() -> list[Path]:
    """Every catalogue compiled beside its source (for the packaged build)."""
    made = []
    for source in sorted(CATALOGUES.glob("kiosk_*.ts")):
        target = source.parent / compiled_name(source)
        if not compile_catalogue(source, target):
            raise RuntimeError(f"cannot compile {source}: is PySide6 (pyside6-lrelease) here?")
        made.append(target)
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
