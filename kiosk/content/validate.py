"""Check a bundle the way a careful editor would: errors block it, warnings advise."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from kiosk.content.bundlefile import GLOSSARY_FILE
from kiosk.content.loader import LoadResult, read_bundle
from kiosk.content.model import Page
from kiosk.content.problems import Problem, ProblemLog, Severity
from kiosk.content.readability import measure
from kiosk.content.render import RenderedPage
from kiosk.content.tomlfile import TomlFile
from kiosk.content.wording import mood_word, unexplained_words

MAX_GRADE = 8.0
MAX_SENTENCE_WORDS = 20
MAX_PAGE_WORDS = 500
REVIEW_EVERY = dt.timedelta(days=365)


@dataclass(frozen=True)
class PageReport:
    id: str
    path: str
    grade: float
    words: int


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


def validate(root: Path, today: dt.date) -> Report:
    """Load `root` and add the editorial warnings to whatever loading found."""
    result = read_bundle(root)
    log = ProblemLog()
    reports = []
    for page_id, page in result.pages.items():
        rendered = result.rendered.get(page_id)
        if rendered is None:
            continue
        reading = measure(_own_words(page, rendered))
        reports.append(PageReport(page_id, str(page.source), reading.grade, reading.words))
        _check_reading(page, reading.grade, reading.words, reading.sentences, log)
        _check_wording(page, rendered, result.glossary, log)
        _note_review(page, log)
        if page.last_reviewed != dt.date.min and today - page.last_reviewed > REVIEW_EVERY:
            log.warning(
                page.source,
                1,
                f"last reviewed {page.last_reviewed.isoformat()}, over a year ago: "
                "check the page and update 'last_reviewed'",
            )
    _check_unused_references(root, result, log)
    _check_unused_glossary(root, result, log)
    _check_unreachable_pages(result, log)
    return Report(sorted(result.problems + log.problems), reports)


def _check_reading(
    page: Page, grade: float, words: int, sentences: tuple[str, ...], log: ProblemLog
) -> None:
    if grade > MAX_GRADE:
        log.warning(
            page.source,
            page.body_line,
            f"reading grade {grade:.1f} is above {MAX_GRADE:.0f}: use shorter sentences "
            "and common words",
        )
    for sentence in sentences:
        count = len(sentence.split())
        if count > MAX_SENTENCE_WORDS:
            line = page.line_of(" ".join(sentence.split()[:3]))
            log.warning(
                page.source,
                line,
                f"sentence of {count} words (at most {MAX_SENTENCE_WORDS}): "
                f"'{' '.join(sentence.split()[:6])} ...'",
            )
    if words > MAX_PAGE_WORDS:
        log.warning(
            page.source,
            page.body_line,
            f"page has {words} words (about {MAX_PAGE_WORDS} fit two screens): split it",
        )


def _own_words(page: Page, rendered: RenderedPage) -> str:
    """What the page says in its own words: key points and body (citations are apart)."""
    return "\n".join([*page.key_points, rendered.text])


def _check_wording(
    page: Page, rendered: RenderedPage, glossary: Mapping[str, str], log: ProblemLog
) -> None:
    words = "\n".join([page.title, page.summary, _own_words(page, rendered)])
    mood = mood_word(words)
    if mood and not page.show_crisis_line:
        log.warning(
            page.source,
            _line(page, mood),
            f"the page speaks of {mood.lower()!r} but does not show the crisis line: "
            "add 'show_crisis_line: true' to its front matter",
        )
    emphasized = re.findall(r"<em>(.*?)</em>", rendered.html, re.DOTALL)
    for found in unexplained_words(words, emphasized, glossary):
        log.warning(
            page.source,
            _line(page, found.needle),
            f"{found.needle!r} is a medical word: add {found.word!r} to glossary.toml, or "
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
    """A term no page uses is never shown: a patient can tap a term only where a page has it."""
    if result.bundle is None or not result.glossary:
        return
    used = {term for rendered in result.rendered.values() for term in rendered.terms}
    path = root / GLOSSARY_FILE
    toml = TomlFile.read(path, ProblemLog())
    for term in result.glossary:
        if term not in used:
            log.warning(
                path,
                toml.line("", term) if toml else 1,
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
