"""`kiosk-admin bundle ...`: check, export, compare, sign and verify content; the commands for
installed content (install, rollback, list, update) are in kiosk.admin.installed."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from kiosk.admin import installed
from kiosk.admin.common import EXIT_OK, EXIT_PROBLEMS, make_key_pair
from kiosk.admin.secrets_prompt import SecretUnavailable, ask_secret
from kiosk.bundles.build import BuildRefused, build_bundle
from kiosk.bundles.diff import diff
from kiosk.bundles.signing import key_id, new_signing_keys, read_signing_key, read_trusted_key
from kiosk.bundles.verify import BundleRefused, verify_bundle
from kiosk.content.export import export_site
from kiosk.content.loader import read_bundle
from kiosk.content.validate import Report, validate
from kiosk.content.workers import Workers, usable_cores
from kiosk.secretfile import SecretFileError
from kiosk.version import APP_VERSION

PASSPHRASE_VARIABLE = "KIOSK_SIGNING_PASSPHRASE"


def add_commands(groups: Any) -> None:
    group = groups.add_parser("bundle", help="check, export and install content bundles")
    commands = group.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_checking_commands(commands)
    _add_signing_commands(commands)
    installed.add_commands(commands)


def _add_checking_commands(commands: Any) -> None:
    """What authors run on a content folder: check it, see it as a web site, compare two."""
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

    compare = commands.add_parser(
        "diff", help="what an update changes: pages added, removed, changed; reading grades"
    )
    compare.add_argument("old", type=Path, help="content folder or .kbundle now in use")
    compare.add_argument("new", type=Path, help="content folder or .kbundle to install")
    compare.set_defaults(run=run_diff)


def _add_signing_commands(commands: Any) -> None:
    """Make a key, sign a folder as a .kbundle, and check one as a kiosk would."""
    keygen = commands.add_parser(
        "keygen",
        help="make a signing key pair: signing.key (passphrase-locked) and signing.pub",
        description=f"The passphrase comes from {PASSPHRASE_VARIABLE} or is asked for twice.",
    )
    keygen.add_argument("--out", type=Path, required=True, help="folder for the two files")
    keygen.set_defaults(run=run_keygen)

    build = commands.add_parser(
        "build", help="check a content folder, then write it as a signed .kbundle"
    )
    build.add_argument("path", type=Path, help="the content folder (holding bundle.toml)")
    build.add_argument("--key", type=Path, required=True, help="signing.key")
    build.add_argument("-o", "--output", type=Path, required=True, help="the .kbundle to write")
    build.set_defaults(run=run_build)

    verify = commands.add_parser(
        "verify", help="check a .kbundle as a kiosk would, and say what is in it"
    )
    verify.add_argument("file", type=Path, help="the .kbundle")
    verify.add_argument(
        "--trust", type=Path, action="append", required=True, help="a trusted signing.pub"
    )
    verify.set_defaults(run=run_verify)


def run_validate(args: argparse.Namespace) -> int:
    with Workers(usable_cores()) as workers:
        report = validate(args.path, dt.date.today(), workers)
    if args.json:
        print(json.dumps(report.as_dict(), indent=2))
        return EXIT_PROBLEMS if report.errors else EXIT_OK
    for problem in report.problems:
        print(problem)
    if args.grades:
        for page in report.pages:
            flag = "  (harder than the target)" if page.hard else ""
            print(f"{page.path}: {page.level()}, {page.words:3d} words{flag}")
    sys.stdout.flush()
    drafts = sum(1 for p in report.notes if p.message.startswith("draft:"))
    print(
        f"{args.path}: {_pages_by_language(report)}, {_count(len(report.errors), 'error')}, "
        f"{_count(len(report.warnings), 'warning')}"
        + (f"; {_count(drafts, 'page')} not yet reviewed (drafts)" if drafts else ""),
        file=sys.stderr,
    )
    return EXIT_PROBLEMS if report.errors else EXIT_OK


def _pages_by_language(report: Report) -> str:
    """`14 pages` or, with translations, `14 pages in en-US, 13 in es-US`."""
    counts = Counter(page.language for page in report.pages)
    if len(counts) < 2:
        return _count(len(report.pages), "page")
    (first, n), *others = counts.items()
    return ", ".join([f"{_count(n, 'page')} in {first}", *(f"{m} in {lang}" for lang, m in others)])


def _count(n: int, thing: str) -> str:
    return f"{n} {thing}{'' if n == 1 else 's'}"


def run_export_html(args: argparse.Namespace) -> int:
    result = read_bundle(args.path)
    if result.bundle is None:
        for problem in result.problems:
            print(problem)
        print(f"{args.path}: not exported; fix the errors above first", file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        written = export_site(result.bundle, result.rendered_for, args.out_dir)
    except OSError as exc:
        print(f"{args.out_dir}: cannot write the site: {exc.strerror}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"wrote {len(written)} pages to {args.out_dir}/index.html", file=sys.stderr)
    return EXIT_OK


def run_keygen(args: argparse.Namespace) -> int:
    return make_key_pair(
        args.out,
        PASSPHRASE_VARIABLE,
        "Passphrase for the signing key: ",
        new_signing_keys,
        "give it to each kiosk",
    )


def run_build(args: argparse.Namespace) -> int:
    try:
        passphrase = ask_secret(PASSPHRASE_VARIABLE, "Passphrase for the signing key: ", False)
        key = read_signing_key(args.key, passphrase)
        with Workers(usable_cores()) as workers:
            built = build_bundle(args.path, key, args.output, workers)
    except BuildRefused as exc:
        for problem in exc.problems:
            print(problem)
        print(f"{args.path}: not built; fix the errors above first", file=sys.stderr)
        return EXIT_PROBLEMS
    except (SecretUnavailable, SecretFileError, OSError) as exc:
        print(f"kiosk-admin: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"built {built.path}: {built.id} version {built.version}, {built.files} files",
          file=sys.stderr)  # fmt: skip
    if built.drafts:
        print(f"{args.path}: note: {_count(built.drafts, 'page')} not yet reviewed (drafts): "
              "patients see them marked as drafts", file=sys.stderr)  # fmt: skip
    return EXIT_OK


def run_verify(args: argparse.Namespace) -> int:
    try:
        keys = [read_trusted_key(path) for path in args.trust]
        verified = verify_bundle(args.file, {key_id(k): k for k in keys}, APP_VERSION)
    except (BundleRefused, SecretFileError) as exc:
        print(f"{args.file}: refused: {exc}")
        return EXIT_PROBLEMS
    print(f"{args.file}: good: {verified.id} version {verified.version} "
          f"(content of {verified.created}), {len(verified.files)} files, "
          f"signed by key {verified.key_id}")  # fmt: skip
    return EXIT_OK


def run_diff(args: argparse.Namespace) -> int:
    try:
        headline, changes = diff(args.old, args.new)
    except BundleRefused as exc:
        print(f"kiosk-admin: {exc}")
        return EXIT_PROBLEMS
    print(headline)
    for change in changes:
        print(f"  {change.kind:8} {change.page}: {change.detail}")
    if not changes:
        print("  no page changes")
    return EXIT_OK
