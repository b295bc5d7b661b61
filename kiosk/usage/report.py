"""The usage counts for staff: a CSV of every total and a one-page HTML report with charts
(pages by reads, a weekly trend, tour completion, helpful answers), made by leather (SVG).

Any count from 1 to 4 is shown as "fewer than 5", in the CSV, the tables and the charts
alike (a chart leaves it out), so that no total small enough to point at one patient's
visit leaves the kiosk; nor can one be worked out from the others: both files give the
same totals over the whole span (no day, no page by language), the reading times of a
page only when none of them is small (they add up to its openings), and the share of
"Yes" only when neither answer is.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from kiosk.system.files import write_atomically
from kiosk.usage.events import READ_TIMES, Event
from kiosk.usage.store import Total

FEWEST = 5  # the smallest count shown as a number (zero aside)
FEWER = f"fewer than {FEWEST}"
CSV_FILE, HTML_FILE = "usage-counts.csv", "usage-report.html"


NOT_SHOWN = "not shown"  # a count that, beside the others, would tell a small one


def shown(count: int) -> str:
    return FEWER if 0 < count < FEWEST else str(count)


def small(*counts: int) -> bool:
    return any(0 < count < FEWEST for count in counts)


@dataclass(frozen=True)
class PageLine:
    page: str
    title: str
    opened: int
    read: tuple[int, int, int]  # under 10 s, 10 to 60 s, over a minute
    yes: int
    no: int
    aloud: int = 0
    cards: int = 0

    def reading(self) -> tuple[str, ...]:
        """The reading times as shown: all three, or none if one is small."""
        if small(*self.read):
            return (NOT_SHOWN,) * 3
        return tuple(map(shown, self.read))

    def helpful(self) -> str:
        """The share of "Yes", with its count, or why there is none."""
        answers = self.yes + self.no
        if answers == 0:
            return "no answers"
        if small(self.yes, self.no):
            return f"{NOT_SHOWN}: {FEWER} answers one way"
        return f"{round(100 * self.yes / answers)} % yes of {answers}"

    def row(self) -> list[str]:
        """The page's line in the CSV, as the report's table shows it."""
        answered = small(self.yes, self.no)
        return [self.page, self.title, shown(self.opened), *self.reading(), shown(self.aloud),
                shown(self.cards), NOT_SHOWN if answered else shown(self.yes),
                NOT_SHOWN if answered else shown(self.no)]  # fmt: skip


@dataclass(frozen=True)
class Summary:
    first: dt.date
    last: dt.date
    pages: list[PageLine]  # most opened first
    weeks: list[tuple[dt.date, int]]  # each week's Monday, pages opened that week
    events: Mapping[str, int]  # every event's total


def summarize(totals: Iterable[Total], titles: Mapping[str, str], first: dt.date,
              last: dt.date) -> Summary:  # fmt: skip
    by_page: dict[str, Counter[str]] = {}
    events: Counter[str] = Counter()
    weeks: Counter[dt.date] = Counter()
    for total in totals:
        events[total.event] += total.count
        if total.page and total.event not in (Event.TOUR_STARTED, Event.TOUR_FINISHED):
            by_page.setdefault(total.page, Counter())[total.event] += total.count
        if total.event == Event.PAGE_OPENED:
            weeks[total.day - dt.timedelta(days=total.day.weekday())] += total.count
    pages = [
        PageLine(page, titles.get(page, page), counts[Event.PAGE_OPENED],
                 tuple(counts[e] for e in READ_TIMES),  # type: ignore[arg-type]
                 counts[Event.HELPFUL_YES], counts[Event.HELPFUL_NO],
                 counts[Event.READ_ALOUD], counts[Event.TERM_OPENED])
        for page, counts in by_page.items()
    ]  # fmt: skip
    pages.sort(key=lambda line: (-line.opened, line.title))
    return Summary(first, last, pages, sorted(weeks.items()), dict(events))


CSV_HEAD = ["page", "title", "opened", "read under 10 s", "read 10 to 60 s",
            "read over a minute", "read aloud", "glossary cards", "helpful: yes",
            "helpful: not really"]  # fmt: skip


def write_report(summary: Summary, out: Path) -> list[Path]:
    """The CSV (a line per page, over the whole span) and the HTML report in `out`."""
    from kiosk.usage.charts import report_html  # leather, only when a report is made

    out.mkdir(parents=True, exist_ok=True)
    table = io.StringIO()
    writer = csv.writer(table)
    writer.writerow(CSV_HEAD)
    for line in summary.pages:
        writer.writerow(line.row())
    written = [out / CSV_FILE, out / HTML_FILE]
    write_atomically(written[0], table.getvalue().encode("utf-8"))
    write_atomically(written[1], report_html(summary).encode("utf-8"))
    return written


def escape(text: str) -> str:
    return html.escape(text, quote=True)
