"""Check a bundle the way a careful editor would: errors block it, warnings advise."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Hashable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from kiosk.content.bundlefile import BUNDLE_FILE, glossary_file
from kiosk.content.loader import LoadResult, read_bundle
from kiosk.content.memo import Memo
from kiosk.content.model import Page
from kiosk.content.problems import Problem, ProblemLog, Severity
from kiosk.content.reading import PageReport, check_length, own_words, reading, too_hard
from kiosk.content.render import RenderedPage
from kiosk.content.tomlfile import TomlFile
from kiosk.content.wording import mood_word, unexplained_words
from kiosk.content.workers import ONE_PROCESS, Workers
from kiosk.i18n.catalogue import has_catalogue

REVIEW_EVERY = dt.timedelta(days=365)


@dataclass(frozen=True)
class Report:
    problems: list[Problem]
    pages: list[PageReport]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]

    @property
    def notes(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.NOTE]

    def as_dict(self) -> dict[str, object]:
        return {
            "ok": not self.errors,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "notes": len(self.notes),
            "problems": [p.as_dict() for p in self.problems],
            "pages": [page.__dict__ for page in self.pages],
        }


def validate(root: Path, today: dt.date, workers: Workers = ONE_PROCESS) -> Report:
    """Load `root` and add the editorial warnings to whatever loading found; the pages are
    rendered and checked by `workers` (kiosk.content.workers)."""
    return check(root, read_bundle(root, workers=workers), today, workers)


def check(root: Path, result: LoadResult, today: dt.date, workers: Workers = ONE_PROCESS,
          memo: Memo | None = None) -> Report:  # fmt: skip
    """`validate` of what `read_bundle` made of `root` (the author's preview reads it once
    for both; its `memo` keeps each page's checks while the page and its glossary stay)."""
    log = ProblemLog()
    default = result.bundle.language if result.bundle else ""
    each = partial(_check_page, default, today)
    if memo is None:
        checked = workers.map(each, _written_pages(result))
    else:
        checked = [memo.made(_check_key(default, today, page, rendered, words),
                             partial(each, (page, rendered, words)))
                   for page, rendered, words in _written_pages(result)]  # fmt: skip
    reports = [report for report, _ in checked]
    for _, found in checked:
        log.problems.extend(found)
    _check_languages(result, log)
    _check_unused_references(root, result, log)
    _check_unused_glossary(root, result, log)
    _check_unreachable_pages(result, log)
    return Report(sorted(result.problems + log.problems), reports)


def _check_key(default: str, today: dt.date, page: Page, rendered: RenderedPage,
               words: Mapping[str, str]) -> Hashable:  # fmt: skip
    """All a page's checks depend on: the page, the lines of its front matter (which its
    equality leaves out), its rendering and its language's glossary."""
    lines = tuple(sorted(page.meta_lines.items()))
    return default, today, page, lines, rendered.html, tuple(sorted(words.items()))


def _check_page(
    default: str,
    today: dt.date,
    written: tuple[Page, RenderedPage, Mapping[str, str]],
) -> tuple[PageReport, list[Problem]]:
    """A page's reading level, and the editorial problems with it."""
    page, rendered, glossary = written
    log = ProblemLog()
    report = reading(page, rendered)
    if report.hard:
        log.warning(page.source, page.body_line, too_hard(report))
    check_length(page, own_words(page, rendered), log)
    # A translation takes the crisis line from its original: the advice names that file.
    front_matter = "its front matter" if page.language == default else f"pages/{page.id}.md"
    files = (glossary_file(page.language, default), front_matter)
    _check_wording(page, rendered, glossary, files, log)
    _note_review(page, log)
    if page.last_reviewed != dt.date.min and today - page.last_reviewed > REVIEW_EVERY:
        log.warning(
            page.source,
            1,
            f"last reviewed {page.last_reviewed.isoformat()}, over a year ago: "
            "check the page and update 'last_reviewed'",
        )
    return report, log.problems


def _check_languages(result: LoadResult, log: ProblemLog) -> None:
    """A language the kiosk's own words are not in: its readers get English buttons."""
    bundle = result.bundle
    for language in bundle.languages[1:] if bundle else ():
        if not has_catalogue(language):
            path = bundle.root / BUNDLE_FILE  # type: ignore[union-attr]
            log.warning(path, _line_containing(path, f'"{language}"'), f"the kiosk's own "
                        f"words (buttons, the form, the idle warning) are not in {language}: "
                        "its readers see them in English until the kiosk has a catalogue "
                        "for it (see the README, More than one language)")  # fmt: skip


def _written_pages(
    result: LoadResult,
) -> Iterator[tuple[Page, RenderedPage, Mapping[str, str]]]:
    """Every page as written, in each language: the original pages, then each language's
    translations (a page shown untranslated is checked once, as its original). Each
    language's glossary is one plain dict, which goes to a worker process once per batch."""
    glossary = dict(result.glossary)
    for page_id, page in result.pages.items():
        rendered = result.rendered.get(page_id)
        if rendered is not None:
            yield page, rendered, glossary
    bundle = result.bundle
    for language, edition in (bundle.translations if bundle else {}).items():
        rendered_in, glossary = result.rendered_for(language), dict(edition.glossary)
        for page_id, page in edition.pages.items():
            if edition.in_own_language(page):
                yield page, rendered_in[page_id], glossary


def _check_wording(
    page: Page,
    rendered: RenderedPage,
    glossary: Mapping[str, str],
    files: tuple[str, str],  # the glossary's file, and where to set show_crisis_line
    log: ProblemLog,
) -> None:
    glossary_name, front_matter = files
    words = "\n".join([page.title, page.summary, own_words(page, rendered)])
    mood = mood_word(words, page.language or "en")
    if mood and not page.show_crisis_line:
        log.warning(
            page.source,
            _line(page, mood),
            f"the page speaks of {mood.lower()!r} but does not show the crisis line: "
            f"add 'show_crisis_line: true' to {front_matter}",
        )
    emphasized = re.findall(r"<em>(.*?)</em>", rendered.html, re.DOTALL)
    for found in unexplained_words(words, emphasized, glossary, page.language or "en"):
        log.warning(
            page.source,
            _line(page, found.needle),
            f"{found.needle!r} is a medical word: add {found.word!r} to {glossary_name}, or "
            f"explain it where the page first uses it, in italics: *{found.word}* means ...",
        )


def _line(page: Page, needle: str) -> int:
    """Where the page first uses `needle`: in its body, else its key points."""
    if needle not in page.body and any(needle in point for point in page.key_points):
        return page.meta_line("key_points")
    return page.line_of(needle)


def _note_review(page: Page, log: ProblemLog) -> None:
    if page.is_draft:
        log.note(
            page.source,
            page.meta_line("review_status"),
            "draft: the kiosk shows this page as not yet reviewed; once a clinician has "
            "checked it, set 'review_status: reviewed'",
        )
    if page.clinician_review:
        log.note(
            page.source,
            page.meta_line("clinician_review"),
            f"a clinician must check: {page.clinician_review}",
        )


def _check_unused_references(root: Path, result: LoadResult, log: ProblemLog) -> None:
    if result.bundle is None:
        return
    cited = {ref for page in result.pages.values() for ref in page.references}
    for reference in result.bundle.references.values():
        if reference.id not in cited:
            toml = root / "bundle.toml"
            line = _line_containing(toml, f'"{reference.id}"')
            log.warning(toml, line, f"reference {reference.id!r} is never cited by a page")


def _check_unused_glossary(root: Path, result: LoadResult, log: ProblemLog) -> None:
    """A term no page uses is never shown: a patient can tap a term only where a page has it.
    Each language's glossary file is checked against the pages in that language."""
    bundle = result.bundle
    if bundle is None:
        return
    for language in bundle.languages or (bundle.language,):
        path = root / glossary_file(language, bundle.language)
        toml = TomlFile.read(path, ProblemLog()) if path.is_file() else None
        if toml is None:
            continue
        rendered = result.rendered_for(language).values()
        used = {term for page in rendered for term in page.terms}
        for term in toml.data:
            if term not in used:
                log.warning(
                    path,
                    toml.line("", term),
                    f"glossary term {term!r} is on no page, so no patient will see it: "
                    "use the word on a page, or remove it",
                )


def _check_unreachable_pages(result: LoadResult, log: ProblemLog) -> None:
    bundle = result.bundle
    if bundle is None:
        return
    reachable = set(bundle.tour)
    for topic in bundle.topics:
        reachable.update(topic.pages)
    for rendered in result.rendered.values():
        reachable.update(rendered.page_links)
    for page_id, page in bundle.pages.items():
        if page_id not in reachable:
            log.warning(
                page.source,
                1,
                f"no topic, tour step or link leads to page {page_id!r}: patients cannot reach it",
            )


def _line_containing(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    return 1
