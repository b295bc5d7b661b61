"""A glossary word on a page: tap it, read what it means on a big card, close it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, QMetaObject, QPointF, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.bridge.walk import find_visible, settle
from kiosk.session.idle import READING_IDLE, WARNING, ManualClock
from tests.conftest import SAMPLE_CONTENT
from tests.gui.conftest import LEFT, NO_MODIFIER, accessible_name, find, items, open_kiosk, tap

PAGE = "ketamine"


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def kiosk(qtbot: QtBot, clock: ManualClock) -> Iterator[Kiosk]:
    kiosk = open_kiosk(qtbot, SAMPLE_CONTENT, clock=clock)
    kiosk.navigation.home()
    kiosk.navigation.openPage(PAGE)
    yield kiosk
    kiosk.window.close()
    kiosk.engine.deleteLater()
    settle()


def _first_word(kiosk: Kiosk) -> tuple[QQuickItem, QPointF, str]:
    """The first glossary word on the page: its text, a point on it, the term's key."""
    window = kiosk.window
    find(window, "pageText")  # the page has been drawn
    for body in [i for i in items(window) if i.objectName() == "pageText" and i.isVisible()]:
        for y in range(0, int(body.height()), 8):
            for x in range(0, int(body.width()), 12):
                link = QMetaObject.invokeMethod(
                    body, "linkAt", Q_RETURN_ARG(str), Q_ARG(float, x), Q_ARG(float, y)
                )
                if link.startswith("kiosk:term/"):
                    return body, QPointF(x + 4, y + 2), link.removeprefix("kiosk:term/")
    raise AssertionError("no glossary word on the page")


def _tap_first_word(kiosk: Kiosk) -> tuple[str, str]:
    """Tap the page's first glossary word as a finger would; the term and its definition."""
    body, point, key = _first_word(kiosk)
    QTest.mouseClick(kiosk.window, LEFT, NO_MODIFIER, body.mapToScene(point).toPoint())
    settle()
    assert kiosk.result.bundle is not None
    term = list(kiosk.result.bundle.glossary)[int(key)]
    return term, kiosk.result.bundle.glossary[term]


def _card_shown(kiosk: Kiosk) -> bool:
    return find_visible(kiosk.window, "glossaryCard") is not None


def test_tapping_a_word_opens_its_card_over_the_page(kiosk: Kiosk) -> None:
    window = kiosk.window

    term, definition = _tap_first_word(kiosk)

    assert _card_shown(kiosk)
    assert find(window, "glossaryTerm").property("text") == term
    assert find(window, "glossaryDefinition").property("text") == definition
    assert (kiosk.navigation.screen, kiosk.navigation.target) == ("page", PAGE)
    close = find(window, "glossaryClose")
    assert close.height() >= 88
    assert close.width() >= 88
    assert accessible_name(close) == "Close"
    box = QAccessible.queryAccessibleInterface(find(window, "glossaryCardBox"))
    assert box is not None
    assert box.role() == QAccessible.Role.Dialog
    assert box.text(QAccessible.Text.Name) == term
    assert box.text(QAccessible.Text.Description) == definition


def test_close_closes_the_card_and_leaves_the_page_as_it_was(kiosk: Kiosk, qtbot: QtBot) -> None:
    _tap_first_word(kiosk)
    assert _card_shown(kiosk)

    tap(kiosk.window, "glossaryClose")

    qtbot.waitUntil(lambda: not _card_shown(kiosk), timeout=3000)
    assert (kiosk.navigation.screen, kiosk.navigation.target) == ("page", PAGE)


def test_escape_and_a_tap_beside_the_card_close_it_without_going_back(
    kiosk: Kiosk, qtbot: QtBot
) -> None:
    window = kiosk.window
    _tap_first_word(kiosk)

    QTest.keyClick(window, Qt.Key.Key_Escape)

    qtbot.waitUntil(lambda: not _card_shown(kiosk), timeout=3000)
    assert (kiosk.navigation.screen, kiosk.navigation.target) == ("page", PAGE)
    _tap_first_word(kiosk)
    assert _card_shown(kiosk)
    QTest.mouseClick(window, LEFT, NO_MODIFIER, find(window, "glossaryCard").mapToScene(
        QPointF(10, window.height() - 10)).toPoint())  # fmt: skip
    qtbot.waitUntil(lambda: not _card_shown(kiosk), timeout=3000)
    assert (kiosk.navigation.screen, kiosk.navigation.target) == ("page", PAGE)


def test_the_idle_reset_closes_the_card(kiosk: Kiosk, clock: ManualClock, qtbot: QtBot) -> None:
    _tap_first_word(kiosk)
    assert _card_shown(kiosk)

    clock.advance(READING_IDLE + WARNING + 1)
    kiosk.session.tick()

    qtbot.waitUntil(lambda: kiosk.navigation.screen == "attract", timeout=3000)
    qtbot.waitUntil(lambda: not _card_shown(kiosk), timeout=3000)
    assert kiosk.navigation.term == ""


def test_im_done_and_going_back_close_the_card(kiosk: Kiosk, qtbot: QtBot) -> None:
    _tap_first_word(kiosk)
    kiosk.navigation.back()
    qtbot.waitUntil(lambda: not _card_shown(kiosk), timeout=3000)

    kiosk.navigation.openPage(PAGE)
    _tap_first_word(kiosk)
    kiosk.session.done()
    qtbot.waitUntil(lambda: not _card_shown(kiosk), timeout=3000)


def test_the_words_on_a_page_are_buttons_that_say_what_they_mean(
    kiosk: Kiosk, qtbot: QtBot
) -> None:
    window = kiosk.window
    _, _, key = _first_word(kiosk)
    button = find(window, f"pageTerm_{key}")
    interface = QAccessible.queryAccessibleInterface(button)
    assert kiosk.result.bundle is not None
    term = list(kiosk.result.bundle.glossary)[int(key)]

    assert interface is not None
    assert interface.role() == QAccessible.Role.Button
    assert interface.text(QAccessible.Text.Name) == term
    assert interface.text(QAccessible.Text.Description) == kiosk.result.bundle.glossary[term]
    tap(window, button)
    qtbot.waitUntil(lambda: _card_shown(kiosk), timeout=3000)
    assert find(window, "glossaryTerm").property("text") == term
