"""Read-aloud on the staff screen and in the metrics: its voice, or why it is off."""

from __future__ import annotations

from pathlib import Path

from kiosk.health.metrics import render
from kiosk.health.text import facts
from tests.unit.health.test_metrics import health_of, samples

OFF = "Read-aloud off: no speech engine (apt-get install speech-dispatcher)"


def test_staff_read_the_voice_in_one_line(tmp_path: Path) -> None:
    health = health_of(tmp_path, speech="Read-aloud: speech-dispatcher, voice English (America) "
                       "(en-US)", speech_available=True)  # fmt: skip

    assert ("Read-aloud", "speech-dispatcher, voice English (America) (en-US)") in facts(health)
    assert samples(render(health))['clinic_kiosk_speech_available{kiosk="lobby-1"}'] == 1


def test_staff_read_why_read_aloud_is_off(tmp_path: Path) -> None:
    health = health_of(tmp_path, speech=OFF, speech_available=False)

    assert ("Read-aloud off", "no speech engine (apt-get install speech-dispatcher)") in facts(
        health
    )
    assert samples(render(health))['clinic_kiosk_speech_available{kiosk="lobby-1"}'] == 0


def test_no_word_from_the_kiosk_about_read_aloud_shows_no_line(tmp_path: Path) -> None:
    health = health_of(tmp_path)  # e.g. `kiosk-admin status`: only the running kiosk knows

    assert not [label for label, _ in facts(health) if label.startswith("Read-aloud")]
    assert "speech_available" not in render(health)
