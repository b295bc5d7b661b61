"""The kiosk over a real screen-reader bus: AT-SPI, as Orca reads it, in a real X window.

The kiosk runs under Xvfb in a D-Bus session with the AT-SPI bus; Debian's python3
with pyatspi walks what it exposes, before and after Enter is pressed on the attract
screen (xdotool, as a keyboard would). Needs xvfb, dbus, at-spi2-core,
python3-pyatspi and xdotool (`.ci/run` installs them).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, SAMPLE_CONTENT

LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
SYSTEM_PYTHON = Path("/usr/bin/python3")
NEEDED = ("xvfb-run", "dbus-run-session", "xdotool")

SESSION = """#!/bin/sh
{launcher} --launch-immediately &
QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_QPA_PLATFORM=xcb KIOSK_PATHS_DATA_DIR={data} \\
    {python} -m kiosk --content {content} --windowed --size 1080x1920 >{log} 2>&1 &
kiosk=$!
{system_python} {walk} 'Libertas Mind' >{out}/attract.txt || exit 1
xdotool key Return
until grep -q "\\[heading\\] .*\\*focused\\*" {out}/home.txt 2>/dev/null; do
    {system_python} {walk} 'Libertas Mind' >{out}/home.txt || exit 1
done
kill $kiosk
"""


# An author's preview with a broken link on the page on show: the banner is read first.
PREVIEW_SESSION = """#!/bin/sh
{launcher} --launch-immediately &
QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_QPA_PLATFORM=xcb \\
    {python} -m kiosk --preview {content} --page crps --size 1080x1700 >{log} 2>&1 &
kiosk=$!
until grep -q "error: broken link" {out}/preview.txt 2>/dev/null; do
    {system_python} {walk} 'Preview of content — Libertas Mind' >{out}/preview.txt || exit 1
done
kill $kiosk
"""


def _run_session(template: str, out: Path, content: Path) -> None:
    missing = _missing()
    if missing:
        pytest.skip(
            f"needs {missing} (apt-get install xvfb dbus at-spi2-core python3-pyatspi xdotool)"
        )
    script = out / "session.sh"
    script.write_text(template.format(
        launcher=LAUNCHER, data=out / "data", python=sys.executable, content=content,
        log=out / "kiosk.log", system_python=SYSTEM_PYTHON, walk=REPO / "tools" / "atspi_walk.py",
        out=out,
    ), encoding="utf-8")  # fmt: skip
    script.chmod(0o755)
    subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1080x1920x24", "dbus-run-session", str(script)],
        cwd=REPO, check=True, timeout=120, capture_output=True,
    )  # fmt: skip


def _missing() -> str:
    absent = [tool for tool in NEEDED if shutil.which(tool) is None]
    if not LAUNCHER.exists():
        absent.append("at-spi2-core")
    pyatspi = subprocess.run([str(SYSTEM_PYTHON), "-c", "import pyatspi"], capture_output=True,
                             check=False) if SYSTEM_PYTHON.exists() else None  # fmt: skip
    if pyatspi is None or pyatspi.returncode != 0:
        absent.append("python3-pyatspi")
    return ", ".join(absent)


@pytest.fixture(scope="module")
def walked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("atspi")
    _run_session(SESSION, out, SAMPLE_CONTENT)
    return out


def test_the_attract_screen_says_what_it_is_for_and_focuses_start(walked: Path) -> None:
    attract = (walked / "attract.txt").read_text(encoding="utf-8")

    assert "[frame] 'Libertas Mind'" in attract
    assert (
        "[push button] 'Start: learn about chronic pain and your treatment options' *focused*"
        in attract
    )
    assert "[push button] 'Pause the highlights'" in attract
    # The other language, named in it, for a screen-reader user who reads Spanish.
    assert "[push button] 'Español: ver esta pantalla en español'" in attract


def test_after_enter_the_home_screen_is_heard_from_its_title(walked: Path) -> None:
    home = (walked / "home.txt").read_text(encoding="utf-8")

    assert "[heading] 'Understanding chronic pain and your treatment options' *focused*" in home
    assert "[push button] 'Conditions we treat' (Fibromyalgia, CRPS and migraine.)" in home
    assert "[push button] 'Start the guided tour'" in home
    unnamed = [line for line in home.splitlines() if "button] ''" in line]
    assert unnamed == []


def test_a_preview_is_heard_from_its_banner(tmp_path: Path) -> None:
    content = Path(shutil.copytree(SAMPLE_CONTENT, tmp_path / "content"))
    page = content / "pages/crps.md"
    page.write_text(page.read_text(encoding="utf-8").replace("(questions.md)", "(asks.md)"))
    _run_session(PREVIEW_SESSION, tmp_path, content)
    lines = (tmp_path / "preview.txt").read_text(encoding="utf-8").splitlines()

    assert lines[1] == "  [frame] 'Preview of content — Libertas Mind'"
    assert lines[2].startswith(f"    [heading] 'Preview of {content} · pages/crps.md · read at ")
    assert lines[3] == "    [alert] '1 error and 2 notes on this page.'"
    assert lines[4].startswith('    [label] "pages/crps.md:')
    assert "error: broken link: there is no page 'asks'" in lines[4]
