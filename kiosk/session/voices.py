"""Which speech engine and voice read a bundle aloud, and the one line that tells staff
what read-aloud is doing (or why it is off).

Engines are Qt's names for them (QTextToSpeech.availableEngines()); languages are BCP 47
tags such as en-US, as a bundle's `language` gives them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

OFF = "off"  # speech.engine = "off": no read-aloud on this kiosk
# Tried in this order when speech.engine is empty. Qt's "mock" engine only when named.
AUTOMATIC = ("speechd", "winrt", "sapi", "darwin", "android")
ENGINE_NAMES = {
    "speechd": "speech-dispatcher",
    "winrt": "Windows voices (WinRT)",
    "sapi": "Windows voices (SAPI)",
    "darwin": "macOS voices",
    "android": "Android voices",
    "mock": "Qt's test engine (mock)",
}
LINUX_PACKAGES = "apt-get install speech-dispatcher speech-dispatcher-espeak-ng espeak-ng"
# Words in voice names for a region: espeak-ng calls its en-US voice "English (America)",
# Windows "Microsoft Zira - English (United States)".
REGION_WORDS = {
    "US": ("America", "United States"),
    "GB": ("Great Britain", "United Kingdom", "Britain"),
    "419": ("Latin America",),
    "MX": ("Mexico", "Latin America"),
    "ES": ("Spain",),
}
SPAIN = "ES"


def choose_engine(available: Sequence[str], setting: str) -> str | None:
    """The engine to use: the one speech.engine names, else the first real one there is."""
    if setting == OFF:
        return None
    if setting:
        return setting if setting in available else None
    return next((engine for engine in AUTOMATIC if engine in available), None)


def _parts(tag: str) -> tuple[str, str]:
    """('en', 'US') for en-US or en_US; the region is "" when the tag has none."""
    pieces = tag.replace("_", "-").split("-")
    region = next((p for p in pieces[1:] if len(p) == 2 or p.isdigit()), "")
    return pieces[0].lower(), region.upper()


def choose_locale(available: Sequence[str], wanted: str) -> str | None:
    """The engine's locale closest to `wanted`: the same tag, else the same language (for
    Spanish outside Spain, Latin American Spanish first, then any but Spain's), else None."""
    language, region = _parts(wanted)
    same = [tag for tag in available if _parts(tag)[0] == language]
    exact = [tag for tag in same if _parts(tag)[1] == region]
    if exact:
        return exact[0]
    if language == "es" and region != SPAIN:  # Latin American, then the Americas', then Spain's
        same.sort(key=lambda tag: (_parts(tag)[1] == SPAIN, _parts(tag)[1] != "419"))
    return same[0] if same else None


def choose_voice(names: Sequence[str], locale: str) -> str | None:
    """A voice for `locale` from the engine's names: one named for the region if there is
    one (espeak-ng lists its Caribbean English first for en-US), and never one of espeak-ng's
    variants ("English (America)+Andy" is the same voice with an effect)."""
    plain = [name for name in names if "+" not in name] or list(names)
    words = REGION_WORDS.get(_parts(locale)[1], ())
    named = [name for name in plain if any(word in name for word in words)]
    chosen = named or plain
    return chosen[0] if chosen else None


@dataclass(frozen=True)
class Found:
    """What the search for a voice found: an engine and voice, or why there is none."""

    engine: str = ""
    voice: str = ""
    locale: str = ""  # the engine's locale the voice speaks, as a BCP 47 tag
    problem: str = ""

    @property
    def available(self) -> bool:
        return bool(self.voice) and not self.problem

    def line(self) -> str:
        """One line for the staff screen and the self-test."""
        if self.available:
            engine = ENGINE_NAMES.get(self.engine, self.engine)
            return f"Read-aloud: {engine}, voice {self.voice} ({self.locale})"
        return f"Read-aloud off: {self.problem}"


LOOKING = Found(problem="still looking for a voice")


def _hint(platform: str, language: str) -> str:
    if platform.startswith("linux"):
        return LINUX_PACKAGES
    if platform == "win32":
        return f"add a voice for {language} in Windows Settings, Time & language, Speech"
    return f"add a voice for {language}"


def turned_off() -> Found:
    return Found(problem=f'turned off in the settings (speech.engine = "{OFF}")')


def cannot_load(reason: str, platform: str) -> Found:
    return Found(problem=f"the speech module does not load ({reason}): {_hint(platform, 'it')}")


def no_engine(available: Sequence[str], setting: str, platform: str, language: str) -> Found:
    if setting:
        there = ", ".join(available) or "none"
        return Found(problem=f'no speech engine "{setting}" (speech.engine); this kiosk has: '
                     f"{there}")  # fmt: skip
    return Found(problem=f"no speech engine ({_hint(platform, language)})")


def engine_failed(engine: str, reason: str) -> Found:
    name = ENGINE_NAMES.get(engine, engine)
    return Found(engine, problem=f"{name} does not work: {reason or 'no reason given'}")


def no_voice(engine: str, language: str, platform: str) -> Found:
    name = ENGINE_NAMES.get(engine, engine)
    return Found(engine, problem=f"no voice for {language} in {name} ({_hint(platform, language)})")
