"""Reading-level figures for a page's plain text: Flesch-Kincaid for English, and for
Spanish the Fernández-Huerta and INFLESZ (Szigriszt-Pazos) ease scores.

Sentences are lines and what ends in . ! or ?; as in the usual tools, a "sentence"
of one or two words (a heading) counts its words but not as a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kiosk.content import syllables

_SENTENCE_END_RE = re.compile(r"(?<=[.!?])[\"'”’)]*\s+")


@dataclass(frozen=True)
class Readability:
    grade: float  # Flesch-Kincaid grade level
    words: int
    sentences: tuple[str, ...]


def sentences(text: str) -> list[str]:
    """Split plain text into sentences; each line (heading, list item) ends one."""
    found: list[str] = []
    for block in text.splitlines():
        found.extend(s.strip() for s in _SENTENCE_END_RE.split(block) if s.strip())
    return found


def measure(text: str) -> Readability:
    found = sentences(text)
    all_words = syllables.words(text)
    grade = 0.0
    if all_words:
        per_sentence = len(all_words) / _sentence_count(found)
        per_word = sum(map(syllables.english, all_words)) / len(all_words)
        grade = 0.39 * per_sentence + 11.8 * per_word - 15.59
    return Readability(grade=round(grade, 1), words=word_count(text), sentences=tuple(found))


@dataclass(frozen=True)
class Ease:
    """Spanish reading ease: higher is easier (about 70 and over: easy for most readers)."""

    fernandez_huerta: float
    inflesz: float
    words: int


def measure_spanish(text: str) -> Ease:
    all_words = syllables.words(text)
    if not all_words:
        return Ease(100.0, 100.0, 0)
    sentence_count = _sentence_count(sentences(text))
    per_word = sum(map(syllables.spanish, all_words)) / len(all_words)
    per_sentence = len(all_words) / sentence_count
    huerta = 206.84 - 60 * per_word - 102 * sentence_count / len(all_words)
    inflesz = 206.835 - 62.3 * per_word - per_sentence
    return Ease(round(huerta, 1), round(inflesz, 1), word_count(text))


def _sentence_count(found: list[str]) -> int:
    return max(1, sum(len(syllables.words(s)) > 2 for s in found))


def word_count(text: str) -> int:
    return len(syllables.words(text))
