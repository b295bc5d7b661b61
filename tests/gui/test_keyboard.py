"""The whole patient journey with a keyboard (or a switch sending Tab and Enter) alone:
no mouse, no touch. Focus rings show for the keyboard and never for a touch."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from kiosk.app import Kiosk
from kiosk.bridge.walk import settle
from kiosk.outbox.envelope import envelope, open_envelope
from kiosk.outbox.keys import read_private_key
from kiosk.outbox.store import DATABASE
from tests.gui.conftest import (
    FORM_PASSPHRASE,
    find,
    open_contact,
    tap,
    type_on_hardware_keyboard,
)

Key = Qt.Key
TAB_LIMIT = 120  # more Tabs than any screen has controls


def press(
    kiosk: Kiosk, key: Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    QTest.keyClick(kiosk.window, key, modifier)
    settle()


def focused(kiosk: Kiosk) -> QQuickItem:
    item = kiosk.window.activeFocusItem()
    assert item is not None
    return item


def tab_to(kiosk: Kiosk, name: str, backwards: bool = False) -> QQuickItem:
    """Tab (or Shift+Tab) until `name` has the focus, as a keyboard user would."""
    key, modifier = (Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier) if backwards else (
        Key.Key_Tab, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    seen = []
    for _ in range(TAB_LIMIT):
        press(kiosk, key, modifier)
        item = focused(kiosk)
        seen.append(item.objectName() or item.metaObject().className())
        if item.objectName() == name:
            return item
    raise AssertionError(f"Tab never reached {name!r}; it went {seen[:40]}")


def type_text(kiosk: Kiosk, text: str) -> None:
    type_on_hardware_keyboard(kiosk.window, text)


def fill_and_send_by_keyboard(kiosk: Kiosk) -> None:
    """From anywhere: open the contact form, fill it and send it, keys only."""
    tab_to(kiosk, "contactButton")
    press(kiosk, Key.Key_Return)
    assert kiosk.navigation.screen == "contact"
    tab_to(kiosk, "fieldNameInput")
    type_text(kiosk, "Ana Keys")
    tab_to(kiosk, "fieldPhoneInput")
    type_text(kiosk, "5185550142")
    tab_to(kiosk, "method_call")
    press(kiosk, Key.Key_Space)
    tab_to(kiosk, "fieldMessageInput")
    type_text(kiosk, "Please call me.")
    press(kiosk, Key.Key_Tab)  # Tab leaves the message box: it types no tab
    assert focused(kiosk).objectName() != "fieldMessageInput"
    tab_to(kiosk, "consent")
    press(kiosk, Key.Key_Space)
    assert find(kiosk.window, "consent").property("checked")
    tab_to(kiosk, "sendRequest")
    press(kiosk, Key.Key_Return)


def tour_and_pages_by_keyboard(kiosk: Kiosk) -> None:
    """Attract, the tour's first steps, Back by Escape, a topic, a page and a link."""
    press(kiosk, Key.Key_Return)  # Enter starts, as a tap anywhere does
    assert kiosk.navigation.screen == "home"
    start = tab_to(kiosk, "startTour")
    assert start.property("visualFocus")  # the ring shows for the keyboard
    press(kiosk, Key.Key_Return)
    assert kiosk.navigation.screen == "tour"
    for step in range(2, 4):
        tab_to(kiosk, "tourNext")
        press(kiosk, Key.Key_Return)
        assert kiosk.navigation.step == step - 1
    view = find(kiosk.window, "pageView")
    press(kiosk, Key.Key_PageDown)  # Page keys scroll the page
    assert view.property("contentY") > 0
    press(kiosk, Key.Key_Home)
    assert view.property("contentY") == 0
    press(kiosk, Key.Key_Escape)  # Escape is Back
    assert kiosk.navigation.step == 1
    tab_to(kiosk, "homeButton")
    press(kiosk, Key.Key_Return)
    tab_to(kiosk, "topicTile_conditions")
    press(kiosk, Key.Key_Return)
    tab_to(kiosk, "pageItem_migraine")
    press(kiosk, Key.Key_Space)  # Space works as Enter does
    assert kiosk.navigation.target == "migraine"
    tab_to(kiosk, "pageLink_nerve-blocks")  # a link in the text, as a button
    press(kiosk, Key.Key_Return)
    assert kiosk.navigation.target == "nerve-blocks"


def test_the_whole_journey_by_keyboard(form_kiosk: Kiosk, form_data: Path) -> None:
    kiosk = form_kiosk
    assert kiosk.navigation.screen == "attract"

    tour_and_pages_by_keyboard(kiosk)
    fill_and_send_by_keyboard(kiosk)

    assert find(kiosk.window, "thankYou").isVisible()
    key = read_private_key(form_data / "clinic.key", FORM_PASSPHRASE)
    with closing(sqlite3.connect(form_data / DATABASE)) as db:
        rows = db.execute("SELECT id, sealed FROM requests").fetchall()
    [request] = [open_envelope(envelope(i, "", s), key).request for i, s in rows]
    assert request.name == "Ana Keys"
    assert request.contact_method == "call"
    assert request.message == "Please call me."


def test_shift_tab_goes_back_in_reading_order(form_kiosk: Kiosk) -> None:
    kiosk = form_kiosk
    kiosk.navigation.home()
    settle()
    tab_to(kiosk, "startTour")
    tab_to(kiosk, "homeButton", backwards=True)
    tab_to(kiosk, "startTour")


def test_a_touch_never_shows_a_focus_ring(form_kiosk: Kiosk) -> None:
    kiosk = form_kiosk
    kiosk.navigation.home()
    settle()
    tab_to(kiosk, "startTour")

    tap(kiosk.window, "topicTile_conditions")  # a finger, after a keyboard

    rings = [i for i in _all(kiosk) if i.property("visualFocus") is True]
    assert rings == []


def test_the_idle_warning_takes_the_focus_and_any_key_keeps_the_place(form_kiosk: Kiosk) -> None:
    from kiosk.session.idle import ManualClock

    kiosk = form_kiosk
    kiosk.navigation.home()
    kiosk.navigation.openPage("migraine")
    settle()
    clock = kiosk.clock
    assert isinstance(clock, ManualClock)
    while not kiosk.session.property("warning"):
        clock.advance(5)
        kiosk.session.tick()
    settle()
    assert focused(kiosk).objectName() == "stillHere"  # Enter or Space answers it

    press(kiosk, Key.Key_Tab)  # any key means the patient is still here

    assert not kiosk.session.property("warning")
    assert kiosk.navigation.target == "migraine"
    assert focused(kiosk).objectName() == "pageTitle"  # back where the patient was


def _all(kiosk: Kiosk) -> list[QQuickItem]:
    from tests.gui.conftest import items

    return list(items(kiosk.window))


def press_key_on_screen(kiosk: Kiosk, key: str) -> None:
    """Tab along the kiosk's own keys to `key` and press it, as a switch user would."""
    tab_to(kiosk, f"key_{key}")
    press(kiosk, Key.Key_Return)


def test_a_switch_user_types_on_the_kiosks_own_keys(form_kiosk: Kiosk) -> None:
    """Only Tab and Enter (a two-switch user), no hardware letters."""
    kiosk = form_kiosk
    open_contact(kiosk)
    tab_to(kiosk, "fieldNameInput")

    press(kiosk, Key.Key_Return)  # Enter in a text box: on to the kiosk's keys
    assert focused(kiosk).objectName().startswith("key_")
    assert find(kiosk.window, "keyboard").isVisible()
    for letter in "ana":
        press_key_on_screen(kiosk, letter)
        tab_to(kiosk, "key_q", backwards=True)  # back to the first row for the next one
    assert find(kiosk.window, "fieldNameInput").property("text") == "ana"
    assert find(kiosk.window, "keyboard").isVisible()  # still typing into the name

    press(kiosk, Key.Key_Escape)  # back to the text box, not Back to another screen
    assert focused(kiosk).objectName() == "fieldNameInput"
    assert kiosk.navigation.screen == "contact"


def test_enter_in_the_message_box_goes_to_the_keys_and_shift_enter_starts_a_line(
    form_kiosk: Kiosk,
) -> None:
    kiosk = form_kiosk
    open_contact(kiosk)
    message = tab_to(kiosk, "fieldMessageInput")
    type_text(kiosk, "One")
    press(kiosk, Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    type_text(kiosk, "Two")
    assert message.property("text") == "One\nTwo"

    press(kiosk, Key.Key_Return)

    assert focused(kiosk).objectName().startswith("key_")
    press_key_on_screen(kiosk, "#space")
    assert message.property("text") == "One\nTwo "


def test_what_tab_reaches_on_the_form_comes_into_view(form_kiosk: Kiosk) -> None:
    kiosk = form_kiosk
    open_contact(kiosk)

    for name in ("bestTime_any", "consent", "sendRequest"):
        item = tab_to(kiosk, name)
        settle()
        top = item.mapToScene(QPointF(0, 0)).y()
        assert top >= 0, name
        assert top + item.height() <= kiosk.window.height(), name
