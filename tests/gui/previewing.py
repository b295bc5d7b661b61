"""An author's preview on a copy of the sample content, and saving into it as an editor
does: shared by the preview's tests."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.bridge.preview import Preview
from kiosk.bridge.walk import every_visible, settle
from kiosk.config import load_config
from kiosk.session.navigation import Location, Screen
from tests.conftest import SAMPLE_CONTENT
from tests.gui.conftest import PORTRAIT

SHOWN_MS = 10_000  # how long a test waits for a save to be on screen (the bench times it)
MIGRAINE = Location(Screen.PAGE, "migraine")
OPENING = "This page is for people whose migraines have not eased with other"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The sample content's source, to edit."""
    return Path(shutil.copytree(SAMPLE_CONTENT, tmp_path / "content"))


OpenPreview = Callable[..., tuple[Preview, Kiosk]]


@pytest.fixture
def open_preview(qtbot: QtBot, tmp_path: Path) -> Iterator[OpenPreview]:
    """A preview of `folder` shown at a place in a language, and its (first) kiosk."""
    opened: list[Preview] = []

    def open_at(folder: Path, at: Location = MIGRAINE,
                language: str = "") -> tuple[Preview, Kiosk]:  # fmt: skip
        config = load_config(None, {"KIOSK_PATHS_DATA_DIR": str(tmp_path / "data"),
                                    "KIOSK_USAGE_ENABLED": "false"})  # fmt: skip
        preview = Preview(folder, config, PORTRAIT)
        kiosk = preview.open(at, language)
        kiosk.window.show()
        qtbot.waitExposed(kiosk.window)
        settle()
        opened.append(preview)
        return preview, kiosk

    yield open_at
    for preview in opened:
        preview.close()
    settle()


def save(qtbot: QtBot, preview: Preview, path: Path, text: str) -> None:
    """Write `path` as an editor saving in place does, and wait until it is on show."""
    with qtbot.waitSignal(preview.shown, timeout=SHOWN_MS):
        path.write_text(text, encoding="utf-8")
    settle()


def edit(qtbot: QtBot, preview: Preview, path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    save(qtbot, preview, path, text.replace(old, new, 1))


def banner_lines(preview: Preview) -> list[str]:
    assert preview.kiosk is not None
    return [str(item.property("text"))
            for item in every_visible(preview.kiosk.window, "previewProblem")]  # fmt: skip
