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
    missing = _missing()
    if missing:
        pytest.skip(
            f"needs {missing} (apt-get install xvfb dbus at-spi2-core python3-pyatspi xdotool)"
        )
    out = tmp_path_factory.mktemp("atspi")
    script = out / "session.sh"
    script.write_text(SESSION.format(
        launcher=LAUNCHER, data=out / "data", python=sys.executable, content=SAMPLE_CONTENT,
        log=out / "kiosk.log", system_python=SYSTEM_PYTHON, walk=REPO / "tools" / "atspi_walk.py",
        out=out,
    ), encoding="utf-8")  # fmt: skip
    script.chmod(0o755)
    subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1080x1920x24", "dbus-run-session", str(script)],
        cwd=REPO, check=True, timeout=120, capture_output=True,
    )  # fmt: skip
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
