"""The search for a voice: for the language of the content on show, even when new
content arrives while a search is under way."""

from __future__ import annotations

import os

from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.bridge.walk import settle
from kiosk.config import load_config
from kiosk.content.loader import read_bundle
from kiosk.session.idle import ManualClock
from tests.conftest import SAMPLE_CONTENT


def test_new_content_in_another_language_during_the_search_gets_a_voice_of_its_own(
    qtbot: QtBot,
) -> None:
    from kiosk.session import voices

    config = load_config(None, {**os.environ, "KIOSK_SPEECH_ENGINE": "mock"})
    kiosk = Kiosk(read_bundle(SAMPLE_CONTENT), ManualClock(), config)
    speech = kiosk.speech
    speech.discover()  # a search for en-US is under way...
    speech.use_language("de-DE")  # ...when content in German is installed

    qtbot.waitUntil(lambda: speech.found is not voices.LOOKING, timeout=10_000)

    assert not speech.property("available")  # the mock engine has no German voice
    assert "de-DE" in speech.found.line()
    kiosk.engine.deleteLater()
    settle()


def test_the_search_starts_once_after_the_first_frame(qtbot: QtBot) -> None:
    from kiosk.bridge.frames import wait_for_frame
    from kiosk.bridge.services import after_first_frame
    from tests.gui.conftest import open_kiosk

    kiosk = open_kiosk(qtbot, SAMPLE_CONTENT)
    calls: list[int] = []

    after_first_frame(kiosk.window, 0, lambda: calls.append(1))
    for _ in range(3):  # more frames: still once
        wait_for_frame(kiosk.window)
    qtbot.waitUntil(lambda: calls == [1], timeout=5000)
    wait_for_frame(kiosk.window)

    assert calls == [1]
    kiosk.window.close()
    kiosk.engine.deleteLater()
    settle()
