"""What an author's preview shows of a source folder (`kiosk-admin preview`): the bundle as
far as it loads, each page that does not (its file will not parse, or a topic names a page
with no file) stood in for by a page saying why, and what `kiosk-admin bundle validate`
says of it all. The window around it is kiosk.bridge.preview."""

from __future__ import annotations

import datetime as dt
import html
import logging
import os
import re
import time
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType

from kiosk.content.bundlefile import BUNDLE_FILE, GLOSSARY_FILE
from kiosk.content.edition_text import folder_of
from kiosk.content.loader import LoadResult, read_bundle
from kiosk.content.memo import Memo
from kiosk.content.model import DRAFT, Bundle, Page
from kiosk.content.page_reading import PAGES_DIR
from kiosk.content.problems import Problem, Severity
from kiosk.content.render import RenderedPage, Renderer
from kiosk.content.validate import check

log = logging.getLogger("kiosk.preview")

CANNOT_SHOW = "This page cannot be shown"
_PICTURE_SRC = re.compile(r'src="(media/[^"?]+)"')
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


@dataclass(frozen=True)
class Look:
    """The folder as the preview shows it: `result.bundle` is None only when bundle.toml
    itself cannot be read; `problems` are validate's, sorted by file and line; `files`,
    the folder's own folders and files then (not hidden ones); `read_at`, its time."""

    root: Path
    result: LoadResult
    problems: tuple[Problem, ...]
    files: frozenset[Path]
    read_at: str

    @property
    def errors(self) -> int:
        """How many errors validate finds."""
        return sum(p.severity is Severity.ERROR for p in self.problems)

    def page_files(self, page_id: str, language: str) -> tuple[Path, ...]:
        """The files that make `page_id` as a reader of `language` sees it: its original,
        and its translation when `language` is not the default."""
        bundle = self.result.bundle
        original = page_file(self.root, page_id)
        if bundle is None or language in ("", bundle.language):
            return (original,)
        return original, page_file(self.root, page_id, folder_of(language))

    def split(self, files: Collection[Path]) -> tuple[list[Problem], list[Problem]]:
        """The problems in `files` (errors first, each kind in the order of its lines; for
        a page with no file, those that name it: a topic, a link, its translation), and
        the problems in every other file."""
        paths = {str(path) for path in files}
        gone = [f"'{path.stem}'" for path in files  # an original page (not a translation)
                if path.parent.name == PAGES_DIR and path.suffix == ".md"
                and path not in self.files]  # fmt: skip
        here: list[Problem] = []
        elsewhere: list[Problem] = []
        for problem in self.problems:
            mine = problem.path in paths or any(name in problem.message for name in gone)
            (here if mine else elsewhere).append(problem)
        return sorted(here, key=lambda p: (_RANK[p.severity], p.path, p.line)), elsewhere

    def glossaries(self) -> list[Path]:
        """The glossary files, as read."""
        stem = Path(GLOSSARY_FILE).stem
        return sorted(path for path in self.files if path.parent == self.root
                      and path.name.startswith(stem) and path.suffix == ".toml")  # fmt: skip


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.NOTE: 2}


def look_at(root: Path, today: dt.date, memo: Memo | None = None) -> Look:
    """Read `root` once: the bundle to show, and validate's problems with it. `memo`: what
    the last look made, for the pages that did not change since (kiosk.content.memo)."""
    if memo is not None:
        memo.read_again()
    files, read_at = frozenset(folder_files(root)), time.strftime("%H:%M:%S")
    result = read_bundle(root, lenient=True, memo=memo)
    has_errors = any(p.severity is Severity.ERROR for p in result.problems)
    # validate reads a bundle with errors as none: the same checks, the same problems.
    as_validated = replace(result, bundle=None, rendered_in={}) if has_errors else result
    problems = tuple(check(root, as_validated, today, memo=memo).problems)
    shown = with_pictures_as_saved(root, with_stand_ins(root, result, problems, today))
    return Look(root, shown, problems, files, read_at)


def folder_files(root: Path) -> list[Path]:
    """The folders under `root` and the files in them, but hidden ones (an editor's
    lock and swap files, .git) and what is in hidden folders; a folder that cannot be
    listed is left out (validate says what cannot be read in it)."""
    found = []
    for folder, folders, names in os.walk(root, onerror=_unlisted):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        here = Path(folder)
        found.append(here)
        found += [here / name for name in sorted(names) if not name.startswith(".")]
    return found


def _unlisted(error: OSError) -> None:
    log.warning("cannot watch %s: %s", error.filename, error.strerror)


def page_file(root: Path, page_id: str, folder: str = "") -> Path:
    """Where `page_id` is written: pages/<id>.md, or pages/<folder>/<id>.md."""
    return root / PAGES_DIR / folder / f"{page_id}.md"  # (a path joined with "" is itself)


def from_folder(problem: Problem, root: Path) -> str:
    """The problem, its file named from the folder at `root` (which the preview names)."""
    return str(replace(problem, path=relative(Path(problem.path), root)))


def relative(path: Path, root: Path) -> str:
    """`path` from `root`, if it is under it."""
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)


def page_of(root: Path, path: Path, languages: Iterable[str]) -> tuple[str, str] | None:
    """The page `path` writes and the language it is in ("" for the default), if it is a
    page file of the folder at `root`."""
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        return None
    if path.suffix != ".md" or not parts or parts[0] != PAGES_DIR:
        return None
    if len(parts) == 2:
        return path.stem, ""
    by_folder = {folder_of(language): language for language in languages}
    if len(parts) == 3 and parts[1] in by_folder:
        return path.stem, by_folder[parts[1]]
    return None


def with_stand_ins(
    root: Path, result: LoadResult, problems: tuple[Problem, ...], today: dt.date
) -> LoadResult:
    """`result` with a page saying why in place of each page that did not load: one in
    every language for a default-language page, one in its language for a translation."""
    bundle = result.bundle
    if bundle is None:
        return result
    missing = _missing(root, bundle)
    stand_ins = _StandIns(root, bundle, problems, today)
    pages = {**_cited(bundle), **{page_id: stand_ins.page(page_id, "") for page_id in missing}}
    rendered = dict(result.rendered)
    rendered.update({page_id: stand_ins.rendered(page_id, "") for page_id in missing})
    translations: dict[str, Bundle] = {}
    rendered_in: dict[str, Mapping[str, RenderedPage]] = {}
    for language, edition in bundle.translations.items():
        broken = _broken_translations(root, edition, problems)
        in_language = {**_cited(edition), **{page_id: pages[page_id] for page_id in missing}}
        in_language.update({page_id: stand_ins.page(page_id, language) for page_id in broken})
        translations[language] = replace(edition, pages=MappingProxyType(in_language))
        made = dict(result.rendered_for(language))
        made.update({page_id: rendered[page_id] for page_id in missing})
        made.update({page_id: stand_ins.rendered(page_id, language) for page_id in broken})
        rendered_in[language] = MappingProxyType(made)
    shown = replace(bundle, pages=MappingProxyType(pages),
                    translations=MappingProxyType(translations))  # fmt: skip
    return replace(result, bundle=shown, pages=shown.pages, rendered=MappingProxyType(rendered),
                   rendered_in=MappingProxyType(rendered_in))  # fmt: skip


def _cited(edition: Bundle) -> dict[str, Page]:
    """The edition's pages, each citing only the sources bundle.toml has (a page citing
    one it has not shows, its problem above it, without that one)."""
    known = edition.references
    return {page_id: page if all(r in known for r in page.references)
            else replace(page, references=tuple(r for r in page.references if r in known))
            for page_id, page in edition.pages.items()}  # fmt: skip


def with_pictures_as_saved(root: Path, result: LoadResult) -> LoadResult:
    """`result` with each picture named with the time it was saved (media/x.svg?v=…): the
    window keeps a picture it has shown by its name, so a picture saved again shows as
    saved only under a new one."""
    if result.bundle is None:
        return result
    times: dict[str, str] = {}

    def saved(match: re.Match[str]) -> str:
        src = match[1]
        if src not in times:
            try:
                times[src] = f"{src}?v={(root / src).stat().st_mtime_ns}"
            except OSError:  # not there: the page's problems say so
                times[src] = src
        return f'src="{times[src]}"'

    def named(page: RenderedPage) -> RenderedPage:
        if not page.images:
            return page
        blocks = tuple(replace(block, html=_PICTURE_SRC.sub(saved, block.html))
                       for block in page.blocks)  # fmt: skip
        return replace(page, html=_PICTURE_SRC.sub(saved, page.html), blocks=blocks)

    rendered = {page_id: named(page) for page_id, page in result.rendered.items()}
    rendered_in = {language: MappingProxyType({page_id: named(page)
                                               for page_id, page in pages.items()})
                   for language, pages in result.rendered_in.items()}  # fmt: skip
    return replace(result, rendered=MappingProxyType(rendered),
                   rendered_in=MappingProxyType(rendered_in))  # fmt: skip


def _missing(root: Path, bundle: Bundle) -> list[str]:
    """The pages a reader could be sent to, or whose file is there, that did not load."""
    named = [*bundle.tour, *(page_id for topic in bundle.topics for page_id in topic.pages)]
    written = [path.stem for path in sorted((root / PAGES_DIR).glob("*.md"))]
    wanted = dict.fromkeys([*written, *named])  # in order, once each
    return [page_id for page_id in wanted if page_id not in bundle.pages]


def _broken_translations(root: Path, edition: Bundle, problems: tuple[Problem, ...]) -> list[str]:
    """The pages of `edition` whose translation file is there but did not load (the kiosk
    would show the original instead: the preview says why)."""
    folder = root / PAGES_DIR / folder_of(edition.language)
    erring = {p.path for p in problems if p.severity is Severity.ERROR}
    return [page_id for page_id, page in edition.pages.items()
            if not edition.in_own_language(page)
            and str(folder / f"{page_id}.md") in erring]  # fmt: skip


class _StandIns:
    """Stand-in pages: the page's id as its title, and its errors as its text."""

    def __init__(self, root: Path, bundle: Bundle, problems: tuple[Problem, ...],
                 today: dt.date) -> None:  # fmt: skip
        self._root, self._bundle, self._problems, self._today = root, bundle, problems, today
        self._renderer = Renderer(root, bundle.pages.keys(), {})
        self._made: dict[tuple[str, str], tuple[Page, RenderedPage]] = {}

    def page(self, page_id: str, language: str) -> Page:
        return self._make(page_id, language)[0]

    def rendered(self, page_id: str, language: str) -> RenderedPage:
        return self._make(page_id, language)[1]

    def _make(self, page_id: str, language: str) -> tuple[Page, RenderedPage]:
        if (page_id, language) not in self._made:
            path = page_file(self._root, page_id, folder_of(language) if language else "")
            reasons = self._reasons(page_id, path)
            body = "\n\n".join([f"**{CANNOT_SHOW}.** Fix what is wrong and save the file: "
                                "the preview shows the page as soon as it loads.",
                                *(escape_markdown(from_folder(p, self._root))
                                  for p in reasons)])  # fmt: skip
            page = Page(id=page_id, title=page_id, summary=f"{CANNOT_SHOW}: {path.name}",
                        topic=None, last_reviewed=self._today, reviewed_by="",
                        references=(), body=body, source=path, body_line=1,
                        review_status=DRAFT,
                        language=language or self._bundle.language)  # fmt: skip
            self._made[page_id, language] = page, self._renderer.render(body)
        return self._made[page_id, language]

    def _reasons(self, page_id: str, path: Path) -> list[Problem]:
        """The errors in the page's file; for a page with no file, bundle.toml's about it."""
        toml = str(self._root / BUNDLE_FILE)
        named = f"'{page_id}'"
        return [p for p in self._problems if p.severity is Severity.ERROR and (
                p.path == str(path) or (p.path == toml and named in p.message))]  # fmt: skip


def escape_markdown(text: str) -> str:
    """`text` as Markdown that renders as exactly that text (its quotes, dashes and dots
    too: the typography's curly quotes and dashes are for prose, not a file's words)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text))
