"""A real kiosk window, offscreen, and helpers to tap it like a patient."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QAccessible, QKeyEvent
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtQuickControls2 import QQuickStyle
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.bridge.frames import wait_for_frame
from kiosk.bridge.walk import settle
from kiosk.bridge.window import load_fonts
from kiosk.content.loader import LoadResult, read_bundle
from kiosk.session.idle import ManualClock
from tests.conftest import SAMPLE_CONTENT

PORTRAIT = (1080, 1920)
LEFT, NO_MODIFIER = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier


@pytest.fixture(scope="session", autouse=True)
def _qt_setup(qapp: object) -> None:
    QQuickStyle.setStyle("Basic")
    load_fonts()


@pytest.fixture(autouse=True)
def quits(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The exit statuses a kiosk asked to end with; it never really ends the test session."""
    asked: list[int] = []
    monkeypatch.setattr(Kiosk, "quit_app", staticmethod(asked.append))
    return asked


def open_kiosk(
    qtbot: QtBot,
    content: Path | LoadResult,
    size: tuple[int, int] = PORTRAIT,
    clock: ManualClock | None = None,
) -> Kiosk:
    """A shown kiosk whose idle clock moves only when the test moves it."""
    result = content if isinstance(content, LoadResult) else read_bundle(content)
    kiosk = Kiosk(result, clock or ManualClock())
    window = kiosk.window
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return kiosk


@pytest.fixture
def kiosk(qtbot: QtBot) -> Iterator[Kiosk]:
    kiosk = open_kiosk(qtbot, SAMPLE_CONTENT)
    yield kiosk
    kiosk.window.close()
    kiosk.engine.deleteLater()
    settle()


FORM_PASSPHRASE = "a long test passphrase"


@pytest.fixture
def form_data(tmp_path: Path) -> Path:
    """A data folder with the clinic's key pair, so the contact form is on."""
    from kiosk.outbox.keys import INTERACTIVE, new_key_pair

    new_key_pair(tmp_path, FORM_PASSPHRASE, strength=INTERACTIVE)
    return tmp_path


@pytest.fixture
def form_kiosk(qtbot: QtBot, form_data: Path) -> Iterator[Kiosk]:
    """The sample kiosk with its contact form on, saving to `form_data`."""
    from kiosk.bridge.services import open_outbox

    kiosk = open_kiosk(qtbot, SAMPLE_CONTENT)
    kiosk.form.attach(open_outbox(form_data))
    yield kiosk
    kiosk.window.close()
    kiosk.form.close()


def open_contact(kiosk: Kiosk) -> None:
    """The Contact screen, reached from Home as a patient would."""
    kiosk.navigation.home()
    kiosk.navigation.openContact()
    settle()


def items(window: QQuickWindow) -> Iterator[QQuickItem]:
    """Every item in the window, depth first."""
    stack = [window.contentItem()]
    while stack:
        item = stack.pop()
        yield item
        stack.extend(reversed(item.childItems()))


def find(window: QQuickWindow, name: str, frames: int = 10) -> QQuickItem:
    """The first visible item named `name`, waiting up to `frames` frames for it: a page
    makes what is below its first screenful right after its first frame."""
    settle()
    for _ in range(frames):
        wait_for_frame(window)
        found = [i for i in items(window) if i.objectName() == name and i.isVisible()]
        if found:
            return found[0]
        settle()
    raise AssertionError(f"no visible item named {name!r}")


def page_texts(qtbot: QtBot, kiosk: Kiosk, page_id: str = "") -> list[QQuickItem]:
    """Every paragraph (list, table) of the page on show, in reading order, once each is
    made: the ones after the first screenful come right after the first frame."""
    page = kiosk.content.page(page_id or kiosk.navigation.target)
    count = sum(len(block["pieces"]) for block in page["blocks"])

    def shown() -> list[QQuickItem]:
        return [i for i in items(kiosk.window) if i.objectName() == "pageText" and i.isVisible()]

    qtbot.waitUntil(lambda: len(shown()) == count, timeout=5000)
    return shown()


def page_text(qtbot: QtBot, kiosk: Kiosk, page_id: str = "") -> str:
    """The rich text of every paragraph of the page on show."""
    return "\n".join(str(i.property("text")) for i in page_texts(qtbot, kiosk, page_id))


def centre(item: QQuickItem) -> QPoint:
    return item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()


def scroll_into_view(window: QQuickWindow, item: QQuickItem) -> None:
    """Scroll the Flickable holding `item` until it is fully in view, as a patient would."""
    flickable = item.parentItem()
    while flickable is not None and not flickable.inherits("QQuickFlickable"):
        flickable = flickable.parentItem()
    if flickable is None:
        return
    content = flickable.property("contentItem")
    top = item.mapToItem(content, QPointF(0, 0)).y()
    view_top = flickable.property("contentY")
    if top < view_top or top + item.height() > view_top + flickable.height():
        flickable.setProperty("contentY", max(0.0, top - flickable.height() / 3))
        wait_for_frame(window)


def tap(window: QQuickWindow, item_or_name: QQuickItem | str) -> None:
    item = find(window, item_or_name) if isinstance(item_or_name, str) else item_or_name
    scroll_into_view(window, item)
    QTest.mouseClick(window, LEFT, NO_MODIFIER, centre(item))
    settle()


def type_on_hardware_keyboard(window: QQuickWindow, text: str) -> None:
    """Key presses as a USB keyboard sends them, each with its character."""
    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QCoreApplication.sendEvent(window, QKeyEvent(kind, 0, NO_MODIFIER, character))
    settle()


def swipe(window: QQuickWindow, start: QPoint, dx: int) -> None:
    """A finger drag across the screen, in small steps as a real one would."""
    QTest.mousePress(window, LEFT, NO_MODIFIER, start)
    for step in range(1, 11):
        QTest.mouseMove(window, start + QPoint(dx * step // 10, 0), 10)
    QTest.mouseRelease(window, LEFT, NO_MODIFIER, start + QPoint(dx, 0))
    settle()


def accessible_name(item: QQuickItem) -> str:
    interface = QAccessible.queryAccessibleInterface(item)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def text_of(window: QQuickWindow, name: str) -> str:
    return str(find(window, name).property("text"))
