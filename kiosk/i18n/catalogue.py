"""Interface words in each language, from Qt Linguist catalogues read at run time.

`kiosk/resources/i18n/kiosk_<lang>.ts` (made and updated by `make translations`, which runs
pyside6-lupdate over the screens and the Python that words them; translated in Qt
Linguist or any text editor) holds, for each `(context, English source)`, the translation:
one text, or one per plural form for a message with `%n`. The screens' `qsTr()` reads it
compiled, through Qt's own translator (kiosk.i18n.compiled, kiosk.bridge.language);
Python reads the `.ts` here: `words.translate(context, text)` on the catalogue it is
given, so that lupdate finds the string and the catalogue the translation. A message
with no finished translation reads as its English source.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET  # our own files, shipped with the app: not untrusted input
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

CATALOGUES = Path(__file__).resolve().parent.parent / "resources" / "i18n"
DEFAULT = "en-US"  # the language the kiosk's own words are written in

# Each language's name in itself, for the button that chooses it (never a flag).
OWN_NAMES = {
    "en": "English", "es": "Español", "fr": "Français", "pt": "Português", "ht": "Kreyòl",
    "vi": "Tiếng Việt", "zh": "中文", "ko": "한국어", "tl": "Tagalog", "ru": "Русский",
    "ar": "العربية", "pl": "Polski", "it": "Italiano", "de": "Deutsch",
}  # fmt: skip
# What a screen reader says for that button, also in the language it chooses.
SWITCH_LABELS = {
    "en": "English: show this screen in English",
    "es": "Español: ver esta pantalla en español",
}
_ZERO_IS_SINGULAR = {"fr", "pt"}  # "0 seconde", as CLDR's plural rules say


def primary(language: str) -> str:
    """`es` for es-US: the part that chooses a catalogue and a folder."""
    return language.split("-")[0].lower()


def own_name(language: str) -> str:
    return OWN_NAMES.get(primary(language), language)


def switch_label(language: str, name: str = "") -> str:
    """What a screen reader says for the button that chooses `language`."""
    return SWITCH_LABELS.get(primary(language), name or own_name(language))


def plural_form(language: str, n: int) -> int:
    """Which of a message's plural forms `n` takes: 0 (one) or 1 (other)."""
    if primary(language) in _ZERO_IS_SINGULAR:
        return 0 if n in (0, 1) else 1
    return 0 if n == 1 else 1


@dataclass(frozen=True)
class Catalogue:
    """One language's translations; `translate` falls back to the English source."""

    language: str
    messages: Mapping[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)

    def lookup(self, context: str, source: str, n: int = -1) -> str | None:
        """The translation, or None if this catalogue has none."""
        forms = self.messages.get((context, source))
        if not forms:
            return None
        if n < 0 or len(forms) == 1:
            return forms[0]
        return forms[min(plural_form(self.language, n), len(forms) - 1)]

    def translate(self, context: str, source: str, n: int = -1) -> str:
        """`source` in this language (`%n`, if any, still to be filled in by the caller)."""
        found = self.lookup(context, source, n)
        return source if found is None else found

    def __len__(self) -> int:
        return len(self.messages)


@functools.cache
def catalogue(language: str) -> Catalogue:
    """The catalogue for `language` (es-US reads kiosk_es.ts); empty if there is none."""
    path = CATALOGUES / f"kiosk_{primary(language)}.ts"
    return parse(path, language) if path.is_file() else Catalogue(language)


def has_catalogue(language: str) -> bool:
    """Whether the kiosk's own words exist in `language` (English always does)."""
    return primary(language) == primary(DEFAULT) or bool(catalogue(language))


def parse(path: Path, language: str) -> Catalogue:
    """The finished translations in a `.ts` file."""
    messages: dict[tuple[str, str], tuple[str, ...]] = {}
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None or translation.get("type"):
                continue  # unfinished, obsolete or vanished: the English reads instead
            forms = tuple(f.text or "" for f in translation.iter("numerusform"))
            forms = forms or (translation.text or "",)
            if all(forms):
                messages[(name, source)] = forms
    return Catalogue(language, messages)


def available() -> tuple[str, ...]:
    """The languages (primary tags) the kiosk's own words are translated into, English first."""
    found = sorted(p.stem.removeprefix("kiosk_") for p in CATALOGUES.glob("kiosk_*.ts"))
    return (primary(DEFAULT), *(f for f in found if f != primary(DEFAULT)))


def language_name(words: Catalogue, language: str) -> str:
    """`language`'s name in `words`' language ("inglés" in Spanish), for "This page is
    only in English"; its name in itself where the catalogue has none."""
    names = {
        "en": words.translate("Languages", "English"),
        "es": words.translate("Languages", "Spanish"),
    }
    return names.get(primary(language), own_name(language))
