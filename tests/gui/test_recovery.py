"""Locked down and self-healing: no closing, no dialogs, back to Home after an error."""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtQml import QQmlComponent
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.bridge.recovery import Recovery
from kiosk.bridge.walk import settle
from kiosk.bridge.window import fill_screen, present
from kiosk.config import load_config
from tests.conftest import REPO


@pytest.fixture
def recovery(kiosk: Kiosk) -> Iterator[Recovery]:
    recovery = Recovery(kiosk.navigation, kiosk.engine)
    recovery.install(kiosk.engine)
    yield recovery
    recovery.uninstall()


def test_kiosk_mode_refuses_to_close(kiosk: Kiosk) -> None:
    window = kiosk.window
    window.setProperty("locked", True)

    window.close()  # what Alt+F4 or the desktop asks for
    settle()

    assert window.isVisible()
    window.setProperty("locked", False)
    window.close()
    settle()
    assert not window.isVisible()


class _NoWindowManager(QWindow):
    """A bare X server: nothing acts on a request for full screen."""

    def showFullScreen(self) -> None:
        self.show()


def test_kiosk_mode_covers_the_screen_even_without_a_window_manager(qtbot: QtBot) -> None:
    window = _NoWindowManager()
    window.resize(320, 240)

    fill_screen(window)
    qtbot.waitExposed(window)

    assert window.size() == window.screen().size()
    window.close()


def test_kiosk_mode_locks_the_window_and_hides_the_pointer(kiosk: Kiosk, qtbot: QtBot) -> None:
    config = load_config(None, {"KIOSK_DISPLAY_FULLSCREEN": "true",
                                "KIOSK_DISPLAY_HIDE_CURSOR": "true"})  # fmt: skip
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)

    present(kiosk.window, app, argparse.Namespace(windowed=False, size=None), config)
    try:
        qtbot.waitUntil(lambda: QGuiApplication.overrideCursor() is not None)
        cursor = QGuiApplication.overrideCursor()
        assert cursor is not None
        assert cursor.shape() == Qt.CursorShape.BlankCursor
        assert kiosk.window.property("locked") is True
        assert kiosk.window.size() == kiosk.window.screen().size()
    finally:
        QGuiApplication.restoreOverrideCursor()
        kiosk.window.setProperty("locked", False)


class _Failing(QObject):
    fired = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.fired.connect(self.explode)

    def explode(self) -> None:
        raise RuntimeError("a bug in a slot")


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_ends_on_home_with_a_log_line(
    kiosk: Kiosk, recovery: Recovery, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    kiosk.navigation.home()
    kiosk.navigation.openPage("migraine")
    failing = _Failing()

    QTimer.singleShot(0, failing.fired.emit)
    qtbot.waitUntil(lambda: kiosk.navigation.screen == "home", timeout=3000)

    assert "unexpected error; going back to Home" in caplog.text
    assert "RuntimeError: a bug in a slot" in caplog.text


@pytest.mark.qt_log_level_fail("CRITICAL")
def test_a_qml_error_ends_on_home_with_a_log_line(
    kiosk: Kiosk, recovery: Recovery, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    kiosk.navigation.home()
    kiosk.navigation.openTopic("conditions")
    component = QQmlComponent(kiosk.engine)
    component.setData(b"import QtQuick\nItem { width: noSuchThing.width }", QUrl("file:///bug.qml"))

    broken = component.create()
    qtbot.waitUntil(lambda: kiosk.navigation.screen == "home", timeout=3000)

    assert broken is not None
    assert "QML: file:///bug.qml:2" in caplog.text
    assert "noSuchThing is not defined" in caplog.text


def test_the_kiosk_tells_systemd_it_is_ready(tmp_path: Path) -> None:
    path = str(tmp_path / "notify.sock")
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as listener:
        listener.bind(path)
        listener.settimeout(30)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_QUICK_BACKEND": "software",
               "NOTIFY_SOCKET": path}  # fmt: skip
        result = subprocess.run(
            [sys.executable, "-m", "kiosk", "--quit-after-first-frame", "--windowed"],
            cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip

        assert result.returncode == 0, result.stderr
        assert listener.recv(64) == b"READY=1"
