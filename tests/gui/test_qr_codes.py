"""A patient scans the clinic's card off the Contact screen, and a page's web address off
the page: in view without scrolling, big enough, and read back by a real QR decoder."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtQuick import QQuickItem, QQuickWindow
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.bridge.services import open_outbox
from kiosk.bridge.walk import ORIENTATIONS, settle
from kiosk.config import load_config
from kiosk.content.loader import read_bundle
from kiosk.outbox.keys import INTERACTIVE, new_key_pair
from kiosk.session.idle import ManualClock
from tests.conftest import SAMPLE_CONTENT, MakeBundle
from tests.gui.conftest import accessible_name, find, items, open_kiosk, text_of

PAGE_URL = "https://example.org/pages/intro"  # a reserved example address
MIN_SIDE = 300  # pixels, on a 1080-wide screen
MIN_MODULE = 6  # pixels per square


@pytest.fixture(params=["no voice", "a voice"])
def kiosk_with_form(
    qtbot: QtBot, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[Kiosk]:
    """The sample content with the contact form on, as a clinic with its key has it; with a
    voice (Qt's mock engine) the Listen buttons take their room above the clinic's details."""
    new_key_pair(tmp_path, "a long test passphrase", strength=INTERACTIVE)
    engine = "mock" if request.param == "a voice" else "off"
    config = load_config(None, {**os.environ, "KIOSK_SPEECH_ENGINE": engine})
    kiosk = Kiosk(read_bundle(SAMPLE_CONTENT), ManualClock(), config)
    kiosk.window.resize(*ORIENTATIONS["portrait"])
    kiosk.window.show()
    qtbot.waitExposed(kiosk.window)
    kiosk.form.attach(open_outbox(tmp_path))
    if engine == "mock":
        with qtbot.waitSignal(kiosk.speech.changed, timeout=10_000):
            kiosk.speech.discover()
        assert kiosk.speech.property("available")
    yield kiosk
    kiosk.speech.reset()
    kiosk.window.close()
    kiosk.form.close()


def scene_rect(item: QQuickItem) -> QRectF:
    return QRectF(item.mapToScene(QPointF(0, 0)), item.size())


def shown_rect(item: QQuickItem) -> QRectF:
    """Where the patient sees `item`'s window area: inside every clipping Flickable above it."""
    visible = QRectF(0, 0, item.window().width(), item.window().height())
    parent = item.parentItem()
    while parent is not None:
        if parent.clip():
            visible = visible.intersected(scene_rect(parent))
        parent = parent.parentItem()
    return visible


def wait_until_drawn(qtbot: QtBot, image: QQuickItem) -> None:
    qtbot.waitUntil(lambda: image.implicitWidth() > 0)  # the picture is loaded
    settle()


def decoded(window: QQuickWindow, tmp_path: Path) -> str:
    """What zbarimg reads off the window as it is now ("" for no QR code); the screens
    here show one code at most."""
    if shutil.which("zbarimg") is None:
        pytest.skip("needs zbarimg (Debian's zbar-tools; .ci/run installs it)")
    shot = tmp_path / "screen.png"
    assert window.grabWindow().save(str(shot))
    found = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable",
                            str(shot)], capture_output=True, check=False)  # fmt: skip
    assert found.returncode in (0, 4), found.stderr  # 4: no code found
    text = found.stdout.decode("utf-8")
    return text.removesuffix("\n")  # --raw ends each code with a newline of its own


def check_size(code: QQuickItem) -> None:
    side, modules = code.property("side"), code.property("modules")
    assert side >= MIN_SIDE
    assert side % modules == 0
    assert side // modules >= MIN_MODULE


@pytest.mark.parametrize("orientation", list(ORIENTATIONS))
def test_the_clinic_card_is_in_view_on_contact_without_scrolling(
    kiosk_with_form: Kiosk, qtbot: QtBot, tmp_path: Path, orientation: str
) -> None:
    kiosk = kiosk_with_form
    kiosk.window.resize(*ORIENTATIONS[orientation])
    kiosk.navigation.home()
    kiosk.navigation.openContact()
    image = find(kiosk.window, "clinicQrImage")
    wait_until_drawn(qtbot, image)

    assert find(kiosk.window, "fieldNameInput").isVisible()  # the form is on, beside or below
    assert find(kiosk.window, "contactScroller").property("contentY") == 0
    label = find(kiosk.window, "clinicQrLabel")
    assert text_of(kiosk.window, "clinicQrLabel") == "Scan to save our phone number"
    for item in (label, find(kiosk.window, "clinicQrPlate"), image):
        assert shown_rect(item).contains(scene_rect(item)), item.objectName()
    check_size(find(kiosk.window, "clinicQr"))
    assert accessible_name(image) == (
        "QR code: saves Libertas Mind's address and phone numbers to your phone"
    )
    card = kiosk.content.property("clinicCard")
    assert decoded(kiosk.window, tmp_path) == card
    assert "(518) 672-3050" in card
    assert "(518) 240-4310" in card


def test_the_card_stays_dark_on_white_in_high_contrast(
    kiosk_with_form: Kiosk, qtbot: QtBot, tmp_path: Path
) -> None:
    kiosk = kiosk_with_form
    kiosk.navigation.home()
    kiosk.navigation.openContact()
    kiosk.display.setHighContrast(True)
    image = find(kiosk.window, "clinicQrImage")
    wait_until_drawn(qtbot, image)

    frame = kiosk.window.grabWindow()
    plate = find(kiosk.window, "clinicQrPlate")
    edge = plate.mapToScene(QPointF(plate.width() / 2, 3)).toPoint()  # the plate's top edge
    assert frame.pixelColor(edge).lightness() == 255  # white, on the black page
    assert frame.pixelColor(0, frame.height() - 1).lightness() == 0  # the page is black
    assert decoded(kiosk.window, tmp_path) == kiosk.content.property("clinicCard")


def with_public_url(make_bundle: MakeBundle) -> Path:
    root = make_bundle()
    intro = root / "pages" / "intro.md"
    text = intro.read_text("utf-8")
    intro.write_text(text.replace("title: Introduction", f"public_url: {PAGE_URL}\n"
                                  "title: Introduction", 1), encoding="utf-8")  # fmt: skip
    return root


@pytest.mark.parametrize("orientation", list(ORIENTATIONS))
def test_a_page_with_a_public_url_shows_read_this_at_home(
    qtbot: QtBot, make_bundle: MakeBundle, tmp_path: Path, orientation: str
) -> None:
    kiosk = open_kiosk(qtbot, with_public_url(make_bundle), ORIENTATIONS[orientation])
    try:
        kiosk.navigation.home()
        kiosk.navigation.openPage("intro")
        image = find(kiosk.window, "pageQrImage")
        wait_until_drawn(qtbot, image)

        assert text_of(kiosk.window, "pageQrLabel") == "Read this at home"
        assert text_of(kiosk.window, "pageQrNote") == PAGE_URL
        assert accessible_name(image) == "QR code: opens this page on your phone"
        check_size(find(kiosk.window, "pageQr"))
        # The page is short: all of it is in view, and the code reads back as the address.
        assert shown_rect(image).contains(scene_rect(image))
        assert decoded(kiosk.window, tmp_path) == PAGE_URL

        kiosk.navigation.openPage("details")  # no public_url: no code, nothing to scan
        settle()
        assert not [i for i in items(kiosk.window) if i.objectName() == "pageQr" and i.isVisible()]
        assert decoded(kiosk.window, tmp_path) == ""
    finally:
        kiosk.window.close()


def test_no_code_for_nothing_or_for_text_too_long_for_one(kiosk: Kiosk) -> None:
    assert kiosk.content.qrCode("", "#1b2430") == {}
    assert kiosk.content.qrCode("x" * 3000, "#1b2430") == {}
    assert kiosk.content.qrCode(PAGE_URL, "#1b2430")["modules"] == 37  # version 3, quiet zone
