"""The question before typed words are cleared: asked by "I'm done", Home, Back and
Escape on the form, answered by touch or keys, and nothing beneath it reachable."""

from __future__ import annotations

from PySide6.QtTest import QTest

from kiosk.app import Kiosk
from kiosk.bridge.walk import settle
from tests.gui.conftest import centre, find, open_contact, tap
from tests.gui.test_keyboard import Key, focused, press, type_text


def test_im_done_asks_first_when_the_form_holds_typed_words(form_kiosk: Kiosk) -> None:
    kiosk = form_kiosk
    open_contact(kiosk)
    tap(kiosk.window, "fieldNameInput")
    type_text(kiosk, "Half typed")

    tap(kiosk.window, "doneButton")
    assert find(kiosk.window, "confirmDone").isVisible()
    tap(kiosk.window, "confirmDoneNo")
    assert kiosk.navigation.screen == "contact"
    assert find(kiosk.window, "fieldNameInput").property("text") == "Half typed"

    tap(kiosk.window, "doneButton")
    tap(kiosk.window, "confirmDoneYes")
    assert kiosk.navigation.screen == "attract"


def test_im_done_clears_at_once_when_nothing_is_typed(form_kiosk: Kiosk) -> None:
    kiosk = form_kiosk
    open_contact(kiosk)

    tap(kiosk.window, "doneButton")

    assert kiosk.navigation.screen == "attract"


def _half_typed(kiosk: Kiosk) -> None:
    kiosk.navigation.home()
    kiosk.navigation.openPage("welcome")
    kiosk.navigation.openContact()
    settle()
    tap(kiosk.window, "fieldNameInput")
    type_text(kiosk, "Half typed")


def test_back_and_escape_ask_before_leaving_typed_words(form_kiosk: Kiosk) -> None:
    kiosk = form_kiosk
    _half_typed(kiosk)

    press(kiosk, Key.Key_Escape)
    assert find(kiosk.window, "confirmDone").isVisible()
    press(kiosk, Key.Key_Escape)  # Escape answers the question: keep
    assert kiosk.navigation.screen == "contact"
    assert find(kiosk.window, "fieldNameInput").property("text") == "Half typed"

    tap(kiosk.window, "backButton")
    assert find(kiosk.window, "confirmDone").isVisible()
    tap(kiosk.window, "confirmDoneYes")
    assert kiosk.navigation.screen == "page"  # Back, as asked: the page before


def test_nothing_beneath_the_question_can_be_touched(form_kiosk: Kiosk) -> None:
    kiosk = form_kiosk
    _half_typed(kiosk)
    contrast = find(kiosk.window, "contrastButton")
    tap(kiosk.window, "doneButton")
    assert find(kiosk.window, "confirmDone").isVisible()

    touch = QTest.createTouchDevice()
    QTest.touchEvent(kiosk.window, touch).press(0, centre(contrast)).commit()
    QTest.touchEvent(kiosk.window, touch).release(0, centre(contrast)).commit()
    settle()

    assert not kiosk.display.highContrast  # the finger reached only the question
    assert find(kiosk.window, "confirmDone").isVisible()


def test_tab_stays_inside_the_question(form_kiosk: Kiosk) -> None:
    kiosk = form_kiosk
    _half_typed(kiosk)
    tap(kiosk.window, "doneButton")

    names = []
    for _ in range(4):
        press(kiosk, Key.Key_Tab)
        names.append(focused(kiosk).objectName())

    assert set(names) == {"confirmDoneNo", "confirmDoneYes"}
