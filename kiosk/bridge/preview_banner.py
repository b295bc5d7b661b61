"""The banner at the top of an author's preview (kiosk.bridge.preview; PreviewBanner.qml):
what `kiosk-admin bundle validate` says of the screen on show, and when it was read; and
`--screenshot FILE`, one page at its whole length as a PNG."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QMargins, QObject, QUrl, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QmlElement, QmlUncreatable, QQmlComponent, qmlEngine
from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk import launcher
from kiosk.content.bundlefile import BUNDLE_FILE
from kiosk.content.preview import Look, from_folder, relative
from kiosk.content.problems import Problem, Severity
from kiosk.session.navigation import Location, Screen

if TYPE_CHECKING:
    from kiosk.bridge.preview import Preview

# Registered for QML as the module Kiosk (`import Kiosk`), so qmllint knows every slot.
QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger("kiosk.preview")

SHOWN = 4  # problems listed in the banner; the rest are counted
LONGEST_PAGE = 30_000  # px: a screenshot of a page longer than this is cut there


@dataclass(frozen=True)
class Shown:
    """What the banner speaks of: the folder as read, the screen on show and its language,
    and whether the folder no longer loads (the last version that did is on show)."""

    look: Look
    at: Location
    language: str
    stale: bool

    @property
    def on_a_page(self) -> bool:
        return self.at.screen in (Screen.PAGE, Screen.TOUR)

    def file(self) -> Path:
        """The file of the screen on show: the page in its language, else bundle.toml."""
        files = self.files()
        return files[-1] if self.on_a_page and self.look.result.bundle else files[0]

    def files(self) -> tuple[Path, ...]:
        """The files that make the screen on show: a page's, or else bundle.toml and the
        glossaries (the topics, the tour, the clinic, the words explained)."""
        if self.on_a_page and self.look.result.bundle:
            return self.look.page_files(self.at.target, self.language)
        return (self.look.root / BUNDLE_FILE, *self.look.glossaries())


@QmlElement
@QmlUncreatable("the preview makes its banner")
class PreviewBridge(QObject):
    """Signals: `changed` whenever the folder has been read again or the screen changed."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._heading, self._status, self._more, self._worst = "", "", "", ""
        self._lines: list[dict[str, str]] = []
        self._item: QQuickItem | None = None
        self._fit: Callable[[], None] | None = None

    @Property(str, notify=changed)
    def heading(self) -> str:
        """The folder, the file of the screen on show, and when it was read."""
        return self._heading

    @Property(str, notify=changed)
    def status(self) -> str:
        return self._status

    @Property("QVariantList", notify=changed)
    def lines(self) -> list[dict[str, str]]:
        """The first problems of the screen on show: `text` and `severity`."""
        return self._lines

    @Property(str, notify=changed)
    def more(self) -> str:
        """How many more there are here, and how many in other files."""
        return self._more

    @Property(str, notify=changed)
    def worst(self) -> str:
        """ "error", "warning", "note", or "" when the screen has no problems."""
        return self._worst

    def show(self, shown: Shown) -> None:
        root = shown.look.root  # named by the heading: each file is named from it
        here, elsewhere = shown.look.split(shown.files())
        place = relative(shown.file(), root)
        self._heading = f"Preview of {root} · {place} · read at {shown.look.read_at}"
        self._status = _status(here, shown)
        self._lines = [{"text": from_folder(p, root), "severity": p.severity.value}
                       for p in here[:SHOWN]]  # fmt: skip
        self._more = _more(here[SHOWN:], elsewhere, shown)
        self._worst = here[0].severity.value if here else ""
        if shown.look.result.bundle is None:
            self._worst = Severity.ERROR.value
        self.changed.emit()

    def failed(self, status: str) -> None:
        """A reading went wrong (a bug: the terminal has its traceback)."""
        self._status, self._worst = status, Severity.ERROR.value
        self.changed.emit()

    def attach(self, window: QQuickWindow, size: tuple[int, int]) -> None:
        """Put the banner at the top of `window`, which grows by its height so that the
        kiosk below it keeps `size`: as far as the screen allows (a portrait kiosk on a
        laptop's screen: its width, which chooses its layout, and a shorter page to
        scroll)."""
        url = QUrl.fromLocalFile(str(launcher.VIEWS / "PreviewBanner.qml"))
        component = QQmlComponent(qmlEngine(window), url)
        item = component.createWithInitialProperties({"preview": self})
        if not isinstance(item, QQuickItem):
            log.error("the preview banner did not load: %s", component.errorString())
            window.resize(*size)
            return
        self.detach()  # from the window before, if the first load failed
        item.setParent(window)
        window.setProperty("header", item)
        self._item = item
        (width, height), room = size, _room(window.frameMargins())

        def fit() -> None:
            tall = height + (round(item.height()) if item.isVisible() else 0)
            window.resize(width, min(tall, room))

        self._fit = fit
        item.heightChanged.connect(fit)
        item.visibleChanged.connect(fit)
        fit()

    def detach(self) -> None:
        """The window goes: its size no longer follows the banner's, which goes with it."""
        if self._item is not None and self._fit is not None:
            self._item.heightChanged.disconnect(self._fit)
            self._item.visibleChanged.disconnect(self._fit)
        self._item = self._fit = None

    def hide_unless_errors(self) -> None:
        """A screenshot shows the banner only when the page has errors (it is to be read
        by reviewers: warnings and notes go to the terminal)."""
        if self._item is not None:
            self._item.setVisible(self._worst == Severity.ERROR.value)


def _room(margins: QMargins) -> int:
    """How tall a window with these frame margins may be on the screen (no limit
    offscreen, where screenshots are as tall as they need)."""
    if QGuiApplication.platformName() == "offscreen":
        return LONGEST_PAGE
    screen = QGuiApplication.primaryScreen()  # (lives as long as the application)
    if screen is None:
        return LONGEST_PAGE
    return screen.availableGeometry().height() - margins.top() - margins.bottom()


def _counted(problems: list[Problem]) -> str:
    """ "2 errors, 1 warning and 3 notes"."""
    words = []
    for severity in Severity:
        count = sum(p.severity is severity for p in problems)
        if count:
            words.append(f"{count} {severity.value}{'s' if count > 1 else ''}")
    return " and ".join(", ".join(words).rsplit(", ", 1)) if words else ""


def _where(shown: Shown) -> str:
    return "on this page" if shown.on_a_page else "here"


def _status(here: list[Problem], shown: Shown) -> str:
    if shown.stale:
        return ("The content no longer loads: the preview shows the last version that did. "
                "Fix the errors below and save.")  # fmt: skip
    if shown.look.result.bundle is None:
        return "The content does not load: fix the errors below and save."
    return f"{_counted(here)} {_where(shown)}." if here else f"No problems {_where(shown)}."


def _more(rest: list[Problem], elsewhere: list[Problem], shown: Shown) -> str:
    said = [f"…and {len(rest)} more {_where(shown)}."] if rest else []
    if elsewhere:
        said.append(f"In other files: {_counted(elsewhere)} "
                    f"(kiosk-admin bundle validate {shown.look.root}).")  # fmt: skip
    return " ".join(said)


def screenshot(preview: Preview, out: Path) -> int:
    """The screen the preview opened on as a PNG, a page at its whole length; 1 if the
    page has errors (the banner says which) or the file cannot be written."""
    from kiosk.bridge.walk import find_visible, settle

    kiosk = preview.kiosk
    assert kiosk is not None
    preview.banner.hide_unless_errors()
    window = kiosk.window
    window.show()
    settle()
    view = find_visible(window, "pageView")
    if view is not None:  # the rest of the page below the screen: make the window that tall
        below = view.property("contentHeight") - view.height()
        if below > 0:
            tall = round(window.height() + below)
            if tall > LONGEST_PAGE:
                print(f"kiosk: the page is {tall} px long: the picture is cut at {LONGEST_PAGE}",
                      file=sys.stderr)  # fmt: skip
            window.resize(window.width(), min(LONGEST_PAGE, tall))
            settle()
    frame = window.grabWindow()
    if not frame.save(str(out)):
        print(f"kiosk: cannot write {out}: check the folder exists and can be written",
              file=sys.stderr)  # fmt: skip
        return 1
    print(f"kiosk: saved {out} ({frame.width()}×{frame.height()})", file=sys.stderr)
    return 1 if preview.banner.property("worst") == Severity.ERROR.value else 0
