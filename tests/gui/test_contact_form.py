"""A patient fills in the contact form by touch alone, and nothing of it stays."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from nacl.public import PrivateKey
from PySide6.QtCore import QObject, QPointF
from PySide6.QtQuick import QQuickItem
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.bridge.walk import settle
from kiosk.outbox.envelope import envelope, open_envelope
from kiosk.outbox.keys import read_private_key
from kiosk.outbox.store import DATABASE
from tests.conftest import SAMPLE_CONTENT
from tests.gui.conftest import (
    FORM_PASSPHRASE,
    accessible_name,
    find,
    items,
    open_contact,
    open_kiosk,
    tap,
    text_of,
    type_on_hardware_keyboard,
)


@pytest.fixture
def data_dir(form_data: Path) -> Path:
    return form_data


@pytest.fixture
def key(form_data: Path) -> PrivateKey:
    return read_private_key(form_data / "clinic.key", FORM_PASSPHRASE)


@pytest.fixture
def kiosk(form_kiosk: Kiosk) -> Kiosk:
    open_contact(form_kiosk)
    return form_kiosk


def type_keys(kiosk: Kiosk, *keys: str) -> None:
    for key in keys:
        tap(kiosk.window, f"key_{key}")


def fill_in(kiosk: Kiosk, name: str) -> None:
    """Type a name and a phone number on the kiosk's keys and tick consent."""
    tap(kiosk.window, "fieldNameInput")
    type_keys(kiosk, *name)
    tap(kiosk.window, "fieldPhoneInput")
    type_keys(kiosk, *"5185550142")
    tap(kiosk.window, "consent")


def stored(data_dir: Path, key: PrivateKey) -> list[dict[str, object]]:
    with closing(sqlite3.connect(data_dir / DATABASE)) as db:
        rows = db.execute("SELECT id, sealed FROM requests").fetchall()
    return [open_envelope(envelope(i, "", s), key).request.__dict__ for i, s in rows]


def test_a_request_made_by_touch_alone(kiosk: Kiosk, data_dir: Path, key: PrivateKey) -> None:
    window = kiosk.window
    tap(window, "fieldNameInput")
    assert find(window, "keyboard").isVisible()
    type_keys(kiosk, "#shift", "a", "n", "a", "#space", "#accents", "#shift", "ñ")
    tap(window, "fieldPhoneInput")
    assert find(window, "key_5").isVisible()  # the keypad for a phone number
    type_keys(kiosk, *"5185550142")
    tap(window, "method_text")
    tap(window, "topic_conditions")
    tap(window, "consent")
    tap(window, "sendRequest")

    assert text_of(window, "thankYou") == "Thank you"
    [request] = stored(data_dir, key)
    assert request["name"] == "Ana Ñ"
    assert request["phone"] == "(518) 555-0142"
    assert request["contact_method"] == "text"
    assert request["topics"] == ("conditions",)


def test_mistakes_are_shown_beside_the_fields_and_nothing_is_lost(
    kiosk: Kiosk, data_dir: Path, key: PrivateKey
) -> None:
    window = kiosk.window
    tap(window, "fieldNameInput")
    type_keys(kiosk, "b", "o")
    tap(window, "sendRequest")

    assert "phone number or an email" in text_of(window, "fieldPhoneError")
    assert "tick the box" in text_of(window, "consentError")
    assert text_of(window, "fieldNameInput") == "bo"
    assert stored(data_dir, key) == []


def test_a_failed_save_says_so_and_keeps_the_fields(
    kiosk: Kiosk, data_dir: Path, key: PrivateKey
) -> None:
    window = kiosk.window
    with closing(sqlite3.connect(data_dir / DATABASE)) as db:
        db.execute("CREATE TRIGGER full BEFORE INSERT ON requests BEGIN"
                   " SELECT RAISE(ABORT, 'database or disk is full'); END")  # fmt: skip
    fill_in(kiosk, "cy")
    tap(window, "sendRequest")

    assert "We could not save your request. Please tell the front desk" in text_of(
        window, "saveFailed"
    )
    assert "(518) 672-3050" in text_of(window, "saveFailed")
    assert text_of(window, "fieldNameInput") == "cy"
    assert text_of(window, "fieldPhoneInput") == "5185550142"


def test_the_keyboard_never_covers_the_field_being_typed_in(kiosk: Kiosk, qtbot: QtBot) -> None:
    window = kiosk.window
    # Built hidden; shown when a field is chosen.
    keyboard = next(i for i in items(window) if i.objectName() == "keyboard")

    def in_view(field: QQuickItem) -> bool:
        top = field.mapToScene(QPointF(0, 0)).y()
        bottom = field.mapToScene(QPointF(0, field.height())).y()
        return (
            keyboard.isVisible() and top >= 0 and bottom <= keyboard.mapToScene(QPointF(0, 0)).y()
        )

    for name in ("fieldNameInput", "fieldPhoneInput", "fieldEmailInput", "fieldMessageInput"):
        field = find(window, name)
        field.forceActiveFocus()
        qtbot.waitUntil(lambda field=field: in_view(field), timeout=2000)


def test_done_hides_the_keyboard_and_a_hardware_keyboard_types_too(kiosk: Kiosk) -> None:
    window = kiosk.window
    tap(window, "fieldEmailInput")
    type_on_hardware_keyboard(window, "ana@example.org")
    assert text_of(window, "fieldEmailInput") == "ana@example.org"

    tap(window, "key_#done")

    assert find(window, "contactScroller").property("activeFocus") is True
    assert not any(i.objectName() == "keyboard" and i.isVisible() for i in items(window))


def test_thank_you_returns_home_and_wipes_the_form(
    kiosk: Kiosk, qtbot: QtBot, data_dir: Path
) -> None:
    window = kiosk.window
    fill_in(kiosk, "di")
    tap(window, "sendRequest")
    timer = window.findChild(QObject, "thanksTimer")
    assert timer is not None
    assert timer.property("interval") == 20000
    timer.setProperty("interval", 50)  # the patient walked away

    qtbot.waitUntil(lambda: kiosk.navigation.screen == "home", timeout=3000)
    kiosk.navigation.openContact()

    assert text_of(window, "fieldNameInput") == ""
    assert text_of(window, "fieldPhoneInput") == ""
    assert find(window, "consent").property("checked") is False


@pytest.mark.parametrize("field", ["fieldNameInput", "fieldPhoneInput", "fieldEmailInput"])
def test_every_control_of_the_form_and_keyboard_is_big_enough_and_named(
    kiosk: Kiosk, field: str
) -> None:
    window = kiosk.window
    find(window, field).forceActiveFocus()
    settle()
    find(window, "keyboard")

    controls = [i for i in items(window) if i.isVisible() and i.inherits("QQuickAbstractButton")]

    assert len(controls) > 12
    for control in controls:
        name = control.objectName() or control.metaObject().className()
        smallest = 60 if name.startswith("key_") else 48  # keyboard keys are larger
        assert control.width() >= smallest, name
        assert control.height() >= smallest, name
        assert accessible_name(control).strip(), f"{name} has no accessible name"


def test_a_request_sent_from_the_screen_reaches_the_clinic_server(
    qtbot: QtBot, data_dir: Path, key: PrivateKey
) -> None:
    from PySide6.QtGui import QGuiApplication

    from kiosk.bridge.services import start_contact_requests
    from kiosk.config import load_config
    from tests.servers import http_server

    with http_server() as server:
        config = load_config(None, {"KIOSK_REQUESTS_DELIVERY_URL": server.url + "/requests"})
        kiosk = open_kiosk(qtbot, SAMPLE_CONTENT)
        app = QGuiApplication.instance()
        start_contact_requests(kiosk, app, data_dir, config)  # type: ignore[arg-type]
        kiosk.navigation.home()
        kiosk.navigation.openContact()
        window = kiosk.window
        fill_in(kiosk, "eva")
        tap(window, "sendRequest")

        qtbot.waitUntil(lambda: len(server.posts) == 1, timeout=10_000)
        app.aboutToQuit.emit()  # stops the delivery thread, as on shutdown
        kiosk.window.close()

    request_id, body = server.posts[0]
    opened = open_envelope(body, key)
    assert (opened.id, opened.request.name) == (request_id, "eva")


def test_a_mistake_is_brought_into_view(kiosk: Kiosk, qtbot: QtBot) -> None:
    window = kiosk.window
    window.resize(1920, 1080)  # a short view: the name is out of sight from Send
    settle()
    tap(window, "consent")
    tap(window, "sendRequest")  # at the bottom of the form; the name is far above

    error = find(window, "fieldNameError")
    scroller = find(window, "contactScroller")

    def visible() -> bool:
        top = error.mapToScene(QPointF(0, 0)).y()
        view_top = scroller.mapToScene(QPointF(0, 0)).y()
        return view_top <= top <= view_top + scroller.height() - error.height()

    qtbot.waitUntil(visible, timeout=2000)
    assert "Please enter your name." in text_of(window, "fieldNameError")
