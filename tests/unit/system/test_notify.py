"""READY and WATCHDOG reach a socket the test listens on, as systemd's would."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.system.notify import notify, watchdog_interval


@pytest.fixture
def listener(tmp_path: Path) -> Iterator[tuple[socket.socket, str]]:
    path = str(tmp_path / "notify.sock")
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(path)
        sock.settimeout(5)
        yield sock, path


def test_messages_reach_the_notify_socket(listener: tuple[socket.socket, str]) -> None:
    sock, path = listener

    assert notify("READY=1", {"NOTIFY_SOCKET": path})
    assert notify("WATCHDOG=1", {"NOTIFY_SOCKET": path})

    assert sock.recv(64) == b"READY=1"
    assert sock.recv(64) == b"WATCHDOG=1"


def test_without_systemd_nothing_is_sent() -> None:
    assert not notify("READY=1", {})


def test_a_missing_socket_is_logged_not_raised(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    assert not notify("READY=1", {"NOTIFY_SOCKET": str(tmp_path / "gone.sock")})
    assert "could not notify systemd" in caplog.text


def test_pings_twice_per_watchdog_timeout() -> None:
    assert watchdog_interval({"WATCHDOG_USEC": "30000000"}) == 15.0
    assert watchdog_interval({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": str(os.getpid())}) == 15
    assert watchdog_interval({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "1"}) is None
    assert watchdog_interval({}) is None


def test_systemds_variables_are_kept_for_the_kiosk_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess
    import sys

    from kiosk.system.notify import take_service_environment

    monkeypatch.setenv("NOTIFY_SOCKET", "/run/notify")
    monkeypatch.setenv("WATCHDOG_USEC", "2000000")

    taken = take_service_environment(os.environ)

    assert taken == {"NOTIFY_SOCKET": "/run/notify", "WATCHDOG_USEC": "2000000"}
    # A process the kiosk starts from now on (a D-Bus daemon, say) does not inherit them.
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.environ.get('NOTIFY_SOCKET', 'none'))"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert child.stdout.strip() == "none"
