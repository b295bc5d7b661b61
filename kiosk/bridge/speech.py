"""Read-aloud, as QML drives it: Listen, Pause, Resume, Stop, the pace, and the sentence
being said; over QtTextToSpeech, with the reading itself in kiosk.session.read_aloud.

The voice is looked for on a thread of its own (kiosk.bridge.voice_probe) once the first
frame is up, and the engine that speaks is then made here, on the screen's thread. Until
a voice is found, and on a kiosk with none, `available` is false and no Listen button
shows; `found.line()` tells staff why. Reading stops at every move, when a glossary
word's card opens or closes, and at every reset.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QEventLoop, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.bridge.navigation import NavigationBridge
from kiosk.bridge.voice_probe import VoiceProbe, quiet_multimedia, tag_of
from kiosk.content.spoken import for_the_voice
from kiosk.session import voices
from kiosk.session.read_aloud import Reading, Speaking

if TYPE_CHECKING:
    from PySide6.QtTextToSpeech import QTextToSpeech

# Registered for QML as the module Kiosk (`import Kiosk`), so qmllint knows every slot.
QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger("kiosk.speech")


@QmlElement
@QmlUncreatable("the kiosk makes its speech bridge")
class SpeechBridge(QObject):
    """Signals: `changed` when read-aloud turns on or off, starts, moves on a sentence,
    pauses, stops or changes pace; `sentenceStarted` as each sentence goes to the voice
    (someone is listening, so the idle timer starts again)."""

    changed = Signal()
    sentenceStarted = Signal()
    readingStarted = Signal(str)  # the key of what a patient asked to hear

    def __init__(self, language: str, setting: str, navigation: NavigationBridge,
                 parent: QObject | None = None, also: Sequence[str] = ()) -> None:  # fmt: skip
        super().__init__(parent)
        self._language, self._setting = language, setting
        # Every language the content is in: one search finds a voice for each.
        self._languages = tuple(dict.fromkeys([language, *also]))
        self._voices: dict[str, voices.Found] = {}
        self._reading = Reading()
        self._found = voices.LOOKING
        self._tts: QTextToSpeech | None = None
        self._probe: VoiceProbe | None = None
        self._heard_speaking = False  # since the last sentence was given to the engine
        navigation.changed.connect(self.stop)
        navigation.termChanged.connect(self.stop)  # a glossary word's card opens or closes

    @property
    def found(self) -> voices.Found:
        """The engine and voice in use, or why there is none (LOOKING until the search ends)."""
        return self._found

    def discover(self) -> None:
        """Look for a voice on a thread of its own, unless a search is under way."""
        if self._probe is not None:
            return
        quiet_multimedia()
        self._probe = VoiceProbe(self._setting, self._languages, self)
        self._probe.found.connect(self._use)
        self._probe.start()

    def wait_for_voice(self, timeout_ms: int = 20_000) -> bool:
        """Look, and wait until the search ends (the self-test and screenshots); False if
        it did not end in time."""
        self.discover()
        if self._found is voices.LOOKING:
            loop = QEventLoop()
            self.changed.connect(loop.quit)
            QTimer.singleShot(timeout_ms, loop.quit)
            loop.exec()
            self.changed.disconnect(loop.quit)
        return self._found is not voices.LOOKING

    def use_language(self, language: str) -> None:
        """Content in another language: stop, and speak with its voice (found by the first
        search when the content is in that language; else look for one)."""
        if language == self._language:
            return
        self.reset()
        self._language = language
        known = self._voices.get(language)
        if known is not None:
            self._show_voice(known)
            return
        self._languages = tuple(dict.fromkeys([*self._languages, language]))
        self._found = voices.LOOKING
        self._drop_engine()
        self.discover()

    def _show_voice(self, found: voices.Found) -> None:
        """Speak with `found`'s voice: on the engine already made when it is the same one.
        A language with no voice keeps the engine for the others (Listen just hides)."""
        if found.available:
            if self._tts is not None and self._tts.engine() == found.engine:
                _set_voice(self._tts, found)
            else:
                self._drop_engine()
                found = self._make_engine(found)
        self._found = found
        log.log(logging.INFO if found.available else logging.WARNING, "%s", found.line())
        self.changed.emit()

    def _use(self, found_by_language: dict[str, voices.Found]) -> None:
        if self._probe is not None:
            self._probe.deleteLater()  # it has said what it found: its thread is ending
            self._probe = None
        self._voices.update(found_by_language)
        found = found_by_language.get(self._language)
        if found is None:  # new content came in another language
            self.discover()
            return
        self._show_voice(found)

    def _make_engine(self, found: voices.Found) -> voices.Found:
        from PySide6.QtTextToSpeech import QTextToSpeech

        tts = QTextToSpeech(found.engine, self)
        if tts.state() == QTextToSpeech.State.Error:
            tts.deleteLater()
            return voices.engine_failed(found.engine, tts.errorString())
        _set_voice(tts, found)
        tts.stateChanged.connect(self._engine_state)
        tts.errorOccurred.connect(self._engine_error)
        self._tts = tts
        return found

    def _drop_engine(self) -> None:
        if self._tts is not None:
            self._tts.stop()
            self._tts.deleteLater()
            self._tts = None

    @Property(bool, notify=changed)
    def available(self) -> bool:
        return self._tts is not None and self._found.available

    @Property("QVariantMap", constant=True)
    def states(self) -> dict[str, str]:
        """The Speaking enum for QML: `speech.states.paused`, never a bare string."""
        return {state.name.lower(): state.value for state in Speaking}

    @Property(str, notify=changed)
    def state(self) -> str:
        """One of `states`' values."""
        return self._reading.state.value

    @Property(str, notify=changed)
    def reading(self) -> str:
        """Which text is being read (the key its Listen button gave), or ""."""
        return self._reading.key

    @Property(str, notify=changed)
    def sentence(self) -> str:
        """The sentence being said, as the screen shows it."""
        return self._reading.current

    @Property(int, notify=changed)
    def sentenceNumber(self) -> int:
        return self._reading.index + 1

    @Property(int, notify=changed)
    def sentenceCount(self) -> int:
        return len(self._reading.sentences)

    @Property(bool, notify=changed)
    def slower(self) -> bool:
        return self._reading.slower

    @Slot(str, "QStringList")
    def read(self, key: str, sentences: Sequence[str]) -> None:
        """Read `sentences` aloud from the first, instead of anything being read."""
        if self._tts is None:
            return
        self._reading.stop()
        self._tts.stop()
        first = self._reading.start(key, sentences)
        if first is not None:
            self._say(first)
            self.readingStarted.emit(key)
        self.changed.emit()

    @Slot()
    def pause(self) -> None:
        if self._tts is not None and self._reading.pause():
            self._tts.pause()
            self.changed.emit()

    @Slot()
    def resume(self) -> None:
        if self._tts is None:
            return
        resumed, anew = self._reading.resume()
        if anew is not None:
            self._say(anew)
        elif resumed:
            self._tts.resume()
        self.changed.emit()

    @Slot()
    def stop(self) -> None:
        """Stop reading (Stop, and every move to another screen or step)."""
        if self._reading.state is Speaking.IDLE:
            return
        self._reading.stop()
        if self._tts is not None:
            self._tts.stop()
        self.changed.emit()

    @Slot(bool)
    def setSlower(self, slower: bool) -> None:
        self._reading.slower = slower
        if self._tts is not None:
            self._tts.setRate(self._reading.rate)
        self.changed.emit()

    def reset(self) -> None:
        """The next patient hears nothing of the last one's reading, at the normal pace; an
        engine that failed is looked for again."""
        self._reading.forget()
        if self._tts is not None:
            self._tts.stop()
            self._tts.setRate(self._reading.rate)
        elif self._found.engine and not self._found.available:
            self.discover()
        self.changed.emit()

    def _say(self, sentence: str) -> None:
        assert self._tts is not None
        self._heard_speaking = False
        self._tts.setRate(self._reading.rate)
        self._tts.say(for_the_voice(sentence, self._found.engine))
        self.sentenceStarted.emit()

    def _engine_state(self, state: Any) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if state == QTextToSpeech.State.Speaking:
            self._heard_speaking = True
        elif state == QTextToSpeech.State.Ready and self._heard_speaking:
            # Only a sentence heard starting has finished: a stop's late Ready is no end.
            self._heard_speaking = False
            following = self._reading.said()
            if following is not None:
                self._say(following)
            self.changed.emit()

    def _engine_error(self, reason: Any, text: str) -> None:
        log.warning("read-aloud stopped: the speech engine failed (%s)", text or reason)
        self._reading.stop()
        self._found = voices.engine_failed(self._found.engine, text)
        self._drop_engine()
        self.changed.emit()


def _set_voice(tts: QTextToSpeech, found: voices.Found) -> None:
    for locale in tts.availableLocales():
        if tag_of(locale) == found.locale:
            tts.setLocale(locale)
    for voice in tts.availableVoices():
        if voice.name() == found.voice:
            tts.setVoice(voice)
