"""A page's blocks for the screen, each cut into its top-level elements: each paragraph,
heading, list, table or quote whole, in order. The kiosk lays out each one on its own, so
that a page's first screenful is drawn in the frame after the tap and the rest right
after that frame, rather than the whole page's text before the first.

The HTML is the sanitizer's output (kiosk.content.sanitizer): allowed tags only, each
closed, attribute values in double quotes, `<` in text escaped. Anything else still comes
out whole, joined with what follows it: a cut is made only where every tag opened since the
last cut has closed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from typing import Any

from kiosk.content.boxes import Block
from kiosk.content.plaintext import html_to_text

# Lines of text a portrait screen shows at the smallest text size (30 px type, 38 px lines,
# on the 1,690 px below the top bar of a 1,920 px screen: 44), with a margin for what the
# estimate misses (a list's short lines, the room round headings and boxes):
# what is above a page's text (title, summary, key points) takes its share, and the text's
# pieces that start within the rest are laid out in the frame after the tap; the others in
# the frame after it, before a patient could scroll to them. Larger text or a landscape
# screen shows fewer lines, so this is a screenful or more there too.
SCREEN_LINES = 50
LINE = 60  # characters in a line of the reading column at the smallest text size
PICTURE_LINES = 8  # the height of a picture, in lines of text
ABOVE_LINES = 5  # the title and the read-aloud bar
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


def lines_of(texts: Iterable[str]) -> int:
    """About how many lines `texts` take in the reading column at the smallest text size."""
    return sum(max(1, math.ceil(len(line) / LINE)) for text in texts for line in text.split("\n"))


def lines_above(summary: str, key_points: tuple[str, ...]) -> int:
    """The lines above a page's text: its title, summary and key points in their box."""
    points = lines_of(key_points) + 2 if key_points else 0
    return ABOVE_LINES + lines_of([summary]) + points


def block_maps(
    blocks: tuple[Block, ...], pictures: Callable[[str], str], above: int = ABOVE_LINES
) -> list[dict[str, Any]]:
    """The blocks as the screen reads them (kind, title, html), each in `pieces`: its
    top-level elements, each with its `text`, what a screen reader says (every word, each
    picture as `pictures` says it), whether it is a `heading`, and whether it is laid out
    at once (`soon`: it starts within the first screen, below the `above` lines of what
    comes first) or right after the first frame."""
    line = above  # where this piece starts, in lines from the top of the page
    maps = []
    for block in blocks:
        pieces = []
        line += 2 if block.title else 0
        for html in top_level(block.html):
            text = html_to_text(html, pictures)
            heading = _HEADING_RE.match(html) is not None
            pieces.append({"html": html, "text": text, "heading": heading,
                           "soon": line < SCREEN_LINES})  # fmt: skip
            words = lines_of([html_to_text(html)]) if text else 0  # without the pictures
            line += words + PICTURE_LINES * html.count("<img") + (1 if heading else 0)
        maps.append({"kind": block.kind, "title": block.title, "html": block.html,
                     "pieces": pieces})  # fmt: skip
    return maps
