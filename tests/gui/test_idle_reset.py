"""Left alone, the kiosk warns, then forgets everything; "I'm done" forgets at once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtQuick import QQuickItem
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.bridge.services import open_outbox
from kiosk.bridge.walk import settle
from kiosk.outbox.keys import INTERACTIVE, new_key_pair
from kiosk.session.idle import FORM_IDLE, READING_IDLE, WARNING, ManualClock
from tests.conftest import SAMPLE_CONTENT
from tests.gui.conftest import (
    centre,
    find,
    items,
    open_kiosk,
    scroll_into_view,
    tap,
    text_of,
)

CANARIES = ("Wilhelmina Quox", "zq.canary@example.org", "plumbago-canary-note")


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def kiosk(qtbot: QtBot, tmp_path: Path, clock: ManualClock) -> Iterator[Kiosk]:
    new_key_pair(tmp_path, "a long test passphrase", strength=INTERACTIVE)
    kiosk = open_kiosk(qtbot, SAMPLE_CONTENT, clock=clock)
    kiosk.form.attach(open_outbox(tmp_path))
    yield kiosk
    kiosk.window.close()
    kiosk.form.close()


def idle_for(kiosk: Kiosk, clock: ManualClock, seconds: float) -> None:
    clock.advance(seconds)
    kiosk.session.tick()
    settle()


def test_a_warning_counts_down_and_one_tap_keeps_the_place(
    kiosk: Kiosk, clock: ManualClock
) -> None:
    window = kiosk.window
    tap(window, "attractClinic")
    tap(window, "topicTile_conditions")
    tap(window, "pageItem_migraine")

    idle_for(kiosk, clock, READING_IDLE - 1)
    assert not find_any(kiosk, "idleWarning").isVisible()
    idle_for(kiosk, clock, 1)
    assert "start over in 30 seconds" in text_of(window, "idleCountdown")
    idle_for(kiosk, clock, 10)
    assert "in 20 seconds" in text_of(window, "idleCountdown")

    tap(window, "stillHere")

    assert not find_any(kiosk, "idleWarning").isVisible()
    assert (kiosk.navigation.screen, kiosk.navigation.target) == ("page", "migraine")


def test_at_zero_the_kiosk_starts_over(kiosk: Kiosk, clock: ManualClock) -> None:
    tap(kiosk.window, "attractClinic")
    tap(kiosk.window, "startTour")

    idle_for(kiosk, clock, READING_IDLE + WARNING)

    assert kiosk.navigation.screen == "attract"
    assert not kiosk.navigation.canGoBack
    assert not find_any(kiosk, "idleWarning").isVisible()


def test_the_form_times_out_sooner(kiosk: Kiosk, clock: ManualClock) -> None:
    tap(kiosk.window, "attractClinic")
    tap(kiosk.window, "homeContactTall")

    idle_for(kiosk, clock, FORM_IDLE)

    assert find(kiosk.window, "idleWarning").isVisible()


def test_typing_keeps_the_kiosk_awake(kiosk: Kiosk, clock: ManualClock) -> None:
    window = kiosk.window
    tap(window, "attractClinic")
    tap(window, "homeContactTall")
    tap(window, "fieldNameInput")
    for _ in range(10):  # a slow typist: a key every 20 seconds
        clock.advance(20)
        tap(window, "key_a")
        kiosk.session.tick()
    assert kiosk.navigation.screen == "contact"
    assert text_of(window, "fieldNameInput") == "a" * 10


@pytest.mark.parametrize("where", ["home", "page", "tour", "contact"])
def test_im_done_starts_over_from_every_screen(kiosk: Kiosk, where: str) -> None:
    kiosk.navigation.home()
    {
        "home": lambda: None,
        "page": lambda: kiosk.navigation.openPage("opioids"),
        "tour": kiosk.navigation.startTour,
        "contact": kiosk.navigation.openContact,
    }[where]()
    settle()

    tap(kiosk.window, "doneButton")

    assert kiosk.navigation.screen == "attract"


# size: one patient's whole visit, then the reset, checked in the order a patient would
def test_nothing_of_the_last_patient_survives_a_reset(kiosk: Kiosk, clock: ManualClock) -> None:
    window = kiosk.window
    tap(window, "attractClinic")
    tap(window, "textSize2")
    tap(window, "contrastButton")
    tap(window, "topicTile_medicines")
    tap(window, "pageItem_opioids")
    find(window, "pageView").setProperty("contentY", 400)  # scrolled down
    kiosk.navigation.openContact()
    settle()
    find(window, "fieldNameInput").setProperty("text", CANARIES[0])
    find(window, "fieldEmailInput").setProperty("text", CANARIES[1])
    find(window, "fieldMessageInput").setProperty("text", CANARIES[2])
    tap(window, "fieldPhoneInput")
    for digit in "5185550199":
        tap(window, f"key_{digit}")
    tap(window, "method_email")
    tap(window, "bestTime_evening")
    tap(window, "topic_conditions")
    tap(window, "consent")
    assert find(window, "keyboard").isVisible()

    idle_for(kiosk, clock, FORM_IDLE + WARNING)

    # The navigation, the display choices and the session are back to the start.
    assert kiosk.navigation.screen == "attract"
    assert not kiosk.navigation.canGoBack
    assert (kiosk.display.textStep, kiosk.display.highContrast) == (0, False)
    # Nothing typed is anywhere in the window's items...
    for item in items(window):
        for name in ("text", "displayText", "preeditText"):
            value = item.property(name)
            if isinstance(value, str):
                assert not any(c in value for c in CANARIES), item.objectName()
                assert "5185550199" not in value
    # ...nor in the bridges (the form bridge keeps no fields).
    for bridge in (kiosk.form, kiosk.session, kiosk.navigation, kiosk.display):
        assert not any(c in repr(vars(bridge)) for c in CANARIES)
    # And the next patient finds an empty form, with the first screen's choices.
    kiosk.navigation.home()
    kiosk.navigation.openContact()
    settle()
    for field in ("fieldNameInput", "fieldPhoneInput", "fieldEmailInput", "fieldMessageInput"):
        assert text_of(window, field) == ""
    assert find(window, "consent").property("checked") is False
    assert find(window, "method_call").property("checked") is True
    assert find(window, "topic_conditions").property("checked") is False
    assert not any(i.objectName() == "keyboard" and i.isVisible() for i in items(window))
    kiosk.navigation.openPage("opioids")
    settle()
    assert find(window, "pageView").property("contentY") == 0


def test_no_text_passes_between_patients_by_copy_and_paste(kiosk: Kiosk) -> None:
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QContextMenuEvent, QGuiApplication
    from PySide6.QtTest import QTest

    window = kiosk.window
    kiosk.navigation.home()
    kiosk.navigation.openContact()
    for name in ("fieldNameInput", "fieldMessageInput"):
        field = find(window, name)
        scroll_into_view(window, field)
        point = centre(field)
        # What a right-click or a long press on a touchscreen asks for.
        QTest.mouseClick(window, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, point)
        request = QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse, point, window.mapToGlobal(point)
        )
        QCoreApplication.sendEvent(window, request)
        settle()
        # Qt opens such menus as popup windows of their own.
        popups = [w for w in QGuiApplication.topLevelWindows() if w.isVisible() and w != window]
        assert popups == [], name
    QGuiApplication.clipboard().setText(CANARIES[0])

    tap(window, "doneButton")

    assert QGuiApplication.clipboard().text() == ""


def find_any(kiosk: Kiosk, name: str) -> QQuickItem:
    """An item by name, shown or not."""
    settle()
    return next(i for i in items(kiosk.window) if i.objectName() == name)
