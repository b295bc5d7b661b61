"""Walk a kiosk window through every screen: the self-test and the screenshots."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk.bridge.display import DisplayBridge
from kiosk.bridge.frames import wait_until_made
from kiosk.bridge.navigation import NavigationBridge
from kiosk.bridge.session import SessionBridge
from kiosk.content.model import Bundle
from kiosk.session.idle import READING_IDLE, ManualClock
from kiosk.session.navigation import Location, Screen, every_location

if TYPE_CHECKING:
    from kiosk.app import Kiosk
    from kiosk.bridge.language import LanguageBridge

log = logging.getLogger("kiosk.app")

ORIENTATIONS = {"portrait": (1080, 1920), "landscape": (1920, 1080)}


@dataclass
class QtMessages:
    """Qt's warnings while it is installed, so a QML mistake fails the self-test."""

    warnings: list[str] = field(default_factory=list)

    def __enter__(self) -> QtMessages:
        self._previous = qInstallMessageHandler(self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        qInstallMessageHandler(self._previous)

    def _handle(self, kind: QtMsgType, context: object, message: str) -> None:
        if kind in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            self.warnings.append(message)
        log.debug("qt: %s", message)

    def take(self) -> list[str]:
        taken, self.warnings = self.warnings, []
        return taken


def location_name(location: Location) -> str:
    parts = [location.screen.value]
    if location.screen is Screen.TOUR:
        parts.append(f"step{location.step + 1}")
    if location.target:
        parts.append(location.target)
    return "-".join(parts)


class Walker:
    """Moves one window through every location and renders each one."""

    def __init__(
        self,
        window: QQuickWindow,
        bundle: Bundle,
        navigation: NavigationBridge,
        display: DisplayBridge,
        session: SessionBridge,
        clock: ManualClock,
        language: LanguageBridge | None = None,
    ) -> None:
        self.window = window
        self.language = language
        self.languages = bundle.languages[1:]  # besides the default, each walked in turn
        self.navigation = navigation
        self.display = display
        self.session = session
        self.clock = clock
        self.locations = every_location(
            bundle.tour, list(bundle.pages), [t.id for t in bundle.topics]
        )

    @classmethod
    def of(cls, kiosk: Kiosk) -> Walker:
        bundle, clock = kiosk.result.bundle, kiosk.clock
        assert bundle is not None
        assert isinstance(clock, ManualClock), "walk only a kiosk on a manual clock"
        return cls(kiosk.window, bundle, kiosk.navigation, kiosk.display, kiosk.session, clock,
                   kiosk.language)  # fmt: skip

    def in_each_language(self) -> Iterator[str]:
        """Show the default language, then each other; yield "" for the default, else
        the language's tag. Back in the default at the end."""
        yield ""
        for language in self.languages:
            if self.language is not None:
                self.language.choose(language)
                settle()
                yield language
        if self.language is not None:
            self.language.reset()
            settle()

    def resize(self, orientation: str) -> None:
        width, height = ORIENTATIONS[orientation]
        self.window.resize(width, height)
        self.window.show()  # Qt lays items out only in a window that is shown
        settle()

    def visit(self) -> Iterator[tuple[Location, QImage]]:
        for location in self.locations:
            if not self.navigation.go_to(location):
                raise LookupError(f"cannot reach {location_name(location)}")
            settle()
            yield location, self.window.grabWindow()

    def idle_warning(self) -> QImage:
        """Leave the current screen untouched until the warning shows; its frame."""
        self.clock.advance(READING_IDLE + 1)
        self.session.tick()
        settle()
        frame = self.window.grabWindow()
        self.session.stillHere()
        settle()
        return frame

    def screen_item(self) -> QQuickItem | None:
        loader = self.window.findChild(QObject, "screen")
        item = loader.property("item") if loader is not None else None
        return item if isinstance(item, QQuickItem) else None


def find_visible(window: QQuickWindow, name: str) -> QQuickItem | None:
    """The visible item called `name`; items being torn down are not visible."""
    return next(every_visible(window, name), None)


def every_visible(window: QQuickWindow, name: str) -> Iterator[QQuickItem]:
    """Each visible item called `name`, in the order of the screen's items (a page's
    paragraphs in reading order)."""
    stack = [window.contentItem()]
    while stack:
        item = stack.pop()
        if item.objectName() == name and item.isVisible():
            yield item
        stack.extend(reversed(item.childItems()))


def settle(rounds: int = 3) -> None:
    """Let bindings, layouts and image loads finish, and what a screen makes after its
    first frame (kiosk.bridge.frames.wait_until_made), before a frame is taken."""
    for _ in range(rounds):
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    for window in QGuiApplication.topLevelWindows():
        if isinstance(window, QQuickWindow) and window.isVisible():
            wait_until_made(window)


def blank(image: QImage) -> bool:
    """True when a frame is empty or a single colour: nothing was drawn."""
    if image.isNull():
        return True
    small = image.scaled(32, 32)
    first = small.pixel(0, 0)
    return all(small.pixel(x, y) == first for x in range(32) for y in range(32))


Check = Callable[[str, bool, str], None]


def self_test(walker: Walker, messages: QtMessages, report: Check) -> None:
    """Render every screen in both orientations, in every language; report each as a check."""
    report("content loaded", True, f"{len(walker.locations)} screens to visit")
    for language in walker.in_each_language():
        _self_test_in(walker, messages, report, f"{language} " if language else "")


def _self_test_in(walker: Walker, messages: QtMessages, report: Check, prefix: str) -> None:
    for orientation in ORIENTATIONS:
        walker.resize(orientation)
        for location, frame in walker.visit():
            name = f"{prefix}{orientation} {location_name(location)}"
            problems = messages.take()
            if walker.screen_item() is None:
                problems.append("the screen did not load")
            if blank(frame):
                problems.append("nothing was drawn")
            report(name, not problems, "; ".join(problems))
        walker.navigation.go_to(Location(Screen.HOME))
        frame = walker.idle_warning()
        problems = messages.take() + (["nothing was drawn"] if blank(frame) else [])
        report(f"{prefix}{orientation} idle warning", not problems, "; ".join(problems))


def first_page(walker: Walker) -> Location:
    return next(loc for loc in walker.locations if loc.screen is Screen.PAGE)
