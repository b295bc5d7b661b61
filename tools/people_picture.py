"""Draw "N in 10 people" as ten figures, for a page's `media/` folder.

    python -m tools.people_picture 6 2 --title "6 to 8 in 10" -o content/media/x.svg

Each number is a group, filled from the left: the first group solid, the second
hatched, the rest of the ten left as outlines. The picture has no words in it
(so it suits every language); the page's alt text says what it shows.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

TOTAL = 10
PER_ROW = 5
CELL = 112  # one figure's width and the gap beside it
HEIGHT = 200  # one row
INK = "#1d5b79"  # the sample's accent: 7.4:1 on white
OUTLINE = "#5f6b75"  # 5.6:1 on white, so an empty figure is still seen (WCAG 1.4.11)
SHOWN = 0.6  # the size on the page, against the drawing's own units

_FIGURE = (
    '<g transform="translate({x} {y})" {paint}>'
    '<circle cx="44" cy="36" r="28"/>'
    '<path d="M8 176 V112 C8 86 24 72 44 72 C64 72 80 86 80 112 V176 Z"/>'
    "</g>"
)
_PAINT = (
    f'fill="{INK}" stroke="{INK}" stroke-width="4"',
    f'fill="url(#hatch)" stroke="{INK}" stroke-width="4"',
    f'fill="#ffffff" stroke="{OUTLINE}" stroke-width="4"',
)


def picture(groups: Sequence[int], title: str) -> str:
    """The SVG text for ten figures split into `groups` (at most two) and the rest."""
    if len(groups) > 2 or any(n < 0 for n in groups) or sum(groups) > TOTAL:
        raise ValueError(f"give one or two counts that add up to {TOTAL} or less")
    kinds = [0] * groups[0] + ([1] * groups[1] if len(groups) > 1 else [])
    kinds += [2] * (TOTAL - len(kinds))
    width, height = CELL * PER_ROW + 24, HEIGHT * (TOTAL // PER_ROW) + 24
    figures = "\n  ".join(
        _FIGURE.format(x=24 + CELL * (i % PER_ROW), y=24 + HEIGHT * (i // PER_ROW), paint=_PAINT[k])
        for i, k in enumerate(kinds)
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{round(width * SHOWN)}"'
        f' height="{round(height * SHOWN)}"'
        f' viewBox="0 0 {width} {height}">\n'
        f"  <title>{_escape(title)}</title>\n"
        '  <defs><pattern id="hatch" width="16" height="16" patternUnits="userSpaceOnUse"'
        ' patternTransform="rotate(45)">'
        f'<rect width="16" height="16" fill="#ffffff"/><rect width="8" height="16" fill="{INK}"/>'
        "</pattern></defs>\n"
        f'  <rect width="{width}" height="{height}" fill="#ffffff"/>\n'
        f"  {figures}\n"
        "</svg>\n"
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("counts", type=int, nargs="+", help="one or two group sizes")
    parser.add_argument("--title", required=True, help="a short title kept inside the file")
    parser.add_argument("-o", "--out", type=Path, required=True)
    args = parser.parse_args(argv)
    try:
        text = picture(args.counts, args.title)
    except ValueError as exc:
        print(f"people_picture: error: {exc}", file=sys.stderr)
        return 2
    args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
