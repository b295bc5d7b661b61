"""`kiosk-admin config check|show`: explain the kiosk's settings and any mistake in them."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from kiosk.admin.common import EXIT_OK, EXIT_PROBLEMS, settings
from kiosk.config import OPTIONS, Config, ConfigError, default_config_file, load_config
from kiosk.config.advice import advice


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
        config = load_config(args.config, os.environ)
    except ConfigError as exc:
        for problem in exc.problems:
            print(problem)
        print(f"{_count(len(exc.problems))}; the kiosk will not start", file=sys.stderr)
        return EXIT_PROBLEMS
    found = advice(config) + _delivery_problems(config)
    for problem in found:
        print(problem)
    errors = sum(": error: " in problem for problem in found)
    where = args.config if args.config.exists() else "defaults (no settings file)"
    if errors:
        print(f"{where}: {_count(errors)}: the kiosk starts, but not all of it works",
              file=sys.stderr)  # fmt: skip
        return EXIT_PROBLEMS
    warnings = f" ({len(found)} warning{'s' if len(found) != 1 else ''})" if found else ""
    print(f"settings are fine{warnings}: {where}", file=sys.stderr)
    return EXIT_OK


def _count(problems: int) -> str:
    return f"{problems} problem{'s' if problems != 1 else ''}"


def _delivery_problems(config: Config) -> list[str]:
    from kiosk.outbox.targets import target_from_config

    try:
        target_from_config(config)
    except ValueError as exc:
        key = "requests.smtp_host" if config.text("requests.smtp_host") else "requests.smtp_user"
        return [f"{config.source(key)}: error: {exc}; requests are kept for export only"]
    return []


def run_show(args: argparse.Namespace) -> int:
    config = settings(args)
    if config is None:
        return EXIT_PROBLEMS
    for option in OPTIONS:
        value = config[option.key]
        shown = repr(str(value)) if isinstance(value, str | Path) else str(value).lower()
        print(f"{option.key} = {shown}  # {config.source(option.key)}")
    return EXIT_OK
