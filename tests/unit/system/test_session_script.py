"""clinic-kiosk-session: the kiosk's exit status and watchdog, passed through cage."""

from __future__ import annotations

import getpass
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

SESSION = Path(__file__).parents[3] / "resources" / "linux" / "clinic-kiosk-session"
# Run under cage as systemd would: cage refuses root, so root tests run it as nobody.
USER = "nobody" if os.geteuid() == 0 else getpass.getuser()


@pytest.fixture
def app() -> Iterator[Path]:
    """An app folder holding the session script and a stand-in kiosk, reachable by USER."""
    folder = Path(tempfile.mkdtemp(prefix="kiosk-session-"))
    folder.chmod(0o755)
    shutil.copy(SESSION, folder / "clinic-kiosk-session")
    (folder / "runtime").mkdir(mode=0o700)
    shutil.chown(folder / "runtime", USER)
    yield folder
    shutil.rmtree(folder)


def stand_in_kiosk(app: Path, status: int) -> None:
    """A kiosk that notes its environment and exits with `status`."""
    kiosk = app / "clinic-kiosk"
    kiosk.write_text(f'#!/bin/sh\nenv >"{app}/runtime/kiosk-env"\nexit {status}\n')
    kiosk.chmod(0o755)


def run_session(app: Path, path: str = "/usr/bin:/bin") -> subprocess.CompletedProcess[str]:
    runtime = app / "runtime"
    environment = {
        "PATH": path, "HOME": str(runtime), "XDG_RUNTIME_DIR": str(runtime),
        "RUNTIME_DIRECTORY": str(runtime), "WLR_BACKENDS": "headless",
        "WLR_LIBINPUT_NO_DEVICES": "1", "WATCHDOG_USEC": "30000000",
        "WATCHDOG_PID": str(os.getpid()),  # systemd names the service's main process
    }  # fmt: skip
    as_user = ["runuser", "-u", USER, "--"] if os.geteuid() == 0 else []
    command = [*as_user, "env", "-i", *(f"{k}={v}" for k, v in environment.items()),
               str(app / "clinic-kiosk-session")]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


needs_cage = pytest.mark.skipif(
    shutil.which("cage") is None, reason="needs cage and xwayland (.ci/run installs them)"
)


@needs_cage
@pytest.mark.parametrize("status", [0, 64, 3])
def test_the_service_sees_the_kiosks_own_exit_status(app: Path, status: int) -> None:
    stand_in_kiosk(app, status)

    done = run_session(app)

    assert done.returncode == status, done.stderr  # 64: staff chose Exit, stay stopped


@needs_cage
def test_the_kiosk_pings_the_watchdog_meant_for_the_session(app: Path) -> None:
    stand_in_kiosk(app, 0)

    run_session(app)

    seen = dict(
        line.split("=", 1)
        for line in (app / "runtime" / "kiosk-env").read_text().splitlines()
        if "=" in line
    )
    assert seen["WATCHDOG_USEC"] == "30000000"
    assert "WATCHDOG_PID" not in seen  # else the kiosk would think the pings are not its own


def test_a_session_where_cage_cannot_start_is_a_failure(app: Path) -> None:
    stand_in_kiosk(app, 0)
    tools = app / "bin"  # what the script uses, but no cage
    tools.mkdir()
    for tool in ("sh", "env", "dirname", "readlink", "rm", "cat"):
        (tools / tool).symlink_to(shutil.which(tool) or tool)

    done = run_session(app, path=str(tools))

    assert "cage: not found" in done.stderr
    assert done.returncode == 1  # systemd restarts it
