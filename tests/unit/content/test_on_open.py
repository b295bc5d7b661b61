"""An installed bundle's pages are rendered when first opened: start-up reads only their
front matter, and every page still goes through the same renderer and sanitizer."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest

from kiosk.content import on_open
from kiosk.content.loader import read_bundle
from kiosk.content.model import Page
from kiosk.content.on_open import RenderedOnOpen
from kiosk.content.render import RenderedPage, Renderer
from tests.conftest import SAMPLE_CONTENT


def _page(page_id: str, body: str, folder: Path) -> Page:
    return Page(page_id, page_id, "", None, dt.date(2026, 1, 1), "", (), body,
                folder / f"{page_id}.md", 1)  # fmt: skip


class CountingRenderer(Renderer):
    def __init__(self, root: Path, fail: str = "") -> None:
        super().__init__(root, set())
        self.rendered: list[str] = []
        self.fail = fail

    def render(self, source: str) -> RenderedPage:
        if self.fail and self.fail in source:
            raise ValueError("this page breaks the renderer")
        self.rendered.append(source)
        return super().render(source)


def test_a_trusted_load_renders_nothing_until_a_page_is_opened(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []
    render = Renderer.render
    monkeypatch.setattr(Renderer, "render", lambda self, s: calls.append(s) or render(self, s))

    result = read_bundle(SAMPLE_CONTENT, trusted=True)

    assert result.bundle is not None
    assert calls == []  # nothing rendered at start, in either language
    opened = result.rendered["opioids"]
    assert len(calls) == 1
    assert result.rendered["opioids"] is opened  # kept, not made again
    assert result.rendered_for("es-US")["opioids"].html != opened.html
    assert len(calls) == 2


def test_pages_rendered_on_open_are_the_pages_a_full_load_renders() -> None:
    """The same renderer and sanitizer wall, whichever path a page takes."""
    full, trusted = read_bundle(SAMPLE_CONTENT), read_bundle(SAMPLE_CONTENT, trusted=True)
    assert full.bundle is not None

    for language in full.bundle.languages:
        for page_id in full.bundle.pages:
            assert trusted.rendered_for(language)[page_id] == full.rendered_for(language)[page_id]


def test_only_the_latest_pages_stay_rendered(tmp_path: Path) -> None:
    renderer = CountingRenderer(tmp_path)
    pages = RenderedOnOpen(renderer, {f"p{n}": _page(f"p{n}", f"Page {n}.", tmp_path)
                                      for n in range(on_open.PAGES_KEPT + 10)})  # fmt: skip

    for page_id in pages:
        assert pages[page_id].text == f"Page {page_id[1:]}."
    pages["p0"]  # fell out of the cache: rendered again

    assert len(renderer.rendered) == on_open.PAGES_KEPT + 11
    assert len(pages) == on_open.PAGES_KEPT + 10


def test_a_page_that_will_not_render_is_not_there_and_the_reason_is_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    pages = RenderedOnOpen(CountingRenderer(tmp_path, fail="broken"),
                           {"good": _page("good", "Fine words.", tmp_path),
                            "bad": _page("bad", "A broken page.", tmp_path)})  # fmt: skip

    with caplog.at_level(logging.ERROR, "kiosk.content"), pytest.raises(KeyError):
        pages["bad"]
    assert f"{tmp_path / 'bad.md'} cannot be rendered: it is not shown" in caplog.text
    assert "bad" not in pages
    assert pages["good"].text == "Fine words."
