"""Waiting for Qt Quick to draw a frame (imports only Qt, so benchmarks may use it)."""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtQml import qmlEngine
from PySide6.QtQuick import QQuickWindow

log = logging.getLogger("kiosk.app")


def wait_for_frame(window: QQuickWindow, timeout_ms: int = 5000) -> None:
    """Ask for a frame and wait until it is drawn: layouts are final by then."""
    loop = QEventLoop()
    timeout = QTimer(singleShot=True, interval=timeout_ms)
    timeout.timeout.connect(loop.quit)
    window.frameSwapped.connect(loop.quit)
    timeout.start()
    window.update()
    loop.exec()
    timeout.stop()  # a timer left running would call a loop that is gone
    window.frameSwapped.disconnect(loop.quit)


def wait_until_made(window: QQuickWindow, longest_s: float = 10.0) -> None:
    """Draw a frame (a page makes what is below its first screenful right after its first
    frame), then more while anything of `window` is still being made asynchronously, for
    at most `longest_s`; a window not on a screen draws nothing."""
    if not window.isExposed():
        return
    engine = qmlEngine(window)
    controller = engine.incubationController() if engine is not None else None
    deadline = time.monotonic() + longest_s
    wait_for_frame(window)
    QCoreApplication.processEvents()  # what the screen makes once that frame is out
    wait_for_frame(window)
    while controller is not None and controller.incubatingObjectCount():
        if time.monotonic() > deadline:
            log.warning("%d objects still being made after %.0f s",
                        controller.incubatingObjectCount(), longest_s)  # fmt: skip
            return
        wait_for_frame(window)
