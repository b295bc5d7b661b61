"""`kiosk-admin bundle ...`: check a content folder and export it as a web site."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from kiosk.content.export import export_html
from kiosk.content.loader import read_bundle
from kiosk.content.validate import MAX_GRADE, validate

EXIT_OK, EXIT_PROBLEMS = 0, 1


def add_commands(groups: Any) -> None:
    group = groups.add_parser("bundle", help="check, export and install content bundles")
    commands = group.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "validate",
        help="check a content folder and list every problem",
        description="Prints one problem per line as 'path:line: error|warning: message'. "
        "Exit status 1 when there is any error.",
    )
    check.add_argument("path", type=Path, help="the content folder (holding bundle.toml)")
    check.add_argument("--json", action="store_true", help="print the report as JSON")
    check.add_argument(
        "--grades", action="store_true", help="also print each page's reading grade and length"
    )
    check.set_defaults(run=run_validate)

    export = commands.add_parser(
        "export-html",
        help="write the content as a static web site",
        description="Writes index.html and one HTML file per page into OUT_DIR.",
    )
    export.add_argument("path", type=Path, help="the content folder (holding bundle.toml)")
    export.add_argument("out_dir", type=Path, help="the folder to write the site into")
    export.set_defaults(run=run_export_html)


def run_validate(args: argparse.Namespace) -> int:
    report = validate(args.path, today=dt.date.today())
    if args.json:
        print(json.dumps(report.as_dict(), indent=2))
        return EXIT_PROBLEMS if report.errors else EXIT_OK
    for problem in report.problems:
        print(problem)
    if args.grades:
        for page in report.pages:
            flag = "  (above grade 8)" if page.grade > MAX_GRADE else ""
            print(f"{page.path}: grade {page.grade:4.1f}, {page.words:3d} words{flag}")
    sys.stdout.flush()
    print(
        f"{args.path}: {len(report.pages)} pages, {len(report.errors)} errors, "
        f"{len(report.warnings)} warnings",
        file=sys.stderr,
    )
    return EXIT_PROBLEMS if report.errors else EXIT_OK


def run_export_html(args: argparse.Namespace) -> int:
    result = read_bundle(args.path)
    if result.bundle is None:
        for problem in result.problems:
            print(problem)
        print(f"{args.path}: not exported; fix the errors above first", file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        written = export_html(result.bundle, result.rendered, args.out_dir)
    except OSError as exc:
        print(f"{args.out_dir}: cannot write the site: {exc.strerror}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"wrote {len(written)} pages to {args.out_dir}/index.html", file=sys.stderr)
    return EXIT_OK
