"""Boxes on a page: "How strong is this evidence?", a checklist, "When to get help".

Authors write them with Python-Markdown's admonition syntax::

    !!! evidence "How strong is this evidence?"
        The study looked back at the records of people already treated.

The kinds are `BOX_KINDS`. A box sits at the top level of a page, holds no other
box and has a title; anything else is reported and its words are kept as plain
text. `split_blocks` then cuts the converted page into text and boxes, so the
kiosk can draw each box in its own frame and a screen reader can name it.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass

BOX_KINDS = ("evidence", "tool", "safety")
TEXT = ""  # the kind of a block that is not a box

_ADMONITION = "admonition"
_TITLE_CLASS = "admonition-title"
# Only this module writes these tags: raw HTML from authors arrives escaped.
_BOX_RE = re.compile(
    r'<div class="admonition (?P<kind>[a-z]+)">\s*'
    r'(?:<p class="admonition-title">(?P<title>.*?)</p>)?(?P<body>.*?)</div>',
    re.DOTALL,
)


@dataclass(frozen=True)
class Block:
    """A run of the page's text (`kind` is TEXT) or one box; `html` is not yet sanitized."""

    kind: str
    title: str
    html: str

    def inline(self) -> str:
        """The block as it reads inside the whole page: a box's title in bold first."""
        if self.kind == TEXT:
            return self.html
        return f"<p><strong>{html.escape(self.title)}</strong></p>\n{self.html}"


class BoxChecker:
    """A Markdown tree pass (Markdown calls its `run`) that keeps only well-formed boxes;
    `report(needle, message)` hears about the rest."""

    def __init__(self, report: Callable[[str, str], None]) -> None:
        self.report = report

    def run(self, root: ET.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        for div in [e for e in root.iter("div") if _is_box(e)]:
            kind = (div.get("class") or "").split()[-1]
            first = div.find("p")
            title = first if first is not None and _is_title(first) else None
            title_text = "".join(title.itertext()).strip() if title is not None else ""
            problem = self._problem(div, kind, title_text, parents[div] is root)
            if title is not None:
                title.attrib.clear()  # no attribute an author set survives
            if problem:
                self.report(f"!!! {kind}", problem)
                _unwrap(div, parents)
                continue
            assert title is not None  # _problem insists on a title
            div.attrib.clear()
            div.set("class", f"{_ADMONITION} {kind}")
            title.set("class", _TITLE_CLASS)

    @staticmethod
    def _problem(div: ET.Element, kind: str, title: str, top_level: bool) -> str:
        kinds = ", ".join(BOX_KINDS)
        if kind not in BOX_KINDS or len((div.get("class") or "").split()) != 2:
            return f"unknown box '!!! {kind}': a box is one of {kinds}"
        if not top_level:
            return f"the box '!!! {kind}' is inside a list or another box: start it at the margin"
        if not title or title == kind.capitalize():  # the admonition's stand-in title
            return f"the box '!!! {kind}' has no title: write !!! {kind} \"Its title\""
        return ""


def split_blocks(html: str) -> list[Block]:
    """The converted page as text runs and boxes, in reading order."""
    blocks: list[Block] = []
    end = 0
    for match in _BOX_RE.finditer(html):
        if html[end : match.start()].strip():
            blocks.append(Block(TEXT, "", html[end : match.start()]))
        blocks.append(Block(match["kind"], match["title"] or "", match["body"]))
        end = match.end()
    if html[end:].strip() or not blocks:
        blocks.append(Block(TEXT, "", html[end:]))
    return blocks


def _is_box(element: ET.Element) -> bool:
    return _ADMONITION in (element.get("class") or "").split()


def _is_title(element: ET.Element) -> bool:
    return _TITLE_CLASS in (element.get("class") or "").split()


def _unwrap(element: ET.Element, parents: dict[ET.Element, ET.Element]) -> None:
    """Put the box's children where the box was."""
    parent = parents[element]
    index = list(parent).index(element)
    parent.remove(element)
    for offset, child in enumerate(list(element)):
        parent.insert(index + offset, child)
        parents[child] = parent
