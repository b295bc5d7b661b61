"""`kiosk-admin preview FOLDER`: the kiosk on a content source folder, in a window, shown
again within a second of every saved change, with what `bundle validate` says of the page
on show (kiosk.bridge.preview). kiosk-admin has no Qt: the kiosk's own program shows it."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from kiosk.admin.common import EXIT_PROBLEMS
from kiosk.content.bundlefile import BUNDLE_FILE
from kiosk.launcher import window_size

KIOSK_PROGRAM = "clinic-kiosk"  # beside kiosk-admin in the packaged build


def add_commands(groups: Any) -> None:
    preview = groups.add_parser(
        "preview", help="see a content folder as the kiosk shows it, again at every save",
        description="Opens the kiosk in a window on a content source folder. Every saved "
        "change shows within a second, on the page saved; a banner at the top says what "
        "`kiosk-admin bundle validate` says of the page on show. Nothing is counted or sent.",
    )  # fmt: skip
    preview.add_argument("folder", type=Path, help="the content folder (it holds bundle.toml)")
    preview.add_argument("--page", metavar="ID", help="the page to open on (default: Home)")
    preview.add_argument("--lang", metavar="TAG", help="the language to open in, like es "
                         "(default: the content's own)")  # fmt: skip
    preview.add_argument("--size", type=window_size, metavar="WxH", help="the kiosk's screen, "
                         "like 1920x1080 (default: display.size in the settings)")  # fmt: skip
    preview.add_argument("--screenshot", type=Path, metavar="FILE", help="save the page, "
                         "its whole length, as a PNG, with no window, and exit "
                         "(1 if it has errors)")  # fmt: skip
    preview.add_argument("--config", type=Path, help="the kiosk's settings file (default: "
                         "the system's kiosk.toml, if there is one)")  # fmt: skip
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
    return subprocess.run(command, check=False).returncode


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
