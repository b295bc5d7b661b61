"""The usage report's one HTML page: each chart an SVG made by leather, each with the
table of its numbers below it (what a screen reader reads, and what a chart leaves out:
counts under 5 are only "fewer than 5")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import leather

from kiosk.usage.events import Event
from kiosk.usage.report import FEWEST, Summary, escape, shown

INK, ACCENT, SOFT = "#1b2430", "#1d5a7a", "#c9dde9"
TOP_PAGES = 15
_STYLE = """
body { font-family: "Atkinson Hyperlegible", Arial, sans-serif; color: #1b2430;
       background: #f6f3ee; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.8rem; } h2 { font-size: 1.3rem; margin-top: 2.5rem; }
table { border-collapse: collapse; margin: 1rem 0; } caption { text-align: left; }
th, td { border: 1px solid #8a96a3; padding: 0.3rem 0.6rem; text-align: left; }
td.n { text-align: right; } svg { max-width: 100%; height: auto; background: #ffffff; }
p.note { color: #3e4a57; }
"""


def _theme() -> None:
    """Readable words (7:1 on white) and quiet grid lines."""
    theme = leather.theme
    for name in ("title_font_family", "legend_font_family", "tick_font_family",
                 "axis_title_font_family"):  # fmt: skip
        setattr(theme, name, "Atkinson Hyperlegible, Arial, sans-serif")
    theme.background_color = "#ffffff"
    theme.title_color = theme.label_color = theme.axis_title_color = theme.legend_color = INK
    theme.tick_color, theme.zero_color = "#d5dbe1", "#5b6673"
    theme.title_font_size = theme.tick_font_size = 16


def _bars(title: str, rows: list[tuple[str, int]], top: int | None = None) -> str:
    """Horizontal bars of `rows` (label, value), counts under 5 left out; the scale runs
    from 0 to `top` (None: the largest value)."""
    shown_rows = [(label, n) for label, n in rows if n >= FEWEST]
    if not shown_rows:
        return f'<p class="note">{escape(title)}: every count is {escape(shown(1))}.</p>'
    chart = leather.Chart(title)
    chart.add_bars([(n, label) for label, n in shown_rows], fill_color=ACCENT)
    chart.add_x_scale(0, top or max(n for _, n in shown_rows))
    return str(chart.to_svg(width=900, height=120 + 32 * len(shown_rows)))


def _trend(summary: Summary) -> str:
    points = [(week, n) for week, n in summary.weeks if n >= FEWEST]
    if len(points) < 2:
        return '<p class="note">Too few weeks with 5 or more pages opened to draw a trend.</p>'
    chart = leather.Chart("Pages opened per week")
    chart.add_line(points, stroke_color=ACCENT, width=3)
    chart.add_y_scale(0, max(n for _, n in points))
    return str(chart.to_svg(width=900, height=360))


def _table(caption: str, head: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> str:
    cells = "".join(
        "<tr>" + "".join(f'<td class="n">{escape(c)}</td>' if i else f"<td>{escape(c)}</td>"
                         for i, c in enumerate(row)) + "</tr>"
        for row in rows
    )  # fmt: skip
    heads = "".join(f"<th>{escape(h)}</th>" for h in head)
    return f"<table><caption>{escape(caption)}</caption><tr>{heads}</tr>{cells}</table>"


def _page_table(summary: Summary) -> str:
    return _table("Pages, most opened first", ("page", "opened", "under 10 s", "10 to 60 s",
                   "over a minute", "helpful"),
                   [(p.title, shown(p.opened), *p.reading(), p.helpful())
                    for p in summary.pages])  # fmt: skip


def report_html(summary: Summary, made: dt.date | None = None) -> str:
    _theme()
    events = summary.events
    top = summary.pages[:TOP_PAGES]
    weeks = _table("Pages opened per week", ("week of", "pages opened"),
                   [(w.isoformat(), shown(n)) for w, n in summary.weeks])  # fmt: skip
    tour = [("started", events.get(Event.TOUR_STARTED, 0)),
            ("finished", events.get(Event.TOUR_FINISHED, 0))]  # fmt: skip
    # The share of "Yes" (in %), for pages with 5 answers or more: each bar says how many.
    helpful = [(f"{p.title} ({p.yes + p.no} answers)", round(100 * p.yes / (p.yes + p.no)))
               for p in summary.pages if p.yes + p.no >= FEWEST]  # fmt: skip
    other = [(e.value, shown(events.get(e, 0))) for e in (
        Event.TERM_OPENED, Event.READ_ALOUD, Event.CONTACT_OPENED, Event.CONTACT_SENT,
        Event.RESET_DONE, Event.RESET_IDLE)]  # fmt: skip
    span = f"{summary.first.isoformat()} to {summary.last.isoformat()}"
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Kiosk use, {escape(span)}</title>
<style>{_STYLE}</style></head><body>
<h1>How patients used the kiosk</h1>
<p>{escape(span)}. Counts per day only: nothing here tells one visit from another, and
any count from 1 to 4 shows as “{escape(shown(1))}”.</p>
<h2>Pages by reads</h2>
{_bars("Times each page was opened", [(p.title, p.opened) for p in top])}
{_page_table(summary)}
<h2>Weekly trend</h2>
{_trend(summary)}
{weeks}
<h2>Guided tour</h2>
{_bars("Guided tour", tour)}
{_table("Guided tour", ("", "times"), [(label, shown(n)) for label, n in tour])}
<h2>Was this page helpful?</h2>
{_bars("Share of answers “Yes” (%), pages with 5 answers or more", helpful, 100)}
{_table("Helpful answers", ("page", "helpful"), [(p.title, p.helpful()) for p in summary.pages])}
<h2>Everything else</h2>
{_table("Other counts", ("what", "times"), other)}
<p class="note">Made {escape((made or dt.date.today()).isoformat())} by the kiosk.</p>
</body></html>
"""
