"""The front matter of an installed bundle's pages, kept at install: the kiosk starts
without parsing every page, and a page changed on disk since is read as it is now."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from kiosk.bundles import store
from kiosk.content import frontmatter
from kiosk.content.loader import read_bundle
from kiosk.content.page_index import INDEX_FILE, write_index
from tests.conftest import SAMPLE_CONTENT
from tests.unit.bundles.helpers import TRUSTED, folder_files, signed_bundle


@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(SAMPLE_CONTENT, root)
    return root


def test_an_indexed_bundle_loads_the_same_pages_without_parsing_them(
    content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_index(content)
    parsed: list[str] = []
    split = frontmatter.split
    monkeypatch.setattr(frontmatter, "split", lambda text: parsed.append(text) or split(text))

    indexed = read_bundle(content, trusted=True)
    full = read_bundle(content)

    assert indexed.bundle is not None
    assert full.bundle is not None
    assert len(parsed) == 28  # only the full read parsed the pages (both languages)
    for language in full.bundle.languages:
        mine, theirs = indexed.bundle.edition(language), full.bundle.edition(language)
        for page_id, page in theirs.pages.items():
            assert mine.pages[page_id].title == page.title
            assert mine.pages[page_id].key_points == page.key_points
            assert mine.pages[page_id].last_reviewed == page.last_reviewed
            assert mine.pages[page_id].language == page.language
            # The words, read from the page file when it is first opened.
            assert indexed.rendered_for(language)[page_id] == full.rendered_for(language)[page_id]


def test_a_page_changed_since_the_index_is_read_as_it_is_now(
    content: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write_index(content)
    page = content / "pages" / "welcome.md"
    page.write_text(page.read_text().replace("title: Welcome", "title: Hello there"))

    with caplog.at_level(logging.WARNING, "kiosk.content"):
        result = read_bundle(content, trusted=True)

    assert result.bundle is not None
    assert result.bundle.pages["welcome"].title == "Hello there"
    assert f"{content / INDEX_FILE} is not of the pages here now" in caplog.text


def test_install_keeps_the_index_beside_the_pages(tmp_path: Path) -> None:
    bundle = signed_bundle(folder_files(SAMPLE_CONTENT), tmp_path / "s.kbundle", "libertas-mind", 1)

    installed = store.install(bundle, tmp_path / "data", TRUSTED, "0.1.0")

    assert (installed.path / INDEX_FILE).is_file()
    assert read_bundle(installed.path, trusted=True).bundle is not None
