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
    "a pixel size": re.compile(
        r"\b(?:pixelSize|spacing|rowSpacing|columnSpacing|padding|\w+Padding|radius|"
        r"border\.width|implicitWidth|implicitHeight|preferredWidth|preferredHeight|"
        r"width|height)\s*:\s*[1-9][0-9]*\s*(?:$|;)"
    ),
    "an icon size": re.compile(r"Qt\.size\(\s*[0-9]"),
}


def literals(path: Path) -> list[str]:
    """`file:line: what: text` for each literal; a line whose comment says "not a size" (a
    layout weight) is passed over."""
    found = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        code, _, comment = line.partition("//")
        if "not a size" in comment:
            continue
        for what, pattern in LITERALS.items():
            if pattern.search(code.rstrip()):
                found.append(f"{path.name}:{number}: {what}: {line.strip()}")
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
     "sourceSize: Qt.size(36, 36)"],
)  # fmt: skip
def test_the_check_sees_a_literal(tmp_path: Path, line: str) -> None:
    qml = tmp_path / "Probe.qml"
    qml.write_text(f"import QtQuick\nItem {{\n{line}\n}}\n", encoding="utf-8")
    assert len(literals(qml)) == 1


@pytest.mark.parametrize(
    "line",
    ["    spacing: 0", "    spacing: Theme.gapSmall", "    interval: 8000",
     "    maximumLineCount: 3", "    Layout.preferredWidth: 1000  // a weight, not a size"],
)  # fmt: skip
def test_the_check_leaves_zero_theme_names_and_counts_alone(tmp_path: Path, line: str) -> None:
    qml = tmp_path / "Probe.qml"
    qml.write_text(f"import QtQuick\nItem {{\n{line}\n}}\n", encoding="utf-8")
    assert literals(qml) == []
