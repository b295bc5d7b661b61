"""Reading-level figures for a page's plain text."""

from __future__ import annotations

import re
from dataclasses import dataclass

import textstat

_SENTENCE_END_RE = re.compile(r"(?<=[.!?])[\"'”’)]*\s+")
_END_PUNCTUATION = ".!?:;"


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
    # Headings and list items have no full stop; without one textstat would
    # read a whole list as one long sentence and overstate the grade.
    punctuated = " ".join(s if s[-1] in _END_PUNCTUATION else s + "." for s in found)
    grade = float(textstat.flesch_kincaid_grade(punctuated)) if punctuated else 0.0
    return Readability(grade=round(grade, 1), words=word_count(text), sentences=tuple(found))


def word_count(text: str) -> int:
    return len(re.findall(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*", text))
