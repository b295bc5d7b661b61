"""Turn a page's Markdown into HTML that is safe for Qt's rich text, plus plain text.

The pipeline, for every page:

1. Python-Markdown, one instance per renderer, reset for every page, with raw HTML
   turned off: a tag in the source comes out as visible text, never as markup.
2. A tree pass over the parsed page that decides every link and image:
   links to other pages become ``kiosk:page/<id>``; images must name a file in
   the bundle's ``media/`` folder; anything else is unwrapped (links keep their
   text) or dropped (images), and the reason is recorded for the validator.
3. nh3 with an allow-list of the tags Qt's rich text understands, and an
   attribute filter that checks every URL again (kiosk.content.sanitizer). This is
   the wall: QML ``Text`` fetches remote images and ``QTextDocument`` reads ``file:``
   paths, so nothing that reaches the screen may name anything outside the bundle.

Between 2 and 3, the first use of each glossary term becomes a ``kiosk:term/<key>``
link (kiosk.content.glossary); the wall lets through only keys the glossary has.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from kiosk.content.boxes import Block, BoxChecker, split_blocks
from kiosk.content.glossary import Glossary, TermLinker
from kiosk.content.marks import AMP_SUBSTITUTE
from kiosk.content.plaintext import html_to_text
from kiosk.content.sanitizer import (
    KIOSK_HREF_RE,
    MEDIA_SRC_RE,
    PAGE_ID,
    TABLE_ATTRIBUTES,
    sanitize,
)

if TYPE_CHECKING:
    import markdown

PAGE_SCHEME = "kiosk:page/"
# What this renderer makes of a page: one more whenever its output changes, so that pages
# an install kept as rendered by an older one are rendered again (kiosk.content.
# prerendered). tests/unit/content/test_render.py holds it to the sample's rendering.
RENDERER = 1
MEDIA_DIR = "media"

PAGE_ID_RE = re.compile(rf"^{PAGE_ID}$")
_PAGE_HREF_RE = re.compile(rf"^(?:\./)?(?P<id>{PAGE_ID})\.md$")
_WEB_LINK_RE = re.compile(r"^(?:https?:|mailto:|tel:|www\.)", re.IGNORECASE)
# A tag or comment an author typed; it will show as text. Code is left alone.
_RAW_HTML_RE = re.compile(r"<(?:!--|/?[A-Za-z][A-Za-z0-9-]*(?=[\s/>]))")
_CODE_SPAN_RE = re.compile(r"(`+).+?\1")


@dataclass(frozen=True)
class Issue:
    """Something the renderer removed or could not resolve.

    `needle` is the text to look for in the source to find the line.
    """

    error: bool
    needle: str
    message: str


@dataclass(frozen=True)
class RenderedPage:
    """A page ready to show: `blocks` in reading order, `html` all of them in one.

    `terms` are the glossary terms the page links, in the order it first uses them.
    """

    html: str
    page_links: tuple[str, ...]
    images: tuple[Path, ...]
    issues: tuple[Issue, ...]
    blocks: tuple[Block, ...] = ()
    terms: tuple[str, ...] = ()

    @cached_property
    def text(self) -> str:
        """The page's plain text, one block per line; made when first needed (the
        readability checks need it, an install or a build does not)."""
        return html_to_text(self.html)


class Renderer:
    """Renders the pages of one bundle; knows its root and its page ids. One thread at a
    time: it keeps one Markdown instance, reset for each page."""

    def __init__(
        self, root: Path, page_ids: Collection[str], glossary: Mapping[str, str] | None = None
    ) -> None:
        self.root = root
        self.page_ids = frozenset(page_ids)
        self.glossary = Glossary(glossary or {})
        self._md: markdown.Markdown | None = None

    def __getstate__(self) -> dict[str, object]:
        """What a worker process needs to render (kiosk.content.workers): not the Markdown."""
        return {**self.__dict__, "_md": None}

    def render(self, source: str) -> RenderedPage:
        md = self._markdown()
        checker = _LinkChecker(self)
        # After every built-in tree pass (attr_list may add attributes; 0 is unescape).
        _run_in(md, checker, "kiosk_links", -10)
        boxes = BoxChecker(lambda needle, message: checker.issues.append(
            Issue(True, needle, message)))  # fmt: skip
        _run_in(md, boxes, "kiosk_boxes", -11)
        terms = TermLinker(self.glossary)  # after both: it knows the links and box titles
        _run_in(md, terms, "kiosk_terms", -12)
        known = len(self.glossary)
        try:
            converted = md.convert(source)
        except Exception:
            # A page that fails half-way leaves Markdown's parser mid-page (reset() does
            # not clear it): the next page gets a new instance.
            self._md = None
            raise
        blocks = tuple(_safe_block(b, known) for b in split_blocks(converted))
        safe_html = "\n".join(block.inline() for block in blocks)
        return RenderedPage(
            html=safe_html,
            page_links=tuple(checker.page_links),
            images=tuple(checker.images),
            issues=(*_raw_html_issues(source), *checker.issues),
            blocks=blocks,
            terms=tuple(self.glossary.terms[index] for index in terms.used),
        )

    def _markdown(self) -> markdown.Markdown:
        """The renderer's Markdown, reset: no reference or stashed text of the last page
        stays (and after a page that failed, a new one: see render)."""
        if self._md is None:
            # Imported here, with the first page: the kiosk starts without Markdown.
            import markdown
            from markdown.extensions.admonition import AdmonitionExtension
            from markdown.extensions.attr_list import AttrListExtension
            from markdown.extensions.sane_lists import SaneListExtension
            from markdown.extensions.tables import TableExtension

            from kiosk.content.typography import Typography

            # Extension objects, not names: a name costs an entry-point scan.
            extensions = [TableExtension(), AttrListExtension(), SaneListExtension(),
                          Typography(), AdmonitionExtension()]  # fmt: skip
            self._md = markdown.Markdown(extensions=extensions, output_format="html")
            self._md.preprocessors.deregister("html_block")
            self._md.inlinePatterns.deregister("html")
        return self._md.reset()

    def resolve_href(self, href: str) -> str | None:
        """The page id a link names, or None when it is not a page link."""
        match = _PAGE_HREF_RE.match(href) or KIOSK_HREF_RE.match(href)
        return match["id"] if match else None

    def resolve_image(self, src: str) -> Path | None:
        """The file an image names inside `media/`, or None if it is outside."""
        if not MEDIA_SRC_RE.match(src) or ".." in PurePosixPath(src).parts:
            return None
        media = (self.root / MEDIA_DIR).resolve()
        path = (self.root / src).resolve()
        return path if path.is_relative_to(media) else None


class _LinkChecker:
    """A Markdown tree pass (Markdown calls its `run`) that decides every link and image."""

    def __init__(self, renderer: Renderer) -> None:
        self.renderer = renderer
        self.page_links: list[str] = []
        self.images: list[Path] = []
        self.issues: list[Issue] = []

    def run(self, root: ET.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        for element in list(root.iter()):
            if element.tag == "a" and not self._check_link(element):
                _unwrap(element, parents)
            elif element.tag == "img" and not self._check_image(element):
                _remove(element, parents)
            elif element.tag == "table":
                element.attrib.clear()
                element.attrib.update(TABLE_ATTRIBUTES)

    def _check_link(self, a: ET.Element) -> bool:
        # Autolinked e-mail addresses arrive entity-encoded, with Markdown's
        # placeholder for "&"; decode them so staff read the address they wrote.
        raw = (a.get("href") or "").replace(AMP_SUBSTITUTE, "&")
        href = html.unescape(raw).strip()
        page_id = self.renderer.resolve_href(href)
        if page_id is None and _WEB_LINK_RE.match(href):
            message = f"link to {href!r} was removed: the kiosk is offline; write it as text"
            self.issues.append(Issue(False, href, message))
            return False
        if page_id is None:
            message = f"link to {href!r} is not allowed: link to a page as 'page-id.md'"
            self.issues.append(Issue(True, href, message))
            return False
        if page_id not in self.renderer.page_ids:
            self.issues.append(Issue(True, href, f"broken link: there is no page {page_id!r}"))
            return False
        a.attrib.clear()
        a.set("href", PAGE_SCHEME + page_id)
        self.page_links.append(page_id)
        return True

    def _check_image(self, img: ET.Element) -> bool:
        src = (img.get("src") or "").strip()
        try:
            path = self.renderer.resolve_image(src)
            found = path is not None and path.is_file()
        except OSError as exc:  # e.g. a name longer than the file system allows
            shown = src if len(src) <= 60 else src[:57] + "..."
            self.issues.append(Issue(True, src, f"image {shown!r} cannot be used: {exc.strerror}"))
            return False
        if path is None:
            self.issues.append(
                Issue(True, src, f"image {src!r} was removed: images must be files in media/")
            )
            return False
        if not found:
            self.issues.append(Issue(True, src, f"image {src!r} not found in the bundle"))
            return False
        if not (img.get("alt") or "").strip():
            self.issues.append(
                Issue(True, src, f"image {src!r} has no alt text: write ![what it shows]({src})")
            )
        self.images.append(path)
        return True


def _run_in(md: markdown.Markdown, tree_pass: object, name: str, priority: int) -> None:
    """`tree_pass` among Markdown's tree passes (replacing the last page's): Markdown calls
    each one's `run(root)`, so a pass need not be one of its Treeprocessor classes, whose
    import the kiosk's start would pay."""
    md.treeprocessors.register(tree_pass, name, priority)  # type: ignore[arg-type]


def _safe_block(block: Block, terms: int) -> Block:
    """The block through the wall; a box's title as plain text."""
    title = html_to_text(sanitize(block.title)) if block.title else ""
    return Block(block.kind, title, sanitize(block.html, terms).strip())


def page_id_from_link(url: str) -> str | None:
    """The page a rendered link (`kiosk:page/<id>`) opens, or None."""
    match = KIOSK_HREF_RE.match(url)
    return match["id"] if match else None


def _raw_html_issues(source: str) -> list[Issue]:
    issues = []
    in_fence = False
    for line in source.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        match = None if in_fence else _RAW_HTML_RE.search(_CODE_SPAN_RE.sub("", line))
        if match:
            message = "raw HTML shows as plain text on the kiosk: write Markdown instead"
            issues.append(Issue(False, line.strip(), message))
    return issues


def _unwrap(element: ET.Element, parents: dict[ET.Element, ET.Element]) -> None:
    """Replace `element` by its text and children, keeping the words."""
    parent = parents[element]
    index = list(parent).index(element)
    children = list(element)
    text, tail = element.text or "", element.tail or ""
    if children:
        children[-1].tail = (children[-1].tail or "") + tail
    else:
        text += tail
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + text
    parent.remove(element)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
        parents[child] = parent


def _remove(element: ET.Element, parents: dict[ET.Element, ET.Element]) -> None:
    """Drop `element` and what it holds, keeping the text that follows it."""
    element.text = None
    for child in list(element):
        element.remove(child)
    _unwrap(element, parents)
