"""The kiosk-admin command line: one subcommand, one function."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence

from kiosk.admin import bundle, config, pin, preview, requests, status, usage
from kiosk.admin.common import EXIT_PROBLEMS
from kiosk.version import APP_VERSION


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk-admin",
        description="Check, build and install the kiosk's content; manage its settings.",
    )
    parser.add_argument("--version", action="version", version=f"kiosk-admin {APP_VERSION}")
    groups = parser.add_subparsers(dest="group", required=True, metavar="COMMAND")
    bundle.add_commands(groups)
    requests.add_commands(groups)
    config.add_commands(groups)
    pin.add_commands(groups)
    status.add_commands(groups)
    usage.add_commands(groups)
    preview.add_commands(groups)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        result: int = args.run(args)
    except KeyboardInterrupt:
        return EXIT_PROBLEMS
    except OSError as exc:  # a file or folder it cannot reach: say which, and why
        print(f"kiosk-admin: {unreachable(exc)}", file=sys.stderr)
        return EXIT_PROBLEMS
    return result


def unreachable(exc: OSError) -> str:
    """What could not be reached, and, for a permission, as whom."""
    what = f"{exc.filename}: {exc.strerror}" if exc.filename else str(exc)
    if isinstance(exc, PermissionError) and os.name == "posix" and os.geteuid() != 0:
        what += (
            f" (kiosk-admin runs as the user {getpass.getuser()}:"
            " put the file where that user can read it, e.g. /tmp)"
        )
    return what


if __name__ == "__main__":
    sys.exit(main())
