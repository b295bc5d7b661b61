"""Every screen loads cleanly, every control is big enough and has a name."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, QUrl
from PySide6.QtQml import QQmlComponent
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.bridge.models import PageListModel, TopicListModel
from kiosk.bridge.walk import ORIENTATIONS, Walker
from kiosk.bundles.choice import choose_content
from kiosk.config import load_config
from kiosk.content import load_bundle
from kiosk.launcher import VIEWS
from tests.conftest import SAMPLE_CONTENT
from tests.gui.conftest import accessible_name, find, items, open_kiosk

MIN_TARGET = 48


@pytest.mark.parametrize("qml", sorted(p.name for p in VIEWS.glob("*.qml")))
def test_every_qml_file_compiles_without_warnings(kiosk: Kiosk, qml: str) -> None:
    component = QQmlComponent(kiosk.engine, QUrl.fromLocalFile(str(VIEWS / qml)))

    assert component.isReady(), [e.toString() for e in component.errors()]


@pytest.mark.parametrize("orientation", list(ORIENTATIONS))
@pytest.mark.parametrize("text_step", [0, 2])
def test_every_control_is_big_enough_and_named(
    kiosk: Kiosk, orientation: str, text_step: int
) -> None:
    walker = Walker.of(kiosk)
    walker.resize(orientation)
    kiosk.display.setTextStep(text_step)
    checked = 0

    for location, _ in walker.visit():
        for item in items(kiosk.window):
            if not (item.isVisible() and item.inherits("QQuickAbstractButton")):
                continue
            where = f"{location} {item.objectName() or item.metaObject().className()}"
            assert item.width() >= MIN_TARGET, where
            assert item.height() >= MIN_TARGET, where
            assert accessible_name(item).strip(), f"{where} has no accessible name"
            checked += 1

    assert checked > 100


BAR = (
    "homeButton",
    "backButton",
    "contactButton",
    "textSize0",
    "textSize1",
    "textSize2",
    "contrastButton",
    "doneButton",
)


def _gap(a: QRectF, b: QRectF) -> float:
    """The clear space between two rectangles (0 when they touch or overlap)."""
    dx = max(b.left() - a.right(), a.left() - b.right(), 0)
    dy = max(b.top() - a.bottom(), a.top() - b.bottom(), 0)
    return max(dx, dy)


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)])
def test_top_bar_buttons_keep_their_words_and_space_between(
    qtbot: QtBot, size: tuple[int, int]
) -> None:
    kiosk = open_kiosk(qtbot, SAMPLE_CONTENT, size=size)
    kiosk.navigation.home()
    kiosk.navigation.openPage("opioids")
    bar = {n: find(kiosk.window, n) for n in BAR}
    rects = {n: b.mapRectToScene(QRectF(0, 0, b.width(), b.height())) for n, b in bar.items()}

    for (one, a), (other, b) in itertools.combinations(rects.items(), 2):
        assert _gap(a, b) >= 8, (one, other)
    done = rects["doneButton"]
    assert all(_gap(done, r) >= 24 for n, r in rects.items() if n != "doneButton")
    for name in ("homeButton", "backButton", "contactButton", "contrastButton"):
        assert bar[name].property("text"), name  # words beside the icon, even in portrait
    window = kiosk.window
    assert all(window.contentItem().contains(r.bottomRight()) for r in rects.values())
    window.close()


def test_list_models_follow_the_qt_contract(qtmodeltester: ModelTester) -> None:
    bundle = load_bundle(SAMPLE_CONTENT)

    qtmodeltester.check(TopicListModel(bundle))
    for topic in bundle.topics:
        qtmodeltester.check(PageListModel([bundle.pages[p] for p in topic.pages]))


def test_content_that_fails_to_load_shows_a_calm_screen(qtbot: QtBot, tmp_path: Path) -> None:
    kiosk = open_kiosk(qtbot, tmp_path)

    assert not kiosk.ready
    title = find(kiosk.window, "unavailableTitle").property("text")
    assert title == "This screen is being updated"
    # With no content there is no language button: it says so in every language it speaks.
    said = {str(i.property("text")) for i in items(kiosk.window) if i.property("text")}
    assert {"Esta pantalla se está actualizando", "This screen is being updated"} <= said
    kiosk.window.close()


def test_content_the_kiosk_may_not_read_shows_the_calm_screen(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "content"  # as root, chmod cannot lock a test out: refuse here
    looked_at = Path.is_dir

    def is_dir(path: Path) -> bool:
        if path == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return looked_at(path)

    monkeypatch.setattr(Path, "is_dir", is_dir)
    monkeypatch.setattr(Path, "is_file", is_dir)

    content = choose_content(locked, load_config(None, {}))
    kiosk = open_kiosk(qtbot, content)

    assert not kiosk.ready
    assert [str(p) for p in kiosk.result.problems] == [
        f"{locked}:1: error: cannot read: Permission denied"
    ]
    assert find(kiosk.window, "unavailableTitle").property("text") == "This screen is being updated"
    kiosk.window.close()


def test_walker_visits_every_page_and_tour_step(kiosk: Kiosk) -> None:
    walker: Walker = Walker.of(kiosk)
    walker.resize("portrait")

    seen = [(location.screen.value, location.target) for location, frame in walker.visit()]

    assert {t for s, t in seen if s == "page"} == set(load_bundle(SAMPLE_CONTENT).pages)
    assert sum(1 for s, _ in seen if s == "tour") == 6


def test_an_installed_page_that_will_not_render_shows_nothing_of_itself(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk.content.loader import read_bundle
    from kiosk.content.render import Renderer

    render = Renderer.render

    def breaks_on_opioids(self: Renderer, source: str) -> object:
        if "oxycodone" in source:
            raise RecursionError("a page too deep for the renderer")
        return render(self, source)

    monkeypatch.setattr(Renderer, "render", breaks_on_opioids)
    kiosk = open_kiosk(qtbot, read_bundle(SAMPLE_CONTENT, trusted=True))
    kiosk.navigation.home()
    assert kiosk.navigation.openPage("opioids")

    assert kiosk.content.page("opioids") == {}  # no title, no words: nothing of it
    assert find(kiosk.window, "pageTitle").property("text") == ""
    assert kiosk.navigation.openPage("pain-and-mood")  # the others open as ever
    assert find(kiosk.window, "pageTitle").property("text") == "Pain and mood"
    kiosk.window.close()


def test_a_topic_s_pages_are_made_ready_while_its_list_is_read(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Installed content renders a page when it is first needed: for the pages a topic
    lists, that is while the patient reads the list, so the tap only shows the page."""
    from kiosk.content.loader import read_bundle
    from kiosk.content.render import Renderer

    rendered: list[str] = []
    render = Renderer.render
    monkeypatch.setattr(Renderer, "render", lambda self, s: rendered.append(s) or render(self, s))
    kiosk = open_kiosk(qtbot, read_bundle(SAMPLE_CONTENT, trusted=True))
    kiosk.navigation.home()
    qtbot.waitUntil(lambda: not kiosk.content.reading_ahead)  # Home: the tour's pages
    before = len(rendered)

    assert kiosk.navigation.openTopic("medicines")
    qtbot.waitUntil(lambda: not kiosk.content.reading_ahead)
    assert len(rendered) == before + 1  # opioids and ketamine were tour pages already
    assert kiosk.navigation.openPage("ketamine-what-to-expect")

    assert len(rendered) == before + 1  # shown, not rendered on the tap
    assert find(kiosk.window, "pageTitle").property("text") == "Ketamine infusion: what to expect"
    kiosk.window.close()
