"""The usage counts as the staff screen shows them: the last 30 days' most opened pages,
and the report saved to a USB stick (kiosk.usage.report). Counts under 5 are left out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path

from kiosk.usage.report import FEWEST, Summary, summarize, write_report
from kiosk.usage.store import UsageError, UsageStore

DAYS = 30
SHOWN = 8  # bars on the staff screen


def _summary(data_dir: Path, titles: Mapping[str, str], today: dt.date) -> Summary:
    first = today - dt.timedelta(days=DAYS - 1)
    store = UsageStore.open(data_dir, read_only=True)
    try:
        totals = store.totals(first, today)
    finally:
        store.close()
    return summarize(totals, titles, first, today)


def top_pages(
    data_dir: Path, titles: Mapping[str, str], today: Callable[[], dt.date] = dt.date.today
) -> list[dict[str, object]]:
    """The most opened pages of the last 30 days, each with its count and its bar's length
    (a share of the first's); [] when nothing is counted yet or counting is off."""
    try:
        summary = _summary(data_dir, titles, today())
    except UsageError:
        return []
    lines = [line for line in summary.pages if line.opened >= FEWEST][:SHOWN]
    most = max((line.opened for line in lines), default=1)
    return [{"title": line.title, "opened": line.opened, "share": line.opened / most}
            for line in lines]  # fmt: skip


def save_report(data_dir: Path, titles: Mapping[str, str], folder: Path,
                today: Callable[[], dt.date] = dt.date.today) -> list[Path]:  # fmt: skip
    """The last 30 days' report in `folder`; UsageError if nothing was counted."""
    return write_report(_summary(data_dir, titles, today()), folder)
