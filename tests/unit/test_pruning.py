"""What the packaged build leaves out: the parts of Qt the kiosk never uses, the libraries
only those parts needed, and OpenSSL, which comes from the OS so its updates reach the kiosk."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import build_installer as bi


@pytest.mark.parametrize(
    ("dest", "unused"),
    [
        ("PySide6/Qt/qml/QtQuick/Controls/Material/Button.qml", True),
        ("PySide6/Qt/qml/QtQuick/Controls/Basic/Button.qml", False),
        ("PySide6/Qt/qml/QtQuick/Controls/impl/qmldir", False),
        ("PySide6/Qt/qml/QtQuick/Layouts/libqquicklayoutsplugin.so", False),
        ("PySide6/Qt/qml/QtQuick/VirtualKeyboard/qmldir", True),
        ("PySide6/Qt/qml/Qt/labs/settings/qmldir", True),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", False),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", True),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", False),
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", True),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", True),
        ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", False),
        ("PySide6/Qt/plugins/wayland-shell-integration/libivi-shell.so", True),
        ("PySide6/Qt/translations/qtbase_de.qm", True),
        (r"PySide6\Qt\translations\qtbase_de.qm", True),  # Windows separators
        ("kiosk/views/Main.qml", False),
        ("content/bundle.toml", False),
        # Of PySide6-Addons, read-aloud alone: QtTextToSpeech and the QtMultimedia it links.
        ("PySide6/QtTextToSpeech.abi3.so", False),
        ("PySide6/Qt/lib/libQt6TextToSpeech.so.6", False),
        ("PySide6/Qt/lib/libQt6Multimedia.so.6", False),
        ("PySide6/Qt/plugins/texttospeech/libqtexttospeech_speechd.so", False),
        ("PySide6/Qt/lib/libQt6MultimediaQuick.so.6", True),
        ("PySide6/Qt/lib/libQt6WebEngineCore.so.6", True),
        ("PySide6/Qt/lib/libQt6VirtualKeyboard.so.6", True),  # GPL-3: never
        ("PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so", True),
        ("PySide6/Qt/lib/libavcodec.so.61", True),
        ("PySide6/Qt/qml/QtTextToSpeech/qmldir", True),  # the screens use the Python API
    ],
)
def test_only_what_the_kiosk_never_uses_is_left_out(dest: str, unused: bool) -> None:
    assert bi.is_unused(dest) is unused


# size: a small build's parts and what each links to, as tables
def test_pruning_drops_libraries_only_dropped_parts_needed() -> None:
    material = "PySide6/Qt/qml/QtQuick/Controls/Material/libqtquickcontrols2materialstyleplugin.so"
    binaries = [
        ("PySide6/QtQuick.abi3.so", "/src/QtQuick.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Quick.so.6", "/src/libQt6Quick.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/src/libQt6Core.so.6", "BINARY"),
        ("PySide6/Qt/lib/libicuuc.so.73", "/src/libicuuc.so.73", "BINARY"),
        (material, "/src/material.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6QuickControls2Material.so.6", "/src/libMaterial.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/src/libqgtk3.so", "BINARY"),
        ("libgtk-3.so.0", "/usr/lib/libgtk-3.so.0", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("libxcb-cursor.so.0", "/usr/lib/libxcb-cursor.so.0", "BINARY"),
    ]
    datas = [
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        (
            "libQt6QuickControls2Material.so.6",
            "PySide6/Qt/lib/libQt6QuickControls2Material.so.6",
            "SYMLINK",
        ),
        ("PySide6/Qt/translations/qtbase_de.qm", "/src/qtbase_de.qm", "DATA"),
        ("kiosk/views/Main.qml", "/src/Main.qml", "DATA"),
    ]
    links = {
        "/src/QtQuick.abi3.so": ["libQt6Quick.so.6", "libc.so.6"],
        "/src/libQt6Quick.so.6": ["libQt6Core.so.6"],
        "/src/libQt6Core.so.6": ["libicuuc.so.73"],
        "/src/material.so": ["libQt6QuickControls2Material.so.6"],
        "/src/libqgtk3.so": ["libgtk-3.so.0"],
        "/src/libqxcb.so": ["libxcb-cursor.so.0", "libQt6Core.so.6"],
    }

    kept_binaries, kept_datas = bi.prune(
        binaries, datas, lambda source: links.get(source, []), from_the_os=()
    )

    assert [dest for dest, _, _ in kept_binaries] == [
        "PySide6/QtQuick.abi3.so",
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/lib/libicuuc.so.73",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "libxcb-cursor.so.0",
    ]
    assert [dest for dest, _, _ in kept_datas] == ["kiosk/views/Main.qml", "libQt6Core.so.6"]


def test_openssl_comes_from_the_os_so_its_security_updates_reach_the_kiosk() -> None:
    binaries = [
        ("python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so", "/src/_ssl.so", "BINARY"),
        ("libssl.so.3", "/usr/lib/libssl.so.3", "BINARY"),
        ("libcrypto.so.3", "/usr/lib/libcrypto.so.3", "BINARY"),
        ("libz.so.1", "/usr/lib/libz.so.1", "BINARY"),
    ]
    links = {
        "/src/_ssl.so": ["libssl.so.3", "libcrypto.so.3", "libz.so.1"],
        "/usr/lib/libssl.so.3": ["libcrypto.so.3"],
    }

    kept, _ = bi.prune(binaries, [], lambda source: links.get(source, []),
                       from_the_os=("libssl.so.3", "libcrypto.so.3"))  # fmt: skip

    assert [dest for dest, _, _ in kept] == [binaries[0][0], "libz.so.1"]


def test_on_linux_a_library_needs_what_it_links_to_itself_not_what_those_link_to() -> None:
    """So libpulse's sound codecs go out with libpulse, which comes from the OS."""
    import PySide6

    if shutil.which("objdump") is None:
        pytest.skip("needs objdump (binutils, as .ci/run installs)")
    multimedia = Path(PySide6.__file__).parent / "Qt" / "lib" / "libQt6Multimedia.so.6"
    if not multimedia.exists():
        pytest.skip("a Linux PySide6-Addons: QtMultimedia for read-aloud")

    links = bi.linked_libraries(str(multimedia))

    assert "libpulse.so.0" in links
    assert "libQt6Core.so.6" in links
    assert not [name for name in links if name.startswith(("libpulsecommon", "libsndfile"))]
