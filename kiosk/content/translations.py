"""A bundle's other languages: `pages/<folder>/<id>.md` and `glossary.<folder>.toml`
(`es` for es-US), checked against the default language's pages.

A translation has the same id as the page it translates and takes that page's topic,
references, crisis line and web address unless it says them: the first three must then
agree; its own web address (the page in its language on the clinic's site) may differ. It
must link to the same pages and show the same pictures and boxes; `translated_from` holds
the fingerprint of the words it translates, so a change to the original makes it stale.
A page with no translation is shown in the default language, with a notice.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from kiosk.content.bundlefile import glossary_file, read_glossary
from kiosk.content.edition_text import folder_of
from kiosk.content.memo import Memo, renderer_for
from kiosk.content.model import Page
from kiosk.content.on_open import RenderedOnOpen
from kiosk.content.pagefile import PAGE_KEYS, Index, PageSource, read_page
from kiosk.content.prerendered import Stored
from kiosk.content.problems import ProblemLog
from kiosk.content.render import RenderedPage
from kiosk.content.workers import ONE_PROCESS, Workers

PAGES_DIR = "pages"
TRANSLATION_KEYS = PAGE_KEYS | {"translated_from"}
_INHERITED = ("topic", "references", "show_crisis_line", "public_url")


@dataclass(frozen=True)
class Edition:
    """One more language's pages (a translation, or the original where none), in the
    default language's order, rendered, with its glossary (its own terms first)."""

    language: str
    pages: Mapping[str, Page]
    rendered: Mapping[str, RenderedPage]
    glossary: Mapping[str, str]


@dataclass(frozen=True)
class Originals:
    """The default language's pages the translations are checked against."""

    root: Path
    language: str
    sources: Mapping[str, PageSource]
    rendered: Mapping[str, RenderedPage]
    existing: Collection[str]  # every page file's id, whether or not it parsed
    glossary: Mapping[str, str]
    index: Index | None = None  # an installed bundle's front matter (kiosk.content.page_index)
    stored: Stored | None = None  # and its pages as rendered (kiosk.content.prerendered)

    def name(self, page: Page) -> str:
        return page.source.relative_to(self.root).as_posix()


def fingerprint(page: Page) -> str:
    """What `translated_from` says: a short hash of the words a translation translates."""
    words = "\n".join([page.title, page.summary, *page.key_points, page.body.strip()])
    return hashlib.sha256(words.encode("utf-8")).hexdigest()[:12]


def read_edition(
    originals: Originals,
    language: str,
    where: tuple[Path, int],
    problems: ProblemLog,
    trusted: bool = False,
    workers: Workers = ONE_PROCESS,
    memo: Memo | None = None,
) -> Edition:
    """`language`'s pages; `where` (bundle.toml's `languages` line) is blamed for a
    missing folder. A `trusted` (installed) bundle's pages are made when first opened
    (kiosk.content.on_open), and not checked against their originals again."""
    root, folder = originals.root, folder_of(language)
    own = read_glossary(root, problems, glossary_file(language, originals.language))
    glossary = {**own, **{t: d for t, d in originals.glossary.items() if t not in own}}
    renderer = renderer_for(root, originals.existing, glossary, memo)
    translated = _read_translations(originals, language, problems)
    if not (root / PAGES_DIR / folder).is_dir():
        problems.warning(*where, f"no {PAGES_DIR}/{folder}/ folder: every page shows in "
                         f"{originals.language} to {language} readers")  # fmt: skip
    pages = _pages_in(originals, translated, language, problems)
    if trusted:  # read back as the install rendered them, or rendered when opened
        on_open = RenderedOnOpen(renderer, pages, originals.stored, language)
        return Edition(language, pages, on_open, glossary)
    bodies = [page.body for page in pages.values()]
    rendered = dict(zip(pages, workers.map(renderer.render, bodies), strict=True))
    for page_id, page in pages.items():
        result = rendered[page_id]
        first = originals.sources[page_id].page
        if page is not first:
            _report_render(page, result, problems)
            _check_same(originals, page, result, first, problems)
            _check_fresh(originals, page, first, problems)
    return Edition(language, pages, rendered, glossary)


def _pages_in(
    originals: Originals, translated: Mapping[str, Page], language: str, problems: ProblemLog
) -> dict[str, Page]:
    """Each page in `language`: its translation, or (with a warning) the original."""
    folder = folder_of(language)
    pages: dict[str, Page] = {}
    for page_id, original in originals.sources.items():
        page = translated.get(page_id)
        if page is None:
            problems.warning(original.page.source, 1, f"no {language} translation "
                             f"({PAGES_DIR}/{folder}/{page_id}.md): the page shows in "
                             f"{originals.language}, with a notice")  # fmt: skip
            page = original.page
        pages[page_id] = page
    return pages


def _read_translations(
    originals: Originals, language: str, problems: ProblemLog
) -> dict[str, Page]:
    found: dict[str, Page] = {}
    folder = originals.root / PAGES_DIR / folder_of(language)
    for path in sorted(folder.glob("*.md")):
        source = read_page(path, problems, language, TRANSLATION_KEYS, originals.index)
        if source is None:
            continue
        original = originals.sources.get(source.page.id)
        if original is None:
            if source.page.id not in originals.existing:  # (one that did not parse is told)
                problems.error(path, 1, f"no page {source.page.id!r} in {originals.language} "
                               f"({PAGES_DIR}/{path.name}): a translation needs the page "
                               "it translates")  # fmt: skip
            continue
        found[source.page.id] = _inherit(originals, source, original.page, problems)
    return found


def _inherit(
    originals: Originals, source: PageSource, original: Page, problems: ProblemLog
) -> Page:
    """The translation with what it leaves out taken from the original; what it says
    differently is an error (a translation may not drop the crisis line)."""
    page, taken = source.page, {}
    for key in _INHERITED:
        if key not in source.meta_lines:
            taken[key] = getattr(original, key)
        elif key != "public_url" and getattr(page, key) != getattr(original, key):
            problems.error(page.source, source.meta_lines[key], f"'{key}' differs from "
                           f"{originals.name(original)}: leave it out, and the translation "
                           "takes the original's")  # fmt: skip
    return replace(page, **taken)


def _report_render(page: Page, result: RenderedPage, problems: ProblemLog) -> None:
    for issue in result.issues:
        report = problems.error if issue.error else problems.warning
        report(page.source, page.line_of(issue.needle), issue.message)


def _check_same(
    originals: Originals,
    page: Page,
    result: RenderedPage,
    original: Page,
    problems: ProblemLog,
) -> None:
    """The same links, pictures and boxes as the original."""
    theirs = originals.rendered.get(original.id)
    if theirs is None:
        return
    name = originals.name(original)
    for what, mine, others in (
        ("links to", set(result.page_links), set(theirs.page_links)),
        ("pictures", {p.name for p in result.images}, {p.name for p in theirs.images}),
    ):
        for missing in sorted(others - mine):
            problems.warning(page.source, page.body_line, f"{name} {what} {missing!r} and "
                             "this translation does not")  # fmt: skip
        for extra in sorted(mine - others):
            problems.warning(page.source, page.line_of(extra), f"this translation {what} "
                             f"{extra!r} and {name} does not")  # fmt: skip
    boxes = [b.kind for b in result.blocks if b.title]
    their_boxes = [b.kind for b in theirs.blocks if b.title]
    if boxes != their_boxes:
        problems.warning(page.source, page.body_line, f"boxes {', '.join(boxes) or 'none'}; "
                         f"{name} has {', '.join(their_boxes) or 'none'}")  # fmt: skip


def _check_fresh(originals: Originals, page: Page, original: Page, problems: ProblemLog) -> None:
    now, name = fingerprint(original), originals.name(original)
    if not page.translated_from:
        problems.warning(page.source, 1, f"say which version of {name} this translates: add "
                         f"'translated_from: {now}' to the front matter")  # fmt: skip
    elif page.translated_from != now:
        problems.warning(page.source, page.meta_line("translated_from"), f"{name} has changed "
                         f"since this translation (translated_from {page.translated_from}, now "
                         f"{now}): update it, then set 'translated_from: {now}'")  # fmt: skip
