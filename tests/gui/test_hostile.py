"""A hostile page renders without the kiosk fetching anything from anywhere."""

from __future__ import annotations

import dataclasses
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.bridge.walk import settle
from kiosk.content.loader import LoadResult, read_bundle
from kiosk.content.render import Renderer
from tests.conftest import DATA
from tests.gui.conftest import find, open_kiosk, page_text
from tests.servers import RecordingHttpServer, http_server
from tests.unit.content.test_render import HOSTILE, HOSTILE_HTML


@pytest.fixture
def canary() -> Iterator[RecordingHttpServer]:
    """A loopback web server that counts every request it gets."""
    with http_server() as server:
        yield server


def _aimed_at(canary: RecordingHttpServer, text: str) -> str:
    return (
        text.replace("https://evil.example", canary.url)
        .replace("http://evil.example", canary.url)
        .replace("//evil.example", canary.url.removeprefix("http:"))
    )


def _hostile_content(tmp_path: Path, canary: RecordingHttpServer) -> LoadResult:
    """The good bundle, with the renderer's output for the hostile set as one page.

    The loader refuses such a page outright; this puts it in front of the kiosk
    anyway, to prove the wall holds even if a hostile page got that far.
    """
    root = tmp_path / "content"
    shutil.copytree(DATA / "good", root)
    result = read_bundle(root)
    assert result.bundle is not None
    hostile = "\n\n".join(_aimed_at(canary, part) for part in [*HOSTILE, *HOSTILE_HTML])
    boxed = "\n\n".join(
        f'!!! evidence "{_aimed_at(canary, tag)}"\n    {_aimed_at(canary, tag)}' for tag in TAGS
    )
    rendered = dict(result.rendered)
    rendered["details"] = Renderer(root, result.pages.keys()).render(hostile + "\n\n" + boxed)
    # Words from the front matter reach the screen too: as words, never as markup.
    tags = " ".join(_aimed_at(canary, tag) for tag in TAGS)
    page = dataclasses.replace(
        result.pages["details"], title=tags, summary=tags, key_points=(tags, tags)
    )
    bundle = dataclasses.replace(result.bundle, pages={**result.pages, "details": page})
    return LoadResult(bundle, bundle.pages, rendered, [])


# Markup Qt would fetch for if a text took it as rich text.
TAGS = ['<img src="http://evil.example/t.png">', "<img src='//evil.example/u.png'>"]


def test_a_hostile_page_makes_no_request(
    qtbot: QtBot, tmp_path: Path, canary: RecordingHttpServer
) -> None:
    kiosk = open_kiosk(qtbot, _hostile_content(tmp_path, canary))
    assert kiosk.ready

    kiosk.navigation.home()
    assert kiosk.navigation.openPage("details")
    assert "127.0.0.1" in page_text(qtbot, kiosk)  # as words only
    assert find(kiosk.window, "pageTitle").property("text").startswith("<img src=")
    assert find(kiosk.window, "keyPoint").property("text").startswith("<img src=")
    qtbot.wait(1500)
    settle()

    assert canary.requests == []
    kiosk.window.close()


@pytest.mark.qt_log_ignore("Error transferring")
def test_the_canary_hears_a_fetch_when_there_is_no_wall(
    kiosk: Kiosk, qtbot: QtBot, canary: RecordingHttpServer
) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtQml import QQmlComponent

    qml = (
        "import QtQuick\nText { textFormat: Text.RichText; "
        f"text: '<img src=\"{canary.url}/unsanitized.png\">' }}"
    )
    component = QQmlComponent(kiosk.engine)
    component.setData(qml.encode(), QUrl("file:///control.qml"))
    item = component.create()

    qtbot.waitUntil(lambda: canary.requests == ["/unsanitized.png"], timeout=5000)
    assert item is not None


def test_a_hostile_page_in_installed_content_is_walled_off_when_first_opened(
    qtbot: QtBot, tmp_path: Path, canary: RecordingHttpServer
) -> None:
    """Installed content renders each page when it is opened (its install checked it): a
    page changed on disk after that still goes through the sanitizer on its way in."""
    root = tmp_path / "content"
    shutil.copytree(DATA / "good", root)
    hostile = "\n\n".join(_aimed_at(canary, part) for part in [*HOSTILE, *HOSTILE_HTML])
    details = root / "pages" / "details.md"
    text = details.read_text(encoding="utf-8")
    details.write_text(text[: text.index("---", 3) + 4] + "\n" + hostile, encoding="utf-8")
    result = read_bundle(root, trusted=True)
    kiosk = open_kiosk(qtbot, result)
    assert kiosk.ready

    kiosk.navigation.home()
    assert kiosk.navigation.openPage("details")
    assert "127.0.0.1" in page_text(qtbot, kiosk)  # as words only
    shown = kiosk.content.page("details")
    # Rendered on opening through the wall: nothing in it could make the screen fetch.
    for html in [shown["html"], *(block["html"] for block in shown["blocks"])]:
        # (markup the page shows as words is escaped: &lt;img src=...&gt; is no tag)
        assert not re.search(r"""<[^>]*\ssrc=["']?(?:https?:)?//""", html), html
    settle()

    assert canary.requests == []
    kiosk.window.close()
