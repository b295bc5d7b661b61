"""The search for a speech engine and a voice for each of the bundle's languages, on a
thread of its own: QTextToSpeech.availableEngines() and speech-dispatcher's engine can take
seconds to answer, or never answer, when speech-dispatcher is installed but not running. The engine
that speaks is made afterwards on the screen's thread (kiosk.bridge.speech)."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEventLoop, QLoggingCategory, QObject, QTimer, Signal

from kiosk.session import voices

if TYPE_CHECKING:
    from PySide6.QtTextToSpeech import QTextToSpeech

log = logging.getLogger("kiosk.speech")

ANSWER_MS = 10_000  # how long an engine may take to say it is ready


def quiet_multimedia() -> None:
    """WORKAROUND for QtMultimedia (which QtTextToSpeech loads) warning at load that it finds
    no PipeWire: the voice plays through the engine, not QtMultimedia, and the self-test and
    the tests fail on any Qt warning."""
    QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver.warning=false")


def tag_of(locale: Any) -> str:
    """A QLocale as a BCP 47 tag with its region: en-US, es-419."""
    return str(locale.name()).replace("_", "-")


def wait_until_ready(tts: QTextToSpeech) -> bool:
    """True once the engine is ready to speak; False on its error or after ANSWER_MS."""
    from PySide6.QtTextToSpeech import QTextToSpeech

    ready, error = QTextToSpeech.State.Ready, QTextToSpeech.State.Error
    if tts.state() not in (ready, error):
        loop = QEventLoop()
        tts.stateChanged.connect(lambda state: loop.quit() if state in (ready, error) else None)
        QTimer.singleShot(ANSWER_MS, loop.quit)
        loop.exec()
    return tts.state() == ready


def look_for_voices(setting: str, languages: Sequence[str]) -> dict[str, voices.Found]:
    """The engine and a voice for each of `languages` (on the probe thread: this may
    block): one engine is asked for them all, so switching language later needs no search."""
    if setting == voices.OFF:
        return dict.fromkeys(languages, voices.turned_off())
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError as exc:  # no libpulse.so.0, or a build without the module
        return dict.fromkeys(languages, voices.cannot_load(str(exc), sys.platform))
    available = QTextToSpeech.availableEngines()
    engine = voices.choose_engine(available, setting)
    if engine is None:
        return {lang: voices.no_engine(available, setting, sys.platform, lang)
                for lang in languages}  # fmt: skip
    tts = QTextToSpeech(engine)
    if not wait_until_ready(tts):
        return dict.fromkeys(
            languages, voices.engine_failed(engine, tts.errorString() or "no answer")
        )
    locales = {tag_of(locale): locale for locale in tts.availableLocales()}
    found = {}
    for language in languages:
        tag = voices.choose_locale(list(locales), language)
        voice = None
        if tag is not None:
            tts.setLocale(locales[tag])
            voice = voices.choose_voice([voice.name() for voice in tts.availableVoices()], tag)
        found[language] = (voices.Found(engine, voice, tag) if tag and voice
                           else voices.no_voice(engine, language, sys.platform))  # fmt: skip
    return found


class VoiceProbe(QObject):
    """Looks for a voice on a thread of its own and says what it found (`found`, a
    voices.Found) on the screen's thread. A Python daemon thread, not a QThread: one that
    never hears back from an engine must not hold up, or abort, the kiosk's exit."""

    found = Signal(object)  # {language: voices.Found}

    def __init__(self, setting: str, languages: Sequence[str], parent: QObject) -> None:
        super().__init__(parent)
        self._setting, self._languages = setting, tuple(languages)

    def start(self) -> None:
        threading.Thread(target=self._run, name="voice-probe", daemon=True).start()

    def _run(self) -> None:
        try:
            found = look_for_voices(self._setting, self._languages)
        except Exception as exc:  # whatever an engine does, the kiosk goes on without speech
            log.exception("looking for a voice failed")
            failed = voices.Found(problem=f"looking for a voice failed: {exc}")
            found = dict.fromkeys(self._languages, failed)
        try:
            self.found.emit(found)  # queued to the screen's thread
        except RuntimeError:  # the kiosk was torn down meanwhile: nobody to tell
            log.debug("the search for a voice ended after the kiosk")
