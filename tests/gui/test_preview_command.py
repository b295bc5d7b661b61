"""`kiosk-admin preview` as authors run it: a page to a PNG at its whole length, its
problems on it when it has errors, and a clear line for every mistake in the command."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from kiosk.admin import preview
from kiosk.admin.cli import main
from kiosk.launcher import parse_options
from tests.conftest import REPO, SAMPLE_CONTENT

BANNER_FILL, ERROR_STRIP = QColor("#1b2430"), QColor("#ffb4a8")  # Theme.previewFill, …Error


def _admin(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_QUICK_BACKEND": "software"}
    return subprocess.run([sys.executable, "-m", "kiosk.admin.cli", "preview", *args],
                          capture_output=True, text=True, cwd=REPO, env=env, check=False,
                          timeout=120)  # fmt: skip


def test_a_screenshot_is_the_whole_page_with_no_banner(tmp_path: Path) -> None:
    out = tmp_path / "migraine.png"
    result = _admin(str(SAMPLE_CONTENT), "--page", "migraine", "--size", "1080x1920",
                    "--screenshot", str(out))  # fmt: skip

    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert image.width() == 1080
    assert image.height() > 1920 * 2  # the page's whole length, not its first screen
    assert image.pixelColor(2, 2) != BANNER_FILL  # the kiosk's own top bar, first
    assert f"saved {out} (1080×{image.height()})" in result.stderr


def test_a_screenshot_of_a_page_with_errors_shows_them_and_fails(tmp_path: Path) -> None:
    folder = Path(shutil.copytree(SAMPLE_CONTENT, tmp_path / "content"))
    page = folder / "pages/crps.md"
    page.write_text(page.read_text(encoding="utf-8").replace("(questions.md)", "(asks.md)"))
    out = tmp_path / "crps.png"
    result = _admin(str(folder), "--page", "crps", "--lang", "es", "--size", "1920x1080",
                    "--screenshot", str(out))  # fmt: skip

    assert result.returncode == 1
    assert f"{page}:" in result.stderr
    assert "error: broken link: there is no page 'asks'" in result.stderr
    image = QImage(str(out))
    assert image.width() == 1920
    assert image.pixelColor(2, 2) == ERROR_STRIP  # the banner, its strip the errors' colour
    assert image.pixelColor(40, 4) == BANNER_FILL


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["missing"], "missing: no such folder: give the content folder"),
        (["tests"], "tests: no bundle.toml here: give the content folder"),
        (["content", "--page", "nowhere"], "--page nowhere: there is no page with that id"),
        (["content", "--lang", "fr"], "--lang fr: the content is in en-US, es-US"),
    ],
)
def test_every_mistake_is_said_in_a_line(args: list[str], said: str) -> None:
    result = _admin(*args, "--screenshot", os.devnull)
    assert result.returncode == 1
    assert said in result.stderr.splitlines()[-1]


def test_a_built_bundle_is_not_a_source_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    built = tmp_path / "clinic.kbundle"
    built.write_bytes(b"PK")
    assert main(["preview", str(built)]) == 1
    assert capsys.readouterr().err == (
        f"kiosk-admin: {built} is a built bundle, which does not change: preview the folder "
        f"it was built from (or see it: kiosk --content {built} --windowed)\n")  # fmt: skip


def test_the_kiosk_it_starts_is_the_one_beside_it(monkeypatch: pytest.MonkeyPatch) -> None:
    assert preview.kiosk_command() == [sys.executable, "-m", "kiosk"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/clinic-kiosk/app/kiosk-admin")
    assert preview.kiosk_command() == ["/opt/clinic-kiosk/app/clinic-kiosk"]


def test_the_preview_options_go_with_preview(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        parse_options(["--page", "migraine"])
    assert stopped.value.code == 2
    assert "--page goes with --preview FOLDER" in capsys.readouterr().err
