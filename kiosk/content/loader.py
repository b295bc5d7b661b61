"""Load a content bundle folder: read the files, parse them, check they agree.

`read_bundle` returns the bundle (when it has no errors) with every problem
found; `load_bundle` is the strict form the kiosk uses and raises BundleError.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from kiosk.content import frontmatter
from kiosk.content.bundlefile import BundleFile, read_bundle_file, read_glossary
from kiosk.content.fields import Fields
from kiosk.content.model import REVIEW_STATUSES, Bundle, Page
from kiosk.content.problems import BundleError, Problem, ProblemLog, Severity
from kiosk.content.render import PAGE_ID_RE, RenderedPage, Renderer

log = logging.getLogger("kiosk.content")

PAGES_DIR = "pages"
_PAGE_KEYS = {
    "title",
    "summary",
    "topic",
    "last_reviewed",
    "reviewed_by",
    "references",
    "public_url",
    "show_crisis_line",
    "key_points",
    "review_status",
    "clinician_review",
}
KEY_POINTS = (2, 4)  # the fewest and most key points a page opens with
_LOG_LEVELS = {Severity.ERROR: logging.ERROR, Severity.WARNING: logging.WARNING,
               Severity.NOTE: logging.INFO}  # fmt: skip


@dataclass(frozen=True)
class LoadResult:
    """A bundle (None if it has errors), the pages that parsed, and every problem."""

    bundle: Bundle | None
    pages: Mapping[str, Page]
    rendered: Mapping[str, RenderedPage]
    problems: list[Problem]
    glossary: Mapping[str, str] = field(default_factory=dict)


def load_bundle(root: Path) -> Bundle:
    """The bundle at `root`; raises BundleError listing every error."""
    result = read_bundle(root)
    if result.bundle is None:
        raise BundleError([p for p in result.problems if p.severity is Severity.ERROR])
    return result.bundle


@dataclass(frozen=True)
class _PageSource:
    """A page with the text it came from, to point problems at lines."""

    page: Page
    lines: list[str]
    meta_lines: dict[str, int]

    def line_of(self, needle: str, start: int) -> int:
        """First line at or after `start` that contains `needle`; `start` if none."""
        for number in range(start, len(self.lines) + 1):
            if needle and needle in self.lines[number - 1]:
                return number
        return start


def read_bundle(root: Path) -> LoadResult:
    try:
        return _read_bundle(root)
    except OSError as exc:  # a folder or file the kiosk's user may not read
        problems = ProblemLog()
        problems.error(Path(exc.filename or root), 1, f"cannot read: {exc.strerror}")
        return LoadResult(None, {}, {}, problems.problems)


def read_logged(root: Path, to: logging.Logger) -> LoadResult:
    """read_bundle, with every problem logged at its severity (as the running kiosk does)."""
    result = read_bundle(root)
    for problem in result.problems:
        to.log(_LOG_LEVELS[problem.severity], "%s", problem)
    if result.bundle is None:
        to.error("content at %s cannot be shown", root)
    return result


def _read_bundle(root: Path) -> LoadResult:
    problems = ProblemLog()
    if not root.is_dir():
        problems.error(root, 1, "no such folder: give the folder that holds bundle.toml")
        return LoadResult(None, {}, {}, problems.problems)
    bundle_file = read_bundle_file(root, problems)
    glossary = read_glossary(root, problems)
    page_files = sorted((root / PAGES_DIR).rglob("*.md"))
    sources = _read_pages(root, page_files, problems)
    pages = {page_id: source.page for page_id, source in sources.items()}
    # A page that exists but did not parse is reported once, not again by
    # every tour step, topic and link that names it.
    existing = {path.stem for path in page_files}
    rendered: dict[str, RenderedPage] = {}
    if bundle_file is not None:
        _check_references(bundle_file, sources, existing, problems)
        rendered = _render_pages(root, sources, existing, glossary, problems)
    if bundle_file is None or problems.has_errors:
        return LoadResult(None, pages, rendered, sorted(problems.problems), glossary)
    bundle = Bundle(
        root=root,
        id=bundle_file.id,
        title=bundle_file.title,
        version=bundle_file.version,
        language=bundle_file.language,
        min_app_version=bundle_file.min_app_version,
        clinic=bundle_file.clinic,
        notices=bundle_file.notices,
        topics=bundle_file.topics,
        tour=bundle_file.tour,
        pages=MappingProxyType(pages),
        references=MappingProxyType({r.id: r for r in bundle_file.references}),
        glossary=MappingProxyType(dict(glossary)),
    )
    log.info("loaded bundle %s version %d: %d pages", bundle.id, bundle.version, len(pages))
    return LoadResult(
        bundle, bundle.pages, MappingProxyType(rendered), sorted(problems.problems), bundle.glossary
    )


def _read_pages(root: Path, page_files: list[Path], problems: ProblemLog) -> dict[str, _PageSource]:
    folder = root / PAGES_DIR
    if not folder.is_dir():
        problems.error(folder, 1, f"no {PAGES_DIR}/ folder: every bundle needs its pages")
        return {}
    pages: dict[str, _PageSource] = {}
    for path in page_files:
        source = _read_page(path, problems)
        if source is None:
            continue
        page_id = source.page.id
        if page_id in pages:
            other = pages[page_id].page.source
            problems.error(path, 1, f"duplicate page id {page_id!r}: also {other}")
            continue
        pages[page_id] = source
    return pages


def _read_page(path: Path, problems: ProblemLog) -> _PageSource | None:
    page_id = path.stem
    if not PAGE_ID_RE.match(page_id):
        problems.error(path, 1, "page file names must be lower-case letters, digits and dashes")
        return None
    read = _split_page(path, problems)
    if read is None:
        return None
    text, split = read

    def line_of(key: str) -> int:
        return split.meta_lines.get(key, 1)

    fields = Fields(split.meta, problems, path, line_of, "front matter")
    fields.unknown(_PAGE_KEYS)
    public_url = fields.text("public_url", required=False)
    if public_url and not public_url.startswith("https://"):
        fields.error("public_url", "'public_url' must be a web address starting with https://")
    reviewed_by = fields.text("reviewed_by", required=False)
    if not reviewed_by:
        problems.warning(path, line_of("reviewed_by"), "front matter has no 'reviewed_by'")
    page = Page(
        id=page_id,
        title=fields.text("title"),
        summary=fields.text("summary"),
        topic=fields.text("topic", required=False) or None,
        last_reviewed=fields.date("last_reviewed"),
        reviewed_by=reviewed_by,
        references=fields.text_list("references", required=False),
        body=split.body,
        source=path,
        body_line=split.body_line,
        meta_lines=MappingProxyType(split.meta_lines),
        public_url=public_url,
        show_crisis_line=fields.flag("show_crisis_line"),
        key_points=_key_points(fields),
        review_status=fields.choice("review_status", REVIEW_STATUSES),
        clinician_review=fields.text("clinician_review", required=False),
    )
    return _PageSource(page, text.splitlines(), split.meta_lines)


def _key_points(fields: Fields) -> tuple[str, ...]:
    points = tuple(p.strip() for p in fields.text_list("key_points", required=False))
    fewest, most = KEY_POINTS
    if not fewest <= len(points) <= most or not all(points):
        fields.log.warning(
            fields.path,
            fields.line_of("key_points"),
            f"a page opens with {fewest} to {most} key points: write them as "
            "'key_points:' in the front matter, one '- ' line each",
        )
    return tuple(p for p in points if p)


def _split_page(path: Path, problems: ProblemLog) -> tuple[str, frontmatter.SplitPage] | None:
    """The page's text and its front matter split from the body; None (and why) if unread."""
    try:
        text = path.read_text(encoding="utf-8")
        return text, frontmatter.split(text)
    except OSError as exc:
        problems.error(path, 1, f"cannot read: {exc.strerror}")
    except UnicodeDecodeError:
        problems.error(path, 1, "not UTF-8 text: save the file as UTF-8")
    except frontmatter.FrontMatterError as exc:
        problems.error(path, exc.line, exc.message)
    return None


def _check_references(
    bf: BundleFile,
    pages: Mapping[str, _PageSource],
    existing: Collection[str],
    problems: ProblemLog,
) -> None:
    """Every name that points somewhere must point at something that exists."""
    toml = bf.toml
    topic_ids = {t.id for t in bf.topics}
    reference_ids = {r.id for r in bf.references}
    for index, topic in enumerate(bf.topics):
        for page_id in topic.pages:
            if page_id not in existing:
                line = toml.line_of_value("topics", "pages", page_id, index)
                message = f"topic {topic.id!r} names missing page {page_id!r}"
                problems.error(toml.path, line, message)
        icon = bf.toml.path.parent / topic.icon
        if topic.icon and not icon.is_file():
            line = toml.line("topics", "icon", index)
            problems.error(toml.path, line, f"topic {topic.id!r} icon {topic.icon!r} not found")
    for page_id in bf.tour:
        if page_id not in existing:
            line = toml.line_of_value("tour", "pages", page_id)
            problems.error(toml.path, line, f"the tour names missing page {page_id!r}")
    for source in pages.values():
        page = source.page
        if page.topic is not None and page.topic not in topic_ids:
            line = source.meta_lines.get("topic", 1)
            problems.error(page.source, line, f"unknown topic {page.topic!r}")
        for ref in page.references:
            if ref not in reference_ids:
                line = source.line_of(ref, source.meta_lines.get("references", 1))
                problems.error(page.source, line, f"unknown reference {ref!r} (not in bundle.toml)")


def _render_pages(
    root: Path,
    pages: Mapping[str, _PageSource],
    existing: Collection[str],
    glossary: Mapping[str, str],
    problems: ProblemLog,
) -> dict[str, RenderedPage]:
    renderer = Renderer(root, existing, glossary)
    rendered = {}
    for page_id, source in pages.items():
        page = source.page
        result = renderer.render(page.body)
        for issue in result.issues:
            line = page.line_of(issue.needle)
            report = problems.error if issue.error else problems.warning
            report(page.source, line, issue.message)
        rendered[page_id] = result
    return rendered
