"""Check a bundle the way a careful editor would: errors block it, warnings advise."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from kiosk.content.bundlefile import glossary_file
from kiosk.content.loader import LoadResult, read_bundle
from kiosk.content.model import Page
from kiosk.content.problems import Problem, ProblemLog, Severity
from kiosk.content.readability import measure, measure_spanish, sentences, word_count
from kiosk.content.render import RenderedPage
from kiosk.content.tomlfile import TomlFile
from kiosk.content.wording import mood_word, unexplained_words

MAX_GRADE = 8.0
MAX_SENTENCE_WORDS = 20
MAX_PAGE_WORDS = 500
REVIEW_EVERY = dt.timedelta(days=365)


# Spanish pages: "fácil" or "bastante fácil" on INFLESZ, or easy on Fernández-Huerta.
MIN_INFLESZ = 65.0
MIN_FERNANDEZ_HUERTA = 70.0
# Spanish says the same in about a quarter more words.
PAGE_WORDS = {"en": MAX_PAGE_WORDS, "es": MAX_PAGE_WORDS * 5 // 4}


@dataclass(frozen=True)
class PageReport:
    """One page in one language: its length and reading level (a grade for English, two
    ease scores for Spanish; None where the language has no formula)."""

    id: str
    path: str
    grade: float | None
    words: int
    language: str = "en-US"
    fernandez_huerta: float | None = None
    inflesz: float | None = None

    @property
    def hard(self) -> bool:
        """Harder than the target for its language."""
        if self.grade is not None:
            return self.grade > MAX_GRADE
        if self.inflesz is not None and self.fernandez_huerta is not None:
            return self.inflesz < MIN_INFLESZ and self.fernandez_huerta < MIN_FERNANDEZ_HUERTA
        return False

    def level(self) -> str:
        """`grade  5.2` or `INFLESZ 74.3, Fernández-Huerta 78.0` (or '' for none)."""
        if self.grade is not None:
            return f"grade {self.grade:4.1f}"
        if self.inflesz is not None:
            return f"INFLESZ {self.inflesz:5.1f}, Fernández-Huerta {self.fernandez_huerta:5.1f}"
        return "no reading formula for this language"


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
    for page, rendered, glossary in _written_pages(result):
        glossary_name = glossary_file(
            page.language, result.bundle.language if result.bundle else ""
        )
        report = _reading(page, rendered)
        reports.append(report)
        if report.hard:
            log.warning(page.source, page.body_line, _too_hard(report))
        _check_length(page, _own_words(page, rendered), log)
        _check_wording(page, rendered, glossary, glossary_name, log)
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


def _written_pages(
    result: LoadResult,
) -> Iterator[tuple[Page, RenderedPage, Mapping[str, str]]]:
    """Every page as written, in each language: the original pages, then each language's
    translations (a page shown untranslated is checked once, as its original)."""
    for page_id, page in result.pages.items():
        rendered = result.rendered.get(page_id)
        if rendered is not None:
            yield page, rendered, result.glossary
    bundle = result.bundle
    for language, edition in (bundle.translations if bundle else {}).items():
        rendered_in = result.rendered_for(language)
        for page_id, page in edition.pages.items():
            if edition.in_own_language(page):
                yield page, rendered_in[page_id], edition.glossary


def _reading(page: Page, rendered: RenderedPage) -> PageReport:
    text = _own_words(page, rendered)
    words = word_count(text)
    if _primary(page.language) == "es":
        ease = measure_spanish(text)
        return PageReport(page.id, str(page.source), None, words, page.language,
                          ease.fernandez_huerta, ease.inflesz)  # fmt: skip
    if _primary(page.language) in ("en", ""):
        return PageReport(page.id, str(page.source), measure(text).grade, words, page.language)
    return PageReport(page.id, str(page.source), None, words, page.language)


def _too_hard(report: PageReport) -> str:
    if report.grade is not None:
        return (f"reading grade {report.grade:.1f} is above {MAX_GRADE:.0f}: use shorter "
                "sentences and common words")  # fmt: skip
    return (f"reading ease {report.level()}: below {MIN_INFLESZ:.0f} (INFLESZ, 'bastante "
            f"fácil') and {MIN_FERNANDEZ_HUERTA:.0f} (Fernández-Huerta): use shorter "
            "sentences and common words")  # fmt: skip


def _primary(language: str) -> str:
    return language.split("-")[0].lower()


def _check_length(page: Page, text: str, log: ProblemLog) -> None:
    """Sentences of at most MAX_SENTENCE_WORDS words; a page that fits two screens."""
    for sentence in sentences(text):
        count = len(sentence.split())
        if count > MAX_SENTENCE_WORDS:
            line = page.line_of(" ".join(sentence.split()[:3]))
            log.warning(
                page.source,
                line,
                f"sentence of {count} words (at most {MAX_SENTENCE_WORDS}): "
                f"'{' '.join(sentence.split()[:6])} ...'",
            )
    words = word_count(text)
    most = PAGE_WORDS.get(_primary(page.language), MAX_PAGE_WORDS)
    if words > most:
        log.warning(
            page.source,
            page.body_line,
            f"page has {words} words (about {most} fit two screens): split it",
        )


def _own_words(page: Page, rendered: RenderedPage) -> str:
    """What the page says in its own words: key points and body (citations are apart)."""
    return "\n".join([*page.key_points, rendered.text])


def _check_wording(
    page: Page,
    rendered: RenderedPage,
    glossary: Mapping[str, str],
    glossary_name: str,
    log: ProblemLog,
) -> None:
    words = "\n".join([page.title, page.summary, _own_words(page, rendered)])
    mood = mood_word(words, page.language or "en")
    if mood and not page.show_crisis_line:
        log.warning(
            page.source,
            _line(page, mood),
            f"the page speaks of {mood.lower()!r} but does not show the crisis line: "
            "add 'show_crisis_line: true' to its front matter",
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
