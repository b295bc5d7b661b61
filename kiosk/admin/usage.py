"""`kiosk-admin usage report`: the kiosk's usage counts as a CSV and an HTML report."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from kiosk.admin.common import DATA_DIR_HELP, EXIT_OK, EXIT_PROBLEMS, data_dir
from kiosk.config import ConfigError
from kiosk.usage.events import Event
from kiosk.usage.report import summarize, write_report
from kiosk.usage.store import UsageError, UsageStore

DEFAULT_DAYS = 30


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a day: write it as 2026-11-30") from None


def add_commands(groups: Any) -> None:
    usage = groups.add_parser("usage", help="what patients used the kiosk for, counted per day")
    commands = usage.add_subparsers(dest="command", required=True, metavar="COMMAND")
    report = commands.add_parser(
        "report", help="write the counts as a CSV and a one-page HTML report with charts",
        description="Counts from 1 to 4 are shown as 'fewer than 5' in both.",
    )  # fmt: skip
    report.add_argument("--data-dir", type=Path, help=DATA_DIR_HELP)
    since = f"the first day (default: {DEFAULT_DAYS} days up to --to)"
    report.add_argument("--from", dest="first", type=_day, metavar="DAY", help=since)
    report.add_argument("--to", dest="last", type=_day, metavar="DAY",
                        help="the last day (default: today)")  # fmt: skip
    report.add_argument("--out", type=Path, required=True, help="folder to write them to")
    report.set_defaults(run=run_report)


def run_report(args: argparse.Namespace) -> int:
    last = args.last or dt.date.today()
    first = args.first or last - dt.timedelta(days=DEFAULT_DAYS - 1)
    if first > last:
        print(f"kiosk-admin: --from {first} is after --to {last}", file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        folder = data_dir(args)
        store = UsageStore.open(folder, read_only=True)
    except (ConfigError, UsageError) as exc:
        print(f"kiosk-admin: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        totals = store.totals(first, last)
    finally:
        store.close()
    summary = summarize(totals, page_titles(folder), first, last)
    written = write_report(summary, args.out)
    opened = summary.events.get(Event.PAGE_OPENED, 0)
    print(f"wrote {written[0]} and {written[1]}: pages opened {opened} times "
          f"from {first} to {last}")  # fmt: skip
    return EXIT_OK


def page_titles(folder: Path) -> dict[str, str]:
    """Each page's title in the content the kiosk shows, to name pages by; {} if none."""
    from kiosk.bundles.store import active
    from kiosk.content.loader import read_bundle

    installed = active(folder)
    bundle = read_bundle(installed.path, trusted=True).bundle if installed else None
    return {page_id: page.title for page_id, page in bundle.pages.items()} if bundle else {}
