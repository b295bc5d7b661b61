"""Command-line front of the `kiosk` command: arguments and choice of content."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from kiosk.content.loader import read_bundle

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def sample_content() -> Path:
    """The sample bundle shipped with the app (next to the package in a checkout)."""
    return Path(__file__).resolve().parent.parent / "content"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description="The clinic's touchscreen kiosk.")
    parser.add_argument(
        "--content",
        type=Path,
        default=None,
        help="a content folder to show (default: the sample content shipped with the app)",
    )
    parser.add_argument("--windowed", action="store_true", help="run in a window, for development")
    return parser


def main(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(argv)
    content = args.content or sample_content()
    result = read_bundle(content)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    if result.bundle is None:
        print(f"kiosk: the content at {content} has errors (listed above)", file=sys.stderr)
        return EXIT_FAILED
    bundle = result.bundle
    print(
        f"kiosk: {bundle.title!r} version {bundle.version}: {len(bundle.pages)} pages, "
        f"{len(bundle.topics)} topics, a {len(bundle.tour)}-step tour",
        file=sys.stderr,
    )
    print("kiosk: this build has no touchscreen interface yet", file=sys.stderr)
    return EXIT_FAILED
