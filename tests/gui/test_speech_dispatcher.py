"""Read-aloud with the real engine: speech-dispatcher and espeak-ng, speaking into ALSA's
null device (no sound card needed, nothing heard), on a speech-dispatcher of the test's
own. Skipped, saying why, where speech-dispatcher or espeak-ng is not installed."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.bridge.walk import settle
from kiosk.content.loader import read_bundle
from kiosk.session.voices import LINUX_PACKAGES
from tests.conftest import SAMPLE_CONTENT
from tests.gui.test_read_aloud import open_page, speaking_kiosk
from tests.waiting import wait_until

SYSTEM_CONFIG = Path("/etc/speech-dispatcher")
ESPEAK_MODULE = Path("/usr/lib/speech-dispatcher-modules/sd_espeak-ng")


@pytest.fixture
def speech_dispatcher(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A speech-dispatcher of the test's own, on its own socket, speaking to no sound card."""
    if shutil.which("speech-dispatcher") is None or not ESPEAK_MODULE.exists():
        pytest.skip(f"needs speech-dispatcher and espeak-ng ({LINUX_PACKAGES}; .ci/run does)")
    config = tmp_path / "config"
    shutil.copytree(SYSTEM_CONFIG, config)
    with (config / "speechd.conf").open("a", encoding="utf-8") as conf:
        conf.write('\nAudioOutputMethod "alsa"\nAudioALSADevice "null"\nDefaultModule espeak-ng\n')
    socket = tmp_path / "speechd.sock"
    server = subprocess.Popen(
        ["speech-dispatcher", "--run-single", "--communication-method", "unix_socket",
         "--socket-path", str(socket), "--config-dir", str(config), "--log-dir", str(tmp_path),
         "--pid-file", str(tmp_path / "speechd.pid"), "--timeout", "60",
         "--log-level", "4"],  # 4: it logs the sound it plays
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_until(lambda: socket.exists() or server.poll() is not None,
                   "speech-dispatcher to open its socket")  # fmt: skip
        if server.poll() is not None:
            log = tmp_path / "speech-dispatcher.log"
            pytest.skip(f"speech-dispatcher would not start here: {_last_line(log)}")
        monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{socket}")
        yield tmp_path
    finally:
        server.terminate()
        server.wait(10)


def _last_line(log: Path) -> str:
    lines = log.read_text(errors="replace").splitlines() if log.exists() else []
    return lines[-1] if lines else "no log"


@pytest.fixture
def kiosk(qtbot: QtBot, speech_dispatcher: Path) -> Iterator[Kiosk]:
    kiosk = speaking_kiosk(qtbot, read_bundle(SAMPLE_CONTENT), engine="speechd")
    yield kiosk
    kiosk.speech.reset()
    kiosk.window.close()
    kiosk.engine.deleteLater()
    settle()


def test_espeak_ng_reads_a_page_to_its_end_sentence_by_sentence(
    qtbot: QtBot, kiosk: Kiosk, speech_dispatcher: Path
) -> None:
    assert kiosk.speech.found.line() == (
        "Read-aloud: speech-dispatcher, voice English (America) (en-US)"
    )
    spoken = open_page(kiosk, "questions")
    started: list[str] = []
    kiosk.speech.sentenceStarted.connect(lambda: started.append(kiosk.speech.property("sentence")))

    kiosk.speech.read("page:questions", spoken)
    qtbot.waitUntil(lambda: kiosk.speech.property("state") == "idle", timeout=60_000)

    # Every sentence went to the voice, in order, each once the one before had ended (the
    # reading moves on only when speech-dispatcher says so), and the reading ended by itself.
    assert started == [s for s in spoken if any(c.isalnum() for c in s)]
    # And espeak-ng's sound went to the (null) audio device, sentence after sentence.
    log = (speech_dispatcher / "speech-dispatcher.log").read_text(errors="replace")
    assert "Can't initialize audio" not in log
    assert log.count("playback thread got END from queue") >= len(started)


def test_a_spanish_bundle_gets_espeak_ngs_latin_american_voice(
    qtbot: QtBot, speech_dispatcher: Path
) -> None:
    result = read_bundle(SAMPLE_CONTENT)
    assert result.bundle is not None
    spanish = dataclasses.replace(
        result, bundle=dataclasses.replace(result.bundle, language="es-US")
    )
    kiosk = speaking_kiosk(qtbot, spanish, engine="speechd")
    try:
        assert kiosk.speech.found.line() == (
            "Read-aloud: speech-dispatcher, voice Spanish (Latin America) (es-419)"
        )
        assert kiosk.speech.property("available")
    finally:
        kiosk.window.close()
        kiosk.engine.deleteLater()
        settle()


def test_switching_to_spanish_speaks_with_the_spanish_voice_at_once(
    qtbot: QtBot, kiosk: Kiosk
) -> None:
    """The first search found a voice for each of the content's languages: the switch
    needs no second one (which would hold the screen while the engine is made again)."""
    assert kiosk.speech.found.line().endswith("(en-US)")

    kiosk.language.choose("es-US")

    assert kiosk.speech.found.line() == (
        "Read-aloud: speech-dispatcher, voice Spanish (Latin America) (es-419)"
    )
    assert kiosk.speech.property("available")
    spoken = open_page(kiosk, "questions")
    assert spoken[0] == "Preguntas para su proveedor de salud"
    started: list[str] = []
    kiosk.speech.sentenceStarted.connect(lambda: started.append(kiosk.speech.property("sentence")))
    kiosk.speech.read("page:questions", spoken[:2])
    qtbot.waitUntil(lambda: kiosk.speech.property("state") == "idle", timeout=60_000)
    assert started == spoken[:2]  # espeak-ng read the Spanish through to the end
