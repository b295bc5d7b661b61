"""The plain text of a rendered page, for the readability grades and the validator."""

from __future__ import annotations

from html.parser import HTMLParser

_BLOCK_TAGS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "tr", "dt", "dd", "br"}
)


class _TextExtractor(HTMLParser):
    def __init__(self, pictures: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.pictures = pictures
        self.blocks: list[str] = []
        self.current: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.flush()
        elif tag in {"td", "th"}:
            self.current.append(" ")
        elif tag == "img" and self.pictures:
            alt = dict(attrs).get("alt") or ""
            self.flush()
            self.current.append(f"Picture: {alt}" if alt else "Picture.")
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


def html_to_text(html: str, pictures: bool = False) -> str:
    """Plain text of rendered HTML: one block (paragraph, item, heading) per line.

    With `pictures`, each picture is a line of its own, "Picture: <alt text>", as a
    screen reader or the read-aloud voice should say it.
    """
    extractor = _TextExtractor(pictures)
    extractor.feed(html)
    extractor.close()
    extractor.flush()
    return "\n".join(extractor.blocks)
