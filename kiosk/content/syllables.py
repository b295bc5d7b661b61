"""How many syllables a word has, for the reading-level figures.

English: a rule, and, where the rule is wrong, the count from a table derived from
the CMU Pronouncing Dictionary (`syllables-en.txt`, with that dictionary's BSD-style
licence in its header; `tools/make_syllable_table.py` makes it), plus a short list
of medical words the dictionary lacks, counted by hand. Spanish: its regular
spelling, with the rules for diphthongs, hiatus and the silent u of que/gui.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path

TABLE = Path(__file__).with_name("syllables-en.txt")

# Words the pages use that the CMU dictionary lacks; each as a person says it.
MEDICAL = {
    "nociplastic": 4, "neuropathic": 4, "fibromyalgia": 5, "ketamine": 3, "esketamine": 4,
    "opioid": 3, "opioids": 3, "naloxone": 3, "vasomotor": 4, "sensitization": 5,
    "lidocaine": 3, "bupivacaine": 4, "dissociative": 5, "crps": 4, "nmda": 4, "samhsa": 3,
    "iasp": 4, "spravato": 3, "narcan": 2, "analgesic": 4, "analgesics": 4, "neuromodulation": 6,
    "hyperalgesia": 6, "allodynia": 5, "ganglia": 3, "infusions": 3, "glutamate": 3,
    "antidepressant": 4, "antidepressants": 4, "ptsd": 4, "988": 3, "911": 3,
}  # fmt: skip

_WORD_RE = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_EN_VOWELS = re.compile(r"[aeiouy]{1,2}")
_EN_SILENT_END = re.compile(r"(?:[^laeiouy]es|[^laeiouydt]ed|[^laeiouy]e)$")


def words(text: str) -> list[str]:
    """The words of a text, lower case; a hyphenated word is one word."""
    return [w.lower() for w in _WORD_RE.findall(text)]


def english_rule(word: str) -> int:
    """The classic estimate: groups of vowels, less a silent final e, es or ed."""
    letters = re.sub(r"[^a-z]", "", word.lower())
    if len(letters) <= 3:
        return 1
    letters = _EN_SILENT_END.sub("", letters)
    letters = re.sub(r"^y", "", letters)
    return max(1, len(_EN_VOWELS.findall(letters)))


@cache
def _table() -> dict[str, int]:
    counts: dict[str, int] = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, count = line.split()
            counts[word] = int(count)
    return counts


_WORDS_KEPT = 1 << 16  # a page's words repeat, and a bundle's vocabulary is small


@lru_cache(maxsize=_WORDS_KEPT)
def english(word: str) -> int:
    """Syllables of an English word; a hyphenated one counts each part (stress-related: 4)."""
    if "-" in word:
        return sum(english(part) for part in word.split("-") if part)
    key = word.lower().replace("’", "'")
    known = MEDICAL.get(key) or _table().get(key)
    return known if known is not None else english_rule(key)


_ES_STRONG = set("aeoáéó")
_ES_STRESSED_WEAK = set("íú")  # an accent on i or u breaks a diphthong: dí-a, ba-úl


@lru_cache(maxsize=_WORDS_KEPT)
def spanish(word: str) -> int:
    if "-" in word:
        return sum(spanish(part) for part in word.split("-") if part)
    letters = word.lower()
    letters = re.sub(r"(?<=[qg])u(?=[eéiíè])", "", letters)  # que, qui, gue, gui: u is silent
    letters = re.sub(r"y$", "i", letters)  # hoy, muy: a final y sounds as a vowel
    nuclei = 0
    for run in re.findall(r"[aeiouáéíóúü]+", letters):
        nuclei += 1 + sum(_hiatus(a, b) for a, b in pairwise(run))
    return max(1, nuclei)


def _hiatus(first: str, second: str) -> bool:
    """Two vowels side by side that are spoken in two syllables."""
    both_strong = first in _ES_STRONG and second in _ES_STRONG
    stressed_weak = (first in _ES_STRESSED_WEAK and second in _ES_STRONG) or (
        second in _ES_STRESSED_WEAK and first in _ES_STRONG
    )
    return both_strong or stressed_weak
