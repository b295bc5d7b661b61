"""A hostile page renders without the kiosk fetching anything from anywhere."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.bridge.walk import settle
from kiosk.content.loader import LoadResult, read_bundle
from kiosk.content.render import Renderer
from tests.conftest import DATA
from tests.gui.conftest import find, open_kiosk
from tests.unit.content.test_render import HOSTILE, HOSTILE_HTML


class Canary(ThreadingHTTPServer):
    """A loopback web server that counts every request it gets."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        canary = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                canary.requests.append(self.path)
                self.send_response(404)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        super().__init__(("127.0.0.1", 0), Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


@pytest.fixture
def canary() -> Iterator[Canary]:
    server = Canary()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def _aimed_at(canary: Canary, text: str) -> str:
    return (
        text.replace("https://evil.example", canary.url)
        .replace("http://evil.example", canary.url)
        .replace("//evil.example", canary.url.removeprefix("http:"))
    )


def _hostile_content(tmp_path: Path, canary: Canary) -> LoadResult:
    """The good bundle, with the renderer's output for the hostile set as one page.

    The loader refuses such a page outright; this puts it in front of the kiosk
    anyway, to prove the wall holds even if a hostile page got that far.
    """
    root = tmp_path / "content"
    shutil.copytree(DATA / "good", root)
    result = read_bundle(root)
    assert result.bundle is not None
    hostile = "\n\n".join(_aimed_at(canary, part) for part in [*HOSTILE, *HOSTILE_HTML])
    rendered = dict(result.rendered)
    rendered["details"] = Renderer(root, result.pages.keys()).render(hostile)
    return LoadResult(result.bundle, result.pages, rendered, [])


def test_a_hostile_page_makes_no_request(qtbot: QtBot, tmp_path: Path, canary: Canary) -> None:
    kiosk = open_kiosk(qtbot, _hostile_content(tmp_path, canary))
    assert kiosk.ready

    kiosk.navigation.home()
    assert kiosk.navigation.openPage("details")
    assert "127.0.0.1" in find(kiosk.window, "pageBody").property("text")  # as words only
    qtbot.wait(1500)
    settle()

    assert canary.requests == []
    kiosk.window.close()


@pytest.mark.qt_log_ignore("Error transferring")
def test_the_canary_hears_a_fetch_when_there_is_no_wall(
    kiosk: Kiosk, qtbot: QtBot, canary: Canary
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
