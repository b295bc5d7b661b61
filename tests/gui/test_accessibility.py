"""What a screen reader gets, through Qt's own accessibility interface (the one AT-SPI
and UI Automation read): every control named, every word of a page, every picture's
alt text, choices in named groups, errors said with their field, and focus that moves
to each new screen's title."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtQuick import QQuickWindow

from kiosk.app import Kiosk
from kiosk.bridge.walk import settle
from kiosk.content.plaintext import html_to_text
from kiosk.session.navigation import Location, Screen, every_location
from tests.gui.conftest import accessible_name, items, open_contact, tap

Role = QAccessible.Role


@dataclass(frozen=True)
class Node:
    role: QAccessible.Role
    name: str
    description: str
    focusable: bool
    invisible: bool
    parent_role: QAccessible.Role | None
    parent_name: str


def tree(window: QQuickWindow) -> Iterator[Node]:
    """Every node of the window's accessibility tree, depth first."""
    root = QAccessible.queryAccessibleInterface(window)
    assert root is not None
    assert root.isValid()
    stack: list[tuple[QAccessibleInterface, QAccessibleInterface | None]] = [(root, None)]
    while stack:
        node, parent = stack.pop()
        state = node.state()
        yield Node(
            node.role(),
            node.text(QAccessible.Text.Name) or "",
            node.text(QAccessible.Text.Description) or "",
            bool(state.focusable),
            bool(state.invisible),
            parent.role() if parent is not None else None,
            (parent.text(QAccessible.Text.Name) or "") if parent is not None else "",
        )
        for index in reversed(range(node.childCount())):
            child = node.child(index)
            if child is not None and child.isValid():
                stack.append((child, node))


def shown(window: QQuickWindow) -> list[Node]:
    return [n for n in tree(window) if not n.invisible]


def _words(text: str) -> list[str]:
    return re.findall(r"[\w’'-]+", text.lower())


def test_every_control_on_every_screen_has_a_name(kiosk: Kiosk) -> None:
    bundle = kiosk.result.bundle
    assert bundle is not None
    locations = every_location(bundle.tour, list(bundle.pages), [t.id for t in bundle.topics])
    for location in locations:
        if location.screen is Screen.STAFF:
            continue  # behind the staff PIN; its own test below
        assert kiosk.navigation.go_to(location)
        settle()
        unnamed = [n for n in shown(kiosk.window) if n.focusable and not n.name.strip()]
        assert unnamed == [], f"{location}: {unnamed}"


@pytest.mark.parametrize("page_id", ["migraine", "opioids", "pain-and-mood", "contact"])
def test_a_screen_reader_hears_every_word_of_a_page_and_each_picture(
    kiosk: Kiosk, page_id: str
) -> None:
    kiosk.navigation.home()
    assert kiosk.navigation.openPage(page_id)
    settle()
    heard = " ".join(n.name for n in shown(kiosk.window))
    # The body's words in the body's own blocks and box titles, not borrowed from a
    # page title or a button elsewhere on the screen.
    body = set(_words(" ".join(
        accessible_name(i) for i in items(kiosk.window)
        if i.objectName() in {"pageText", "boxTitle"} and i.isVisible()
    )))  # fmt: skip
    text = html_to_text(kiosk.result.rendered[page_id].html)
    assert [w for w in _words(text) if w not in body] == []
    page = kiosk.result.pages[page_id]
    rendered = kiosk.result.rendered[page_id]
    said = _words(heard)
    for part in (page.title, page.summary, *page.key_points, html_to_text(rendered.html)):
        missing = [w for w in _words(part) if w not in said]
        assert missing == [], f"{page_id}: not heard: {missing[:10]}"
    for alt in re.findall(r'<img alt="([^"]+)"', rendered.html):
        assert f"Picture: {html.unescape(alt)}" in heard


def test_links_inside_a_page_are_also_buttons_a_keyboard_can_reach(kiosk: Kiosk) -> None:
    kiosk.navigation.home()
    kiosk.navigation.openPage("migraine")
    settle()

    buttons = {n.name for n in shown(kiosk.window) if n.role == Role.Button and n.focusable}
    assert {"Central sensitization", "Nerve blocks for migraine"} <= buttons
    tap(kiosk.window, "pageLink_nerve-blocks")
    assert kiosk.navigation.target == "nerve-blocks"


def test_headings_are_headings_and_boxes_say_what_they_are(kiosk: Kiosk) -> None:
    kiosk.navigation.home()
    kiosk.navigation.openPage("migraine")
    settle()
    headings = {n.name for n in shown(kiosk.window) if n.role == Role.Heading}

    assert {"Migraine", "Key points", "How strong is this evidence?"} <= headings


def test_choices_are_radio_buttons_in_a_group_named_after_the_question(
    form_kiosk: Kiosk,
) -> None:
    kiosk = form_kiosk
    open_contact(kiosk)
    radios = [n for n in shown(kiosk.window) if n.role == Role.RadioButton]

    assert radios, "the form's choices are not radio buttons"
    groups = {n.parent_name for n in radios}
    assert groups == {"How should we reach you?", "Best time to reach you"}
    assert all(n.parent_role == Role.Grouping for n in radios)


def test_a_problem_is_said_with_its_field_and_the_focus_goes_to_the_first(
    form_kiosk: Kiosk,
) -> None:
    kiosk = form_kiosk
    open_contact(kiosk)

    tap(kiosk.window, "sendRequest")

    name_field = [n for n in shown(kiosk.window) if n.name == "Your name"
                  and n.role == Role.EditableText]  # fmt: skip
    assert name_field
    assert name_field[0].description.startswith("Please")  # the problem, in plain words
    assert kiosk.window.activeFocusItem().objectName() == "fieldNameInput"


def test_each_new_screen_takes_the_focus_on_its_title(kiosk: Kiosk) -> None:
    window = kiosk.window
    kiosk.navigation.home()
    settle()
    assert window.activeFocusItem().property("text") == kiosk.result.bundle.title

    tap(window, "topicTile_conditions")
    assert window.activeFocusItem().property("text") == "Conditions we treat"
    tap(window, "pageItem_crps")
    assert window.activeFocusItem().objectName() == "pageTitle"
    kiosk.navigation.openPage("migraine")  # page to page, same screen
    settle()
    focused = window.activeFocusItem()
    assert focused.objectName() == "pageTitle"
    assert focused.property("text") == "Migraine"


def test_the_idle_warning_is_said_at_once_and_again_at_ten_seconds(kiosk: Kiosk) -> None:
    from kiosk.session.idle import ManualClock

    clock = kiosk.clock
    assert isinstance(clock, ManualClock)
    kiosk.navigation.home()
    kiosk.navigation.openPage("migraine")
    settle()
    session = kiosk.session
    while not session.property("warning"):
        clock.advance(5)
        session.tick()
    settle()
    [first] = _alerts(kiosk)
    assert "start over in 30 seconds" in first
    assert kiosk.window.activeFocusItem().objectName() == "stillHere"

    while session.property("secondsLeft") > 11:
        clock.advance(1)
        session.tick()
    settle()
    assert _alerts(kiosk) == [first]  # not said every second
    clock.advance(1)
    session.tick()
    settle()
    alerts = _alerts(kiosk)
    assert len(alerts) == 2  # a new alert, which a screen reader says as it appears
    assert "start over in 10 seconds" in alerts[1]
    session.stillHere()


def _alerts(kiosk: Kiosk) -> list[str]:
    return [n.name for n in shown(kiosk.window) if n.role == Role.AlertMessage]


def test_the_thank_you_takes_the_focus(form_kiosk: Kiosk, sent: None) -> None:
    focused = form_kiosk.window.activeFocusItem()
    assert focused.objectName() == "thankYou"
    assert focused.property("text") == "Thank you"


@pytest.fixture
def sent(form_kiosk: Kiosk) -> None:
    """A request filled in and sent on the kiosk's form, by keyboard."""
    from tests.gui.test_keyboard import fill_and_send_by_keyboard

    form_kiosk.navigation.home()
    form_kiosk.navigation.openPage("welcome")  # the top bar has "Contact us" here
    settle()
    fill_and_send_by_keyboard(form_kiosk)


def test_the_staff_screen_names_its_keys(kiosk: Kiosk) -> None:
    assert kiosk.navigation.go_to(Location(Screen.STAFF))
    settle()

    unnamed = [n for n in shown(kiosk.window) if n.focusable and not n.name.strip()]
    assert unnamed == []
