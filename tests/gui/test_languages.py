"""A patient reads in Spanish: one tap switches every screen, keeps their place and what
they typed, and the next patient starts in English again."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from nacl.public import PrivateKey
from PySide6.QtQuick import QQuickWindow
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.bridge.walk import find_visible, settle
from kiosk.content.loader import read_bundle
from kiosk.outbox.keys import read_private_key
from kiosk.session.idle import READING_IDLE, ManualClock
from kiosk.session.navigation import Location, Screen
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
)
from tests.gui.test_contact_form import fill_in, stored, type_keys
from tests.gui.test_read_aloud import engine, open_page, speaking_kiosk

SPANISH = "language-es-US"
ENGLISH = "language-en-US"


def words_on_screen(window: QQuickWindow) -> set[str]:
    settle()
    return {str(i.property("text")) for i in items(window) if i.isVisible() and i.property("text")}


def test_the_attract_screen_offers_spanish_and_starts_in_it(kiosk: Kiosk) -> None:
    window = kiosk.window
    button = find(window, SPANISH)

    assert button.property("text") == "Español"
    assert accessible_name(button) == "Español: ver esta pantalla en español"
    tap(window, button)

    assert kiosk.navigation.property("screen") == Screen.HOME
    assert text_of(window, "homeButton") == "Inicio"
    assert "Entienda el dolor crónico y sus opciones de tratamiento" in words_on_screen(window)
    assert find(window, ENGLISH).property("text") == "English"


@pytest.mark.parametrize(
    "location",
    [
        Location(Screen.HOME),
        Location(Screen.TOPIC, "medicines"),
        Location(Screen.PAGE, "opioids"),
        Location(Screen.TOUR, "pain-and-mood", 2),
        Location(Screen.CONTACT),
    ],
    ids=lambda location: location.screen.value,
)
def test_switching_language_keeps_the_patient_s_place(kiosk: Kiosk, location: Location) -> None:
    window = kiosk.window
    assert kiosk.navigation.go_to(location)
    settle()
    english = words_on_screen(window)

    tap(window, SPANISH)

    assert kiosk.navigator.current == location
    spanish = words_on_screen(window)
    assert "Terminé" in spanish
    assert "I'm done" not in spanish
    assert len(spanish & english) < len(english) / 3  # the words changed, not the screen
    tap(window, ENGLISH)
    assert kiosk.navigator.current == location
    assert "I'm done" in words_on_screen(window)


def test_a_page_keeps_its_scroll_position_and_shows_in_spanish(kiosk: Kiosk) -> None:
    window = kiosk.window
    kiosk.navigation.go_to(Location(Screen.PAGE, "opioids"))
    view = find(window, "pageView")
    view.setProperty("contentY", 600)
    settle()

    tap(window, SPANISH)

    assert find(window, "pageView").property("contentY") == 600
    assert text_of(window, "pageTitle") == "Los opioides y el dolor a largo plazo"
    assert "Puntos clave" in words_on_screen(window)
    assert not find(window, "pageTitle").property("text").startswith("Opioids")


def test_what_the_patient_typed_stays_when_they_switch_language(form_kiosk: Kiosk) -> None:
    open_contact(form_kiosk)
    window = form_kiosk.window
    tap(window, "fieldNameInput")
    type_keys(form_kiosk, *"ana")

    tap(window, SPANISH)

    assert text_of(window, "fieldNameInput") == "ana"
    assert "Su nombre" in words_on_screen(window)
    assert "Llámeme" in words_on_screen(window)  # the choices come from the form's rules


@pytest.mark.parametrize("how", ["done", "idle"])
def test_the_next_patient_starts_in_the_default_language(kiosk: Kiosk, how: str) -> None:
    window = kiosk.window
    kiosk.navigation.go_to(Location(Screen.PAGE, "opioids"))
    settle()
    tap(window, SPANISH)
    assert kiosk.language.property("current") == "es-US"

    if how == "done":
        kiosk.session.done()
    else:
        clock = kiosk.clock
        assert isinstance(clock, ManualClock)
        kiosk.session.stillHere()
        clock.advance(READING_IDLE + 120)  # past the warning's countdown too
        kiosk.session.tick()
        kiosk.session.tick()
    settle()

    assert kiosk.navigation.property("screen") == Screen.ATTRACT
    assert kiosk.language.property("current") == "en-US"
    assert find(window, SPANISH).property("text") == "Español"
    assert "Learn about chronic pain and your treatment options" in words_on_screen(window)


@pytest.fixture
def without_one_translation(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(SAMPLE_CONTENT, content)
    (content / "pages" / "es" / "questions.md").unlink()
    return content


@pytest.fixture
def partial_kiosk(qtbot: QtBot, without_one_translation: Path) -> Iterator[Kiosk]:
    kiosk = open_kiosk(qtbot, without_one_translation)
    yield kiosk
    kiosk.window.close()
    kiosk.engine.deleteLater()
    settle()


def test_a_page_not_translated_shows_in_english_with_a_notice_in_spanish(
    partial_kiosk: Kiosk,
) -> None:
    window = partial_kiosk.window
    partial_kiosk.navigation.go_to(Location(Screen.PAGE, "questions"))
    settle()
    assert all(i.objectName() != "onlyIn" or not i.isVisible() for i in items(window))

    tap(window, SPANISH)

    assert text_of(window, "onlyIn") == "Esta página solo está en inglés."
    assert text_of(window, "pageTitle") == "Questions to ask your provider"
    # Not read aloud in the Spanish voice: English words in it would be garbled.
    assert partial_kiosk.content.page("questions")["spoken"] == []
    assert text_of(window, "homeButton") == "Inicio"  # the kiosk's own words stay Spanish
    partial_kiosk.navigation.go_to(Location(Screen.PAGE, "opioids"))
    settle()
    assert all(i.objectName() != "onlyIn" or not i.isVisible() for i in items(window))


def test_a_request_made_in_spanish_is_stored_with_its_language(
    form_kiosk: Kiosk, form_data: Path
) -> None:
    key: PrivateKey = read_private_key(form_data / "clinic.key", FORM_PASSPHRASE)
    open_contact(form_kiosk)
    window = form_kiosk.window
    tap(window, SPANISH)
    tap(window, "sendRequest")
    assert "Por favor, escriba su nombre." in words_on_screen(window)  # mistakes in Spanish

    fill_in(form_kiosk, "ana")
    tap(window, "sendRequest")

    assert text_of(window, "thankYou") == "Gracias"
    assert any(w.startswith("Le llamaremos en un plazo de un día hábil.")
               for w in words_on_screen(window))  # fmt: skip
    [request] = stored(form_data, key)
    assert request["language"] == "es-US"


def test_mistakes_on_show_are_said_again_in_the_new_language(form_kiosk: Kiosk) -> None:
    open_contact(form_kiosk)
    window = form_kiosk.window
    tap(window, "method_email")
    tap(window, "consent")
    tap(window, "sendRequest")
    assert "Please enter your name." in words_on_screen(window)

    tap(window, SPANISH)

    said = words_on_screen(window)
    assert "Por favor, escriba su nombre." in said
    assert "Please enter your name." not in said
    assert (
        "Por favor, marque la casilla para que la clínica pueda comunicarse con usted." not in said
    )  # consent was ticked: a switch shows no mistake the patient did not make
    assert find(window, "consent").property("checked")  # and the choices stay
    assert find(window, "method_email").property("checked")


@pytest.fixture
def speaking(qtbot: QtBot) -> Iterator[Kiosk]:
    kiosk = speaking_kiosk(qtbot, read_bundle(SAMPLE_CONTENT))
    yield kiosk
    kiosk.speech.reset()
    kiosk.window.close()
    kiosk.engine.deleteLater()
    settle()


def test_a_language_with_no_voice_hides_listen_and_keeps_the_others_voice(speaking: Kiosk) -> None:
    """Qt's mock engine speaks no Spanish: a Spanish reader sees no Listen button, and the
    next (English) patient hears the same engine at once, with no new search."""
    kiosk = speaking
    english = engine(kiosk)
    open_page(kiosk, "opioids")
    assert find_visible(kiosk.window, "listenButton") is not None

    tap(kiosk.window, "language-es-US")

    assert not kiosk.speech.property("available")
    assert find_visible(kiosk.window, "listenButton") is None
    assert kiosk.speech.found.line().startswith("Read-aloud off: ")
    assert "es-US" in kiosk.speech.found.line()
    kiosk.session.done()
    settle()
    assert kiosk.speech.property("available")
    assert engine(kiosk) is english  # the same engine, not made again
