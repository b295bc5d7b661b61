"""A patient's way through the kiosk: tap, read, follow the tour, go back."""

from __future__ import annotations

from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, QMetaObject, QPointF
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from tests.conftest import REPO
from tests.gui.conftest import (
    LEFT,
    NO_MODIFIER,
    centre,
    find,
    items,
    open_kiosk,
    page_text,
    page_texts,
    scroll_into_view,
    swipe,
    tap,
    text_of,
)


def test_a_tap_on_the_attract_screen_opens_home(kiosk: Kiosk) -> None:
    window = kiosk.window
    assert text_of(window, "attractClinic") == "Libertas Mind"

    tap(window, "attractClinic")

    assert kiosk.navigation.screen == "home"
    assert find(window, "startTour").isVisible()


def test_a_topic_tile_then_a_page(kiosk: Kiosk, qtbot: QtBot) -> None:
    window = kiosk.window
    kiosk.navigation.home()

    tap(window, "topicTile_conditions")
    assert kiosk.navigation.screen == "topic"
    tap(window, "pageItem_crps")

    assert text_of(window, "pageTitle") == "Complex regional pain syndrome (CRPS)"
    assert "NMDA receptors" in page_text(qtbot, kiosk)
    tap(window, "backButton")
    assert kiosk.navigation.screen == "topic"
    tap(window, "homeButton")
    assert kiosk.navigation.screen == "home"


def test_the_tour_steps_with_buttons_and_swipes(kiosk: Kiosk) -> None:
    window = kiosk.window
    kiosk.navigation.home()

    tap(window, "startTour")
    assert text_of(window, "tourStep") == "Step 1 of 6"
    assert text_of(window, "pageTitle") == "Chronic pain changes the nervous system"

    tap(window, "tourNext")
    assert text_of(window, "tourStep") == "Step 2 of 6"
    view = find(window, "pageView")
    middle = centre(view)

    swipe(window, middle, -400)
    assert text_of(window, "tourStep") == "Step 3 of 6"
    swipe(window, middle, 400)
    assert text_of(window, "tourStep") == "Step 2 of 6"
    tap(window, "tourBack")
    assert text_of(window, "tourStep") == "Step 1 of 6"


def test_the_last_tour_step_shows_how_to_reach_the_clinic(kiosk: Kiosk) -> None:
    window = kiosk.window
    kiosk.navigation.home()
    kiosk.navigation.startTour()
    for _ in range(5):
        tap(window, "tourNext")

    assert text_of(window, "tourStep") == "Step 6 of 6"
    assert text_of(window, "clinicAddress").startswith("963 Route 146")
    assert find(window, "tourNext").property("text") == "Finish"
    tap(window, "tourNext")
    assert kiosk.navigation.screen == "home"


def test_a_link_inside_a_page_opens_that_page(kiosk: Kiosk, qtbot: QtBot) -> None:
    window = kiosk.window
    kiosk.navigation.home()
    kiosk.navigation.openPage("central-sensitization")
    linked = [(body, spot) for body in page_texts(qtbot, kiosk) if (spot := _first_link(body))]

    assert linked
    body, (point, link) = linked[0]
    scroll_into_view(window, body)
    QTest.mouseClick(window, LEFT, NO_MODIFIER, body.mapToScene(point).toPoint())

    assert link.startswith("kiosk:page/")
    assert kiosk.navigation.screen == "page"
    assert kiosk.navigation.target == link.removeprefix("kiosk:page/")
    assert kiosk.navigation.canGoBack


def _first_link(body: object) -> tuple[QPointF, str] | None:
    """The first link to a page (not a glossary word) in `body`, and a point on it."""
    height = int(body.height())  # type: ignore[attr-defined]
    width = int(body.width())  # type: ignore[attr-defined]
    for y in range(0, height, 8):
        for x in range(0, width, 16):
            link = QMetaObject.invokeMethod(
                body, "linkAt", Q_RETURN_ARG(str), Q_ARG(float, x), Q_ARG(float, y)
            )
            if link.startswith("kiosk:page/"):
                return QPointF(x + 4, y + 2), link
    return None


def test_bigger_text_lays_the_page_out_again(kiosk: Kiosk, qtbot: QtBot) -> None:
    window = kiosk.window
    kiosk.navigation.home()
    kiosk.navigation.openPage("migraine")
    body = find(window, "pageText")
    before = body.height()

    tap(window, "textSize2")

    assert kiosk.display.textStep == 2
    qtbot.waitUntil(lambda: body.height() > before * 1.3, timeout=3000)


def test_landscape_puts_the_notices_beside_the_text(qtbot: QtBot) -> None:
    from tests.conftest import SAMPLE_CONTENT

    kiosk = open_kiosk(qtbot, SAMPLE_CONTENT, size=(1920, 1080))
    window = kiosk.window
    kiosk.navigation.home()
    kiosk.navigation.openPage("pain-and-mood")

    body, crisis = find(window, "pageText"), find(window, "crisisLine")
    body_right = body.mapToScene(QPointF(body.width(), 0)).x()
    assert crisis.mapToScene(QPointF(0, 0)).x() > body_right
    assert body.width() <= 33 * 31  # about 70 characters a line
    kiosk.window.close()


def test_high_contrast_recolours_the_page_and_its_links(kiosk: Kiosk, qtbot: QtBot) -> None:
    window = kiosk.window
    kiosk.navigation.home()
    kiosk.navigation.openPage("central-sensitization")
    assert "a { color: #164a63; }" in page_text(qtbot, kiosk)

    tap(window, "contrastButton")

    assert kiosk.display.highContrast
    assert "a { color: #ffd400; }" in page_text(qtbot, kiosk)
    assert window.property("color").name() == "#000000"


def test_qml_names_screens_by_the_one_enum(kiosk: Kiosk) -> None:
    from kiosk.session.navigation import Screen

    assert kiosk.navigation.property("screens") == {s.name.lower(): s.value for s in Screen}
    for path in (REPO / "kiosk" / "views").glob("*.qml"):
        text = path.read_text(encoding="utf-8")
        for screen in Screen:
            assert f'screen === "{screen.value}"' not in text, path.name
            assert f'screen !== "{screen.value}"' not in text, path.name


def test_a_page_opens_with_its_key_points_and_shows_its_boxes(kiosk: Kiosk) -> None:
    window = kiosk.window
    kiosk.navigation.home()
    kiosk.navigation.openPage("migraine")

    points = [i for i in items(window) if i.objectName() == "keyPoint" and i.isVisible()]
    assert [p.property("text") for p in points] == list(kiosk.result.pages["migraine"].key_points)
    key_box, body = find(window, "keyPoints"), find(window, "pageBody")
    assert key_box.mapToScene(QPointF(0, 0)).y() < body.mapToScene(QPointF(0, 0)).y()
    evidence, tool = find(window, "pageBox_evidence"), find(window, "pageBox_tool")
    titles = [i.property("text") for i in items(window) if i.objectName() == "boxTitle"]
    assert "How strong is this evidence?" in titles
    assert "Count your headache days" in titles
    assert evidence.property("color") != tool.property("color")  # each kind its own colour
    assert text_of(window, "pageReviewed").startswith("Draft, ")


def test_the_contact_screen_says_when_to_get_help(kiosk: Kiosk) -> None:
    window = kiosk.window
    kiosk.navigation.home()
    kiosk.navigation.openPage("welcome")
    tap(window, "contactButton")

    safety = find(window, "pageBox_safety")
    words = " ".join(
        str(i.property("text")) for i in items(window)
        if i.isVisible() and safety.isAncestorOf(i) and i.property("text")
    )  # fmt: skip
    assert "When to get help" in words
    assert "AYUDA" in words
    assert "911" in words
