"""Every word the kiosk says to a patient is in the translation catalogue, and translated:
a string written straight into a screen, or added without its Spanish, fails here."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from kiosk.i18n.catalogue import catalogue, has_catalogue, language_name, own_name, plural_form

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import translations

_LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"')
_WORDS = re.compile(r"[A-Za-z]{2,}.*\s|^[A-Z][a-z]+$")  # "two words", or "Word"
_NOT_WORDS = ("import ", "objectName", "sequences:")  # module names, test handles, key names


def _unwrapped(path: Path) -> list[str]:
    """Words in quotes on a screen that are not inside qsTr() (nor only compared)."""
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        code = line.split("//")[0]
        if any(marker in code for marker in _NOT_WORDS):
            continue
        for match in _LITERAL.finditer(code):
            before = code[: match.start()].rstrip()
            if _WORDS.search(match[1]) and not before.endswith(("qsTr(", "==", "===")):
                found.append(f"{path.name}:{number}: {match[1]!r}")
    return found


def test_no_screen_writes_words_a_patient_sees_outside_qstr() -> None:
    screens = [p for p in translations.sources() if p.suffix == ".qml"]

    assert len(screens) > 30
    assert [hit for screen in screens for hit in _unwrapped(screen)] == []


def test_the_check_finds_words_written_straight_into_a_screen(tmp_path: Path) -> None:
    screen = tmp_path / "NewScreen.qml"
    screen.write_text('Item {\n    Text { text: "Welcome back" }\n    Text { text: qsTr("Hi") }\n}')

    assert _unwrapped(screen) == ["NewScreen.qml:2: 'Welcome back'"]


def test_every_string_is_in_every_catalogue_and_translated() -> None:
    assert [str(gap) for gap in translations.gaps()] == []


def test_a_new_string_without_its_translation_is_caught(tmp_path: Path) -> None:
    screen = tmp_path / "NewScreen.qml"
    screen.write_text('import QtQuick\nText { text: qsTr("A sentence nobody has translated") }\n')

    found = translations.gaps([*translations.sources(), screen])

    assert [str(g) for g in found] == [
        "kiosk_es.ts: new in NewScreen: 'A sentence nobody has translated'"
    ]


def test_python_strings_are_found_where_they_are_written() -> None:
    """lupdate reads `words.translate("Context", "...")`: the files that word the form,
    the pages and the export are among the sources, found by the call itself."""
    names = {p.name for p in translations.sources()}

    assert {"request.py", "content.py", "export.py", "catalogue.py"} <= names


def test_spanish_words_come_from_the_catalogue_with_plurals_and_placeholders() -> None:
    spanish = catalogue("es-US")
    english = catalogue("en-US")

    assert has_catalogue("es-US")
    assert not has_catalogue("fr-FR")  # no catalogue: its readers see the English words
    assert spanish.translate("ContactRequest", "Please enter your name.") != (
        "Please enter your name."
    )
    assert "{count}" in spanish.translate(
        "ContactRequest", "Please shorten your message to {count} characters."
    )
    seconds = (
        "To keep your information private, this screen will clear and start over in %n second(s)."
    )
    assert english.translate("IdleWarning", seconds, 1).endswith("in %n second.")
    assert english.translate("IdleWarning", seconds, 2).endswith("in %n seconds.")
    assert spanish.translate("IdleWarning", seconds, 1) != spanish.translate(
        "IdleWarning", seconds, 5
    )
    assert catalogue("fr-FR").translate("IdleWarning", "Key points") == "Key points"


@pytest.mark.parametrize(
    ("language", "n", "form"), [("en-US", 1, 0), ("en-US", 0, 1), ("es-US", 2, 1), ("fr-CA", 0, 0)]
)
def test_plural_forms_follow_each_language_s_rule(language: str, n: int, form: int) -> None:
    assert plural_form(language, n) == form


def test_language_names_are_written_in_their_own_language_and_in_the_reader_s() -> None:
    assert own_name("es-US") == "Español"
    assert own_name("en-US") == "English"
    assert language_name(catalogue("es-US"), "en-US") == "inglés"
    assert language_name(catalogue("en-US"), "es-US") == "Spanish"


def test_a_translation_that_loses_a_placeholder_is_caught(tmp_path: Path) -> None:
    """A translation without {count} would make the form's check fail at Send."""
    catalogue = translations.CATALOGUES / "kiosk_es.ts"
    text = catalogue.read_text(encoding="utf-8")
    broken = text.replace("acorte su mensaje a {count} letras", "acorte su mensaje a 500 letras")
    assert broken != text
    copy = tmp_path / "kiosk_es.ts"
    copy.write_text(broken, encoding="utf-8")

    found = [str(g) for g in translations.gaps(catalogues=[copy])]

    assert found == [
        "kiosk_es.ts: other placeholders (%1, {count}) in ContactRequest: "
        "'Please shorten your message to {count} characters.'"
    ]
