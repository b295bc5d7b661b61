"""The plain text of a rendered page, for the readability grades and the validator."""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser

Pictures = Callable[[str], str]  # a picture's alt text → the line that says it


def in_english(alt: str) -> str:
    return f"Picture: {alt}" if alt else "Picture."


_BLOCK_TAGS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "tr", "dt", "dd", "br"}
)


class _TextExtractor(HTMLParser):
    def __init__(self, pictures: Pictures | None) -> None:
        super().__init__(convert_charrefs=True)
        self.pictures = pictures
        self.blocks: list[str] = []
        self.current: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.flush()
        elif tag in {"td", "th"}:
            self.current.append(" ")
        elif tag == "img" and self.pictures is not None:
            alt = dict(attrs).get("alt") or ""
            self.flush()
            self.current.append(self.pictures(alt))
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self.flush()

    def handle_data(self, data: str) -> None:
        self.current.append(data)

    def flush(self) -> None:
        block = " ".join("".join(self.current).split())
        if block:
            self.blocks.append(block)
        self.current = []


def html_to_text(html: str, pictures: bool | Pictures = False) -> str:
    """Plain text of rendered HTML: one block (paragraph, item, heading) per line.

    With `pictures`, each picture is a line of its own, "Picture: <alt text>" (or what
    the given function makes of the alt text, in the reader's language), as a screen
    reader or the read-aloud voice should say it.
    """
    labels = in_english if pictures is True else pictures or None
    extractor = _TextExtractor(labels)
    extractor.feed(html)
    extractor.close()
    extractor.flush()
    return "\n".join(extractor.blocks)
