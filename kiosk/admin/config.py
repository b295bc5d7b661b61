"""`kiosk-admin config check|show`: explain the kiosk's settings and any mistake in them."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from kiosk.admin.common import EXIT_OK, EXIT_PROBLEMS
from kiosk.config import OPTIONS, ConfigError, default_config_file, load_config


def add_commands(groups: Any) -> None:
    group = groups.add_parser("config", help="check and show the kiosk's settings")
    commands = group.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, run, text in (
        ("check", run_check, "report every problem in kiosk.toml and KIOSK_* variables"),
        ("show", run_show, "print each setting's value and where it came from"),
    ):
        command = commands.add_parser(name, help=text, description=text)
        command.add_argument(
            "--config",
            type=Path,
            default=default_config_file(),
            help="the settings file (default: %(default)s)",
        )
        command.set_defaults(run=run)


def run_check(args: argparse.Namespace) -> int:
    try:
        load_config(args.config, os.environ)
    except ConfigError as exc:
        for problem in exc.problems:
            print(problem)
        print(f"{len(exc.problems)} problems; the kiosk will not start", file=sys.stderr)
        return EXIT_PROBLEMS
    where = args.config if args.config.exists() else "defaults (no settings file)"
    print(f"settings are fine: {where}", file=sys.stderr)
    return EXIT_OK


def run_show(args: argparse.Namespace) -> int:
    try:
        config = load_config(args.config, os.environ)
    except ConfigError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return EXIT_PROBLEMS
    for option in OPTIONS:
        value = config[option.key]
        shown = repr(str(value)) if isinstance(value, str | Path) else str(value).lower()
        print(f"{option.key} = {shown}  # {config.source(option.key)}")
    return EXIT_OK
