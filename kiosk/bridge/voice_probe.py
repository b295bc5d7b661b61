"""The search for a speech engine and a voice for the bundle's language, on a thread of its
own: QTextToSpeech.availableEngines() and speech-dispatcher's engine can take seconds to
answer, or never answer, when speech-dispatcher is installed but not running. The engine
that speaks is made afterwards on the screen's thread (kiosk.bridge.speech)."""

from __future__ import annotations

import logging
import sys
import threading
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


def look_for_a_voice(setting: str, language: str) -> voices.Found:
    """The engine and voice for `language` (on the probe thread: this may block)."""
    if setting == voices.OFF:
        return voices.turned_off()
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError as exc:  # no libpulse.so.0, or a build without the module
        return voices.cannot_load(str(exc), sys.platform)
    available = QTextToSpeech.availableEngines()
    engine = voices.choose_engine(available, setting)
    if engine is None:
        return voices.no_engine(available, setting, sys.platform, language)
    tts = QTextToSpeech(engine)
    if not wait_until_ready(tts):
        return voices.engine_failed(engine, tts.errorString() or "no answer")
    locales = {tag_of(locale): locale for locale in tts.availableLocales()}
    tag = voices.choose_locale(list(locales), language)
    if tag is None:
        return voices.no_voice(engine, language, sys.platform)
    tts.setLocale(locales[tag])
    voice = voices.choose_voice([voice.name() for voice in tts.availableVoices()], tag)
    if voice is None:
        return voices.no_voice(engine, language, sys.platform)
    return voices.Found(engine, voice, tag)


class VoiceProbe(QObject):
    """Looks for a voice on a thread of its own and says what it found (`found`, a
    voices.Found) on the screen's thread. A Python daemon thread, not a QThread: one that
    never hears back from an engine must not hold up, or abort, the kiosk's exit."""

    found = Signal(object)

    def __init__(self, setting: str, language: str, parent: QObject) -> None:
        super().__init__(parent)
        self._setting, self._language = setting, language

    def start(self) -> None:
        threading.Thread(target=self._run, name="voice-probe", daemon=True).start()

    def _run(self) -> None:
        try:
            found = look_for_a_voice(self._setting, self._language)
        except Exception as exc:  # whatever an engine does, the kiosk goes on without speech
            log.exception("looking for a voice failed")
            found = voices.Found(problem=f"looking for a voice failed: {exc}")
        try:
            self.found.emit(found)  # queued to the screen's thread
        except RuntimeError:  # the kiosk was torn down meanwhile: nobody to tell
            log.debug("the search for a voice ended after the kiosk")
