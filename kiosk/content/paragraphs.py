"""A page's blocks for the screen, each cut into its top-level elements: each paragraph,
heading, list, table or quote whole, in order. The kiosk lays out each one on its own, so
that a page's first screenful is drawn in the frame after the tap and the rest in the
frames after it, rather than the whole page's text in one frame.

The HTML is the sanitizer's output (kiosk.content.sanitizer): allowed tags only, each
closed, attribute values in double quotes, `<` in text escaped. Anything else still comes
out whole, joined with what follows it: a cut is made only where every tag opened since the
last cut has closed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from kiosk.content.boxes import Block
from kiosk.content.plaintext import html_to_text

# Of a page's text, the characters laid out in the frame after the tap: more than a
# screenful at any text size (title, summary and key points come first); the rest of the
# paragraphs are laid out in the frames after it, before a patient could scroll to them.
FIRST_SCREEN_CHARACTERS = 1200
_HEADING_RE = re.compile(r"<h[1-6]\b")
_TAG_RE = re.compile(r"""<(/?)([A-Za-z][A-Za-z0-9]*)(?:[^>"']|"[^"]*"|'[^']*')*>""")
_VOID = frozenset({"br", "hr", "img"})


def top_level(html: str) -> list[str]:
    """`html`'s top-level elements, each with its own markup; text between them (there
    is none in the renderer's output but white space) stays with the element after it."""
    pieces: list[str] = []
    depth, start = 0, 0
    for match in _TAG_RE.finditer(html):
        closing, tag = match[1] == "/", match[2].lower()
        if tag in _VOID:
            ended = depth == 0
        elif closing:
            depth = max(depth - 1, 0)
            ended = depth == 0
        else:
            depth += 1
            ended = False
        if ended:
            pieces.append(html[start : match.end()])
            start = match.end()
    pieces.append(html[start:])
    return [piece.strip() for piece in pieces if piece.strip()]


def block_maps(blocks: tuple[Block, ...], pictures: Callable[[str], str]) -> list[dict[str, Any]]:
    """The blocks as the screen reads them (kind, title, html), each in `pieces`: its
    top-level elements, each with its `text`, what a screen reader says (every word, each
    picture as `pictures` says it), whether it is a `heading`, and whether it is laid out
    at once (`soon`) or in the frames after."""
    before = 0  # characters of the page's text before this piece
    maps = []
    for block in blocks:
        pieces = []
        for html in top_level(block.html):
            text = html_to_text(html, pictures)
            heading = _HEADING_RE.match(html) is not None
            pieces.append({"html": html, "text": text, "heading": heading,
                           "soon": before < FIRST_SCREEN_CHARACTERS})  # fmt: skip
            before += len(text)
        maps.append({"kind": block.kind, "title": block.title, "html": block.html,
                     "pieces": pieces})  # fmt: skip
    return maps
