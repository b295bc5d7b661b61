"""Load a content bundle folder: read the files, parse them, check they agree.

`read_bundle` returns the bundle (when it has no errors) with every problem
found; `load_bundle` is the strict form the kiosk uses and raises BundleError.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType

from kiosk.content.bundlefile import BundleFile, read_bundle_file, read_glossary
from kiosk.content.edition_text import EditionText, folder_of
from kiosk.content.memo import Memo, renderer_for
from kiosk.content.model import Bundle, Clinic, Page
from kiosk.content.on_open import RenderedOnOpen
from kiosk.content.page_index import read_index
from kiosk.content.page_reading import PAGES_DIR, read_pages
from kiosk.content.pagefile import PageSource
from kiosk.content.prerendered import Stored
from kiosk.content.problems import BundleError, Problem, ProblemLog, Severity
from kiosk.content.render import RenderedPage
from kiosk.content.translations import Edition, Originals, read_edition
from kiosk.content.workers import ONE_PROCESS, Workers

log = logging.getLogger("kiosk.content")

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
    # The pages of each other language, rendered: a translation or, where none, the original.
    rendered_in: Mapping[str, Mapping[str, RenderedPage]] = field(default_factory=dict)

    def rendered_for(self, language: str) -> Mapping[str, RenderedPage]:
        return self.rendered_in.get(language, self.rendered)


def load_bundle(root: Path) -> Bundle:
    """The bundle at `root`; raises BundleError listing every error."""
    result = read_bundle(root)
    if result.bundle is None:
        raise BundleError([p for p in result.problems if p.severity is Severity.ERROR])
    return result.bundle


def read_bundle(
    root: Path,
    trusted: bool = False,
    workers: Workers = ONE_PROCESS,
    *,
    lenient: bool = False,
    memo: Memo | None = None,
) -> LoadResult:
    """The bundle at `root` and every problem in it. `trusted`: an installed bundle, whose
    install rendered and checked every page: its pages are rendered when first opened
    (kiosk.content.on_open), so start-up does not grow with the number of pages. Otherwise
    every page is rendered, by `workers` (kiosk.content.workers). `lenient` (an author's
    preview): the bundle as far as it goes despite errors, with the pages that parsed
    (kiosk.content.preview stands in for the others); None only if bundle.toml is unread.
    `memo`: what the last reading of `root` rendered, for what did not change since."""
    try:
        return _read_bundle(root, trusted, workers, lenient, memo)
    except OSError as exc:  # a folder or file the kiosk's user may not read
        problems = ProblemLog()
        problems.error(Path(exc.filename or root), 1, f"cannot read: {exc.strerror}")
        return LoadResult(None, {}, {}, problems.problems)


def read_logged(root: Path, to: logging.Logger, trusted: bool = False) -> LoadResult:
    """read_bundle, with every problem logged at its severity (as the running kiosk does)."""
    result = read_bundle(root, trusted)
    for problem in result.problems:
        to.log(_LOG_LEVELS[problem.severity], "%s", problem)
    if result.bundle is None:
        to.error("content at %s cannot be shown", root)
    return result


def _read_bundle(
    root: Path, trusted: bool, workers: Workers, lenient: bool, memo: Memo | None
) -> LoadResult:
    problems = ProblemLog()
    if not root.is_dir():
        problems.error(root, 1, "no such folder: give the folder that holds bundle.toml")
        return LoadResult(None, {}, {}, problems.problems)
    bundle_file = read_bundle_file(root, problems)
    glossary = read_glossary(root, problems)
    languages = bundle_file.languages if bundle_file else ()
    every_file = sorted((root / PAGES_DIR).rglob("*.md"))
    page_files = _page_files(root, every_file, languages)
    language = bundle_file.language if bundle_file else ""
    # An installed bundle's front matter comes from its index (kiosk.content.page_index).
    index = read_index(root, every_file) if trusted else None
    # A page that exists but did not parse is reported once, not again by
    # every tour step, topic and link that names it.
    existing = {path.stem for path in page_files}
    renderer = renderer_for(root, existing, glossary, memo)
    now = renderer if bundle_file is not None and not trusted else None  # render them now
    sources, rendered = read_pages(root, page_files, language, problems, index=index,
                                   renderer=now, workers=workers)  # fmt: skip
    pages = {page_id: source.page for page_id, source in sources.items()}
    editions: list[Edition] = []
    if bundle_file is not None:
        _check_references(bundle_file, sources, existing, problems)
        stored = Stored(root) if trusted else None  # what the install rendered
        rendered = RenderedOnOpen(renderer, pages, stored, language) if stored else rendered
        originals = Originals(root, language, sources, rendered, existing, glossary, index,
                              stored)  # fmt: skip
        where = (bundle_file.toml.path, bundle_file.toml.line("bundle", "languages"))
        editions = [read_edition(originals, other, where, problems, trusted, workers, memo)
                    for other in languages[1:]]  # fmt: skip
    if bundle_file is None or (problems.has_errors and not lenient):
        return LoadResult(None, pages, rendered, sorted(problems.problems), glossary)
    bundle = _bundle(root, bundle_file, pages, glossary, editions)
    return _loaded(bundle, rendered, editions, problems)


def _loaded(bundle: Bundle, rendered: Mapping[str, RenderedPage], editions: list[Edition],
            problems: ProblemLog) -> LoadResult:  # fmt: skip
    log.info("loaded bundle %s version %d: %d pages in %s", bundle.id, bundle.version,
             len(bundle.pages), ", ".join(bundle.languages))  # fmt: skip
    in_languages = {edition.language: edition.rendered for edition in editions}
    return LoadResult(bundle, bundle.pages, MappingProxyType(rendered),
                      sorted(problems.problems), bundle.glossary,
                      MappingProxyType(in_languages))  # fmt: skip


def _page_files(root: Path, every_file: list[Path], languages: tuple[str, ...]) -> list[Path]:
    """The default language's page files: every .md under pages/ but the translations."""
    folders = {f"{root / PAGES_DIR / folder_of(language)}{os.sep}" for language in languages[1:]}
    return [p for p in every_file if not any(str(p).startswith(f) for f in folders)]


def _bundle(
    root: Path,
    bf: BundleFile,
    pages: Mapping[str, Page],
    glossary: Mapping[str, str],
    editions: list[Edition],
) -> Bundle:
    bundle = Bundle(
        root=root,
        id=bf.id,
        title=bf.title,
        version=bf.version,
        language=bf.language,
        min_app_version=bf.min_app_version,
        clinic=bf.clinic,
        notices=bf.notices,
        topics=bf.topics,
        tour=bf.tour,
        pages=MappingProxyType(dict(pages)),
        references=MappingProxyType({r.id: r for r in bf.references}),
        glossary=MappingProxyType(dict(glossary)),
        languages=bf.languages,
    )
    translations = {e.language: _in_language(bundle, bf.translations[e.language], e)
                    for e in editions if e.language in bf.translations}  # fmt: skip
    return replace(bundle, translations=MappingProxyType(translations))


def _in_language(bundle: Bundle, text: EditionText, edition: Edition) -> Bundle:
    """The bundle as a reader of `edition`'s language sees it."""
    topics = tuple(
        replace(topic, title=text.topics[topic.id][0], summary=text.topics[topic.id][1])
        if topic.id in text.topics else topic
        for topic in bundle.topics
    )  # fmt: skip
    return replace(
        bundle,
        title=text.title or bundle.title,
        language=edition.language,
        language_name=text.name,
        clinic=_clinic_in(bundle.clinic, text),
        notices=text.notices,
        topics=topics,
        pages=MappingProxyType(dict(edition.pages)),
        glossary=MappingProxyType(dict(edition.glossary)),
    )


def _clinic_in(clinic: Clinic, text: EditionText) -> Clinic:
    """The clinic's opening hours and phone labels as the translation says them."""
    phones = clinic.phones
    if text.phone_labels:
        phones = tuple(
            replace(p, label=label) for p, label in zip(phones, text.phone_labels, strict=True)
        )
    return replace(clinic, hours=text.hours or clinic.hours, phones=phones)


def _check_references(
    bf: BundleFile,
    pages: Mapping[str, PageSource],
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
