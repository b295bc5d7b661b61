"""qmllint knows the bridges (the QML module Kiosk): a QML call to a slot or a read of a
property that the Python side does not have fails the lint, before anyone taps it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tools.qmltypes import generate

VIEWS = Path(__file__).resolve().parents[2] / "kiosk" / "views"
QMLLINT = Path(sys.executable).parent / "pyside6-qmllint"


@pytest.fixture(scope="module")
def types(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("qmltypes")
    generate(out)
    return out


def lint(types: Path, *files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(QMLLINT), "--max-warnings", "0", "-I", str(types), *map(str, files)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip


def test_the_views_lint_clean_against_the_bridges(types: Path) -> None:
    result = lint(types, *sorted(VIEWS.glob("*.qml")))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("file", "right", "wrong", "member", "bridge"),
    [
        ("Main.qml", "window.navigation.home()", "window.navigation.hmoe()", "hmoe",
         "NavigationBridge"),
        ("AttractScreen.qml", "screen.content.clinicName", "screen.content.clinicNmae",
         "clinicNmae", "ContentBridge"),
        ("StaffScreen.qml", "screen.staff.tryPin(", "screen.staff.tryPn(", "tryPn", "StaffBridge"),
    ],
)  # fmt: skip
def test_a_misspelt_bridge_member_fails_the_lint(
    types: Path, tmp_path: Path, file: str, right: str, wrong: str, member: str, bridge: str
) -> None:
    views = shutil.copytree(VIEWS, tmp_path / "views")
    qml = views / file
    text = qml.read_text("utf-8")
    assert right in text
    qml.write_text(text.replace(right, wrong, 1), encoding="utf-8")

    result = lint(types, qml)

    assert result.returncode != 0
    assert f'"{member}"' in result.stdout + result.stderr
    assert bridge in result.stdout + result.stderr
