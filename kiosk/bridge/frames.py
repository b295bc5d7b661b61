"""Waiting for Qt Quick to draw a frame (imports only Qt, so benchmarks may use it)."""

from __future__ import annotations

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtQml import qmlEngine
from PySide6.QtQuick import QQuickWindow


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


def wait_until_made(window: QQuickWindow, frames: int = 60) -> None:
    """Draw frames until nothing of `window` is still being made asynchronously (a page
    makes what is below its first screenful in the frames after its first), at most
    `frames` of them."""
    engine = qmlEngine(window)
    controller = engine.incubationController() if engine is not None else None
    for _ in range(frames):
        if controller is None or controller.incubatingObjectCount() == 0:
            return
        wait_for_frame(window)
