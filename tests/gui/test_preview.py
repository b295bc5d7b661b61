"""An author's preview: a saved change to a content folder shows without a restart, on
the page saved and in the same place (a new page, a renamed file, a picture, a tour step
too), and closing the window while a save is read ends it quietly."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from kiosk.bridge import preview as preview_module
from kiosk.bridge.walk import settle
from kiosk.session.navigation import Location, Screen
from tests.gui.conftest import find, page_text, text_of
from tests.gui.previewing import OPENING, SHOWN_MS, OpenPreview, edit, folder, open_preview, save

__all__ = ["folder", "open_preview"]  # fixtures


def test_a_saved_edit_shows_on_the_page_where_the_author_is(
    qtbot: QtBot, folder: Path, open_preview: OpenPreview
) -> None:
    preview, kiosk = open_preview(folder)
    view = find(kiosk.window, "pageView")
    view.setProperty("contentY", 700.0)  # the author reads further down
    edit(qtbot, preview, folder / "pages/migraine.md", OPENING, "EDITED " + OPENING)

    assert preview.kiosk is kiosk  # the same window: no restart
    assert "EDITED This page is for people" in page_text(qtbot, kiosk)
    assert find(kiosk.window, "pageView").property("contentY") == 700.0
    assert "pages/migraine.md" in text_of(kiosk.window, "previewHeading")
    edit(qtbot, preview, folder / "pages/migraine.md", "title: Migraine", "title: Migraines")
    assert text_of(kiosk.window, "pageTitle") == "Migraines"


def test_saving_another_page_shows_that_page_in_its_language(
    qtbot: QtBot, folder: Path, open_preview: OpenPreview
) -> None:
    preview, kiosk = open_preview(folder)
    edit(qtbot, preview, folder / "pages/crps.md", "title: Complex regional pain syndrome (CRPS)",
         "title: CRPS, edited")  # fmt: skip
    assert (kiosk.navigation.property("screen"), kiosk.navigation.property("target")) == (
        "page", "crps")  # fmt: skip
    assert text_of(kiosk.window, "pageTitle") == "CRPS, edited"

    edit(qtbot, preview, folder / "pages/es/migraine.md", "title: La migraña",
         "title: La migraña, editada")  # fmt: skip
    assert kiosk.language.property("current") == "es-US"
    assert text_of(kiosk.window, "pageTitle") == "La migraña, editada"
    assert "pages/es/migraine.md" in text_of(kiosk.window, "previewHeading")


def test_a_save_by_renaming_is_seen_and_so_is_the_next(
    qtbot: QtBot, folder: Path, open_preview: OpenPreview
) -> None:
    """Most editors save by writing a new file and renaming it over the old one."""
    preview, kiosk = open_preview(folder)
    page = folder / "pages/migraine.md"
    written = folder / "pages/.migraine.md.swp"
    written.write_text(page.read_text(encoding="utf-8").replace(OPENING, "RENAMED " + OPENING))
    with qtbot.waitSignal(preview.shown, timeout=SHOWN_MS):
        written.replace(page)
    assert "RENAMED This page" in page_text(qtbot, kiosk)
    edit(qtbot, preview, page, "RENAMED ", "AGAIN ")
    assert "AGAIN This page" in page_text(qtbot, kiosk)


def test_a_picture_saved_again_shows_as_saved(
    qtbot: QtBot, folder: Path, open_preview: OpenPreview
) -> None:
    preview, kiosk = open_preview(folder, Location(Screen.PAGE, "central-sensitization"))
    find(kiosk.window, "pageView").setProperty("contentY", 700.0)  # the dial in view
    settle()

    def red(image: QImage) -> int:
        every = [(x, y) for y in range(0, image.height(), 4) for x in range(0, image.width(), 4)]
        return sum(image.pixelColor(x, y).name() == "#ff0000" for x, y in every)

    assert red(kiosk.window.grabWindow()) == 0
    picture = folder / "media/volume-dial.svg"
    drawn = re.sub(r"#[0-9a-fA-F]{6}", "#ff0000", picture.read_text(encoding="utf-8"))
    save(qtbot, preview, picture, drawn)
    assert red(kiosk.window.grabWindow()) > 1000


def test_a_new_page_shows_on_its_first_save(
    qtbot: QtBot, folder: Path, open_preview: OpenPreview
) -> None:
    preview, kiosk = open_preview(folder)
    text = (folder / "pages/questions.md").read_text(encoding="utf-8")
    save(qtbot, preview, folder / "pages/new-page.md",
         text.replace("title: Questions to ask your provider", "title: A new page", 1))  # fmt: skip
    assert (kiosk.navigation.property("screen"), kiosk.navigation.property("target")) == (
        "page", "new-page")  # fmt: skip
    assert text_of(kiosk.window, "pageTitle") == "A new page"
    edit(qtbot, preview, folder / "pages/new-page.md", "title: A new page", "title: Watched")
    assert text_of(kiosk.window, "pageTitle") == "Watched"


def test_a_tour_step_on_show_stays_on_its_page_when_the_tour_changes(
    qtbot: QtBot, folder: Path, open_preview: OpenPreview
) -> None:
    preview, kiosk = open_preview(folder, Location(Screen.TOUR, "central-sensitization", 1))
    edit(qtbot, preview, folder / "bundle.toml",
         '    "chronic-pain-nervous-system",\n    "central-sensitization",\n',
         '    "central-sensitization",\n    "chronic-pain-nervous-system",\n')  # fmt: skip
    assert (kiosk.navigation.property("screen"), kiosk.navigation.property("target"),
            kiosk.navigation.property("step")) == ("tour", "central-sensitization", 0)  # fmt: skip
    assert text_of(kiosk.window, "pageTitle") == "Central sensitization"


def test_closing_while_a_save_is_read_ends_quietly(
    qtbot: QtBot,
    folder: Path,
    open_preview: OpenPreview,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    preview, _ = open_preview(folder)
    release, reading = threading.Event(), preview_module.look_at

    def held(*args: object) -> object:  # the reading ends only once the window is closed
        release.wait(SHOWN_MS / 1000)
        return reading(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(preview_module, "look_at", held)
    page = folder / "pages/migraine.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    qtbot.waitUntil(lambda: preview._reading, timeout=SHOWN_MS)  # the reading has begun
    with qtbot.waitSignal(preview.loaded, timeout=SHOWN_MS):
        preview.close()  # before it ends: what it read is dropped, and nothing breaks
        release.set()
    settle()
    assert preview.kiosk is None
    assert not preview._watcher.files()
