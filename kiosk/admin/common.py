"""What several staff commands share: exit statuses, the kiosk's data folder, key pairs."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from kiosk.admin.secrets_prompt import SecretUnavailable, ask_secret
from kiosk.config import Config, ConfigError, default_config_file, load_config
from kiosk.secretfile import SecretFileError

# Every staff command's exit status: fine, or problems found or refused (argparse
# exits 2 on a usage mistake).
EXIT_OK, EXIT_PROBLEMS = 0, 1
MIN_PASSPHRASE = 12

DATA_DIR_HELP = "the kiosk's data folder (default: paths.data_dir in the kiosk's settings)"


def settings(args: argparse.Namespace) -> Config | None:
    """The kiosk's settings from --config; None, with every problem printed, if broken."""
    try:
        return load_config(args.config, os.environ)
    except ConfigError as exc:
        print("\n".join(exc.problems), file=sys.stderr)
        return None


def data_dir(args: argparse.Namespace) -> Path:
    """--data-dir, else the kiosk's own setting; ConfigError if the settings are broken."""
    if args.data_dir is not None:
        return Path(args.data_dir)
    return load_config(default_config_file(), os.environ).path("paths.data_dir")


def make_key_pair(
    out: Path,
    variable: str,
    prompt: str,
    write: Callable[[Path, str], tuple[Path, Path]],
    public_goes_to: str,
) -> int:
    """`keys new` and `bundle keygen`: a passphrase typed twice, then the two key files."""
    try:
        passphrase = ask_secret(variable, prompt, confirm=True)
        if len(passphrase) < MIN_PASSPHRASE:
            raise SecretUnavailable(f"use a passphrase of at least {MIN_PASSPHRASE} characters")
        out.mkdir(parents=True, exist_ok=True)
        public, private = write(out, passphrase)
    except (SecretUnavailable, SecretFileError, FileExistsError, OSError) as exc:
        print(f"kiosk-admin: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {public} ({public_goes_to}) and {private} (keep it safe)", file=sys.stderr)
    return 0
