"""Every colour, pixel size and font lives in Theme.qml; the other screens name them.

So a palette or size change is one edit, and high contrast and large text cannot miss a
screen. Counts, timings, layout weights and ratios of Theme values stay where they are.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

VIEWS = Path(__file__).resolve().parents[2] / "kiosk" / "views"
SCREENS = sorted(p for p in VIEWS.glob("*.qml") if p.name != "Theme.qml")
# The text components are where a font family is set (and Main.qml, for the window).
TEXT_COMPONENTS = {"BodyText.qml", "Caption.qml", "HeadingText.qml", "ScreenTitle.qml",
                   "DisplayText.qml", "CodeText.qml", "ButtonLabel.qml", "CardTitle.qml",
                   "Main.qml"}  # fmt: skip

LITERALS = {
    "a colour": re.compile(r"\"#[0-9A-Fa-f]{3,8}\"|Qt\.rgba?\("),
    "a font family": re.compile(r"font\.family:\s*\""),
}
# Where a number is a size: a size-like property, a number property a screen declares,
# an icon size, a comparison with a width or height.
SIZED = re.compile(
    r"^\s*(?:[\w.]*(?:[wW]idth|[hH]eight|[sS]pacing|[mM]argins?|[pP]adding|[rR]adius|pixelSize"
    r"|[sS]ize)|x|y|opacity|(?:readonly\s+)?property\s+(?:int|real)\s+\w+)\s*:"
    r"|Qt\.size\(|(?:width|height)\s*[<>]=?\s*\d"
)
# 0 and 1, and a factor beside * or / (a ratio of a Theme size), are not sizes.
NUMBER = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)(?![\w.])")
STRING = re.compile(r"\"[^\"]*\"|'[^']*'")


def _sizes(code: str) -> list[str]:
    if not SIZED.search(code):
        return []
    found = []
    for match in NUMBER.finditer(code):
        before, after = code[: match.start()].rstrip(), code[match.end() :].lstrip()
        ratio = before.endswith(("*", "/")) or after.startswith(("*", "/"))
        if float(match.group(1)) not in (0, 1) and not ratio:
            found.append(match.group(1))
    return found


def literals(path: Path) -> list[str]:
    """`file:line: what: text` for each literal; a line whose comment says "not a size" (a
    layout weight) is passed over."""
    found = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        code, _, comment = line.partition("//")
        if "not a size" in comment:
            continue
        whats = [what for what, pattern in LITERALS.items() if pattern.search(code)]
        whats += ["a pixel size"] if _sizes(STRING.sub('""', code)) else []
        found += [f"{path.name}:{number}: {what}: {line.strip()}" for what in whats]
    return found


def test_no_screen_has_a_literal_colour_size_or_font() -> None:
    found = [line for path in SCREENS for line in literals(path)]
    assert not found, "\n".join(found)


def test_only_the_text_components_set_the_font_family() -> None:
    setting = sorted(p.name for p in SCREENS if "font.family:" in p.read_text("utf-8"))
    assert set(setting) <= TEXT_COMPONENTS, setting


@pytest.mark.parametrize(
    "line",
    ['    color: "#e4e9ed"', "    font.pixelSize: 72", "    border.width: 3",
     "    spacing: 8  // a gap", "    width: 18; height: 18", '    font.family: "monospace"',
     "sourceSize: Qt.size(36, 36)", "    font.pixelSize: key.special ? 26 : 34",
     "    width: Math.min(parent.width - 96, 1400)", "    readonly property int keyHeight: 84",
     "    readonly property bool wide: width >= 1500", "    Layout.leftMargin: 12",
     "    implicitHeight: Theme.touchTarget + 16", "    opacity: 0.35"],
)  # fmt: skip
def test_the_check_sees_a_literal(tmp_path: Path, line: str) -> None:
    qml = tmp_path / "Probe.qml"
    qml.write_text(f"import QtQuick\nItem {{\n{line}\n}}\n", encoding="utf-8")
    assert len(literals(qml)) == 1


@pytest.mark.parametrize(
    "line",
    ["    spacing: 0", "    spacing: Theme.gapSmall", "    interval: 8000",
     "    maximumLineCount: 3", "    Layout.preferredWidth: 1000  // a weight, not a size",
     "    width: parent.width * 0.36", "    height: Theme.touchTarget * 1.5",
     "    x: (parent.width - width) / 2", '    text: "Step 2 of 6"', "    z: 1",
     "    Layout.preferredWidth: view.wide ? view.sideWidth : -1"],
)  # fmt: skip
def test_the_check_leaves_zero_theme_names_and_counts_alone(tmp_path: Path, line: str) -> None:
    qml = tmp_path / "Probe.qml"
    qml.write_text(f"import QtQuick\nItem {{\n{line}\n}}\n", encoding="utf-8")
    assert literals(qml) == []
