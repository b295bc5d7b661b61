"""Words a page must handle with care: medical words to explain, mood words that need help nearby.

The checks read a page's own words (title, summary, key points, body), never its
citations, which keep the studies' wording.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

# Medical words a patient may not know. Each needs the glossary or a definition
# where the page first uses it, the word in italics: *off-label* means ...
JARGON = (
    "addiction", "anesthetic", "bolus", "consensus guideline", "dependence", "dissociation",
    "ganglion", "infusion", "intranasal", "intravenous", "meta-analysis", "naloxone", "NMDA",
    "neuropathic", "nociplastic", "off-label", "overdose", "placebo", "plasticity",
    "randomized", "retrospective", "saline", "sensitization", "sub-anesthetic", "tolerance",
    "vasomotor", "wind-up",
)  # fmt: skip

# A page whose own words speak of these shows the crisis line beside it.
MOOD_WORDS = re.compile(r"\b(?:depress\w*|anxi\w*|moods?|suicid\w*|self-harm)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Unexplained:
    word: str
    needle: str  # the page's own spelling, to find the line


def _word_re(word: str) -> re.Pattern[str]:
    """`word` and its plural or -s form, as a whole word; `gangli(on|a)`."""
    stem = re.escape(word).replace(r"\ ", r"\s+")
    if word == "ganglion":
        stem = "gangli(?:on|a)"
    return re.compile(rf"(?<![\w-]){stem}(?:s|es)?(?![\w-])", re.IGNORECASE)


_JARGON_RES = {word: _word_re(word) for word in JARGON}


def unexplained_words(
    text: str, emphasized: Iterable[str], glossary: Mapping[str, str]
) -> list[Unexplained]:
    """Jargon in `text` that neither the glossary nor the page's italics explain."""
    explained = " | ".join([*emphasized, *glossary])
    found = []
    for word, pattern in _JARGON_RES.items():
        match = pattern.search(text)
        if match and not pattern.search(explained):
            found.append(Unexplained(word, match.group(0)))
    return found


def mood_word(text: str) -> str | None:
    """The first word in `text` about mood or crisis, or None."""
    match = MOOD_WORDS.search(text)
    return match.group(0) if match else None
