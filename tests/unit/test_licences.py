"""installer/licences.py: the licences/ folder made from what the build holds, and a
GPL-only licence told apart from the LGPL, exceptions and choices that a clinic may ship."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

import pytest

from installer.licences import (
    gpl_only,
    shipped_distributions,
    write_licences,
    write_python_parts,
)


def test_every_part_that_ships_goes_with_its_licence_text(tmp_path: Path) -> None:
    """Found in the build itself: here a build holding a few compiled parts and a library."""
    internal = tmp_path / "_internal"
    for part in ("nacl/_sodium.abi3.so", "nh3/nh3.abi3.so", "PySide6/QtCore.abi3.so",
                 "shiboken6/Shiboken.abi3.so", "_cffi_backend.cpython-311-x86_64-linux-gnu.so",
                 "libz.so.1"):  # fmt: skip
        (internal / part).parent.mkdir(parents=True, exist_ok=True)
        (internal / part).write_bytes(b"")
    names = {dist.metadata["Name"].lower() for dist in shipped_distributions(tmp_path)}

    lines = write_licences(tmp_path)

    assert names == {"pynacl", "nh3", "pyside6_essentials", "shiboken6", "cffi"}  # exactly
    folders = sorted(folder.name for folder in (tmp_path / "licenses").iterdir())
    for part in ("PyNaCl-", "nh3-", "PySide6_Essentials-", "shiboken6-", "cffi-", "Python",
                 "PyInstaller", "system",
                 "CMU-Pronouncing-Dictionary", "Atkinson-Hyperlegible"):  # fmt: skip
        assert any(folder.startswith(part) for folder in folders), part
    assert (tmp_path / "licenses" / "system" / "zlib1g" / "copyright").exists()  # from Debian
    qt = next((tmp_path / "licenses").glob("PySide6_Essentials-*"))
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (qt / "LGPL-3.0.txt").read_text()
    crates = (next((tmp_path / "licenses").glob("nh3-*")) / "crates.txt").read_text()
    assert "cssparser 0.38.0: MPL-2.0 (source: https://crates.io/crates/cssparser/0.38.0)" in (
        crates
    )
    readme = (tmp_path / "licenses" / "README.txt").read_text()
    assert "put its\nlibraries in place of those in _internal/PySide6/Qt/lib" in readme
    assert all(line in readme for line in lines)
    assert not [line for line in lines if gpl_only(line.split(": ", 1)[-1])]


def test_a_pure_python_part_in_the_programs_archive_goes_with_its_licence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """segno (the QR codes) is pure Python: PyInstaller puts it in the programs' archive."""
    monkeypatch.setattr("installer.licences.shipped_modules", lambda app_dir: {"segno"})

    lines = write_python_parts(tmp_path, tmp_path / "licenses")

    assert [line.split(":")[0] for line in lines] == [f"segno {metadata.version('segno')}"]
    assert "BSD" in lines[0]
    assert not gpl_only(lines[0].split(": ", 1)[-1])
    folder = tmp_path / "licenses" / f"segno-{metadata.version('segno')}"
    assert "Redistribution and use" in (folder / "LICENSE").read_text()


@pytest.mark.parametrize(
    ("licence", "only"),
    [("GPL-3.0-or-later", True), ("GNU General Public License v3 (GPLv3)", True),
     ("LGPL-3.0-only", False), ("GPL-2.0 with the bootloader exception", False),
     ("MIT OR GPL-3.0", False), ("GNU Lesser General Public License v3 (LGPLv3)", False),
     ("MIT", False)],
)  # fmt: skip
def test_a_gpl_only_licence_is_told_apart(licence: str, only: bool) -> None:
    assert gpl_only(licence) is only


def test_of_pyside6_addons_only_a_build_holding_read_aloud_lists_it(tmp_path: Path) -> None:
    """PySide6 is shared by two wheels: Addons counts only when one of its files ships."""
    internal = tmp_path / "_internal"
    for part in ("PySide6/QtCore.abi3.so", "PySide6/QtTextToSpeech.abi3.so", "libz.so.1"):
        (internal / part).parent.mkdir(parents=True, exist_ok=True)
        (internal / part).write_bytes(b"")

    lines = write_licences(tmp_path)

    addons = [line for line in lines if line.startswith("PySide6_Addons ")]
    assert len(addons) == 1
    assert not gpl_only(addons[0].split(": ", 1)[-1])  # LGPL-3.0 among its choices
    folder = next((tmp_path / "licenses").glob("PySide6_Addons-*"))
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (folder / "LGPL-3.0.txt").read_text()
