"""A bundle's pages in its default language, read and (for a bundle being checked)
rendered: one job per page file, reading its front matter and body and rendering it, so
the workers (kiosk.content.workers) share the whole of each page's work."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from kiosk.content.pagefile import Index, PageSource, read_page
from kiosk.content.problems import Problem, ProblemLog
from kiosk.content.render import RenderedPage, Renderer
from kiosk.content.workers import ONE_PROCESS, Workers

PAGES_DIR = "pages"

# The page, rendered, the problems reading it and the problems rendering it.
Read = tuple[PageSource | None, RenderedPage | None, list[Problem], list[Problem]]


@dataclass(frozen=True)
class _ReadPage:
    """One page file's job: the page, rendered if there is a renderer, and its problems."""

    language: str
    renderer: Renderer | None
    index: Index | None

    def __call__(self, path: Path) -> Read:
        problems, rendering = ProblemLog(), ProblemLog()
        source = read_page(path, problems, self.language, index=self.index)
        if source is None or self.renderer is None:
            return source, None, problems.problems, []
        page = source.page
        rendered = self.renderer.render(page.body)
        for issue in rendered.issues:
            report = rendering.error if issue.error else rendering.warning
            report(page.source, page.line_of(issue.needle), issue.message)
        return source, rendered, problems.problems, rendering.problems


def read_pages(
    root: Path,
    files: list[Path],
    language: str,
    problems: ProblemLog,
    *,
    index: Index | None = None,
    renderer: Renderer | None = None,
    workers: Workers = ONE_PROCESS,
) -> tuple[dict[str, PageSource], Mapping[str, RenderedPage]]:
    """Each page by id (the first file of an id; another is an error), and, with a
    `renderer`, each rendered."""
    folder = root / PAGES_DIR
    if not folder.is_dir():
        problems.error(folder, 1, f"no {PAGES_DIR}/ folder: every bundle needs its pages")
        return {}, {}
    pages: dict[str, PageSource] = {}
    rendered: dict[str, RenderedPage] = {}
    for path, (source, result, found, in_rendering) in zip(
        files, workers.map(_ReadPage(language, renderer, index), files), strict=True
    ):
        problems.problems.extend(found)
        if source is None:
            continue
        page_id = source.page.id
        if page_id in pages:
            other = pages[page_id].page.source
            problems.error(path, 1, f"duplicate page id {page_id!r}: also {other}"
                           f"{_translation_hint(root, path)}")  # fmt: skip
            continue  # (its rendering's problems are not this bundle's: it is not shown)
        problems.problems.extend(in_rendering)
        pages[page_id] = source
        if result is not None:
            rendered[page_id] = result
    return pages, rendered


def _translation_hint(root: Path, path: Path) -> str:
    folder = path.parent.relative_to(root / PAGES_DIR).as_posix()
    if len(folder) in (2, 3) and folder.isalpha():
        return f" (is {PAGES_DIR}/{folder}/ a translation? add its language to [bundle] languages)"
    return ""
