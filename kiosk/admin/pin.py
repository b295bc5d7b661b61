"""`kiosk-admin pin set`: the staff PIN, stored as a hash; also clears a lockout."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

from kiosk.admin.common import EXIT_OK, EXIT_PROBLEMS
from kiosk.admin.secrets_prompt import SecretUnavailable, ask_secret
from kiosk.config import ConfigError, default_config_file, load_config
from kiosk.session.staff import AuditLog, PinError, set_pin

PIN_VARIABLE = "KIOSK_NEW_PIN"


def add_commands(groups: Any) -> None:
    group = groups.add_parser("pin", help="the PIN staff type to open the staff screen")
    commands = group.add_subparsers(dest="command", required=True, metavar="COMMAND")
    new = commands.add_parser(
        "set",
        help="set the staff PIN (at least 6 digits) and clear a lockout",
        description=f"The PIN is asked for twice, or read from {PIN_VARIABLE}.",
    )
    new.add_argument("--config", type=Path, default=default_config_file())
    new.set_defaults(run=run_set)


def _new_pin() -> str:
    try:
        return ask_secret(PIN_VARIABLE, "New staff PIN (digits): ", confirm=True)
    except SecretUnavailable as exc:
        raise PinError(str(exc)) from None


def run_set(args: argparse.Namespace) -> int:
    try:
        config = load_config(args.config, os.environ)
        pin_file = config.pin_file()
        set_pin(pin_file, _new_pin())
    except ConfigError as exc:
        print("\n".join(exc.problems), file=sys.stderr)
        return EXIT_PROBLEMS
    except (PinError, OSError) as exc:
        print(f"kiosk-admin: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    AuditLog(config.path("paths.log_dir") / "audit.log", time.time).record("pin set", "ok")
    print(f"staff PIN set ({pin_file}); any lockout is cleared", file=sys.stderr)
    return EXIT_OK
