"""The language the patient reads in, as QML drives it: the button that switches it, and
the translator through which every `qsTr()` on every screen finds its words.

Switching swaps in the content in that language (each language's bridge made once, when
first chosen), points read-aloud and the form at it, and asks the engine to retranslate:
the screens stay where they are, and so does what the patient typed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext

from PySide6.QtCore import (
    Property,
    QCoreApplication,
    QEvent,
    QObject,
    QTranslator,
    Signal,
    Slot,
)
from PySide6.QtQml import QmlElement, QmlUncreatable, QQmlEngine

from kiosk.i18n.catalogue import Catalogue, catalogue, primary, switch_label
from kiosk.i18n.compiled import qm_file
from kiosk.session.languages import Languages

# Registered for QML as the module Kiosk (`import Kiosk`), so qmllint knows every slot.
QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger("kiosk.app")


class Translators:
    """Qt's translators, one per language, loaded from the compiled catalogues; the one
    of the language on show is installed. One set for the whole application: Qt's
    own threads translate too (the QML loader asks for error texts while the screen's
    thread waits on it), so the translator they reach is Qt's, never Python."""

    _shared: Translators | None = None

    def __init__(self) -> None:
        self._loaded: dict[str, QTranslator | None] = {}
        self._installed: QTranslator | None = None
        app = QCoreApplication.instance()
        self._quiet: AbstractContextManager[object] = (
            _OneRetranslate(app) if app is not None else nullcontext()
        )

    @classmethod
    def shared(cls) -> Translators:
        if cls._shared is None:
            cls._shared = cls()
        return cls._shared

    def show(self, language: str) -> None:
        translator = self._load(language)
        if translator is self._installed:
            return
        with self._quiet:
            if self._installed is not None:
                QCoreApplication.removeTranslator(self._installed)
            if translator is not None:
                QCoreApplication.installTranslator(translator)
        self._installed = translator

    def loads(self, language: str) -> bool:
        """Whether the screens can show `language`'s words (for the self-test)."""
        return self._load(language) is not None

    def _load(self, language: str) -> QTranslator | None:
        key = primary(language)
        if key not in self._loaded:
            path = qm_file(language)
            translator = QTranslator(QCoreApplication.instance())
            if path is None or not translator.load(str(path)):
                if path is not None:
                    log.error("cannot load %s: the screens stay in English", path)
                translator = None
            self._loaded[key] = translator
        return self._loaded[key]


class _OneRetranslate(QObject):
    """While a translator comes or goes, drops the LanguageChange Qt sends about it (at
    once, to the application, which passes it to every item of every screen): the
    language bridge retranslates the engine itself, in the frame that swaps the content,
    and the event would only do it all again (a switch took 4 to 5 ms longer with it).
    On the application only inside `with`: a filter there sees every event."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._app = app

    def __enter__(self) -> _OneRetranslate:
        self._app.installEventFilter(self)
        return self

    def __exit__(self, *_: object) -> None:
        self._app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return event.type() == QEvent.Type.LanguageChange and watched is self._app


@QmlElement
@QmlUncreatable("the kiosk makes its language bridge")
class LanguageBridge(QObject):
    """Signals: `changed` once the new language's words are on every screen."""

    changed = Signal()

    def __init__(
        self, languages: Languages, engine: QQmlEngine, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._languages = languages
        self._engine = engine
        self._followers: list[Callable[[str], None]] = []
        self._words = catalogue(languages.current)
        Translators.shared().show(languages.current)

    def follow(self, follower: Callable[[str], None]) -> None:
        """Call `follower(language)` at every switch, before the screens are retranslated."""
        self._followers.append(follower)

    @property
    def words(self) -> Catalogue:
        """The interface words of the language on show."""
        return self._words

    @Property(str, notify=changed)
    def current(self) -> str:
        """The language on show, as a tag like es-US."""
        return self._languages.current

    @Property("QVariantList", notify=changed)
    def others(self) -> list[dict[str, str]]:
        """The languages a patient may switch to: `tag`, `name` (its name in itself) and
        `label` (what a screen reader says, in that language too)."""
        return [{"tag": tag, "name": name, "label": switch_label(tag, name)}
                for tag, name in self._languages.others()]  # fmt: skip

    @Slot(str)
    def choose(self, tag: str) -> None:
        if self._languages.choose(tag):
            self._show()

    @Slot()
    def reset(self) -> None:
        """Back to the default language, for the next patient."""
        if self._languages.forget():
            self._show()

    def offer(self, languages: Languages) -> None:
        """New content, maybe in other languages: it starts in its default."""
        self._languages = languages
        self._show()

    def _show(self) -> None:
        language = self._languages.current
        log.info("showing %s", language)
        self._words = catalogue(language)
        Translators.shared().show(language)
        for follower in self._followers:
            follower(language)
        self._engine.retranslate()
        self.changed.emit()
