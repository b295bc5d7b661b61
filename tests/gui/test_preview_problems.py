"""An author's preview shows what validate says of the page on show in a banner above
the kiosk, which a screen reader reads; a page that does not load shows why, and a folder
that does not load at all never stops the preview."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.bridge.walk import settle
from kiosk.content.preview import CANNOT_SHOW
from kiosk.session.navigation import Location, Screen
from tests.gui.conftest import PORTRAIT, accessible_name, find, page_text, text_of
from tests.gui.previewing import (
    OPENING,
    SHOWN_MS,
    OpenPreview,
    banner_lines,
    edit,
    folder,
    open_preview,
    save,
)

__all__ = ["folder", "open_preview"]  # fixtures


def test_a_page_that_does_not_load_shows_its_problem_until_it_is_fixed(
    qtbot: QtBot, folder: Path, open_preview: OpenPreview
) -> None:
    preview, kiosk = open_preview(folder)
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
    qtbot: QtBot, folder: Path, open_preview: OpenPreview
) -> None:
    preview, kiosk = open_preview(folder)
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
    qtbot: QtBot, folder: Path, open_preview: OpenPreview
) -> None:
    preview, kiosk = open_preview(folder)
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
    qtbot: QtBot, folder: Path, open_preview: OpenPreview
) -> None:
    toml = folder / "bundle.toml"
    good = toml.read_text(encoding="utf-8")
    toml.write_text(good.replace("[bundle]", "[bundle", 1), encoding="utf-8")
    preview, _ = open_preview(folder)
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
    qtbot: QtBot, folder: Path, open_preview: OpenPreview
) -> None:
    preview, kiosk = open_preview(folder, Location(Screen.HOME))
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


def test_a_page_citing_an_unknown_source_shows_with_its_problem(
    qtbot: QtBot, folder: Path, open_preview: OpenPreview
) -> None:
    preview, kiosk = open_preview(folder)
    edit(qtbot, preview, folder / "pages/migraine.md", "references: [",
         "references: [no-such-source, ")  # fmt: skip
    assert text_of(kiosk.window, "pageTitle") == "Migraine"
    assert OPENING in page_text(qtbot, kiosk)
    assert "error: unknown reference 'no-such-source' (not in bundle.toml)" in banner_lines(
        preview)[0]  # fmt: skip
