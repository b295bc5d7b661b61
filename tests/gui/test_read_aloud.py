"""Listen, as a patient uses it, through Qt's mock speech engine (100 ms a word, no sound):
the sentence being said shows under the buttons, Pause and Resume hold and go on, and
reading stops at Stop, at every move, at "I'm done" and at the idle reset."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.bridge.voice_probe import quiet_multimedia
from kiosk.bridge.walk import find_visible, settle
from kiosk.config import load_config
from kiosk.content.loader import LoadResult, read_bundle
from kiosk.session.idle import READING_IDLE, ManualClock
from kiosk.session.read_aloud import SLOWER_RATE
from tests.conftest import REPO, SAMPLE_CONTENT
from tests.gui.conftest import PORTRAIT, accessible_name, find, tap, text_of

quiet_multimedia()  # as the kiosk does before it loads the module
from PySide6.QtTextToSpeech import QTextToSpeech  # noqa: E402


def speaking_kiosk(qtbot: QtBot, result: LoadResult, engine: str = "mock") -> Kiosk:
    """A shown kiosk whose voice is Qt's mock engine, once the search for it has ended."""
    config = load_config(None, {**os.environ, "KIOSK_SPEECH_ENGINE": engine})
    kiosk = Kiosk(result, ManualClock(), config)
    kiosk.window.resize(*PORTRAIT)
    kiosk.window.show()
    qtbot.waitExposed(kiosk.window)
    with qtbot.waitSignal(kiosk.speech.changed, timeout=10_000):
        kiosk.speech.discover()
    return kiosk


@pytest.fixture
def kiosk(qtbot: QtBot) -> Iterator[Kiosk]:
    kiosk = speaking_kiosk(qtbot, read_bundle(SAMPLE_CONTENT))
    assert kiosk.speech.property("available"), kiosk.speech.found.line()
    yield kiosk
    kiosk.speech.reset()
    kiosk.window.close()
    kiosk.engine.deleteLater()
    settle()


def engine(kiosk: Kiosk) -> QTextToSpeech:
    found = kiosk.speech.findChild(QTextToSpeech)
    assert found is not None
    return found


def now_reading(kiosk: Kiosk) -> str:
    item = find_visible(kiosk.window, "nowReadingSentence")
    return str(item.property("text")) if item is not None else ""


def open_page(kiosk: Kiosk, page_id: str) -> list[str]:
    """Open a page as a link would; what Listen will read there."""
    assert kiosk.navigation.openPage(page_id)
    settle()
    return list(kiosk.content.page(page_id)["spoken"])


def test_listen_shows_each_sentence_as_the_voice_says_it(qtbot: QtBot, kiosk: Kiosk) -> None:
    spoken = open_page(kiosk, "opioids")
    assert find_visible(kiosk.window, "nowReading") is None  # nothing read yet

    tap(kiosk.window, "listenButton")

    qtbot.waitUntil(lambda: now_reading(kiosk) == "Opioids and long-term pain")
    assert engine(kiosk).state() == QTextToSpeech.State.Speaking
    assert text_of(kiosk.window, "nowReadingPlace") == f"Reading sentence 1 of {len(spoken)}"
    qtbot.waitUntil(lambda: now_reading(kiosk) == spoken[1])  # the summary, once said
    assert text_of(kiosk.window, "nowReadingPlace") == f"Reading sentence 2 of {len(spoken)}"
    assert text_of(kiosk.window, "listenButton") == "Pause"
    assert accessible_name(find(kiosk.window, "listenButton")) == "Pause reading aloud"


def test_pause_holds_the_sentence_and_resume_goes_on(qtbot: QtBot, kiosk: Kiosk) -> None:
    spoken = open_page(kiosk, "opioids")
    tap(kiosk.window, "listenButton")
    qtbot.waitUntil(lambda: now_reading(kiosk) == spoken[1])

    tap(kiosk.window, "listenButton")  # Pause

    qtbot.waitUntil(lambda: engine(kiosk).state() == QTextToSpeech.State.Paused)
    assert text_of(kiosk.window, "listenButton") == "Resume"
    assert text_of(kiosk.window, "nowReadingPlace").startswith("Paused at sentence 2 of")
    assert now_reading(kiosk) == spoken[1]

    tap(kiosk.window, "listenButton")  # Resume

    qtbot.waitUntil(lambda: now_reading(kiosk) == spoken[2])
    assert text_of(kiosk.window, "listenButton") == "Pause"


def test_stop_and_every_move_stop_the_voice(qtbot: QtBot, kiosk: Kiosk) -> None:
    open_page(kiosk, "opioids")
    tap(kiosk.window, "listenButton")
    qtbot.waitUntil(lambda: engine(kiosk).state() == QTextToSpeech.State.Speaking)

    tap(kiosk.window, "stopButton")

    assert engine(kiosk).state() == QTextToSpeech.State.Ready
    assert find_visible(kiosk.window, "nowReading") is None
    assert text_of(kiosk.window, "listenButton") == "Listen"

    tap(kiosk.window, "listenButton")
    qtbot.waitUntil(lambda: engine(kiosk).state() == QTextToSpeech.State.Speaking)
    tap(kiosk.window, "backButton")

    assert engine(kiosk).state() == QTextToSpeech.State.Ready
    assert kiosk.speech.property("state") == "idle"


def test_the_next_tour_step_stops_the_voice(qtbot: QtBot, kiosk: Kiosk) -> None:
    assert kiosk.navigation.startTour()
    settle()
    tap(kiosk.window, "listenButton")
    qtbot.waitUntil(lambda: engine(kiosk).state() == QTextToSpeech.State.Speaking)

    tap(kiosk.window, "tourNext")

    assert engine(kiosk).state() == QTextToSpeech.State.Ready
    assert find_visible(kiosk.window, "nowReading") is None


def test_im_done_stops_the_voice_and_forgets_the_pace(qtbot: QtBot, kiosk: Kiosk) -> None:
    open_page(kiosk, "opioids")
    tap(kiosk.window, "paceSlower")
    assert find(kiosk.window, "paceSlower").property("checked")
    tap(kiosk.window, "listenButton")
    qtbot.waitUntil(lambda: engine(kiosk).state() == QTextToSpeech.State.Speaking)
    assert engine(kiosk).rate() == pytest.approx(SLOWER_RATE)

    tap(kiosk.window, "doneButton")

    assert kiosk.navigation.property("screen") == "attract"
    assert engine(kiosk).state() == QTextToSpeech.State.Ready
    assert engine(kiosk).rate() == 0
    open_page(kiosk, "opioids")
    assert find(kiosk.window, "paceNormal").property("checked")
    assert find_visible(kiosk.window, "nowReading") is None


def test_listening_keeps_the_idle_warning_away_and_the_idle_reset_stops_it(
    qtbot: QtBot, kiosk: Kiosk
) -> None:
    clock = kiosk.clock
    assert isinstance(clock, ManualClock)
    spoken = open_page(kiosk, "opioids")
    tap(kiosk.window, "listenButton")
    clock.advance(READING_IDLE - 1)
    qtbot.waitUntil(lambda: now_reading(kiosk) == spoken[1])  # a new sentence: still listened
    clock.advance(2)
    kiosk.session.tick()
    assert not kiosk.session.property("warning")

    tap(kiosk.window, "listenButton")  # Pause: now nobody may be there
    clock.advance(READING_IDLE + 60)
    kiosk.session.tick()

    assert kiosk.navigation.property("screen") == "attract"
    assert kiosk.speech.property("state") == "idle"
    assert engine(kiosk).state() == QTextToSpeech.State.Ready


def test_the_contact_details_read_the_clinic_after_the_title(qtbot: QtBot, kiosk: Kiosk) -> None:
    assert kiosk.navigation.openContact()
    settle()

    tap(kiosk.window, "listenButton")

    qtbot.waitUntil(lambda: now_reading(kiosk) == "Libertas Mind")


def test_a_glossary_card_reads_the_word_and_what_it_means_to_the_end(
    qtbot: QtBot, kiosk: Kiosk
) -> None:
    open_page(kiosk, "opioids")
    assert kiosk.navigation.openLink("kiosk:term/22")
    settle()
    card = find(kiosk.window, "glossaryCard")
    term = str(text_of(kiosk.window, "glossaryTerm"))
    listen = [item for item in card.findChildren(type(card)) if item.objectName() == "listenButton"]
    assert listen

    tap(kiosk.window, listen[0])

    qtbot.waitUntil(lambda: now_reading(kiosk) == term)
    qtbot.waitUntil(lambda: kiosk.speech.property("state") == "idle", timeout=10_000)  # the end
    assert listen[0].property("text") == "Listen"


@pytest.mark.parametrize(
    ("engine_setting", "language", "why"),
    [("off", "en-US", 'turned off in the settings (speech.engine = "off")'),
     ("mock", "de-DE", "no voice for de-DE in Qt's test engine (mock)")],
)  # fmt: skip
def test_with_no_voice_there_is_no_listen_button_and_staff_are_told_why(
    qtbot: QtBot, engine_setting: str, language: str, why: str
) -> None:
    result = read_bundle(SAMPLE_CONTENT)
    assert result.bundle is not None
    result = dataclasses.replace(
        result, bundle=dataclasses.replace(result.bundle, language=language)
    )
    kiosk = speaking_kiosk(qtbot, result, engine_setting)
    open_page(kiosk, "opioids")

    assert find_visible(kiosk.window, "listenBar") is None
    assert find_visible(kiosk.window, "listenButton") is None
    assert kiosk.live().speech.startswith(f"Read-aloud off: {why}")
    assert not kiosk.live().speech_available
    kiosk.window.close()
    kiosk.engine.deleteLater()
    settle()


@pytest.mark.parametrize(
    ("engine_setting", "line"),
    [("mock", "ok    Read-aloud: Qt's test engine (mock), voice Charly (en-US)"),
     ("off", 'ok    Read-aloud off: turned off in the settings (speech.engine = "off")')],
)  # fmt: skip
def test_the_self_test_says_which_voice_reads_or_why_none(
    tmp_path: Path, engine_setting: str, line: str
) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_PATHS_DATA_DIR": str(tmp_path),
           "KIOSK_SPEECH_ENGINE": engine_setting}  # fmt: skip
    result = subprocess.run([sys.executable, "-m", "kiosk", "--self-test"], capture_output=True,
                            text=True, cwd=REPO, env=env, check=False, timeout=120)  # fmt: skip

    assert result.returncode == 0, result.stdout + result.stderr
    assert line in result.stdout.splitlines()


def test_without_the_speech_module_read_aloud_is_off_and_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kiosk.bridge.voice_probe import look_for_voices

    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", None)  # as if it would not load

    line = look_for_voices("", ["en-US"])["en-US"].line()

    assert line.startswith("Read-aloud off: the speech module does not load (")
    assert line.endswith(
        ": apt-get install speech-dispatcher speech-dispatcher-espeak-ng espeak-ng"
    )


HUNG_ENGINE = """
import sys, threading
from PySide6.QtCore import QTimer
from kiosk.bridge import voice_probe
from kiosk.bridge.window import start_qt

voice_probe.look_for_voices = lambda setting, languages: threading.Event().wait()  # never answers
app = start_qt("kiosk", offscreen=True)
from kiosk.app import Kiosk
from kiosk.content.loader import read_bundle
from kiosk.launcher import sample_content

kiosk = Kiosk(read_bundle(sample_content()))
kiosk.speech.discover()
QTimer.singleShot(200, lambda: app.exit(64))  # as staff's "Exit kiosk" does
sys.exit(app.exec())
"""


def test_an_engine_that_never_answers_does_not_hold_up_the_kiosks_exit(tmp_path: Path) -> None:
    env = {**os.environ, "KIOSK_PATHS_DATA_DIR": str(tmp_path / "data"),
           "KIOSK_PATHS_LOG_DIR": str(tmp_path / "log")}  # fmt: skip
    done = subprocess.run([sys.executable, "-c", HUNG_ENGINE], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=60, check=False)  # fmt: skip

    assert done.returncode == 64, done.stderr  # not an abort: systemd keeps it stopped
