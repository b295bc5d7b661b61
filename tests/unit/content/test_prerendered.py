"""An installed bundle keeps its pages as its install rendered them: the kiosk opens a page
by reading it back, through the sanitizer again, and renders it instead whenever what was
kept is not of the files (or the kiosk) here now."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from kiosk.bundles.store import render_check
from kiosk.content import prerendered
from kiosk.content.loader import LoadResult, read_bundle
from kiosk.content.prerendered import RENDERED_FILE
from kiosk.content.render import Renderer
from tests.conftest import SAMPLE_CONTENT
from tests.unit.content.test_render import HOSTILE_HTML, assert_nothing_escapes


@pytest.fixture
def installed(tmp_path: Path) -> Path:
    """The sample as an install leaves it: its page index and its pages as rendered."""
    root = tmp_path / "content"
    shutil.copytree(SAMPLE_CONTENT, root)
    render_check(root)
    return root


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The page bodies Markdown renders from here on."""
    calls: list[str] = []
    render = Renderer.render
    monkeypatch.setattr(Renderer, "render", lambda self, s: calls.append(s) or render(self, s))
    return calls


def _every_page(result: LoadResult) -> None:
    assert result.bundle is not None
    for language in result.bundle.languages:
        for page_id in result.bundle.pages:
            assert result.rendered_for(language)[page_id].blocks


def test_every_page_opens_without_markdown_as_the_renderer_makes_it(
    installed: Path, renders: list[str]
) -> None:
    kept = read_bundle(installed, trusted=True)
    _every_page(kept)
    assert renders == []  # read back, in both languages

    made = read_bundle(installed)
    assert made.bundle is not None
    assert kept.bundle is not None
    for language in made.bundle.languages:
        for page_id in made.bundle.pages:
            assert kept.rendered_for(language)[page_id] == made.rendered_for(language)[page_id]


def test_what_is_read_back_goes_through_the_wall_again(installed: Path) -> None:
    """Whatever is in the file (someone with the disk changed it), the screen gets what a
    fresh rendering would let through: links to this bundle's pages, pictures of its
    media files, its glossary's terms, boxes of known kinds."""
    hostile = "\n".join([*HOSTILE_HTML, "<script>fetch('//evil.example')</script>",
                         '<iframe src="https://evil.example/"></iframe>',
                         '<a href="kiosk:page/no-such-page">gone</a>',
                         '<img src="media/missing.svg" alt="none">',
                         '<a href="kiosk:page/crps">CRPS</a> <img src="media/tolerance.svg" '
                         'alt="ok">'])  # fmt: skip
    record = {"blocks": [["", "", hostile], ["warning", "<b>Box</b>", hostile],
                         ["safety", "Stay safe", "<p>Call 911.</p>"]],
              "page_links": ["crps", "no-such-page"], "terms": ["not a term"],
              "images": ["media/../../secret.txt", "/etc/passwd", "media/tolerance.svg"],
              "issues": []}  # fmt: skip
    with contextlib.closing(sqlite3.connect(installed / RENDERED_FILE)) as db, db:
        db.execute("UPDATE pages SET page = ? WHERE id = 'opioids'", (json.dumps(record),))

    page = read_bundle(installed, trusted=True).rendered["opioids"]

    assert_nothing_escapes(page.html)
    for block in page.blocks:
        assert_nothing_escapes(block.html)
    assert "no-such-page" not in page.html
    assert "gone" in page.html  # the words of a link that goes nowhere stay
    assert 'href="kiosk:page/crps"' in page.html
    assert "missing.svg" not in page.html
    assert 'src="media/tolerance.svg"' in page.html
    assert [(b.kind, b.title) for b in page.blocks] == [("", ""), ("", ""), ("safety", "Stay safe")]
    assert page.page_links == ("crps",)
    assert page.terms == ()
    assert page.images == ((installed / "media" / "tolerance.svg").resolve(),)


def test_a_bundle_reached_by_a_relative_or_linked_path_keeps_its_pages(
    installed: Path, tmp_path: Path, renders: list[str], monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    linked = tmp_path / "linked"
    linked.symlink_to(installed, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    render_check(Path("linked"))  # pictures resolve through the link; the folder is relative
    renders.clear()

    with caplog.at_level(logging.INFO, "kiosk.content"):
        _every_page(read_bundle(Path("linked"), trusted=True))

    assert renders == []
    assert "rendering pages as they open" not in caplog.text


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda root: os.utime(root / "glossary.toml", ns=(0, 10**18)), "not made by this kiosk"),
        (lambda root: (root / "media" / "new.svg").write_text("<svg/>"), "not made by this kiosk"),
        (lambda root: (root / RENDERED_FILE).write_bytes(b"not a database"), "cannot be read"),
        (lambda root: (root / RENDERED_FILE).unlink(), "has no pages as rendered"),
    ],
    ids=["glossary changed", "media added", "file damaged", "file missing"],
)  # fmt: skip
def test_pages_are_rendered_when_what_was_kept_is_not_of_these_files(
    installed: Path,
    renders: list[str],
    caplog: pytest.LogCaptureFixture,
    change: object,
    why: str,
) -> None:
    change(installed)  # type: ignore[operator]

    with caplog.at_level(logging.INFO, "kiosk.content"):
        result = read_bundle(installed, trusted=True)
        _every_page(result)

    assert len(renders) == 28  # every page of both languages, each once
    assert why in caplog.text
    assert result.rendered["opioids"] == read_bundle(installed).rendered["opioids"]


def test_a_kiosk_of_another_version_renders_the_pages_itself(
    installed: Path, renders: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(prerendered, "APP_VERSION", "99.0.0")

    _every_page(read_bundle(installed, trusted=True))

    assert len(renders) == 28


def test_a_checked_folder_renders_its_pages_whatever_is_kept_beside_them(
    installed: Path, renders: list[str]
) -> None:
    """`kiosk --content DIR` and `kiosk-admin bundle validate` render every page."""
    result = read_bundle(installed)

    assert result.bundle is not None
    assert len(renders) == 28


def test_an_installed_kiosk_opens_a_page_without_loading_markdown(installed: Path) -> None:
    import subprocess

    code = (f"import sys; from pathlib import Path\nfrom kiosk.content.loader import read_bundle\n"
            f"r = read_bundle(Path({str(installed)!r}), trusted=True)\n"
            f"assert r.rendered['opioids'].blocks and r.rendered_for('es-US')['crps'].blocks\n"
            f"print('markdown' in sys.modules)")  # fmt: skip
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True, timeout=120)  # fmt: skip

    assert shown.stdout.strip() == "False"
