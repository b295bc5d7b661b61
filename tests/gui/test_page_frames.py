"""A tap on a page draws its first screenful in the next frame; the paragraphs and buttons
below it right after that frame, all of them, in reading order."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, QPointF, Qt
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.bridge.frames import wait_for_frame
from kiosk.bridge.walk import every_visible, settle
from kiosk.content.loader import read_bundle
from kiosk.session.idle import ManualClock
from kiosk.session.navigation import Location, Screen
from tests.conftest import SAMPLE_CONTENT
from tests.gui.conftest import PORTRAIT, accessible_name, find, open_kiosk, page_texts


def _pieces(kiosk: Kiosk, page_id: str) -> list[dict[str, object]]:
    blocks = kiosk.content.page(page_id)["blocks"]
    return [piece for block in blocks for piece in block["pieces"]]


class FirstFrame:
    """What the first frame after opening a page drew, seen as it was rendered: the
    bottom (in the window) of each paragraph, and whether its buttons were there."""

    def __init__(self, kiosk: Kiosk, page_id: str) -> None:
        self.bottoms: list[float] = []
        self.buttons = False
        window = kiosk.window
        window.afterRendering.connect(self._look, Qt.ConnectionType.DirectConnection)
        self._window, self._seen = window, False
        kiosk.navigation.openPage(page_id)
        wait_for_frame(window)
        window.afterRendering.disconnect(self._look)

    def _look(self) -> None:
        if self._seen:
            return
        self._seen = True
        for item in every_visible(self._window, "pageText"):
            self.bottoms.append(item.mapToScene(QPointF(0, item.height())).y())
        self.buttons = next(every_visible(self._window, "pageLink_ketamine"), None) is not None


def test_the_first_frame_of_a_page_holds_its_first_screenful_and_then_all_of_it(
    kiosk: Kiosk, qtbot: QtBot
) -> None:
    kiosk.navigation.home()
    settle()
    pieces = _pieces(kiosk, "opioids")
    soon = [piece for piece in pieces if piece["soon"]]
    assert len(soon) < len(pieces)

    first = FirstFrame(kiosk, "opioids")

    assert len(first.bottoms) == len(soon)  # the first screenful
    assert not first.buttons  # below it: made after the frame
    shown = page_texts(qtbot, kiosk)
    assert [accessible_name(item) for item in shown] == [piece["text"] for piece in pieces]
    tops = [item.mapToScene(QPointF(0, 0)).y() for item in shown]
    bottoms = [top + item.height() for top, item in zip(tops, shown, strict=True)]
    assert all(b <= t for b, t in zip(bottoms, tops[1:], strict=False))  # one after another
    assert find(kiosk.window, "pageLink_ketamine").property("text")  # the buttons came too


PAGES = sorted(p.stem for p in (SAMPLE_CONTENT / "pages").glob("*.md"))


@pytest.mark.parametrize("size", [PORTRAIT, (1920, 1080)], ids=["portrait", "landscape"])
def test_the_first_frame_of_every_page_fills_the_screen(
    qtbot: QtBot, size: tuple[int, int]
) -> None:
    """What is laid out later is below the screen, never a gap at its bottom."""
    kiosk = open_kiosk(qtbot, SAMPLE_CONTENT, size)
    short, whole = [], 0
    for page_id in PAGES:
        kiosk.navigation.home()
        settle()
        first = FirstFrame(kiosk, page_id)
        if len(first.bottoms) == len(_pieces(kiosk, page_id)):
            whole += 1  # all of it in the first frame
            continue
        view = find(kiosk.window, "pageView")
        if first.bottoms[-1] < view.mapToScene(QPointF(0, view.height())).y():
            short.append(page_id)
    kiosk.window.close()
    assert short == []
    assert whole < len(PAGES) / 2  # most pages are longer than a screen


def test_a_kiosk_can_open_on_a_page_without_making_the_attract_screen(qtbot: QtBot) -> None:
    """As an author's preview opens on the page being written."""
    start = Location(Screen.PAGE, "migraine")
    kiosk = Kiosk(read_bundle(SAMPLE_CONTENT, trusted=True), ManualClock(), start_on=start)
    kiosk.window.resize(*PORTRAIT)
    kiosk.window.show()
    qtbot.waitExposed(kiosk.window)

    assert kiosk.navigation.screen == "page"
    assert find(kiosk.window, "pageTitle").property("text") == "Migraine"
    assert kiosk.window.findChild(QObject, "attractStart") is None
    kiosk.window.close()
    kiosk.engine.deleteLater()
    settle()
