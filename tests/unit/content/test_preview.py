"""What an author's preview makes of a source folder (kiosk.content.preview): validate's
problems exactly; the bundle as far as it loads, with a page saying why for each one that
does not; a reading again renders only what changed (kiosk.content.memo)."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
from pathlib import Path

import pytest

from kiosk.content.memo import Memo
from kiosk.content.plaintext import html_to_text
from kiosk.content.preview import CANNOT_SHOW, escape_markdown, folder_files, look_at, page_of
from kiosk.content.render import Renderer
from kiosk.content.validate import validate
from tests.conftest import SAMPLE_CONTENT
from tests.unit.content.test_hostile_corpus import CORPUS

TODAY = dt.date(2026, 12, 1)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SAMPLE_CONTENT, tmp_path / "content"))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_problems_are_exactly_validates(folder: Path) -> None:
    assert list(look_at(folder, TODAY).problems) == validate(folder, TODAY).problems
    edit(folder / "pages/migraine.md", "title: Migraine", "title: [Migraine")  # an error
    edit(folder / "pages/crps.md", "(questions.md)", "(question.md)")  # and another
    look = look_at(folder, TODAY)
    assert look.errors == 2
    assert list(look.problems) == validate(folder, TODAY).problems


def test_a_page_that_does_not_parse_is_stood_in_for_in_every_language(folder: Path) -> None:
    edit(folder / "pages/migraine.md", "title: Migraine", "title: [Migraine")
    bundle = look_at(folder, TODAY).result.bundle
    assert bundle is not None  # the rest of the content still shows
    for edition in (bundle, bundle.edition("es-US")):
        stand_in = edition.pages["migraine"]
        assert stand_in.title == "migraine"
        assert stand_in.is_draft  # never shown as reviewed
    rendered = look_at(folder, TODAY).result
    for pages in (rendered.rendered, rendered.rendered_for("es-US")):
        text = pages["migraine"].text
        assert CANNOT_SHOW in text
        assert "pages/migraine.md:3: error: front matter is not valid YAML" in text
    assert bundle.pages["crps"].title == "Complex regional pain syndrome (CRPS)"


def test_a_translation_that_does_not_parse_is_stood_in_for_in_its_language(
    folder: Path,
) -> None:
    edit(folder / "pages/es/migraine.md", "title: La migraña", "title: [La migraña")
    result = look_at(folder, TODAY).result
    assert result.bundle is not None
    assert result.bundle.pages["migraine"].title == "Migraine"  # English as written
    spanish = result.bundle.edition("es-US").pages["migraine"]
    assert spanish.title == "migraine"
    assert spanish.source == folder / "pages/es/migraine.md"
    text = result.rendered_for("es-US")["migraine"].text
    assert "pages/es/migraine.md:3: error: front matter is not valid YAML" in text


def test_a_topic_that_names_a_page_with_no_file_lists_a_page_saying_so(folder: Path) -> None:
    (folder / "pages/migraine.md").unlink()
    (folder / "pages/es/migraine.md").unlink()
    look = look_at(folder, TODAY)
    assert look.result.bundle is not None
    text = look.result.rendered["migraine"].text
    assert "bundle.toml:59: error: topic 'conditions' names missing page 'migraine'" in text
    files = look.page_files("migraine", "")
    assert any("names missing page 'migraine'" in p.message for p in look.split(files)[0])


def test_a_folder_whose_bundle_file_does_not_read_shows_nothing(folder: Path) -> None:
    edit(folder / "bundle.toml", "[bundle]", "[bundle")
    look = look_at(folder, TODAY)
    assert look.result.bundle is None
    assert look.problems[0].path == str(folder / "bundle.toml")


def test_pictures_are_named_with_the_time_they_were_saved(folder: Path) -> None:
    first = look_at(folder, TODAY).result.rendered["central-sensitization"]
    picture = folder / "media/volume-dial.svg"
    stamp = f'src="media/volume-dial.svg?v={picture.stat().st_mtime_ns}"'
    assert stamp in first.html
    assert any(stamp in block.html for block in first.blocks)
    picture.write_text(picture.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    again = look_at(folder, TODAY).result.rendered["central-sensitization"]
    assert stamp not in again.html
    assert f"?v={picture.stat().st_mtime_ns}" in again.html


def test_reading_again_renders_only_what_changed(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rendered: list[str] = []
    render = Renderer.render

    def counting(self: Renderer, source: str) -> object:
        rendered.append(source)
        return render(self, source)

    monkeypatch.setattr(Renderer, "render", counting)
    memo = Memo()
    look_at(folder, TODAY, memo)
    assert len(rendered) == 28  # 14 pages, in English and Spanish
    rendered.clear()
    look_at(folder, TODAY, memo)
    assert rendered == []
    edit(folder / "pages/migraine.md", "This page is for", "EDITED This page is for")
    look = look_at(folder, TODAY, memo)
    assert len(rendered) == 1
    assert "EDITED" in rendered[0]
    assert "EDITED" in look.result.rendered["migraine"].text
    assert list(look.problems) == validate(folder, TODAY).problems  # checked again, the same
    rendered.clear()
    (folder / "glossary.toml").write_text((folder / "glossary.toml").read_text() + "\n")
    look_at(folder, TODAY, memo)
    assert len(rendered) == 0  # the same words: nothing to render again
    (folder / "media/new.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    look_at(folder, TODAY, memo)
    assert len(rendered) == 28  # a picture added: a page may now have it


@pytest.mark.parametrize(
    ("path", "found"),
    [
        ("pages/migraine.md", ("migraine", "")),
        ("pages/es/migraine.md", ("migraine", "es-US")),
        ("pages/fr/migraine.md", None),
        ("pages/notes.txt", None),
        ("bundle.toml", None),
        ("media/volume-dial.svg", None),
    ],
)
def test_the_page_a_saved_file_writes(path: str, found: tuple[str, str] | None) -> None:
    root = Path("/content")
    assert page_of(root, root / path, ["es-US"]) == found
    assert page_of(root, Path("/elsewhere/pages/migraine.md"), ["es-US"]) is None


def test_every_hostile_string_in_a_problem_reads_as_written() -> None:
    """A problem's message quotes the author's file: on a stand-in page it is text."""
    renderer = Renderer(Path("/content"), [], {})
    changed = []
    for entry in json.loads(CORPUS.read_text(encoding="utf-8")):
        payload = entry["payload"]
        page = renderer.render(escape_markdown(f"pages/x.md:3: error: {payload!s}"))
        shown = _plain(html_to_text(page.html))
        if shown != _plain(f"pages/x.md:3: error: {payload}"):
            changed.append(payload)
        assert not page.page_links
        assert not page.images
    assert changed == []


def _plain(text: str) -> str:
    """Text as it reads: control characters dropped as the renderer drops them (those
    that break lines are white space), any run of white space one space."""
    text = re.sub(r"[\x00-\x08\x0e-\x1f\x7f]", "", text)
    text = re.sub(r"[\x0b\x0c\r\u2028\u2029]", " ", text)
    return " ".join(text.split())


def test_a_front_matter_reordered_is_checked_again(folder: Path) -> None:
    """A page's checks depend on the lines of its front matter, which its equality does
    not see: swapping two lines must not bring back the old line numbers."""
    memo = Memo()
    look_at(folder, TODAY, memo)
    page = folder / "pages/migraine.md"
    edit(page, "reviewed_by: Clinic medical staff\nreview_status: draft",
         "review_status: draft\nreviewed_by: Clinic medical staff")  # fmt: skip
    assert list(look_at(folder, TODAY, memo).problems) == validate(folder, TODAY).problems


def test_links_to_nothing_and_lock_files_do_not_stop_the_reading(folder: Path) -> None:
    (folder / "media/gone.svg").symlink_to(folder / "media/nowhere.svg")
    (folder / "media/.#volume-dial.svg").symlink_to("root@host.1234:1700000000")  # Emacs
    (folder / "media/loop.svg").symlink_to(folder / "media/loop.svg")
    look = look_at(folder, TODAY, Memo())
    assert look.result.bundle is not None
    assert list(look.problems) == validate(folder, TODAY).problems


def test_the_files_watched_leave_out_hidden_ones_and_what_cannot_be_listed(
    folder: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    (folder / ".git/objects/ab").mkdir(parents=True)
    (folder / ".git/objects/ab/cdef").write_text("x")
    (folder / "pages/.migraine.md.swp").write_text("x")
    (folder / "private").mkdir()
    scandir = os.scandir

    def refusing(path: object) -> object:
        if Path(str(path)) == folder / "private":
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", refusing)
    files = folder_files(folder)
    assert folder / "pages/migraine.md" in files
    assert folder / "media/es" in files
    assert not any(".git" in path.parts or path.name.startswith(".") for path in files)
    assert f"cannot watch {folder / 'private'}: Permission denied" in caplog.text


def test_a_page_citing_a_source_not_in_the_bundle_still_shows(folder: Path) -> None:
    edit(folder / "pages/migraine.md", "references: [", "references: [no-such-source, ")
    look = look_at(folder, TODAY)
    assert look.result.bundle is not None
    page = look.result.bundle.pages["migraine"]
    assert page.title == "Migraine"
    assert "no-such-source" not in page.references
    assert "migraine-research-foundation" in page.references
    assert any("unknown reference 'no-such-source'" in p.message for p in look.problems)
