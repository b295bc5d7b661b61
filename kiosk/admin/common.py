"""What several staff commands share: finding the kiosk's data folder."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from kiosk.config import default_config_file, load_config

DATA_DIR_HELP = "the kiosk's data folder (default: paths.data_dir in the kiosk's settings)"


def data_dir(args: argparse.Namespace) -> Path:
    """--data-dir, else the kiosk's own setting; ConfigError if the settings are broken."""
    if args.data_dir is not None:
        return Path(args.data_dir)
    return load_config(default_config_file(), os.environ).path("paths.data_dir")
