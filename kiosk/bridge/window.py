"""The kiosk's window on screen: Qt started with the house style and font, and the window
shown as the settings ask (full screen and locked, or a window for development)."""

from __future__ import annotations

import argparse
import logging
import os

import PySide6.QtQuick  # noqa: F401  (must be imported before engine.rootObjects())
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QWindow
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow
from PySide6.QtQuickControls2 import QQuickStyle

from kiosk import launcher
from kiosk.config import Config
from kiosk.i18n.catalogue import available, catalogue
from kiosk.system.notify import take_service_environment

log = logging.getLogger("kiosk.app")

FONT_FAMILY = "Atkinson Hyperlegible"
SERVICE_ENVIRONMENT = "serviceEnvironment"  # the app's property: systemd's variables


def start_qt(argv0: str, offscreen: bool) -> QGuiApplication:
    """The application, offscreen for the self-test and screenshots, with the Basic style."""
    if offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        os.environ.setdefault("QT_QUICK_BACKEND", "software")
    service = take_service_environment(os.environ)  # before Qt starts a child that inherits them
    QQuickStyle.setStyle("Basic")
    app = QGuiApplication([argv0])
    app.setProperty(SERVICE_ENVIRONMENT, service)  # for start_service_pings
    load_fonts()
    return app


def load_fonts() -> None:
    for font in sorted((launcher.RESOURCES / "fonts").glob("*.ttf")):
        if QFontDatabase.addApplicationFont(str(font)) < 0:
            log.warning("could not load the font %s", font.name)
    QGuiApplication.setFont(QFont(FONT_FAMILY))


def present(window: QWindow, app: QGuiApplication, options: argparse.Namespace,
            config: Config) -> None:  # fmt: skip
    """A window of the given size, or kiosk mode: full screen, locked, maybe no pointer."""
    if options.windowed or not config.flag("display.fullscreen"):
        window.resize(*(options.size or launcher.window_size(config.text("display.size"))))
        window.show()
        return
    window.setProperty("locked", True)
    fill_screen(window)
    if config.flag("display.hide_cursor"):
        QTimer.singleShot(0, lambda: hide_cursor(app))  # once the first frame is on its way


def hide_cursor(app: QGuiApplication) -> None:
    """No pointer over a touchscreen. Qt's namespace, which this needs, costs PySide
    ~20 ms to build: so it is built here, after the first frame, not at import."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QCursor

    app.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))


def fill_screen(window: QWindow) -> None:
    """Full screen, also where no window manager acts on the request (a bare X server)."""
    window.setGeometry(window.screen().geometry())
    window.showFullScreen()


def being_updated() -> list[dict[str, str]]:
    """What the "being updated" screen says, in every language the kiosk speaks: with no
    content there is no language button, and no way to know the patient's language."""
    said = []
    for language in available():
        words = catalogue(language)
        said.append({
            "language": language,
            "title": words.translate("Unavailable", "This screen is being updated"),
            "text": words.translate(
                "Unavailable", "Please ask the front desk. Thank you for your patience."),
        })  # fmt: skip
    return said


def load_view(engine: QQmlApplicationEngine, view: str) -> bool:
    """Load kiosk/views/<view>; False when it made no window (QML errors are logged)."""
    before = len(engine.rootObjects())
    engine.load(QUrl.fromLocalFile(str(launcher.VIEWS / view)))
    return len(engine.rootObjects()) > before


def shown_window(engine: QQmlApplicationEngine) -> QQuickWindow:
    """The window loaded last: the kiosk, or the 'being updated' fallback."""
    window = engine.rootObjects()[-1]
    assert isinstance(window, QQuickWindow)
    return window
