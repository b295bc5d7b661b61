"""When something goes wrong while a patient is using the kiosk: log it, go Home.

Uncaught Python exceptions (from slots, timers, bindings calling into Python),
QML errors and Qt's own messages all end up in the log; a patient sees the
Home screen again, never a dialog or a traceback.
"""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtCore import QMessageLogContext, QObject, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtQml import QQmlApplicationEngine, QQmlError

from kiosk.bridge.navigation import NavigationBridge
from kiosk.session.navigation import Screen

log = logging.getLogger("kiosk.app")
qt_log = logging.getLogger("kiosk.qt")

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


class Recovery(QObject):
    """Installs the handlers; `recover()` brings the patient back to Home."""

    def __init__(self, navigation: NavigationBridge, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._navigation = navigation

    def install(self, engine: QQmlApplicationEngine) -> None:
        self._previous = sys.excepthook, qInstallMessageHandler(self._qt_message)
        sys.excepthook = self._uncaught
        engine.warnings.connect(self._qml_errors)

    def uninstall(self) -> None:
        """Put back the handlers that were there before (tests use it)."""
        sys.excepthook, handler = self._previous
        qInstallMessageHandler(handler)

    def recover(self) -> None:
        """Back to Home, after the current event: the failing code may still be running."""
        if self._navigation.property("screen") not in (Screen.HOME, Screen.ATTRACT):
            QTimer.singleShot(0, self._navigation.home)

    def _uncaught(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        log.error("unexpected error; going back to Home", exc_info=(kind, error, trace))
        self.recover()

    def _qml_errors(self, errors: list[QQmlError]) -> None:
        for error in errors:
            log.error("QML: %s", error.toString())
        self.recover()

    def _qt_message(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        qt_log.log(_LEVELS.get(kind, logging.WARNING), "%s", message)
