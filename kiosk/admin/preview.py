"""`kiosk-admin preview FOLDER`: the kiosk on a content source folder, in a window, shown
again within a second of every saved change, with what `bundle validate` says of the page
on show (kiosk.bridge.preview). kiosk-admin has no Qt: the kiosk's own program shows it."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from kiosk.admin.common import EXIT_OK, EXIT_PROBLEMS
from kiosk.content.bundlefile import BUNDLE_FILE
from kiosk.launcher import add_preview_options, window_size

KIOSK_PROGRAM = "clinic-kiosk"  # beside kiosk-admin in the packaged build


def add_commands(groups: Any) -> None:
    preview = groups.add_parser(
        "preview", help="see a content folder as the kiosk shows it, again at every save",
        description="Opens the kiosk in a window on a content source folder. Every saved "
        "change shows within a second, on the page saved; a banner at the top says what "
        "`kiosk-admin bundle validate` says of the page on show. Nothing is counted or sent.",
    )  # fmt: skip
    preview.add_argument("folder", type=Path, help="the content folder (it holds bundle.toml)")
    add_preview_options(preview)
    preview.add_argument("--size", type=window_size, metavar="WxH", help="the kiosk's screen, "
                         "like 1920x1080 (default: display.size in the settings)")  # fmt: skip
    preview.add_argument("--config", type=Path, metavar="FILE", help="the kiosk's settings "
                         "file (default: the system's kiosk.toml, if there is one)")  # fmt: skip
    preview.set_defaults(run=run_preview)


def run_preview(args: argparse.Namespace) -> int:
    problem = _not_a_source(args.folder)
    if problem:
        print(f"kiosk-admin: {problem}", file=sys.stderr)
        return EXIT_PROBLEMS
    command = [*kiosk_command(), "--preview", str(args.folder)]
    for option in ("page", "lang", "screenshot", "config"):
        if getattr(args, option):
            command += [f"--{option}", str(getattr(args, option))]
    if args.size:
        command += ["--size", "{}x{}".format(*args.size)]
    try:
        status = subprocess.run(command, check=False).returncode
    except KeyboardInterrupt:  # Ctrl+C: how an author ends the preview (it ends too)
        return EXIT_OK
    return EXIT_OK if status == -signal.SIGINT else status


def _not_a_source(folder: Path) -> str:
    """Why `folder` cannot be previewed ("" if it can)."""
    if folder.is_file() and folder.suffix == ".kbundle":
        return (
            f"{folder} is a built bundle, which does not change: preview the folder "
            f"it was built from (or see it: kiosk --content {folder} --windowed)"
        )
    if not folder.is_dir():
        return f"{folder}: no such folder: give the content folder, the one holding {BUNDLE_FILE}"
    if not (folder / BUNDLE_FILE).is_file():
        return f"{folder}: no {BUNDLE_FILE} here: give the content folder, the one holding it"
    return ""


def kiosk_command() -> list[str]:
    """How to start the kiosk from here: its program beside this one in the packaged
    build, else this Python's `-m kiosk`."""
    if getattr(sys, "frozen", False):
        name = KIOSK_PROGRAM + (".exe" if os.name == "nt" else "")
        return [str(Path(sys.executable).with_name(name))]
    return [sys.executable, "-m", "kiosk"]
