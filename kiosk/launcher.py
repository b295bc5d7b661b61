"""The `kiosk` command line: its options and the content it shows by default."""

from __future__ import annotations

import argparse
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from kiosk.config import Config, default_config_file, load_config

_SIZE_RE = re.compile(r"^(\d{2,5})x(\d{2,5})$")
PACKAGE = Path(__file__).resolve().parent  # also right in the frozen build
VIEWS = PACKAGE / "views"  # the QML screens
RESOURCES = PACKAGE / "resources"  # fonts and icons

EXIT_NO_SCREEN = 2  # nowhere to show a window (over SSH, say)
EXIT_BY_STAFF = 64  # the service file's RestartPreventExitStatus: staff meant it


def sample_content() -> Path:
    """The sample bundle shipped with the app: inside the package when installed from the
    wheel, beside it in a checkout and in the packaged build."""
    installed = PACKAGE / "sample_content"
    return installed if (installed / "bundle.toml").is_file() else PACKAGE.parent / "content"


def settings(options: argparse.Namespace, environ: Mapping[str, str]) -> Config:
    """The settings file named on the command line (or the default) under the environment's
    overrides; `--data-dir` wins over both. Raises ConfigError listing every problem."""
    environ = dict(environ)
    if options.data_dir is not None:
        environ["KIOSK_PATHS_DATA_DIR"] = str(options.data_dir)
    return load_config(options.config or default_config_file(), environ)


def no_screen(environ: Mapping[str, str], platform: str) -> str | None:
    """Why the kiosk cannot open a window here (over SSH, say), in one line; None if it can."""
    if platform != "linux" or environ.get("QT_QPA_PLATFORM"):
        return None  # elsewhere there is always a desktop; a chosen platform speaks for itself
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return ("kiosk: there is no screen here (neither DISPLAY nor WAYLAND_DISPLAY is set): run it "
            "on a desktop or the kiosk's screen, or check it here with `kiosk --self-test` or "
            "`kiosk --screenshots DIR`")  # fmt: skip


def window_size(text: str) -> tuple[int, int]:
    match = _SIZE_RE.match(text)
    if not match:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size like 1080x1920")
    return int(match[1]), int(match[2])


class _PrintVersion(argparse.Action):
    """--version, reading the package metadata only when asked (it costs ~35 ms)."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="print the app's version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from kiosk.version import APP_VERSION

        print(f"clinic-kiosk {APP_VERSION}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description="The clinic's touchscreen kiosk.")
    parser.add_argument("--version", action=_PrintVersion)
    parser.add_argument(
        "--content",
        type=Path,
        help="a content folder to show (default: content.bundle in the settings, else the "
        "sample content shipped with the app)",
    )
    parser.add_argument(
        "--config", type=Path, help="the settings file (default: the system's kiosk.toml)"
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        help="where contact requests are kept (default: paths.data_dir in the settings)",
    )
    parser.add_argument("--windowed", action="store_true", help="run in a window, for development")
    parser.add_argument(
        "--size",
        type=window_size,
        metavar="WxH",
        help="window size with --windowed (default: display.size in the settings)",
    )
    _add_modes(parser.add_mutually_exclusive_group())
    add_preview_options(parser.add_argument_group("an author's preview (kiosk-admin preview)"))
    return parser


def parse_options(argv: Sequence[str]) -> argparse.Namespace:
    """The command line, or exit 2 saying what is wrong with it."""
    parser = build_parser()
    options = parser.parse_args(argv)
    only_preview = [name for name in ("page", "lang", "screenshot") if getattr(options, name)]
    if only_preview and options.preview is None:
        parser.error(f"--{only_preview[0]} goes with --preview FOLDER")
    return options


def _add_modes(modes: argparse._MutuallyExclusiveGroup) -> None:
    """The ways to run other than showing the kiosk: one at a time."""
    modes.add_argument(
        "--self-test",
        action="store_true",
        help="render every screen and page offscreen; exit 1 on any problem",
    )
    modes.add_argument(
        "--screenshots",
        type=Path,
        metavar="DIR",
        help="save a PNG of every screen and page, in both orientations, to DIR",
    )
    modes.add_argument(
        "--preview",
        type=Path,
        metavar="FOLDER",
        help="show a content source folder in a window, again at every saved change, "
        "with what `kiosk-admin bundle validate` says of the page on show",
    )
    modes.add_argument(
        "--quit-after-first-frame",
        action="store_true",
        help="exit as soon as the first frame is on screen (start-up timing, smoke tests)",
    )


def add_preview_options(group: argparse._ActionsContainer) -> None:
    """What an author's preview takes beside its folder (here and in kiosk-admin preview)."""
    group.add_argument("--page", metavar="ID", help="the page to open on (default: Home)")
    group.add_argument("--lang", metavar="TAG", help="the language to open in, like es "
                       "(default: the content's own)")  # fmt: skip
    group.add_argument("--screenshot", type=Path, metavar="FILE", help="save the page, "
                       "its whole length, as a PNG, with no window, and exit (1 if it has "
                       "errors)")  # fmt: skip
