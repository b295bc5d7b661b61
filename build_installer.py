"""Build what clinic IT installs, and prove it works.

    python build_installer.py                  # or: make package

1. PyInstaller builds one folder, dist/clinic-kiosk/, holding two programs
   (clinic-kiosk and kiosk-admin), the QML screens, the sample content, fonts,
   icons, the default settings, and the licences of everything bundled.
   Qt parts the kiosk never uses are left out (UNUSED below, then every library
   nothing kept still needs).
2. Its licences/ is made from what it holds (installer/licences.py).
3. The built programs are run from dist/ with no Python on PATH: the self-test
   (every screen and page), a start to the first frame, and a content check
   (installer/proof.py).
4. Linux: dist/clinic-kiosk-<version>-linux-x86_64.tar.gz with install.sh and
   uninstall.sh. Windows: dist/clinic-kiosk.iss, an Inno Setup script built
   into a setup program on Windows with `iscc dist\\clinic-kiosk.iss`. And the
   wheel, for kiosk-admin on a staff PC (installer/outputs.py).

`--skip-build` repackages and re-tests an existing dist/clinic-kiosk/.
"""

from __future__ import annotations

import argparse
import fnmatch
import posixpath
import shutil
import string
import sys
from collections.abc import Callable, Iterable, Sequence
from importlib import metadata
from pathlib import Path, PurePosixPath

from installer.libraries import FROM_ADDONS, addons_files, linked_libraries
from installer.licences import write_licences
from installer.outputs import (
    LINUX_DATA,
    LINUX_LOGS,
    WINDOWS_DATA,
    WINDOWS_LOGS,
    default_settings,
    inno_script,
    linux_name,
    linux_tarball,
    system_config,
    wheel,
    windows_files,
)
from installer.proof import clean_environment, smoke_checks, smoke_test

__all__ = [
    "LINUX_DATA", "LINUX_LOGS", "WINDOWS_DATA", "WINDOWS_LOGS", "clean_environment",
    "default_settings", "inno_script", "linked_libraries", "linux_name", "linux_tarball",
    "main", "prune",
    "smoke_checks", "smoke_test", "spec_text", "system_config", "wheel", "windows_files",
]  # fmt: skip

ROOT = Path(__file__).resolve().parent
RESOURCES = ROOT / "resources"  # what the installers put on a machine besides the app
APP = "clinic-kiosk"
ADMIN = "kiosk-admin"
CONTENTS = "_internal"  # PyInstaller's folder for everything but the programs


def _each(pattern: str, *names: str) -> tuple[str, ...]:
    return tuple(pattern.format(name) for name in names)


# Folders of the build, relative to its _internal/ folder, that the kiosk never
# uses. PyInstaller copies every installed QML module and Qt plugin otherwise.
UNUSED = (
    # The app fixes the Basic style: the other Controls styles and design tools.
    *_each("PySide6/Qt/qml/QtQuick/Controls/{}/*", "FluentWinUI3", "Fusion", "Imagine",
           "Material", "Universal", "designer"),
    # QML modules no screen imports (the screens import QtQuick, Controls, Layouts).
    *_each("PySide6/Qt/qml/QtQuick/{}/*", "Dialogs", "Effects", "LocalStorage", "Particles",
           "Pdf", "Scene2D", "Scene3D", "Shapes", "Timeline", "VectorImage", "VirtualKeyboard",
           "tooling"),
    *_each("PySide6/Qt/qml/{}/*", "Qt", "QtCore", "QtNetwork", "QtTest", "QtWayland"),
    # Plugins: keep the screens the kiosk runs on (wayland under cage, xcb,
    # offscreen for the self-test), SVG/JPEG/GIF/WebP images, compose keys.
    *_each("PySide6/Qt/plugins/platforms/*{}*", "eglfs", "linuxfb", "minimal",
           "vkkhrdisplay", "vnc"),
    *_each("PySide6/Qt/plugins/imageformats/*{}*", "icns", "ico", "tga", "tiff", "wbmp"),
    *_each("PySide6/Qt/plugins/{}/*", "egldeviceintegrations", "generic", "iconengines",
           "networkinformation", "platformthemes", "printsupport", "qmltooling",
           "sqldrivers", "tls"),
    "PySide6/Qt/plugins/platforminputcontexts/*ibus*",
    # Qt Virtual Keyboard's plugin (GPL-3; its library is PySide6-Addons', left out below).
    "PySide6/Qt/plugins/platforminputcontexts/*virtualkeyboard*",
    # Under cage, Qt needs only the xdg-shell client side, with no window decorations.
    *_each("PySide6/Qt/plugins/wayland-shell-integration/*{}*", "fullscreen-shell",
           "ivi-shell", "qt-shell", "wl-shell"),
    "PySide6/Qt/plugins/wayland-graphics-integration-client/*-server.so",
    "PySide6/Qt/plugins/wayland-decoration-client/*",
    # Qt's own translations: the kiosk shows none of Qt's words.
    "PySide6/Qt/translations/*",
)  # fmt: skip

# Libraries the Linux build takes from the OS instead of carrying copies, so the
# OS's security updates reach the kiosk without a new build: OpenSSL (libssl3 on
# Debian 12+ and Ubuntu 24.04+, one ABI across 3.x; install.sh checks for it).
# On Windows there is no OS OpenSSL: Python's own DLLs go along, and app
# updates carry TLS fixes (INSTALL.md says so).
# Read-aloud's libspeechd (it must speak the protocol of the speech-dispatcher installed)
# and libpulse, which QtMultimedia links to: install.sh checks for both.
FROM_THE_OS = (
    ("libssl.so.3", "libcrypto.so.3", "libspeechd.so.2", "libpulse.so.0")
    if sys.platform.startswith("linux")
    else ()
)

# Qt's Python modules the hooks add but the kiosk never imports.
UNUSED_PYTHON = ["PySide6.QtDBus", "PySide6.QtMultimedia"]

# Entry points kept whatever the dependency scan says: Python extension
# modules, Qt and QML plugins (loaded by name at run time), and libpython.
_ROOT_PATTERNS = ("*.pyd", "*.abi3.so", "*.cpython-*.so", "PySide6/Qt/plugins/*",
                  "PySide6/Qt/qml/*", "*libpython*", "*python3*.dll")  # fmt: skip


def app_version() -> str:
    """The version the package metadata gives; every output name carries it."""
    return metadata.version(APP)


def is_unused(dest: str) -> bool:
    """True if the file at `dest` (inside _internal/) is one the kiosk never uses."""
    path = _posix(dest)
    if path in addons_files() and not any(fnmatch.fnmatchcase(path, p) for p in FROM_ADDONS):
        return True
    return any(fnmatch.fnmatchcase(path, pattern) for pattern in UNUSED)


Toc = list[tuple[str, str, str]]  # PyInstaller's (dest, source, typecode)


def prune(
    binaries: Toc,
    datas: Toc,
    needs: Callable[[str], Iterable[str]],
    from_the_os: Iterable[str] = FROM_THE_OS,
) -> tuple[Toc, Toc]:
    """Drop unused files and the OS's libraries, then each library no kept binary needs.

    `needs(source)` names the libraries a binary links to (file names only).
    Symbolic links stay only if what they point to stays.
    """
    os_libraries = set(from_the_os)

    def dropped(dest: str) -> bool:
        return is_unused(dest) or PurePosixPath(_posix(dest)).name in os_libraries

    links = [entry for entry in binaries + datas if entry[2] == "SYMLINK"]
    datas = [entry for entry in datas if entry[2] != "SYMLINK" and not is_unused(entry[0])]
    files = [entry for entry in binaries if entry[2] != "SYMLINK" and not dropped(entry[0])]
    by_name = {PurePosixPath(_posix(dest)).name: (dest, source) for dest, source, _ in files}
    wanted = {
        dest
        for dest, _, _ in files
        if any(fnmatch.fnmatchcase(_posix(dest), root) for root in _ROOT_PATTERNS)
    }
    todo = [source for dest, source, _ in files if dest in wanted]
    while todo:
        for name in needs(todo.pop()):
            dest, source = by_name.get(name, ("", ""))
            if dest and dest not in wanted:
                wanted.add(dest)
                todo.append(source)
    wanted_posix = {_posix(dest) for dest in wanted}
    kept_links = [
        (dest, target, kind)
        for dest, target, kind in links
        if posixpath.normpath(posixpath.join(posixpath.dirname(_posix(dest)), _posix(target)))
        in wanted_posix
    ]
    return [entry for entry in files if entry[0] in wanted], datas + kept_links


def _posix(dest: str) -> str:
    return dest.replace("\\", "/")


def spec_text(entry_dir: Path) -> str:
    """The PyInstaller spec: two programs (their scripts in entry_dir) sharing one folder."""
    root = str(ROOT)
    datas = [
        (f"{root}/kiosk/views", "kiosk/views"),
        (f"{root}/kiosk/resources", "kiosk/resources"),
        (f"{root}/kiosk/content/export.css", "kiosk/content"),
        (f"{root}/kiosk/content/syllables-en.txt", "kiosk/content"),  # reading grades
        (f"{root}/content", "content"),  # the sample bundle, beside the package
    ]
    template = string.Template((ROOT / "installer" / "kiosk.spec.in").read_text("utf-8"))
    values = {"root": root, "datas": datas, "app": APP, "admin": ADMIN, "unused": UNUSED_PYTHON,
              "kiosk_script": str(entry_dir / f"{APP}.py"),
              "admin_script": str(entry_dir / f"{ADMIN}.py")}  # fmt: skip
    return template.substitute({name: repr(value) for name, value in values.items()})


ENTRY_POINTS = {
    APP: "from kiosk.__main__ import main\n\nraise SystemExit(main())\n",
    ADMIN: "from kiosk.admin.cli import main\n\nraise SystemExit(main())\n",
}


def build(build_dir: Path, dist_dir: Path) -> Path:
    """Run PyInstaller; return the app folder."""
    import PyInstaller.__main__

    from kiosk.i18n.compiled import compile_all

    compile_all()  # the screens' catalogues, compiled: the build has no lrelease to make them

    entry_dir = build_dir / "entry"
    entry_dir.mkdir(parents=True, exist_ok=True)
    for name, text in ENTRY_POINTS.items():
        (entry_dir / f"{name}.py").write_text(text, encoding="utf-8")
    spec = build_dir / f"{APP}.spec"
    spec.write_text(spec_text(entry_dir), encoding="utf-8")
    work = build_dir / "work"
    PyInstaller.__main__.run([str(spec), "--noconfirm", "--log-level", "WARN",
                              "--distpath", str(dist_dir), "--workpath", str(work)])  # fmt: skip
    return dist_dir / APP


def folder_size(folder: Path) -> int:
    """Bytes in the files under `folder`, not counting symbolic links twice."""
    return sum(file.lstat().st_size for file in folder.rglob("*") if not file.is_dir())


def missing_tools() -> str | None:
    """What this machine lacks for a build, said so that one can fix it; None if nothing."""
    if sys.platform == "linux" and not (shutil.which("objdump") and shutil.which("strip")):
        return "PyInstaller needs objdump and strip: apt-get install binutils"
    return None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--skip-build", action="store_true", help="package and test the existing dist/clinic-kiosk"
    )
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    problem = missing_tools()
    try:
        version = app_version()
    except metadata.PackageNotFoundError:
        problem = "clinic-kiosk is not installed in this Python: run `make package` instead"
    if problem:
        print(f"build_installer: {problem}", file=sys.stderr)
        return 1
    dist: Path = args.dist
    dist.mkdir(exist_ok=True)
    app_dir = dist / APP
    if not args.skip_build:
        shutil.rmtree(app_dir, ignore_errors=True)
        build(ROOT / "build", dist)
        write_licences(app_dir)
    elif not (app_dir / CONTENTS).is_dir():
        print(f"build_installer: no build in {app_dir}: run without --skip-build", file=sys.stderr)
        return 1
    failures = smoke_test(app_dir, version)
    if failures:
        print("\n\n".join(failures), file=sys.stderr)
        print(f"build_installer: the build in {app_dir} does not work", file=sys.stderr)
        return 1
    outputs = [windows_files(version, dist), wheel(dist)]
    if sys.platform == "linux":
        outputs.insert(0, linux_tarball(app_dir, version, dist))
    print(f"{app_dir}: {folder_size(app_dir) / 1e6:.1f} MB")
    for output in outputs:
        print(f"{output}: {output.stat().st_size / 1e6:.1f} MB"
              if output.suffix in (".gz", ".whl") else output)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
