"""Glossary words on a page: the first use of each term becomes a word a patient can tap.

A term's key is its place in glossary.toml (`kiosk:term/0` is the first term), so a
term in any language or spelling has a plain, checkable key. On each page the first
use of a term, as a whole word in any case, singular or plural, is wrapped in
``<a class="term" href="kiosk:term/<key>">``; later uses stay plain words. Where
terms overlap the longest wins ("NMDA receptor" before "receptor"). Words already in
a link, a heading, code or a box's title are left alone: those are not read as
running text, or already do something when tapped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping

from kiosk.content.marks import ETX, STX

TERM_SCHEME = "kiosk:term/"
TERM_CLASS = "term"  # the class the kiosk's style and the export's find a term by

_KEY = r"0|[1-9][0-9]{0,5}"
_KEY_RE = re.compile(_KEY)
_TERM_HREF_RE = re.compile(rf"^kiosk:term/(?P<key>{_KEY})$")
_NOT_RUNNING_TEXT = frozenset({"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "img"})
_BOX_TITLE_CLASS = "admonition-title"
# Markdown's stand-ins for what it puts back after this pass (an entity, an escape).
_PLACEHOLDER_RE = re.compile(f"{STX}[^{ETX}]*{ETX}")
_WORD_START, _WORD_END = r"(?<![\w-])", r"(?![\w-])"  # a whole word: hyphens join words
# Plurals that do not just add -s or -es, by how the term's last word ends.
# (Spanish: infusión, infusiones — the plural loses the accent.)
_IRREGULAR_PLURALS = (("ganglion", "gangli(?:on|a)"), ("sis", "s[ie]s"), ("ión", "i(?:ón|ones)"))


class Glossary:
    """A bundle's terms and definitions in file order; a term's key is its index."""

    def __init__(self, entries: Mapping[str, str]) -> None:
        self.terms = tuple(entries)
        self.definitions = tuple(entries.values())
        # Longest first: at any place in the text the longest term that fits wins.
        words = [n for n, term in enumerate(self.terms) if term.split()]
        order = sorted(words, key=lambda n: -len(self.terms[n]))
        alternatives = "|".join(f"(?P<t{n}>{_term_words(self.terms[n])})" for n in order)
        # The word boundaries once, outside: most places in a text fail there at once.
        whole_words = rf"{_WORD_START}(?:{alternatives}){_WORD_END}"
        self._pattern = re.compile(whole_words, re.IGNORECASE) if order else None

    def __len__(self) -> int:
        return len(self.terms)

    def uses(self, text: str) -> Iterator[tuple[int, int, int]]:
        """Each use of a term in `text`: (start, end, term index), left to right."""
        if self._pattern is None:
            return
        for match in self._pattern.finditer(text):
            assert match.lastgroup is not None  # every alternative is a named group
            yield match.start(), match.end(), int(match.lastgroup[1:])


def term_pattern(term: str) -> str:
    """`term` as a whole word in a text: any spacing between its words, plural or not."""
    return _WORD_START + _term_words(term) + _WORD_END


def _term_words(term: str) -> str:
    """`term`'s words with any spacing between them, the last one singular or plural."""
    words = [re.escape(word) for word in term.split()]
    last = words[-1]
    for ending, plural in _IRREGULAR_PLURALS:
        if last.lower().endswith(ending):
            last = last[: -len(ending)] + plural
            break
    else:
        last += "(?:e?s)?"
    return r"\s+".join([*words[:-1], last])


def term_keys(entries: Mapping[str, str]) -> list[str]:
    """The key of every term in a bundle's glossary (term -> definition)."""
    return [str(n) for n in range(len(entries))]


def term_entry(entries: Mapping[str, str], key: str) -> tuple[str, str] | None:
    """The term and definition `key` names in a bundle's glossary, or None."""
    if not _KEY_RE.fullmatch(key) or int(key) >= len(entries):
        return None
    term = list(entries)[int(key)]
    return term, entries[term]


def term_key(entries: Mapping[str, str], term: str) -> str:
    return str(list(entries).index(term))


def term_link(key: int) -> str:
    return f"{TERM_SCHEME}{key}"


def term_key_from_link(url: str) -> str | None:
    """The key of the term a rendered link (`kiosk:term/<key>`) opens, or None."""
    match = _TERM_HREF_RE.match(url)
    return match["key"] if match else None


class TermLinker:
    """A Markdown tree pass (Markdown calls its `run`) that links the first use of each
    term on a page; `used` lists their indexes in order."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self.used: list[int] = []

    def run(self, root: ET.Element) -> None:
        self._visit(root)

    def _visit(self, element: ET.Element) -> None:
        if _not_running_text(element):
            return
        children = list(element)
        position = 0  # where the next child sits, counting the links put in before it
        if element.text:
            element.text, links = self._link(element.text)
            element[0:0] = links
            position = len(links)
        for child in children:
            self._visit(child)
            position += 1
            if child.tail:
                child.tail, links = self._link(child.tail)
                element[position:position] = links
                position += len(links)

    def _link(self, text: str) -> tuple[str, list[ET.Element]]:
        """The text before the first new term, and a link for each new term (its tail after)."""
        links: list[ET.Element] = []
        before, end = text, 0
        held = [m.span() for m in _PLACEHOLDER_RE.finditer(text)]
        for start, stop, index in self.glossary.uses(text):
            if index in self.used or any(a < stop and start < b for a, b in held):
                continue
            self.used.append(index)
            link = ET.Element("a", {"class": TERM_CLASS, "href": term_link(index)})
            link.text = text[start:stop]
            if links:
                links[-1].tail = text[end:start]
            else:
                before = text[:start]
            links.append(link)
            end = stop
        if links:
            links[-1].tail = text[end:]
        return before, links


def _not_running_text(element: ET.Element) -> bool:
    if element.tag in _NOT_RUNNING_TEXT:
        return True
    return _BOX_TITLE_CLASS in (element.get("class") or "").split()
