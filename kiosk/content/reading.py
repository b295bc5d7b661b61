"""How hard a page is to read, in its language: Flesch-Kincaid for English, INFLESZ and
Fernández-Huerta for Spanish; and its sentences and length."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.content.model import Page
from kiosk.content.problems import ProblemLog
from kiosk.content.readability import measure, measure_spanish, sentences, word_count
from kiosk.content.render import RenderedPage
from kiosk.i18n.catalogue import primary

MAX_GRADE = 8.0
MAX_SENTENCE_WORDS = 20
MAX_PAGE_WORDS = 500

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


def reading(page: Page, rendered: RenderedPage) -> PageReport:
    text = own_words(page, rendered)
    words = word_count(text)
    if primary(page.language) == "es":
        ease = measure_spanish(text)
        return PageReport(page.id, str(page.source), None, words, page.language,
                          ease.fernandez_huerta, ease.inflesz)  # fmt: skip
    if primary(page.language) in ("en", ""):
        return PageReport(page.id, str(page.source), measure(text).grade, words, page.language)
    return PageReport(page.id, str(page.source), None, words, page.language)


def too_hard(report: PageReport) -> str:
    if report.grade is not None:
        return (f"reading grade {report.grade:.1f} is above {MAX_GRADE:.0f}: use shorter "
                "sentences and common words")  # fmt: skip
    return (f"reading ease {report.level()}: below {MIN_INFLESZ:.0f} (INFLESZ, 'bastante "
            f"fácil') and {MIN_FERNANDEZ_HUERTA:.0f} (Fernández-Huerta): use shorter "
            "sentences and common words")  # fmt: skip


def check_length(page: Page, text: str, log: ProblemLog) -> None:
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
    most = PAGE_WORDS.get(primary(page.language), MAX_PAGE_WORDS)
    if words > most:
        log.warning(
            page.source,
            page.body_line,
            f"page has {words} words (about {most} fit two screens): split it",
        )


def own_words(page: Page, rendered: RenderedPage) -> str:
    """What the page says in its own words: key points and body (citations are apart)."""
    return "\n".join([*page.key_points, rendered.text])
