"""Walk a kiosk window through every screen: the self-test and the screenshots."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QImage
from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk.bridge.display import DisplayBridge
from kiosk.bridge.navigation import NavigationBridge
from kiosk.bridge.session import SessionBridge
from kiosk.content.model import Bundle
from kiosk.session.idle import READING_IDLE, ManualClock
from kiosk.session.navigation import Location, Screen, every_location

if TYPE_CHECKING:
    from kiosk.app import Kiosk

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
    ) -> None:
        self.window = window
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
        return cls(kiosk.window, bundle, kiosk.navigation, kiosk.display, kiosk.session, clock)

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
    stack = [window.contentItem()]
    while stack:
        item = stack.pop()
        if item.objectName() == name and item.isVisible():
            return item
        stack.extend(item.childItems())
    return None


def settle(rounds: int = 3) -> None:
    """Let bindings, layouts and image loads finish before a frame is taken."""
    for _ in range(rounds):
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def blank(image: QImage) -> bool:
    """True when a frame is empty or a single colour: nothing was drawn."""
    if image.isNull():
        return True
    small = image.scaled(32, 32)
    first = small.pixel(0, 0)
    return all(small.pixel(x, y) == first for x in range(32) for y in range(32))


Check = Callable[[str, bool, str], None]


def self_test(walker: Walker, messages: QtMessages, report: Check) -> None:
    """Render every screen in both orientations; report each as a check."""
    report("content loaded", True, f"{len(walker.locations)} screens to visit")
    for orientation in ORIENTATIONS:
        walker.resize(orientation)
        for location, frame in walker.visit():
            name = f"{orientation} {location_name(location)}"
            problems = messages.take()
            if walker.screen_item() is None:
                problems.append("the screen did not load")
            if blank(frame):
                problems.append("nothing was drawn")
            report(name, not problems, "; ".join(problems))
        walker.navigation.go_to(Location(Screen.HOME))
        frame = walker.idle_warning()
        problems = messages.take() + (["nothing was drawn"] if blank(frame) else [])
        report(f"{orientation} idle warning", not problems, "; ".join(problems))


def screenshots(walker: Walker, out_dir: Path) -> list[Path]:
    """A PNG of every screen in both orientations, plus large text and high contrast."""
    out_dir.mkdir(parents=True, exist_ok=True)
    saved = []
    for orientation in ORIENTATIONS:
        walker.resize(orientation)
        for number, (location, frame) in enumerate(walker.visit(), start=1):
            path = out_dir / f"{orientation}-{number:02d}-{location_name(location)}.png"
            _save(frame, path)
            saved.append(path)
            if location.screen is Screen.PAGE:
                saved += _rest_of_page(walker, path)
        saved += _keyboards(walker, out_dir, orientation)
        walker.navigation.go_to(Location(Screen.PAGE, first_page(walker).target))
        settle()
        path = out_dir / f"{orientation}-zz-idle-warning.png"
        _save(walker.idle_warning(), path)
        saved += [path, *_glossary_card(walker, out_dir / f"{orientation}-zz-glossary-card")]
        walker.display.setTextStep(walker.display.property("textSteps") - 1)
        walker.display.setHighContrast(True)
        for location in (Location(Screen.HOME), first_page(walker), walker.locations[-1]):
            walker.navigation.go_to(location)
            settle()
            path = out_dir / f"{orientation}-zz-{location_name(location)}-large-contrast.png"
            _save(walker.window.grabWindow(), path)
            saved.append(path)
        saved += _glossary_card(walker, out_dir / f"{orientation}-zz-glossary-card-large-contrast")
        walker.display.reset()
    return saved


def _rest_of_page(walker: Walker, first: Path) -> list[Path]:
    """The page scrolled a screen at a time to its end: `<first>-part2.png`, ..."""
    view = find_visible(walker.window, "pageView")
    if view is None:
        return []
    saved = []
    step = view.height() * 0.85  # a little of the screen before stays in view
    bottom = view.property("contentHeight") - view.height()
    while view.property("contentY") < bottom - 1:
        view.setProperty("contentY", min(bottom, view.property("contentY") + step))
        settle()
        path = first.with_name(f"{first.stem}-part{len(saved) + 2}.png")
        _save(walker.window.grabWindow(), path)
        saved.append(path)
    view.setProperty("contentY", 0)
    return saved


def form_screenshots(walker: Walker, out_dir: Path) -> list[Path]:
    """The Contact screen with the form on, and each keyboard layout, in both orientations."""
    saved = []
    for orientation in ORIENTATIONS:
        walker.resize(orientation)
        walker.navigation.go_to(Location(Screen.CONTACT))
        settle()
        path = out_dir / f"{orientation}-zz-contact-form.png"
        _save(walker.window.grabWindow(), path)
        saved += [path, *_keyboards(walker, out_dir, orientation)]
    return saved


KEYBOARD_FIELDS = {
    "letters": "fieldNameInput",
    "phone": "fieldPhoneInput",
    "email": "fieldEmailInput",
}


def _keyboards(walker: Walker, out_dir: Path, orientation: str) -> list[Path]:
    """The Contact screen with each keyboard layout up, when the form is on."""
    walker.navigation.go_to(Location(Screen.CONTACT))
    settle()
    saved = []
    for layout, name in KEYBOARD_FIELDS.items():
        field = find_visible(walker.window, name)
        if field is None:
            break  # the form is off: no clinic key on this kiosk
        field.forceActiveFocus()
        settle()
        path = out_dir / f"{orientation}-zz-contact-keyboard-{layout}.png"
        _save(walker.window.grabWindow(), path)
        saved.append(path)
    return saved


def _glossary_card(walker: Walker, stem: Path) -> list[Path]:
    """The first glossary word's card over the first page (`<stem>.png`), if there is one."""
    walker.navigation.go_to(first_page(walker))
    if not walker.navigation.openTerm("0"):
        return []
    settle()
    path = stem.with_name(f"{stem.name}.png")
    _save(walker.window.grabWindow(), path)
    walker.navigation.closeTerm()
    return [path]


def first_page(walker: Walker) -> Location:
    return next(loc for loc in walker.locations if loc.screen is Screen.PAGE)


def _save(frame: QImage, path: Path) -> None:
    if not frame.save(str(path)):
        raise OSError(f"could not write {path.name}")
