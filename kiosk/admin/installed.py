"""`kiosk-admin bundle install|rollback|list|update`: the content a kiosk has installed."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kiosk.admin.common import DATA_DIR_HELP, EXIT_OK, EXIT_PROBLEMS, data_dir, settings
from kiosk.bundles import pointer, store
from kiosk.bundles.signing import TRUSTED_KEYS, trusted_keys
from kiosk.bundles.verify import BundleRefused
from kiosk.config import ConfigError, default_config_file
from kiosk.content.workers import Workers, usable_cores
from kiosk.secretfile import SecretFileError
from kiosk.version import APP_VERSION


def add_commands(commands: Any) -> None:
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
        with Workers(usable_cores()) as workers:
            installed = store.install(
                args.file, folder, trusted, APP_VERSION,
                allow_downgrade=args.allow_downgrade, workers=workers,
            )  # fmt: skip
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
