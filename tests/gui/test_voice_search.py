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
