"""An author's preview: a saved change to a content folder shows without a restart, on
the page saved and in the same place; what validate says of the page is in the banner;
a page that does not load shows why; a folder that does not load at all never crashes it."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from kiosk.bridge.preview import Preview
from kiosk.bridge.walk import every_visible, settle
from kiosk.config import load_config
from kiosk.content.preview import CANNOT_SHOW
from kiosk.session.navigation import Location, Screen
from tests.conftest import SAMPLE_CONTENT
from tests.gui.conftest import PORTRAIT, accessible_name, find, page_text, text_of

SHOWN_MS = 10_000  # how long a test waits for a save to be on screen (the bench times it)
MIGRAINE = Location(Screen.PAGE, "migraine")
OPENING = "This page is for people whose migraines have not eased with other"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The sample content's source, to edit."""
    return Path(shutil.copytree(SAMPLE_CONTENT, tmp_path / "content"))


@pytest.fixture
def open_preview(qtbot: QtBot, tmp_path: Path) -> Iterator[Callable[..., Preview]]:
    opened: list[Preview] = []

    def open_at(folder: Path, at: Location = MIGRAINE, language: str = "") -> Preview:
        config = load_config(None, {"KIOSK_PATHS_DATA_DIR": str(tmp_path / "data"),
                                    "KIOSK_USAGE_ENABLED": "false"})  # fmt: skip
        preview = Preview(folder, config, PORTRAIT)
        kiosk = preview.open(at, language)
        kiosk.window.show()
        qtbot.waitExposed(kiosk.window)
        settle()
        opened.append(preview)
        return preview

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


def test_a_saved_edit_shows_on_the_page_where_the_author_is(
    qtbot: QtBot, folder: Path, open_preview: Callable[..., Preview]
) -> None:
    preview = open_preview(folder)
    kiosk = preview.kiosk
    assert kiosk is not None
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
    qtbot: QtBot, folder: Path, open_preview: Callable[..., Preview]
) -> None:
    preview = open_preview(folder)
    kiosk = preview.kiosk
    assert kiosk is not None
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
    qtbot: QtBot, folder: Path, open_preview: Callable[..., Preview]
) -> None:
    """Most editors save by writing a new file and renaming it over the old one."""
    preview = open_preview(folder)
    kiosk = preview.kiosk
    assert kiosk is not None
    page = folder / "pages/migraine.md"
    written = folder / "pages/.migraine.md.swp"
    written.write_text(page.read_text(encoding="utf-8").replace(OPENING, "RENAMED " + OPENING))
    with qtbot.waitSignal(preview.shown, timeout=SHOWN_MS):
        written.replace(page)
    assert "RENAMED This page" in page_text(qtbot, kiosk)
    edit(qtbot, preview, page, "RENAMED ", "AGAIN ")
    assert "AGAIN This page" in page_text(qtbot, kiosk)


def test_a_page_that_does_not_load_shows_its_problem_until_it_is_fixed(
    qtbot: QtBot, folder: Path, open_preview: Callable[..., Preview]
) -> None:
    preview = open_preview(folder)
    kiosk = preview.kiosk
    assert kiosk is not None
    page = folder / "pages/migraine.md"
    good = page.read_text(encoding="utf-8")
    save(qtbot, preview, page, good.replace("title: Migraine", "title: [Migraine"))

    lines = banner_lines(preview)
    assert lines
    assert lines[0].startswith("pages/migraine.md:3: error: front matter is not valid YAML:")
    assert preview.banner.property("worst") == "error"
    assert text_of(kiosk.window, "pageTitle") == "migraine"  # a stand-in, saying why
    shown = page_text(qtbot, kiosk)
    assert CANNOT_SHOW in shown
    assert "front matter is not valid YAML" in shown

    save(qtbot, preview, page, good)
    assert text_of(kiosk.window, "pageTitle") == "Migraine"
    assert not any(": error: " in line for line in banner_lines(preview))
    assert preview.banner.property("worst") != "error"


def test_a_page_with_a_broken_link_shows_with_the_problem_above_it(
    qtbot: QtBot, folder: Path, open_preview: Callable[..., Preview]
) -> None:
    preview = open_preview(folder)
    kiosk = preview.kiosk
    assert kiosk is not None
    edit(qtbot, preview, folder / "pages/migraine.md", "(central-sensitization.md)",
         "(central-sensitisation.md)")  # fmt: skip
    assert text_of(kiosk.window, "pageTitle") == "Migraine"
    page = folder / "pages/migraine.md"
    line = next(number for number, text in enumerate(page.read_text().splitlines(), start=1)
                if "central-sensitisation" in text)  # fmt: skip
    assert banner_lines(preview)[0] == (
        f"pages/migraine.md:{line}: error: broken link: there is no page 'central-sensitisation'"
    )


def test_a_folder_that_stops_loading_keeps_the_last_that_did(
    qtbot: QtBot, folder: Path, open_preview: Callable[..., Preview]
) -> None:
    preview = open_preview(folder)
    kiosk = preview.kiosk
    assert kiosk is not None
    toml = folder / "bundle.toml"
    good = toml.read_text(encoding="utf-8")
    save(qtbot, preview, toml, good.replace("[bundle]", "[bundle", 1))
    assert preview.kiosk is kiosk
    assert kiosk.ready
    assert text_of(kiosk.window, "pageTitle") == "Migraine"
    assert "no longer loads" in text_of(kiosk.window, "previewStatus")
    assert banner_lines(preview)[0].startswith("bundle.toml:4: error: not valid TOML")

    save(qtbot, preview, toml, good)
    assert "no longer loads" not in text_of(kiosk.window, "previewStatus")
    assert text_of(kiosk.window, "pageTitle") == "Migraine"


def test_a_folder_that_never_loaded_shows_the_kiosk_once_it_does(
    qtbot: QtBot, folder: Path, open_preview: Callable[..., Preview]
) -> None:
    toml = folder / "bundle.toml"
    good = toml.read_text(encoding="utf-8")
    toml.write_text(good.replace("[bundle]", "[bundle", 1), encoding="utf-8")
    preview = open_preview(folder)
    assert preview.kiosk is not None
    assert not preview.kiosk.ready
    assert banner_lines(preview)[0].startswith("bundle.toml:4: error: not valid TOML")

    save(qtbot, preview, toml, good)
    kiosk = preview.kiosk
    assert kiosk.ready
    assert kiosk.window.isVisible()
    assert text_of(kiosk.window, "pageTitle") == "Migraine"  # where it was asked to open
    edit(qtbot, preview, folder / "pages/migraine.md", "title: Migraine", "title: Still watched")
    assert text_of(kiosk.window, "pageTitle") == "Still watched"


def test_the_banner_sits_above_the_kiosk_and_reads_out(
    qtbot: QtBot, folder: Path, open_preview: Callable[..., Preview]
) -> None:
    preview = open_preview(folder, Location(Screen.HOME))
    kiosk = preview.kiosk
    assert kiosk is not None
    banner = find(kiosk.window, "previewBanner")
    assert kiosk.window.height() == PORTRAIT[1] + round(banner.height())  # the kiosk keeps its size
    assert banner.mapToScene(banner.position()).y() == 0
    for name in ("previewHeading", "previewStatus"):
        item = find(kiosk.window, name)
        assert accessible_name(item) == item.property("text") != ""
    assert "bundle.toml" in text_of(kiosk.window, "previewHeading")  # Home: the topics' file

    deleted = folder / "pages/migraine.md"
    with qtbot.waitSignal(preview.shown, timeout=SHOWN_MS):
        deleted.unlink()
    kiosk.navigation.go_to(Location(Screen.PAGE, "migraine"))  # still listed under its topic
    settle()
    assert CANNOT_SHOW in page_text(qtbot, kiosk)
    assert any("'migraine'" in line for line in banner_lines(preview))


def test_a_picture_saved_again_shows_as_saved(
    qtbot: QtBot, folder: Path, open_preview: Callable[..., Preview]
) -> None:
    preview = open_preview(folder, Location(Screen.PAGE, "central-sensitization"))
    kiosk = preview.kiosk
    assert kiosk is not None
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
