"""The `kiosk` command as IT and authors run it: the self-test, screenshots, the settings
choosing content, a .kbundle preview, broken settings, no screen."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage

from kiosk.app import Kiosk
from kiosk.bridge.walk import ORIENTATIONS
from kiosk.content import load_bundle
from kiosk.launcher import VIEWS
from kiosk.session.navigation import every_location
from tests.conftest import DATA, REPO, SAMPLE_CONTENT
from tests.gui.conftest import items


def _run_kiosk(*args: str) -> subprocess.CompletedProcess[str]:
    """A kiosk with a data folder of its own: nothing another test installed shows."""
    with tempfile.TemporaryDirectory(prefix="kiosk-data-") as data:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_QUICK_BACKEND": "software",
               "KIOSK_PATHS_DATA_DIR": data}  # fmt: skip
        return subprocess.run(
            [sys.executable, "-m", "kiosk", *args],
            capture_output=True, text=True, cwd=REPO, env=env, check=False, timeout=120,
        )  # fmt: skip


def _screens() -> int:
    """How many screens the walk visits on the sample, in one orientation."""
    bundle = load_bundle(SAMPLE_CONTENT)
    return len(every_location(bundle.tour, list(bundle.pages), [t.id for t in bundle.topics]))


def test_self_test_passes_on_the_sample_content() -> None:
    result = _run_kiosk("--self-test")

    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == "self-test passed"
    # the content, the QML, the screens' Spanish words, read-aloud (its voice, or why it is
    # off), then every screen and the idle warning in each orientation, in English and Spanish
    assert sum(line.startswith("ok  ") for line in lines) == 1 + 1 + 1 + 1 + 2 * 2 * (
        _screens() + 1
    )
    assert "ok    screens' words in es-US" in lines
    assert "ok    es-US portrait page-opioids" in lines
    assert any(line.startswith("ok    Read-aloud") for line in lines)
    assert "FAIL" not in result.stdout


def test_screenshots_cover_every_screen_in_both_orientations(tmp_path: Path) -> None:
    result = _run_kiosk("--screenshots", str(tmp_path))

    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in tmp_path.glob("*.png"))
    for orientation in ORIENTATIONS:
        assert f"{orientation}-01-attract.png" in names
        assert f"{orientation}-02-home.png" in names
        assert f"{orientation}-15-page-migraine.png" in names
        assert f"{orientation}-15-page-migraine-part2.png" in names  # the rest of a long page
        assert f"{orientation}-27-tour-step6-contact.png" in names
        assert f"{orientation}-zz-idle-warning.png" in names
        assert f"{orientation}-zz-glossary-card.png" in names
        assert f"{orientation}-zz-glossary-card-large-contrast.png" in names
        assert f"{orientation}-29-staff.png" in names
        # No clinic key here: the form is shown as it looks with one, keyboards and all.
        assert f"{orientation}-zz-contact-form.png" in names
        for layout in ("letters", "phone", "email"):
            assert f"{orientation}-zz-contact-keyboard-{layout}.png" in names
    for name in [n for n in names if not n.startswith("es-")]:  # every screen in Spanish too
        assert f"es-{name}" in names or "-part" in name, name
    parts = [name for name in names if "-part" in name]
    assert len(names) - len(parts) == 2 * 2 * (_screens() + 3 + 1 + 4 + 2)
    for part in parts:  # each scrolls on from a page's first screen
        assert re.sub(r"-part[2-9]", "", part) in names
        assert "-page-" in part
    assert "the contact form is off here (no clinic key)" in result.stderr
    off = QImage(str(tmp_path / "portrait-28-contact.png"))
    on = QImage(str(tmp_path / "portrait-zz-contact-form.png"))
    assert on.size() == off.size()
    assert on != off  # the form, not the "please call us" text
    assert not list(Path(tempfile.gettempdir()).glob("kiosk-screenshots-*"))  # key gone


def test_screenshots_into_a_file_say_so_plainly(tmp_path: Path) -> None:
    blocker = tmp_path / "shots"
    blocker.write_text("a file, not a folder", encoding="utf-8")

    result = _run_kiosk("--screenshots", str(blocker))

    assert result.returncode == 1
    assert f"kiosk: cannot write screenshots to {blocker}" in result.stderr
    assert "Traceback" not in result.stderr


def test_quit_after_first_frame_exits_cleanly() -> None:
    result = _run_kiosk("--quit-after-first-frame", "--windowed")

    assert result.returncode == 0, result.stderr


def test_the_settings_choose_the_content(tmp_path: Path) -> None:
    settings = tmp_path / "kiosk.toml"
    settings.write_text(f'[content]\nbundle = "{tmp_path / "absent"}"\n', encoding="utf-8")

    result = _run_kiosk("--self-test", "--config", str(settings))

    assert result.returncode == 1
    assert f"FAIL  content: {tmp_path / 'absent'}:1: error: no such folder" in result.stdout


def test_broken_settings_fail_the_self_test_line_by_line(tmp_path: Path) -> None:
    settings = tmp_path / "kiosk.toml"
    settings.write_text("[session]\nwarning_seconds = 5\n", encoding="utf-8")

    result = _run_kiosk("--self-test", "--config", str(settings))

    assert result.returncode == 1
    assert f"FAIL  settings: {settings}:2: error: session.warning_seconds must be at least 20" in (
        result.stdout
    )
    assert "Traceback" not in result.stderr


def test_the_settings_problem_screen_names_each_problem(kiosk: Kiosk) -> None:
    from PySide6.QtQml import QQmlApplicationEngine

    engine = QQmlApplicationEngine()
    engine.setInitialProperties({"problems": ["kiosk.toml:2: session.warning_seconds ..."]})
    engine.load(QUrl.fromLocalFile(str(VIEWS / "SettingsProblem.qml")))

    [window] = engine.rootObjects()
    window.show()  # type: ignore[attr-defined]
    shown = items(window)  # type: ignore[arg-type]
    texts = [i.property("text") for i in shown if i.objectName() == "settingsProblem"]
    assert texts == ["kiosk.toml:2: session.warning_seconds ..."]
    window.close()  # type: ignore[attr-defined]


def test_installed_content_that_no_longer_loads_is_rolled_back_at_start(tmp_path: Path) -> None:
    from kiosk.bundles import store
    from tests.conftest import DATA
    from tests.unit.bundles.helpers import TRUSTED, folder_files, signed_bundle, version_of

    data_dir = tmp_path / "data"
    good = folder_files(DATA / "good")
    for version in (3, 4):
        bundle = signed_bundle(version_of(good, version), tmp_path / f"v{version}.kbundle",
                               "test-clinic", version)  # fmt: skip
        store.install(bundle, data_dir, TRUSTED, "0.1.0")
    broken = store.active(data_dir)
    assert broken is not None
    (broken.path / "bundle.toml").write_text("this is not TOML [")  # damaged on disk

    result = _run_kiosk("--self-test", "--data-dir", str(data_dir))

    assert result.returncode == 0, result.stdout
    assert "does not load (see above); went back to version 3" in result.stderr
    assert store.active(data_dir).version == 3  # type: ignore[union-attr]


def test_authors_can_preview_a_kbundle_file(tmp_path: Path) -> None:
    from tests.unit.bundles.helpers import folder_files, signed_bundle, version_of

    bundle = signed_bundle(version_of(folder_files(REPO / "tests" / "data" / "good"), 3),
                           tmp_path / "draft.kbundle", "test-clinic", 3)  # fmt: skip

    assert _run_kiosk("--self-test", "--content", str(bundle)).returncode == 0

    hostile = tmp_path / "hostile.kbundle"
    import zipfile

    with zipfile.ZipFile(hostile, "w") as archive:
        archive.writestr("../escape.md", b"x")
    result = _run_kiosk("--self-test", "--content", str(hostile))
    assert result.returncode == 1
    assert "kiosk: cannot show" in result.stderr
    assert "unsafe file name '../escape.md'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path.parent / "escape.md").exists()


def test_a_bundle_shown_as_it_is_leaves_nothing_in_the_temp_folder(tmp_path: Path) -> None:
    from tests.unit.bundles.helpers import folder_files, signed_bundle, version_of

    bundle = signed_bundle(version_of(folder_files(DATA / "good"), 3), tmp_path / "x.kbundle",
                           "test-clinic", 3)  # fmt: skip
    temp = tmp_path / "tmp"
    temp.mkdir()
    killed = temp / "kiosk-preview-999999999-abcd"  # left by a kiosk killed earlier
    (killed / "pages").mkdir(parents=True)

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TMPDIR", str(temp))
        result = _run_kiosk("--self-test", "--content", str(bundle))

    assert result.returncode == 0, result.stdout + result.stderr
    assert list(temp.iterdir()) == []  # its own copy gone at exit, the leftover cleared


def test_with_no_screen_the_kiosk_says_what_to_do_in_one_line() -> None:
    environment = {k: v for k, v in os.environ.items()
                   if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}  # fmt: skip

    done = subprocess.run([sys.executable, "-m", "kiosk", "--windowed"], cwd=REPO,
                          env=environment, capture_output=True, text=True, timeout=60,
                          check=False)  # fmt: skip

    assert done.returncode == 2
    assert done.stderr.count("\n") == 1  # one line, no traceback
    assert "there is no screen here" in done.stderr
    assert "kiosk --self-test" in done.stderr
