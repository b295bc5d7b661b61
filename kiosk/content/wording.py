"""Words a page must handle with care: medical words to explain, mood words that need help nearby.

The checks read a page's own words (title, summary, key points, body), never its
citations, which keep the studies' wording. Each language has its own lists; a language
with none is not checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kiosk.content.glossary import term_pattern
from kiosk.i18n.catalogue import primary

# Medical words a patient may not know. Each needs the glossary or a definition
# where the page first uses it, the word in italics: *off-label* means ...
ENGLISH_JARGON = (
    "addiction", "anesthetic", "bolus", "consensus guideline", "dependence", "dissociation",
    "ganglion", "infusion", "intranasal", "intravenous", "meta-analysis", "naloxone", "NMDA",
    "neuropathic", "nociplastic", "off-label", "overdose", "placebo", "plasticity",
    "randomized", "retrospective", "saline", "sensitization", "sub-anesthetic", "tolerance",
    "vasomotor", "wind-up",
)  # fmt: skip
SPANISH_JARGON = (
    "adicción", "aleatorizado", "aleatorizada", "anestésico", "anestésica",
    "bolo", "guía de consenso", "dependencia", "disociación", "ganglio", "infusión",
    "intranasal", "intravenoso",
    "intravenosa", "metaanálisis", "naloxona", "NMDA", "neuropático", "neuropática",
    "nociplástico", "fuera de indicación", "sobredosis", "placebo", "plasticidad",
    "retrospectivo", "retrospectiva", "solución salina", "sensibilización", "subanestésica",
    "subanestésico",
    "tolerancia", "vasomotor", "vasomotora",
)  # fmt: skip

# A page whose own words speak of these shows the crisis line beside it.
_MOOD = {
    "en": r"depress\w*|anxi\w*|moods?|suicid\w*|self-harm",
    "es": r"depresi\w*|deprimid\w*|ansi\w*|[áa]nimos?|suicid\w*|autolesi\w*|hacerse daño",
}
MOOD_WORDS = {lang: re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE)
              for lang, words in _MOOD.items()}  # fmt: skip


@dataclass(frozen=True)
class Unexplained:
    word: str
    needle: str  # the page's own spelling, to find the line


def _word_re(word: str) -> tuple[str, re.Pattern[str]]:
    """`word` and its plural, as a whole word (as the glossary finds its terms), and the
    start of it that any use must contain (a quick test before the pattern's search)."""
    return word.split()[0][:4].casefold(), re.compile(term_pattern(word), re.IGNORECASE)


_JARGON_RES = {
    "en": {word: _word_re(word) for word in ENGLISH_JARGON},
    "es": {word: _word_re(word) for word in SPANISH_JARGON},
}


def unexplained_words(
    text: str, emphasized: Iterable[str], glossary: Mapping[str, str], language: str = "en"
) -> list[Unexplained]:
    """Jargon in `text` that neither the glossary nor the page's italics explain."""
    explained = " | ".join([*emphasized, *glossary])
    folded = text.casefold()
    found = []
    for word, (start, pattern) in _JARGON_RES.get(primary(language), {}).items():
        match = pattern.search(text) if start in folded else None
        if match and not pattern.search(explained):
            found.append(Unexplained(word, match.group(0)))
    return found


def mood_word(text: str, language: str = "en") -> str | None:
    """The first word in `text` about mood or crisis, or None."""
    pattern = MOOD_WORDS.get(primary(language))
    match = pattern.search(text) if pattern else None
    return match.group(0) if match else None
