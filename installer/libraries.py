"""Which libraries the build keeps: of PySide6-Addons only read-aloud's, and on Linux a
binary's own links (not ldd's whole tree), so what only an OS-taken library needs stays out."""

from __future__ import annotations

import functools
import subprocess
from importlib import metadata

# Of PySide6-Addons the kiosk uses QtTextToSpeech alone (read-aloud): its Python module,
# its library and engine plugins, and the QtMultimedia library it links to. Every other
# file that wheel installed (WebEngine, 3D, FFmpeg, the GPL-3 virtual keyboard, QML
# modules) stays out, whatever the hooks collect.
ADDONS = "PySide6_Addons"
FROM_ADDONS = ("PySide6/QtTextToSpeech.*", "PySide6/*Qt6TextToSpeech*",
               "PySide6/*Qt6Multimedia.*", "PySide6/*plugins/texttospeech/*")  # fmt: skip


@functools.cache
def addons_files() -> frozenset[str]:
    """Every file PySide6-Addons installed, as paths inside the build (PySide6/...)."""
    try:
        files = metadata.files(ADDONS) or []
    except metadata.PackageNotFoundError:
        return frozenset()
    return frozenset(str(file).replace("\\", "/") for file in files)


def linked_libraries(binary: str) -> list[str]:
    """The libraries `binary` itself links to (its ELF NEEDED entries), by file name: not
    ldd's whole tree, so what only a library taken from the OS needs goes out with it
    (libpulse's sound codecs)."""
    found = subprocess.run(["objdump", "-p", binary], capture_output=True, text=True,
                           check=False)  # fmt: skip
    return [line.split()[1] for line in found.stdout.splitlines()
            if line.split()[:1] == ["NEEDED"]]  # fmt: skip
