"""A tap on a page draws its first screenful in the next frame; the paragraphs and buttons
below it come in the frames after, all of them, in reading order."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPointF
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.bridge.frames import wait_for_frame
from kiosk.bridge.walk import every_visible, settle
from kiosk.content.loader import read_bundle
from kiosk.session.idle import ManualClock
from kiosk.session.navigation import Location, Screen
from tests.conftest import SAMPLE_CONTENT
from tests.gui.conftest import PORTRAIT, accessible_name, find, page_texts


def _pieces(kiosk: Kiosk, page_id: str) -> list[dict[str, object]]:
    blocks = kiosk.content.page(page_id)["blocks"]
    return [piece for block in blocks for piece in block["pieces"]]


def test_the_first_frame_of_a_page_holds_its_first_screenful_and_then_all_of_it(
    kiosk: Kiosk, qtbot: QtBot
) -> None:
    kiosk.navigation.home()
    settle()
    pieces = _pieces(kiosk, "opioids")
    soon = [piece for piece in pieces if piece["soon"]]
    assert len(soon) < len(pieces)

    kiosk.navigation.openPage("opioids")
    wait_for_frame(kiosk.window)  # the frame right after the tap

    first = list(every_visible(kiosk.window, "pageText"))
    assert [accessible_name(item) for item in first] == [piece["text"] for piece in soon]
    assert list(every_visible(kiosk.window, "pageLink_ketamine")) == []  # below: not yet made
    shown = page_texts(qtbot, kiosk)
    assert [accessible_name(item) for item in shown] == [piece["text"] for piece in pieces]
    tops = [item.mapToScene(QPointF(0, 0)).y() for item in shown]
    bottoms = [top + item.height() for top, item in zip(tops, shown, strict=True)]
    assert all(b <= t for b, t in zip(bottoms, tops[1:], strict=False))  # one after another
    assert find(kiosk.window, "pageLink_ketamine").property("text")  # the buttons came too


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
