"""Curly quotes, dashes and ellipses: Python-Markdown's Smarty rules, applied as plain
regular-expression passes over each text of the page.

Smarty runs a second inline pass of fifteen patterns through Markdown's machinery, which
cost about half of a page's Markdown time. This does the same substitutions in the same
order, with the same stand-in after each one (so a later rule sees what it would have seen
there), then puts the characters in; a test holds it to Smarty's output on the sample
pages and the hostile corpus.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import markdown
from markdown.extensions import Extension
from markdown.extensions.smarty import (
    closingDoubleQuotesRegex,
    closingDoubleQuotesRegex2,
    closingSingleQuotesRegex,
    closingSingleQuotesRegex2,
    decadeAbbrRe,
    doubleQuoteSetsRe,
    doubleQuoteSetsRe2,
    doubleQuoteStartRe,
    openingDoubleQuotesRegex,
    openingSingleQuotesRegex,
    remainingDoubleQuotesRegex,
    remainingSingleQuotesRegex,
    singleQuoteSetsRe,
    singleQuoteSetsRe2,
    singleQuoteStartRe,
)
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, STX, AtomicString

LSQUO, RSQUO, LDQUO, RDQUO = "‘", "’", "“", "”"
# Smarty hides each replacement behind a placeholder, STX…ETX, so a later rule never sees
# it; so do these passes, and put the replacements in at the end.
_HELD_RE = re.compile(f"{STX}\ue000([0-9]+){ETX}")
_GROUP = object()  # the rule's first group, kept (inside the placeholder, as in Smarty)

# Smarty's rules in its order (highest priority first): dashes, quotes, ellipses.
_RULES: tuple[tuple[re.Pattern[str], tuple[object, ...]], ...] = tuple(
    (re.compile(pattern), parts)
    for pattern, parts in (
        (r"(?<!-)---(?!-)", ("—",)),
        (r"(?<!-)--(?!-)", ("–",)),
        (singleQuoteStartRe, (RSQUO,)),
        (doubleQuoteStartRe, (RDQUO,)),
        (doubleQuoteSetsRe, (LDQUO, LSQUO)),
        (singleQuoteSetsRe, (LSQUO, LDQUO)),
        (doubleQuoteSetsRe2, (RSQUO, RDQUO)),
        (singleQuoteSetsRe2, (RDQUO, RSQUO)),
        (decadeAbbrRe, (RSQUO,)),
        (openingSingleQuotesRegex, (_GROUP, LSQUO)),
        (closingSingleQuotesRegex, (RSQUO,)),
        (closingSingleQuotesRegex2, (RSQUO, _GROUP)),
        (remainingSingleQuotesRegex, (LSQUO,)),
        (openingDoubleQuotesRegex, (_GROUP, LDQUO)),
        (closingDoubleQuotesRegex, (RDQUO,)),
        (closingDoubleQuotesRegex2, (RDQUO,)),
        (remainingDoubleQuotesRegex, (LDQUO,)),
        (r"(?<!\.)\.{3}(?!\.)", ("…",)),
    )
)


def educate(text: str) -> str:
    """`text` with straight quotes curled, -- and --- as dashes and ... as an ellipsis."""
    if "'" not in text and '"' not in text and "--" not in text and "..." not in text:
        return text
    held: list[str] = []
    for pattern, parts in _RULES:
        text = _substitute(pattern, parts, text, held)
    return _HELD_RE.sub(lambda m: held[int(m[1])], text)


def _substitute(
    pattern: re.Pattern[str], parts: tuple[object, ...], text: str, held: list[str]
) -> str:
    """Each match, left to right, held behind a placeholder; the next search sees the
    placeholder, not the text it replaced (as Markdown's inline pass does)."""
    start = 0
    while match := pattern.search(text, start):
        held.append("".join(match[1] if part is _GROUP else str(part) for part in parts))
        placeholder = f"{STX}\ue000{len(held) - 1}{ETX}"
        text = text[: match.start()] + placeholder + text[match.end() :]
        start = match.start() + len(placeholder)
    return text


class _Educate(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            if element.text and not isinstance(element.text, AtomicString):
                element.text = educate(element.text)
            if element.tail and not isinstance(element.tail, AtomicString):
                element.tail = educate(element.tail)


class Typography(Extension):
    """Smarty's quotes, dashes and ellipses (its defaults), in one quick tree pass."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_Educate(md), "smarty", 6)  # where Smarty runs
        md.ESCAPED_CHARS.extend(['"', "'"])  # \" stays a straight quote, as with Smarty
