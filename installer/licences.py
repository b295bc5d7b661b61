"""The licences of exactly what the build ships, found in the build itself.

The Python parts are read from the programs' own archives (and the extension
modules beside them), then traced to their distributions; the system libraries
PyInstaller copied in are traced to their Debian packages, whose copyright files
go along; nh3's Rust crates come from the SBOM in its wheel. No GPL-only part may
ship: `gpl_only` names any.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT / "resources" / "licenses"
COMMON = Path("/usr/share/common-licenses")  # Debian's licence texts
PROGRAMS = ("clinic-kiosk", "kiosk-admin")
APP = "clinic-kiosk"

_LICENCE_FILE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)
# Parts whose wheels carry no licence text: Qt for Python is used under the LGPL-3.0
# (which is the GPL-3.0 plus its additional permissions, so both texts go along).
WITHOUT_TEXTS = {
    "PySide6_Essentials": ("LGPL-3.0.txt", "GPL-3.0.txt"),
    "PySide6_Addons": ("LGPL-3.0.txt", "GPL-3.0.txt"),
    "shiboken6": ("LGPL-3.0.txt", "GPL-3.0.txt"),
}
_LIBRARY = re.compile(r"\.so(\.\d+)*$")


def shipped_modules(app_dir: Path) -> set[str]:
    """Top-level Python names in the build: in the programs' archives, and compiled ones."""
    from PyInstaller.archive.readers import CArchiveReader

    names: set[str] = set()
    for program in PROGRAMS:
        for path in (app_dir / program, app_dir / f"{program}.exe"):
            if path.exists():
                archive = CArchiveReader(str(path)).open_embedded_archive("PYZ.pyz")
                names |= {name.split(".")[0] for name in archive.toc}
    internal = app_dir / "_internal"
    for compiled in [*internal.rglob("*.so"), *internal.rglob("*.pyd")]:
        top = compiled.relative_to(internal).parts[0]
        extension = ".cpython-" in top or ".abi3." in top or top.endswith(".pyd")
        if top not in ("python3.11", "lib-dynload") and (extension or not _LIBRARY.search(top)):
            names.add(top.split(".")[0])
    return names


def shipped_distributions(app_dir: Path) -> list[metadata.Distribution]:
    """The installed distributions whose code is in the build (not the app itself). Where
    several share a package (PySide6: Essentials and Addons), those with a file in the build."""
    owners = metadata.packages_distributions()
    found: dict[str, metadata.Distribution] = {}
    for name in shipped_modules(app_dir):
        sharing = [owner for owner in owners.get(name, ()) if owner.lower() != APP]
        for owner in sharing:
            dist = metadata.distribution(owner)
            if len(sharing) == 1 or _ships_a_file_of(dist, app_dir / "_internal"):
                found[owner.lower()] = dist
    return sorted(found.values(), key=lambda dist: dist.metadata["Name"].lower())


def _ships_a_file_of(dist: metadata.Distribution, internal: Path) -> bool:
    return any((internal / str(file)).exists() for file in dist.files or ()
               if ".dist-info/" not in str(file))  # fmt: skip


def licence_of(dist: metadata.Distribution) -> str:
    text = (dist.metadata["License-Expression"] or dist.metadata["License"] or "").strip()
    if text and len(text.splitlines()) == 1 and len(text) < 80:
        return text
    classifiers = [c.rsplit(" :: ", 1)[-1] for c in dist.metadata.get_all("Classifier") or ()
                   if c.startswith("License ::")]  # fmt: skip
    return "; ".join(classifiers) or (text.splitlines()[0] if text else "see the folder")


def gpl_only(licence: str) -> bool:
    """A GPL licence with no LGPL, exception or other licence to choose instead."""
    if "GPL" not in licence.upper() or "LGPL" in licence.upper() or "LESSER" in licence.upper():
        return False
    return not (re.search(r"\sOR\s|;", licence) or "exception" in licence.lower())


def licence_files(dist: metadata.Distribution) -> list[Path]:
    """The licence texts a distribution ships in its metadata folder."""
    return [Path(str(dist.locate_file(file))) for file in dist.files or ()
            if ".dist-info/" in str(file) and _LICENCE_FILE.search(file.name)]  # fmt: skip


def write_python_parts(app_dir: Path, out: Path) -> list[str]:
    lines = []
    for dist in shipped_distributions(app_dir):
        name = dist.metadata["Name"]
        folder = out / f"{name}-{dist.version}"
        folder.mkdir(parents=True, exist_ok=True)
        for file in licence_files(dist):
            shutil.copyfile(file, folder / file.name)
        for text in WITHOUT_TEXTS.get(name, ()):
            shutil.copyfile(TEXTS / text, folder / text)
        lines.append(f"{name} {dist.version}: {licence_of(dist)}")
        if name == "nh3":
            lines += _crates(dist, folder)
    return lines


def _crates(dist: metadata.Distribution, folder: Path) -> list[str]:
    """nh3 is built from Rust crates; list each with its licence, with the MPL-2.0 text."""
    sboms = [f for f in dist.files or () if "/sboms/" in str(f)]
    if not sboms:
        return []
    bom = json.loads(Path(str(dist.locate_file(sboms[0]))).read_text(encoding="utf-8"))
    rows = []
    for part in bom.get("components", []):
        terms = " / ".join(entry.get("expression") or entry.get("license", {}).get("id", "?")
                           for entry in part.get("licenses", []))  # fmt: skip
        crate = f"{part['name']}/{part.get('version', '')}"
        rows.append(
            f"{crate.replace('/', ' ')}: {terms} (source: https://crates.io/crates/{crate})"
        )
    (folder / "crates.txt").write_text(
        "The Rust crates compiled into nh3, unmodified, each with its licence and where its\n"
        "source is. Those under the MPL-2.0 (its text is MPL-2.0.txt here) are available in\n"
        "source form at the address given.\n\n" + "\n".join(rows) + "\n",
        encoding="utf-8",
    )
    if any("MPL-2.0" in row for row in rows) and (COMMON / "MPL-2.0").exists():
        shutil.copyfile(COMMON / "MPL-2.0", folder / "MPL-2.0.txt")
    return [f"  (with {len(rows)} Rust crates: crates.txt in its folder)"]


def system_libraries(app_dir: Path) -> list[str]:
    """Shared libraries at the top of _internal that the build took from the system."""
    internal = app_dir / "_internal"
    return sorted(p.name for p in internal.iterdir() if _LIBRARY.search(p.name)
                  and ".cpython-" not in p.name and ".abi3." not in p.name
                  and not p.name.startswith(("libpython", "libpyside", "libshiboken")))  # fmt: skip


def write_system_parts(app_dir: Path, out: Path) -> list[str]:
    """Each system library's Debian package, with its copyright file (and the LGPL-2.1)."""
    if not shutil.which("dpkg"):
        return []
    packages: dict[str, list[str]] = {}
    for library in system_libraries(app_dir):
        package = _debian_package(library)
        if package:
            packages.setdefault(package, []).append(library)
    lines = []
    for package, libraries in sorted(packages.items()):
        folder = out / "system" / package
        folder.mkdir(parents=True, exist_ok=True)
        copyright_file = Path("/usr/share/doc") / package / "copyright"
        if copyright_file.exists():
            shutil.copyfile(copyright_file, folder / "copyright")
        lines.append(f"{package} (Debian): {', '.join(libraries)}")
    if (COMMON / "LGPL-2.1").exists():
        shutil.copyfile(COMMON / "LGPL-2.1", out / "system" / "LGPL-2.1.txt")
    return lines


def _debian_package(library: str) -> str:
    for folder in ("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib", "/usr/lib"):
        path = Path(folder) / library
        if not path.exists():
            continue
        for name in {str(path), str(path.resolve())}:  # dpkg knows one of them
            found = subprocess.run(["dpkg", "-S", name], capture_output=True, text=True,
                                   check=False)  # fmt: skip
            if found.returncode == 0:
                return found.stdout.split(":", 1)[0].strip()
    return ""


README = """\
Third-party parts bundled with the clinic kiosk, each with its licence texts in the
folder of the same name; the libraries taken from the build machine's Debian system
are in system/, each with its package's copyright file.

Qt and Qt for Python (PySide6) are used under the GNU LGPL version 3 (LGPL-3.0.txt
and GPL-3.0.txt in their folders). They are the unmodified libraries of the PySide6
wheels named below, kept as separate shared libraries in _internal/PySide6/Qt/lib
and _internal/PySide6. Their source code: https://download.qt.io/official_releases/
(Qt {qt}: qt/, PySide6 {pyside}: QtForPython/pyside6/) and
https://code.qt.io/cgit/pyside/pyside-setup.git (tag v{pyside}). To run the kiosk on
a Qt of your own, build the same Qt version with the same options and put its
libraries in place of those in _internal/PySide6/Qt/lib (and plugins in
_internal/PySide6/Qt/plugins); nothing in the kiosk prevents it.

The programs' start-up code is PyInstaller's bootloader, distributed under the GPL
version 2 with its bootloader exception, which allows it in any program
(PyInstaller/COPYING.txt).

{lines}
"""


def write_licences(app_dir: Path) -> list[str]:
    """app_dir/licenses/: the texts for every part that ships, and README.txt listing them."""
    out = app_dir / "licenses"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    lines = write_python_parts(app_dir, out) + _own_texts(out) + write_system_parts(app_dir, out)
    qt = metadata.version("PySide6_Essentials")
    (out / "README.txt").write_text(README.format(qt=qt, pyside=qt, lines="\n".join(lines)),
                                    encoding="utf-8")  # fmt: skip
    return lines


def _own_texts(out: Path) -> list[str]:
    """Python itself, the font, the syllable table's dictionary, PyInstaller's bootloader."""
    lines = []
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    for python in (Path(sys.base_prefix, "lib", f"python{version}", "LICENSE.txt"),
                   Path(sys.base_prefix, "LICENSE.txt")):  # fmt: skip
        if python.exists():
            _copy(python, out / "Python" / "LICENSE.txt")
            lines.append(f"Python {sys.version.split()[0]}: PSF-2.0")
            break
    _copy(
        ROOT / "kiosk" / "resources" / "fonts" / "OFL.txt",
        out / "Atkinson-Hyperlegible" / "OFL.txt",
    )
    lines.append("Atkinson Hyperlegible font: OFL-1.1")
    _copy(TEXTS / "CMUdict.txt", out / "CMU-Pronouncing-Dictionary" / "LICENSE")
    lines.append("CMU Pronouncing Dictionary (the reading grades' syllable table): BSD-style")
    pyinstaller = metadata.distribution("pyinstaller")
    for file in licence_files(pyinstaller):
        _copy(file, out / "PyInstaller" / file.name)
    lines.append(
        f"PyInstaller {pyinstaller.version} bootloader: GPL-2.0 with the bootloader exception"
    )
    return lines


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
