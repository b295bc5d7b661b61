"""Where an author's preview shows once a save is read (kiosk.session.authoring)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from kiosk.content.preview import Look, look_at
from kiosk.session.authoring import place_after, tag_of
from kiosk.session.navigation import Location, Screen
from tests.conftest import SAMPLE_CONTENT

TODAY = dt.date(2026, 12, 1)
HOME = Location(Screen.HOME)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SAMPLE_CONTENT, tmp_path / "content"))


def look(folder: Path) -> Look:
    return look_at(folder, TODAY)


def test_the_page_saved_is_shown_in_the_language_it_is_written_in(folder: Path) -> None:
    before = look(folder)
    assert place_after({folder / "pages/crps.md"}, before, before, HOME, "es-US") == (
        Location(Screen.PAGE, "crps"), "en-US")  # fmt: skip
    assert place_after({folder / "pages/es/crps.md"}, before, before, HOME, "") == (
        Location(Screen.PAGE, "crps"), "es-US")  # fmt: skip


def test_anything_else_saved_leaves_the_author_where_they_were(folder: Path) -> None:
    before, at = look(folder), Location(Screen.PAGE, "migraine")
    for saves in ({folder / "bundle.toml"}, {folder / "media/volume-dial.svg"},
                  {folder / "pages/crps.md", folder / "pages/opioids.md"}, set()):  # fmt: skip
        assert place_after(saves, before, before, at, "es-US") == (at, "es-US")


def test_a_new_page_is_shown_though_only_its_folder_was_heard_of(folder: Path) -> None:
    before = look(folder)
    (folder / "pages/migraine.md").rename(folder / "pages/migraines.md")
    after = look(folder)
    saves = {folder / "pages", folder / "pages/migraine.md"}  # the folder; the old name
    assert place_after(saves, before, after, Location(Screen.PAGE, "migraine"), "") == (
        Location(Screen.PAGE, "migraines"), "en-US")  # fmt: skip


def test_a_tour_step_stays_the_step_of_its_page(folder: Path) -> None:
    before = look(folder)
    toml = folder / "bundle.toml"
    first_two = '    "chronic-pain-nervous-system",\n    "central-sensitization",\n'
    swapped = '    "central-sensitization",\n    "chronic-pain-nervous-system",\n'
    toml.write_text(toml.read_text(encoding="utf-8").replace(first_two, swapped))
    after = look(folder)
    step = Location(Screen.TOUR, "central-sensitization", 1)
    assert place_after({toml}, before, after, step, "") == (
        Location(Screen.TOUR, "central-sensitization", 0), "")  # fmt: skip
    saved_step = {folder / "pages/central-sensitization.md"}
    assert place_after(saved_step, before, after, step, "")[0] == Location(
        Screen.TOUR, "central-sensitization", 0)  # fmt: skip
    gone = Location(Screen.TOUR, "questions", 3)  # not in the tour any more
    assert place_after({toml}, before, after, gone, "") == (
        Location(Screen.PAGE, "questions"), "")  # fmt: skip


def test_a_folder_that_does_not_load_moves_nobody(folder: Path) -> None:
    before = look(folder)
    (folder / "bundle.toml").write_text("[bundle", encoding="utf-8")
    at = Location(Screen.PAGE, "migraine")
    assert place_after({folder / "pages/crps.md"}, before, look(folder), at, "") == (at, "")


def test_a_language_is_named_by_its_tag_or_its_first_part() -> None:
    tags = ("en-US", "es-US")
    assert [tag_of(name, tags) for name in ("es", "es-US", "ES", "fr", "")] == [
        "es-US", "es-US", "", "", ""]  # fmt: skip
