"""`kiosk-admin bundle ...`: check, export, sign, verify, install and roll back content."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from kiosk.admin.common import (
    DATA_DIR_HELP,
    EXIT_OK,
    EXIT_PROBLEMS,
    data_dir,
    make_key_pair,
    settings,
)
from kiosk.admin.secrets_prompt import SecretUnavailable, ask_secret
from kiosk.bundles import pointer, store
from kiosk.bundles.build import BuildRefused, build_bundle
from kiosk.bundles.diff import diff
from kiosk.bundles.signing import (
    TRUSTED_KEYS,
    key_id,
    new_signing_keys,
    read_signing_key,
    read_trusted_key,
    trusted_keys,
)
from kiosk.bundles.verify import BundleRefused, verify_bundle
from kiosk.config import ConfigError, default_config_file
from kiosk.content.export import export_html
from kiosk.content.loader import read_bundle
from kiosk.content.validate import MAX_GRADE, validate
from kiosk.secretfile import SecretFileError
from kiosk.version import APP_VERSION

PASSPHRASE_VARIABLE = "KIOSK_SIGNING_PASSPHRASE"


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

    _add_installed_commands(commands)


def _add_installed_commands(commands: Any) -> None:
    """The commands for the content a kiosk has installed."""
    install = commands.add_parser(
        "install",
        help="verify a .kbundle and make it the content the kiosk shows",
        description="Trusts the signing keys in <data dir>/trusted-keys/ and any --trust.",
    )
    install.add_argument("file", type=Path, help="the .kbundle")
    install.add_argument("--data-dir", type=Path, help=DATA_DIR_HELP)
    install.add_argument("--trust", type=Path, action="append", default=[], help="signing.pub")
    install.add_argument(
        "--allow-downgrade", action="store_true", help="install an older version on purpose"
    )
    install.set_defaults(run=run_install)

    rollback = commands.add_parser("rollback", help="show the previously installed content again")
    rollback.add_argument("--data-dir", type=Path, help=DATA_DIR_HELP)
    rollback.set_defaults(run=run_rollback)

    listing = commands.add_parser("list", help="the installed content and which one shows")
    listing.add_argument("--data-dir", type=Path, help=DATA_DIR_HELP)
    listing.set_defaults(run=run_list)

    update = commands.add_parser(
        "update",
        help="check content.update_url (or --url) now, as the kiosk does, and install what is new",
        description="Prints the outcome; exit status 1 when the check failed or the file was "
        "refused. A new version shows on the kiosk's attract screen within a minute.",
    )
    update.add_argument("--url", help="check this address instead of content.update_url")
    update.add_argument(
        "--force", action="store_true", help="fetch and try the file even if it was refused before"
    )
    update.add_argument("--config", type=Path, default=default_config_file(),
                        help="the settings file (default: %(default)s)")  # fmt: skip
    update.set_defaults(run=run_update)

    compare = commands.add_parser(
        "diff", help="what an update changes: pages added, removed, changed; reading grades"
    )
    compare.add_argument("old", type=Path, help="content folder or .kbundle now in use")
    compare.add_argument("new", type=Path, help="content folder or .kbundle to install")
    compare.set_defaults(run=run_diff)


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
        built = build_bundle(args.path, read_signing_key(args.key, passphrase), args.output)
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


def run_install(args: argparse.Namespace) -> int:
    try:
        folder = data_dir(args)
        removed = store.clean_staging(folder)
        if removed:
            print(f"removed {removed} unfinished install(s)", file=sys.stderr)
        trusted = trusted_keys(folder, args.trust)
        if not trusted:
            raise BundleRefused(
                f"no trusted signing key: put signing.pub in {folder / TRUSTED_KEYS}"
            )
        installed = store.install(
            args.file, folder, trusted, APP_VERSION, allow_downgrade=args.allow_downgrade
        )
    except (BundleRefused, SecretFileError, ConfigError, OSError) as exc:
        print(f"{args.file}: not installed: {exc}")
        return EXIT_PROBLEMS
    print(f"installed {installed.id} version {installed.version}; the kiosk shows it "
          "at its next reset to the attract screen")  # fmt: skip
    return EXIT_OK


def run_rollback(args: argparse.Namespace) -> int:
    try:
        restored = store.rollback(data_dir(args))
    except (BundleRefused, ConfigError, OSError) as exc:
        print(f"kiosk-admin: {exc}")
        return EXIT_PROBLEMS
    print(f"back to {restored.id} version {restored.version}")
    return EXIT_OK


def run_list(args: argparse.Namespace) -> int:
    try:
        folder = data_dir(args)
    except ConfigError as exc:
        print("\n".join(exc.problems), file=sys.stderr)
        return EXIT_PROBLEMS
    shown = store.active(folder)
    before = store.previous(folder)
    if shown is None:
        print("nothing installed: the kiosk shows the sample content it ships with")
        return EXIT_OK
    on_screen = pointer.showing(folder)
    waiting = on_screen is not None and (on_screen.id, on_screen.version) != (
        shown.id, shown.version)  # fmt: skip
    first = "installed — shows at the next reset" if waiting else "showing"
    for label, item in ((first, shown), ("previous", before)):
        if item is not None:
            print(f"{label}: {item.id} version {item.version}, installed {item.installed}, "
                  f"signed by key {item.key_id}")  # fmt: skip
    if waiting and on_screen is not None:
        print(f"on screen now: {on_screen.id} version {on_screen.version}")
    return EXIT_OK


def run_update(args: argparse.Namespace) -> int:
    from kiosk.bundles.updates import UpdateSource, check_for_update
    from kiosk.system.net import user_agent

    config = settings(args)
    if config is None:
        return EXIT_PROBLEMS
    url = args.url or config.text("content.update_url")
    if not url:
        print("kiosk-admin: no content.update_url is set; give one with --url", file=sys.stderr)
        return EXIT_PROBLEMS
    folder = config.path("paths.data_dir")
    source = UpdateSource(url, user_agent(APP_VERSION, config.kiosk_id()),
                          config.file("network.ca_file"))  # fmt: skip
    result = check_for_update(source, folder, lambda: trusted_keys(folder), APP_VERSION,
                              force=args.force)  # fmt: skip
    print(f"{url}: {result.describe()}")
    if result.outcome == "installed":
        print("the kiosk shows it on its attract screen within a minute")
    return EXIT_OK if result.ok else EXIT_PROBLEMS


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
