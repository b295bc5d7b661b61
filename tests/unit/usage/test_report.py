"""The usage report: a CSV and an HTML page with charts, where no count from 1 to 4 is
ever shown as a number."""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pytest

from kiosk.admin.cli import main
from kiosk.usage.events import Event
from kiosk.usage.report import CSV_FILE, HTML_FILE, summarize, write_report
from kiosk.usage.store import Total, UsageStore

FIRST, LAST = dt.date(2026, 10, 1), dt.date(2026, 11, 30)


def _totals() -> list[Total]:
    rows = []
    for week in range(8):
        day = FIRST + dt.timedelta(days=7 * week)
        rows += [Total(day, Event.PAGE_OPENED, "migraine", "en-US", 10 + week),
                 Total(day, Event.PAGE_OPENED, "crps", "es-US", 6)]  # fmt: skip
    rows += [
        Total(FIRST, Event.PAGE_OPENED, "rare", "en-US", 3),  # too few to show
        Total(FIRST, Event.HELPFUL_YES, "migraine", "en-US", 8),
        Total(FIRST, Event.HELPFUL_NO, "migraine", "en-US", 5),
        Total(FIRST, Event.HELPFUL_YES, "crps", "es-US", 3),
        Total(FIRST, Event.TOUR_STARTED, "", "en-US", 12),
        Total(FIRST, Event.TOUR_FINISHED, "", "en-US", 7),
    ]
    return rows


def test_small_counts_are_never_numbers_nor_can_be_worked_out(tmp_path: Path) -> None:
    totals = [*_totals(), Total(FIRST, Event.READ_UNDER_10_S, "migraine", "en-US", 100),
              Total(FIRST, Event.READ_OVER_60_S, "migraine", "en-US", 8),
              Total(FIRST, Event.READ_UNDER_10_S, "crps", "es-US", 2),
              Total(FIRST, Event.READ_10_TO_60_S, "crps", "es-US", 46)]  # fmt: skip
    summary = summarize(totals, {"migraine": "Migraine", "crps": "CRPS"}, FIRST, LAST)

    csv_file, html_file = write_report(summary, tmp_path)

    rows = {r["page"]: r for r in csv.DictReader(csv_file.read_text().splitlines())}
    assert rows["rare"]["opened"] == "fewer than 5"
    assert rows["migraine"]["opened"] == "108"
    assert rows["migraine"]["read under 10 s"] == "100"
    # crps read 2 + 46 = 48 times: with the 46 shown, the 2 could be worked out
    assert rows["crps"]["read 10 to 60 s"] == rows["crps"]["read under 10 s"] == "not shown"
    assert rows["crps"]["helpful: yes"] == "not shown"  # 3 answers, all one way
    assert set(rows["crps"]).isdisjoint({"day", "language"})  # totals of the whole span
    page = html_file.read_text(encoding="utf-8")
    assert not re.search(r"<td[^>]*>[1-4]</td>", page)
    assert '<td>rare</td><td class="n">fewer than 5</td>' in page
    assert "62 % yes of 13" in page  # migraine's helpful share, with its count
    assert "not shown: fewer than 5 answers one way" in page  # crps
    assert page.count("<svg") == 4  # pages, trend, tour, helpful: SVG charts
    chart = page[page.index("<svg") : page.index("</svg>")]
    assert "Migraine" in chart
    assert "rare" not in chart  # a chart leaves small counts out


def _counted(data_dir: Path) -> None:
    store = UsageStore.open(data_dir)
    store.add({(t.day.isoformat(), t.event, t.page, t.language): t.count for t in _totals()})
    store.close()


def test_the_command_writes_both_files_for_the_days_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _counted(tmp_path / "data")
    out = tmp_path / "usb"

    status = main(["usage", "report", "--data-dir", str(tmp_path / "data"), "--from",
                   "2026-10-01", "--to", "2026-10-31", "--out", str(out)])  # fmt: skip

    assert status == 0
    assert (out / CSV_FILE).is_file()
    assert (out / HTML_FILE).is_file()
    assert "2026-10-01 to 2026-10-31" in (out / HTML_FILE).read_text(encoding="utf-8")
    lines = (out / CSV_FILE).read_text().splitlines()
    shown = {r["page"]: r["opened"] for r in csv.DictReader(lines)}
    assert shown["migraine"] == "60"  # October's five Thursdays only: 10 + 11 + 12 + 13 + 14
    assert "pages opened 93 times from 2026-10-01 to 2026-10-31" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--from", "2026-11-02", "--to", "2026-11-01"], "--from 2026-11-02 is after --to"),
        ([], "no usage counts here"),
    ],
)
def test_the_command_says_what_is_wrong(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], said: str
) -> None:
    status = main(["usage", "report", "--data-dir", str(tmp_path), "--out", str(tmp_path / "o"),
                   *argv])  # fmt: skip

    assert status == 1
    assert said in capsys.readouterr().err


def test_a_day_that_is_not_one_is_refused_with_how_to_write_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["usage", "report", "--from", "30/11/2026", "--out", "x"])

    assert "write it as 2026-11-30" in capsys.readouterr().err
