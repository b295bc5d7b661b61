"""Which engine and voice read a bundle aloud, and the line that tells staff about it."""

from __future__ import annotations

import pytest

from kiosk.session import voices

# What speech-dispatcher with espeak-ng offers (abridged), as Qt reports it.
ESPEAK_LOCALES = ["en-GB", "en-US", "es-419", "es-ES", "fr-FR"]
ESPEAK_EN_US = ["English (Caribbean)", "English (Caribbean)+Andy", "English (America)",
                "English (America)+Andy", "English (America, New York City)"]  # fmt: skip


@pytest.mark.parametrize(
    ("available", "setting", "chosen"),
    [(["speechd", "mock"], "", "speechd"), (["mock"], "", None), (["sapi", "winrt"], "", "winrt"),
     (["speechd", "mock"], "mock", "mock"), (["speechd"], "sapi", None),
     (["speechd"], "off", None)],
)  # fmt: skip
def test_the_engine_is_the_first_real_one_unless_the_settings_name_one(
    available: list[str], setting: str, chosen: str | None
) -> None:
    assert voices.choose_engine(available, setting) == chosen


@pytest.mark.parametrize(
    ("wanted", "chosen"),
    [("en-US", "en-US"), ("en_GB", "en-GB"), ("es-US", "es-419"), ("es-MX", "es-419"),
     ("es-ES", "es-ES"), ("en-AU", "en-GB"), ("de-DE", None)],
)  # fmt: skip
def test_the_locale_is_the_same_or_the_nearest_of_the_language(
    wanted: str, chosen: str | None
) -> None:
    assert voices.choose_locale(ESPEAK_LOCALES, wanted) == chosen


def test_spanish_for_the_americas_prefers_any_american_spanish_to_spains() -> None:
    windows = ["es-ES", "es-MX", "en-US"]
    assert voices.choose_locale(windows, "es-US") == "es-MX"
    assert voices.choose_locale(windows, "es-ES") == "es-ES"


def test_the_voice_is_the_one_named_for_the_region_and_never_a_variant() -> None:
    assert voices.choose_voice(ESPEAK_EN_US, "en-US") == "English (America)"
    assert voices.choose_voice(["Spanish (Latin America)+Annie", "Spanish (Latin America)"],
                               "es-419") == "Spanish (Latin America)"  # fmt: skip
    windows = ["Microsoft David - English (United States)", "Microsoft Zira - English (United "
               "States)"]  # fmt: skip
    assert voices.choose_voice(windows, "en-US") == windows[0]
    assert voices.choose_voice(["Anne"], "fi-FI") == "Anne"  # no region word: the first
    assert voices.choose_voice([], "en-US") is None


def test_staff_read_the_voice_or_why_there_is_none_in_one_line() -> None:
    found = voices.Found("speechd", "English (America)", "en-US")
    assert found.available
    assert found.line() == "Read-aloud: speech-dispatcher, voice English (America) (en-US)"
    off = voices.no_engine([], "", "linux", "en-US")
    assert not off.available
    assert off.line() == ("Read-aloud off: no speech engine (apt-get install speech-dispatcher "
                          "speech-dispatcher-espeak-ng espeak-ng)")  # fmt: skip
    assert voices.no_voice("sapi", "es-US", "win32").line() == (
        "Read-aloud off: no voice for es-US in Windows voices (SAPI) (add a voice for es-US in "
        "Windows Settings, Time & language, Speech)")  # fmt: skip
    assert voices.turned_off().line() == (
        'Read-aloud off: turned off in the settings (speech.engine = "off")'
    )
    assert voices.no_engine(["speechd"], "sapi", "linux", "en-US").line() == (
        'Read-aloud off: no speech engine "sapi" (speech.engine); this kiosk has: speechd'
    )
    assert "\n" not in voices.cannot_load("libpulse.so.0: cannot open", "linux").line()
